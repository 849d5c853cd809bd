"""Port of test/parallel/test-events-static-geteventlisteners.js.

An ``AbortSignal`` stands in for the EventTarget case (nodenet has no ``EventTarget``).
Skipped: weak listeners (``kWeakHandler`` is internal to Node).
"""

import pytest

from nodenet import get_event_listeners as exported
from nodenet.events import AbortController, get_event_listeners


def must_not_call(*_):
    raise AssertionError("must not be called")


def other(*_):
    raise AssertionError("must not be called")


def test_on_event_emitter(EventEmitter):
    emitter = EventEmitter()
    emitter.on("foo", must_not_call)
    emitter.on("foo", other)
    emitter.on("baz", must_not_call)
    emitter.on("baz", must_not_call)
    assert get_event_listeners(emitter, "foo") == [must_not_call, other]
    assert get_event_listeners(emitter, "bar") == []
    assert get_event_listeners(emitter, "baz") == [must_not_call, must_not_call]
    assert exported is get_event_listeners


def test_once_listeners_unwrapped(EventEmitter):
    emitter = EventEmitter()
    emitter.once("foo", must_not_call)
    assert get_event_listeners(emitter, "foo") == [must_not_call]


def test_on_event_target():
    target = AbortController().signal
    target.add_event_listener("foo", must_not_call)
    target.add_event_listener("foo", other)
    target.add_event_listener("baz", must_not_call)
    target.add_event_listener("baz", must_not_call)
    assert get_event_listeners(target, "foo") == [must_not_call, other]
    assert get_event_listeners(target, "bar") == []
    assert get_event_listeners(target, "baz") == [must_not_call]


def test_invalid_emitter():
    with pytest.raises(TypeError) as info:
        get_event_listeners("INVALID_EMITTER", "foo")
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value) == (
        'The "emitter" argument must be an instance of EventEmitter or EventTarget. '
        "Received type str ('INVALID_EMITTER')"
    )
