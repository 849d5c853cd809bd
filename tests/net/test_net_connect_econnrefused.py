"""Port of Node's test/sequential/test-net-connect-econnrefused.js.

Node: five rounds of 50 connections to the port of a closed server all fail
with ECONNREFUSED, and afterwards no TCP handle is left. Here the rounds run
under ``nodenet.run()``, which returns only once no socket is left open.
"""

import nodenet
import nodenet.net as net

ROUNDS = 5
ATTEMPTS_PER_ROUND = 50


def test_refused_connections_are_cleaned_up(loop):
    state = {"rounds": 1, "reqs": 0, "pending": 0}
    codes = set()

    def pummel(port):
        def on_error(err):
            codes.add(err.code)
            state["pending"] -= 1
            if state["pending"] > 0:
                return
            if state["rounds"] == ROUNDS:
                return
            state["rounds"] += 1
            pummel(port)

        for _ in range(ATTEMPTS_PER_ROUND):
            net.create_connection(port, "127.0.0.1").on("error", on_error)
            state["pending"] += 1
            state["reqs"] += 1

    server = net.create_server()

    def on_listening():
        port = server.address()["port"]
        server.close(lambda err=None: pummel(port))

    server.listen(0, "127.0.0.1", on_listening)
    nodenet.run()
    assert state["rounds"] == ROUNDS
    assert state["reqs"] == ROUNDS * ATTEMPTS_PER_ROUND
    assert state["pending"] == 0
    assert codes == {"ECONNREFUSED"}
