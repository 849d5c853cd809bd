"""Socket.pipe(): forwarding, ending the destination, unpipe (backpressure: test_pipe_fast.py)."""

from __future__ import annotations

import asyncio
import os

from net_helpers import closed, connected, start_server, until

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


async def test_pipe_registers_through_a_subclass_on_and_remove_listener(loop):
    """Node's pipe calls ``src.on(...)`` and ``removeListener``: a subclass that overrides
    them sees the pipe's listeners come and go (a plain Socket's are added in C)."""
    calls = []

    class Tracing(net.Socket):
        def on(self, event, listener=None):
            calls.append(("on", event))
            return super().on(event, listener)

        def remove_listener(self, event, listener):
            calls.append(("off", event))
            return super().remove_listener(event, listener)

    server = await start_server(lambda s: s.pipe(s))
    client = Tracing()
    client.connect(server.address()["port"], "127.0.0.1")
    await until(lambda: client.ready_state == "open")
    sink = Tracing()
    client.pipe(sink)
    assert ("on", "data") in calls and ("on", "end") in calls and ("on", "close") in calls
    client.unpipe(sink)
    assert ("off", "data") in calls and ("off", "end") in calls
    client.end(b"x")
    await closed(client)
    server.close()


async def test_piped_to_itself_ends_through_a_subclass_end(loop):
    """At the source's 'end', pipe() ends the destination with ``dest.end()``: a subclass
    that overrides ``end`` sees that call also when it is piped to itself."""
    ended = []

    class Tracing(net.Socket):
        def end(self, *args, **kwargs):
            ended.append(self)
            return super().end(*args, **kwargs)

    def on_connection(sock):
        sock.resume()
        sock.end(b"bye")

    server = await start_server(on_connection)
    client = Tracing()
    client.pipe(client)
    client.connect(server.address()["port"], "127.0.0.1")
    await closed(client)
    assert ended == [client]
    server.close()
