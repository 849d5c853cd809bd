"""``pipeline()``: streams, iterables and (async) generator functions piped into each other,
every stream destroyed on an error, one callback at the end (Node's streams/pipeline.js)."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from typing import Any

from nodenet import _stream_destroy as _destroy
from nodenet import _stream_utils as u
from nodenet._abort import AbortController, check_signal
from nodenet._end_of_stream import finished as eos
from nodenet._end_of_stream import premature_close
from nodenet._loop import get_loop
from nodenet._tick import next_tick
from nodenet.errors import AbortError, NodeTypeError, describe_received, invalid_arg_type


def _invalid_return(expected: str, name: str, value: Any) -> NodeTypeError:
    return NodeTypeError("ERR_INVALID_RETURN_VALUE",
                         f'Expected {expected} to be returned from the "{name}" function '
                         f"but got {_got(value)}.")


def _got(value: Any) -> str:
    """Node's determineSpecificType(): ``type number (5)``, ``an instance of Foo``."""
    return describe_received(value)[len("Received "):]


def _is_abort(err: Any) -> bool:
    return isinstance(err, AbortError) or getattr(err, "name", None) == "AbortError"


class _Destroyer:
    """Destroys one stream of the pipeline unless it already finished."""

    def __init__(self, stream: Any, reading: bool, writing: bool) -> None:
        self.stream = stream
        self.finished = False
        stream.on("close", self._closed)
        self.cleanup = eos(stream, {"readable": reading, "writable": writing}, self._done)

    def _closed(self, *args: Any) -> None:
        self.finished = True

    def _done(self, err: Any = None) -> None:
        self.finished = err is None

    def destroy(self, err: Any) -> None:
        if self.finished:
            return
        self.finished = True
        _destroy.destroyer(self.stream, err or _destroy.stream_destroyed("pipe"))


def _call_with_options(fn: Callable[..., Any], leading: list[Any], options: dict[str, Any]) -> Any:
    """``fn(*leading, options)``, or ``fn(*leading)`` when ``fn`` takes no more (Node passes
    ``{signal}`` to functions that may ignore it; Python would raise)."""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return fn(*leading, options)
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if any(p.kind == p.VAR_POSITIONAL for p in params) or len(positional) > len(leading):
        return fn(*leading, options)
    return fn(*leading)


def _as_async_iterable(value: Any) -> Any:
    """What a function of the pipeline gets: always an async iterable (Node's functions can
    ``for await`` a sync iterable; Python's ``async for`` cannot)."""
    if u.is_iterable(value, True):
        return value
    if u.is_iterable(value):
        return _iterate(value)
    if u.is_readable_node_stream(value):
        from nodenet.stream import Readable

        return Readable.__aiter__(value)
    raise invalid_arg_type("val", "an instance of Readable, Iterable, or AsyncIterable", value)


async def _iterate(iterable: Any) -> Any:
    """The chunks of a sync or async iterable, as an async iterator; closing it closes the
    iterable's iterator (as Node's ``for await`` calls ``return()`` when left early)."""
    if hasattr(iterable, "__aiter__"):
        iterator = iterable.__aiter__()
        try:
            async for chunk in iterator:
                yield chunk
        finally:
            await _aclose(iterator)
    else:
        sync_iterator = iter(iterable)
        try:
            for chunk in sync_iterator:
                yield chunk
        finally:
            close = getattr(sync_iterator, "close", None)
            if callable(close):
                close()


async def _aclose(iterator: Any) -> None:
    """``iterator.aclose()`` if it has one and is not running."""
    aclose = getattr(iterator, "aclose", None)
    if callable(aclose) and not getattr(iterator, "ag_running", False):
        await aclose()


def _is_open(iterator: Any) -> bool:
    """Whether closing ``iterator`` may run code (an async generator not finished)."""
    if not callable(getattr(iterator, "aclose", None)):
        return False
    return getattr(iterator, "ag_frame", True) is not None


async def _close_all(iterators: list[Any]) -> None:
    """Close what the pipeline's functions were given, last first: Node's ``for await`` of
    a function that throws or returns early closes its source; Python's does not."""
    for iterator in reversed(iterators):
        try:
            await _aclose(iterator)
        except Exception:  # noqa: BLE001 - the pipeline already has its outcome
            pass


