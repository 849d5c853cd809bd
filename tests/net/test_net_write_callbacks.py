"""Port of Node's test/pummel/test-net-write-callbacks.js.

Node: 500,000 writes of 'hello world', each with a callback, then end():
every callback is called exactly once, in the order of the writes; the
server destroys its socket at 'end' and closes. 50,000 writes here, to keep
the test short.
"""

from net_helpers import until

import nodenet.net as net

N = 50_000


async def test_every_write_callback_once_in_order(loop):
    calls = []
    closed = []

    def on_connection(sock):
        sock.resume()
        sock.on("end", lambda: (sock.destroy(), server.close(), closed.append(True)))

    server = net.Server(on_connection)

    def make_callback(c):
        def callback(err=None):
            assert err is None
            calls.append(c)
        return callback

    def on_listening():
        client = net.create_connection(server.address()["port"], "127.0.0.1")

        def on_connect():
            for i in range(N):
                client.write("hello world", make_callback(i))
            client.end()

        client.on("connect", on_connect)

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: closed and len(calls) == N)
    assert calls == list(range(N))
