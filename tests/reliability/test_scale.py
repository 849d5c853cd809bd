"""Scale: N concurrent connections accepted, echoed and closed; get_connections exact."""

from __future__ import annotations

import asyncio
import sys

import pytest
from rel_helpers import HERE, connection_count, echo, port_of, size, start_server, until

from nodenet.events import once

N = size(1000, 10000)

pytestmark = [pytest.mark.heavy, pytest.mark.timeout(300 if N > 1000 else 30)]


async def test_concurrent_connections(loop):
    """N clients (a subprocess, so fds do not cap N) connect at once, echo, then all close."""
    accepted = []
    counts_at_accept = []
    counts_at_close = []

    def on_connection(socket):
        accepted.append(socket)
        counts_at_accept.append((len(accepted), server.connections))
        socket.on("close", lambda _: counts_at_close.append(server.connections))
        echo(socket)

    server = await start_server(on_connection)
    client = await asyncio.create_subprocess_exec(
        sys.executable, str(HERE / "scale_client.py"), str(port_of(server)), str(N),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    try:
        line = await asyncio.wait_for(client.stdout.readline(), 240)
        assert line == b"open %d\n" % N
        assert len(accepted) == N
        assert all(seen == expected for expected, seen in counts_at_accept)
        assert server.connections == N
        assert await connection_count(server) == N
        assert not any(s.destroyed for s in accepted)

        client.stdin.write(b"close\n")
        await client.stdin.drain()
        await until(lambda: len(counts_at_close) == N, 60, "every server socket closed")
        assert counts_at_close == sorted(counts_at_close, reverse=True)
        assert counts_at_close[-1] == 0
        assert await connection_count(server) == 0
        assert await asyncio.wait_for(client.stdout.readline(), 60) == b"closed\n"
        assert await asyncio.wait_for(client.wait(), 30) == 0
    finally:
        if client.returncode is None:
            client.kill()
            await client.wait()
    server.close()
    await once(server, "close")
    assert sum(s.bytes_read for s in accepted) == 16 * N
