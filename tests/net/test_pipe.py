"""Socket.pipe(): forwarding with backpressure, ending the destination."""

from __future__ import annotations

import asyncio
import hashlib
import os

from net_helpers import closed, connected, start_server, until, write_until_paused

import nodenet.net as net


async def test_echo_with_pipe(loop):
    server = await start_server(lambda s: s.pipe(s))
    client = await connected(server.address()["port"])
    payload = os.urandom(3 * 1024 * 1024)
    got = []
    client.on("data", got.append)
    client.end(payload)
    await closed(client)
    assert b"".join(got) == payload
    server.close()


async def test_pipe_returns_destination_and_ends_it(loop):
    conns = []
    server = await start_server(conns.append)
    port = server.address()["port"]
    a = await connected(port)
    b = await connected(port)
    await until(lambda: len(conns) == 2)
    src, dst = conns
    assert src.pipe(dst) is dst
    received = []
    b.on("data", received.append)
    a.end(b"through the pipe")
    await closed(b)
    assert b"".join(received) == b"through the pipe"
    server.close()


async def test_pipe_end_false_keeps_destination_open(loop):
    conns = []
    server = await start_server(conns.append)
    port = server.address()["port"]
    a = await connected(port)
    b = await connected(port)
    await until(lambda: len(conns) == 2)
    src, dst = conns
    src.pipe(dst, end=False)
    received = []
    b.on("data", received.append)
    a.end(b"one")
    await until(lambda: src.readable_ended)
    await asyncio.sleep(0.05)
    assert dst.writable
    dst.end(b" two")
    await closed(b)
    assert b"".join(received) == b"one two"
    server.close()


async def test_pipe_backpressure_pauses_source(loop):
    conns = []
    server = await start_server(conns.append)
    port = server.address()["port"]
    sender = await connected(port)
    receiver = await connected(port)
    await until(lambda: len(conns) == 2)
    src, dst = conns
    receiver.pause()
    src.pipe(dst)
    block = b"p" * 65536
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
    for s in (sender, receiver):
        s.destroy()
    server.close()


async def test_unpipe(loop):
    conns = []
    server = await start_server(conns.append)
    port = server.address()["port"]
    a = await connected(port)
    b = await connected(port)
    await until(lambda: len(conns) == 2)
    src, dst = conns
    src.pipe(dst)
    src.unpipe(dst)
    assert src.listener_count("data") == 0
    a.destroy()
    b.destroy()
    server.close()
    _ = net
