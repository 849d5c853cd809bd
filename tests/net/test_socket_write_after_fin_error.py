"""Port of Node's test/parallel/test-socket-write-after-fin-error.js.

Node: without allowHalfOpen, a server socket that writes (on the next turn
after its 'end') to a client that has sent its FIN gets an EPIPE in the
write callback, not the vague 'write after end'; the server received all
the client wrote, the client receives nothing, and both see 'end'.
Nothing left out (setImmediate becomes call_soon; 127.0.0.1).
"""

from net_helpers import until

import nodenet.net as net


async def test_write_after_the_peer_fin_is_epipe(loop):
    state = {"server_data": "", "client_data": "", "server_end": False, "client_end": False}
    errors = []

    def on_connection(sock):
        sock.set_encoding("utf8")
        sock.on("error", lambda err: None)

        def on_data(c):
            state["server_data"] += c

        def on_end():
            state["server_end"] = True

            def later():
                sock.write(state["server_data"], lambda er=None: errors.append(er))
                sock.end()

            loop.call_soon(later)

        sock.on("data", on_data)
        sock.on("end", on_end)
        server.close()

    server = net.create_server(on_connection)

    def on_listening():
        sock = net.connect(server.address()["port"], "127.0.0.1")
        sock.set_encoding("utf8")

        def on_data(c):
            state["client_data"] += c

        def on_end():
            state["client_end"] = True

        sock.on("data", on_data)
        sock.on("end", on_end)
        sock.write("hello1")
        sock.write("hello2")
        sock.write("hello3\n")
        sock.end("THUNDERMUSCLE!")

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: errors and state["client_end"])
    assert state["client_data"] == ""
    assert state["server_data"] == "hello1hello2hello3\nTHUNDERMUSCLE!"
    assert state["server_end"]
    assert errors[0] is not None
    assert errors[0].code == "EPIPE"
    assert str(errors[0]) != "write after end"
