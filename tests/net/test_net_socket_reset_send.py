"""Port of Node's test/parallel/test-net-socket-reset-send.js.

Node: resetAndDestroy().destroy() returns the socket; the server's socket
gets 'error' ECONNRESET ('read ECONNRESET'); a later write calls back with
ERR_STREAM_DESTROYED and the client emits no 'error'. Nothing left out.
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_reset_then_write(loop):
    server = await start_server()
    server_errors = []
    server.on("connection", lambda sock: sock.on("error", server_errors.append))
    conn = net.create_connection(server.address()["port"], "127.0.0.1")
    client_errors = []
    results = []

    def on_connect():
        assert conn.reset_and_destroy().destroy() is conn
        conn.on("error", client_errors.append)
        results.append(conn.write(b"fzfzfzfzfz", lambda err=None: results.append(err)))
        server.close()

    conn.on("connect", on_connect)
    await until(lambda: len(results) == 2 and server_errors)
    assert results[1].code == "ERR_STREAM_DESTROYED"
    assert str(results[1]) == "Cannot call write after a stream was destroyed"
    assert client_errors == []
    (err,) = server_errors
    assert err.code == "ECONNRESET"
    assert "read ECONNRESET" in str(err)
    assert err.syscall == "read"
