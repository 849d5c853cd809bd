"""A platform without Unix domain sockets (CPython on Windows has no ``socket.AF_UNIX``),
simulated by taking nodenet's AF_UNIX away: TCP works, a path gives
ERR_FEATURE_UNAVAILABLE_ON_PLATFORM, for ``listen`` and for ``connect``."""

from __future__ import annotations

import asyncio

import nodenet.net as net
from nodenet.events import once


async def test_tcp_works_and_paths_fail_clearly(loop, twin, monkeypatch, tmp_path):
    monkeypatch.setattr(twin.socket, "AF_UNIX", None)
    monkeypatch.setattr(twin.server, "AF_UNIX", None)
    server = net.create_server(lambda c: c.pipe(c))
    server.listen(0, "127.0.0.1")
    await once(server, "listening")
    client = net.connect(server.address()["port"], "127.0.0.1")
    client.end(b"ping")
    (reply,) = await once(client, "data")
    assert reply == b"ping"
    server.close()

    unix = net.create_server()
    errors = []
    unix.on("error", errors.append)
    unix.listen(str(tmp_path / "s.sock"))
    await asyncio.sleep(0.05)
    assert [e.code for e in errors] == ["ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"]
    assert not (tmp_path / "s.sock").exists()

    client = net.connect(str(tmp_path / "s.sock"))
    client.on("error", errors.append)
    closed = loop.create_future()
    client.on("close", closed.set_result)
    assert await closed is True
    assert errors[1].code == "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"
