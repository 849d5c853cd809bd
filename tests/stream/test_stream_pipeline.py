"""pipeline(), promises.pipeline(), finished(), checked against node v20 running the same
programs (after Node's test-stream-pipeline.js, test-stream-finished.js,
test-stream-promises.js)."""

from __future__ import annotations

import asyncio

import pytest
from stream_helpers import settle

from nodenet.events import AbortController
from nodenet.stream import (
    PassThrough,
    Readable,
    Transform,
    Writable,
    finished,
    pipeline,
    promises,
)


def sink(into):
    def write(chunk, encoding, callback):
        into.append(chunk)
        callback()

    return Writable(write=write, object_mode=True)


async def test_pipeline_moves_everything_and_calls_back_once(loop, calls):
    got = []
    done = loop.create_future()
    pipeline(Readable.from_(["a", "b", "c"]), PassThrough(object_mode=True), sink(got),
             calls.must_call(lambda err=None: done.set_result(err)))
    assert await done is None
    assert got == ["a", "b", "c"]


async def test_an_error_in_the_middle_destroys_every_stream(loop, calls):
    src = Readable.from_(["a", "b", "c"])
    mid = Transform(transform=lambda c, e, cb: cb(RuntimeError("boom")), object_mode=True)
    dst = sink([])
    done = loop.create_future()
    pipeline(src, mid, dst, calls.must_call(lambda err=None: done.set_result(err)))
    err = await done
    assert str(err) == "boom"
    await settle()
    assert src.destroyed and mid.destroyed and dst.destroyed


async def test_generator_functions_and_a_value(loop, calls):
    async def exclaim(source):
        async for chunk in source:
            yield chunk + "!"

    async def join(source):
        text = ""
        async for chunk in source:
            text += chunk
        return text

    done = loop.create_future()
    pipeline(Readable.from_(["x", "y"]), exclaim, join,
             calls.must_call(lambda err=None, value=None: done.set_result((err, value))))
    assert await done == (None, "x!y!")


async def test_promises_pipeline(loop):
    got = []
    await promises.pipeline(Readable.from_([b"1", b"2"]), sink(got))
    assert got == [b"1", b"2"]
    failing = Readable(read=lambda size: None)
    task = asyncio.ensure_future(promises.pipeline(failing, sink([])))
    await settle()
    failing.destroy(RuntimeError("source failed"))
    with pytest.raises(RuntimeError, match="source failed"):
        await task


async def test_pipeline_needs_two_streams_and_a_callback(loop):
    with pytest.raises(TypeError) as info:
        pipeline(Readable.from_([]), lambda err=None: None)
    assert info.value.code == "ERR_MISSING_ARGS"
    with pytest.raises(TypeError) as info:
        pipeline(Readable.from_([]), sink([]))
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


async def test_pipeline_aborted_by_signal(loop, calls):
    controller = AbortController()
    src = Readable(read=lambda size: None)
    done = loop.create_future()
    pipeline(src, sink([]), calls.must_call(lambda err=None: done.set_result(err)),
             signal=controller.signal)
    controller.abort()
    err = await done
    assert err.code == "ABORT_ERR"
    await settle()
    assert src.destroyed


async def test_finished_reports_a_premature_close(loop, calls):
    w = Writable(write=lambda c, e, cb: cb())
    done = loop.create_future()
    finished(w, calls.must_call(lambda err=None: done.set_result(err)))
    w.destroy()
    assert (await done).code == "ERR_STREAM_PREMATURE_CLOSE"


async def test_finished_after_end_and_cleanup(loop, calls):
    r = Readable.from_(["a"])
    done = loop.create_future()
    cleanup = finished(r, calls.must_call(lambda err=None: done.set_result(err)))
    r.resume()
    assert await done is None
    cleanup()
    assert r.listener_count("end") == 0 or all(
        getattr(f, "__self__", None) is None for f in r.listeners("end"))


async def test_promises_finished(loop):
    r = Readable.from_(["a"])
    r.resume()
    await promises.finished(r)
    r2 = Readable(read=lambda size: None)
    task = asyncio.ensure_future(promises.finished(r2))
    await settle()
    r2.destroy(RuntimeError("x"))
    with pytest.raises(RuntimeError):
        await task


async def test_pipeline_into_a_socket(loop, calls):
    """A net.Socket is a writable destination: every chunk arrives, then the FIN."""
    import nodenet.net as net
    from nodenet.events import once

    received = []
    ended = loop.create_future()

    def on_connection(sock):
        sock.on("data", received.append)
        sock.on("end", lambda: ended.set_result(None))

    server = net.create_server(on_connection)
    server.listen(0, "127.0.0.1")
    await once(server, "listening")
    client = net.connect(server.address()["port"], "127.0.0.1")
    await once(client, "connect")
    done = loop.create_future()
    pipeline(Readable.from_([b"one ", b"two ", b"three"]), client,
             calls.must_call(lambda err=None: done.set_result(err)))
    await ended
    assert b"".join(received) == b"one two three"
    assert await done is None
    client.destroy()
    server.close()
