"""Port of Node's test/parallel/test-net-socket-destroy-twice.js.

Node: a connection to a server that was closed right after listen() fails;
calling destroy() again in the 'error' listener is harmless: one 'error', one
'close'. Nothing left out (the server listens on 127.0.0.1).
"""

from net_helpers import Recorder, until

import nodenet.net as net


async def test_destroy_in_error_listener(loop):
    server = net.create_server()
    server.listen(0, "127.0.0.1")
    port = server.address()["port"]
    conn = net.create_connection(port, "127.0.0.1")
    rec = Recorder(conn, "error", "close")
    conn.on("error", lambda err: conn.destroy())
    server.close()
    await until(lambda: "close" in rec.names)
    await until(lambda: True)
    assert rec.names == ["error", "close"]
    assert rec.events[0][1].code == "ECONNREFUSED"
    assert rec.events[1] == ("close", True)
