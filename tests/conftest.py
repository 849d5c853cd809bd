"""Fixtures shared by the suite: both emitter implementations, both event loops.

``async def`` tests run on the ``loop`` fixture (a fresh uvloop or standard asyncio loop,
also nodenet's default loop for the test) with a time limit. The loop's exception handler
records what it is given; a test fails if anything was recorded that it did not take out
of ``loop.errors`` itself.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import os
import warnings
from typing import Any

import pytest

import nodenet
import nodenet.events
import nodenet.net
import nodenet.stream
from nodenet import _impl, _loop
from nodenet._emitter_class import public_class
from nodenet.events import PyEventEmitter

#: The time limit of an ``async def`` test without a ``timeout`` marker, in seconds.
ASYNC_TEST_TIMEOUT = 10.0
#: How long a cancelled task may take to finish when a test's loop is torn down.
TEARDOWN_TIMEOUT = 5.0

#: The implementations under test: both when the compiled one is built (it must be when
#: NODENET_REQUIRE_EXTENSIONS is set), else the pure one only.
TWINS = _impl.available()
if os.environ.get("NODENET_TEST_TWINS"):  # e.g. "cython": the installed wheel's own modules
    TWINS = [name for name in TWINS if name in os.environ["NODENET_TEST_TWINS"].split(",")]
if os.environ.get("NODENET_REQUIRE_EXTENSIONS"):
    assert "cython" in TWINS, "NODENET_REQUIRE_EXTENSIONS is set but nodenet runs pure"


def pytest_generate_tests(metafunc: Any) -> None:
    """A test that takes ``twin`` (itself or through a fixture) runs once on each."""
    if "twin" in metafunc.fixturenames:
        metafunc.parametrize("twin", TWINS, indirect=True)


#: The public names bound to the family's objects, in each public module.
_FACES = (nodenet, nodenet.net, nodenet.events, nodenet.stream)


@pytest.fixture
def twin(request: Any, monkeypatch: Any) -> _impl.Family:
    """One implementation family, put behind the public modules for this test: every name
    of ``nodenet``, ``nodenet.net``, ``nodenet.events``, ``nodenet.stream`` and of the test's
    own module that is a family object is replaced by the same object of this family, and
    subprocesses get the family by environment."""
    family = _impl.load(request.param)
    for face in (*_FACES, request.module):
        for name in dir(face):
            mine = _counterpart(getattr(face, name), family)
            if mine is not None:
                monkeypatch.setattr(face, name, mine)
        if isinstance(getattr(face, "EventEmitter", None), type):
            monkeypatch.setattr(face, "EventEmitter", public_class(family.emitter.EventEmitter))
    monkeypatch.setattr(nodenet.events, "IMPLEMENTATION", family.name)
    if family.name == "python":
        monkeypatch.setenv("NODENET_NO_EXTENSIONS", "1")
        monkeypatch.delenv("NODENET_REQUIRE_EXTENSIONS", raising=False)
    else:
        monkeypatch.delenv("NODENET_NO_EXTENSIONS", raising=False)
    return family


def _counterpart(obj: Any, family: _impl.Family) -> Any:
    """``obj``'s twin in ``family`` if ``obj`` belongs to a family, else None."""
    module = getattr(obj, "__module__", None) or ""
    for package in ("nodenet._compiled.", "nodenet."):
        if module.startswith(package):
            short = module[len(package):]
            if short.lstrip("_") in _impl.Family._fields:
                return getattr(family.module(short), obj.__name__)
    return None


@pytest.fixture
def EventEmitter(twin: _impl.Family) -> type:
    """Each test that takes this runs once on the compiled class and once on the pure one."""
    return public_class(twin.emitter.EventEmitter)


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
    errors: list[dict[str, Any]] = []

    def record(loop: Any, context: dict[str, Any]) -> None:
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
            unclosed = _close_loop(loop)
    unexpected = [c.get("exception") or c.get("message") for c in errors]
    assert not unexpected, f"the loop's exception handler was called: {unexpected!r}"
    for message in unclosed:  # raised here when the test made ResourceWarning an error
        warnings.warn(message, ResourceWarning, stacklevel=1)


def _close_loop(loop: Any) -> list[str]:
    """Close ``loop``; the ResourceWarnings of what the test left open, as text.

    uvloop's close() waits for every handle to close, and a handle it finds open closes
    only after its warning: with ResourceWarning made an error (as the leak tests make it)
    close() would wait forever, so the warnings are caught here and re-issued after."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        loop.close()
        gc.collect()
    return [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]


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


def pytest_collection_finish(session: Any) -> None:
    """Move what collection made (every test item, thousands of them) out of the garbage
    collector's reach: each test's teardown collects, and scanning those objects made
    that full collection most of the suite's time."""
    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(items: list[Any]) -> None:
    for item in items:
        if inspect.iscoroutinefunction(getattr(item, "obj", None)) and \
                "loop" not in item.fixturenames:
            raise pytest.UsageError(f"{item.nodeid}: async tests must take the loop fixture")
