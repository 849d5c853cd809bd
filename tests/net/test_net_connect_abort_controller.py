"""Port of Node's test/parallel/test-net-connect-abort-controller.js.

Node: a socket given an AbortSignal (through net.connect or new Socket) is
destroyed with an AbortError when the signal aborts: after connect, before
connect (already aborted: no listener is added to the signal), or on the
next turn of the loop; ``events.once(socket, 'close')`` then rejects with the
AbortError. One 'abort' listener is on the signal while it is pending. The
server's live connections are destroyed and the server closed at the end.
Node runs the six cases one after the other on one server; here each is a
test of its own. Node connects to 'localhost'; here to 127.0.0.1.
"""

import pytest
from net_helpers import start_server

import nodenet.net as net
from nodenet.events import AbortController, get_event_listeners, once


def post_abort(loop, options):
    ac = AbortController()
    sock = net.connect(options(ac.signal))
    assert len(get_event_listeners(ac.signal, "abort")) == 1
    ac.abort()
    return sock


def pre_abort(loop, options):
    ac = AbortController()
    ac.abort()
    sock = net.connect(options(ac.signal))
    assert len(get_event_listeners(ac.signal, "abort")) == 0
    return sock


def tick_abort(loop, options):
    ac = AbortController()
    loop.call_soon(ac.abort)
    sock = net.connect(options(ac.signal))
    assert len(get_event_listeners(ac.signal, "abort")) == 1
    return sock


def constructor(loop, options):
    ac = AbortController()
    ac.abort()
    sock = net.Socket(options(ac.signal))
    assert len(get_event_listeners(ac.signal, "abort")) == 0
    return sock


def constructor_post(loop, options):
    ac = AbortController()
    sock = net.Socket(options(ac.signal))
    assert len(get_event_listeners(ac.signal, "abort")) == 1
    ac.abort()
    return sock


def constructor_post_tick(loop, options):
    ac = AbortController()
    sock = net.Socket(options(ac.signal))
    assert len(get_event_listeners(ac.signal, "abort")) == 1
    loop.call_soon(ac.abort)
    return sock


CASES = [post_abort, pre_abort, tick_abort, constructor, constructor_post,
         constructor_post_tick]


@pytest.mark.parametrize("case", CASES, ids=[case.__name__ for case in CASES])
async def test_abort_signal_destroys_the_socket(loop, case):
    live = set()

    def on_connection(conn):
        live.add(conn)
        conn.on("close", lambda had_error: live.discard(conn))

    server = await start_server(on_connection)
    port = server.address()["port"]
    sock = case(loop, lambda signal: {"port": port, "host": "127.0.0.1", "signal": signal})
    with pytest.raises(Exception) as info:
        await once(sock, "close")
    assert type(info.value).__name__ == "AbortError"
    assert info.value.code == "ABORT_ERR"
    assert sock.destroyed
    for conn in list(live):
        conn.destroy()
    closed = []
    server.close(lambda err=None: closed.append(err))
    await once(server, "close")
    assert closed == [None]
