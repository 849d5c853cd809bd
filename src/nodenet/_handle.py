"""``Lifeline`` and ``Handle``: whether a server or socket keeps ``nodenet.run()`` alive.

A module of the implementation family (see nodenet._impl): compiled, ``Lifeline`` is an
extension type whose methods the compiled Socket core calls in C (``_compiled/_handle.pxd``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from nodenet._loop import lifetime

try:
    import cython  # type: ignore[import-untyped,import-not-found,unused-ignore]
except ImportError:  # pure-Python install: nothing here is compiled
    from nodenet import _no_cython as cython

_H = TypeVar("_H", bound="Handle")

# The registry entry of the loop seen last (C globals when compiled): a handle that becomes
# live or idle reaches its loop's handle set without the registry's lookups.
_last_loop: Any = None
_last_life: Any = None
_last_handles: Any = None


def _handles_of(loop: Any) -> Any:
    """The set of ref'd live handles of ``loop`` (the registry's, nodenet._loop)."""
    global _last_loop, _last_life, _last_handles
    if loop is not _last_loop:
        life = lifetime(loop)
        _last_loop, _last_life, _last_handles = loop, life, life.handles
    return _last_handles


def ref_handle(loop: Any, handle: Any) -> None:
    """``handle`` keeps run() alive."""
    _handles_of(loop).add(handle)


def unref_handle(loop: Any, handle: Any) -> None:
    """``handle`` no longer keeps run() alive."""
    handles = _handles_of(loop)
    handles.discard(handle)
    if not handles:
        _last_life.changed()


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
