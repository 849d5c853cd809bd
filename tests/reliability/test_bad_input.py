"""Bad input: wrong types and ranges give Node's error codes (checked against node v20),
synchronously, and leave no handle behind: no crash, no hang, no half-open server."""

from __future__ import annotations

import asyncio
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rel_helpers import connected, echo, port_of, size, start_server

import nodenet
import nodenet.net as net
from nodenet import _loop
from nodenet.errors import NodeError
from nodenet.events import EventEmitter, once

pytestmark = [pytest.mark.heavy, pytest.mark.timeout(120)]

EXAMPLES = size(60, 1000)
examples = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

BAD_PORT = "ERR_SOCKET_BAD_PORT"
ARG_TYPE = "ERR_INVALID_ARG_TYPE"
ARG_VALUE = "ERR_INVALID_ARG_VALUE"
RANGE = "ERR_OUT_OF_RANGE"
#: The Python class of each code, as Node's TypeError / RangeError.
CLASSES = {BAD_PORT: ValueError, ARG_TYPE: TypeError, ARG_VALUE: TypeError,
           RANGE: ValueError, "ERR_MISSING_ARGS": TypeError,
           "ERR_STREAM_NULL_VALUES": TypeError, "ERR_UNKNOWN_ENCODING": TypeError,
           "ERR_UNHANDLED_ERROR": NodeError}
ENCODINGS = {"utf8", "utf-8", "hex", "base64", "base64url", "ascii", "latin1", "binary",
             "ucs2", "ucs-2", "utf16le", "utf-16le"}


def code(values, expected):
    """``values`` paired with the code Node gives for them."""
    return values.map(lambda v: (v, expected))


out_of_range_ints = st.one_of(st.integers(max_value=-1), st.integers(min_value=65536))
bad_floats = st.floats().filter(lambda f: not (f.is_integer() and 0 <= f <= 65535))
objects = st.one_of(st.lists(st.integers(), max_size=3), st.builds(object),
                    st.tuples(st.integers()))
truthy_ints = st.integers().filter(bool)
non_string_hosts = st.one_of(truthy_ints, st.floats(min_value=1), st.just(True),
                             st.lists(st.integers(), min_size=1))
