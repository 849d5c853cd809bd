"""Port of Node's test/parallel/test-stream-duplex-props.js (per-side options)."""

from __future__ import annotations

from nodenet.stream import Duplex


def test_shared_options():
    d = Duplex({"objectMode": True, "highWaterMark": 100})
    assert d.writable_object_mode is True
    assert d.writableObjectMode is True
    assert d.writable_high_water_mark == 100
    assert d.readable_object_mode is True
    assert d.readable_high_water_mark == 100


def test_per_side_options():
    d = Duplex(readable_object_mode=False, readable_high_water_mark=10,
               writable_object_mode=True, writable_high_water_mark=100)
    assert d.writable_object_mode is True
    assert d.writableHighWaterMark == 100
    assert d.readable_object_mode is False
    assert d.readableHighWaterMark == 10
