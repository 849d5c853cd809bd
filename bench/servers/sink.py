"""Bulk sink: accepts connections and discards what they send (raw asyncio.Protocol).

Usage: python sink.py PORT [uvloop|asyncio]
net_bench.py measures proxy throughput with loadgen's own sink (bulk -S PORT), which
counts bytes at the far end in C; this script is the stand-alone equivalent for
manual runs (e.g. loadgen bulk against a proxy whose upstream is this sink).
"""

from __future__ import annotations

import asyncio
import resource
import sys


class Sink(asyncio.Protocol):
    received = 0

    def data_received(self, data: bytes) -> None:
        Sink.received += len(data)


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9001
    kind = sys.argv[2] if len(sys.argv) > 2 else "uvloop"
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if kind == "uvloop":
        import uvloop

        loop = uvloop.new_event_loop()
    else:
        loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(Sink, "127.0.0.1", port))
    try:
        loop.run_forever()
    finally:
        server.close()
        loop.close()


if __name__ == "__main__":
    main()
