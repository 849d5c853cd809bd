"""Instructions per connection or per request of an echo server, counted by callgrind.

    .venv/bin/python bench/instructions.py                       # nodenet pipe/data, raw
    .venv/bin/python bench/instructions.py --mode echo --baseline ../old-checkout

Runs each server under ``valgrind --tool=callgrind`` pinned to core 0, warms it up with
the load generator on core 1, zeroes the counters, applies a fixed load (N accepted
connections, or N echo requests of 64 bytes over 50 connections), dumps the counters and
prints user-space instructions per unit. Unlike the rates of net_bench.py, the count does
not move with other load on a shared machine (repeat runs agree to about 1%), so two
versions of nodenet can be compared when the machine is too noisy to time them. It counts
neither the kernel's work (see strace -c for syscalls) nor cache misses or stalls.

Needs valgrind (``callgrind_control``, ``callgrind_annotate``) and bench/build/loadgen
(built by net_bench.py). Every server started here is ended by its PID.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
LOADGEN = os.path.join(BENCH, "build", "loadgen")
PY = sys.executable

SERVERS = {
    "nodenet-pipe": [os.path.join(BENCH, "servers", "nodenet_echo.py"), "{port}", "pipe"],
    "nodenet-data": [os.path.join(BENCH, "servers", "nodenet_echo.py"), "{port}", "data"],
    "uvloop-raw": [os.path.join(BENCH, "servers", "raw_echo.py"), "{port}", "uvloop"],
}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def listening(port: int) -> bool:
    want = f":{port:04X} "
    with open("/proc/net/tcp") as f:
        return any(want in line and " 0A " in line for line in f)


def load(mode: str, port: int, count: int) -> None:
    if mode == "accept":
        args = ["accept", "-p", str(port), "-i", "16", "-a", "16"]
    else:
        args = ["echo", "-p", str(port), "-c", "50", "-s", "64"]
    subprocess.run(
        ["taskset", "-c", "1", LOADGEN, *args, "-d", "300", "-w", "0", "-n", str(count)],
        check=True, stdout=subprocess.DEVNULL, timeout=600,
    )


def count(server: str, mode: str, n: int, pythonpath: str | None) -> float:
    """Instructions per unit of ``mode`` for one server."""
    port = free_port()
    out_dir = tempfile.mkdtemp(prefix="callgrind-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NODENET_")}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    argv = [a.format(port=port) for a in SERVERS[server]]
    proc = subprocess.Popen(
        ["taskset", "-c", "0", "valgrind", "--tool=callgrind",
         f"--callgrind-out-file={out_dir}/cg.out.%p", PY, *argv],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not listening(port):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{server} did not start under valgrind")
            time.sleep(0.2)
        load(mode, port, 300 if mode == "accept" else 2000)
        subprocess.run(["callgrind_control", "-z", str(proc.pid)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        load(mode, port, n)
        subprocess.run(["callgrind_control", "-d", str(proc.pid)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
    try:
        dumps = [p for p in glob.glob(f"{out_dir}/cg.out.{proc.pid}.*") if p[-2:] != ".0"]
        if not dumps:
            raise RuntimeError(f"no callgrind dump for {server}")
        text = subprocess.run(["callgrind_annotate", max(dumps, key=os.path.getmtime)],
                              capture_output=True, text=True, check=True).stdout
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    match = re.search(r"([\d,]+)\s+(?:\([\d.]+%\)\s+)?PROGRAM TOTALS", text)
    if match is None:
        raise RuntimeError("no totals in callgrind's output")
    return int(match.group(1).replace(",", "")) / n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mode", choices=("accept", "echo"), default="accept")
    ap.add_argument("-n", type=int, default=None, help="connections (2000) or requests (20000)")
    ap.add_argument("--servers", default="nodenet-pipe,nodenet-data,uvloop-raw")
    ap.add_argument("--baseline", metavar="TREE", help="also count nodenet from this checkout")
    args = ap.parse_args(argv)
    n = args.n or (2000 if args.mode == "accept" else 20000)
    unit = "connection" if args.mode == "accept" else "request"
    runs: dict[str, str | None] = {}
    for server in args.servers.split(","):
        if server not in SERVERS:
            ap.error(f"unknown server {server!r}: one of {', '.join(SERVERS)}")
        runs[server] = None
        if args.baseline and server.startswith("nodenet"):
            tree = os.path.abspath(args.baseline)
            src = os.path.join(tree, "src")
            runs[server + "@base"] = src if os.path.isdir(src) else tree
    results = {}
    for name, path in runs.items():
        results[name] = count(name.split("@")[0], args.mode, n, path)
        print(f"{name:20} {results[name]:9,.0f} instructions per {unit}", flush=True)
    for name in runs:
        if name.endswith("@base"):
            now = results[name.split("@")[0]]
            print(f"{name.split('@')[0]:20} {now / results[name]:.3f}x the baseline's count")
    return 0


if __name__ == "__main__":
    sys.exit(main())
