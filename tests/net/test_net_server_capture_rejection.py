"""Port of Node's test/parallel/test-net-server-capture-rejection.js.

Node: with ``events.captureRejections = true``, an async 'connection'
listener that throws has its error routed to the socket: the socket emits
'error' with that very error, and the client sees 'close'. In Python the
listener is a coroutine function and the class-wide switch is
``EventEmitter.capture_rejections``.
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

