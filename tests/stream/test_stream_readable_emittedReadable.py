"""Port of Node's test/parallel/test-stream-readable-emittedReadable.js."""

from __future__ import annotations

from typing import Any

from stream_helpers import settle

from nodenet._loop import get_loop
from nodenet._tick import next_tick
from nodenet.stream import Readable


def nop(*_: Any) -> None:
    pass


async def test_emitted_readable_paused(loop: Any, calls: Any) -> None:
    readable = Readable(read=nop)
    assert readable._readable_state.emitted_readable is False
    expected = [b"foobar", b"quo", None]

    def on_readable() -> None:
        # True while 'readable' is emitted, reset by read().
        assert readable._readable_state.emitted_readable is True
        assert readable.read() == expected.pop(0)
        assert readable._readable_state.emitted_readable is False

    readable.on("readable", calls.must_call(on_readable, 3))
    assert readable._readable_state.emitted_readable is False
    # These two make one 'readable': they are batched.
    next_tick(calls.must_call(lambda: readable.push("foo")))
    next_tick(calls.must_call(lambda: readable.push("bar")))

    def immediate() -> None:
        readable.push("quo")
        next_tick(calls.must_call(lambda: readable.push(None)))

    get_loop().call_soon(calls.must_call(immediate))
    await settle()


async def test_emitted_readable_read_zero(loop: Any, calls: Any) -> None:
    no_read = Readable(read=nop)

    def first() -> None:
        assert no_read._readable_state.emitted_readable is True
        no_read.read(0)
        # read(0) does not reset it.
        assert no_read._readable_state.emitted_readable is True
        # The stored test expects a second 'readable' (the stream is ending); node v20
        # emits none.
        no_read.on("readable", calls.must_not_call("second readable"))

    no_read.once("readable", calls.must_call(first))
    no_read.push("foo")
    no_read.push(None)
    await settle()


async def test_emitted_readable_flowing(loop: Any, calls: Any) -> None:
    flowing = Readable(read=nop)

    def on_data(chunk: Any) -> None:
        # Always False in flowing mode.
        assert flowing._readable_state.emitted_readable is False
        flowing.read()
        assert flowing._readable_state.emitted_readable is False

    flowing.on("data", calls.must_call(on_data, 3))
    flowing.push("foooo")
    flowing.push("bar")
    flowing.push("quo")
    next_tick(calls.must_call(lambda: flowing.push(None)))
    await settle()
