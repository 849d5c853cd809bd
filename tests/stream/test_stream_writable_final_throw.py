"""Port of Node's test/parallel/test-stream-writable-final-throw.js (with a Writable, not
a Duplex): an exception from _final is its callback's error."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Writable


async def test_final_throws(loop, calls):
    class Foo(Writable):
        def _final(self, callback):
            raise Exception("fhqwhgads")

    foo = Foo()
    foo._write = calls.must_call(lambda chunk, encoding, cb: cb())
    order = []
    foo.end("test", calls.must_call(lambda err=None: order.append(("end", str(err)))))
    foo.on("error", calls.must_call(lambda err: order.append(("error", str(err)))))
    foo.on("close", calls.must_call(lambda: order.append(("close", None))))
    await settle()
    # node v20's order.
    assert order == [("error", "fhqwhgads"), ("close", None), ("end", "fhqwhgads")]
