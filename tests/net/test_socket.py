"""Socket: data/end/close order, half-open, backpressure, pause, timeouts, encodings, errors."""

from __future__ import annotations

import asyncio
import socket as pysocket

import pytest
from net_helpers import Recorder, closed, connected, start_server, until

import nodenet.net as net
from nodenet.events import once

#: How many 64 KiB writes a test may make before the kernel's socket buffers are full and
#: write() returns False: found, not assumed (autotuning differs between machines), up to
#: 256 MiB.
MAX_BLOCKS = 4096


async def test_event_order_client_writes_and_ends(loop):
    server_events = []
    got = []

    def on_connection(sock):
        rec = Recorder(sock, "data", "end", "finish", "close")
        server_events.append(rec)
        sock.on("data", got.append)

    server = await start_server(on_connection)
    port = server.address()["port"]
    client = net.connect(port, "127.0.0.1")
    crec = Recorder(client, "connect", "ready", "data", "end", "finish", "close")
    client.on("connect", lambda: (client.write(b"hello"), client.end(b"x")))
    client.resume()
    await once(client, "close")
    await until(lambda: server_events and "close" in server_events[0].names)
    assert b"".join(got) == b"hellox"
    assert crec.names == ["connect", "ready", "finish", "end", "close"]
    assert crec.events[-1] == ("close", False)
    names = [n for n in server_events[0].names if n != "data"]
    assert names == ["end", "finish", "close"]
    server.close()


async def test_goodbye_server(loop):
    server = await start_server(lambda s: s.end(b"goodbye\n"))
    client = net.connect(server.address()["port"], "127.0.0.1")
    chunks = []
    client.on("data", chunks.append)
    (had_error,) = await once(client, "close")
    assert had_error is False
    assert b"".join(chunks) == b"goodbye\n"
    assert client.bytes_read == 8
    server.close()
    await once(server, "close")


async def test_allow_half_open(loop):
    done = asyncio.get_running_loop().create_future()

    def on_connection(sock):
        chunks = []
        sock.on("data", chunks.append)

        def on_end():
            assert sock.writable
            sock.end(b"reply:" + b"".join(chunks))
            done.set_result(True)
        sock.on("end", on_end)

    server = await start_server(on_connection, allow_half_open=True)
    client = net.connect(port=server.address()["port"], host="127.0.0.1", allow_half_open=True)
    data = []
    client.on("data", data.append)
    client.end(b"question")
    await done
    await once(client, "end")
    assert b"".join(data) == b"reply:question"
    await once(client, "close")
    server.close()


async def test_not_half_open_ends_automatically(loop):
    ends = []

    def on_connection(sock):
        sock.resume()
        sock.on("end", lambda: ends.append(sock.writable))

    server = await start_server(on_connection)
    client = net.connect(server.address()["port"], "127.0.0.1")
    client.resume()
    client.end()
    await once(client, "end")
    await once(client, "close")
    assert ends == [True]
    server.close()


async def test_both_ends_done_closes_in_the_turn_after_finish(loop):
    """When the peer has ended and end() finds nothing left to flush, the close starts at
    once: 'finish' one loop turn after 'end', 'close' the turn after that. (Node emits
    'close' right after the shutdown completes; waiting for 'finish' before starting the
    close cost one more turn, and a wake-up of the loop for the ended socket.)"""
    turns = [0]
    seen = {}
    closed_now = loop.create_future()

    def tick():
        turns[0] += 1
        if not closed_now.done():
            loop.call_soon(tick)

    def on_connection(sock):
        sock.on("end", lambda: loop.call_soon(tick))
        sock.pipe(sock)
        sock.on("finish", lambda: seen.setdefault("finish", turns[0]))
        sock.on("close", lambda _: (seen.setdefault("close", turns[0]),
                                    closed_now.set_result(None)))

    server = await start_server(on_connection)
    client = await connected(server.address()["port"])
    client.resume()
    client.end(b"x")
    await closed_now
    assert seen == {"finish": 1, "close": 2}
    server.close()


