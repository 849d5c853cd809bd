"""Port of Node's test/parallel/test-net-server-options.js.

Node: createServer('path') and createServer(0) throw a TypeError
ERR_INVALID_ARG_TYPE. Nothing left out.
"""

import pytest

import nodenet.net as net


@pytest.mark.parametrize("options", ["path", 0])
def test_create_server_rejects_options_of_wrong_type(options):
    with pytest.raises(TypeError) as info:
        net.create_server(options)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
