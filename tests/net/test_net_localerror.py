"""Port of Node's test/parallel/test-net-localerror.js.

Node: connect({host, port: 0, localAddress: 'foobar'}) throws a TypeError
ERR_INVALID_IP_ADDRESS; connect({..., localPort: 'foobar'}) throws a
TypeError ERR_INVALID_ARG_TYPE. Nothing left out.
"""

import pytest

import nodenet.net as net


@pytest.mark.parametrize("options, code", [
    ({"host": "localhost", "port": 0, "localAddress": "foobar"}, "ERR_INVALID_IP_ADDRESS"),
    ({"host": "localhost", "port": 0, "localPort": "foobar"}, "ERR_INVALID_ARG_TYPE"),
])
def test_bad_local_options(options, code):
    with pytest.raises(TypeError) as info:
        net.connect(options)
    assert info.value.code == code
