"""``add_abort_signal(signal, stream)``: destroy the stream with an AbortError when the
signal aborts (Node's streams/add-abort-signal.js)."""

from __future__ import annotations

from typing import Any

from nodenet._end_of_stream import finished
from nodenet._stream_utils import is_node_stream
from nodenet.errors import AbortError, invalid_arg_type


def add_abort_signal(signal: Any, stream: Any) -> Any:
    """Tie ``stream`` to ``signal``; returns the stream."""
    if not hasattr(signal, "aborted"):
        raise invalid_arg_type("signal", "an instance of AbortSignal", signal)
    if not is_node_stream(stream):
        raise invalid_arg_type("stream", "an instance of ReadableStream, WritableStream, or "
                               "Stream", stream)
    return add_abort_signal_no_validate(signal, stream)


def add_abort_signal_no_validate(signal: Any, stream: Any) -> Any:
    """``add_abort_signal`` for a stream constructor's own ``signal`` option."""
    if not hasattr(signal, "aborted"):
        return stream

    def on_abort(*args: Any) -> None:
        stream.destroy(AbortError(cause=signal.reason))

    if signal.aborted:
        on_abort()
    else:
        signal.add_event_listener("abort", on_abort, once=True)
        finished(stream, lambda *args: signal.remove_event_listener("abort", on_abort))
    return stream
