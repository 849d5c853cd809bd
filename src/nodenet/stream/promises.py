"""Node's ``stream/promises``: ``pipeline`` and ``finished`` as awaitables."""

from __future__ import annotations

import asyncio
from typing import Any

from nodenet._end_of_stream import finished as _finished
from nodenet._loop import get_loop
from nodenet._pipeline import pipeline_impl
from nodenet.errors import invalid_arg_type


def pipeline(*streams: Any, signal: Any = None, end: bool = True) -> asyncio.Future[Any]:
    """Pipe ``streams`` into each other (starting now, as Node's promise does); the future
    gets the last function's value (or None) once all is done, or the first error. A last
    ``dict`` is Node's options (``signal``, ``end``)."""
    if streams and isinstance(streams[-1], dict):
        options = streams[-1]
        streams = streams[:-1]
        signal = options.get("signal", signal)
        end = options.get("end", end)
    future: asyncio.Future[Any] = get_loop().create_future()

    def done(err: Any = None, value: Any = None) -> None:
        if future.done():
            return
        if err is not None:
            future.set_exception(err)
        else:
            future.set_result(value)

    try:
        pipeline_impl(list(streams), done, signal=signal, end=end)
    except Exception as err:  # noqa: BLE001 - Node's executor rejects the promise
        done(err)
    return future


def finished(stream: Any, options: Any = None) -> asyncio.Future[None]:
    """Wait until ``stream`` is done (listening from now on); the future gets its error or
    ERR_STREAM_PREMATURE_CLOSE. ``options``: as for ``stream.finished``, plus ``cleanup``
    (remove the listeners after)."""
    cleanup: Any = False
    if isinstance(options, dict) and options.get("cleanup"):  # Node throws this one
        cleanup = options["cleanup"]
        if not isinstance(cleanup, bool):
            raise invalid_arg_type("cleanup", "of type boolean", cleanup)
    future: asyncio.Future[None] = get_loop().create_future()
    remove: Any = None

    def done(err: Any = None) -> None:
        if cleanup and remove is not None:
            remove()
        if future.done():
            return
        if err is not None:
            future.set_exception(err)
        else:
            future.set_result(None)

    try:
        remove = _finished(stream, options, done)
    except Exception as err:  # noqa: BLE001 - Node's executor rejects the promise
        done(err)
    return future