bad_port_values = st.one_of(
    code(out_of_range_ints, BAD_PORT),
    code(bad_floats, BAD_PORT),
    code(st.integers(65536, 10**12).map(str), BAD_PORT),
    code(st.sampled_from(["", " ", "1.5", "65536", "0x10000", "1e9"]), BAD_PORT),
    code(out_of_range_ints.map(lambda p: {"port": p}), BAD_PORT),
)
listen_args = st.one_of(
    bad_port_values,
    code(st.booleans(), ARG_VALUE),
    code(objects, ARG_VALUE),
    code(st.just({}), ARG_VALUE),
    code(st.booleans().map(lambda b: {"port": b}), ARG_VALUE),
    code(non_string_hosts.map(lambda h: {"host": h, "port": 0}), ARG_TYPE),
)
connect_args = st.one_of(
    bad_port_values,
    code(st.booleans(), ARG_TYPE),
    code(st.none(), ARG_TYPE),
    code(objects, "ERR_MISSING_ARGS"),
    code(st.just({}), "ERR_MISSING_ARGS"),
    code(st.booleans().map(lambda b: {"port": b}), ARG_TYPE),
    code(truthy_ints.map(lambda h: {"host": h, "port": 1}), ARG_TYPE),
)
not_data = st.one_of(st.integers(), st.floats(), st.booleans(), objects,
                     st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
write_args = st.one_of(code(st.none(), "ERR_STREAM_NULL_VALUES"), code(not_data, ARG_TYPE))
end_args = code(not_data, ARG_TYPE)
encodings = st.one_of(
    st.text("abcdefghijklmnopqrstuvwxyz-0123456789", min_size=1, max_size=10).filter(
        lambda e: e.lower() not in ENCODINGS),
    st.integers().filter(bool), st.just(True))
not_numbers = st.one_of(st.booleans(), st.none(), st.text(max_size=5), objects,
                        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
timeouts = st.one_of(code(not_numbers, ARG_TYPE),
                     code(st.one_of(st.integers(max_value=-1), st.floats(max_value=-1e-9),
                                    st.just(math.nan), st.just(math.inf)), RANGE))
max_listeners = st.one_of(code(not_numbers, ARG_TYPE),
                          code(st.one_of(st.integers(max_value=-1),
                                         st.floats(max_value=-1e-9), st.just(math.nan)), RANGE))


def check_error(exc_info, expected):
    err = exc_info.value
    assert getattr(err, "code", None) == expected, repr(err)
    assert isinstance(err, CLASSES[expected]), repr(err)


def no_handles(loop):
    return not _loop.lifetime(loop).handles


def assert_clean_end(loop):
    """Nothing keeps nodenet.run() alive (it returns at once), and a good listen still works."""
    assert no_handles(loop)
    nodenet.run()

    async def good_listen():
        server = await start_server(echo)
        client = await connected(port_of(server))
        client.end(b"ok")
        got = []
        client.on("data", got.append)
        await once(client, "end")
        server.close()
        await once(server, "close")
        return b"".join(got)

    assert loop.run_until_complete(asyncio.wait_for(good_listen(), 10)) == b"ok"


def test_listen(loop):
    @examples
    @given(case=listen_args)
    def check(case):
        value, expected = case
        server = net.create_server()
        with pytest.raises(Exception) as exc_info:
            server.listen(value, "127.0.0.1")
        check_error(exc_info, expected)
        assert not server.listening
        assert no_handles(loop)
        server.close()

    check()
    assert_clean_end(loop)


def test_connect(loop):
    @examples
    @given(case=connect_args)
    def check(case):
        value, expected = case
        with pytest.raises(Exception) as exc_info:
            net.connect(value, "127.0.0.1")
        check_error(exc_info, expected)
        assert no_handles(loop)

    check()
    assert_clean_end(loop)


def test_write_end_set_timeout(loop):
    """Bad arguments on a live connection raise and leave the connection working."""
    server = loop.run_until_complete(start_server(echo))
    client = loop.run_until_complete(connected(port_of(server)))
    got = []
    client.on("data", got.append)

    @examples
    @given(write=write_args, end=end_args, encoding=encodings, timeout=timeouts)
    def check(write, end, encoding, timeout):
        with pytest.raises(Exception) as exc_info:
            client.write(write[0])
        check_error(exc_info, write[1])
        with pytest.raises(Exception) as exc_info:
            client.end(end[0])
        check_error(exc_info, end[1])
        with pytest.raises(Exception) as exc_info:
            client.write("x", encoding)
        check_error(exc_info, "ERR_UNKNOWN_ENCODING")
        with pytest.raises(Exception) as exc_info:
            client.set_timeout(timeout[0])
        check_error(exc_info, timeout[1])
        assert not client.destroyed and client.writable
        assert client.timeout is None

    check()
    client.end(b"still fine")
    loop.run_until_complete(asyncio.wait_for(once(client, "end"), 10))
    assert b"".join(got) == b"still fine"
    server.close()
    loop.run_until_complete(asyncio.wait_for(once(server, "close"), 10))
    assert_clean_end(loop)


def test_emitter_arguments(loop):
    @examples
    @given(limit=max_listeners, listener=not_data.filter(lambda v: v is not None),
           value=st.one_of(not_data, st.text(), st.none()),
           name=st.one_of(st.text(), st.integers(), st.tuples(st.text()), st.floats()),
           args=st.lists(st.one_of(not_data, st.text(), st.none()), max_size=4))
    def check(limit, listener, value, name, args):
        emitter = EventEmitter()
        with pytest.raises(Exception) as exc_info:
            emitter.set_max_listeners(limit[0])
        check_error(exc_info, limit[1])
        with pytest.raises(Exception) as exc_info:
            emitter.on("x", listener)
        check_error(exc_info, ARG_TYPE)
        with pytest.raises(Exception) as exc_info:
            emitter.emit("error", value)
        check_error(exc_info, "ERR_UNHANDLED_ERROR")
        assert exc_info.value.context is value
        seen = []
        emitter.on(name, lambda *a: seen.append(a))
        assert emitter.emit(name, *args) is True
        assert seen == [tuple(args)]
        assert emitter.emit(("never", name)) is False

    check()
    assert_clean_end(loop)
