"""Node's test/parallel/test-stream-pipeline.js: the cases about node streams, iterables,
(async) generator functions, errors, destroy and signals (no http, net or web streams)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from stream_helpers import Calls, settle

from nodenet.events import AbortController
from nodenet.stream import PassThrough, Readable, Transform, Writable, pipeline, promises


def _set_immediate(loop: Any, callback: Any) -> None:
    """Node's setImmediate: after the ticks queued so far."""
    loop.call_soon(loop.call_soon, callback)


def _collect(into: list[Any], **opts: Any) -> Writable:
    def write(chunk: Any, enc: Any, cb: Any) -> None:
        into.append(chunk)
        cb()

    return Writable(write=write, **opts)


async def _run(loop: Any, *streams: Any, **kwargs: Any) -> Any:
    """pipeline(*streams); what its callback got."""
    fut: asyncio.Future[Any] = loop.create_future()

    def done(*args: Any) -> None:
        if not fut.done():
            fut.set_result(args)

    pipeline(*streams, done, **kwargs)
    return await fut


async def test_readable_into_writable(loop: Any) -> None:
    processed: list[Any] = []
    read = Readable(read=lambda size: None)
    write = _collect(processed)
    finished = []
    write.on("finish", lambda: finished.append(True))
    for chunk in (b"a", b"b", b"c"):
        read.push(chunk)
    read.push(None)
    assert await _run(loop, read, write) == ()
    assert finished == [True]
    assert processed == [b"a", b"b", b"c"]


async def test_missing_args(loop: Any) -> None:
    read = Readable(read=lambda size: None)
    with pytest.raises(TypeError) as info:
        pipeline(read, lambda *args: None)
    assert info.value.code == "ERR_MISSING_ARGS"
    with pytest.raises(TypeError) as info:
        pipeline(lambda *args: None)
    assert info.value.code == "ERR_MISSING_ARGS"
    with pytest.raises(TypeError) as info:
        pipeline()
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


async def test_source_destroyed_without_error(loop: Any) -> None:
    read = Readable(read=lambda size: None)
    write = Writable(write=lambda data, enc, cb: cb())
    read.push("data")
    _set_immediate(loop, read.destroy)
    (err,) = await _run(loop, read, write)
    assert err.code == "ERR_STREAM_PREMATURE_CLOSE"


async def test_source_destroyed_with_error_returns_destination(loop: Any, calls: Calls) -> None:
    read = Readable(read=lambda size: None)
    write = Writable(write=lambda data, enc, cb: cb())
    read.push("data")
    _set_immediate(loop, lambda: read.destroy(RuntimeError("kaboom")))
    fut: asyncio.Future[Any] = loop.create_future()
    dst = pipeline(read, write, calls.must_call(lambda err=None: fut.set_result(err)))
    assert dst is write
    assert str(await fut) == "kaboom"


async def test_transform_error_destroys_all(loop: Any, calls: Calls) -> None:
    read = Readable(read=lambda size: None)
    transform = Transform(transform=lambda data, enc, cb: cb(RuntimeError("kaboom")))
    write = Writable(write=lambda data, enc, cb: cb())
    for s in (read, transform, write):
        s.on("close", calls.must_call())
        s.on("error", calls.must_call(lambda err: _check(str(err) == "kaboom")))
    fut: asyncio.Future[Any] = loop.create_future()
    dst = pipeline(read, transform, write,
                   calls.must_call(lambda err=None: fut.set_result(err)))
    assert dst is write
    read.push("hello")
    assert str(await fut) == "kaboom"
    await settle()


def _check(ok: bool) -> None:
    assert ok


async def test_many_transforms_all_closed(loop: Any, calls: Calls) -> None:
    def make_transform() -> Transform:
        tr = Transform(transform=lambda data, enc, cb: cb(None, data))
        tr.on("close", calls.must_call())
        return tr

    rs = Readable(read=lambda size: rs.push("hello"))
    cnt = [10]

    def write(data: Any, enc: Any, cb: Any) -> None:
        cnt[0] -= 1
        cb(RuntimeError("kaboom") if cnt[0] == 0 else None)

    ws = Writable(write=write)
    rs.on("close", calls.must_call())
    ws.on("close", calls.must_call())
    (err,) = await _run(loop, rs, *[make_transform() for _ in range(6)], ws)
    assert str(err) == "kaboom"
    await settle()


