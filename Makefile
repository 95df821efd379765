# `make run` and `make test` work on a fresh machine: they create .venv and install what they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO ?= demos/cart.py

.PHONY: run test test-fast test-browser bench lint typecheck clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) $(DEMO)

# The whole suite: unit, server and browser tests. Exit code 5 (no tests collected) fails.
test: $(STAMP)
	@$(PY) -m pytest tests -q; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests (exit code 5): failing" >&2; fi; \
	exit $$status

test-fast: $(STAMP)
	$(PY) -m pytest tests -q -m "not browser and not slow"

test-browser: $(STAMP)
	$(PY) -m pytest tests/browser -q

bench: $(STAMP)
	$(PY) -m benchmarks.run

lint: $(STAMP)
	$(PY) -m ruff check blocks tests benchmarks

typecheck: $(STAMP)
	$(PY) -m mypy blocks

clean:
	rm -rf $(VENV) dist build .pytest_cache
