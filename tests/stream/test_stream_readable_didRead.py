"""Port of Node's test/parallel/test-stream-readable-didRead.js."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from stream_helpers import settle

from nodenet.stream import Readable, is_disturbed, is_errored


def nop(*_: Any) -> None:
    pass


def check(calls: Any, readable: Readable, data: int, fn: Callable[[], Any]) -> None:
    assert readable.readable_did_read is False
    assert is_disturbed(readable) is False
    assert is_errored(readable) is False
    if data == -1:
        readable.on("error", calls.must_call(lambda err: check_true(is_errored(readable))))
        readable.on("data", calls.must_not_call("data"))
        readable.on("end", calls.must_not_call("end"))
    else:
        readable.on("error", calls.must_not_call("error"))
        if data == -2:
            readable.on("end", calls.must_not_call("end"))
        else:
            readable.on("end", calls.must_call())
        if data > 0:
            readable.on("data", calls.must_call_at_least(times=data))
        else:
            readable.on("data", calls.must_not_call("data"))
    readable.on("close", calls.must_call())
    fn()


def check_true(value: Any) -> None:
    assert value is True


def eof_only() -> Readable:
    r = Readable(read=lambda n: r.push(None))
    return r


def data_then_eof() -> Readable:
    def read(n: int) -> None:
        r.push("data")
        r.push(None)

    r = Readable(read=read)
    return r


def on_then_off(r: Readable) -> None:
    r.on("data", nop)
    r.off("data", nop)


@pytest.mark.parametrize("make, data, action", [
    (eof_only, 0, lambda r: r.read()),
    (eof_only, 0, lambda r: r.resume()),
    (eof_only, -2, lambda r: r.destroy()),
    (eof_only, -1, lambda r: r.destroy(Exception())),
    (data_then_eof, 1, lambda r: r.on("data", nop)),
    (data_then_eof, 1, on_then_off),
])
async def test_did_read(loop: Any, calls: Any, make: Any, data: int, action: Any) -> None:
    readable = make()
    check(calls, readable, data, lambda: action(readable))
    await asyncio.sleep(0)
    await settle()
    assert readable.readable_did_read is (data > 0)
    if data > 0:
        assert is_disturbed(readable) is True
