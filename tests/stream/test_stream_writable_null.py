"""Port of Node's test/parallel/test-stream-writable-null.js: None (Node's null) and
values that are no chunk raise TypeError from write() (node v20)."""

from __future__ import annotations

from typing import Any

import pytest
from stream_helpers import settle

from nodenet.stream import Writable


@pytest.fixture
def MyWritable() -> Any:
    """The class, derived from the stream class of the test's implementation."""

    class MyWritable(Writable):
        def _write(self, chunk, encoding, callback):
            assert chunk is not None
            callback()

    return MyWritable


async def test_none_in_object_mode_raises(loop, calls, MyWritable):
    for with_listener in (False, True):
        m = MyWritable({"objectMode": True})
        if with_listener:
            m.on("error", calls.must_not_call("error"))
        with pytest.raises(TypeError) as info:
            m.write(None, calls.must_not_call("callback"))
        assert info.value.code == "ERR_STREAM_NULL_VALUES"
        assert str(info.value) == "May not write null values to stream"
    await settle()


async def test_false_in_byte_mode_raises(loop, calls, MyWritable):
    for with_listener in (False, True):
        m = MyWritable()
        if with_listener:
            m.on("error", calls.must_not_call("error"))
        with pytest.raises(TypeError) as info:
            m.write(False, calls.must_not_call("callback"))
        assert info.value.code == "ERR_INVALID_ARG_TYPE"
        assert str(info.value) == (
            'The "chunk" argument must be of type string or an instance of Buffer, '
            "TypedArray, or DataView. Received type bool (False)")
    await settle()


async def test_false_in_object_mode_is_a_chunk(loop, calls, MyWritable):
    m = MyWritable({"objectMode": True})
    m.on("error", calls.must_not_call("error"))
    m.write(False, calls.must_call(lambda err=None: _none(err)))
    await settle()


def _none(err):
    assert err is None
