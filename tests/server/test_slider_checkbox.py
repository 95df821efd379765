"""gr.Slider and gr.Checkbox over the HTTP API: values in range and bools pass, others are refused."""

from __future__ import annotations

import httpx
import pytest

import blocks as gr


@pytest.fixture
def mixer(serve):
    with gr.Blocks() as demo:
        volume = gr.Slider(0, 10, label="Volume")
        mute = gr.Checkbox(label="Mute")
        out = gr.Textbox(label="Out")
        gr.Button("Go").click(lambda v, m: f"{v} {m}", [volume, mute], out, api_name="mix")
    return serve(demo)


def test_api_takes_a_value_in_range_and_a_bool(mixer):
    response = httpx.post(mixer + "api/mix", json={"data": [10, True]})
    assert response.status_code == 200 and response.json()["data"] == ["10 True"]


@pytest.mark.parametrize("data, message", [
    ([11, True], "Slider 'Volume' expects a number from 0 to 10, got 11."),
    ([5, 1], "Checkbox 'Mute' expects true or false, got 1."),
])
def test_api_refuses_out_of_range_and_non_bool(mixer, data, message):
    response = httpx.post(mixer + "api/mix", json={"data": data})
    assert response.status_code == 422 and message in response.json()["error"]


def test_openapi_describes_the_range_and_the_bool(mixer):
    post = httpx.get(mixer + "openapi.json").json()["paths"]["/api/mix"]["post"]
    volume, mute = post["requestBody"]["content"]["application/json"]["schema"]["properties"]["data"]["prefixItems"]
    assert volume == {"type": "number", "minimum": 0, "maximum": 10, "title": "Slider 'Volume'"}
    assert mute == {"type": "boolean", "title": "Checkbox 'Mute'"}
