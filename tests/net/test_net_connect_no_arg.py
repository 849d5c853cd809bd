"""Port of Node's test/parallel/test-net-connect-no-arg.js.

Node: net.connect(), new Socket().connect(), net.connect({}) and
new Socket().connect({}) throw ERR_MISSING_ARGS with the message 'The
"options" or "port" or "path" argument must be specified'. Nothing left out.
"""

import pytest

import nodenet.net as net

MESSAGE = 'The "options" or "port" or "path" argument must be specified'


@pytest.mark.parametrize("call", [
    lambda: net.connect(),
    lambda: net.Socket().connect(),
    lambda: net.connect({}),
    lambda: net.Socket().connect({}),
], ids=["connect", "Socket.connect", "connect-options", "Socket.connect-options"])
def test_connect_without_arguments(call):
    with pytest.raises(TypeError) as info:
        call()
    assert info.value.code == "ERR_MISSING_ARGS"
    assert str(info.value) == MESSAGE
