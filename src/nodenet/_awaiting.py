"""``events.once()`` and ``events.on()``: awaiting an emitter's events (a future of the
next one, an async iterator of all of them), with Node's signal, close and watermarks."""

from __future__ import annotations

import asyncio
import collections
import math
import weakref
from collections.abc import AsyncIterator, Iterable
from typing import Any

from ._abort import AbortSignal, abort_error, check_signal
from ._loop import get_loop
from .errors import invalid_arg_type, is_number, out_of_range, unhandled_error


def _as_exception(err: Any) -> BaseException:
    """What 'error' carried, as an exception: ``ERR_UNHANDLED_ERROR`` wraps a plain value."""
    return err if isinstance(err, BaseException) else unhandled_error((err,))


def _check_emitter(emitter: Any) -> bool:
    """True for an ``AbortSignal`` (Node's EventTarget); raise unless ``emitter`` is an emitter."""
    if isinstance(emitter, AbortSignal):
        return True
    if not (callable(getattr(emitter, "on", None))
            and callable(getattr(emitter, "remove_listener", None))):
        raise invalid_arg_type("emitter", "an instance of EventEmitter", emitter)
    return False


_MAX_SAFE_INTEGER = 2**53 - 1


def _options(options: Any) -> dict[str, Any]:
    """Node's options object: a ``dict`` with Node's keys, or None."""
    if options is None:
        return {}
    if not isinstance(options, dict):
        raise invalid_arg_type("options", "of type object", options)
    return options


def _check_watermark(value: Any, name: str) -> float:
    if not is_number(value):
        raise invalid_arg_type(name, "of type number", value)
    if isinstance(value, float) and not value.is_integer():
        raise out_of_range(name, "an integer", value)
    if not 1 <= value <= _MAX_SAFE_INTEGER:
        raise out_of_range(name, f">= 1 && <= {_MAX_SAFE_INTEGER}", value)
    mark: float = value
    return mark


def once(emitter: Any, name: Any, options: dict[str, Any] | None = None, *,
         signal: AbortSignal | None = None) -> asyncio.Future[list[Any]]:
    """A future of the arguments of the next ``name``, as a list; 'error' fails it.

    The listeners are attached when ``once`` is called, as in Node; bad arguments and an
    already aborted ``signal`` give a failed future, as Node's rejected promise.
    ``options`` is Node's options object (``{'signal': ...}``).
    """
    future: asyncio.Future[list[Any]] = get_loop().create_future()
    try:
        if signal is None:
            signal = _options(options).get("signal")
        check_signal(signal)
        is_target = _check_emitter(emitter)
        if signal is not None and signal.aborted:
            raise abort_error(signal)
    except Exception as exc:  # noqa: BLE001 - Node rejects the promise with it
        future.set_exception(exc)
        return future
    listens_error = name != "error" and not is_target

    def release() -> None:
        emitter.remove_listener(name, resolve)
        if listens_error:
            emitter.remove_listener("error", reject)
        if signal is not None:
            signal.remove_event_listener("abort", aborted)

    def resolve(*args: Any) -> None:
        release()
        if not future.done():
            future.set_result(list(args))

    def reject(err: Any = None) -> None:
        release()
        if not future.done():
            future.set_exception(_as_exception(err))

    def aborted(*_: Any) -> None:
        release()
        if not future.done():
            future.set_exception(abort_error(signal))

    def cancelled(fut: "asyncio.Future[list[Any]]") -> None:
        if fut.cancelled():
            release()

    if is_target:
        emitter.add_event_listener(name, resolve, once=True)
    else:
        emitter.once(name, resolve)
        if listens_error:
            emitter.once("error", reject)
    if signal is not None:
        signal.add_event_listener("abort", aborted, once=True)
    future.add_done_callback(cancelled)
    return future


