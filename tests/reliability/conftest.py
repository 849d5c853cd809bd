"""Reliability tests: every test on uvloop and on the standard asyncio loop, bounded in time.

Sizes are bounded for CI; ``NODENET_FULL=1`` selects the full sizes (tests that change
size carry the ``heavy`` marker). ``async def`` tests run on the ``loop`` fixture with a
time limit; anything handed to the loop's exception handler that a test did not take out
of ``loop.errors`` fails it.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import os
import sys
from typing import Any, List

import pytest

from nodenet import _loop

TEST_TIMEOUT = 30.0


def pytest_configure(config: Any) -> None:
    config.addinivalue_line(
        "markers", "heavy: a load test whose size grows under NODENET_FULL=1")


def _new_loop(kind: str) -> asyncio.AbstractEventLoop:
    if kind == "uvloop":
        uvloop = pytest.importorskip("uvloop")
        return uvloop.new_event_loop()  # type: ignore[no-any-return]
    return asyncio.new_event_loop()


@pytest.fixture(params=["uvloop", "asyncio"])
def loop_kind(request: Any) -> str:
    """The loop implementation a test runs on."""
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def loop(loop_kind: str) -> Any:
    """A fresh loop, also nodenet's default loop for the test (so ``nodenet.run()`` uses it)."""
    loop = _new_loop(loop_kind)
    errors: List[dict] = []

    def record(loop: Any, context: dict) -> None:
        errors.append(context)

    loop.set_exception_handler(record)
    loop.errors = errors  # type: ignore[attr-defined]
    loop.kind = loop_kind  # type: ignore[attr-defined]
    previous = _loop._default_loop
    _loop._default_loop = loop
    try:
        yield loop
    finally:
        _loop._default_loop = previous
        try:
            for _ in range(5):
                loop.run_until_complete(asyncio.sleep(0))
            tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in tasks:
                task.cancel()
            if tasks:
                loop.run_until_complete(asyncio.wait(tasks, timeout=5))
                stuck = [t for t in tasks if not t.done()]
                assert not stuck, f"tasks that ignore cancellation: {stuck!r}"
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
            gc.collect()
    unexpected = [c.get("exception") or c.get("message") for c in errors]
    assert not unexpected, f"the loop's exception handler was called: {unexpected!r}"


@pytest.fixture(scope="session", autouse=True)
def _raise_nofile() -> None:
    """Room for many sockets: the soft RLIMIT_NOFILE raised to the hard one (POSIX)."""
    try:
        import resource
    except ImportError:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    for want in (hard, 65536, 10240):
        if want == resource.RLIM_INFINITY or want <= soft or (hard != resource.RLIM_INFINITY
                                                               and want > hard):
            continue
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
            return
        except (ValueError, OSError):
            continue


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: Any) -> Any:
    """Run ``async def`` tests to completion on their ``loop`` fixture, with a time limit."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    funcargs = pyfuncitem.funcargs
    loop = funcargs["loop"]
    kwargs = {name: funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    marker = pyfuncitem.get_closest_marker("timeout")
    limit = marker.args[0] * 0.9 if marker and marker.args else TEST_TIMEOUT
    loop.run_until_complete(asyncio.wait_for(pyfuncitem.obj(**kwargs), limit))
    return True


def pytest_collection_modifyitems(items: List[Any]) -> None:
    for item in items:
        if inspect.iscoroutinefunction(getattr(item, "obj", None)) and \
                "loop" not in item.fixturenames:
            raise pytest.UsageError(
                f"{item.nodeid}: async reliability tests must take the loop fixture")


@pytest.fixture
def run_script(loop_kind: str) -> Any:
    """Run a Python script in a subprocess on this test's loop kind; its CompletedProcess."""
    import subprocess

    def run(source: str, *args: str, timeout: float = 60.0, env: Any = None) -> Any:
        environ = dict(os.environ)
        if loop_kind == "asyncio":
            environ["NODENET_NO_UVLOOP"] = "1"
        else:
            environ.pop("NODENET_NO_UVLOOP", None)
        environ.update(env or {})
        return subprocess.run([sys.executable, "-c", source, *args], env=environ,
                               capture_output=True, text=True, timeout=timeout)

    return run
