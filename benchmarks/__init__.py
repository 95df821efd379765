"""The blocks benchmark suite: `make bench` (python -m benchmarks.run) prints a Markdown table.

Apps under benchmarks/apps/ run as their own processes, the way a user runs them
(`python app.py`, port from GRADIO_SERVER_PORT); load generators run in other processes.
"""
