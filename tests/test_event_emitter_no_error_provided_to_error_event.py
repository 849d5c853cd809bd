"""Port of test/parallel/test-event-emitter-no-error-provided-to-error-event.js.

Node catches the error with a domain; Python has no domains, so the port catches what
``emit`` raises: an ``ERR_UNHANDLED_ERROR`` error carrying what was emitted as ``.context``.
"""

import pytest

from nodenet.errors import NodeError


def test_no_argument(EventEmitter):
    e = EventEmitter()
    with pytest.raises(NodeError) as info:
        e.emit("error")
    assert isinstance(info.value, Exception)
    assert info.value.code == "ERR_UNHANDLED_ERROR"
    assert info.value.context is None


@pytest.mark.parametrize("arg", [False, None, 42, "fortytwo", True])
def test_non_exception_argument(EventEmitter, arg):
    e = EventEmitter()
    with pytest.raises(NodeError) as info:
        e.emit("error", arg)
    assert info.value.code == "ERR_UNHANDLED_ERROR"
    assert info.value.context is arg
