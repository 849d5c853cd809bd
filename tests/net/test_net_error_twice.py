"""Port of Node's test/parallel/test-net-error-twice.js.

Node: once both ends are connected the client is destroyed and the server's
socket writes 10 MB: the server's socket emits exactly one 'error' (never
the same error twice), then 'close'. Node unrefs the server at 'close' and
counts errors at exit; here the test waits for 'close' and closes the server.
"""

from net_helpers import until

import nodenet.net as net

BUF = b"b" * (10 * 1024 * 1024)


async def test_one_error_for_a_write_to_a_gone_peer(loop):
    errs = []
    closed = []
    state = {}

    def ready():
        if "client" in state and "server" in state:
            state["client"].destroy()
            state["server"].write(BUF)

    def on_connection(conn):
        conn.on("error", errs.append)
        conn.on("close", closed.append)
        state["server"] = conn
        ready()

    server = net.create_server(on_connection)

    def on_listening():
        client = net.connect({"port": server.address()["port"], "host": "127.0.0.1"})

        def on_connect():
            state["client"] = client
            ready()

        client.on("connect", on_connect)

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: closed)
    server.close()
    assert len(errs) == 1
    assert errs[0].code in ("EPIPE", "ECONNRESET")
    assert closed == [True]
