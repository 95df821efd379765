"""Which listeners get an HTTP endpoint, under which name, and which are documented: Gradio's rules.

- public: callable at POST /api/<api_name> and described in /openapi.json (the default).
- undocumented: callable, but left out of /openapi.json (`show_api=False` in Gradio 4/5,
  `api_visibility="undocumented"` in Gradio 6).
- private: no endpoint at all (`api_name=False`, `api_visibility="private"`, listeners with
  fn=None, and demo.unload). Pages still trigger them as usual.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from typing import Any

from .errors import BlocksError

VISIBILITIES = ("public", "undocumented", "private")
_PUNCTUATION = set(string.punctuation) - {"-", "_"}


def api_visibility(options: dict[str, Any], where: str) -> str:
    """A listener's visibility from its options: api_name=False wins, then Gradio 6's
    api_visibility, then Gradio 4/5's show_api=False ("undocumented")."""
    given = options.get("api_visibility")
    if given is not None and given not in VISIBILITIES:
        raise BlocksError(f"{where}: api_visibility={given!r}; use 'public', 'undocumented' or 'private'.")
    if options.get("api_name") is False:
        return "private"
    if given is not None:
        return str(given)
    return "undocumented" if options.get("show_api", True) is False else "public"


def _base_name(dep: Any) -> str:
    """The name Gradio gives a listener: its api_name, else its function's name without
    punctuation ("<lambda>" -> "lambda"); "false" for api_name=False, "unnamed" without a function."""
    requested = dep.requested_api_name
    if requested is False:
        return "false"
    if isinstance(requested, str) and requested.strip():
        return requested
    if dep.callback is None:
        return "unnamed"
    return "".join(ch for ch in dep.callback.name if ch not in _PUNCTUATION)


def _is_private(dep: Any) -> bool:
    return (dep.api_visibility == "private" or dep.callback is None
            or any(t.event == "unload" for t in dep.triggers))


def assign_api_names(dependencies: Iterable[Any]) -> None:
    """Name every listener in order, as Gradio does ("lambda", "lambda_1", ...); private ones
    take their name too (so the others' names match Gradio's) but get no endpoint (api_name None)."""
    taken: set[str] = set()
    for dep in dependencies:
        base = _base_name(dep)
        name, n = base, 0
        while name in taken:
            n += 1
            name = f"{base}_{n}"
        taken.add(name)
        if _is_private(dep):
            dep.api_visibility = "private"
        dep.api_name = None if dep.api_visibility == "private" else name
