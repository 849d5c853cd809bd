"""Port of Node's test/parallel/test-net-connect-options-port.js.

Node: connect({port, family: 4}) and connect({port, host: 'localhost',
family: 4}), each through createConnection / connect / new Socket().connect,
with and without a callback: ports true, false, [], {} and null raise a
TypeError ERR_INVALID_ARG_TYPE; '', ' ', '0x', '-0x1', NaN, Infinity, -1 and
65536 raise a RangeError ERR_SOCKET_BAD_PORT; the port as a number, a decimal
string and a hex string ('0x...') all connect (72 connections); once the
server is closed, connecting to port 0 fails with an error whose text starts
"connect E" (str() of nodenet's OSError starts with "[Errno n]", so the text is
searched for "connect E"). Left out: the ``hints`` option (nodenet resolves names with
asyncio's getaddrinfo, which takes no hints), and ``undefined`` (None is
Python's only null).
"""

import math

import pytest
from net_helpers import not_called, until

import nodenet.net as net


def do_connect(options, get_cb):
    def create_connection_with_cb():
        return net.create_connection(dict(options), get_cb()).resume()

    def create_connection_without_cb():
        return net.create_connection(dict(options)).on("connect", get_cb()).resume()

    def connect_with_cb():
        return net.connect(dict(options), get_cb()).resume()

    def connect_without_cb():
        return net.connect(dict(options)).on("connect", get_cb()).resume()

    def socket_connect_with_cb():
        return net.Socket().connect(dict(options), get_cb()).resume()

    def socket_connect_without_cb():
        return net.Socket().connect(dict(options)).on("connect", get_cb()).resume()

    return [create_connection_with_cb, create_connection_without_cb, connect_with_cb,
            connect_without_cb, socket_connect_with_cb, socket_connect_without_cb]


def option_sets(port):
    return [{"port": port, "family": 4}, {"port": port, "host": "localhost", "family": 4}]


@pytest.mark.parametrize("port", [True, False, [], {}, None])
def test_port_of_wrong_type(port):
    for options in option_sets(port):
        for fn in do_connect(options, lambda: not_called):
            with pytest.raises(TypeError) as info:
                fn()
            assert info.value.code == "ERR_INVALID_ARG_TYPE", (fn.__name__, options)


@pytest.mark.parametrize("port", ["", " ", "0x", "-0x1", math.nan, math.inf, -1, 65536])
def test_port_out_of_range(port):
    for options in option_sets(port):
        for fn in do_connect(options, lambda: not_called):
            with pytest.raises(ValueError) as info:
                fn()
            assert info.value.code == "ERR_SOCKET_BAD_PORT", (fn.__name__, options)


async def test_valid_ports_connect_then_port_zero_fails(loop):
    expected = 3 * 4 * 6
    state = {"server": 0, "client": 0}
    errors = []

    def on_connection(sock):
        sock.end("ok")
        state["server"] += 1
        if state["server"] == expected:
            server.close()

    def count():
        def connected():
            state["client"] += 1
        return connected

    server = net.create_server(on_connection)
    server.listen(0, "127.0.0.1")
    await until(lambda: server.listening)
    port = server.address()["port"]
    for value in (port, str(port), hex(port)):
        for options in option_sets(value) + option_sets(value):
            for fn in do_connect(options, count):
                fn()
    await until(lambda: state["server"] == expected and state["client"] == expected)
    await until(lambda: not server.listening)

    for options in [{"port": 0, "family": 4}, {"port": 0, "host": "localhost", "family": 4}]:
        for fn in do_connect(options, lambda: not_called):
            fn().on("error", errors.append)
    await until(lambda: len(errors) == 12)
    for err in errors:
        assert "connect E" in str(err), str(err)
        assert err.syscall == "connect"
