"""The largest of the demos (demos/tabs_and_accordions.py: Tabs, Accordion, Rows, Textboxes,
Checkboxes, Buttons, Markdown), run as `python demos/tabs_and_accordions.py` would."""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).resolve().parents[2] / "demos" / "tabs_and_accordions.py"), run_name="__main__")
