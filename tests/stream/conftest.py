"""The stream tests: ``async def`` tests on the ``loop`` fixture (uvloop and the standard
loop); ``must_call``'s expectations are checked when the test ends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from stream_helpers import Calls


@pytest.fixture
def calls() -> Iterator[Calls]:
    """Node's ``common.mustCall`` / ``common.mustNotCall``, checked at the end of the test."""
    expectations = Calls()
    yield expectations
    expectations.check()
