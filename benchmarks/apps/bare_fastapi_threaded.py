"""Baseline for sync listeners: apps/bare_fastapi.py with the function run in FastAPI's thread pool."""

import os
import runpy
from pathlib import Path

os.environ["BARE_THREADED"] = "1"
runpy.run_path(str(Path(__file__).with_name("bare_fastapi.py")), run_name="__main__")