async def _pump_to_node(iterable: Any, writable: Any, finish: Callable[..., Any],
                        end: bool) -> None:
    """Write ``iterable``'s chunks to ``writable`` with backpressure; ``finish(err)``."""
    loop = asyncio.get_running_loop()
    error: BaseException | None = None
    waiter: asyncio.Future[None] | None = None

    def resume(err: Any = None) -> None:
        nonlocal error, waiter
        if err is not None:
            error = err
        if waiter is not None and not waiter.done():
            waiter.set_result(None)
        waiter = None

    async def wait() -> None:
        nonlocal waiter
        if error is not None:
            raise error
        waiter = loop.create_future()
        await waiter
        if error is not None:
            raise error

    writable.on("drain", resume)
    cleanup = eos(writable, {"readable": False}, resume)
    try:
        if getattr(writable, "writable_need_drain", False):
            await wait()
        chunks = _iterate(iterable)
        try:
            async for chunk in chunks:
                if not writable.write(chunk):
                    await wait()
        finally:
            await chunks.aclose()
        if end:
            writable.end()
            await wait()
        finish()
    except Exception as err:  # noqa: BLE001 - the pipeline's error
        finish(_destroy.aggregate_two_errors(error, err) if error is not err else err)
    finally:
        cleanup()
        writable.remove_listener("drain", resume)


def _pipe(src: Any, dst: Any, finish: Callable[..., Any], end: bool) -> Callable[[], None]:
    ended = False

    def on_dst_close(*args: Any) -> None:
        if not ended:
            finish(premature_close())

    dst.on("close", on_dst_close)
    src.pipe(dst, end=False)  # ends dst itself below
    if end:
        def end_dst(*args: Any) -> None:
            nonlocal ended
            ended = True
            dst.end()

        if u.is_readable_finished(src):
            next_tick(end_dst)
        else:
            src.once("end", end_dst)
    else:
        finish()

    def on_src_done(err: Any = None) -> None:
        r = getattr(src, "_readable_state", None)
        if (err is not None and getattr(err, "code", None) == "ERR_STREAM_PREMATURE_CLOSE"
                and r is not None and r.ended and r.errored is None and not r.error_emitted):
            src.once("end", finish).once("error", finish)
        else:
            finish(err)

    eos(src, {"readable": True, "writable": False}, on_src_done)
    return eos(dst, {"readable": False, "writable": True}, finish)


def pipeline(*streams: Any, signal: Any = None, end: bool = True) -> Any:
    """Node's ``stream.pipeline(...streams, callback)``: the last argument is the callback,
    called ``callback()`` (or ``callback(None, value)``) when all is done and
    ``callback(err)`` on the first error. Returns the last stream."""
    if not streams or not callable(streams[-1]) or u.is_node_stream(streams[-1]):
        raise invalid_arg_type("streams[stream.length - 1]", "of type function",
                               streams[-1] if streams else None)
    callback = streams[-1]
    called = False

    def once(err: Any = None, value: Any = None) -> None:
        nonlocal called
        if called:
            return
        called = True
        if err is not None:
            callback(err)
        elif value is not None:
            callback(None, value)
        else:
            callback()

    return pipeline_impl(list(streams[:-1]), once, signal=signal, end=end)


