"""Port of Node's test/parallel/test-net-socket-write-error.js.

Node: write(1337) on a connected socket throws a TypeError
ERR_INVALID_ARG_TYPE and emits no 'error'. Nothing left out.
"""

import pytest
from net_helpers import start_server, until

import nodenet.net as net


async def test_write_of_a_number_raises(loop):
    server = await start_server()
    errors = []
    raised = []

    def on_connect():
        client.on("error", errors.append)
        with pytest.raises(TypeError) as info:
            client.write(1337)
        raised.append(info.value.code)
        client.destroy()

    client = net.create_connection(server.address()["port"], "127.0.0.1", on_connect)
    client.on("close", lambda had_error: server.close())
    await until(lambda: raised and not server.listening)
    assert raised == ["ERR_INVALID_ARG_TYPE"]
    assert errors == []
