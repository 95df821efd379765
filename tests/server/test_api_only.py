"""gr.api over the real HTTP API: a function with no UI, its type hints in /openapi.json and checked."""

from __future__ import annotations

import httpx
import pytest

import blocks as gr


def slice_list(lst: list, start: int, end: int) -> list:
    """Gradio's mcp_tool_only demo serves this one."""
    return lst[start:end]


def test_an_api_function_is_served_described_by_its_hints_and_checked(serve):
    with gr.Blocks() as demo:
        gr.Markdown("No UI for the tools.")
        gr.api(slice_list)

        @gr.api(api_name="scale")
        def scale(values: list[float], by: float | None = None) -> list[float]:
            return [v * (by or 1) for v in values]

    url = serve(demo)
    assert httpx.post(url + "api/slice_list", json={"data": [[1, 2, 3, 4], 1, 3]}).json() == {"data": [[2, 3]]}
    assert httpx.post(url + "api/scale", json={"data": [[1, 2.5], 2]}).json() == {"data": [[2, 5.0]]}
    assert httpx.post(url + "api/scale", json={"data": [[1], None]}).json() == {"data": [[1]]}
    refused = httpx.post(url + "api/scale", json={"data": [["a"], 2]})
    assert refused.status_code == 422
    assert refused.json()["error"] == ("gr.api parameter 'values' expects a value of JSON schema {'type': 'array', "
                                       "'items': {'type': 'number'}}, got ['a'].")
    body = httpx.get(url + "openapi.json").json()["paths"]["/api/scale"]["post"]["requestBody"]
    items = body["content"]["application/json"]["schema"]["properties"]["data"]["prefixItems"]
    assert [{k: v for k, v in item.items() if k != "title"} for item in items] == [
        {"type": "array", "items": {"type": "number"}}, {"anyOf": [{"type": "number"}, {"type": "null"}]}]
    page = httpx.get(url)
    assert page.status_code == 200 and "No UI for the tools." in page.text
    shown = [c for c in demo.config()["components"].values() if c["props"].get("visible") is not False]
    assert [c["renderer"] for c in shown] == ["markdown"]  # the parameters are never shown


def test_gr_api_outside_a_blocks_or_without_a_function_says_how_to_call_it():
    with pytest.raises(gr.BlocksError, match=r"gr.api\(\): call it inside 'with gr.Blocks\(\) as demo:'"):
        gr.api(slice_list)
    with gr.Blocks(), pytest.raises(gr.BlocksError, match=r"gr.api\(42\): give the function to serve"):
        gr.api(42)