async def test_write_returns_false_and_drain(loop):
    accepted = []

    def on_connection(sock):
        sock.pause()
        accepted.append(sock)

    server = await start_server(on_connection)
    client = await connected(server.address()["port"])
    assert client.writable_high_water_mark == 16384
    chunk = b"x" * 65536
    results = []
    for _ in range(MAX_BLOCKS):
        ok = client.write(chunk)
        results.append(ok)
        if not ok:
            break
    assert results[-1] is False
    assert client.writable_length >= 16384
    drained = asyncio.ensure_future(once(client, "drain"))
    await until(lambda: accepted)
    accepted[0].resume()
    await drained
    assert client.writable_length == 0
    client.destroy()
    server.close()


async def test_small_write_returns_true(loop):
    server = await start_server(lambda s: s.resume())
    client = await connected(server.address()["port"])
    assert client.write(b"abc") is True
    assert client.bytes_written == 3
    client.destroy()
    server.close()


async def test_write_callbacks(loop):
    server = await start_server(lambda s: s.resume())
    client = await connected(server.address()["port"])
    calls = []
    client.write(b"a", lambda err=None: calls.append(("a", err)))
    client.write("b", "utf8", lambda err=None: calls.append(("b", err)))
    client.end(b"c", lambda err=None: calls.append(("end", err)))
    assert calls == []
    await once(client, "finish")
    assert calls == [("a", None), ("b", None), ("end", None)]
    client.destroy()
    server.close()


async def test_pause_really_stops_reading(loop):
    state = {}

    def on_connection(sock):
        state["sock"] = sock
        sock.on("data", lambda d: state.setdefault("chunks", []).append(d))
        sock.pause()

    server = await start_server(on_connection)
    client = await connected(server.address()["port"])
    await until(lambda: "sock" in state)
    sock = state["sock"]
    assert sock.is_paused()
    total = 0
    for _ in range(MAX_BLOCKS):
        total += 65536
        if not client.write(b"y" * 65536):
            break
    await asyncio.sleep(0.1)
    assert state.get("chunks") is None
    assert sock.bytes_read == 0
    assert client.writable_length > 0
    sock.resume()
    await until(lambda: sock.bytes_read == total)
    client.destroy()
    server.close()


async def test_data_before_data_listener_is_kept(loop):
    state = {}
    server = await start_server(lambda s: state.setdefault("sock", s))
    client = await connected(server.address()["port"])
    client.end(b"early bytes")
    await until(lambda: "sock" in state)
    await asyncio.sleep(0.05)
    sock = state["sock"]
    got = []
    sock.on("data", got.append)
    await once(sock, "end")
    assert b"".join(got) == b"early bytes"
    server.close()


async def test_end_without_reader_when_nothing_sent(loop):
    state = {}
    server = await start_server(lambda s: state.setdefault("rec", Recorder(s, "end", "close")))
    client = await connected(server.address()["port"])
    client.resume()
    client.end()
    await once(client, "close")
    await until(lambda: "close" in state["rec"].names)
    assert state["rec"].names == ["end", "close"]
    server.close()


async def test_pause_on_connect(loop):
    state = {}
    server = await start_server(lambda s: state.setdefault("sock", s), pause_on_connect=True)
    client = await connected(server.address()["port"])
    client.write(b"abc")
    await until(lambda: "sock" in state)
    sock = state["sock"]
    got = []
    sock.on("data", got.append)
    await asyncio.sleep(0.05)
    assert got == [] and sock.is_paused()
    sock.resume()
    await until(lambda: got)
    assert got == [b"abc"]
    client.destroy()
    server.close()


async def test_set_encoding(loop):
    server = await start_server(lambda s: s.end("h\u00e9llo \u20ac".encode()))
    client = net.connect(server.address()["port"], "127.0.0.1")
    client.set_encoding("utf8")
    text = []
    client.on("data", text.append)
    await once(client, "end")
    assert "".join(text) == "h\u00e9llo \u20ac"
    assert all(isinstance(t, str) for t in text)
    server.close()


