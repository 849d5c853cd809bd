"""Every net test runs on uvloop and on the standard asyncio loop, each on a fresh loop.

``async def`` tests run on the ``loop`` fixture with a time limit. The loop's exception
handler records what it is given; a test fails if anything was recorded that it did not
take out of ``loop.errors`` itself.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
from typing import Any, List

import pytest

from nodenet import _loop

TEST_TIMEOUT = 10.0


def _new_loop(kind: str) -> asyncio.AbstractEventLoop:
    if kind == "uvloop":
        uvloop = pytest.importorskip("uvloop")
        return uvloop.new_event_loop()  # type: ignore[no-any-return]
    return asyncio.new_event_loop()


@pytest.fixture(params=["uvloop", "asyncio"])
def loop(request: Any) -> Any:
    """A fresh loop, also nodenet's default loop for the test (so ``nodenet.run()`` uses it)."""
    loop = _new_loop(request.param)
    errors: List[dict] = []

    def record(loop: Any, context: dict) -> None:
        errors.append(context)

    loop.set_exception_handler(record)
    loop.errors = errors  # type: ignore[attr-defined]
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
                loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
            gc.collect()
    unexpected = [c.get("exception") or c.get("message") for c in errors]
    assert not unexpected, f"the loop's exception handler was called: {unexpected!r}"


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
            raise pytest.UsageError(f"{item.nodeid}: async net tests must take the loop fixture")


@pytest.fixture
def ipv6() -> bool:
    """Skip the test when ::1 cannot be bound."""
    import socket

    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
    except OSError:
        pytest.skip("no IPv6 loopback")
    return True
