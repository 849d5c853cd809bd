"""Port of Node's test/parallel/test-net-connect-options-allowhalfopen.js.

Node: an ``allowHalfOpen`` server ends each of six clients at once; the
clients, connected with ``{allowHalfOpen: true, host, port}`` through
connect / createConnection / new Socket(opts).connect(opts), with and without
a connect callback, get 'end' and 50 ms later are still writable (not
readable): each writes its index (write() returns true) and ends. The server
sees one 'data' and one 'end' per connection and closes 50 ms after the
sixth 'end'; every client emits 'close'. Nothing left out.
"""

from net_helpers import until

import nodenet.net as net

HOST = "127.0.0.1"
CLIENT_VARIANTS = 6


async def test_allow_half_open_clients(loop):
    state = {"connections": 0, "server_fin": 0, "client_sent_fin": 0, "client_closed": 0}
    server_data = []
    server_closed = []
    checks = []

    def on_connection(sock):
        state["connections"] += 1
        ends = []
        sock.resume()
        sock.on("data", lambda data: server_data.append(data.decode()))

        def on_end():
            ends.append(True)
            assert len(ends) == 1
            state["server_fin"] += 1
            if state["server_fin"] == CLIENT_VARIANTS:
                loop.call_later(0.05, server.close)

        sock.on("end", on_end)
        sock.end()

    def client_on_connect(index, client_ref):
        def on_connect():
            client = client_ref[0]
            client.resume()

            def later():
                checks.append((index, client.readable, client.writable,
                               client.write(str(index))))
                client.end()
                state["client_sent_fin"] += 1

            client.on("end", lambda: loop.call_later(0.05, later))

            def on_close(had_error):
                state["client_closed"] += 1

            client.on("close", on_close)
        return on_connect

    def on_listening():
        port = server.address()["port"]
        opts = {"allowHalfOpen": True, "host": HOST, "port": port}
        refs = [[] for _ in range(CLIENT_VARIANTS)]
        refs[0].append(net.connect(dict(opts), client_on_connect(1, refs[0])))
        refs[1].append(net.connect(dict(opts)))
        refs[1][0].on("connect", client_on_connect(2, refs[1]))
        refs[2].append(net.create_connection(dict(opts), client_on_connect(3, refs[2])))
        refs[3].append(net.create_connection(dict(opts)))
        refs[3][0].on("connect", client_on_connect(4, refs[3]))
        refs[4].append(net.Socket(dict(opts)))
        refs[4][0].connect(dict(opts), client_on_connect(5, refs[4]))
        refs[5].append(net.Socket(dict(opts)))
        refs[5][0].connect(dict(opts)).on("connect", client_on_connect(6, refs[5]))

    server = net.create_server({"allowHalfOpen": True})
    server.on("connection", on_connection)
    server.on("close", lambda: server_closed.append(True))
    server.listen(0, HOST, on_listening)
    await until(lambda: server_closed and state["client_closed"] == CLIENT_VARIANTS)
    assert state["connections"] == CLIENT_VARIANTS
    assert state["client_sent_fin"] == CLIENT_VARIANTS
    assert sorted(checks) == [(i, False, True, True) for i in range(1, CLIENT_VARIANTS + 1)]
    assert sorted(server_data) == [str(i) for i in range(1, CLIENT_VARIANTS + 1)]
