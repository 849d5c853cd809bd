"""Port of test/parallel/test-event-emitter-errors.js.

``util.inspect.custom`` that throws becomes a ``__repr__`` that raises.
"""

import pytest

from nodenet.errors import NodeError


def test_string_error(EventEmitter):
    ee = EventEmitter()
    with pytest.raises(NodeError) as info:
        ee.emit("error", "Accepts a string")
    assert info.value.code == "ERR_UNHANDLED_ERROR"
    assert str(info.value) == "Unhandled error. ('Accepts a string')"
    assert info.value.context == "Accepts a string"


def test_object_error(EventEmitter):
    ee = EventEmitter()
    value = {"message": "Error!"}
    with pytest.raises(NodeError) as info:
        ee.emit("error", value)
    assert info.value.code == "ERR_UNHANDLED_ERROR"
    assert str(info.value) == "Unhandled error. ({'message': 'Error!'})"
    assert info.value.context is value


def test_repr_that_raises(EventEmitter):
    class Bad:
        def __repr__(self):
            raise RuntimeError("no repr")

    ee = EventEmitter()
    value = Bad()
    with pytest.raises(NodeError) as info:
        ee.emit("error", value)
    assert info.value.code == "ERR_UNHANDLED_ERROR"
    assert str(info.value) == f"Unhandled error. ({object.__repr__(value)})"
    assert info.value.context is value


def test_exception_is_raised_itself(EventEmitter):
    ee = EventEmitter()
    err = ValueError("foo")
    with pytest.raises(ValueError) as info:
        ee.emit("error", err, "extra")
    assert info.value is err
