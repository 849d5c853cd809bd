"""What kind of stream an object is and where it stands (Node's streams/utils.js).

Duck-typed, as in Node: a nodenet stream answers through its ``_readable_state`` /
``_writable_state``, anything else (a ``net.Socket`` before it became a stream, a user's
emitter with ``write``/``pipe``) through its public properties.
"""

from __future__ import annotations

from typing import Any

#: An attribute pipeline() sets on a stream-like object it destroyed without a state.
IS_DESTROYED = "_nodenet_is_destroyed"


def _has(obj: Any, name: str) -> bool:
    return callable(getattr(obj, name, None))


def _state(obj: Any, side: str) -> Any:
    return getattr(obj, side, None)


def is_readable_node_stream(obj: Any, strict: bool = False) -> bool:
    if obj is None or not (_has(obj, "pipe") and _has(obj, "on")):
        return False
    if strict and not (_has(obj, "pause") and _has(obj, "resume")):
        return False
    w, r = _state(obj, "_writable_state"), _state(obj, "_readable_state")
    if w is not None and (r is None or r.readable is False):  # a Writable has pipe() too
        return False
    return True


def is_writable_node_stream(obj: Any) -> bool:
    if obj is None or not (_has(obj, "write") and _has(obj, "on")):
        return False
    r, w = _state(obj, "_readable_state"), _state(obj, "_writable_state")
    return r is None or w is None or w.writable is not False


def is_duplex_node_stream(obj: Any) -> bool:
    return (obj is not None and _has(obj, "pipe") and _state(obj, "_readable_state") is not None
            and _has(obj, "on") and _has(obj, "write"))


def is_node_stream(obj: Any) -> bool:
    if obj is None:
        return False
    return (_state(obj, "_readable_state") is not None
            or _state(obj, "_writable_state") is not None
            or (_has(obj, "write") and _has(obj, "on"))
            or (_has(obj, "pipe") and _has(obj, "on")))


def is_iterable(obj: Any, is_async: bool | None = None) -> bool:
    """Whether ``obj`` can be iterated (asynchronously when ``is_async``; either if None)."""
    if obj is None:
        return False
    if is_async is True:
        return hasattr(obj, "__aiter__")
    if is_async is False:
        return hasattr(obj, "__iter__")
    return hasattr(obj, "__aiter__") or hasattr(obj, "__iter__")


def is_destroyed(stream: Any) -> bool | None:
    if not is_node_stream(stream):
        return None
    state = _state(stream, "_writable_state") or _state(stream, "_readable_state")
    return bool(getattr(stream, "destroyed", False) or getattr(stream, IS_DESTROYED, False)
                or (state is not None and state.destroyed))


def is_writable_ended(stream: Any) -> bool | None:
    """Whether ``end()`` was called."""
    if not is_writable_node_stream(stream):
        return None
    if getattr(stream, "writable_ended", None) is True:
        return True
    w = _state(stream, "_writable_state")
    if w is not None and w.errored is not None:
        return False
    if w is None or not isinstance(w.ended, bool):
        return None
    return w.ended


def is_writable_finished(stream: Any, strict: bool | None = None) -> bool | None:
    """Whether 'finish' was emitted (or, not strict, everything was ended and written)."""
    if not is_writable_node_stream(stream):
        return None
    if getattr(stream, "writable_finished", None) is True:
        return True
    w = _state(stream, "_writable_state")
    if w is not None and w.errored is not None:
        return False
    if w is None or not isinstance(w.finished, bool):
        return None
    return bool(w.finished or (strict is False and w.ended is True and w.length == 0))


def is_readable_ended(stream: Any) -> bool | None:
    """Whether EOF was pushed."""
    if not is_readable_node_stream(stream):
        return None
    if getattr(stream, "readable_ended", None) is True:
        return True
    r = _state(stream, "_readable_state")
    if r is None or r.errored is not None:
        return False
    return bool(r.ended) if isinstance(r.ended, bool) else None


def is_readable_finished(stream: Any, strict: bool | None = None) -> bool | None:
    """Whether 'end' was emitted (or, not strict, EOF was pushed and all was read)."""
    if not is_readable_node_stream(stream):
        return None
    r = _state(stream, "_readable_state")
    if r is not None and r.errored is not None:
        return False
    if r is None or not isinstance(r.end_emitted, bool):
        return None
    return bool(r.end_emitted or (strict is False and r.ended is True and r.length == 0))


def is_readable(stream: Any) -> bool | None:
    if not isinstance(getattr(stream, "readable", None), bool):
        return None
    if is_destroyed(stream):
        return False
    return bool(is_readable_node_stream(stream) and stream.readable
                and not is_readable_finished(stream))


def is_writable(stream: Any) -> bool | None:
    if not isinstance(getattr(stream, "writable", None), bool):
        return None
    if is_destroyed(stream):
        return False
    return bool(is_writable_node_stream(stream) and stream.writable
                and not is_writable_ended(stream))


def is_finished(stream: Any, readable: bool = True, writable: bool = True) -> bool | None:
    if not is_node_stream(stream):
        return None
    if is_destroyed(stream):
        return True
    if readable and is_readable(stream):
        return False
    if writable and is_writable(stream):
        return False
    return True


def is_writable_errored(stream: Any) -> Any:
    if not is_node_stream(stream):
        return None
    w = _state(stream, "_writable_state")
    return w.errored if w is not None else None


def is_readable_errored(stream: Any) -> Any:
    if not is_node_stream(stream):
        return None
    r = _state(stream, "_readable_state")
    return r.errored if r is not None else None


def is_closed(stream: Any) -> bool | None:
    if not is_node_stream(stream):
        return None
    closed = getattr(stream, "closed", None)
    if isinstance(closed, bool):
        return closed
    w, r = _state(stream, "_writable_state"), _state(stream, "_readable_state")
    if w is not None or r is not None:
        return bool((w is not None and w.closed) or (r is not None and r.closed))
    return None


def will_emit_close(stream: Any) -> bool | None:
    """Whether the stream will emit 'close' by itself once it is done."""
    if not is_node_stream(stream):
        return None
    state = _state(stream, "_writable_state") or _state(stream, "_readable_state")
    return bool(state is not None and state.auto_destroy and state.emit_close
                and state.closed is False)


def is_disturbed(stream: Any) -> bool:
    return bool(stream is not None and (getattr(stream, "readable_did_read", False)
                                        or getattr(stream, "readable_aborted", False)))


def is_errored(stream: Any) -> bool:
    if stream is None:
        return False
    r, w = _state(stream, "_readable_state"), _state(stream, "_writable_state")
    return bool((r is not None and (r.error_emitted or r.errored is not None))
                or (w is not None and (w.error_emitted or w.errored is not None)))
