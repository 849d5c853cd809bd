"""Port of Node's test/parallel/test-stream-writable-write-error.js: a write after end
or destroy fails its callback on a tick, then the stream; bad chunks raise (node v20)."""

from __future__ import annotations

import pytest
from stream_helpers import settle

from nodenet.stream import Writable


def expect_error(w, calls, arg, code, destroyed):
    state = {"ticked": False, "error_called": False}

    def on_callback(err=None):
        assert state["ticked"] is True
        assert state["error_called"] is False
        assert err.code == code

    def on_error(err):
        state["error_called"] = True
        assert err.code == code

    w.write(arg, calls.must_call(on_callback))
    state["ticked"] = True
    # v20 emits no 'error' on an already destroyed stream.
    w.on("error", calls.must_not_call("error") if destroyed else calls.must_call(on_error))


@pytest.mark.parametrize("auto_destroy", [False, True])
async def test_write_after_end(loop, calls, auto_destroy):
    w = Writable(auto_destroy=auto_destroy, write=lambda *args: None)
    w.end()
    expect_error(w, calls, "asd", "ERR_STREAM_WRITE_AFTER_END", False)
    await settle()


@pytest.mark.parametrize("auto_destroy", [False, True])
async def test_write_after_destroy(loop, calls, auto_destroy):
    w = Writable(auto_destroy=auto_destroy, write=lambda *args: None)
    w.destroy()
    expect_error(w, calls, "asd", "ERR_STREAM_DESTROYED", True)
    await settle()


@pytest.mark.parametrize("auto_destroy", [False, True])
@pytest.mark.parametrize("arg, code", [(None, "ERR_STREAM_NULL_VALUES"),
                                       ({}, "ERR_INVALID_ARG_TYPE")])
async def test_bad_chunks_raise(loop, calls, auto_destroy, arg, code):
    # Node's newer test expects the callback and 'error'; v20 throws from write().
    w = Writable(auto_destroy=auto_destroy, write=lambda *args: None)
    w.on("error", calls.must_not_call("error"))
    with pytest.raises(TypeError) as info:
        w.write(arg, calls.must_not_call("callback"))
    assert info.value.code == code
    await settle()