async def test_set_encoding_splits_multibyte(loop):
    payload = "\u20ac".encode()

    async def slow_send(sock):
        for byte in payload:
            sock.write(bytes([byte]))
            await asyncio.sleep(0.02)
        sock.end()

    server = await start_server(lambda s: asyncio.ensure_future(slow_send(s)) and None)
    client = net.connect(server.address()["port"], "127.0.0.1")
    client.set_encoding("utf8")
    text = []
    client.on("data", text.append)
    await once(client, "end")
    assert text == ["\u20ac"]
    server.close()


@pytest.mark.parametrize("text, encoding, expected", [
    ("h\u00e9", "utf8", "h\u00e9".encode()),
    ("h\u00e9", "latin1", b"h\xe9"),
    ("h\u00e9", "binary", b"h\xe9"),
    ("abc", "ascii", b"abc"),
    ("6869", "hex", b"hi"),
    ("aGk=", "base64", b"hi"),
    ("aGk", "base64url", b"hi"),
    ("hi", "utf16le", b"h\x00i\x00"),
    ("hi", "ucs2", b"h\x00i\x00"),
])
async def test_write_encodings(loop, text, encoding, expected):
    got = []
    server = await start_server(lambda s: s.on("data", got.append))
    client = await connected(server.address()["port"])
    client.end(text, encoding)
    await until(lambda: b"".join(got) == expected)
    client.destroy()
    server.close()


async def test_write_bad_arguments(loop):
    server = await start_server(lambda s: s.resume())
    client = await connected(server.address()["port"])
    with pytest.raises(TypeError) as info:
        client.write(123)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(TypeError) as info:
        client.write(None)
    assert info.value.code == "ERR_STREAM_NULL_VALUES"
    with pytest.raises(TypeError) as info:
        client.write("x", "klingon")
    assert info.value.code == "ERR_UNKNOWN_ENCODING"
    client.write(bytearray(b"ok"))
    client.write(memoryview(b"ok"))
    client.destroy()
    server.close()


async def test_write_after_end(loop):
    server = await start_server(lambda s: s.resume())
    client = await connected(server.address()["port"])
    client.end()
    errors = []
    client.on("error", errors.append)
    calls = []
    assert client.write(b"late", lambda err=None: calls.append(err)) is False
    had_error = await closed(client)
    assert had_error is True
    assert errors[0].code == "ERR_STREAM_WRITE_AFTER_END"
    assert calls[0].code == "ERR_STREAM_WRITE_AFTER_END"
    server.close()


async def test_destroy_with_error(loop):
    server = await start_server(lambda s: s.resume())
    client = await connected(server.address()["port"])
    rec = Recorder(client, "error", "close")
    boom = RuntimeError("boom")
    client.destroy(boom)
    assert client.destroyed
    assert rec.events == []
    await closed(client)
    assert rec.events == [("error", boom), ("close", True)]
    calls = []
    assert client.write(b"x", lambda err=None: calls.append(err)) is False
    await asyncio.sleep(0.01)
    assert calls[0].code == "ERR_STREAM_DESTROYED"
    server.close()


async def test_destroy_without_error(loop):
    server = await start_server(lambda s: s.resume())
    client = await connected(server.address()["port"])
    rec = Recorder(client, "error", "close", "end")
    client.destroy()
    await once(client, "close")
    assert rec.events == [("close", False)]
    assert client.ready_state == "closed"
    server.close()


async def test_econnreset(loop):
    state = {}
    server = await start_server(lambda s: state.setdefault("sock", s))
    client = await connected(server.address()["port"])
    errors = []
    client.on("error", errors.append)
    client.resume()
    await until(lambda: "sock" in state)
    state["sock"].reset_and_destroy()
    had_error = await closed(client)
    assert had_error is True
    assert errors[0].code == "ECONNRESET"
    assert errors[0].syscall == "read"
    assert isinstance(errors[0], OSError)
    server.close()


async def test_unhandled_socket_error_reaches_loop_handler(loop):
    state = {}
    server = await start_server(lambda s: state.setdefault("sock", s))
    client = await connected(server.address()["port"])
    client.resume()
    await until(lambda: "sock" in state)
    state["sock"].reset_and_destroy()
    await closed(client)
    assert [c["exception"].code for c in loop.errors] == ["ECONNRESET"]
    loop.errors.clear()
    server.close()


