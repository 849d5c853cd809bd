"""Port of Node's test/parallel/test-net-connect-reset-after-destroy.js.

Node: resetAndDestroy().destroy() on a connected client returns the client;
the server's socket gets ECONNRESET ('read ECONNRESET'); a write afterwards
calls back with ERR_STREAM_DESTROYED and the client emits no 'error'.
Nothing left out (127.0.0.1 instead of the default host).
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_reset_after_connect(loop):
    server = await start_server()
    server_errors = []
    server.on("connection", lambda sock: sock.on("error", server_errors.append))
    conn = net.create_connection(server.address()["port"], "127.0.0.1")
    client_errors = []
    write_errors = []

    def on_connect():
        assert conn.resetAndDestroy().destroy() is conn
        conn.on("error", client_errors.append)
        conn.write(b"fzfzfzfzfz", lambda err=None: write_errors.append(err))
        server.close()

    conn.on("connect", on_connect)
    await until(lambda: write_errors and server_errors)
    assert [e.code for e in write_errors] == ["ERR_STREAM_DESTROYED"]
    assert str(write_errors[0]) == "Cannot call write after a stream was destroyed"
    assert [e.code for e in server_errors] == ["ECONNRESET"]
    assert str(server_errors[0]).endswith("read ECONNRESET")
    assert client_errors == []