async def test_promisified(loop: Any) -> None:
    read = Readable(read=lambda size: None)
    write = Writable(write=lambda data, enc, cb: cb())
    read.push("data")
    read.push(None)
    finished = []
    write.on("finish", lambda: finished.append(True))
    await promises.pipeline(read, write)
    assert finished == [True]


def _null_writable() -> Writable:
    return Writable(write=lambda chunk, enc, cb: cb())


async def test_signal_aborted_before_any_value(loop: Any) -> None:
    ac = AbortController()

    async def producer() -> Any:
        ac.abort()
        await asyncio.sleep(0)
        yield "8"

    with pytest.raises(Exception) as info:
        await promises.pipeline(producer, _null_writable(), signal=ac.signal)
    assert info.value.name == "AbortError"


async def test_signal_aborted_after_init(loop: Any) -> None:
    ac = AbortController()

    async def producer() -> Any:
        yield "5"
        await asyncio.sleep(0)
        ac.abort()
        await asyncio.sleep(0)
        yield "8"

    with pytest.raises(Exception) as info:
        await promises.pipeline(producer, _null_writable(), {"signal": ac.signal})
    assert info.value.name == "AbortError"


async def test_signal_pre_aborted(loop: Any) -> None:
    ac = AbortController()
    ac.abort()

    async def producer() -> Any:
        yield "5"
        await asyncio.sleep(0)
        yield "8"

    with pytest.raises(Exception) as info:
        await promises.pipeline(producer, _null_writable(), signal=ac.signal)
    assert info.value.name == "AbortError"


async def test_no_callback(loop: Any) -> None:
    read = Readable(read=lambda size: None)
    transform = Transform(transform=lambda data, enc, cb: cb(RuntimeError("kaboom")))
    write = Writable(write=lambda data, enc, cb: cb())
    with pytest.raises(TypeError) as info:
        pipeline(read, transform, write)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


def _text_sink(res: list[str]) -> Writable:
    def write(chunk: Any, enc: Any, cb: Any) -> None:
        res.append(chunk.decode() if isinstance(chunk, bytes) else chunk)
        cb()

    return Writable(write=write)


def _hello_world() -> Any:
    yield "hello"
    yield "world"


async def _async_hello_world() -> Any:
    await asyncio.sleep(0)
    yield "hello"
    yield "world"


@pytest.mark.parametrize("source", [
    lambda: _hello_world(), lambda: _async_hello_world(), lambda: _hello_world,
    lambda: _async_hello_world,
], ids=["generator", "async-generator", "generator-function", "async-generator-function"])
async def test_generators_into_writable(loop: Any, source: Any) -> None:
    res: list[str] = []
    assert await _run(loop, source(), _text_sink(res)) == ()
    assert "".join(res) == "helloworld"


async def _upper(source: Any) -> Any:
    async for chunk in source:
        yield chunk.upper()


async def test_function_chain(loop: Any) -> None:
    res: list[str] = []

    async def consume(source: Any) -> None:
        async for chunk in source:
            res.append(chunk)

    assert await _run(loop, _async_hello_world, _upper, consume) == ()
    assert "".join(res) == "HELLOWORLD"


async def test_value_of_the_last_function(loop: Any) -> None:
    async def join(source: Any) -> str:
        ret = ""
        async for chunk in source:
            ret += chunk
        return ret

    assert await _run(loop, _async_hello_world, _upper, join) == (None, "HELLOWORLD")


async def test_async_iterable_destination_returned(loop: Any) -> None:
    async def drain(source: Any) -> Any:
        async for _ in source:
            pass
        if False:
            yield

    fut: asyncio.Future[Any] = loop.create_future()
    ret = pipeline(_async_hello_world, drain, lambda *args: fut.set_result(args))
    ret.resume()
    assert callable(ret.pipe)
    assert await fut == ()


async def test_async_generator_error_propagated(loop: Any) -> None:
    async def failing() -> Any:
        await asyncio.sleep(0)
        raise RuntimeError("kaboom")
        yield

    async def drain(source: Any) -> Any:
        async for _ in source:
            pass
        if False:
            yield

    fut: asyncio.Future[Any] = loop.create_future()
    ret = pipeline(failing, drain, lambda *args: fut.set_result(args))
    ret.resume()
    assert callable(ret.pipe)
    (err,) = await fut
    assert str(err) == "kaboom"


async def _async_throws() -> Any:
    raise RuntimeError("kaboom")
    yield


