"""Port of Node's test/parallel/test-net-end-close.js.

Node: a readable-only socket whose handle reports EOF emits 'end' and then
'close' (resume() returns the socket). Node builds the socket on a fake handle
(internal bindings), which Python cannot do; here the socket is a real client
whose peer ends the connection, with the client's writable side already ended.
"""

from net_helpers import Recorder, start_server, until

import nodenet.net as net


async def test_end_then_close(loop):
    conns = []
    server = await start_server(conns.append)
    client = net.create_connection(server.address()["port"], "127.0.0.1")
    rec = Recorder(client, "end", "close")
    assert client.resume() is client
    client.on("connect", client.end)
    await until(lambda: conns)
    conns[0].resume()
    conns[0].end()
    await until(lambda: "close" in rec.names)
    assert rec.names == ["end", "close"]
    server.close()
