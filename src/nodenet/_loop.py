"""The event loop nodenet runs on, and ``run()``: Node's process lifetime."""

from __future__ import annotations

import asyncio
import os
import weakref
from typing import TYPE_CHECKING, Any, Callable, Dict, Optional, Set, TypeVar

try:
    if os.environ.get("NODENET_NO_UVLOOP"):
        raise ImportError("uvloop disabled by NODENET_NO_UVLOOP")
    import uvloop as _uvloop
except ImportError:
    _uvloop = None  # type: ignore[assignment]

try:
    import cython  # type: ignore[import-untyped,import-not-found,unused-ignore]
except ImportError:  # pure-Python install: nothing here is compiled
    from . import _no_cython as cython

LOOP_IMPLEMENTATION = "uvloop" if _uvloop is not None else "asyncio"

_default_loop: Optional[asyncio.AbstractEventLoop] = None


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


@cython.binding(False)  # methods check their self's type (see setup.py)
class _Lifetime:
    """Counts the ref'd handles of a loop (Node's active handles) and wakes run()."""

    __slots__ = ("loop_ref", "handles", "idle", "error")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop_ref = weakref.ref(loop)
        self.handles: Set[Any] = set()
        self.idle: Optional[asyncio.Future[None]] = None
        self.error: Optional[BaseException] = None

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


_last: Optional[_Lifetime] = None


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


def ref_handle(loop: asyncio.AbstractEventLoop, handle: Any) -> None:
    """``handle`` keeps run() alive."""
    lifetime(loop).handles.add(handle)


def unref_handle(loop: asyncio.AbstractEventLoop, handle: Any) -> None:
    """``handle`` no longer keeps run() alive."""
    life = lifetime(loop)
    life.handles.discard(handle)
    if not life.handles:
        life.changed()


#: asyncio reports these and recovers by itself (it accepts again a second later); libuv
#: recovers silently, so they do not end run().
_RECOVERED = ("socket.accept() out of system resource",)


def _stale_accept_retry(context: Dict[str, Any], exc: BaseException) -> bool:
    """asyncio's accept retry after EMFILE fires for a server closed meanwhile: harmless."""
    callback = getattr(context.get("handle"), "_callback", None)
    return isinstance(exc, ValueError) and getattr(callback, "__name__", "") == "_start_serving"


def run(main: Optional[Callable[[], Any]] = None) -> None:
    """Call ``main``, then run the loop until no ref'd handle remains (Node's lifetime).

    An exception that escapes a listener ends run() by raising it.
    """
    loop = get_loop()
    if loop.is_running():
        raise RuntimeError("nodenet.run() cannot be called from a running event loop")
    life = lifetime(loop)
    previous_handler = loop.get_exception_handler()

    def handler(loop: asyncio.AbstractEventLoop, context: Dict[str, Any]) -> None:
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


_H = TypeVar("_H", bound="Handle")


@cython.binding(False)
class Lifeline:
    """Whether one server or socket keeps ``nodenet.run()`` alive, as a libuv handle
    does: while it is live (listening, connecting or open) and ref'd. Compiled, an
    extension type whose methods the compiled Socket core calls in C."""

    __slots__ = ("live", "refed")

    def __init__(self) -> None:
        self.live = False
        self.refed = True

    def hold(self, loop: Any, owner: Any) -> None:
        """``owner`` became live."""
        if not self.live:
            self.live = True
            if self.refed:
                ref_handle(loop, owner)

    def release(self, loop: Any, owner: Any) -> None:
        """``owner`` is no longer live."""
        if self.live:
            self.live = False
            if self.refed:
                unref_handle(loop, owner)

    def ref(self, loop: Any, owner: Any) -> None:
        if not self.refed:
            self.refed = True
            if self.live:
                ref_handle(loop, owner)

    def unref(self, loop: Any, owner: Any) -> None:
        if self.refed:
            self.refed = False
            if self.live:
                unref_handle(loop, owner)


class Handle:
    """``ref()`` and ``unref()`` of a server or socket, over its ``Lifeline``."""

    if not TYPE_CHECKING:  # (mypy would then see no room for the attributes below)
        __slots__ = ()  # a base of the compiled Socket core, which has no __dict__ of its own

    _loop: Any
    _lifeline: Lifeline

    def ref(self: _H) -> _H:
        """Let this server or socket keep ``nodenet.run()`` alive (the default)."""
        self._lifeline.ref(self._loop, self)
        return self

    def unref(self: _H) -> _H:
        """Let ``nodenet.run()`` end while this server or socket stays open."""
        self._lifeline.unref(self._loop, self)
        return self

    def __reduce__(self) -> Any:
        """A server or socket is an open OS handle: it cannot be pickled or copied (as a
        ``socket.socket`` cannot), whatever its emitter base allows."""
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")
