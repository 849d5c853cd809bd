"""Port of Node's test/parallel/test-stream-transform-split-highwatermark.js."""

from __future__ import annotations

import math

import pytest

from nodenet.stream import Readable, Transform, Writable

DEFAULT = 16 * 1024


@pytest.mark.parametrize("readable_hwm, writable_hwm, options", [
    (666, DEFAULT, {"readableHighWaterMark": 666}),
    (DEFAULT, 777, {"writableHighWaterMark": 777}),
    (666, 777, {"readableHighWaterMark": 666, "writableHighWaterMark": 777}),
    # highWaterMark wins
    (555, 555, {"highWaterMark": 555, "readableHighWaterMark": 666}),
    (555, 555, {"highWaterMark": 555, "writableHighWaterMark": 777}),
    (555, 555, {"highWaterMark": 555, "readableHighWaterMark": 666,
                "writableHighWaterMark": 777}),
    # None is the default
    (DEFAULT, DEFAULT, {"readableHighWaterMark": None}),
    (DEFAULT, DEFAULT, {"writableHighWaterMark": None}),
    (666, DEFAULT, {"highWaterMark": None, "readableHighWaterMark": 666}),
    (DEFAULT, 777, {"highWaterMark": None, "writableHighWaterMark": 777}),
])
def test_marks(readable_hwm, writable_hwm, options):
    t = Transform(options)
    assert t._readable_state.high_water_mark == readable_hwm
    assert t._writable_state.high_water_mark == writable_hwm


@pytest.mark.parametrize("key", ["readableHighWaterMark", "writableHighWaterMark"])
def test_nan_is_invalid(key):
    with pytest.raises(TypeError) as info:
        Transform({key: math.nan})
    assert info.value.code == "ERR_INVALID_ARG_VALUE"
    assert str(info.value) == f"The property 'options.{key}' is invalid. Received nan"


def test_non_duplex_streams_ignore_the_options():
    r = Readable(readable_high_water_mark=666)
    assert r._readable_state.high_water_mark == DEFAULT
    w = Writable(writable_high_water_mark=777)
    assert w._writable_state.high_water_mark == DEFAULT
