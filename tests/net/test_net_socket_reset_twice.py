"""Port of Node's test/parallel/test-net-socket-reset-twice.js.

Node: as test-net-socket-destroy-twice, with resetAndDestroy() called in the
'error' listener of a connection that failed: one 'error', one 'close'.
Nothing left out (the server listens on 127.0.0.1).
"""

from net_helpers import Recorder, until

import nodenet.net as net


async def test_reset_and_destroy_in_error_listener(loop):
    server = net.create_server()
    server.listen(0, "127.0.0.1")
    port = server.address()["port"]
    conn = net.create_connection(port, "127.0.0.1")
    rec = Recorder(conn, "error", "close")
    conn.on("error", lambda err: conn.resetAndDestroy())
    server.close()
    await until(lambda: "close" in rec.names)
    assert rec.names == ["error", "close"]
    assert rec.events[0][1].code == "ECONNREFUSED"
