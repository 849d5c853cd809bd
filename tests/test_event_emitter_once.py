"""Port of test/parallel/test-event-emitter-once.js."""

import pytest


def test_once_fires_once(EventEmitter):
    e = EventEmitter()
    calls = []
    e.once("hello", lambda *args: calls.append(args))
    for _ in range(4):
        e.emit("hello", "a", "b")
    assert calls == [("a", "b")]
    assert e.listener_count("hello") == 0


def test_removed_once_listener_is_not_called(EventEmitter):
    e = EventEmitter()

    def remove():
        raise AssertionError("once->foo should not be emitted")

    e.once("foo", remove)
    e.remove_listener("foo", remove)
    assert e.emit("foo") is False


def test_emit_from_once_listener(EventEmitter):
    e = EventEmitter()
    calls = []

    def first():
        calls.append("first")
        e.emit("e")

    e.once("e", first)
    e.once("e", lambda: calls.append("second"))
    e.emit("e")
    assert calls == ["first", "second"]


def test_listener_must_be_callable(EventEmitter):
    with pytest.raises(TypeError) as info:
        EventEmitter().once("foo", "not a function")
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


@pytest.mark.parametrize("count", range(5))
def test_every_argument_count(EventEmitter, count):
    ee = EventEmitter()
    args = list(range(count))
    seen = []
    ee.once("foo", lambda *params: seen.append(list(params)))
    ee.emit("foo", *args)
    assert seen == [args]


def test_once_returns_listener_result_and_chains(EventEmitter):
    ee = EventEmitter()
    assert ee.once("x", lambda: None) is ee
    assert ee.prepend_once_listener("x", lambda: None) is ee
