"""Port of Node's test/parallel/test-stream-readable-async-iterators.js: ``async for``
over a Readable. Node's ``iter.next()`` is ``__anext__()`` (StopAsyncIteration for
``done``), ``iter.return()`` is ``aclose()``; ``break`` or an exception in the loop
destroys the stream when the loop drops the iterator."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from stream_helpers import settle

from nodenet._loop import get_loop
from nodenet._tick import next_tick
from nodenet.errors import NodeError
from nodenet.stream import Readable


def nop(*_: Any) -> None:
    pass


def spawn(coro: Any) -> asyncio.Future[Any]:
    return asyncio.ensure_future(coro)


async def test_non_standard_cleanup_calls_close(loop: Any, calls: Any) -> None:
    readable = Readable(auto_destroy=False, read=nop)
    readable.push("asd")
    readable.push("asd")
    readable.destroy = None  # type: ignore[assignment]
    readable.close = calls.must_call(lambda: readable.emit("close"))
    async for _ in readable:
        break
    await settle()


async def test_iterator_then_async_for(loop: Any) -> None:
    readable = Readable(object_mode=True, read=nop)
    readable.push(0)
    readable.push(1)
    readable.push(None)
    it = readable.__aiter__()
    assert await it.__anext__() == 0
    rest = [d async for d in it]
    assert rest == [1]


async def test_next_without_async_for(loop: Any) -> None:
    readable = Readable(object_mode=True, read=nop)
    it = readable.__aiter__()
    assert it.stream is readable
    values = [spawn(it.__anext__()) for _ in range(5)]
    for i in range(5):
        readable.push(f"hello-{i}")
    readable.push(None)
    assert await asyncio.gather(*values) == [f"hello-{i}" for i in range(5)]
    with pytest.raises(StopAsyncIteration):
        await it.__anext__()


async def test_next_without_async_for_deferred(loop: Any) -> None:
    readable = Readable(object_mode=True, read=nop)
    it = readable.__aiter__()
    values = [spawn(it.__anext__()) for _ in range(3)]
    for i in range(3):
        readable.push(f"hello-{i}")
    assert await asyncio.gather(*values) == ["hello-0", "hello-1", "hello-2"]
    values = [spawn(it.__anext__()) for _ in range(2)]
    readable.push("hello-3")
    readable.push("hello-4")
    readable.push(None)
    assert await asyncio.gather(*values) == ["hello-3", "hello-4"]
    with pytest.raises(StopAsyncIteration):
        await it.__anext__()


async def test_next_without_async_for_with_errors(loop: Any) -> None:
    readable = Readable(object_mode=True, read=nop)
    it = readable.__aiter__()
    values = [spawn(it.__anext__()) for _ in range(3)]
    errors = [spawn(it.__anext__()) for _ in range(2)]
    for i in range(3):
        readable.push(f"hello-{i}")
    assert await asyncio.gather(*values) == ["hello-0", "hello-1", "hello-2"]
    readable.destroy(Exception("kaboom"))
    first, second = await asyncio.gather(*errors, return_exceptions=True)
    assert str(first) == "kaboom"
    assert isinstance(second, StopAsyncIteration)


async def test_next_after_error(loop: Any) -> None:
    readable = Readable(read=nop)
    it = readable.__aiter__()
    readable.destroy(Exception("kaboom"))
    with pytest.raises(Exception, match="kaboom"):
        await it.__anext__()


async def test_read_object_mode(loop: Any) -> None:
    max_ = 42
    readed = 0

    def read(n: int) -> None:
        nonlocal readed
        readable.push("hello")
        readed += 1
        if readed == max_:
            readable.push(None)

    readable = Readable(object_mode=True, read=read)
    received = [k async for k in readable]
    assert received == ["hello"] * readed


async def test_destroy_sync(loop: Any) -> None:
    readable = Readable(object_mode=True,
                        read=lambda n: readable.destroy(Exception("kaboom from read")))
    with pytest.raises(Exception, match="kaboom from read"):
        async for _ in readable:
            pass


async def test_destroy_async(loop: Any) -> None:
    pushed = False

    def read(n: int) -> None:
        nonlocal pushed
        if not pushed:
            readable.push("hello")
            pushed = True
            get_loop().call_soon(readable.destroy, Exception("kaboom"))

    readable = Readable(object_mode=True, read=read)
    received = 0
    with pytest.raises(Exception, match="kaboom"):
        async for _ in readable:
            received += 1
    assert received == 1


async def test_destroyed_by_raise_in_loop(loop: Any) -> None:
    readable = Readable(object_mode=True, read=lambda n: readable.push("hello"))
    with pytest.raises(ValueError, match="kaboom"):
        async for k in readable:
            assert k == "hello"
            raise ValueError("kaboom")
    assert readable.destroyed is True


async def test_destroyed_sync_after_push(loop: Any) -> None:
    def read(n: int) -> None:
        readable.push("hello")
        readable.destroy(Exception("kaboom"))

    readable = Readable(object_mode=True, read=read)
    received = 0
    with pytest.raises(Exception, match="kaboom"):
        async for k in readable:
            assert k == "hello"
            received += 1
    assert received == 1


async def test_destroyed_does_not_deadlock(loop: Any, calls: Any) -> None:
    # The stored test expects an empty loop; node v20 raises ERR_STREAM_PREMATURE_CLOSE.
    readable = Readable()
    readable.destroy()
    await settle()
    readable.on("close", calls.must_not_call("close"))
    received = 0
    with pytest.raises(NodeError) as info:
        async for _ in readable:
            received += 1
    assert info.value.code == "ERR_STREAM_PREMATURE_CLOSE"
    assert received == 0


async def test_push_async(loop: Any) -> None:
    max_ = 42
    readed = 0

    def read(n: int) -> None:
        def later() -> None:
            nonlocal readed
            readable.push("hello")
            readed += 1
            if readed == max_:
                readable.push(None)

        get_loop().call_soon(later)

    readable = Readable(object_mode=True, read=read)
    received = [k async for k in readable]
    assert len(received) == readed == max_


async def test_push_binary_async(loop: Any) -> None:
    max_ = 42
    readed = 0

    def read(n: int) -> None:
        def later() -> None:
            nonlocal readed
            readable.push("hello")
            readed += 1
            if readed == max_:
                readable.push(None)

        get_loop().call_soon(later)

    readable = Readable(read=read)
    expected: list[str] = []
    readable.set_encoding("utf8")
    readable.pause()
    readable.on("data", expected.append)
    data = "".join([k async for k in readable])
    assert data == "".join(expected)
    assert data == "hello" * max_


async def test_next_on_destroyed_stream(loop: Any) -> None:
    # node v20: ERR_STREAM_PREMATURE_CLOSE (the stored test expects done).
    readable = Readable(read=nop)
    readable.destroy()
    with pytest.raises(NodeError) as info:
        await readable.__aiter__().__anext__()
    assert info.value.code == "ERR_STREAM_PREMATURE_CLOSE"


async def test_iterating_an_ended_stream_completes(loop: Any) -> None:
    def read(n: int) -> None:
        r.push("asdf")
        r.push("hehe")
        r.push(None)

    r = Readable(object_mode=True, read=read)
    assert [a async for a in r] == ["asdf", "hehe"]
    assert [b async for b in r] == []


async def test_destroy_mid_stream_does_not_raise(loop: Any) -> None:
    def read(n: int) -> None:
        r.push("asdf")
        r.push("hehe")

    # node v20: ERR_STREAM_PREMATURE_CLOSE (the stored test expects none).
    r = Readable(object_mode=True, read=read)
    with pytest.raises(NodeError) as info:
        async for _ in r:
            r.destroy(None)
    assert info.value.code == "ERR_STREAM_PREMATURE_CLOSE"


async def test_pending_nexts_resolved_on_end(loop: Any) -> None:
    r = Readable(object_mode=True, read=nop)
    b = r.__aiter__()
    c, d = spawn(b.__anext__()), spawn(b.__anext__())
    r.push(None)
    results = await asyncio.gather(c, d, return_exceptions=True)
    assert all(isinstance(x, StopAsyncIteration) for x in results)


async def test_pending_nexts_resolved_on_destroy(loop: Any) -> None:
    r = Readable(object_mode=True, read=nop)
    b = r.__aiter__()
    c, d = spawn(b.__anext__()), spawn(b.__anext__())
    await settle(1)
    r.destroy()
    # node v20: the first fails with ERR_STREAM_PREMATURE_CLOSE, the second is done.
    first, second = await asyncio.gather(c, d, return_exceptions=True)
    assert first.code == "ERR_STREAM_PREMATURE_CLOSE"
    assert isinstance(second, StopAsyncIteration)


async def test_pending_nexts_resolved_on_destroy_with_error(loop: Any) -> None:
    r = Readable(object_mode=True, read=nop)
    b = r.__aiter__()
    c, d = spawn(b.__anext__()), spawn(b.__anext__())
    await settle(1)
    err = Exception("kaboom")
    r.destroy(err)
    first, second = await asyncio.gather(c, d, return_exceptions=True)
    assert first is err
    assert isinstance(second, StopAsyncIteration)


async def test_error_from_destroy_callback(loop: Any, calls: Any) -> None:
    _err = Exception("asd")

    def destroy(err: Any, callback: Any) -> None:
        get_loop().call_later(0.001, callback, _err)

    r = Readable(read=nop, destroy=destroy)
    r.destroy()
    it = r.__aiter__()
    with pytest.raises(Exception) as info:
        await it.__anext__()
    assert info.value is _err


async def test_no_destroy_without_auto_destroy(loop: Any) -> None:
    # nodejs/node#35116
    def read(n: int) -> None:
        r.push("asd")
        r.push(None)

    r = Readable(auto_destroy=False, read=read)
    async for _ in r:
        pass
    assert r.destroyed is False


async def test_destroy_on_break_without_auto_destroy(loop: Any) -> None:
    r = Readable(auto_destroy=False, read=lambda n: r.push("asd"))
    async for _ in r:
        break
    assert r.destroyed is True


async def test_no_destroy_before_end(loop: Any) -> None:
    def read(n: int) -> None:
        r.push("asd")
        r.push(None)

    r = Readable(read=read)
    ends: list[bool] = []
    r.on("end", lambda: ends.append(r.destroyed))
    async for _ in r:
        pass
    assert ends == [False]
    assert r.destroyed is True


async def test_aclose_ends_when_destroy_has_no_callback(loop: Any) -> None:
    r = Readable(object_mode=True, read=nop)
    original = r.destroy
    r.destroy = lambda err=None: original(err)  # type: ignore[assignment,misc]
    it = r.__aiter__()
    closing = spawn(it.aclose())
    r.push(None)
    await closing


async def test_aclose_no_premature_close_error(loop: Any) -> None:
    r = Readable(object_mode=True, read=nop)
    original = r.destroy
    r.destroy = lambda err=None: original(err)  # type: ignore[assignment,misc]
    it = r.__aiter__()
    closing = spawn(it.aclose())
    r.emit("close")
    await closing


async def test_iterate_after_close(loop: Any, calls: Any) -> None:
    r = Readable(object_mode=True, read=nop)
    r.destroy()
    done = asyncio.Event()

    async def iterate() -> None:
        # node v20: ERR_STREAM_PREMATURE_CLOSE (the stored test expects done).
        with pytest.raises(NodeError, match="Premature close"):
            await r.__aiter__().__anext__()
        done.set()

    r.on("close", calls.must_call(lambda: spawn(iterate())))
    await done.wait()


async def test_destroy_on_return_false(loop: Any) -> None:
    r = Readable(object_mode=True, read=nop)
    for i in range(3):
        r.push(i)
    async for chunk in r.iterator({"destroyOnReturn": False}):
        assert chunk == 0
        break
    await settle()
    assert r.destroyed is False
    assert r.readable_length == 2
    r.push(None)
    assert [c async for c in r] == [1, 2]


async def test_break_destroys_with_abort_error(loop: Any, calls: Any) -> None:
    # node v20: leaving early destroys the stream with an AbortError, which the
    # iterator's own 'error' listener takes.
    r = Readable(object_mode=True, read=lambda n: r.push("x"))
    r.on("close", calls.must_call())
    async for _ in r:
        break
    assert r.destroyed is True
    assert r.errored is not None and r.errored.code == "ABORT_ERR"  # type: ignore[attr-defined]
    await settle()


def test_iterator_options_must_be_a_dict() -> None:
    with pytest.raises(TypeError):
        Readable(read=nop).iterator(5)  # type: ignore[arg-type]


async def test_next_tick_push(loop: Any) -> None:
    r = Readable(object_mode=True, read=lambda n: next_tick(r.push, None))
    r.push("a")
    assert [c async for c in r] == ["a"]
