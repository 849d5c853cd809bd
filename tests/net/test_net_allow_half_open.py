"""Port of Node's test/parallel/test-net-allow-half-open.js.

Node: with allowHalfOpen false (the default), a client whose server ends
with 1 KiB is not destroyed at 'end' (nor on the next tick) nor at 'finish',
and closes; likewise when the client itself ends with 'asd' first.
Nothing left out (127.0.0.1; nextTick becomes call_soon).
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_not_destroyed_before_shutdown(loop):
    server = await start_server(lambda sock: sock.end(bytes(1024)))
    sock = net.connect(server.address()["port"], "127.0.0.1")
    assert sock.allow_half_open is False
    seen = []
    sock.resume()

    def on_end():
        def later():
            seen.append(("end", sock.destroyed))
            server.close()
        loop.call_soon(later)

    sock.on("end", on_end)
    sock.on("finish", lambda: seen.append(("finish", sock.destroyed)))
    sock.on("close", lambda had_error: seen.append("close"))
    await until(lambda: "close" in seen and ("end", False) in seen)
    assert sorted(seen, key=str) == sorted([("end", False), ("finish", False), "close"], key=str)


async def test_client_ends_first(loop):
    server = await start_server(lambda sock: sock.end(bytes(1024)))
    sock = net.connect(server.address()["port"], "127.0.0.1")
    assert sock.allow_half_open is False
    seen = []
    sock.resume()
    sock.on("end", lambda: seen.append(("end", sock.destroyed)))
    sock.end("asd")
    sock.on("finish", lambda: seen.append(("finish", sock.destroyed)))
    sock.on("close", lambda had_error: (seen.append("close"), server.close()))
    await until(lambda: "close" in seen)
    assert ("end", False) in seen and ("finish", False) in seen
    assert seen[-1] == "close"
