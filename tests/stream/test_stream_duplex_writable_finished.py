"""Port of Node's test/parallel/test-stream-duplex-writable-finished.js."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Duplex


def test_on_the_class():
    assert isinstance(Duplex.writable_finished, property)


async def test_finished_state(loop, calls):
    duplex = Duplex()

    def write(chunk, encoding, cb):
        # the state finished should start in false
        assert duplex.writable_finished is False
        cb()

    duplex._write = write
    duplex.on("finish", calls.must_call(lambda: _check(duplex)))
    duplex.end("testing finished state", calls.must_call(lambda *a: _check(duplex)))
    await settle()


def _check(duplex):
    assert duplex.writable_finished is True
    assert duplex.writableFinished is True
