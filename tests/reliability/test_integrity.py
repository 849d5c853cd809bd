"""Data integrity: random-sized writes arrive byte-exact and in order through an echo server
and through a two-hop pipe() proxy; end() flushes everything before FIN."""

from __future__ import annotations

import asyncio
import random
import socket as pysocket

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rel_helpers import (
    echo,
    port_of,
    proxy_server,
    raw_client,
    read_until_eof,
    size,
    start_server,
    until,
)

import nodenet.net as net
from nodenet.events import once

EXAMPLES = size(20, 200)

pytestmark = [pytest.mark.heavy, pytest.mark.timeout(900 if EXAMPLES > 20 else 60)]

writes = st.lists(st.one_of(st.integers(0, 4096), st.integers(0, 1024 * 1024)),
                  min_size=1, max_size=12)
examples = settings(max_examples=EXAMPLES, deadline=None, derandomize=False,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


async def round_trip(port: int, sizes, seed: int, drain: bool) -> None:
    rng = random.Random(seed)
    chunks = [rng.randbytes(n) for n in sizes]
    client = net.connect(port, "127.0.0.1")
    got = []
    client.on("data", got.append)
    ended = once(client, "end")
    for chunk in chunks:
        if not client.write(chunk) and drain:
            await once(client, "drain")
    client.end()
    await ended
    received = b"".join(got)
    sent = b"".join(chunks)
    assert len(received) == len(sent)
    assert received == sent
    assert client.bytes_written == len(sent)


async def two_hop(port: int):
    """proxy A -> proxy B -> port; the two proxy servers."""
    inner = proxy_server(port)
    inner.listen(0, "127.0.0.1")
    await once(inner, "listening")
    outer = proxy_server(port_of(inner))
    outer.listen(0, "127.0.0.1")
    await once(outer, "listening")
    return outer, inner


@pytest.mark.parametrize("path", ["echo", "two-hop proxy"])
def test_random_writes_arrive_exact_and_in_order(loop, path):
    servers = [loop.run_until_complete(start_server(echo))]
    port = port_of(servers[0])
    if path == "two-hop proxy":
        outer, inner = loop.run_until_complete(two_hop(port))
        servers += [outer, inner]
        port = port_of(outer)

    @examples
    @given(sizes=writes, seed=st.integers(0, 2**32), drain=st.booleans())
    def check(sizes, seed, drain):
        loop.run_until_complete(asyncio.wait_for(round_trip(port, sizes, seed, drain), 20))

    check()

    async def close_all():
        for server in servers:
            server.close()
        await asyncio.wait_for(asyncio.gather(*(once(s, "close") for s in servers)), 10)
        assert all(s.connections == 0 for s in servers)

    loop.run_until_complete(close_all())


async def test_client_end_flushes_before_fin(loop):
    """Many MB written without waiting for 'drain', then end(): the peer reads every byte."""
    payload = random.Random(1).randbytes(8 * 1024 * 1024)
    raw = pysocket.create_server(("127.0.0.1", 0))
    raw.setblocking(False)
    client = net.connect(raw.getsockname()[1], "127.0.0.1")
    events = []
    for name in ("finish", "end", "close"):
        client.on(name, lambda *args, name=name: events.append(name))
    for start in range(0, len(payload), 100_000):
        client.write(payload[start:start + 100_000])
    client.end()
    peer, _ = await loop.sock_accept(raw)
    assert await read_until_eof(peer) == payload
    assert events == ["finish"]
    peer.close()
    raw.close()
    await until(lambda: "close" in events)
    assert events == ["finish", "end", "close"]


async def test_server_end_flushes_before_fin(loop):
    payload = random.Random(2).randbytes(8 * 1024 * 1024)

    def on_connection(socket):
        socket.write(payload[:1000])
        socket.end(payload[1000:])

    server = await start_server(on_connection)
    peer = await raw_client(port_of(server))
    assert await read_until_eof(peer) == payload
    peer.close()
    server.close()
    await once(server, "close")
