"""``next_tick``: Node's ``process.nextTick`` on an asyncio loop.

Each loop has one FIFO queue of callbacks. The first callback queued schedules one
``call_soon`` that runs the whole queue, including what the callbacks queue meanwhile, so a
chain of ticks runs before any later loop callback, as Node drains its tick queue before it
goes back to I/O. (Callbacks the loop had scheduled before the first tick still run first:
asyncio has no earlier slot.) An exception from a callback is the loop's (for ``run()``, an
uncaught exception); the rest of the queue still runs.
"""

from __future__ import annotations

import collections
import weakref
from collections.abc import Callable
from typing import Any

from ._loop import get_loop


class _TickQueue:
    __slots__ = ("loop_ref", "queue", "scheduled")

    def __init__(self, loop: Any) -> None:
        self.loop_ref = weakref.ref(loop)
        self.queue: collections.deque[tuple[Callable[..., Any], tuple[Any, ...]]] = \
            collections.deque()
        self.scheduled = False

    def run(self) -> None:
        queue = self.queue
        try:
            while queue:
                callback, args = queue.popleft()
                try:
                    callback(*args)
                except Exception as exc:  # noqa: BLE001 - Node's uncaught exception
                    loop = self.loop_ref()
                    if loop is not None:
                        loop.call_exception_handler({
                            "message": "Unhandled exception in a nodenet tick callback",
                            "exception": exc,
                        })
        finally:
            self.scheduled = False


_queues: "weakref.WeakKeyDictionary[Any, _TickQueue]" = weakref.WeakKeyDictionary()


def next_tick(callback: Callable[..., Any], *args: Any) -> None:
    """Call ``callback(*args)`` once the current code is done, before other loop work."""
    loop = get_loop()
    ticks = _queues.get(loop)
    if ticks is None:
        ticks = _queues[loop] = _TickQueue(loop)
    ticks.queue.append((callback, args))
    if not ticks.scheduled:
        ticks.scheduled = True
        loop.call_soon(ticks.run)