def _throws() -> Any:
    raise RuntimeError("kaboom")
    yield


@pytest.mark.parametrize("source", [lambda: _async_throws, lambda: _async_throws(),
                                    lambda: _throws, lambda: _throws()],
                         ids=["async-fn", "async-gen", "fn", "gen"])
async def test_throwing_source_destroys_destination(loop: Any, source: Any) -> None:
    s = PassThrough()
    (err,) = await _run(loop, source(), s)
    assert str(err) == "kaboom"
    assert s.destroyed


async def test_throwing_destination_function(loop: Any) -> None:
    s = PassThrough()

    async def dest(source: Any) -> None:
        async for _ in source:
            raise RuntimeError("kaboom")

    (err,) = await _run(loop, _async_hello_world, s, dest)
    assert str(err) == "kaboom"
    assert s.destroyed


async def test_throwing_async_generator_destination(loop: Any) -> None:
    s = PassThrough()

    async def dest(source: Any) -> Any:
        async for _ in source:
            raise RuntimeError("kaboom")
        yield

    fut: asyncio.Future[Any] = loop.create_future()
    ret = pipeline(lambda: ["hello", "world"], s, dest, lambda *args: fut.set_result(args))
    ret.resume()
    assert callable(ret.pipe)
    (err,) = await fut
    assert str(err) == "kaboom"
    assert s.destroyed


@pytest.mark.parametrize("streams", [
    lambda s: [lambda source=None: None, s],
    lambda s: [s, lambda source: None, s],
    lambda s: [s, lambda source: None],
    lambda s: [s, lambda source: iter(())],  # Node's function*: not an async iterable
], ids=["source", "middle", "last", "sync-generator"])
async def test_invalid_return_values(loop: Any, streams: Any) -> None:
    s = PassThrough()
    with pytest.raises(TypeError) as info:
        pipeline(*streams(s), lambda *args: None)
    assert info.value.code == "ERR_INVALID_RETURN_VALUE"
    assert s.destroyed is False


@pytest.mark.parametrize("deferred", [False, True])
async def test_transform_error_between_functions(loop: Any, deferred: bool) -> None:
    from nodenet._tick import next_tick

    def transform(chunk: Any, encoding: Any, cb: Any) -> None:
        if deferred:
            next_tick(cb, RuntimeError("kaboom"))
        else:
            cb(RuntimeError("kaboom"))

    res: list[Any] = []

    async def consume(source: Any) -> None:
        async for chunk in source:
            res.append(chunk)

    (err,) = await _run(loop, _async_hello_world, Transform(transform=transform), consume)
    assert str(err) == "kaboom"
    assert res == []


async def test_transform_between_functions(loop: Any) -> None:
    res: list[Any] = []

    async def consume(source: Any) -> None:
        async for chunk in source:
            res.append(chunk)

    tr = Transform(decode_strings=False, transform=lambda chunk, enc, cb: cb(None, chunk.upper()))
    assert await _run(loop, _async_hello_world, tr, consume) == ()
    assert b"".join(res) == b"HELLOWORLD"


async def test_async_function_throws(loop: Any) -> None:
    async def source() -> Any:
        yield "hello"

    async def dest(source: Any) -> None:
        raise RuntimeError("kaboom")

    (err,) = await _run(loop, source, dest)
    assert str(err) == "kaboom"


async def test_without_auto_destroy_nothing_destroyed(loop: Any) -> None:
    src = PassThrough(auto_destroy=False)
    dst = PassThrough(auto_destroy=False)
    fut: asyncio.Future[Any] = loop.create_future()
    pipeline(src, dst, lambda *args: fut.set_result(args))
    src.end()
    assert await fut == ()
    assert src.destroyed is False and dst.destroyed is False


async def test_close_after_eof_is_no_error(loop: Any) -> None:
    """'close' before 'end' finishes without error once the readable got EOF (#29699)."""
    r = Readable()
    w = Writable(write=lambda chunk, enc, cb: cb())
    fut: asyncio.Future[Any] = loop.create_future()
    pipeline(r, w, lambda *args: fut.set_result(args))
    r.push("asd")
    r.push(None)
    r.emit("close")
    assert await fut == ()


async def test_readable_destination_not_destroyed(loop: Any) -> None:
    src = PassThrough()
    dst = PassThrough()
    fut: asyncio.Future[Any] = loop.create_future()
    pipeline(src, dst, lambda *args: fut.set_result(args))
    src.end()
    assert await fut == ()
    assert dst.destroyed is False


