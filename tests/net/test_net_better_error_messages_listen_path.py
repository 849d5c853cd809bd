"""Port of Node's test/parallel/test-net-better-error-messages-listen-path.js.

Node: listen('/blah/fadfa') (a directory that does not exist) emits 'error'
whose address is the path; the listen callback is never called.
Here the path is under pytest's tmp_path.
"""

import asyncio

from net_helpers import until

import nodenet.net as net


async def test_listen_path_error_names_the_path(loop, tmp_path):
    fp = str(tmp_path / "blah" / "fadfa")
    calls = []
    errors = []
    server = net.create_server(lambda sock: calls.append("connection"))
    server.listen(fp, lambda: calls.append("listening"))
    server.on("error", errors.append)
    await until(lambda: errors)
    await asyncio.sleep(0.01)
    assert errors[0].address == fp
    assert errors[0].code == "ENOENT"
    assert calls == []
