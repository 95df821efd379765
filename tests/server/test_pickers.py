"""gr.ColorPicker and gr.DateTime over the HTTP API: the values callbacks get, and what is refused."""

from __future__ import annotations

from datetime import datetime

import httpx
import pytest

import blocks as gr


@pytest.fixture
def pickers(serve):
    with gr.Blocks() as demo:
        colour = gr.ColorPicker(label="Colour")
        stamp = gr.DateTime(label="Stamp")
        moment = gr.DateTime(label="Moment", type="datetime")
        day = gr.DateTime(label="Day", type="string", include_time=False)
        out = gr.Textbox(label="Out")
        gr.Button("Go").click(lambda c, s, m, d: f"{c}|{s!r}|{m!r}|{d!r}", [colour, stamp, moment, day], out,
                              api_name="pick")
    return serve(demo)


def test_callbacks_get_a_hex_string_a_timestamp_a_datetime_and_a_string(pickers):
    data = ["#ff8800", "2024-01-02 03:04:05", "2024-01-02 03:04:05", "2024-01-02"]
    response = httpx.post(pickers + "api/pick", json={"data": data})
    stamp = datetime(2024, 1, 2, 3, 4, 5).timestamp()
    assert response.json()["data"] == [
        f"#ff8800|{stamp!r}|datetime.datetime(2024, 1, 2, 3, 4, 5)|'2024-01-02'"]


def test_now_minus_two_hours_is_two_hours_ago(pickers):
    response = httpx.post(pickers + "api/pick", json={"data": [None, "now - 2h", None, None]})
    stamp = float(response.json()["data"][0].split("|")[1])
    assert abs(datetime.now().timestamp() - 7200 - stamp) < 60


@pytest.mark.parametrize("data, message", [
    (["red", None, None, None], "ColorPicker 'Colour' expects a colour '#rrggbb', got 'red'."),
    ([None, "tomorrow", None, None], "DateTime 'Stamp' expects a date as '%Y-%m-%d %H:%M:%S'"),
    ([None, None, None, "2024-01-02 03:04:05"], "DateTime 'Day' expects a date as '%Y-%m-%d'"),
])
def test_api_refuses_what_is_not_a_colour_or_a_date(pickers, data, message):
    response = httpx.post(pickers + "api/pick", json={"data": data})
    assert response.status_code == 422 and message in response.json()["error"]


def test_datetime_shows_a_timestamp_or_datetime_as_text():
    day = gr.DateTime(include_time=False)
    assert day.postprocess(datetime(2024, 5, 6, 7, 8)) == "2024-05-06"
    assert gr.DateTime(timezone="UTC").postprocess(0) == "1970-01-01 00:00:00"
    assert gr.ColorPicker().postprocess(None) is None
