"""Port of test/parallel/test-events-uncaught-exception-stack.js: the raised error is the
emitted one, unchanged (Node checks that nothing is appended to ``err.stack``; the port
checks the message, ``args`` and that no cause or context is chained)."""

import pytest


def test_error_is_raised_unchanged(EventEmitter):
    err = Exception()
    with pytest.raises(Exception) as info:
        EventEmitter().emit("error", err)
    assert info.value is err
    assert err.args == ()
    assert str(err) == ""
    assert err.__cause__ is None
    assert err.__context__ is None
