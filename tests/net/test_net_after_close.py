"""Port of Node's test/parallel/test-net-after-close.js.

Node: once a client socket has closed (the server ended it), calling its
methods and reading its properties does not throw: setNoDelay, setKeepAlive,
bufferSize, pause, resume, address, remoteAddress, remotePort. Node v20 gives
``{}`` for ``address()`` and ``undefined`` for the remote address and port.
Left out: ``c._handle === null`` (no handle in Python) and ``bufferSize``
(a deprecated alias nodenet does not have; ``writable_length`` stands in).
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_closed_socket_methods_do_not_raise(loop):
    server = await start_server(lambda sock: sock.end())
    client = net.create_connection(server.address()["port"], "127.0.0.1")
    seen = []

    def on_close(had_error):
        seen.append(had_error)
        assert client.set_no_delay() is client
        assert client.set_keep_alive() is client
        assert client.writable_length == 0
        assert client.pause() is client
        assert client.resume() is client
        assert client.address() == {}
        assert client.remote_address is None
        assert client.remote_port is None
        assert client.ready_state == "closed"
        assert client.destroyed is True
        server.close()

    client.on("close", on_close)
    await until(lambda: seen)
    assert seen == [False]
