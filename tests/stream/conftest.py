"""The stream tests: ``async def`` tests on the ``loop`` fixture (uvloop and the standard
loop), each on both implementations (the ``twin`` fixture); ``must_call``'s expectations
are checked when the test ends."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from stream_helpers import Calls


@pytest.fixture
def calls() -> Iterator[Calls]:
    """Node's ``common.mustCall`` / ``common.mustNotCall``, checked at the end of the test."""
    expectations = Calls()
    yield expectations
    expectations.check()


@pytest.fixture(autouse=True)
def _each_twin(twin: Any) -> None:
    """Every test here runs on the compiled stream classes and on the pure ones (a class a
    test derives from a stream class is made in the test or a fixture, so that it derives
    from the twin's)."""
