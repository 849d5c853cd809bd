"""Port of Node's test/parallel/test-net-server-close.js.

Node: a server accepts two connections; on the second it calls
``server.close()`` (which returns the server) and destroys both accepted
sockets. Each accepted socket emits 'close' once and the server emits 'close'
once. Node v20 emits the server's 'close' first: the connection count drops
when a socket is destroyed, while a socket's 'close' waits for its handle to
close. Nothing left out; the order is checked too (Node's test does not).
"""


import nodenet.net as net


async def test_server_close_after_destroying_its_connections(loop):
    events = []
    sockets = []
    done = loop.create_future()
    returned = []

    def on_connection(conn):
        conn.on("close", lambda had_error: events.append("client"))
        sockets.append(conn)
        if len(sockets) == 2:
            returned.append(server.close())
            for sock in sockets:
                sock.destroy()

    def on_close():
        events.append("server")
        loop.call_later(0.05, done.set_result, None)

    server = net.create_server(on_connection)
    server.on("close", on_close)

    def on_listening():
        port = server.address()["port"]
        net.create_connection(port, "127.0.0.1")
        net.create_connection(port, "127.0.0.1")

    assert server.listen(0, "127.0.0.1", on_listening) is server
    await done
    assert returned == [server]
    assert events == ["server", "client", "client"]
    assert server.connections == 0