async def test_set_timeout(loop):
    server = await start_server(lambda s: s.resume())
    client = await connected(server.address()["port"])
    fired = []
    started = asyncio.get_running_loop().time()
    assert client.set_timeout(50, lambda: fired.append(asyncio.get_running_loop().time())) \
        is client
    assert client.timeout == 50
    await once(client, "timeout")
    assert fired and fired[0] - started >= 0.045
    assert not client.destroyed
    client.set_timeout(0)
    assert client.timeout is None
    client.destroy()
    server.close()


async def test_set_timeout_refreshed_by_activity(loop):
    server = await start_server(lambda s: s.resume())
    client = await connected(server.address()["port"])
    fired = []
    client.set_timeout(80)
    client.on("timeout", lambda: fired.append(1))
    for _ in range(6):
        await asyncio.sleep(0.03)
        client.write(b".")
    assert fired == []
    await once(client, "timeout")
    client.destroy()
    server.close()


def test_set_timeout_bad_arguments(loop):
    sock = net.Socket()
    with pytest.raises(TypeError):
        sock.set_timeout("1")
    with pytest.raises(ValueError):
        sock.set_timeout(-1)


async def test_addresses_and_state(loop):
    state = {}
    server = await start_server(lambda s: state.setdefault("sock", s))
    port = server.address()["port"]
    client = net.connect(port, "127.0.0.1")
    assert client.connecting and client.pending
    assert client.ready_state == "opening"
    await once(client, "connect")
    assert not client.connecting and not client.pending
    assert client.ready_state == "open"
    assert client.remote_address == "127.0.0.1"
    assert client.remote_port == port
    assert client.remote_family == "IPv4"
    assert client.local_address == "127.0.0.1"
    assert client.address() == {"address": "127.0.0.1", "family": "IPv4",
                                "port": client.local_port}
    assert client.readable and client.writable
    await until(lambda: "sock" in state)
    assert state["sock"].remote_port == client.local_port
    assert state["sock"].server is server
    client.end()
    assert client.ready_state == "readOnly"
    assert not client.writable
    client.destroy()
    server.close()


async def test_no_delay_and_keep_alive(loop):
    server = await start_server(lambda s: s.resume(), no_delay=True, keep_alive=True)
    client = await connected(server.address()["port"])
    assert client.set_no_delay(False) is client
    sock = client._transport.get_extra_info("socket")
    assert sock.getsockopt(pysocket.IPPROTO_TCP, pysocket.TCP_NODELAY) == 0
    client.set_no_delay()
    assert sock.getsockopt(pysocket.IPPROTO_TCP, pysocket.TCP_NODELAY) != 0
    assert client.set_keep_alive(True, 2000) is client
    assert sock.getsockopt(pysocket.SOL_SOCKET, pysocket.SO_KEEPALIVE) != 0
    client.destroy()
    server.close()


async def test_writes_while_connecting_are_sent(loop):
    got = []
    server = await start_server(lambda s: s.on("data", got.append))
    client = net.connect(server.address()["port"], "127.0.0.1")
    assert client.write(b"queued ") is True
    client.end(b"then end")
    assert client.writable_length == 15
    await once(client, "finish")
    await until(lambda: b"".join(got) == b"queued then end")
    client.destroy()
    server.close()


async def test_destroy_soon(loop):
    got = []
    server = await start_server(lambda s: s.on("data", got.append))
    client = await connected(server.address()["port"])
    client.write(b"z" * 100000)
    client.destroy_soon()
    await once(client, "close")
    await until(lambda: len(b"".join(got)) == 100000)
    server.close()


async def test_listener_exception_does_not_break_other_connections(loop):
    def on_connection(sock):
        def on_data(data):
            if data == b"boom":
                raise RuntimeError("listener failed")
            sock.write(data)
        sock.on("data", on_data)

    server = await start_server(on_connection)
    port = server.address()["port"]
    bad = await connected(port)
    good = await connected(port)
    echoed = []
    good.on("data", echoed.append)
    bad.write(b"boom")
    await until(lambda: loop.errors)
    assert isinstance(loop.errors[0]["exception"], RuntimeError)
    loop.errors.clear()
    good.write(b"still fine")
    await until(lambda: b"".join(echoed) == b"still fine")
    bad.write(b"again")
    bad_echo = []
    bad.on("data", bad_echo.append)
    await until(lambda: bad_echo)
    good.destroy()
    bad.destroy()
    server.close()


