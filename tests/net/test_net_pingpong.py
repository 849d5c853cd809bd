"""Port of Node's test/parallel/test-net-pingpong.js.

Node: a client and an ``allowHalfOpen`` server exchange N+1 PING/PONG
messages (N = 1000) over a Unix socket, TCP on the default host and TCP on
::1 (or 127.0.0.1). The server counts one connection (getConnections returns
the server), never holds more than one message in its write buffer, stays
writable after the client's FIN, ends then, and closes the server at 'close';
the client stops being writable after its final PING + end() and still reads
the last PONG. Left out: ``socket.timeout = 0`` (nodenet's ``timeout`` is
read-only; set_timeout(0) is the way). The default host is 127.0.0.1 here.
"""

import pytest
from net_helpers import until

import nodenet.net as net

N = 1000


def ping_pong(loop, target):
    state = {"count": 0, "sent_pongs": 0, "sent_final_ping": False, "connections": []}
    errors = []
    finished = []

    def on_socket(sock):
        assert sock.server is server
        assert server.get_connections(
            lambda err, n: state["connections"].append((err, n))) is server
        sock.set_no_delay()
        sock.set_encoding("utf8")

        def on_data(data):
            assert 0 <= sock.writable_length <= 4
            assert sock.writable is True
            assert sock.readable is True
            assert state["count"] <= N
            assert data == "PING"

            def sent(err=None):
                assert err is None
                state["sent_pongs"] += 1

            sock.write("PONG", sent)

        def on_end():
            assert sock.allow_half_open is True
            assert sock.writable is True
            assert sock.readable is False
            sock.end()

        def on_close(had_error):
            assert sock.writable is False
            assert sock.readable is False
            sock.server.close()

        sock.on("data", on_data)
        sock.on("end", on_end)
        sock.on("error", errors.append)
        sock.on("close", on_close)

    server = net.create_server({"allowHalfOpen": True}, on_socket)

    def on_listening():
        if isinstance(target, str):
            client = net.create_connection(target)
        else:
            client = net.create_connection(server.address()["port"], target[0])
        client.set_encoding("ascii")

        def on_connect():
            assert client.readable is True
            assert client.writable is True
            client.write("PING")

        def on_data(data):
            assert data == "PONG"
            state["count"] += 1
            if state["sent_final_ping"]:
                assert client.writable is False
                assert client.readable is True
                return
            assert client.writable is True
            assert client.readable is True
            if state["count"] < N:
                client.write("PING")
            else:
                state["sent_final_ping"] = True
                client.write("PING")
                client.end()

        def on_close(had_error):
            finished.append((state["count"], state["sent_pongs"], state["sent_final_ping"]))

        client.on("connect", on_connect)
        client.on("data", on_data)
        client.on("close", on_close)
        client.on("error", errors.append)

    if isinstance(target, str):
        server.listen(target, on_listening)
    else:
        server.listen(0, target[0], on_listening)
    return finished, errors, state


@pytest.mark.parametrize("where", ["pipe", "127.0.0.1", "::1"])
async def test_ping_pong(loop, where, tmp_path, request):
    if where == "::1":
        request.getfixturevalue("ipv6")
    target = str(tmp_path / "pingpong.sock") if where == "pipe" else (where,)
    finished, errors, state = ping_pong(loop, target)
    await until(lambda: finished and state["sent_pongs"] == N + 1)
    assert finished == [(N + 1, N + 1, True)]
    assert errors == []
    assert state["connections"] == [(None, 1)]
