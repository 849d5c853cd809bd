"""Fixtures shared by the suite: both emitter implementations, both event loops.

``async def`` tests run on the ``loop`` fixture (a fresh uvloop or standard asyncio loop,
also nodenet's default loop for the test) with a time limit. The loop's exception handler
records what it is given; a test fails if anything was recorded that it did not take out
of ``loop.errors`` itself.
"""

from __future__ import annotations

import asyncio
import gc
import importlib.util
import inspect
import os
from typing import Any, Dict, List

import pytest

from nodenet import _loop
from nodenet.events import PyEventEmitter, _finish

#: The time limit of an ``async def`` test without a ``timeout`` marker, in seconds.
ASYNC_TEST_TIMEOUT = 10.0
#: How long a cancelled task may take to finish when a test's loop is torn down.
TEARDOWN_TIMEOUT = 5.0

#: The compiled core is tested whenever it is installed, and must be when
#: NODENET_REQUIRE_EXTENSIONS is set; only a pure install (no compiler) runs without it.
_IMPLEMENTATIONS = (
    ["cython", "python"]
    if os.environ.get("NODENET_REQUIRE_EXTENSIONS") or importlib.util.find_spec("nodenet._emitter")
    else ["python"]
)


def _compiled():
    from nodenet import _emitter

    return _finish(_emitter.EventEmitter)


@pytest.fixture(params=_IMPLEMENTATIONS)
def EventEmitter(request):
    """Each test that takes this runs once on the compiled class and once on the pure one."""
    if request.param == "cython":
        return _compiled()
    return PyEventEmitter


@pytest.fixture
def restore_emitter_defaults():
    """Puts back the class-wide ``default_max_listeners`` and ``capture_rejections``."""
    saved = (PyEventEmitter.default_max_listeners, PyEventEmitter.capture_rejections)
    yield
    PyEventEmitter.default_max_listeners, PyEventEmitter.capture_rejections = saved


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
    errors: List[Dict[str, Any]] = []

    def record(loop: Any, context: Dict[str, Any]) -> None:
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
                loop.run_until_complete(asyncio.wait(tasks, timeout=TEARDOWN_TIMEOUT))
                stuck = [t for t in tasks if not t.done()]
                assert not stuck, f"tasks that ignore cancellation: {stuck!r}"
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
            gc.collect()
    unexpected = [c.get("exception") or c.get("message") for c in errors]
    assert not unexpected, f"the loop's exception handler was called: {unexpected!r}"


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: Any) -> Any:
    """Run ``async def`` tests to completion on their ``loop`` fixture, with a time limit
    (90% of the test's ``timeout`` marker, so the test fails before pytest-timeout fires)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    funcargs = pyfuncitem.funcargs
    loop = funcargs["loop"]
    kwargs = {name: funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    marker = pyfuncitem.get_closest_marker("timeout")
    limit = marker.args[0] * 0.9 if marker and marker.args else ASYNC_TEST_TIMEOUT
    loop.run_until_complete(asyncio.wait_for(pyfuncitem.obj(**kwargs), limit))
    return True


def pytest_collection_modifyitems(items: List[Any]) -> None:
    for item in items:
        if inspect.iscoroutinefunction(getattr(item, "obj", None)) and \
                "loop" not in item.fixturenames:
            raise pytest.UsageError(f"{item.nodeid}: async tests must take the loop fixture")
