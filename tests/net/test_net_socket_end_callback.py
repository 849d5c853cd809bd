"""Port of Node's test/parallel/test-net-socket-end-callback.js.

Node: end(cb), end('foo', cb) and end('foo', 'utf8', cb) each call cb once
(the server is unref'd and resumes its sockets). Nothing left out.
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_end_calls_back_in_every_form(loop):
    server = await start_server(lambda sock: sock.resume())
    server.unref()
    calls = []
    sockets = []

    def connect(*args):
        sock = net.create_connection(server.address()["port"], "127.0.0.1",
                                     lambda: sock.end(*args))
        sockets.append(sock)

    def cb(*args):
        calls.append(args)

    connect(cb)
    connect("foo", cb)
    connect("foo", "utf8", cb)
    await until(lambda: len(calls) == 3)
    assert calls == [(), (), ()]
    for sock in sockets:
        sock.destroy()
    server.close()
