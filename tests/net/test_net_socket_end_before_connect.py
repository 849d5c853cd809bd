"""Port of Node's test/parallel/test-net-socket-end-before-connect.js.

Node: end() right after createConnection() still lets the socket connect,
finish and emit 'close'. Nothing left out (the server listens on 127.0.0.1).
"""

from net_helpers import Recorder, start_server, until

import nodenet.net as net


async def test_end_before_connect_closes(loop):
    server = await start_server()
    sock = net.create_connection(server.address()["port"], "127.0.0.1")
    rec = Recorder(sock, "connect", "finish", "close")
    sock.on("close", lambda had_error: server.close())
    sock.end()
    await until(lambda: "close" in rec.names)
    assert rec.names.count("close") == 1
    assert rec.events[-1] == ("close", False)
