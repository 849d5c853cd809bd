"""Pending (nodenet bug): listen() with a non-string host raises nothing; the lookup task's
TypeError reaches the loop's exception handler and the server keeps a handle."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nodenet.net as net
from nodenet import _loop

pytestmark = pytest.mark.timeout(60)


def test_listen_non_string_host(loop):
    """Node v20: ``listen({host: 5, port: 0})`` throws ERR_INVALID_ARG_TYPE (a TypeError)."""

    @settings(max_examples=30, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(host=st.one_of(st.integers().filter(bool), st.floats(min_value=1),
                          st.lists(st.integers(), min_size=1), st.just(True)))
    def check(host):
        server = net.create_server()
        with pytest.raises(TypeError) as exc_info:
            server.listen({"host": host, "port": 0})
        assert exc_info.value.code == "ERR_INVALID_ARG_TYPE"
        assert not server.listening
        assert not _loop.lifetime(loop).handles

    check()
