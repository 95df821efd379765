"""Gradio's Dataframe demos: what a user does with a table (click, edit, add a row) and what it shows.

Steps of their own: ("cell_click", grid, n) clicks the n-th cell of a grid; ("cell_edit", grid, n,
text) clicks it, presses Enter, replaces its text and presses Enter. A grid is its accessible name
or its index among the page's grids. Looks: ("look", "cells", grid) its cells' text, ("look",
"headers", grid) its column headers, ("look", "highlighted", grid, css colour) which cells have that
background (a pandas Styler's colours).
"""

from __future__ import annotations

from typing import Any

MENU = "⋮"  # Gradio's cell-menu button, shown in the selected cell: not part of what the cell shows


def _grid(page: Any, grid: str | int) -> Any:
    grids = page.get_by_role("grid")
    return grids.nth(grid) if isinstance(grid, int) else page.get_by_role("grid", name=grid, exact=True)


def _clean(text: str) -> str:
    return text.replace(MENU, "").strip()


def cell_click(page: Any, grid: str | int, index: int) -> None:
    _grid(page, grid).get_by_role("gridcell").nth(index).click()


def cell_edit(page: Any, grid: str | int, index: int, text: str) -> None:
    cell_click(page, grid, index)
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    page.keyboard.press("Control+a")
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def cells(page: Any, grid: str | int) -> list[str]:
    return [_clean(text) for text in _grid(page, grid).get_by_role("gridcell").all_inner_texts()]


def first_cells(page: Any, grid: str | int, count: int) -> list[str]:
    """The first `count` cells (long tables are drawn in part, by how much fits: not comparable)."""
    return cells(page, grid)[:count]


def headers(page: Any, grid: str | int) -> list[str]:
    return [_clean(text) for text in _grid(page, grid).get_by_role("columnheader").all_inner_texts()]


def highlighted(page: Any, grid: str | int, colour: str) -> list[int]:
    """The indexes of the cells drawn with `colour` as background (on the cell or inside it)."""
    return _grid(page, grid).evaluate(
        """(grid, colour) => {
          const probe = document.createElement("div");
          probe.style.backgroundColor = colour;
          document.body.append(probe);
          const wanted = getComputedStyle(probe).backgroundColor;
          probe.remove();
          const cells = [...grid.querySelectorAll('[role=gridcell], td')].filter((c) => c.matches('[role=gridcell]')
            || c.closest('table[role=grid]'));
          const unique = [...new Set(cells)].filter((c) => c.getAttribute('aria-hidden') !== 'true'
            && !c.closest('[aria-hidden=true]'));
          return unique.map((cell, index) => [cell, ...cell.querySelectorAll('*')]
            .some((el) => getComputedStyle(el).backgroundColor === wanted) ? index : -1).filter((i) => i >= 0);
        }""", colour)


ACTIONS = {"cell_click": cell_click, "cell_edit": cell_edit}
LOOKS = {"cells": cells, "first_cells": first_cells, "headers": headers, "highlighted": highlighted}

SCENARIOS: dict[str, list[tuple[Any, ...]]] = {
    "dataframe_component": [("look", "headers", 0), ("look", "cells", 0), ("click", "Add row"),
                            ("look", "cells", 0), ("cell_edit", 0, 1, "hello"), ("look", "cells", 0)],
    "tictactoe": [("look", "cells", 0), ("cell_click", 0, 4), ("look", "cells", 0), ("look", "value", "Turn"),
                  ("cell_click", 0, 0), ("look", "cells", 0), ("look", "value", "Turn"),
                  ("cell_click", 0, 4), ("look", "value", "Turn"), ("look", "cells", 0)],
    "tax_calculator": [("look", "headers", "Assets Purchased this Year"), ("fill", "income", "10000"),
                       ("check", "Married"), ("click", "Add row"),
                       ("cell_edit", "Assets Purchased this Year", 0, "Car"),
                       ("cell_edit", "Assets Purchased this Year", 1, "1800"),
                       ("look", "cells", "Assets Purchased this Year"), ("look", "value", "Tax due")],
    "filter_records": [("look", "headers", "records"), ("click", "Add row"), ("cell_edit", "records", 0, "Ann"),
                       ("cell_edit", "records", 1, "30"), ("cell_edit", "records", 2, "F"),
                       ("look", "cells", "records"), ("click", "Submit"), ("look", "headers", 1),
                       ("look", "cells", 1)],
    # type="polars" (Gradio's table offers "Add row" only while it is empty: one row)
    "sort_records": [("look", "headers", "records"), ("click", "Add row"), ("cell_edit", "records", 0, "apple"),
                     ("cell_edit", "records", 1, "3"), ("look", "cells", "records"), ("click", "Submit"),
                     ("look", "headers", 1), ("look", "cells", 1)],
    "dataframe_colorful": [("look", "headers", 0), ("look", "cells", 0), ("look", "highlighted", 0, "lightgreen")],
    "dataframe_events": [("look", "headers", "Interactive Dataframe"),
                         ("look", "first_cells", "Interactive Dataframe", 7),
                         ("cell_edit", "Interactive Dataframe", 1, "7"), ("look", "value", "Change events"),
                         ("look", "value", "Input events"), ("look", "value", "Edit events"),
                         ("look", "value", "Edit event data"), ("look", "first_cells", "Interactive Dataframe", 7),
                         ("cell_click", "Interactive Dataframe", 3), ("look", "value", "Select events"),
                         ("look", "value", "Selected cell index"), ("look", "value", "Selected cell value"),
                         ("look", "first_cells", "Tall Dataframe (Scroll Vertically)", 12),
                         ("cell_click", "Tall Dataframe (Scroll Vertically)", 4),
                         ("look", "value", "Tall dataframe selected cell index"),
                         ("look", "value", "Tall dataframe selected cell value"),
                         ("click", "Update dataframe"), ("look", "value", "Change events"),
                         ("click", "Clear dataframe"), ("look", "value", "Change events"),
                         ("look", "cells", "Interactive Dataframe")],
    "dataframe_datatype": [("fill", "n_periods", "3"), ("click", "Submit"), ("look", "headers", 0),
                           ("look", "first_cells", 0, 2)],
    "blocks_flashcards": [("look", "headers", 0), ("click", "Add row"), ("cell_edit", 0, 0, "hola"),
                          ("cell_edit", 0, 1, "hello"), ("look", "cells", 0), ("click", "Start Practice"),
                          ("look", "tab", "Practice"), ("click", "New Card"), ("look", "value", "Prompt"),
                          ("click", "Flip Card"), ("look", "value", "Answer")],
}
