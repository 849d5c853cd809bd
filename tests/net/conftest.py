"""Net tests: every test runs on uvloop and on the standard asyncio loop (the ``loop``
fixture of tests/conftest.py)."""

from __future__ import annotations

from typing import Any

import pytest


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


@pytest.fixture(autouse=True)
def _each_twin(twin: Any) -> None:
    """Every test here runs on the compiled implementation and on the pure one."""
