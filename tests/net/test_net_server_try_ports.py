"""Port of Node's test/parallel/test-net-server-try-ports.js.

Node: a second server listening on the first one's port gets an EADDRINUSE
'error', and can then listen on another port. Both listen on 127.0.0.1 here.
"""


import nodenet.net as net


async def test_eaddrinuse_then_another_port(loop):
    done = loop.create_future()
    server1 = net.Server()
    server2 = net.Server()
    errors = []

    def on_error(err):
        errors.append(err)
        server2.listen(0, "127.0.0.1", lambda: done.set_result(server2.address()["port"]))

    server2.on("error", on_error)
    server1.listen(0, "127.0.0.1",
                   lambda: server2.listen(server1.address()["port"], "127.0.0.1"))
    port2 = await done
    assert [err.code for err in errors] == ["EADDRINUSE"]
    assert isinstance(errors[0], OSError)
    assert port2 != server1.address()["port"]
    server1.close()
    server2.close()
