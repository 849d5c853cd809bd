"""nodenet soak: the full-size reliability runs, printing what they measured.

    .venv/bin/python bench/soak.py                  # full: 10,000 connections, 100,000
                                                    # cycles, 4 GiB through a proxy
    .venv/bin/python bench/soak.py --quick          # small sizes, a smoke run
    NODENET_NO_UVLOOP=1 .venv/bin/python bench/soak.py   # on the standard asyncio loop

Three phases, each on one fresh loop of nodenet's default kind:

- scale: N clients (a child process, so fds do not cap N) connect to a nodenet echo
  server, all held open at once, echo 16 bytes each, then all close; run twice (or
  --scale-rounds N), so memory the allocator keeps after a peak is told apart from a leak
  (later rounds must level off, not grow by the same amount each time);
- cycles: connect / send / read echo / end / close, 50 at a time, after a warm-up; RSS,
  open fds and live Socket objects before and after;
- proxy: one client streams bytes through a nodenet pipe() proxy to a nodenet sink,
  honouring 'drain'; the sink's SHA-256 must equal the sender's.

Only 127.0.0.1 is used; every phase is bounded in time; the child is ended by its PID.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import hashlib
import json
import os
import resource
import sys
import time
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src"))

import nodenet  # noqa: E402
import nodenet.net as net  # noqa: E402
from nodenet import _loop  # noqa: E402
from nodenet.events import once  # noqa: E402

MiB = 1024 * 1024


def rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def live_sockets() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, net.Socket))


def snapshot() -> dict[str, int]:
    gc.collect()
    return {"rss": rss(), "fds": fds(), "sockets": live_sockets()}


async def start_server(listener: Any, **options: Any) -> Any:
    server = net.create_server(listener, **options)
    server.listen(0, "127.0.0.1")
    await once(server, "listening")
    return server


def echo(socket: Any) -> None:
    socket.on("error", lambda err: None)
    socket.pipe(socket)


async def close_server(server: Any) -> None:
    server.close()
    await asyncio.wait_for(once(server, "close"), 60)


# scale

#: The client side of the scale phase, shared with tests/reliability/test_scale.py.
SCALE_CLIENT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "tests", "reliability", "scale_client.py")

async def phase_scale(count: int) -> dict[str, Any]:
    accepted: list[Any] = []
    before = snapshot()
    server = await start_server(lambda s: (accepted.append(s), echo(s)))
    started = time.perf_counter()
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        SCALE_CLIENT,
        str(server.address()["port"]),
        str(count),
        "600",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        line = await asyncio.wait_for(child.stdout.readline(), 600)  # type: ignore[union-attr]
        opened = time.perf_counter() - started
        assert line == b"open %d\n" % count, line
        peak = {"connections": server.connections, "rss": rss(), "fds": fds()}
        assert peak["connections"] == count
        child.stdin.write(b"close\n")  # type: ignore[union-attr]
        await child.stdin.drain()  # type: ignore[union-attr]
        deadline = time.monotonic() + 120
        while server.connections and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        assert server.connections == 0
        await asyncio.wait_for(child.stdout.readline(), 120)  # type: ignore[union-attr]
        await asyncio.wait_for(child.wait(), 60)
    finally:
        if child.returncode is None:
            child.kill()
            await child.wait()
    total = time.perf_counter() - started
    await close_server(server)
    accepted.clear()
    after = snapshot()
    return {
        "connections": count,
        "open_s": opened,
        "total_s": total,
        "before": before,
        "peak": peak,
        "after": after,
    }


# cycles


async def cycle(port: int) -> None:
    client = net.connect(port, "127.0.0.1")
    got: list[bytes] = []
    client.on("data", got.append)
    done = asyncio.get_running_loop().create_future()
    client.on("close", lambda had_error: done.set_result(had_error))
    client.end(b"ping")
    assert await done is False
    assert b"".join(got) == b"ping"


async def cycles(port: int, count: int, batch: int = 50) -> None:
    for start in range(0, count, batch):
        await asyncio.gather(*(cycle(port) for _ in range(min(batch, count - start))))


async def phase_cycles(count: int) -> dict[str, Any]:
    server = await start_server(echo)
    port = server.address()["port"]
    await cycles(port, 1000)
    await asyncio.sleep(0.05)
    before = snapshot()
    started = time.perf_counter()
    await cycles(port, count)
    elapsed = time.perf_counter() - started
    await asyncio.sleep(0.05)
    after = snapshot()
    assert server.connections == 0
    await close_server(server)
    return {
        "cycles": count,
        "seconds": elapsed,
        "per_second": count / elapsed,
        "before": before,
        "after": after,
    }


# proxy


def proxy_server(upstream_port: int) -> Any:
    def on_connection(client: Any) -> None:
        upstream = net.connect(upstream_port, "127.0.0.1")
        client.pipe(upstream)
        upstream.pipe(client)
        client.on("error", lambda err: upstream.destroy())
        upstream.on("error", lambda err: client.destroy())
        client.on("close", lambda had_error: upstream.destroy() if had_error else None)
        upstream.on("close", lambda had_error: client.destroy() if had_error else None)

    return net.create_server(on_connection, allow_half_open=True)


async def phase_proxy(total: int) -> dict[str, Any]:
    received = {"bytes": 0, "hash": hashlib.sha256()}

    def sink(socket: Any) -> None:
        def on_data(chunk: bytes) -> None:
            received["bytes"] += len(chunk)
            received["hash"].update(chunk)

        socket.on("data", on_data)
        socket.on("end", lambda: socket.end(received["hash"].hexdigest().encode()))

    upstream = await start_server(sink)
    proxy = proxy_server(upstream.address()["port"])
    proxy.listen(0, "127.0.0.1")
    await once(proxy, "listening")
    before = snapshot()
    peak_rss = before["rss"]
    client = net.connect(proxy.address()["port"], "127.0.0.1")
    reply: list[bytes] = []
    client.on("data", reply.append)
    ended = once(client, "end")
    await once(client, "connect")
    sent_hash = hashlib.sha256()
    block = os.urandom(64 * 1024)
    started = time.perf_counter()
    sent = 0
    index = 0
    while sent < total:
        chunk = index.to_bytes(8, "little") + block[8:]
        index += 1
        sent_hash.update(chunk)
        sent += len(chunk)
        if not client.write(chunk):
            await once(client, "drain")
            if index % 256 == 0:
                peak_rss = max(peak_rss, rss())
    client.end()
    await asyncio.wait_for(ended, 300)
    elapsed = time.perf_counter() - started
    assert b"".join(reply).decode() == sent_hash.hexdigest(), "proxy stream corrupted"
    assert received["bytes"] == sent
    del client, ended
    await asyncio.sleep(0.05)
    await close_server(proxy)
    await close_server(upstream)
    after = snapshot()
    return {
        "bytes": sent,
        "seconds": elapsed,
        "MiB_per_s": sent / MiB / elapsed,
        "sha256_equal": True,
        "before": before,
        "peak_rss": peak_rss,
        "after": after,
    }


def show(name: str, result: dict[str, Any]) -> None:
    def mib(n: int) -> str:
        return f"{n / MiB:.1f} MiB"

    before, after = result["before"], result["after"]
    print(f"\n## {name}")
    for key, value in result.items():
        if key in ("before", "after"):
            continue
        if key == "peak":
            value = {k: mib(v) if k == "rss" else v for k, v in value.items()}
        elif key == "peak_rss":
            value = mib(value)
        elif isinstance(value, float):
            value = f"{value:.2f}"
        print(f"  {key}: {value}")
    print(
        f"  RSS before/after: {mib(before['rss'])} / {mib(after['rss'])} "
        f"({(after['rss'] - before['rss']) / MiB:+.1f} MiB)"
    )
    print(f"  fds before/after: {before['fds']} / {after['fds']}")
    print(f"  live Socket objects before/after: {before['sockets']} / {after['sockets']}")


async def main(args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for round_ in range(1, args.scale_rounds + 1):
        key = "scale" if round_ == 1 else f"scale_{round_}"
        results[key] = await phase_scale(args.connections)
        show(f"{key}: {args.connections} concurrent connections", results[key])
    results["cycles"] = await phase_cycles(args.cycles)
    show(f"cycles: {args.cycles} connect/send/close", results["cycles"])
    results["proxy"] = await phase_proxy(args.proxy_mib * MiB)
    show(f"proxy: {args.proxy_mib} MiB through a pipe() proxy", results["proxy"])
    return results


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes")
    parser.add_argument("--connections", type=int)
    parser.add_argument("--scale-rounds", type=int, default=2,
                        help="scale phases in a row (RSS after each shows retention vs leak)")
    parser.add_argument("--cycles", type=int)
    parser.add_argument("--proxy-mib", type=int)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    quick = {"connections": 1000, "cycles": 3000, "proxy_mib": 64}
    full = {"connections": 10000, "cycles": 100000, "proxy_mib": 4096}
    for key, value in (quick if args.quick else full).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    print(
        f"nodenet soak: loop={_loop.LOOP_IMPLEMENTATION} "
        f"emitter={nodenet.events.IMPLEMENTATION} python={sys.version.split()[0]} "
        f"RLIMIT_NOFILE={hard}"
    )
    loop = _loop.new_loop()
    started = time.perf_counter()
    results = loop.run_until_complete(main(args))
    loop.close()
    results["wall_s"] = time.perf_counter() - started
    results["loop"] = _loop.LOOP_IMPLEMENTATION
    results["emitter"] = nodenet.events.IMPLEMENTATION
    print(f"\nwall time: {results['wall_s']:.1f} s")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    cli()
