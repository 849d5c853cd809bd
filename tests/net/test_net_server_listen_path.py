"""Port of Node's test/parallel/test-net-server-listen-path.js.

Node: a server listens on a Unix socket path through listen(path),
listen({path}), listen(path, cb) and listen({path}, cb); with readableAll
and writableAll the socket file is readable and writable by others; a second
server on a path in use emits EADDRINUSE ('listen EADDRINUSE: address
already in use...') and not its callback. Paths are under pytest's tmp_path.
"""

import os
import stat

from net_helpers import until

import nodenet.net as net


async def test_listen_path_forms(loop, tmp_path):
    paths = [str(tmp_path / f"p{i}") for i in range(4)]
    closed = []

    def close_server(server):
        return lambda: (server.close(), closed.append(True))

    s0 = net.create_server()
    s0.listen(paths[0]).on("listening", close_server(s0))
    s1 = net.create_server()
    s1.listen({"path": paths[1]}).on("listening", close_server(s1))
    s2 = net.create_server()
    s2.listen(paths[2], close_server(s2))
    s3 = net.create_server()
    s3.listen({"path": paths[3]}, close_server(s3))
    await until(lambda: len(closed) == 4)
    assert all(not s.listening for s in (s0, s1, s2, s3))


async def test_readable_all_writable_all(loop, tmp_path):
    path = str(tmp_path / "chmod")
    modes = []
    server = net.create_server()

    def on_listening():
        modes.append(os.stat(path).st_mode)
        server.close()

    server.listen({"path": path, "readableAll": True, "writableAll": True}, on_listening)
    await until(lambda: modes)
    assert modes[0] & stat.S_IROTH
    assert modes[0] & stat.S_IWOTH


async def test_path_in_use(loop, tmp_path):
    path = str(tmp_path / "inuse")
    errors = []
    calls = []

    def on_listening():
        server2 = net.create_server()
        server2.listen({"path": path, "writableAll": True}, lambda: calls.append("listening"))
        server2.on("error", lambda err: (server1.close(), errors.append(err)))

    server1 = net.create_server()
    server1.listen({"path": path}, on_listening)
    await until(lambda: errors)
    assert errors[0].code == "EADDRINUSE"
    assert str(errors[0]).find("listen EADDRINUSE: address already in use") >= 0
    assert calls == []
