"""Destroying and constructing streams (Node's streams/destroy.js).

Shared by Readable, Writable and Duplex: a stream has ``_readable_state`` and/or
``_writable_state`` (None for a side it lacks); the writable side's state decides for a
Duplex, as in Node.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nodenet._emitter_common import Symbol, handle_result
from nodenet._tick import next_tick
from nodenet.errors import AbortError, NodeError

#: Private events: a stream's ``_construct`` finished, or a destroy waits for it.
CONSTRUCT = Symbol("kConstruct")
DESTROY = Symbol("kDestroy")


def multiple_callback() -> NodeError:
    return NodeError("ERR_MULTIPLE_CALLBACK", "Callback called multiple times")


def stream_destroyed(name: str) -> NodeError:
    """The error of ``name`` (write, end, pipe ...) called on a destroyed stream."""
    return NodeError("ERR_STREAM_DESTROYED", f"Cannot call {name} after a stream was destroyed")


def _states(stream: Any) -> tuple[Any, Any]:
    return (getattr(stream, "_readable_state", None), getattr(stream, "_writable_state", None))


def _check_error(err: BaseException | None, w: Any, r: Any) -> None:
    if err is not None:
        if w is not None and w.errored is None:
            w.errored = err
        if r is not None and r.errored is None:
            r.errored = err


def aggregate_two_errors(inner: BaseException | None,
                         outer: BaseException | None) -> BaseException | None:
    """Node's aggregateTwoErrors: both, as an ExceptionGroup-like pair, when both differ."""
    if inner is not None and outer is not None and inner is not outer:
        if isinstance(outer, _AggregateError):
            outer.errors.append(inner)
            return outer
        return _AggregateError([outer, inner], str(outer))
    return inner if inner is not None else outer


class _AggregateError(Exception):
    """Node's AggregateError: several errors, the first one's code."""

    def __init__(self, errors: list[BaseException], message: str) -> None:
        super().__init__(message)
        self.errors = errors
        self.code = getattr(errors[0], "code", None)


def destroy(stream: Any, err: BaseException | None = None,
            cb: Callable[..., Any] | None = None) -> Any:
    """``stream.destroy(err)``: once; 'error' (if ``err``) and 'close' follow on a tick."""
    r, w = _states(stream)
    s = w if w is not None else r
    if (w is not None and w.destroyed) or (r is not None and r.destroyed):
        if callable(cb):
            cb()
        return stream
    _check_error(err, w, r)
    if w is not None:
        w.destroyed = True
    if r is not None:
        r.destroyed = True
    if not s.constructed:
        stream.once(DESTROY, lambda er=None: _destroy(stream, aggregate_two_errors(er, err), cb))
    else:
        _destroy(stream, err, cb)
    return stream


def _destroy(stream: Any, err: BaseException | None, cb: Callable[..., Any] | None) -> None:
    called = False

    def on_destroy(err: BaseException | None = None) -> None:
        nonlocal called
        if called:
            return
        called = True
        r, w = _states(stream)
        _check_error(err, w, r)
        if w is not None:
            w.closed = True
        if r is not None:
            r.closed = True
        if callable(cb):
            if err is not None:
                cb(err)
            else:
                cb()
        if err is not None:
            next_tick(_emit_error_close, stream, err)
        else:
            next_tick(_emit_close, stream)

    try:
        run_hook(stream, stream._destroy(err, on_destroy), "destroy")
    except Exception as exc:  # noqa: BLE001 - a throwing _destroy is its callback's error
        on_destroy(exc)


def run_hook(stream: Any, result: Any, name: str) -> None:
    """An ``async def`` hook runs as a task, as a JavaScript async function runs (its
    failure is the loop's, as Node's unhandled rejection)."""
    if result is not None and result is not True and result is not False:
        handle_result(stream, False, result, name, ())


def _emit_error_close(stream: Any, err: BaseException) -> None:
    _emit_error(stream, err)
    _emit_close(stream)


