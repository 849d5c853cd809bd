"""Socket.pipe() to a nodenet Socket: the fast path (data_received writes to the
destination's transport) must behave exactly like ``dest.write(chunk)``."""

from __future__ import annotations

import asyncio
import hashlib

from net_helpers import closed, connected, start_server, until, write_until_paused

import nodenet.net as net


async def _pair(loop):
    """(server, sender, receiver, src, dst): sender -> src, dst -> receiver."""
    conns = []
    server = await start_server(conns.append)
    port = server.address()["port"]
    sender = await connected(port)
    receiver = await connected(port)
    await until(lambda: len(conns) == 2)
    src, dst = conns
    return server, sender, receiver, src, dst


def _collect(sock):
    got = []
    sock.on("data", got.append)
    return got


async def test_fast_path_taken_and_counts_bytes(loop):
    server, sender, receiver, src, dst = await _pair(loop)
    got = _collect(receiver)
    src.pipe(dst)
    assert src._pipe is not None
    for i in range(20):
        sender.write(bytes([i]) * 1000)
        await asyncio.sleep(0)
    await until(lambda: sum(map(len, got)) == 20000)
    assert dst.bytes_written == 20000
    assert src.bytes_read == 20000
    for s in (sender, receiver):
        s.destroy()
    server.close()


