"""Port of test/parallel/test-event-emitter-invalid-listener.js.

``on``/``once``/``prepend_*`` with ``None`` are the decorator form (API.md), so the port
passes ``None`` only to ``remove_listener`` and a non-callable ``42`` to every method.
"""

import pytest

METHODS = ["on", "once", "remove_listener", "prepend_listener", "prepend_once_listener",
           "off", "add_listener"]


@pytest.mark.parametrize("method", METHODS)
def test_listener_must_be_callable(EventEmitter, method):
    ee = EventEmitter()
    with pytest.raises(TypeError) as info:
        getattr(ee, method)("foo", 42)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value) == (
        'The "listener" argument must be of type function. Received type int (42)'
    )


def test_remove_listener_none(EventEmitter):
    ee = EventEmitter()
    with pytest.raises(TypeError) as info:
        ee.remove_listener("foo", None)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value) == 'The "listener" argument must be of type function. Received None'


@pytest.mark.parametrize("method", ["on", "once", "prepend_listener", "prepend_once_listener"])
def test_none_listener_is_the_decorator_form(EventEmitter, method):
    ee = EventEmitter()
    calls = []

    def listener(x):
        calls.append(x)

    assert getattr(ee, method)("foo", None)(listener) is listener
    assert ee.listeners("foo") == [listener]
    ee.emit("foo", 1)
    assert calls == [1]
