"""Port of test/parallel/test-event-emitter-error-monitor.js (``process.nextTick`` is
``loop.call_soon``)."""

import asyncio

import pytest

from nodenet import events


def test_error_monitor(EventEmitter):
    ee = EventEmitter()
    the_err = Exception("MyError")
    monitored = []
    ee.on(events.error_monitor, monitored.append)

    with pytest.raises(Exception) as info:
        ee.emit("error", the_err)
    assert info.value is the_err

    caught = []
    ee.once("error", caught.append)
    ee.emit("error", the_err)
    assert caught == [the_err]

    async def main():
        asyncio.get_running_loop().call_soon(ee.emit, "error", the_err)
        with pytest.raises(Exception) as info:
            await asyncio.wait_for(events.once(ee, "notTriggered"), 5)
        assert info.value is the_err

    asyncio.run(main())
    assert monitored == [the_err, the_err, the_err]

    calls = []
    ee.on("aEvent", lambda: calls.append(1))
    ee.emit("aEvent")
    assert calls == [1]
    assert len(monitored) == 3


def test_monitor_runs_before_error_listeners(EventEmitter):
    ee = EventEmitter()
    order = []
    ee.on("error", lambda err: order.append("error"))
    ee.on(events.error_monitor, lambda err: order.append("monitor"))
    ee.emit("error", Exception("x"))
    assert order == ["monitor", "error"]
