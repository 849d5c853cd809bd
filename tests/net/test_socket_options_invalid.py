"""Port of Node's test/parallel/test-socket-options-invalid.js.

Node: new Socket({objectMode | readableObjectMode | writableObjectMode:
true}).connect({port}) throws a TypeError ERR_INVALID_ARG_VALUE: "The
property 'options.<key>' is not supported. Received true". Nothing left out.
"""

import pytest

import nodenet.net as net


@pytest.mark.parametrize("key", ["objectMode", "readableObjectMode", "writableObjectMode"])
def test_object_mode_socket_options_are_rejected(key):
    with pytest.raises(TypeError) as info:
        sock = net.Socket({key: True})
        sock.connect({"port": 8080})
    assert info.value.code == "ERR_INVALID_ARG_VALUE"
    assert f"The property 'options.{key}' is not supported." in str(info.value)