async def test_drain_after_writes_queued_while_connecting(loop):
    server = await start_server(lambda s: s.resume())
    client = net.connect(server.address()["port"], "127.0.0.1")
    assert client.write(b"q" * 20000) is False
    await once(client, "drain")
    assert client.writable_length == 0
    client.destroy()
    server.close()


async def test_socket_state_lives_in_slots_and_users_may_add_attributes(loop):
    """Socket's own state is in __slots__ (a per-instance dict of 40-odd keys cost 1.5 KB
    per connection); attributes a user sets still work."""
    accepted = []
    server = await start_server(accepted.append)
    client = await connected(server.address()["port"])
    await until(lambda: accepted)
    for sock in (client, accepted[0]):
        assert vars(sock) == {}
        sock.user_tag = "mine"
        assert sock.user_tag == "mine" and vars(sock) == {"user_tag": "mine"}
    client.destroy()
    server.close()


async def test_a_subclass_emit_sees_the_socket_own_events(loop):
    """The socket's own events go through ``emit`` as in Node (``this.emit``): a subclass
    that overrides it sees them (a plain Socket's are dispatched in C)."""
    seen = []

    class Tracing(net.Socket):
        def emit(self, event, *args):
            seen.append(event)
            return super().emit(event, *args)

    server = await start_server(lambda s: s.end(b"bye"))
    client = Tracing()
    client.on("data", lambda chunk: None)
    client.connect(server.address()["port"], "127.0.0.1")
    await closed(client)
    for event in ("connect", "ready", "resume", "data", "end", "finish", "close"):
        assert event in seen, (event, seen)
    server.close()


async def test_accepted_sockets_take_the_plain_socket_paths_on_both_loops(loop):
    """An accepted socket is exactly a Socket on both loops, so it takes the paths that
    skip looking up ``emit``/``on`` (and a client built from a subclass does not)."""
    accepted = []
    server = await start_server(accepted.append)
    client = await connected(server.address()["port"])

    class Sub(net.Socket):
        pass

    await until(lambda: accepted)
    assert type(accepted[0]) is net.Socket
    assert accepted[0]._plain is True
    assert client._plain is True
    assert Sub()._plain is False
    client.destroy()
    accepted[0].destroy()
    server.close()


async def test_reads_on_the_standard_loop_are_at_most_node_s_64_kib(loop):
    """asyncio's transport would read 256 KiB at a time into a new bytes object; nodenet
    reads 64 KiB, as Node does, on accepted and on connected sockets (uvloop reads into
    its own 250,000-byte buffer)."""
    limit = 65536 if isinstance(loop, asyncio.SelectorEventLoop) else 256000
    payload = b"x" * (4 << 20)
    accepted_sizes = []
    server = await start_server(
        lambda sock: sock.on("data", lambda d: accepted_sizes.append(len(d))))
    port = server.address()["port"]
    raw = pysocket.create_connection(("127.0.0.1", port))
    raw.setblocking(False)
    await loop.sock_sendall(raw, payload)
    await until(lambda: sum(accepted_sizes) == len(payload))
    raw.close()

    listener = pysocket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    client = net.connect(listener.getsockname()[1], "127.0.0.1")
    client_sizes = []
    client.on("data", lambda d: client_sizes.append(len(d)))
    peer, _ = await loop.sock_accept(listener)
    await loop.sock_sendall(peer, payload)
    await until(lambda: sum(client_sizes) == len(payload))
    for sizes in (accepted_sizes, client_sizes):
        assert 16384 < max(sizes) <= limit
    client.destroy()
    peer.close()
    listener.close()
    server.close()


