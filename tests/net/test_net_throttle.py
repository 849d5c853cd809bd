"""Port of Node's test/parallel/test-net-throttle.js.

Node: the server writes 1 KiB strings until write() returns false, then two
more, and ends (writableLength never exceeds what was written); the client
pauses for 100 ms (20 ms here, to keep the test short) at the first 'data'
after each resume, receiving no data while paused. It receives everything,
and pauses more than once.
Left out: the deprecated ``bufferSize`` (writable_length is checked).
"""

from net_helpers import until

import nodenet.net as net


async def test_throttled_writes_all_arrive(loop):
    state = {"recved": 0, "pauses": 0, "total": 0, "paused": False}
    ended = []

    def on_connection(connection):
        body = "C" * 1024
        n = 1
        while connection.write(body):
            n += 1
        connection.write(body)
        connection.write(body)
        n += 2
        state["total"] = n * len(body)
        assert 0 <= connection.writable_length <= state["total"]
        connection.end()

    server = net.create_server(on_connection)

    def on_listening():
        client = net.create_connection(server.address()["port"], "127.0.0.1")
        client.set_encoding("ascii")

        def on_data(d):
            state["recved"] += len(d)
            if not state["paused"]:
                client.pause()
                state["pauses"] += 1
                state["paused"] = True
                x = state["recved"]

                def later():
                    assert state["recved"] == x
                    client.resume()
                    state["paused"] = False

                loop.call_later(0.02, later)

        client.on("data", on_data)
        client.on("end", lambda: (ended.append(True), server.close(), client.end()))

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: ended)
    assert state["recved"] == state["total"]
    assert state["pauses"] > 1
