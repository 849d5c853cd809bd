"""Port of Node's test/parallel/test-net-settimeout.js.

Node: setTimeout(100, cb) on a connecting socket returns the socket, and
setTimeout(0) right after disables it: the callback never runs, though the
socket then stays idle for 200 ms after the server's 'hello'. Here the
client connects to 127.0.0.1 instead of 'localhost'.
"""

from net_helpers import start_server, until

import nodenet.net as net

T = 0.1


async def test_set_timeout_then_disable(loop):
    connections = []
    server = await start_server(lambda conn: (connections.append(conn), conn.write("hello")))
    sock = net.create_connection(server.address()["port"], "127.0.0.1")
    fired = []
    done = []
    assert isinstance(sock.set_timeout(T * 1000, lambda: fired.append(True)), net.Socket)

    def on_data(data):
        def finish():
            sock.destroy()
            server.close()
            done.append(True)
        loop.call_later(T * 2, finish)

    sock.once("data", on_data)
    sock.set_timeout(0)
    await until(lambda: done)
    assert fired == []
    assert len(connections) == 1
