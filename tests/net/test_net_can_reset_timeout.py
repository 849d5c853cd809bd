"""Port of Node's test/parallel/test-net-can-reset-timeout.js.

Node: a server socket with a 100 ms timeout writes 'WHAT.' at its (once)
'timeout'; the client ends at that 'data', the server socket ends at 'end',
and the client's 'end' closes the server. Nothing left out (127.0.0.1).
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_write_in_timeout_listener(loop):
    events = []

    def on_connection(stream):
        stream.set_timeout(100)
        stream.resume()
        stream.once("timeout", lambda: (events.append("timeout"), stream.write("WHAT.")))
        stream.on("end", lambda: (events.append("server end"), stream.end()))

    server = await start_server(on_connection)
    c = net.create_connection(server.address()["port"], "127.0.0.1")
    c.on("data", lambda data: (events.append(("data", data)), c.end()))
    c.on("end", lambda: (events.append("client end"), server.close()))
    await until(lambda: "client end" in events and "server end" in events)
    assert events[:2] == ["timeout", ("data", b"WHAT.")]
    assert sorted(events[2:]) == ["client end", "server end"]
