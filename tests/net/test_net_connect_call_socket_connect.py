"""Port of Node's test/parallel/test-net-connect-call-socket-connect.js.

Node: net.connect() goes through ``Socket.prototype.connect``, so patching
that method (as APM tools do) sees the call; the client then connects, ends
and gets 'end'. Here ``Socket.connect`` is wrapped for the test with
pytest's monkeypatch (the real method still runs).
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_connect_calls_socket_connect(loop, monkeypatch):
    calls = []
    original = net.Socket.connect

    def connect(self, *args, **kwargs):
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(net.Socket, "connect", connect)
    server = await start_server()
    ended = []
    client = net.connect({"port": server.address()["port"], "host": "127.0.0.1"},
                         lambda: client.end())
    client.on("end", lambda: (ended.append(True), server.close()))
    await until(lambda: ended)
    assert len(calls) == 1
