"""Node's events benchmark grid for nodenet (compiled and pure), pyee, a plain loop and Node.

Cases follow nodejs/node benchmark/events: ``emit`` with 1/5/10 listeners and 0/2/4/10
arguments (ee-emit.js), ten listeners added then removed (ee-add-remove.js), ``once`` then
``emit`` on alternating names (ee-once.js), ``listener_count`` and ``listeners`` with ten
listeners (ee-listener-count.js, ee-listeners.js). Every result is nanoseconds per loop
iteration: the fastest of several rounds, each run sized to last about 100 ms (25 ms with
``--quick``); every round times every implementation, so noise hits all columns alike.
Node runs ``bench/events_bench.js``: the same cases and sizes, each case in a fresh
process as Node's own benchmark runner does.

The "plain" floor is the least a Python emitter can do: for ``emit``, an object whose
``emit`` is ``for f in self.fs: f(*args)``, called exactly as the emitters are; for
on+off and once+emit, an object whose methods are a C function that does nothing
(``{}.get``), so that its time is only CPython's cost of the calls themselves.

Usage: ``.venv/bin/python bench/events_bench.py [--quick] [--json FILE] [--no-node]``
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from nodenet import events as nodenet_events

HERE = os.path.dirname(os.path.abspath(__file__))

ARGS = {
    0: "",
    2: ", True, 5",
    4: ", True, 5, 10, False",
    10: ", True, 5, 10, False, 5, 'string', True, False, 11, 20",
}
MAX_N = 5_000_000

Runner = Callable[[int], None]


def listener(*args: Any) -> None:
    """A listener that accepts anything and does nothing."""


class PlainEmitter:
    """The floor: a Python ``emit`` that only loops over its listeners."""

    def __init__(self) -> None:
        self.fs: list[Callable[..., Any]] = []

    def on(self, event: Any, fn: Callable[..., Any]) -> "PlainEmitter":
        self.fs.append(fn)
        return self

    def emit(self, event: Any, *args: Any) -> bool:
        for f in self.fs:
            f(*args)
        return bool(self.fs)


def _compile_loop(body: str, env: dict[str, Any]) -> Runner:
    """A loop function ``run(n)`` whose body is ``body``, so calls are written out literally."""
    source = f"def run(n):\n    for i in range(n):\n        {body}\n"
    namespace: dict[str, Any] = dict(env)
    exec(compile(source, "<events_bench>", "exec"), namespace)  # noqa: S102 - fixed templates
    return namespace["run"]  # type: ignore[no-any-return]


class CallFloor:
    """The floor for on/off/once: methods that are a do-nothing C function."""

    def __init__(self) -> None:
        noop: Callable[..., Any] = {}.get
        self.on = self.remove_listener = self.once = self.emit = noop


def _implementations() -> dict[str, Callable[[], Any] | None]:
    impls: dict[str, Callable[[], Any] | None] = {
        "compiled": nodenet_events.CEventEmitter,
        "pure": nodenet_events.PyEventEmitter,
    }
    try:
        import pyee
    except ImportError:
        impls["pyee"] = None
    else:
        impls["pyee"] = pyee.EventEmitter
    impls["plain"] = PlainEmitter
    return impls


def _cases(name: str, factory: Callable[[], Any]) -> dict[str, Runner]:
    """Every case for one implementation, as ``run(n)`` functions."""
    cases: dict[str, Runner] = {}
    for count in (1, 5, 10):
        for argc, text in ARGS.items():
            ee = factory()
            for _ in range(count):
                ee.on("dummy", _make_listener())
            cases[f"emit listeners={count} args={argc}"] = _compile_loop(
                f"ee.emit('dummy'{text})", {"ee": ee}
            )
    fns = [_make_listener() for _ in range(10)]
    if name == "plain":
        factory = CallFloor
    ee = factory()
    cases["on+off 10 listeners"] = _compile_loop(
        "for f in backwards: ee.on('dummy', f)\n"
        "        for f in backwards: ee.remove_listener('dummy', f)",
        {"ee": ee, "backwards": fns[::-1]},
    )

    cases["once+emit"] = _compile_loop(
        "name = names[i & 1]\n        ee.once(name, listener)\n        ee.emit(name)",
        {"ee": factory(), "names": ("dummy0", "dummy1"), "listener": listener},
    )

    if name == "plain":
        return cases
    ee = factory()
    for fn in fns:
        ee.on("dummy", fn)
    count_call = "len(ee.listeners('dummy'))" if name == "pyee" else "ee.listener_count('dummy')"
    cases["listener_count 10 listeners"] = _compile_loop(count_call, {"ee": ee})
    cases["listeners 10 listeners"] = _compile_loop("ee.listeners('dummy')", {"ee": ee})
    return cases


def _make_listener() -> Callable[..., Any]:
    """A new listener like ``listener`` (pyee keeps one entry per distinct function)."""

    def fn(*args: Any) -> None:
        pass

    return fn


def _time(run: Runner, n: int) -> int:
    start = time.perf_counter_ns()
    run(n)
    return time.perf_counter_ns() - start


def calibrate(run: Runner, target_ns: float) -> int:
    """The iteration count that makes one timed run last about ``target_ns``."""
    n = 100
    elapsed = _time(run, n)
    while elapsed < target_ns / 10 and n < MAX_N:
        n = min(MAX_N, n * 10)
        elapsed = _time(run, n)
    return max(1, min(MAX_N, round(n * target_ns / max(elapsed, 1))))


def measure_all(
    runners: dict[str, dict[str, Runner]], target_ns: float, repeats: int
) -> dict[str, dict[str, float]]:
    """Fastest ns per iteration of every runner, over ``repeats`` rounds.

    Each round times every implementation once, so a noisy spell on a shared machine
    slows all of them rather than one column.
    """
    sizes = {
        (name, case): calibrate(run, target_ns)
        for name, cases in runners.items()
        for case, run in cases.items()
    }
    best = {key: float("inf") for key in sizes}
    for _ in range(repeats):
        for (name, case), n in sizes.items():
            best[name, case] = min(best[name, case], _time(runners[name][case], n) / n)
    return {
        name: {case: best[name, case] for case in cases} for name, cases in runners.items()
    }


def run_node(quick: bool) -> dict[str, float]:
    node = shutil.which("node")
    if node is None:
        return {}
    command = [node, os.path.join(HERE, "events_bench.js")] + (["--quick"] if quick else [])
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    results: dict[str, Any] = json.loads(done.stdout)
    meta = results.pop("_meta", {})
    results["_version"] = meta.get("node")
    return results


def _ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None:
        return "-"
    return f"{a / b:.2f}"


def _ns(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}" if value >= 100 else f"{value:.1f}"


def table(results: dict[str, dict[str, float]], node: dict[str, float]) -> str:
    """The results as a Markdown table: ns per iteration, then the ratios."""
    head = (
        "| case | compiled | pure | pyee | plain | node | compiled/plain | pure/plain "
        "| pyee/compiled | compiled/node | pure/node |"
    )
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for case in results["compiled"]:
        c = results["compiled"].get(case)
        p = results["pure"].get(case)
        e = results.get("pyee", {}).get(case)
        f = results["plain"].get(case)
        n = node.get(case)
        lines.append(
            f"| {case} | {_ns(c)} | {_ns(p)} | {_ns(e)} | {_ns(f)} | {_ns(n)} "
            f"| {_ratio(c, f)} | {_ratio(p, f)} | {_ratio(e, c)} | {_ratio(c, n)} "
            f"| {_ratio(p, n)} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="about 10 s instead of about a minute")
    parser.add_argument("--json", metavar="FILE", help="also write the raw numbers here")
    parser.add_argument("--no-node", action="store_true", help="skip Node's column")
    options = parser.parse_args(argv)
    target_ns = 25e6 if options.quick else 100e6
    repeats = 5 if options.quick else 7

    if nodenet_events.CEventEmitter is None:
        print("the compiled emitter is not built (setup.py build_ext)", file=sys.stderr)
        return 1
    started = time.perf_counter()
    runners = {
        name: _cases(name, factory)
        for name, factory in _implementations().items()
        if factory is not None
    }
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        results = measure_all(runners, target_ns, repeats)
    finally:
        if gc_was_enabled:
            gc.enable()
    node = {} if options.no_node else run_node(options.quick)
    node_version = node.pop("_version", None)
    print(
        f"nodenet events benchmark: Python {platform.python_version()}, "
        f"Node {node_version or '-'}, {os.cpu_count()} CPUs, "
        f"{'quick' if options.quick else 'full'} run, ns per iteration (lower is better)\n"
    )
    print(table(results, node))
    print(f"\n({time.perf_counter() - started:.0f} s)")
    if options.json:
        with open(options.json, "w") as out:
            raw = {"python": results, "node": node, "node_version": node_version}
            json.dump(raw, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
