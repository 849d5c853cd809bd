"""Port of Node's test/parallel/test-net-socket-destroy-send.js.

Node: destroy() returns the socket, also when called again; a write after
destroy() calls its callback with ERR_STREAM_DESTROYED ('Cannot call write
after a stream was destroyed') and emits no 'error'. Nothing left out.
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_write_after_destroy(loop):
    server = await start_server()
    conn = net.create_connection(server.address()["port"], "127.0.0.1")
    errors = []
    results = []

    def on_connect():
        assert conn.destroy().destroy() is conn
        conn.on("error", errors.append)
        results.append(conn.write(b"kaboom", lambda err=None: results.append(err)))
        server.close()

    conn.on("connect", on_connect)
    await until(lambda: len(results) == 2)
    assert results[0] is False
    err = results[1]
    assert err.code == "ERR_STREAM_DESTROYED"
    assert str(err) == "Cannot call write after a stream was destroyed"
    assert errors == []
