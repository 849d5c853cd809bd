"""Node's test-stream-pipeline-listeners.js, -async-iterator.js, -duplex.js,
-queued-end-in-destroy.js and -uncaught.js."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from stream_helpers import Calls, settle

from nodenet.stream import Duplex, PassThrough, Readable, Writable, pipeline


def _set_immediate(loop: Any, callback: Any) -> None:
    """Node's setImmediate: after the ticks queued so far."""
    loop.call_soon(loop.call_soon, callback)


def _ok(*args: Any) -> None:
    assert args == ()


async def test_listeners_of_a_readable_last_stream_removed(loop: Any, calls: Calls) -> None:
    """test-stream-pipeline-listeners.js: the pipeline's 'error' listener stays on a last
    stream that is not readable only."""
    a = PassThrough()
    a.end("foobar")
    b = Duplex(write=lambda chunk, enc, cb: cb())
    done: list[Any] = []
    pipeline(a, b, calls.must_call(lambda *args: done.append(("ab", args))))

    async def upper(source: Any) -> Any:
        async for chunk in source:
            yield bytes(chunk).upper()

    c = PassThrough()
    c.end("foobar")
    d = pipeline(c, upper, calls.must_call(lambda *args: done.append(("cd", args))))

    e = PassThrough()
    e.end("foobar")
    f = Writable(write=lambda chunk, enc, cb: cb())
    pipeline(e, f, calls.must_call(lambda *args: done.append(("ef", args))))
    for _ in range(100):
        await asyncio.sleep(0.001)
        if len(done) == 3:
            break
    assert sorted(done) == [("ab", ()), ("cd", ()), ("ef", ())]
    assert a.listener_count("error") > 0 and b.listener_count("error") == 0
    assert c.listener_count("error") > 0 and d.listener_count("error") == 0
    assert e.listener_count("error") > 0 and f.listener_count("error") > 0
    # Node: 'error' without a listener reaches uncaughtException (twice: b and d).
    b.destroy(RuntimeError("no way"))
    d.destroy(RuntimeError("no way"))
    f.destroy(RuntimeError("no way"))
    await settle()
    errors = [c.get("exception") for c in loop.errors]
    loop.errors.clear()
    assert [str(err) for err in errors] == ["no way", "no way"]


async def test_async_iterator_of_the_pipeline(loop: Any) -> None:
    """test-stream-pipeline-async-iterator.js."""
    err = RuntimeError("kaboom")
    source = Readable(read=lambda size: None)
    source.push("helloworld")
    _set_immediate(loop, lambda: source.destroy(err))
    iterator = pipeline(source, PassThrough(), lambda *args: None)
    iterator.set_encoding("utf8")
    with pytest.raises(RuntimeError) as info:
        async for k in iterator:
            assert k == "helloworld"
    assert info.value is err


async def test_duplex_in_a_loop(loop: Any) -> None:
    """test-stream-pipeline-duplex.js."""
    remote = PassThrough()
    local = Duplex(read=lambda size: None, write=lambda chunk, enc, cb: cb())
    fut: asyncio.Future[Any] = loop.create_future()
    pipeline(remote, local, remote, lambda *args: fut.set_result(args))
    _set_immediate(loop, remote.end)
    (err,) = await fut
    assert err.code == "ERR_STREAM_PREMATURE_CLOSE"


async def test_queued_end_in_destroy(loop: Any, calls: Calls) -> None:
    """test-stream-pipeline-queued-end-in-destroy.js: the callback comes even when _destroy
    queues an end() that is never processed."""
    readable = Readable(read=calls.must_call(lambda size: None))

    def destroy(err: Any, cb: Any) -> None:
        duplex.end()
        cb(err)

    duplex = Duplex(write=lambda chunk, enc, cb: None, read=lambda size: None, destroy=destroy)
    duplex.on("finished", calls.must_not_call())
    fut: asyncio.Future[Any] = loop.create_future()
    pipeline(readable, duplex, lambda *args: fut.set_result(args))
    readable.push("foo")
    _set_immediate(loop, readable.destroy)
    (err,) = await fut
    assert err.code == "ERR_STREAM_PREMATURE_CLOSE"


async def test_callback_error_is_uncaught(loop: Any, calls: Calls) -> None:
    """test-stream-pipeline-uncaught.js: a pipeline ending with an async function still lets
    the callback's exception through (to the loop's exception handler)."""
    s = PassThrough()
    s.end("data")

    async def consume(source: Any) -> None:
        async for _ in source:
            pass

    def callback(*args: Any) -> None:
        assert args == ()
        raise RuntimeError("error")

    pipeline(s, consume, calls.must_call(callback))
    for _ in range(100):
        await asyncio.sleep(0.001)
        if loop.errors:
            break
    errors = [c.get("exception") for c in loop.errors]
    loop.errors.clear()
    assert [str(err) for err in errors] == ["error"]
