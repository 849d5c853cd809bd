"""Ends connections from inside every listener, with every ending, under concurrency.

    python listener_matrix.py TOTAL PARALLEL

For each (side, event, action): TOTAL connections to a nodenet server on 127.0.0.1,
PARALLEL at a time (a new one starts as one closes), where the client or the server
socket runs ``action`` (destroy, destroy(err), reset_and_destroy, end, ...) inside its
``event`` listener. The exchange, unless an action cuts it short: the client writes
``ping``, the server answers ``pong``, the client ends, the server ends back. Runs on the
loop nodenet chooses (NODENET_NO_UVLOOP=1: the standard one). Prints each combination
before it runs (stderr, flushed) so that a crash names it; a combination whose
connections do not all close within its time limit, or whose action never ran, is a
failure. Last line: ``matrix ok N combinations, M connections``.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from typing import Any

import nodenet.net as net
from nodenet import _loop

ACTIONS: dict[str, Callable[[Any], Any]] = {
    "destroy": lambda s: s.destroy(),
    "destroy_err": lambda s: s.destroy(RuntimeError("matrix")),
    "reset": lambda s: s.reset_and_destroy(),
    "end": lambda s: s.end(),
    "end_data": lambda s: s.end(b"bye"),
    "destroy_soon": lambda s: s.destroy_soon(),
    "write_destroy": lambda s: (s.write(b"x"), s.destroy()),
    "pause_destroy": lambda s: (s.pause(), s.destroy()),
}

#: The events each side's socket emits in the exchange (with a delay where one is needed).
CLIENT_EVENTS = ("lookup", "connect", "ready", "drain", "data", "finish", "end", "timeout",
                 "close")
SERVER_EVENTS = ("connection", "data", "finish", "end", "timeout", "close")

#: One combination's time limit, in seconds.
LIMIT = 20.0
#: How long the peer of a side waiting for 'timeout' stays quiet, in seconds.
QUIET = 0.02


def noop(*args: Any) -> None:
    pass


async def combination(side: str, event: str, action: Callable[[Any], Any], total: int,
                      parallel: int) -> int:
    """Runs ``total`` connections; returns how many times ``action`` ran."""
    loop = asyncio.get_running_loop()
    counts = {"started": 0, "closed": 0, "acted": 0}
    done = loop.create_future()
    accepted: list[Any] = []

    def act(sock: Any) -> None:
        counts["acted"] += 1
        action(sock)

    def on_connection(sock: Any) -> None:
        accepted.append(sock)
        sock.on("error", noop)
        if side == "server":
            if event == "connection":
                act(sock)
            elif event == "timeout":
                sock.set_timeout(1)
            if event not in ("connection", "timeout"):
                sock.once(event, lambda *args: act(sock))
            elif event == "timeout":
                sock.once("timeout", lambda: act(sock))

        def on_data(data: Any) -> None:
            if side == "client" and event == "timeout":
                loop.call_later(QUIET, lambda: sock.destroyed or sock.write(b"pong"))
            elif not sock.destroyed and sock.writable:
                sock.write(b"pong")

        sock.on("data", on_data)

    server = net.create_server(on_connection)
    server.on("error", noop)
    listening = loop.create_future()
    server.listen(0, "127.0.0.1", lambda: listening.set_result(None))
    await listening
    port = server.address()["port"]

    def launch() -> None:
        counts["started"] += 1
        host = "localhost" if event == "lookup" else "127.0.0.1"
        options: dict[str, Any] = {"port": port, "host": host}
        if event == "drain":
            options["highWaterMark"] = 1
        client = net.connect(options)
        client.on("error", noop)
        client.on("close", on_close)
        if side == "client":
            client.once(event, lambda *args: act(client))
            if event == "timeout":
                client.set_timeout(1)

        if event == "drain":  # queued before the connect: over the mark, 'drain' follows
            client.write(b"ping")

        def on_connect() -> None:
            if event == "drain":
                return
            if side == "server" and event == "timeout":
                loop.call_later(QUIET, lambda: client.destroyed or client.write(b"ping"))
            elif not client.destroyed:
                client.write(b"ping")

        client.once("connect", on_connect)
        client.on("data", lambda data: client.writable and client.end())

    def on_close(*args: Any) -> None:
        counts["closed"] += 1
        if counts["started"] < total:
            launch()
        elif counts["closed"] == total and not done.done():
            done.set_result(None)

    for _ in range(min(parallel, total)):
        launch()
    try:
        await asyncio.wait_for(done, LIMIT)
        deadline = loop.time() + LIMIT
        while any(not sock.destroyed for sock in accepted) and loop.time() < deadline:
            await asyncio.sleep(0.01)
        left = [sock for sock in accepted if not sock.destroyed]
        if left:
            raise AssertionError(f"{len(left)} accepted sockets still open")
    finally:
        closed = loop.create_future()
        server.close(lambda *args: closed.set_result(None))
        for sock in accepted:
            sock.destroy()
        await asyncio.wait_for(closed, LIMIT)
    return counts["acted"]


async def main(total: int, parallel: int) -> None:
    combos: list[tuple[str, str, str]] = [
        (side, event, name)
        for side, names in (("client", CLIENT_EVENTS), ("server", SERVER_EVENTS))
        for event in names
        for name in ACTIONS
    ]
    failures: list[str] = []
    for side, event, name in combos:
        label = f"{side} {event} {name}"
        print(label, file=sys.stderr, flush=True)
        try:
            acted = await combination(side, event, ACTIONS[name], total, parallel)
        except (AssertionError, asyncio.TimeoutError) as exc:
            failures.append(f"{label}: {exc!r}")
            continue
        if not acted:
            failures.append(f"{label}: the action never ran")
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"matrix ok {len(combos)} combinations, {len(combos) * total} connections")


if __name__ == "__main__":
    loop = _loop.new_loop()
    loop.run_until_complete(main(int(sys.argv[1]), int(sys.argv[2])))
    loop.close()
