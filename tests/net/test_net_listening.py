"""Port of Node's test/parallel/test-net-listening.js.

Node: ``listening`` is false before listen(), true in the listen callback and
false in the close callback. Nothing left out (the server uses 127.0.0.1).
"""

from net_helpers import until

import nodenet.net as net


async def test_listening_property(loop):
    server = net.create_server()
    seen = [server.listening]

    def on_listening():
        seen.append(server.listening)
        server.close(lambda err=None: seen.append(server.listening))

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: len(seen) == 3)
    assert seen == [False, True, False]
