"""Port of Node's test/parallel/test-net-write-after-end-nt.js.

Node: after the server ends, a write at the client's 'end' (the client
having ended too) returns false and calls back with EPIPE ('This socket has
been ended by the other party'); the client's 'error' comes on a later turn
of the loop, not inside write(). Nothing left out.
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_write_after_end_errors_later(loop):
    server = await start_server(lambda sock: sock.end())
    results = []
    errors = []

    def on_connect():
        client.on("error", lambda err: (errors.append(err), server.close()))

        def on_end():
            ret = client.write("hello", lambda err=None: results.append(err))
            results.append(ret)
            results.append(len(errors))

        client.on("end", on_end)
        client.end()

    client = net.connect(server.address()["port"], "127.0.0.1", on_connect)
    await until(lambda: len(results) == 3 and errors)
    ret, errors_inside, err = results
    assert ret is False
    assert errors_inside == 0
    assert err.code == "EPIPE"
    assert str(err) == "This socket has been ended by the other party"
