"""Port of Node's test/parallel/test-stream-readable-aborted.js (the Duplex part is the
Duplex tests')."""

from __future__ import annotations

from typing import Any

from stream_helpers import settle

from nodenet.stream import Readable


def nop(*_: Any) -> None:
    pass


def test_aborted_by_destroy() -> None:
    readable = Readable(read=nop)
    assert readable.readable_aborted is False
    readable.destroy()
    assert readable.readable_aborted is True


def test_aborted_after_eof_pushed() -> None:
    readable = Readable(read=nop)
    readable.push(None)
    readable.destroy()
    assert readable.readableAborted is True


def test_aborted_with_data() -> None:
    readable = Readable(read=nop)
    readable.push("asd")
    readable.destroy()
    assert readable.readable_aborted is True


async def test_not_aborted_after_end(loop: Any, calls: Any) -> None:
    readable = Readable(read=nop)
    readable.push("asd")
    readable.push(None)
    assert readable.readable_aborted is False

    def on_end() -> None:
        assert readable.readable_aborted is False
        readable.destroy()
        assert readable.readable_aborted is False

    readable.on("end", calls.must_call(on_end))
    readable.resume()
    await settle()
    assert readable.readable_aborted is False
