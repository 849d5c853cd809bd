"""Port of test/parallel/test-event-emitter-add-listeners.js.

Skipped: ``this.listeners(...)`` inside a listener (no ``this``; the emitter is used directly).
"""

import pytest


def test_new_listener_sees_event_and_listener_before_it_is_added(EventEmitter):
    ee = EventEmitter()
    assert ee.add_listener == ee.on
    events_seen = []
    listeners_seen = []

    def on_new_listener(event, listener):
        if event == "newListener":
            return
        events_seen.append(event)
        listeners_seen.append(listener)

    ee.on("newListener", on_new_listener)
    hello_calls = []

    def hello(a, b):
        hello_calls.append((a, b))

    once_seen = []

    def first_new_listener(name, listener):
        once_seen.append((name, listener, ee.listeners("hello")))

    ee.once("newListener", first_new_listener)

    def fail(*_):
        raise AssertionError("foo must not be emitted")

    ee.on("hello", hello)
    ee.once("foo", fail)
    assert events_seen == ["hello", "foo"]
    assert listeners_seen == [hello, fail]
    assert once_seen == [("hello", hello, [])]

    ee.emit("hello", "a", "b")
    assert hello_calls == [("a", "b")]


def test_set_max_listeners_zero_does_not_raise(EventEmitter):
    f = EventEmitter()
    assert f.set_max_listeners(0) is f
    assert f.get_max_listeners() == 0


def test_listener_added_by_new_listener_comes_first(EventEmitter):
    def listen1():
        pass

    def listen2():
        pass

    ee = EventEmitter()
    inner_seen = []

    def inner():
        inner_seen.append(ee.listeners("hello"))

    outer_seen = []

    def outer(*_):
        outer_seen.append(ee.listeners("hello"))
        ee.once("newListener", lambda *_: inner())
        ee.on("hello", listen2)

    ee.once("newListener", outer)
    ee.on("hello", listen1)
    assert outer_seen == [[]]
    assert inner_seen == [[]]
    assert ee.listeners("hello") == [listen2, listen1]


def test_listener_must_be_callable(EventEmitter):
    ee = EventEmitter()
    with pytest.raises(TypeError) as info:
        ee.on("foo", 42)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value).startswith('The "listener" argument must be of type function.')