async def test_unreadable_destination_destroyed(loop: Any) -> None:
    src = PassThrough()
    dst = PassThrough()
    dst.readable = False
    fut: asyncio.Future[Any] = loop.create_future()
    pipeline(src, dst, lambda *args: fut.set_result(args))
    src.end()
    assert await fut == ()
    assert dst.destroyed is True


async def test_error_in_first_function_skips_the_rest(loop: Any, calls: Calls) -> None:
    res: list[Any] = []
    rs = Readable(read=lambda size: _set_immediate(loop, lambda: rs.push("hello")))
    ws = Writable(write=calls.must_not_call("write"))

    async def fail(stream: Any) -> Any:
        async for _ in stream:
            raise RuntimeError("kaboom")
        yield

    async def collect(source: Any) -> Any:
        async for chunk in source:
            res.append(chunk)
        if False:
            yield

    (err,) = await _run(loop, rs, fail, collect, ws)
    assert str(err) == "kaboom"
    assert res == []


async def test_duplex_source_keeps_its_writable_side(loop: Any) -> None:
    src = PassThrough()
    assert src.writable is True
    dst = PassThrough()
    fut: asyncio.Future[Any] = loop.create_future()
    pipeline(src, dst, lambda *args: fut.set_result(args))
    src.push(None)
    await fut
    assert src.writable is True and src.destroyed is False


async def test_destroying_the_returned_stream(loop: Any) -> None:
    src = PassThrough()

    async def echo(source: Any) -> Any:
        async for chunk in source:
            yield chunk

    fut: asyncio.Future[Any] = loop.create_future()
    dst = pipeline(src, echo, lambda *args: fut.set_result(args))
    src.push("asd")
    dst.destroy()
    (err,) = await fut
    assert err.code == "ERR_STREAM_PREMATURE_CLOSE"


async def test_objects_between_functions(loop: Any) -> None:
    async def source() -> Any:
        yield "asd"

    async def wrap(source: Any) -> Any:
        async for chunk in source:
            yield {"chunk": chunk}

    ret = pipeline(source, wrap, lambda *args: None)
    ret.resume()
    await settle(20)


async def test_callback_after_slow_destroy(loop: Any) -> None:
    from nodenet._tick import next_tick

    closed = []
    src = Readable(read=lambda size: None, destroy=lambda err, cb: next_tick(cb))
    dst = Writable(write=lambda chunk, enc, cb: cb())
    src.on("close", lambda: closed.append(True))
    src.push(None)
    await _run(loop, src, dst)
    assert closed == [True]


async def test_array_of_streams(loop: Any) -> None:
    r = Readable(read=lambda size: None)
    r.push("hello")
    r.push("world")
    r.push(None)
    res: list[str] = []
    assert await _run(loop, [r, _text_sink(res)]) == ()
    assert "".join(res) == "helloworld"


async def test_waits_for_flush(loop: Any) -> None:
    flushed = []

    def flush(cb: Any) -> None:
        def later() -> None:
            flushed.append(True)
            cb(None)

        loop.call_later(0.001, later)

    tr = Transform(transform=lambda chunk, enc, cb: cb(None, chunk), flush=flush)
    inp = Readable()
    inp.push(None)
    await _run(loop, inp, tr)
    assert flushed == [True]


async def test_abort_signal_on_the_returned_stream(loop: Any, calls: Calls) -> None:
    from nodenet.stream import add_abort_signal

    ac = AbortController()

    async def numbers() -> Any:
        for i in range(10):
            await asyncio.sleep(0)
            yield str(i)
            if i == 5:
                ac.abort()

    r = Readable.from_(numbers())
    res: list[str] = []
    w = _text_sink(res)
    fut: asyncio.Future[Any] = loop.create_future()
    pipelined = add_abort_signal(ac.signal, pipeline([r, w], lambda *args: fut.set_result(args)))
    (err,) = await fut
    assert err.name == "AbortError"
    assert "".join(res) == "012345"
    assert w.destroyed and r.destroyed and pipelined.destroyed


