"""Port of Node's test/parallel/test-net-dns-error.js, and lookup failures of listen().

Node: connect(42, '*' * 64) never connects; 'lookup' gets the error (ENOTFOUND, or
EAI_FAIL from some resolvers) with no address or family, then 'error' gets it. nodenet
also checks the error's fields, the name Python's IDNA codec rejects (Node hands such a
name to getaddrinfo as it is), and names of 256 bytes or more (EINVAL, as libuv reports
them).
"""

import asyncio

import pytest
from net_helpers import Recorder, closed

import nodenet.net as net
from nodenet.errors import NodeError

NOT_FOUND = ("ENOTFOUND", "EAI_FAIL")


async def failed_connect(host):
    sock = net.connect(42, host, lambda: pytest.fail("connected"))
    rec = Recorder(sock, "lookup", "error", "close")
    await asyncio.wait_for(closed(sock), 10)
    return rec


def check_error(err, host, codes):
    assert isinstance(err, NodeError)
    assert err.code in codes
    assert err.syscall == "getaddrinfo"
    assert err.hostname == host
    assert str(err) == f"getaddrinfo {err.code} {host}"


async def test_name_with_a_label_over_63_characters(loop):
    host = "*" * 64
    rec = await failed_connect(host)
    assert rec.names == ["lookup", "error", "close"]
    (_, err, ip, family, name), (_, error), (_, had_error) = rec.events
    check_error(err, host, NOT_FOUND)
    assert (ip, family, name) == (None, None, host)
    assert error is err
    assert had_error is True


async def test_unresolvable_name(loop):
    host = "nonexistent.invalid"
    rec = await failed_connect(host)
    assert rec.names == ["lookup", "error", "close"]
    check_error(rec.events[1][1], host, NOT_FOUND + ("EAI_AGAIN",))


async def test_name_the_idna_codec_rejects(loop):
    host = "\u00fc" + "x" * 70 + ".invalid"
    rec = await failed_connect(host)
    assert rec.names == ["lookup", "error", "close"]
    check_error(rec.events[1][1], host, ("ENOTFOUND",))


@pytest.mark.parametrize("size, codes", [(255, NOT_FOUND + ("EAI_AGAIN",)), (256, ("EINVAL",))])
async def test_name_of_256_bytes_or_more_is_einval(loop, size, codes):
    host = "a." + "x" * (size - 2)
    rec = await failed_connect(host)
    assert rec.names == ["lookup", "error", "close"]
    check_error(rec.events[1][1], host, codes)


@pytest.mark.parametrize("host, codes", [("*" * 64, NOT_FOUND), ("x" * 300, ("EINVAL",))])
async def test_listen_on_a_name_that_does_not_resolve(loop, host, codes):
    server = net.create_server()
    errors = []
    server.on("error", errors.append)
    server.on("listening", lambda: pytest.fail("listening"))
    server.listen(0, host)
    for _ in range(500):
        if errors:
            break
        await asyncio.sleep(0.01)
    assert len(errors) == 1
    check_error(errors[0], host, codes)
    assert not server.listening
