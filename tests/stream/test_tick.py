"""nodenet's process.nextTick: one FIFO queue per loop, drained in one pass (ticks queued
by ticks run in the same pass, before later loop callbacks), an exception is the loop's
and the rest of the queue still runs. Checked against node v20:
``nextTick(a); setImmediate(i); nextTick(b)`` where a queues c prints a b c i."""

from __future__ import annotations

from stream_helpers import settle

from nodenet._tick import next_tick


async def test_order_and_chains(loop):
    log = []

    def a():
        log.append("a")
        next_tick(log.append, "c")

    next_tick(a)
    loop.call_soon(log.append, "later")  # scheduled after the first tick: runs after all
    next_tick(log.append, "b")
    await settle()
    assert log == ["a", "b", "c", "later"]


async def test_an_exception_reaches_the_loop_and_the_queue_goes_on(loop):
    log = []

    def boom():
        raise RuntimeError("tick")

    next_tick(boom)
    next_tick(log.append, "after")
    await settle()
    assert log == ["after"]
    assert [str(c["exception"]) for c in loop.errors] == ["tick"]
    loop.errors.clear()
