"""Port of test/parallel/test-event-emitter-max-listeners.js.

``EventEmitter.setMaxListeners(n, ...targets)`` (a static method in Node) is
``nodenet.events.set_max_listeners``; ``events.defaultMaxListeners`` is a module attribute
that is the class-wide ``EventEmitter.default_max_listeners``.
"""

import math

import pytest

from nodenet import events

RANGE_ERRORS = [math.nan, -1]
TYPE_ERROR = "and even this"


def test_max_listeners_event_and_validation(EventEmitter, restore_emitter_defaults):
    e = EventEmitter()
    calls = []
    e.on("maxListeners", lambda: calls.append(1))
    e.set_max_listeners(42)

    for obj in RANGE_ERRORS:
        with pytest.raises(ValueError) as info:
            e.set_max_listeners(obj)
        assert info.value.code == "ERR_OUT_OF_RANGE"
        assert str(info.value).startswith(
            'The value of "setMaxListeners" is out of range. It must be >= 0.'
        )
        with pytest.raises(ValueError) as info:
            EventEmitter.default_max_listeners = obj
        assert info.value.code == "ERR_OUT_OF_RANGE"
        assert str(info.value).startswith('The value of "defaultMaxListeners" is out of range.')

        with pytest.raises(ValueError) as info:
            events.defaultMaxListeners = obj
        assert info.value.code == "ERR_OUT_OF_RANGE"

    with pytest.raises(TypeError) as info:
        e.set_max_listeners(TYPE_ERROR)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(TypeError) as info:
        events.default_max_listeners = TYPE_ERROR
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(TypeError) as info:
        EventEmitter.default_max_listeners = TYPE_ERROR
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value).startswith(
        'The "defaultMaxListeners" argument must be of type number.'
    )
    with pytest.raises(TypeError):
        e.set_max_listeners(True)

    assert e.get_max_listeners() == 42
    assert EventEmitter.default_max_listeners == 10
    e.emit("maxListeners")
    assert calls == [1]


def test_static_set_max_listeners(EventEmitter, restore_emitter_defaults):
    for obj in RANGE_ERRORS:
        with pytest.raises(ValueError) as info:
            events.set_max_listeners(obj)
        assert info.value.code == "ERR_OUT_OF_RANGE"
        assert '"setMaxListeners"' in str(info.value)
    with pytest.raises(TypeError) as info:
        events.set_max_listeners(TYPE_ERROR)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(TypeError) as info:
        events.set_max_listeners(EventEmitter.default_max_listeners, "INVALID_EMITTER")
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value).startswith(
        'The "eventTargets" argument must be an instance of EventEmitter or EventTarget.'
    )


def test_static_set_max_listeners_applies(EventEmitter, restore_emitter_defaults):
    a, b = EventEmitter(), EventEmitter()
    events.set_max_listeners(3, a, b)
    assert a.get_max_listeners() == 3
    assert b.get_max_listeners() == 3
    events.set_max_listeners(7)
    assert EventEmitter.default_max_listeners == 7
    assert EventEmitter().get_max_listeners() == 7
    assert a.get_max_listeners() == 3


def test_default_is_shared_and_camel_case(EventEmitter, restore_emitter_defaults):
    class Sub(EventEmitter):
        pass

    EventEmitter.defaultMaxListeners = 5
    assert EventEmitter.default_max_listeners == 5
    assert Sub.default_max_listeners == 5
    assert Sub().get_max_listeners() == 5
    EventEmitter.default_max_listeners = math.inf
    assert EventEmitter().get_max_listeners() == math.inf


def test_module_attribute_is_the_class_default(EventEmitter, restore_emitter_defaults):
    assert events.default_max_listeners == EventEmitter.default_max_listeners == 10
    events.defaultMaxListeners = 3
    assert EventEmitter.default_max_listeners == 3
    assert EventEmitter().get_max_listeners() == 3
    assert events.setMaxListeners is events.set_max_listeners
