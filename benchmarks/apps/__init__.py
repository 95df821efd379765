"""Benchmark apps; each is run as a script in its own process (`python benchmarks/apps/<name>.py`)."""
