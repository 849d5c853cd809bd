"""Port of Node's test/parallel/test-net-server-listen-remove-callback.js.

Node: the listen callback is a once-listener: after listen(0, cb), close(),
and listen(0, cb2), close() again, no 'listening' listener is left at
either 'close'. Nothing left out (the server listens on 127.0.0.1).
"""


import nodenet.net as net


async def test_listen_callback_is_removed_after_it_ran(loop):
    done = loop.create_future()
    counts = []
    server = net.create_server()

    def on_close():
        counts.append(len(server.listeners("listening")))
        if len(counts) == 2:
            done.set_result(None)

    server.on("close", on_close)
    server.listen(0, "127.0.0.1", server.close)
    server.once("close", lambda: server.listen(0, "127.0.0.1", server.close))
    await done
    assert counts == [0, 0]
