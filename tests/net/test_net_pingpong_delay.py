"""Port of Node's test/pummel/test-net-pingpong-delay.js.

Node: an allowHalfOpen server answers each PING with PONG 1 ms later; the
client sends the next PING 1 ms after each PONG, 101 in all, then ends.
readyState is 'open' throughout; at the server's 'end' it is 'writeOnly',
at its 'close' (had_error false) 'closed'; no 'timeout' on either side; the
client's 'close' sees 101 exchanges. Here the server listens on 127.0.0.1.
"""

from net_helpers import until

import nodenet.net as net

N = 100
DELAY = 0.001


async def test_ping_pong_with_delays(loop):
    state = {"count": 0, "client_ended": False}
    checks = []
    done = []

    def on_socket(sock):
        sock.set_encoding("utf8")

        def on_data(data):
            assert data == "PING"
            assert sock.ready_state == "open"
            assert state["count"] <= N

            def pong():
                assert sock.ready_state == "open"
                sock.write("PONG")

            loop.call_later(DELAY, pong)

        def on_end():
            checks.append(("server end", sock.ready_state))
            sock.end()

        def on_close(had_error):
            checks.append(("server close", had_error, sock.ready_state))
            sock.server.close()

        sock.on("data", on_data)
        sock.on("timeout", lambda: checks.append("server timeout"))
        sock.on("end", on_end)
        sock.on("close", on_close)

    server = net.create_server({"allowHalfOpen": True}, on_socket)

    def on_listening():
        client = net.create_connection(server.address()["port"], "127.0.0.1")
        client.set_encoding("utf8")

        def on_connect():
            assert client.ready_state == "open"
            client.write("PING")

        def on_data(data):
            assert data == "PONG"
            assert client.ready_state == "open"

            def ping():
                assert client.ready_state == "open"
                if state["count"] < N:
                    state["count"] += 1
                    client.write("PING")
                else:
                    state["count"] += 1
                    client.end()
                    state["client_ended"] = True

            loop.call_later(DELAY, ping)

        client.on("connect", on_connect)
        client.on("data", on_data)
        client.on("timeout", lambda: checks.append("client timeout"))
        client.on("close", lambda had_error: done.append((state["count"], state["client_ended"])))

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: done and not server.listening)
    assert done == [(N + 1, True)]
    assert checks == [("server end", "writeOnly"), ("server close", False, "closed")]
