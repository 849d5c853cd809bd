"""Port of Node's test/parallel/test-stream-transform-split-objectmode.js."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Transform


async def test_readable_object_mode(loop):
    parser = Transform(readable_object_mode=True)
    assert parser._readable_state.object_mode
    assert not parser._writable_state.object_mode
    assert parser._readable_state.high_water_mark == 16
    assert parser._writable_state.high_water_mark == 16 * 1024
    parser._transform = lambda chunk, enc, callback: callback(None, {"val": chunk[0]})
    parsed = []
    parser.on("data", parsed.append)
    parser.end(bytes([42]))
    await settle()
    assert parsed[-1]["val"] == 42


async def test_writable_object_mode(loop):
    serializer = Transform(writable_object_mode=True)
    assert not serializer._readable_state.object_mode
    assert serializer._writable_state.object_mode
    assert serializer._readable_state.high_water_mark == 16 * 1024
    assert serializer._writable_state.high_water_mark == 16
    serializer._transform = lambda obj, _, callback: callback(None, bytes([obj["val"]]))
    serialized = []
    serializer.on("data", serialized.append)
    serializer.write({"val": 42})
    await settle()
    assert serialized[-1][0] == 42
