"""Pending (nodenet bug, standard loop): end() on a connection the peer already closed lets
shutdown()'s ENOTCONN escape from the write_eof callback, and nodenet.run() raises it.
Node ignores ENOTCONN from shutdown (lib/net.js ``_final``)."""

from __future__ import annotations

import socket as pysocket

import pytest
from rel_helpers import port_of

import nodenet
import nodenet.net as net

pytestmark = pytest.mark.timeout(30)


ROUNDS = 5


def test_end_after_peer_closed(loop):
    """Node v20: 'data', 'finish', 'end', 'close'(false) in some order; no error."""
    events = []

    def on_connection(socket):
        record = []
        events.append(record)
        socket.on("error", lambda err: record.append(("error", err)))
        socket.on("close", lambda had_error: record.append(("close", had_error)))
        socket.on("data", lambda data: record.append(("data", data)))
        socket.on("end", lambda: record.append(("end",)))
        socket.end(b"hi")
        if len(events) == ROUNDS:
            server.close()

    def peers():
        """Blocks the loop: each peer connects, sends, closes before the server accepts."""
        for _ in range(ROUNDS):
            with pysocket.create_connection(("127.0.0.1", port_of(server))) as peer:
                peer.sendall(b"x")

    server = net.create_server(on_connection)
    server.listen(0, "127.0.0.1", peers)
    nodenet.run()
    assert len(events) == ROUNDS
    for record in events:
        assert ("data", b"x") in record and ("end",) in record
        assert record[-1] == ("close", False), record
