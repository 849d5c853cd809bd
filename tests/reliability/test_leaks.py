"""No leaks: many connect/send/close cycles leave RSS, fds and live Sockets near baseline."""

from __future__ import annotations

import asyncio
import gc
import sys
import warnings

import pytest
from rel_helpers import (
    FULL,
    closed,
    echo,
    live_sockets,
    open_fds,
    port_of,
    rss_bytes,
    size,
    start_server,
)

import nodenet.net as net
from nodenet.events import once

CYCLES = size(3000, 100000)
WARMUP = 300
BATCH = 50
#: RSS may grow by at most this much over the cycles (after a warm-up that fills the
#: allocator's pools): a leak of 100 bytes a cycle would show at the full size.
RSS_BOUND = (24 if FULL else 12) * 1024 * 1024
#: Open fds and live Socket objects must come back to their baseline (no slack).
FD_BOUND = 0
SOCKET_BOUND = 0

pytestmark = [pytest.mark.heavy, pytest.mark.timeout(900 if FULL else 60),
              pytest.mark.filterwarnings("error::ResourceWarning")]


async def cycle(port: int) -> None:
    """One client: connect, send, read the echo, end, wait for 'close'."""
    client = net.connect(port, "127.0.0.1")
    got = []
    client.on("data", got.append)
    client.end(b"ping")
    assert await closed(client) is False
    assert b"".join(got) == b"ping"


async def cycles(port: int, count: int) -> None:
    for start in range(0, count, BATCH):
        await asyncio.gather(*(cycle(port) for _ in range(min(BATCH, count - start))))


async def test_connect_send_close_cycles(loop):
    unraisable = []
    previous_hook = sys.unraisablehook
    sys.unraisablehook = unraisable.append
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", ResourceWarning)
            server = await start_server(echo)
            port = port_of(server)
            await cycles(port, WARMUP)
            await asyncio.sleep(0.05)
            gc.collect()
            fds, rss, sockets = open_fds(), rss_bytes(), live_sockets()

            await cycles(port, CYCLES)
            await asyncio.sleep(0.05)
            gc.collect()
            assert server.connections == 0
            assert open_fds() - fds <= FD_BOUND
            assert live_sockets() - sockets <= SOCKET_BOUND
            growth = rss_bytes() - rss
            assert growth <= RSS_BOUND, f"RSS grew {growth} bytes over {CYCLES} cycles"
            server.close()
            await once(server, "close")
            gc.collect()
    finally:
        sys.unraisablehook = previous_hook
    assert not unraisable, [u.exc_value for u in unraisable]