def pipeline_impl(streams: list[Any], callback: Callable[..., Any], *, signal: Any = None,
                  end: bool = True) -> Any:
    if len(streams) == 1 and isinstance(streams[0], (list, tuple)):
        streams = list(streams[0])
    if len(streams) < 2:
        raise NodeTypeError("ERR_MISSING_ARGS", 'The "streams" argument must be specified')
    if signal is not None:
        check_signal(signal, "options.signal")
    controller = AbortController()
    inner = controller.signal
    state: dict[str, Any] = {"error": None, "value": None, "count": 0}
    destroys: list[Callable[[Any], None]] = []
    last_cleanup: list[Callable[[], None]] = []
    given: list[Any] = []  # the iterables given to functions
    closing: list[asyncio.Task[None]] = []

    def abort(*args: Any) -> None:
        finish_impl(AbortError(cause=getattr(signal, "reason", None)), False)

    if signal is not None:
        signal.add_event_listener("abort", abort, once=True)

    def finish(err: Any = None) -> None:
        state["count"] -= 1
        finish_impl(err, state["count"] == 0)

    def finish_impl(err: Any, final: bool) -> None:
        if err is not None and (state["error"] is None or
                                getattr(state["error"], "code", None) ==
                                "ERR_STREAM_PREMATURE_CLOSE"):
            state["error"] = err
        if state["error"] is None and not final:
            return
        while destroys:
            destroys.pop(0)(state["error"])
        if signal is not None:
            signal.remove_event_listener("abort", abort)
        controller.abort()
        open_ones = [it for it in given if _is_open(it)]
        given.clear()
        if open_ones:
            closing.append(get_loop().create_task(_close_all(open_ones)))
        if final:
            if state["error"] is None:
                for fn in last_cleanup:
                    fn()
            if closing and not closing[-1].done():  # Node's callback comes after return()
                closing[-1].add_done_callback(
                    lambda task: next_tick(callback, state["error"], state["value"]))
            else:
                next_tick(callback, state["error"], state["value"])

    def start(coroutine: Any) -> None:
        get_loop().create_task(coroutine)

    ret: Any = None
    options = {"signal": inner}
    for i, stream in enumerate(streams):
        reading = i < len(streams) - 1
        writing = i > 0
        ends = reading or end is not False
        is_last = i == len(streams) - 1
        if u.is_node_stream(stream):
            if ends:
                d = _Destroyer(stream, reading, writing)
                destroys.append(d.destroy)
                if u.is_readable(stream) and is_last:
                    last_cleanup.append(d.cleanup)

            def on_error(err: Any = None) -> None:
                if err is not None and not _is_abort(err) and \
                        getattr(err, "code", None) != "ERR_STREAM_PREMATURE_CLOSE":
                    finish(err)

            stream.on("error", on_error)
            if u.is_readable(stream) and is_last:
                last_cleanup.append(_remover(stream, "error", on_error))
        if i == 0:
            if callable(stream) and not u.is_node_stream(stream):
                ret = _call_with_options(stream, [], options)
                if not u.is_iterable(ret):
                    raise _invalid_return("Iterable, AsyncIterable or Stream", "source", ret)
            elif u.is_iterable(stream) or u.is_readable_node_stream(stream):
                ret = stream
            else:
                raise invalid_arg_type("source", "a Stream, Iterable or AsyncIterable", stream)
        elif callable(stream) and not u.is_node_stream(stream):
            source = _as_async_iterable(ret)
            given.append(source)
            ret = _call_with_options(stream, [source], options)
            if reading:
                if not u.is_iterable(ret, True):
                    raise _invalid_return("AsyncIterable", f"transform[{i - 1}]", ret)
            else:
                from nodenet.stream import PassThrough

                pt = PassThrough(object_mode=True)
                if inspect.isawaitable(ret):
                    state["count"] += 1
                    start(_settle(ret, pt, ends, state, finish))
                elif u.is_iterable(ret, True):
                    state["count"] += 1
                    start(_pump_to_node(ret, pt, finish, ends))
                else:
                    raise _invalid_return("AsyncIterable or Promise", "destination", ret)
                ret = pt
                d = _Destroyer(ret, False, True)
                destroys.append(d.destroy)
                if is_last:
                    last_cleanup.append(d.cleanup)
        elif u.is_node_stream(stream):
            if u.is_readable_node_stream(ret):
                state["count"] += 2
                cleanup = _pipe(ret, stream, finish, ends)
                if u.is_readable(stream) and is_last:
                    last_cleanup.append(cleanup)
            elif u.is_iterable(ret):
                state["count"] += 1
                start(_pump_to_node(ret, stream, finish, ends))
            else:
                raise invalid_arg_type("val", "an instance of Readable, Iterable, or "
                                       "AsyncIterable", ret)
            ret = stream
        else:
            raise invalid_arg_type(f"streams[{i}]", "a Stream or a function", stream)
    if inner.aborted or (signal is not None and signal.aborted):
        next_tick(abort)
    return ret


def _remover(stream: Any, event: str, listener: Callable[..., Any]) -> Callable[[], None]:
    return lambda: stream.remove_listener(event, listener)


async def _settle(awaitable: Any, pt: Any, end: bool, state: dict[str, Any],
                  finish: Callable[..., Any]) -> None:
    """The last function returned an awaitable: its value is the pipeline's value."""
    try:
        value = await awaitable
    except Exception as err:  # noqa: BLE001 - the pipeline's error
        pt.destroy(err)
        next_tick(finish, err)
        return
    state["value"] = value
    if value is not None:
        pt.write(value)
    if end:
        pt.end()
    next_tick(finish)