class _EventIterator:
    """The async iterator ``on()`` returns: every emitted ``name`` as a list of arguments."""

    def __init__(self, emitter: Any, name: Any, signal: AbortSignal | None,
                 close: Iterable[Any], is_target: bool, high: float, low: float) -> None:
        self._emitter = emitter
        self._high = high
        self._low = low
        self._paused = False
        self._name = name
        self._signal = signal
        self._close = tuple(close)
        self._listens_error = name != "error" and not is_target
        self._events: collections.deque[list[Any]] = collections.deque()
        self._waiters: collections.deque[asyncio.Future[list[Any]]] = collections.deque()
        self._error: BaseException | None = None
        self._finished = False
        ref = weakref.ref(self)

        def push(*args: Any) -> None:
            it = ref()
            if it is not None:
                it._push(args)

        def fail(err: Any = None) -> None:
            it = ref()
            if it is not None:
                it._fail(_as_exception(err))

        def end(*_: Any) -> None:
            it = ref()
            if it is not None:
                it._end()

        def abort(*_: Any) -> None:
            it = ref()
            if it is not None:
                it._fail(abort_error(signal))

        self._listeners = (push, fail, end, abort)
        if is_target:
            emitter.add_event_listener(name, push)
        else:
            emitter.on(name, push)
        if self._listens_error:
            emitter.on("error", fail)
        for event in self._close:
            emitter.on(event, end)
        if signal is not None:
            signal.add_event_listener("abort", abort, once=True)

    def _push(self, args: tuple[Any, ...]) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(list(args))
                return
        self._events.append(list(args))
        if not self._paused and len(self._events) > self._high:
            self._paused = True
            self._emitter.pause()

    def _fail(self, exc: BaseException) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_exception(exc)
                break
        else:
            self._error = exc
        self._end()

    def _end(self, *_: Any) -> None:
        self._release()
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_exception(StopAsyncIteration())

    def _release(self) -> None:
        if self._finished:
            return
        self._finished = True
        push, fail, end, abort = self._listeners
        self._emitter.remove_listener(self._name, push)
        if self._listens_error:
            self._emitter.remove_listener("error", fail)
        for event in self._close:
            self._emitter.remove_listener(event, end)
        if self._signal is not None:
            self._signal.remove_event_listener("abort", abort)

    def __aiter__(self) -> _EventIterator:
        return self

    def __anext__(self) -> asyncio.Future[list[Any]]:
        """The next arguments list, as a future made now (Node's ``next()``: the request is
        queued when it is made, not when it is awaited)."""
        future: asyncio.Future[list[Any]] = get_loop().create_future()
        if self._events:
            future.set_result(self._events.popleft())
            if self._paused and len(self._events) < self._low:
                self._paused = False
                self._emitter.resume()
        elif self._error is not None:
            err, self._error = self._error, None
            future.set_exception(err)
        elif self._finished:
            future.set_exception(StopAsyncIteration())
        else:
            self._waiters.append(future)
        return future

    def _done(self) -> asyncio.Future[None]:
        future: asyncio.Future[None] = get_loop().create_future()
        future.set_result(None)
        return future

    def aclose(self) -> asyncio.Future[None]:
        """Stop listening now (Node's ``return()``); pending and later ``__anext__`` end."""
        self._end()
        self._events.clear()
        return self._done()

    def athrow(self, err: Any = None, *_: Any) -> asyncio.Future[None]:
        """Node's ``throw(err)``: end the iteration with ``err`` (an exception instance)."""
        if not isinstance(err, BaseException):
            raise invalid_arg_type("EventEmitter.AsyncIterator", "an instance of Error", err)
        self._fail(err)
        return self._done()

    async def __aenter__(self) -> _EventIterator:
        return self

    async def __aexit__(self, *_: Any) -> None:
        await self.aclose()

    def __del__(self) -> None:
        self._release()


def on(emitter: Any, name: Any, options: dict[str, Any] | None = None, *,
       signal: AbortSignal | None = None, close: Iterable[Any] | None = None,
       high_water_mark: int | None = None, low_water_mark: int | None = None,
       ) -> AsyncIterator[list[Any]]:
    """An async iterator over every ``name`` emitted, as lists of arguments.

    The listeners are attached when ``on`` is called. It raises the error if 'error' is
    emitted, ends when one of ``close`` is emitted, and releases its listeners when the
    ``async for`` is left. Past ``high_water_mark`` unread events the emitter is paused
    (``emitter.pause()``), and resumed below ``low_water_mark``. ``options`` is Node's
    options object (``signal``, ``close``, ``highWaterMark``, ``lowWaterMark``).
    """
    given = _options(options)
    if signal is None:
        signal = given.get("signal")
    if close is None:
        close = given.get("close") or ()
    if high_water_mark is None:
        high_water_mark = given.get("highWaterMark", given.get("highWatermark"))
    if low_water_mark is None:
        low_water_mark = given.get("lowWaterMark", given.get("lowWatermark"))
    check_signal(signal)
    if signal is not None and signal.aborted:
        raise abort_error(signal)
    high = math.inf if high_water_mark is None else _check_watermark(
        high_water_mark, "options.highWaterMark")
    low = 1 if low_water_mark is None else _check_watermark(
        low_water_mark, "options.lowWaterMark")
    is_target = _check_emitter(emitter)
    return _EventIterator(emitter, name, signal, close, is_target, high, low)
