"""nodenet.stream against Node's streams on the same cases, side by side in one run.

Cases: a Readable's ``push`` to a 'data' listener (64 B), a Writable's ``write`` with a
callback (64 B), three Transforms piped in a chain (64 B), ``pipeline`` through three
PassThroughs (64 B), object mode ``push`` to 'data', and 64 KiB chunks through a
PassThrough. Each case reports nanoseconds per chunk, the best of several rounds, for
nodenet (every implementation this installation has) and for Node (``bench/stream_bench.js``,
each case in a fresh process), and the ratio nodenet / Node (above 1: slower than Node).

Usage: ``.venv/bin/python bench/stream_bench.py [--quick] [--no-node]``
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))

SMALL = b"x" * 64
BIG = b"x" * 65536

#: chunks per round: (full, quick)
SIZES = {
    "readable_push_data": (100_000, 20_000),
    "writable_write_cb": (100_000, 20_000),
    "transform_chain": (30_000, 6_000),
    "pipeline_3_passthrough": (30_000, 6_000),
    "object_mode": (100_000, 20_000),
    "bytes_64k": (20_000, 4_000),
}


def counter(n: int, done: Callable[[], None]) -> Callable[[Any], None]:
    """A 'data' listener or write callback (one argument, as in every case) that calls
    ``done()`` at its ``n``-th call."""
    seen = [0]

    def count(_arg: Any = None) -> None:
        seen[0] += 1
        if seen[0] == n:
            done()

    return count


def cases(stream: Any) -> dict[str, Callable[[int, Callable[[], None]], None]]:
    """The cases over a ``nodenet.stream`` module."""
    Readable, Writable = stream.Readable, stream.Writable
    Transform, PassThrough, pipeline = stream.Transform, stream.PassThrough, stream.pipeline

    def readable_push_data(n: int, done: Callable[[], None]) -> None:
        r = Readable(read=lambda size: None)
        r.on("data", counter(n, done))
        for _ in range(n):
            r.push(SMALL)

    def writable_write_cb(n: int, done: Callable[[], None]) -> None:
        w = Writable(write=lambda c, e, cb: cb())
        cb = counter(n, done)
        for _ in range(n):
            w.write(SMALL, cb)

    def transform_chain(n: int, done: Callable[[], None]) -> None:
        def t() -> Any:
            return Transform(transform=lambda c, e, cb: cb(None, c))

        a, b, c = t(), t(), t()
        c.on("data", counter(n, done))
        a.pipe(b).pipe(c)
        for _ in range(n):
            a.write(SMALL)

    def source(n: int, chunk: bytes) -> Any:
        count = [0]

        def read(size: Any) -> None:
            count[0] += 1
            src.push(chunk if count[0] <= n else None)

        src = Readable(read=read)
        return src

    def pipeline_3_passthrough(n: int, done: Callable[[], None]) -> None:
        sink = Writable(write=lambda c, e, cb: cb())
        pipeline(source(n, SMALL), PassThrough(), PassThrough(), PassThrough(), sink,
                 lambda err=None: done())

    def object_mode(n: int, done: Callable[[], None]) -> None:
        r = Readable(object_mode=True, read=lambda size: None)
        r.on("data", counter(n, done))
        for i in range(n):
            r.push({"i": i})

    def bytes_64k(n: int, done: Callable[[], None]) -> None:
        sink = Writable(write=lambda c, e, cb: cb())
        pipeline(source(n, BIG), PassThrough(), sink, lambda err=None: done())

    return {f.__name__: f for f in (readable_push_data, writable_write_cb, transform_chain,
                                    pipeline_3_passthrough, object_mode, bytes_64k)}


def family_stream(name: str) -> Any:
    """A ``nodenet.stream``-like namespace over the classes of implementation ``name``."""
    import types

    import nodenet.stream
    from nodenet import _impl

    family = _impl.load(name)
    return types.SimpleNamespace(
        Readable=family.readable.Readable, Writable=family.writable.Writable,
        Transform=family.transform.Transform, PassThrough=family.transform.PassThrough,
        pipeline=nodenet.stream.pipeline)


def run_python(family: str, name: str, n: int, rounds: int) -> float:
    """ns per chunk of case ``name`` on nodenet's implementation ``family``, the best of
    ``rounds``."""
    from nodenet import _loop

    case = cases(family_stream(family))[name]
    loop = _loop.get_loop()
    best = float("inf")
    for _ in range(rounds):
        finished: asyncio.Future[None] = loop.create_future()
        start = time.perf_counter_ns()
        case(n, lambda f=finished: f.done() or f.set_result(None))
        loop.run_until_complete(finished)
        best = min(best, (time.perf_counter_ns() - start) / n)
    return best


def run_node(name: str, n: int, rounds: int) -> float | None:
    node = shutil.which("node")
    if node is None:
        return None
    out = subprocess.run([node, os.path.join(HERE, "stream_bench.js"), name, str(n),
                          str(rounds)], capture_output=True, text=True, check=True)
    return float(json.loads(out.stdout)["ns"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer rounds")
    parser.add_argument("--no-node", action="store_true", help="skip Node")
    args = parser.parse_args(argv)
    from nodenet import _impl

    rounds = 3 if args.quick else 5
    node = shutil.which("node")
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip() \
        if node else "(absent)"
    families = _impl.available()
    print(f"nodenet.stream vs Node {version}, Python {sys.version.split()[0]}; ns per chunk, "
          f"best of {rounds}")
    header = "".join(f"{name:>10}" for name in families)
    ratios = "".join(f"{name + '/node':>13}" for name in families)
    speedup = f"{'python/cython':>14}" if len(families) == 2 else ""
    print(f"{'case':<24}{header}{'node':>10}{ratios}{speedup}")
    for case, (full, quick) in SIZES.items():
        n = quick if args.quick else full
        ours = [run_python(name, case, n, rounds) for name in families]
        theirs = None if args.no_node else run_node(case, n, rounds)
        row = "".join(f"{ns:>10,.0f}" for ns in ours)
        row += f"{theirs:>10,.0f}" if theirs else f"{'-':>10}"
        row += "".join(f"{ns / theirs:>12.1f}x" if theirs else f"{'-':>13}" for ns in ours)
        if len(ours) == 2:
            row += f"{ours[1] / ours[0]:>13.1f}x"
        print(f"{case:<24}{row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