async def test_lists_and_bytes(loop: Any) -> None:
    assert await _run(loop, [1, 2, 3], PassThrough(object_mode=True)) == ()
    res: list[str] = []
    assert await _run(loop, ["1", "2", "3"], _text_sink(res)) == ()
    assert "".join(res) == "123"
    assert await _run(loop, b"abc", PassThrough(object_mode=True)) == ()
    got: list[int] = []

    async def chars(previous: Any) -> Any:
        async for val in previous:
            got.append(val)
            yield val

    fut: asyncio.Future[Any] = loop.create_future()
    ret = pipeline(b"abc", chars, lambda *args: fut.set_result(args))
    ret.resume()
    assert await fut == ()
    assert bytes(got) == b"abc"


async def test_signal_reaches_the_source(loop: Any) -> None:
    ac = AbortController()

    async def source(options: Any) -> Any:
        waiting: asyncio.Future[None] = loop.create_future()
        options["signal"].add_event_listener("abort", lambda *a: waiting.cancel())
        await waiting
        yield

    async def dest(source: Any) -> None:
        pass

    # As in Node, the pipeline starts when promises.pipeline() is called, not when awaited.
    task = promises.pipeline(source, dest, {"signal": ac.signal})
    ac.abort()
    with pytest.raises(Exception) as info:
        await task
    assert info.value.name == "AbortError"


async def test_promises_array_of_streams(loop: Any) -> None:
    res: list[str] = []
    write = _text_sink(res)
    finished = []
    write.on("finish", lambda: finished.append(True))
    await promises.pipeline([Readable.from_("Hello World!"), write])
    assert finished == [True] and "".join(res) == "Hello World!"


async def test_duplex_destination_and_end_false(loop: Any) -> None:
    read = Readable(read=lambda size: None)
    duplex = PassThrough()
    read.push(None)
    await promises.pipeline(read, duplex)
    assert duplex.destroyed is False

    read = Readable(read=lambda size: None)
    duplex = PassThrough()
    read.push(None)
    await promises.pipeline(read, duplex, {"end": False})
    assert duplex.destroyed is False and duplex.writable_ended is False

    read = Readable(read=lambda size: None)
    duplex = PassThrough()
    read.push(None)
    await promises.pipeline(read, duplex, end=False)
    assert duplex.writable_ended is False


async def test_break_in_the_last_function(loop: Any) -> None:
    s = PassThrough(object_mode=True)

    async def source() -> Any:
        await asyncio.sleep(0)
        yield "hello"
        yield "world"
        yield "world"

    async def join(source: Any) -> str:
        ret = ""
        n = 0
        async for chunk in source:
            if n > 1:
                break
            n += 1
            ret += chunk
        return ret

    assert await _run(loop, source, s, join) == (None, "helloworld")
    assert s.destroyed is True


async def test_empty_string_source(loop: Any) -> None:
    """test-stream-pipeline-with-empty-string.js."""
    assert await _run(loop, "", PassThrough(object_mode=True)) == ()


# Node's ``for await`` calls the iterator's return() when left early: a source generator's
# ``finally`` runs before the pipeline's callback (checked against node v20).


async def test_source_generator_closed_when_the_destination_fails(loop: Any) -> None:
    seen: list[str] = []

    async def source() -> Any:
        try:
            yield "a"
            await asyncio.sleep(0.01)
            yield "b"
        finally:
            seen.append("finally")

    dest = Writable(write=lambda chunk, enc, cb: cb(RuntimeError("x")))
    (err,) = await _run(loop, source, dest)
    assert str(err) == "x"
    # Node calls back first and leaves the generator at its next chunk; nodenet's pump
    # leaves at once (write() returned false), so 'finally' may come first.
    await asyncio.sleep(0.02)
    assert seen == ["finally"]


async def test_source_generator_closed_when_a_function_throws(loop: Any) -> None:
    seen: list[str] = []

    async def source() -> Any:
        try:
            yield "a"
            yield "b"
        finally:
            seen.append("finally")

    async def fail(src: Any) -> Any:
        async for _ in src:
            raise RuntimeError("y")
        yield

    (err,) = await _run(loop, source, fail)
    seen.append("callback")
    assert str(err) == "y"
    assert seen == ["finally", "callback"]


async def test_source_generator_closed_when_a_function_returns_early(loop: Any) -> None:
    seen: list[str] = []

    async def source() -> Any:
        try:
            yield "a"
            yield "b"
        finally:
            seen.append("finally")

    async def first(src: Any) -> Any:
        async for chunk in src:
            return chunk

    assert await _run(loop, source, first) == (None, "a")
    seen.append("callback")
    assert seen == ["finally", "callback"]
