"""Checked by mypy (tests/test_typing.py), never run: pins the public signatures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from typing_extensions import assert_type

from nodenet.events import EventEmitter, PyEventEmitter


class Chat(EventEmitter):
    pass


def _handler(name: str, count: int) -> None: ...


handler: Callable[[str, int], None] = _handler


emitter = Chat()

decorated = emitter.on("greet")(handler)
assert_type(decorated, Callable[[str, int], None])
assert_type(emitter.on("greet", handler), Chat)
assert_type(emitter.addListener("greet", handler), Chat)
assert_type(emitter.add_listener("greet")(handler), Callable[[str, int], None])
assert_type(emitter.once("greet", handler), Chat)
assert_type(emitter.once("greet")(handler), Callable[[str, int], None])
assert_type(emitter.prepend_listener("greet", handler), Chat)
assert_type(emitter.prependListener("greet", handler), Chat)
assert_type(emitter.prepend_once_listener("greet", handler), Chat)
assert_type(emitter.prependOnceListener("greet", handler), Chat)
assert_type(emitter.off("greet", handler), Chat)
assert_type(emitter.remove_listener("greet", handler), Chat)
assert_type(emitter.removeListener("greet", handler), Chat)
assert_type(emitter.remove_all_listeners(), Chat)
assert_type(emitter.removeAllListeners("greet"), Chat)
assert_type(emitter.set_max_listeners(3), Chat)
assert_type(emitter.setMaxListeners(3), Chat)
assert_type(emitter.emit("greet", "ada", 1), bool)
assert_type(emitter.listeners("greet"), list[Callable[..., Any]])
assert_type(emitter.raw_listeners("greet"), list[Callable[..., Any]])
assert_type(emitter.rawListeners("greet"), list[Callable[..., Any]])
assert_type(emitter.listener_count("greet"), int)
assert_type(emitter.listenerCount("greet", handler), int)
assert_type(emitter.event_names(), list[Any])
assert_type(emitter.eventNames(), list[Any])
assert_type(emitter.get_max_listeners(), float)
assert_type(emitter.getMaxListeners(), float)
assert_type(EventEmitter.default_max_listeners, float)
assert_type(PyEventEmitter().on("x", handler), EventEmitter)
