"""/openapi.json and Gradio's API visibility rules, against a real server; schemathesis fuzzes it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import jsonschema_rs
import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode

import blocks as gr

from .conftest import serve_asgi
from .logwatch import LogWatch


def _demo() -> gr.Blocks:
    """Every kind of listener, in an order whose names Gradio 6 gives as commented (checked with gradio 6.31)."""
    with gr.Blocks(title="Visibility") as demo:
        box = gr.Textbox(label="Text", max_length=20)
        num = gr.Number(label="N", minimum=0, maximum=10)
        picks = gr.CheckboxGroup(["a", "b"], label="Picks")
        count = gr.State(0)

        def greet(text: str) -> str:
            """Say hello."""
            return "Hello " + text

        demo.load(greet, box, box)  # "greet", public
        box.submit(lambda t: t, box, box)  # "lambda", public
        box.change(lambda t: t, box, box, api_name=False)  # "false", private
        box.blur(lambda t: t, box, box, api_visibility="private")  # "lambda_1", private
        box.focus(lambda t: t, box, box, show_api=False)  # "lambda_2", undocumented (Gradio 4/5 spelling)
        box.input(lambda t: t, box, box, api_visibility="undocumented")  # "lambda_3", undocumented
        button = gr.Button()
        button.click(None, box, box)  # "unnamed", private: no function
        demo.unload(lambda: None)  # "lambda_4", private
        button.click(lambda n, p, c: (n, p, c + 1), [num, picks, count], [num, picks, count])  # "lambda_5", public

        def keep(text: str) -> Any:
            return gr.update()  # the box keeps its value: the API sends null for it

        button.click(keep, box, box)  # "keep", public
    return demo


@pytest.fixture
def served(serve) -> Iterator[tuple[str, LogWatch]]:
    url = serve(_demo())
    watch = LogWatch().attach()
    yield url, watch
    watch.detach()
    assert watch.tracebacks() == []


def test_documented_callable_and_private_endpoints_follow_gradios_rules(served):
    url, _ = served
    doc = httpx.get(url + "openapi.json").json()
    assert sorted(doc["paths"]) == ["/api/greet", "/api/keep", "/api/lambda", "/api/lambda_5"]
    for name in ("greet", "lambda", "lambda_2", "lambda_3"):  # undocumented ones answer too
        assert httpx.post(url + f"api/{name}", json={"data": ["hi"]}).status_code == 200
    for name in ("false", "lambda_1", "unnamed", "lambda_4"):  # private: no endpoint at all
        response = httpx.post(url + f"api/{name}", json={"data": ["hi"]})
        assert response.status_code == 404 and "described at /openapi.json" in response.json()["error"]


def test_schemas_come_from_the_components(served):
    url, _ = served
    operation = httpx.get(url + "openapi.json").json()["paths"]["/api/lambda_5"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body["required"] == ["data"] and body["properties"]["data"]["prefixItems"] == [
        {"type": ["number", "null"], "minimum": 0, "maximum": 10, "title": "Number 'N'"},
        {"type": "array", "items": {"enum": ["a", "b"]}, "title": "CheckboxGroup 'Picks'"},
    ]  # the State input is not sent
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["data"]
    assert [item["type"] for item in ok["prefixItems"]] == [["number", "null"], ["array", "null"], "null"]
    assert set(operation["responses"]) == {"200", "400", "403", "404", "413", "422", "500", "503"}
    greet = httpx.get(url + "openapi.json").json()["paths"]["/api/greet"]["post"]
    assert greet["description"] == "Say hello." and greet["operationId"] == "greet"


def test_mounted_in_another_app_the_document_names_its_prefix(monkeypatch):
    parent = FastAPI()
    parent.mount("/demo", _demo().app)
    with serve_asgi(parent) as url:
        base = url + "demo/"
        doc = httpx.get(base + "openapi.json").json()
        assert doc["servers"] == [{"url": "/demo"}]
        assert httpx.post(base + "api/greet", json={"data": ["you"]}).json() == {"data": ["Hello you"]}
        refused = httpx.get(base + "config", headers={"Host": "app.example.org"})
        assert refused.status_code == 400 and "BLOCKS_ALLOWED_HOSTS" in refused.json()["error"]
        monkeypatch.setenv("BLOCKS_ALLOWED_HOSTS", "*")  # what a mounted app behind its own proxy may use
        assert httpx.get(base + "config", headers={"Host": "app.example.org"}).status_code == 200


def _for_schemathesis(doc: dict[str, Any]) -> dict[str, Any]:
    """schemathesis 4.32 rewrites a response's `prefixItems` to draft-7 `items: [...]`, then checks
    it as 2020-12 and calls the schema invalid; give it a looser `items` there (responses are also
    checked exactly below, with jsonschema_rs)."""
    for path in doc["paths"].values():
        for response in path["post"]["responses"].values():
            data = response["content"]["application/json"]["schema"]["properties"].get("data", {})
            if "prefixItems" in data:
                data["items"] = {"anyOf": data.pop("prefixItems")}
    return doc


def _fuzz(operation: Any, mode: GenerationMode, exact: Any, statuses: dict[int, int]) -> None:
    @settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case: Any) -> None:
        response = case.call()
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        case.validate_response(response)  # all of schemathesis's checks: 5xx, status codes, schemas...
        if response.status_code == 200:
            exact.validate(response.json())

    check()


def test_schemathesis_finds_no_server_error_and_no_response_off_its_schema(served):
    url, watch = served
    doc = httpx.get(url + "openapi.json").json()
    exact = {path: jsonschema_rs.validator_for(op["post"]["responses"]["200"]["content"]["application/json"]["schema"])
             for path, op in doc["paths"].items()}
    schema = schemathesis.openapi.from_dict(_for_schemathesis(doc))
    schema.config.update(base_url=url.rstrip("/"))
    statuses: dict[int, int] = {}
    for result in schema.get_all_operations():
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _fuzz(result.ok(), mode, exact[result.ok().path], statuses)
    assert statuses.get(200) and statuses.get(422) and not any(status >= 500 for status in statuses)
    assert watch.tracebacks() == []
