"""Two-hop proxy on raw asyncio Protocols with flow control: the Python floor for
nodenet's examples/proxy.py.

Usage: python raw_proxy.py LISTEN_PORT UPSTREAM_HOST:PORT [uvloop|asyncio]
"""

from __future__ import annotations

import asyncio
import resource
import sys


class Half(asyncio.Protocol):
    """One side of a proxied connection; forwards to ``peer`` with backpressure."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.peer: Half | None = None
        self.pending: list = []
        self.eof = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        peer = self.peer
        if peer is not None and peer.transport is not None:
            peer.transport.write(data)
        else:
            self.pending.append(data)

    def eof_received(self) -> bool:
        peer = self.peer
        if peer is not None and peer.transport is not None and peer.transport.can_write_eof():
            peer.transport.write_eof()
        else:
            self.eof = True
        return True

    def pause_writing(self) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.pause_reading()

    def resume_writing(self) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.resume_reading()

    def connection_lost(self, exc: BaseException | None) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.close()


def main() -> None:
    port = int(sys.argv[1])
    up_host, up_port = sys.argv[2].rsplit(":", 1)
    kind = sys.argv[3] if len(sys.argv) > 3 else "uvloop"
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if kind == "uvloop":
        import uvloop

        loop = uvloop.new_event_loop()
    else:
        loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    class Client(Half):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            super().connection_made(transport)
            self.transport.pause_reading()  # type: ignore[union-attr]
            loop.create_task(self.open_upstream())

        async def open_upstream(self) -> None:
            try:
                _, up = await loop.create_connection(Half, up_host, int(up_port))
            except OSError:
                self.transport.close()  # type: ignore[union-attr]
                return
            up.peer, self.peer = self, up
            for chunk in self.pending:
                up.transport.write(chunk)  # type: ignore[union-attr]
            self.pending.clear()
            if self.eof:
                up.transport.write_eof()  # type: ignore[union-attr]
            if self.transport is not None and not self.transport.is_closing():
                self.transport.resume_reading()
            else:
                up.transport.close()  # type: ignore[union-attr]

    server = loop.run_until_complete(loop.create_server(Client, "127.0.0.1", port, backlog=511))
    try:
        loop.run_forever()
    finally:
        server.close()
        loop.close()


if __name__ == "__main__":
    main()
