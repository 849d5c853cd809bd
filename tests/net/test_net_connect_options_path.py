"""Port of Node's test/parallel/test-net-connect-options-path.js.

Node: a Unix-socket client connects with connect(path) / createConnection(path)
/ new Socket().connect(path) and the same with {path}, with and without a
callback (12 ways); the server ends each connection and closes after the
twelfth. The path is under pytest's tmp_path.
"""

from net_helpers import until

import nodenet.net as net

CLIENTS = 12


async def test_connect_to_a_path_every_way(loop, tmp_path):
    server_path = str(tmp_path / "server.sock")
    state = {"server": 0, "client": 0}
    closed = []

    def on_connection(sock):
        sock.end("ok")
        state["server"] += 1
        if state["server"] == CLIENTS:
            server.close(lambda err=None: closed.append(err))

    def cb():
        def connected():
            state["client"] += 1
        return connected

    def on_listening():
        p = server_path
        net.connect(p, cb()).resume()
        net.connect(p).on("connect", cb()).resume()
        net.create_connection(p, cb()).resume()
        net.create_connection(p).on("connect", cb()).resume()
        net.Socket().connect(p, cb()).resume()
        net.Socket().connect(p).on("connect", cb()).resume()
        net.connect({"path": p}, cb()).resume()
        net.connect({"path": p}).on("connect", cb()).resume()
        net.create_connection({"path": p}, cb()).resume()
        net.create_connection({"path": p}).on("connect", cb()).resume()
        net.Socket().connect({"path": p}, cb()).resume()
        net.Socket().connect({"path": p}).on("connect", cb()).resume()

    server = net.create_server(on_connection)
    server.listen(server_path, on_listening)
    await until(lambda: closed)
    assert state == {"server": CLIENTS, "client": CLIENTS}
    assert closed == [None]
