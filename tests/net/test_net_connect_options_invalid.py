"""Port of Node's test/parallel/test-net-connect-options-invalid.js.

Node: createConnection({port, objectMode | readableObjectMode |
writableObjectMode: true}) throws a TypeError ERR_INVALID_ARG_VALUE: "The
property 'options.<key>' is not supported. Received true". Nothing left out.
"""

import pytest

import nodenet.net as net


@pytest.mark.parametrize("key", ["objectMode", "readableObjectMode", "writableObjectMode"])
def test_object_mode_options_are_rejected(key):
    with pytest.raises(TypeError) as info:
        net.create_connection({"port": 8080, key: True})
    assert info.value.code == "ERR_INVALID_ARG_VALUE"
    assert f"The property 'options.{key}' is not supported. Received True" in str(info.value) \
        or f"The property 'options.{key}' is not supported. Received true" in str(info.value)
