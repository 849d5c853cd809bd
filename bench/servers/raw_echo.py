"""Raw asyncio.Protocol echo server: the floor any asyncio library pays.

Usage: python raw_echo.py PORT [uvloop|asyncio]   (default uvloop)
"""

from __future__ import annotations

import asyncio
import resource
import sys


class Echo(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.transport.write(data)  # type: ignore[attr-defined]


def raise_nofile() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
    kind = sys.argv[2] if len(sys.argv) > 2 else "uvloop"
    raise_nofile()
    if kind == "uvloop":
        import uvloop

        loop = uvloop.new_event_loop()
    else:
        loop = asyncio.new_event_loop()
        # asyncio's transport reads with recv(256 KiB) into a fresh bytes object and
        # shrinks it. In a process this small glibc serves that from mmap, so every read
        # costs mmap + mremap + munmap (measured: ~1/3 of the server's time). Freeing one
        # large block raises glibc's dynamic mmap threshold, as a bigger program's
        # history (nodenet's imports) already has, so this floor measures asyncio, not
        # the allocator.
        del_me = bytearray(4 << 20)
        del del_me
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(Echo, "127.0.0.1", port, backlog=511))
    try:
        loop.run_forever()
    finally:
        server.close()
        loop.close()


if __name__ == "__main__":
    main()
