"""The event loop nodenet runs on, and ``run()``: Node's process lifetime.

One module for both implementations (never compiled): the compiled and the pure handles
count in the same registry, so ``run()`` sees both.
"""

from __future__ import annotations

import asyncio
import os
import weakref
from collections.abc import Callable
from typing import Any

try:
    if os.environ.get("NODENET_NO_UVLOOP"):
        raise ImportError("uvloop disabled by NODENET_NO_UVLOOP")
    import uvloop as _uvloop
except ImportError:
    _uvloop = None  # type: ignore[assignment]

LOOP_IMPLEMENTATION = "uvloop" if _uvloop is not None else "asyncio"

_default_loop: asyncio.AbstractEventLoop | None = None


def new_loop() -> asyncio.AbstractEventLoop:
    """A new loop of the default kind: uvloop when installed, else asyncio's."""
    if _uvloop is not None:
        return _uvloop.new_event_loop()
    return asyncio.new_event_loop()


def get_loop() -> asyncio.AbstractEventLoop:
    """The running loop, or nodenet's default loop when none runs."""
    global _default_loop
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        pass
    if _default_loop is None or _default_loop.is_closed():
        _default_loop = new_loop()
    return _default_loop


class _Lifetime:
    """Counts the ref'd handles of a loop (Node's active handles) and wakes run()."""

    __slots__ = ("loop_ref", "handles", "idle", "error")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop_ref = weakref.ref(loop)
        self.handles: set[Any] = set()
        self.idle: asyncio.Future[None] | None = None
        self.error: BaseException | None = None

    def changed(self) -> None:
        if not self.handles and self.idle is not None and not self.idle.done():
            loop = self.loop_ref()
            if loop is not None:
                loop.call_soon(self._check)

    def _check(self) -> None:
        if not self.handles and self.idle is not None and not self.idle.done():
            self.idle.set_result(None)

    def fail(self, exc: BaseException) -> None:
        if self.error is None:
            self.error = exc
        if self.idle is not None and not self.idle.done():
            self.idle.set_result(None)


_lifetimes: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Lifetime]" = (
    weakref.WeakKeyDictionary())


_last: _Lifetime | None = None


def lifetime(loop: asyncio.AbstractEventLoop) -> _Lifetime:
    """The handle count of ``loop``."""
    global _last
    life = _last
    if life is not None and life.loop_ref() is loop:
        return life
    life = _lifetimes.get(loop)
    if life is None:
        life = _lifetimes[loop] = _Lifetime(loop)
    _last = life
    return life


#: asyncio reports these and recovers by itself (it accepts again a second later); libuv
#: recovers silently, so they do not end run().
_RECOVERED = ("socket.accept() out of system resource",)


def _stale_accept_retry(context: dict[str, Any], exc: BaseException) -> bool:
    """asyncio's accept retry after EMFILE fires for a server closed meanwhile: harmless."""
    callback = getattr(context.get("handle"), "_callback", None)
    return isinstance(exc, ValueError) and getattr(callback, "__name__", "") == "_start_serving"


def run(main: Callable[[], Any] | None = None) -> None:
    """Call ``main``, then run the loop until no ref'd handle remains (Node's lifetime).

    An exception that escapes a listener ends run() by raising it.
    """
    loop = get_loop()
    if loop.is_running():
        raise RuntimeError("nodenet.run() cannot be called from a running event loop")
    life = lifetime(loop)
    previous_handler = loop.get_exception_handler()

    def handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if exc is None or context.get("message", "").startswith(_RECOVERED):
            loop.default_exception_handler(context)
            return
        if _stale_accept_retry(context, exc):
            return
        life.fail(exc)

    async def lifetime_main() -> None:
        if life.error is not None:
            return  # a callback scheduled before run() (a 'listening' listener) raised
        life.idle = loop.create_future()
        if main is not None:
            result = main()
            if asyncio.iscoroutine(result):
                await result
        await asyncio.sleep(0)
        life.changed()
        if not life.handles:
            life._check()
        await life.idle

    loop.set_exception_handler(handler)
    try:
        loop.run_until_complete(lifetime_main())
    finally:
        loop.set_exception_handler(previous_handler)
        life.idle = None
    if life.error is not None:
        err, life.error = life.error, None
        raise err