async def test_backpressure_through_fast_path(loop):
    server, sender, receiver, src, dst = await _pair(loop)
    receiver.pause()
    events = []
    dst.on("drain", lambda: events.append("drain"))
    src.on("pause", lambda: events.append("pause"))
    src.on("resume", lambda: events.append("resume"))
    src.pipe(dst)
    assert src._pipe is not None
    block = b"q" * 65536
    sent = await write_until_paused(sender, src, block)
    paused_at = src.bytes_read
    await asyncio.sleep(0.1)
    assert src.bytes_read == paused_at
    digest = hashlib.sha256()
    total = []
    receiver.on("data", lambda d: (digest.update(d), total.append(len(d))))
    receiver.resume()
    await until(lambda: sum(total) == sent, timeout=20.0)
    assert digest.hexdigest() == hashlib.sha256(block * (sent // len(block))).hexdigest()
    assert dst.bytes_written == sent
    assert "pause" in events and "drain" in events and "resume" in events
    for s in (sender, receiver):
        s.destroy()
    server.close()


async def test_destination_ended_mid_stream(loop):
    server, sender, receiver, src, dst = await _pair(loop)
    got = _collect(receiver)
    errors = []
    dst.on("error", errors.append)
    src.pipe(dst)
    sender.write(b"before")
    await until(lambda: b"".join(got) == b"before")
    dst.end()
    sender.write(b"after")
    await closed(dst)
    assert [e.code for e in errors] == ["ERR_STREAM_WRITE_AFTER_END"]
    assert b"".join(got) == b"before"
    assert src.listener_count("data") == 0
    for s in (sender, receiver):
        s.destroy()
    server.close()


async def test_destination_destroyed_mid_stream(loop):
    server, sender, receiver, src, dst = await _pair(loop)
    got = _collect(receiver)
    src.pipe(dst)
    sender.write(b"one")
    await until(lambda: b"".join(got) == b"one")
    dst.destroy()
    sender.write(b"two")
    await closed(dst)
    await asyncio.sleep(0.05)
    assert b"".join(got) == b"one"
    assert src.listener_count("data") == 0
    assert dst.bytes_written == 3
    for s in (sender, receiver):
        s.destroy()
    server.close()


async def test_destination_paused_reading(loop):
    server, sender, receiver, src, dst = await _pair(loop)
    got = _collect(receiver)
    dst.pause()
    src.pipe(dst)
    for i in range(5):
        sender.write(b"x" * 100)
        await until(lambda n=(i + 1) * 100: sum(map(len, got)) == n)
    assert dst.is_paused()
    sender.end()
    await closed(receiver)
    assert sum(map(len, got)) == 500
    server.close()


async def test_destination_with_timeout_is_touched(loop):
    server, sender, receiver, src, dst = await _pair(loop)
    got = _collect(receiver)
    timeouts = []
    dst.set_timeout(150, lambda: timeouts.append(1))
    src.pipe(dst)
    for _ in range(6):
        sender.write(b"t")
        await asyncio.sleep(0.05)
    await until(lambda: len(got) and sum(map(len, got)) == 6)
    assert timeouts == []
    await until(lambda: timeouts == [1])
    for s in (sender, receiver):
        s.destroy()
    server.close()


async def test_second_data_listener_sees_every_chunk(loop):
    server, sender, receiver, src, dst = await _pair(loop)
    got = _collect(receiver)
    src.pipe(dst)
    sender.write(b"a")
    await until(lambda: b"".join(got) == b"a")
    seen = []
    src.on("data", seen.append)
    sender.write(b"b")
    await until(lambda: b"".join(got) == b"ab")
    assert b"".join(seen) == b"b"
    for s in (sender, receiver):
        s.destroy()
    server.close()


async def test_unpipe_mid_stream(loop):
    server, sender, receiver, src, dst = await _pair(loop)
    got = _collect(receiver)
    src.pipe(dst)
    sender.write(b"a")
    await until(lambda: b"".join(got) == b"a")
    src.unpipe(dst)
    assert src._pipe is None
    seen = []
    src.on("data", seen.append)
    sender.write(b"b")
    await until(lambda: seen == [b"b"])
    await asyncio.sleep(0.05)
    assert b"".join(got) == b"a"
    for s in (sender, receiver):
        s.destroy()
    server.close()


async def test_subclass_write_is_called(loop):
    calls = []

    class Counting(net.Socket):
        def write(self, data, encoding=None, callback=None):
            calls.append(data)
            return net.Socket.write(self, data, encoding, callback)

    conns = []
    server = await start_server(conns.append)
    port = server.address()["port"]
    sender = await connected(port)
    await until(lambda: len(conns) == 1)
    src = conns[0]
    dst = Counting()
    got = []
    target = await start_server(lambda s: s.on("data", got.append))
    dst.connect(target.address()["port"], "127.0.0.1")
    await until(lambda: not dst.connecting)
    src.pipe(dst)
    assert src._pipe is None
    sender.write(b"sub")
    await until(lambda: b"".join(got) == b"sub")
    assert b"".join(calls) == b"sub"
    sender.destroy()
    dst.destroy()
    server.close()
    target.close()


async def test_drain_listener_added_only_on_backpressure(loop):
    server, sender, receiver, src, dst = await _pair(loop)
    piped = []
    dst.on("pipe", piped.append)
    src.pipe(dst)
    assert piped == [src]
    assert dst.listener_count("drain") == 0
    receiver.pause()
    block = b"d" * 65536
    sent = await write_until_paused(sender, src, block)
    assert dst.listener_count("drain") == 1
    total = []
    receiver.on("data", lambda d: total.append(len(d)))
    receiver.resume()
    await until(lambda: sum(total) == sent, timeout=20.0)
    src.unpipe(dst)
    assert dst.listener_count("drain") == 0
    for s in (sender, receiver):
        s.destroy()
    server.close()


async def test_accepted_socket_takes_server_options(loop):
    conns = []
    server = await start_server(conns.append, allow_half_open=True, high_water_mark=1000,
                                keep_alive=True, keep_alive_initial_delay=2000)
    client = await connected(server.address()["port"])
    await until(lambda: len(conns) == 1)
    sock = conns[0]
    assert sock.allow_half_open is True
    assert sock.writable_high_water_mark == 1000
    assert sock._keep_alive is True and sock._keep_alive_delay == 2000
    assert sock.server is server
    assert sock.remote_port == client.local_port
    client.destroy()
    server.close()


async def test_accepted_socket_delivers_its_own_bytes_chunks(loop):
    """Every chunk is a bytes object of its own, whole and in order (no view of a reused
    read buffer)."""
    conns = []
    server = await start_server(conns.append)
    client = await connected(server.address()["port"])
    await until(lambda: len(conns) == 1)
    sock = conns[0]
    assert isinstance(sock, net.Socket)
    got = []
    sock.on("data", got.append)
    payload = bytes(range(256)) * 1024
    client.write(payload)
    await until(lambda: sum(map(len, got)) == len(payload))
    assert b"".join(got) == payload
    assert all(chunk.__class__ is bytes for chunk in got)
    client.destroy()
    server.close()
