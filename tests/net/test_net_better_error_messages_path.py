"""Port of Node's test/parallel/test-net-better-error-messages-path.js.

Node: connect('/tmp/fadagagsdfgsdf') (no such Unix socket) emits 'error'
ENOENT with the message 'connect ENOENT <path>' and no 'connect';
createConnection({path: {}}) throws ERR_INVALID_ARG_TYPE. The path is under
pytest's tmp_path here.
"""

import pytest
from net_helpers import until

import nodenet.net as net


async def test_connect_to_missing_path(loop, tmp_path):
    fp = str(tmp_path / "fadagagsdfgsdf")
    c = net.connect(fp)
    calls = []
    errors = []
    c.on("connect", lambda: calls.append("connect"))
    c.on("error", errors.append)
    await until(lambda: errors)
    (err,) = errors
    assert err.code == "ENOENT"
    assert f"connect ENOENT {fp}" in str(err)
    assert calls == []


def test_path_of_wrong_type():
    with pytest.raises(TypeError) as info:
        net.create_connection({"path": {}})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
