"""Random add/remove/emit sequences run on the compiled class, the pure class and a list model.

After every step the three must agree on the listeners of every event, the counts, the event
names, every call their listeners received (in order) and every max-listeners warning.
The pool includes 'newListener' and 'removeListener' and two listeners that change the
emitter while an emit runs, so the snapshot rule and Node's removal order are exercised too.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from nodenet import _impl
from nodenet._emitter_class import public_class
from nodenet.events import PyEventEmitter

if "cython" not in _impl.available():  # (conftest fails the run if it is required)
    pytest.skip("the compiled emitter is not built or not in use", allow_module_level=True)

CEventEmitter = public_class(_impl.load("cython").emitter.EventEmitter)

EVENTS = ["a", "b", "newListener", "removeListener"]
LIMIT = 3
LISTENER_NAMES = ["f0", "f1", "f2", "off_a_f0", "once_b_f1"]

Log = list[tuple[Any, ...]]


class _Entry:
    """The model's listener record; a once entry stands for the implementations' wrapper."""

    __slots__ = ("fn", "once", "fired")

    def __init__(self, fn: Callable[..., Any], once: bool) -> None:
        self.fn = fn
        self.once = once
        self.fired = False


class _Model:
    """Node's EventEmitter as plain lists, written from Node's lib/events.js rules."""

    def __init__(self) -> None:
        self.events: dict[Any, list[_Entry]] = {}
        self.warned: set[Any] = set()
        self.warnings: list[tuple[Any, int]] = []

    def add(self, event: Any, fn: Callable[..., Any], prepend: bool, once: bool) -> None:
        if "newListener" in self.events:
            self.emit("newListener", event, fn)
        entries = self.events.setdefault(event, [])
        entry = _Entry(fn, once)
        if prepend:
            entries.insert(0, entry)
        else:
            entries.append(entry)
        if len(entries) > LIMIT and event not in self.warned:
            self.warned.add(event)
            self.warnings.append((event, len(entries)))

    def remove(self, event: Any, target: Any) -> None:
        """``target`` is a function (matches it or a once entry of it) or an entry (itself)."""
        entries = self.events.get(event)
        if entries is None:
            return
        for position in range(len(entries) - 1, -1, -1):
            entry = entries[position]
            if entry is target or entry.fn == target:
                break
        else:
            return
        count = len(entries)
        del entries[position]
        if count == 1:
            del self.events[event]
            self.warned.discard(event)
            if "removeListener" in self.events:
                self.emit("removeListener", event, entry.fn if entry.once else target)
            return
        if count == 2:
            self.warned.discard(event)
        if "removeListener" in self.events:
            self.emit("removeListener", event, target)

    def remove_all(self, event: Any) -> None:
        if "removeListener" not in self.events:
            if event is None:
                self.events.clear()
                self.warned.clear()
            elif self.events.pop(event, None) is not None:
                self.warned.discard(event)
            return
        if event is None:
            for key in list(self.events):
                if key != "removeListener":
                    self.remove_all(key)
            self.remove_all("removeListener")
            self.events.clear()
            self.warned.clear()
            return
        for entry in reversed(list(self.events.get(event, ()))):
            self.remove(event, entry if entry.once else entry.fn)

    def emit(self, event: Any, *args: Any) -> bool:
        entries = self.events.get(event)
        if not entries:
            return False
        for entry in list(entries):
            if entry.once:
                if entry.fired:
                    continue
                self.remove(event, entry)
                entry.fired = True
            entry.fn(*args)
        return True

    def listeners(self, event: Any) -> list[Any]:
        return [entry.fn for entry in self.events.get(event, ())]

    def listener_count(self, event: Any, fn: Callable[..., Any] | None = None) -> int:
        entries = self.events.get(event, ())
        return len(entries) if fn is None else sum(1 for entry in entries if entry.fn == fn)

    def event_names(self) -> list[Any]:
        return list(self.events)


def _describe(value: Any) -> Any:
    """Arguments as comparable data: listeners by name, once-wrappers as ('once', name)."""
    if isinstance(value, _Entry) or hasattr(value, "listener"):
        inner = value.fn if isinstance(value, _Entry) else value.listener
        return ("once", getattr(inner, "__name__", repr(inner)))
    if callable(value):
        return value.__name__
    return value


class EmitterMachine(RuleBasedStateMachine):
    """Drives the compiled class, the pure class and the model with the same calls."""

    def __init__(self) -> None:
        super().__init__()
        self.systems: list[Any] = [CEventEmitter(), PyEventEmitter(), _Model()]
        for emitter in self.systems[:2]:
            emitter.set_max_listeners(LIMIT)
        self.logs: list[Log] = [[], [], []]
        self.warnings: list[list[tuple[Any, int]]] = [[], [], self.systems[2].warnings]
        self.current = 0
        self.adding = False
        self.pool = self._make_pool()

    def _make_pool(self) -> dict[str, Callable[..., Any]]:
        machine = self

        def record(name: str, args: tuple[Any, ...]) -> None:
            machine.logs[machine.current].append((name,) + tuple(_describe(a) for a in args))

        def f0(*args: Any) -> None:
            record("f0", args)

        def f1(*args: Any) -> None:
            record("f1", args)

        def f2(*args: Any) -> None:
            record("f2", args)

        def off_a_f0(*args: Any) -> None:
            record("off_a_f0", args)
            machine._call(machine.systems[machine.current], "off", "a", f0)

        def once_b_f1(*args: Any) -> None:
            record("once_b_f1", args)
            if not machine.adding:
                machine.adding = True
                try:
                    machine._call(machine.systems[machine.current], "prepend_once", "b", f1)
                finally:
                    machine.adding = False

        return {fn.__name__: fn for fn in (f0, f1, f2, off_a_f0, once_b_f1)}

    @staticmethod
    def _call(system: Any, action: str, *args: Any) -> Any:
        if isinstance(system, _Model):
            if action == "off":
                return system.remove(*args)
            if action == "remove_all":
                return system.remove_all(*args)
            if action == "emit":
                return system.emit(*args)
            prepend = action.startswith("prepend")
            return system.add(args[0], args[1], prepend, action.endswith("once"))
        method = {
            "on": system.on,
            "once": system.once,
            "prepend": system.prepend_listener,
            "prepend_once": system.prepend_once_listener,
            "off": system.off,
            "remove_all": system.remove_all_listeners,
            "emit": system.emit,
        }[action]
        result = method(*args)
        return result if action == "emit" else None

    def _run(self, action: str, *args: Any) -> None:
        results = []
        for index, system in enumerate(self.systems):
            self.current = index
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                results.append(self._call(system, action, *args))
            if index < 2:
                for warning in caught:
                    message: Any = warning.message
                    self.warnings[index].append((message.type, message.count))
        assert results[0] == results[1] == results[2], (action, args, results)

    @rule(
        action=st.sampled_from(["on", "once", "prepend", "prepend_once"]),
        event=st.sampled_from(EVENTS),
        name=st.sampled_from(LISTENER_NAMES),
    )
    def add(self, action: str, event: str, name: str) -> None:
        self._run(action, event, self.pool[name])

    @rule(event=st.sampled_from(EVENTS), name=st.sampled_from(LISTENER_NAMES))
    def off(self, event: str, name: str) -> None:
        self._run("off", event, self.pool[name])

    @rule(event=st.sampled_from(EVENTS + [None]))
    def remove_all(self, event: str | None) -> None:
        self._run("remove_all", event)

    @rule(
        event=st.sampled_from(EVENTS),
        args=st.lists(st.integers(0, 3), max_size=3).map(tuple),
    )
    def emit(self, event: str, args: tuple[int, ...]) -> None:
        self._run("emit", event, *args)

    @invariant()
    def agree(self) -> None:
        compiled, pure, model = self.systems
        for event in EVENTS:
            expected = model.listeners(event)
            assert compiled.listeners(event) == pure.listeners(event) == expected, event
            assert [_describe(f) for f in compiled.raw_listeners(event)] == [
                _describe(f) for f in pure.raw_listeners(event)
            ]
            assert compiled.listener_count(event) == pure.listener_count(event)
            assert pure.listener_count(event) == model.listener_count(event)
            for fn in self.pool.values():
                counts = {s.listener_count(event, fn) for s in (compiled, pure)}
                assert counts == {model.listener_count(event, fn)}, (event, fn.__name__)
        assert compiled.event_names() == pure.event_names() == model.event_names()
        assert self.logs[0] == self.logs[1] == self.logs[2]
        assert self.warnings[0] == self.warnings[1] == self.warnings[2]


EmitterMachine.TestCase.settings = settings(
    max_examples=200, stateful_step_count=30, deadline=None
)
TestEmitterStateMachine = EmitterMachine.TestCase
