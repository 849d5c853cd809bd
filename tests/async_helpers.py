"""Helpers for the events tests that drive a coroutine with ``asyncio.run``."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


def run(coro: Awaitable[Any]) -> Any:
    """Run ``coro`` to completion on a new loop, failing after 5 seconds."""
    async def bounded() -> Any:
        return await asyncio.wait_for(coro, 5)

    return asyncio.run(bounded())


def soon(fn: Callable[..., Any], *args: Any) -> None:
    """Call ``fn(*args)`` on the running loop's next turn."""
    asyncio.get_running_loop().call_soon(fn, *args)
