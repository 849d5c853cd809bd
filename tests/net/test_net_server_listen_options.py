"""Port of Node's test/parallel/test-net-server-listen-options.js.

Node: listen() accepts a port as a number, a numeric string, undefined or null
(all meaning "any port"), both as ``listen(port, cb)`` and ``listen({port}, cb)``,
and returns the server; bad ports (-1, NaN, 123.456, 65536, +-Infinity)
raise a RangeError ERR_SOCKET_BAD_PORT, as does ``{port: -1, path}`` (the
port wins); options that are not valid raise a TypeError ERR_INVALID_ARG_VALUE
whose message says "is invalid" or, with neither port nor path,
'must have the property "port" or "path"'.
Left out: listen() with no host binds every interface (``::``); the servers
here listen on 127.0.0.1 (``host`` given), the only address tests may use.
"""

import asyncio
import math

import pytest
from net_helpers import not_called

import nodenet.net as net

HOST = "127.0.0.1"


LISTEN_ON_PORT = [
    lambda port, cb: net.create_server().listen({"port": port, "host": HOST}, cb),
    lambda port, cb: net.create_server().listen(port, HOST, cb),
]


@pytest.mark.parametrize("listen", LISTEN_ON_PORT, ids=["options", "args"])
@pytest.mark.parametrize("port", ["0", 0, None])
async def test_any_port(loop, listen, port):
    listening = loop.create_future()
    holder = []
    server = listen(port, lambda: listening.set_result(holder[0].address()))
    holder.append(server)
    assert isinstance(server, net.Server)
    address = await listening
    assert address["address"] == HOST
    assert address["port"] > 0
    server.close()


async def test_listen_forms_return_the_server_and_emit_listening(loop):
    servers = [
        net.create_server().listen(0, HOST),
        net.create_server().listen({"port": 0, "host": HOST}),
        net.create_server().listen(port=0, host=HOST),
    ]
    waits = []
    for server in servers:
        future = loop.create_future()
        server.on("listening", lambda f=future: f.set_result(None))
        waits.append(future)
    await asyncio.gather(*waits)
    for server in servers:
        assert server.listening
        server.close()


@pytest.mark.parametrize("listen", LISTEN_ON_PORT, ids=["options", "args"])
@pytest.mark.parametrize("port", [-1, math.nan, 123.456, 65536, math.inf, -math.inf])
def test_bad_port(listen, port):
    with pytest.raises(ValueError) as info:
        listen(port, not_called)
    assert info.value.code == "ERR_SOCKET_BAD_PORT"


def test_port_takes_precedence_over_path(tmp_path):
    with pytest.raises(ValueError) as info:
        net.create_server().listen({"port": -1, "path": str(tmp_path / "sock")}, not_called)
    assert info.value.code == "ERR_SOCKET_BAD_PORT"


@pytest.mark.parametrize("options", [False, {"port": False}, True, {"port": True},
                                     {"path": -1}])
def test_invalid_options(options):
    with pytest.raises(TypeError) as info:
        net.create_server().listen(options, not_called)
    assert info.value.code == "ERR_INVALID_ARG_VALUE"
    assert str(info.value).startswith("The argument 'options' is invalid. Received ")


@pytest.mark.parametrize("options", [{"fd": -1}, {}, {"host": "localhost"},
                                     {"host": "localhost:3000"}, {"host": {"port": 3000}},
                                     {"exclusive": True}])
def test_options_without_port_or_path(options):
    with pytest.raises(TypeError) as info:
        net.create_server().listen(options, not_called)
    assert info.value.code == "ERR_INVALID_ARG_VALUE"
    assert str(info.value).startswith(
        "The argument 'options' must have the property \"port\" or \"path\". Received ")
