"""Port of Node's test/parallel/test-net-write-arguments.js.

Node: write(null) throws ERR_STREAM_NULL_VALUES ('May not write null values
to stream'); write() of true, false, undefined, 1, 1.0, +-Infinity, [] and
{} throws a TypeError ERR_INVALID_ARG_TYPE ('The "chunk" argument must be of
type string or an instance of Buffer, TypedArray, or DataView...'); no
'error' is emitted. Left out: ``undefined`` (None is Python's only null).
"""

import math

import pytest

import nodenet.net as net


def test_write_none():
    sock = net.Socket(high_water_mark=0)
    errors = []
    sock.on("error", errors.append)
    with pytest.raises(TypeError) as info:
        sock.write(None)
    assert info.value.code == "ERR_STREAM_NULL_VALUES"
    assert str(info.value) == "May not write null values to stream"
    assert errors == []


@pytest.mark.parametrize("value", [True, False, 1, 1.0, math.inf, -math.inf, [], {}])
def test_write_of_wrong_type(value):
    sock = net.Socket(high_water_mark=0)
    errors = []
    sock.on("error", errors.append)
    with pytest.raises(TypeError) as info:
        sock.write(value)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value).startswith(
        'The "chunk" argument must be of type string or an instance of Buffer, '
        'TypedArray, or DataView.')
    assert errors == []
