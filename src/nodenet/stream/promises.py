"""Node's ``stream/promises``: ``pipeline`` and ``finished`` as awaitables."""

from __future__ import annotations

import asyncio
from typing import Any

from ..errors import invalid_arg_type
from ._end_of_stream import finished as _finished
from ._pipeline import pipeline_impl


async def pipeline(*streams: Any, signal: Any = None, end: bool = True) -> Any:
    """Pipe ``streams`` into each other; returns the last function's value (or None) once all
    is done, raises the first error."""
    future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()

    def done(err: Any = None, value: Any = None) -> None:
        if future.done():
            return
        if err is not None:
            future.set_exception(err)
        else:
            future.set_result(value)

    pipeline_impl(list(streams), done, signal=signal, end=end)
    return await future


async def finished(stream: Any, options: Any = None) -> None:
    """Wait until ``stream`` is done; raises its error or ERR_STREAM_PREMATURE_CLOSE.
    ``options``: as for ``stream.finished``, plus ``cleanup`` (remove the listeners after)."""
    opts = dict(options or {})
    cleanup = opts.pop("cleanup", False)
    if not isinstance(cleanup, bool):
        raise invalid_arg_type("cleanup", "of type boolean", cleanup)
    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
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

    remove = _finished(stream, opts, done)
    await future
