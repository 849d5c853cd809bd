"""Node's test/parallel/test-stream-promises.js (without the fs cases)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from nodenet import stream
from nodenet.stream import Readable, Writable, promises


def test_the_module(loop: Any) -> None:
    assert stream.promises.pipeline is promises.pipeline
    assert stream.promises.finished is promises.finished


async def test_pipeline_success(loop: Any) -> None:
    processed: list[Any] = []
    read = Readable(read=lambda size: None)

    def write(data: Any, enc: Any, cb: Any) -> None:
        processed.append(data)
        cb()

    w = Writable(write=write)
    finished = []
    w.on("finish", lambda: finished.append(True))
    for chunk in (b"a", b"b", b"c"):
        read.push(chunk)
    read.push(None)
    assert await promises.pipeline(read, w) is None
    assert finished == [True]
    assert processed == [b"a", b"b", b"c"]


async def test_pipeline_error(loop: Any) -> None:
    read = Readable(read=lambda size: None)
    w = Writable(write=lambda data, enc, cb: cb())
    read.push("data")
    loop.call_soon(loop.call_soon, read.destroy)  # Node's setImmediate
    with pytest.raises(Exception) as info:
        await promises.pipeline(read, w)
    assert info.value.code == "ERR_STREAM_PREMATURE_CLOSE"


async def test_pipeline_argument_errors_reject(loop: Any) -> None:
    """Node's pipeline() validates inside the promise: the errors reject it."""
    future = promises.pipeline(Readable())
    with pytest.raises(TypeError) as info:
        await future
    assert info.value.code == "ERR_MISSING_ARGS"


async def test_finished_cleanup_must_be_boolean(loop: Any) -> None:
    stream_obj = Readable()
    # v20 validates cleanup before the promise: it throws.
    with pytest.raises(TypeError) as info:
        promises.finished(stream_obj, {"cleanup": 2})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    pending = promises.finished(stream_obj, {"cleanup": True})
    pending.cancel()


async def test_finished_invalid_stream_rejects(loop: Any) -> None:
    future = promises.finished(object())
    with pytest.raises(TypeError) as info:
        await future
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


@pytest.mark.parametrize("options, remaining", [
    ({"cleanup": False}, 1), ({"cleanup": True}, 0), (None, 1),
])
async def test_finished_cleanup(loop: Any, options: Any, remaining: int) -> None:
    stream_obj = Writable()
    assert stream_obj.listener_count("end") == 0
    future = promises.finished(stream_obj, options)
    stream_obj.end()
    await future
    assert stream_obj.listener_count("end") == remaining


async def test_finished_listens_from_the_call(loop: Any) -> None:
    """As Node's promise, the listeners are on when finished() returns, not when awaited."""
    r = Readable(read=lambda size: None)
    future = promises.finished(r)
    assert r.listener_count("end") == 1
    r.push(None)
    r.resume()
    await asyncio.wait_for(future, 1)
