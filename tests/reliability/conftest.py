"""Reliability tests: every test on uvloop and on the standard asyncio loop, bounded in time.

Sizes are bounded for CI; ``NODENET_FULL=1`` selects the full sizes (tests that change
size carry the ``heavy`` marker). ``async def`` tests run on the ``loop`` fixture with a
time limit; anything handed to the loop's exception handler that a test did not take out
of ``loop.errors`` fails it.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import pytest

#: The time limit of a reliability test without a ``timeout`` marker of its own, in seconds.
RELIABILITY_TIMEOUT = 30.0


def pytest_collection_modifyitems(items: list[Any]) -> None:
    for item in items:
        if item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(RELIABILITY_TIMEOUT))


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


@pytest.fixture(autouse=True)
def _each_twin(twin: Any) -> None:
    """Every test here runs on the compiled implementation and on the pure one."""