def _emit_close(stream: Any) -> None:
    r, w = _states(stream)
    if w is not None:
        w.close_emitted = True
    if r is not None:
        r.close_emitted = True
    if (w is not None and w.emit_close) or (r is not None and r.emit_close):
        stream.emit("close")


def _emit_error(stream: Any, err: BaseException) -> None:
    r, w = _states(stream)
    if (w is not None and w.error_emitted) or (r is not None and r.error_emitted):
        return
    if w is not None:
        w.error_emitted = True
    if r is not None:
        r.error_emitted = True
    stream.emit("error", err)


def undestroy(stream: Any) -> None:
    """Back to a fresh state (what a net.Socket does before it connects again)."""
    r, w = _states(stream)
    if r is not None:
        r.constructed = True
        r.closed = r.close_emitted = r.destroyed = r.error_emitted = r.reading = False
        r.errored = None
        r.ended = r.end_emitted = r.readable is False
    if w is not None:
        w.constructed = True
        w.destroyed = w.closed = w.close_emitted = w.error_emitted = False
        w.final_called = w.prefinished = False
        w.errored = None
        w.ended = w.ending = w.finished = w.writable is False


def error_or_destroy(stream: Any, err: BaseException, sync: bool = False) -> None:
    """Destroy ``stream`` with ``err`` (autoDestroy), else record and emit it."""
    r, w = _states(stream)
    if (w is not None and w.destroyed) or (r is not None and r.destroyed):
        return
    if (r is not None and r.auto_destroy) or (w is not None and w.auto_destroy):
        stream.destroy(err)
    elif err is not None:
        if w is not None and w.errored is None:
            w.errored = err
        if r is not None and r.errored is None:
            r.errored = err
        if sync:
            next_tick(_emit_error, stream, err)
        else:
            _emit_error(stream, err)


def construct(stream: Any, cb: Callable[[], Any]) -> None:
    """Run ``stream._construct`` on the next tick; ``cb`` once it succeeded."""
    if not callable(getattr(stream, "_construct", None)):
        return
    r, w = _states(stream)
    if r is not None:
        r.constructed = False
    if w is not None:
        w.constructed = False
    stream.once(CONSTRUCT, cb)
    if stream.listener_count(CONSTRUCT) > 1:  # a Duplex: its other side is already waiting
        return
    next_tick(_construct_now, stream)


def _construct_now(stream: Any) -> None:
    called = False

    def on_construct(err: BaseException | None = None) -> None:
        nonlocal called
        if called:
            error_or_destroy(stream, err if err is not None else multiple_callback())
            return
        called = True
        r, w = _states(stream)
        s = w if w is not None else r
        if r is not None:
            r.constructed = True
        if w is not None:
            w.constructed = True
        if s.destroyed:
            stream.emit(DESTROY, err)
        elif err is not None:
            error_or_destroy(stream, err, True)
        else:
            stream.emit(CONSTRUCT)

    try:
        run_hook(stream, stream._construct(lambda err=None: next_tick(on_construct, err)),
                  "construct")
    except Exception as exc:  # noqa: BLE001 - a throwing _construct is its callback's error
        next_tick(on_construct, exc)


def destroyer(stream: Any, err: BaseException | None) -> None:
    """Destroy ``stream`` for pipeline(): with an AbortError if it had not finished."""
    from nodenet._stream_utils import is_destroyed, is_finished

    if stream is None or is_destroyed(stream):
        return
    if err is None and not is_finished(stream):
        err = AbortError()
    if callable(getattr(stream, "destroy", None)):
        stream.destroy(err)
    elif callable(getattr(stream, "close", None)):
        stream.close()
    elif err is not None:
        next_tick(_legacy_error_close, stream, err)
    else:
        next_tick(stream.emit, "close")


def _legacy_error_close(stream: Any, err: BaseException) -> None:
    stream.emit("error", err)
    next_tick(stream.emit, "close")
