"""Port of Node's test/parallel/test-stream-readable-needReadable.js."""

from __future__ import annotations

from typing import Any

from stream_helpers import settle

from nodenet._loop import get_loop
from nodenet._tick import next_tick
from nodenet.stream import Readable


def nop(*_: Any) -> None:
    pass


async def test_need_readable_reset_by_readable(loop: Any, calls: Any) -> None:
    readable = Readable(read=nop)
    assert readable._readable_state.need_readable is False

    def on_readable() -> None:
        assert readable._readable_state.need_readable is False
        readable.read()

    readable.on("readable", calls.must_call(on_readable))
    # A 'readable' listener needs a 'readable' event.
    assert readable._readable_state.need_readable is True
    readable.push("foo")
    readable.push(None)

    def on_end() -> None:
        assert readable._readable_state.need_readable is False

    readable.on("end", calls.must_call(on_end))
    await settle()


async def test_need_readable_after_each_read(loop: Any, calls: Any) -> None:
    async_readable = Readable(read=nop)

    def on_readable() -> None:
        if async_readable.read() is not None:
            # The buffer is empty and the stream not ended: notify on changes.
            assert async_readable._readable_state.need_readable is True

    async_readable.on("readable", calls.must_call(on_readable, 2))
    next_tick(calls.must_call(lambda: async_readable.push("foooo")))
    next_tick(calls.must_call(lambda: async_readable.push("bar")))

    def immediate() -> None:
        async_readable.push(None)
        assert async_readable._readable_state.need_readable is False

    get_loop().call_soon(calls.must_call(immediate))
    await settle()


async def test_no_need_readable_when_flowing(loop: Any, calls: Any) -> None:
    flowing = Readable(read=nop)
    flowing.push("foooo")
    flowing.push("bar")
    flowing.push("quo")
    next_tick(calls.must_call(lambda: flowing.push(None)))

    def on_data(data: Any) -> None:
        assert flowing._readable_state.need_readable is False

    flowing.on("data", calls.must_call(on_data, 3))
    await settle()


async def test_need_readable_slow_producer(loop: Any, calls: Any) -> None:
    slow = Readable(read=nop)

    def on_readable() -> None:
        if slow.read(8) is None:
            # Not enough buffered and not ended: notify when data arrives.
            assert slow._readable_state.need_readable is True
        else:
            assert slow._readable_state.need_readable is False

    slow.on("readable", calls.must_call(on_readable, 4))

    def step(n: int) -> None:
        if n == 3:
            slow.push(None)
            return
        slow.push("foo")
        next_tick(calls.must_call(lambda: step(n + 1)))

    next_tick(calls.must_call(lambda: step(0)))
    await settle()