async def test_writes_keep_their_order_when_the_loop_buffers_some(loop):
    """A write that the kernel cannot take whole leaves the rest in the loop's buffer;
    later writes queue behind it even when the kernel has room again before the loop
    has flushed that buffer (on the standard loop a write goes straight to the socket
    only while the loop's buffer is empty)."""
    listener = pysocket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    client = net.connect(listener.getsockname()[1], "127.0.0.1")
    peer, _ = await loop.sock_accept(listener)
    await once(client, "connect")
    big = bytes(range(256)) * (32 << 10)
    assert client.write(big) is False
    assert client.writable_length > 0
    peer.setblocking(True)
    head = bytearray()
    while len(head) < (1 << 20):
        head += peer.recv(1 << 20)
    small = [b"<%d>" % i for i in range(50)]
    for chunk in small:
        client.write(chunk)
    client.end(b"!")
    peer.setblocking(False)
    rest = bytearray()
    while True:
        chunk = await loop.sock_recv(peer, 1 << 20)
        if not chunk:
            break
        rest += chunk
    assert bytes(head + rest) == big + b"".join(small) + b"!"
    assert client.bytes_written == len(big) + sum(map(len, small)) + 1
    peer.close()
    listener.close()
    await closed(client)
    assert client._direct is None  # the closed socket object is not kept


async def test_writes_fall_back_to_the_transport_without_asyncio_s_private_names(loop):
    """On the standard loop a socket sends directly while asyncio's transport shows an
    empty ``_buffer``; a transport without those private names (another Python's asyncio)
    makes it use ``transport.write`` from then on, losing nothing. uvloop's transport is
    always written through."""
    listener = pysocket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    client = net.connect(listener.getsockname()[1], "127.0.0.1")
    peer, _ = await loop.sock_accept(listener)
    await once(client, "connect")
    if not isinstance(loop, asyncio.SelectorEventLoop):
        assert client._direct is None
    else:
        assert client._direct is not None

        class WithoutPrivateNames:
            def __init__(self, transport):
                self._wrapped = transport

            def __getattr__(self, name):
                if name in ("_buffer", "_conn_lost"):
                    raise AttributeError(name)
                return getattr(self._wrapped, name)

        client._transport = WithoutPrivateNames(client._transport)
    client.write(b"one,")
    client.write(b"two")
    assert client._direct is None
    client.end()
    got = bytearray()
    while True:
        chunk = await loop.sock_recv(peer, 1024)
        if not chunk:
            break
        got += chunk
    assert got == b"one,two"
    peer.close()
    listener.close()
    await closed(client)


async def test_addresses_once_destroyed(loop):
    """Node drops the local address when the socket is destroyed, and keeps the remote
    one only if it was read while the socket was open."""
    server = await start_server(lambda sock: sock.on("error", lambda err: None))
    port = server.address()["port"]
    read_before = await connected(port)
    assert read_before.remote_address == "127.0.0.1"
    assert read_before.address()["port"] == read_before.local_port
    not_read = await connected(port)
    both_closed = asyncio.gather(closed(read_before), closed(not_read))
    for sock in (read_before, not_read):
        sock.destroy()
        assert sock.address() == {}
        assert (sock.local_address, sock.local_port, sock.local_family) == (None, None, None)
    assert (read_before.remote_address, read_before.remote_port) == ("127.0.0.1", port)
    assert (not_read.remote_address, not_read.remote_port) == (None, None)
    await both_closed
    assert read_before.address() == {} and read_before.remote_family == "IPv4"
    server.close()


async def test_readable_length_counts_bytes_waiting_for_a_data_listener(loop):
    """Node's readableLength: what arrived before any 'data' listener is held and counted;
    adding the listener starts the flow on a later turn, which empties it."""
    server = await start_server(lambda sock: sock.end(b"hello"))
    client = net.connect(server.address()["port"], "127.0.0.1")
    await once(client, "connect")
    await until(lambda: client.readable_length == 5)
    assert client.readableLength == 5
    got = []
    client.on("data", got.append)
    assert client.readable_length == 5 and got == []
    await until(lambda: got)
    assert client.readable_length == 0
    assert b"".join(got) == b"hello"
    client.destroy()
    server.close()
