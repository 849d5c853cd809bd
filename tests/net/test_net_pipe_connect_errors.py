"""Port of Node's test/parallel/test-net-pipe-connect-errors.js.

Node: connecting to a file that is not a socket fails with ENOTSOCK or
ECONNREFUSED; to a path that does not exist with ENOENT. The connect
callbacks never run. Files are under pytest's tmp_path. Left out: EACCES for
a socket whose mode is 0, which Node skips when run as root, as these tests
are (root ignores the mode).
"""

from net_helpers import not_called, until

import nodenet.net as net


async def test_not_a_socket(loop, tmp_path):
    empty = tmp_path / "0.txt"
    empty.write_bytes(b"")
    errors = []
    net.create_connection(str(empty), not_called).on("error", errors.append)
    await until(lambda: errors)
    assert errors[0].code in ("ENOTSOCK", "ECONNREFUSED")


async def test_no_such_file(loop, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    errors = []
    net.create_connection("no-ent-file", not_called).on("error", errors.append)
    await until(lambda: errors)
    assert errors[0].code == "ENOENT"

