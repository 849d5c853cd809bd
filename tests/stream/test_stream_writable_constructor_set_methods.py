"""Port of Node's test/parallel/test-stream-writable-constructor-set-methods.js: the
write/writev options become the stream's _write/_writev."""

from __future__ import annotations

import pytest
from stream_helpers import settle

from nodenet.errors import NodeError
from nodenet.stream import Writable


async def test_options_become_methods(loop, calls):
    def write(chunk, _, next_):
        next_()

    def writev(chunks, next_):
        assert len(chunks) == 2
        next_()

    _write = calls.must_call(write)
    _writev = calls.must_call(writev)
    w = Writable({"write": _write, "writev": _writev})
    assert w._write is _write
    assert w._writev is _writev
    w.write(b"blerg")
    w.cork()
    w.write(b"blerg")
    w.write(b"blerg")
    w.end()
    await settle()


async def test_missing_write_raises(loop):
    w = Writable()
    # v20 throws from end()/write() (Node's newer test expects an 'error' event).
    with pytest.raises(NodeError) as info:
        w.end(b"blerg")
    assert info.value.code == "ERR_METHOD_NOT_IMPLEMENTED"
    assert str(info.value) == "The _write() method is not implemented"


async def test_writev_alone_serves_single_writes(loop, calls):
    got = []

    def writev(chunks, cb):
        got.append([(c.chunk, c.encoding) for c in chunks])
        cb()

    w = Writable(writev=calls.must_call(writev))
    w.end(b"x", calls.must_call())
    await settle()
    assert got == [[(b"x", "buffer")]]
