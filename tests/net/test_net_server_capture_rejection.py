"""Port of Node's test/parallel/test-net-server-capture-rejection.js.

Node: with ``events.captureRejections = true``, an async 'connection'
listener that throws has its error routed to the socket: the socket emits
'error' with that very error, and the client sees 'close'. In Python the
listener is a coroutine function and the class-wide switch is
``EventEmitter.capture_rejections``. Added here: a rejected async 'data'
listener destroys the socket with its error (Node's streams do; Node v20
shows 'error' then 'close' with hadError true).
"""

from net_helpers import until

import nodenet.net as net
from nodenet.events import PyEventEmitter


async def test_rejection_of_connection_listener_goes_to_the_socket(
        loop, restore_emitter_defaults):
    PyEventEmitter.capture_rejections = True
    err = RuntimeError("kaboom")
    seen = []
    closes = []

    async def on_connection(sock):
        server.close()
        sock.on("error", seen.append)
        raise err

    server = net.create_server(on_connection)

    def on_listening():
        sock = net.connect(server.address()["port"], "127.0.0.1")
        sock.on("close", closes.append)
        sock.on("error", lambda e: None)

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: seen and closes)
    assert seen == [err]


async def test_rejection_of_data_listener_destroys_the_socket(loop, restore_emitter_defaults):
    """Not in Node's test: a Socket (a stream) is destroyed with a captured rejection."""
    PyEventEmitter.capture_rejections = True
    err = RuntimeError("boom")
    seen = []

    def on_connection(sock):
        async def on_data(data):
            raise err

        sock.on("data", on_data)
        sock.on("error", seen.append)
        sock.on("close", lambda had_error: (seen.append(("close", had_error)), server.close()))

    server = net.create_server(on_connection)

    def on_listening():
        client = net.connect(server.address()["port"], "127.0.0.1", lambda: client.write("x"))
        client.on("error", lambda e: None)

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: len(seen) == 2)
    assert seen == [err, ("close", True)]
