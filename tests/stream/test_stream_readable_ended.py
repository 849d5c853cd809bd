"""Port of Node's test/parallel/test-stream-readable-ended.js."""

from __future__ import annotations

from typing import Any

from stream_helpers import settle

from nodenet.stream import Readable


def test_readable_ended_is_a_class_property() -> None:
    assert isinstance(Readable.__dict__["readable_ended"], property)
    assert Readable.readableEnded is Readable.readable_ended


async def test_readable_ended_on_end(loop: Any, calls: Any) -> None:
    readable = Readable()

    def read(n: int) -> None:
        assert readable.readable_ended is False
        readable.push("asd")
        assert readable.readable_ended is False
        readable.push(None)
        assert readable.readable_ended is False

    readable._read = calls.must_call(read)
    readable.on("end", calls.must_call(lambda: assert_ended(readable, True)))
    readable.on("data", calls.must_call(lambda chunk: assert_ended(readable, False)))
    await settle()


def assert_ended(readable: Readable, value: bool) -> None:
    assert readable.readableEnded is value


async def test_push_null_twice_no_error(loop: Any, calls: Any) -> None:
    readable = Readable()
    readable.on("readable", lambda: readable.read())
    readable.on("error", calls.must_not_call("error"))
    readable.on("end", calls.must_call())
    readable.push("a")
    readable.push(None)
    readable.push(None)
    await settle()
