"""No Python code may kill the interpreter: odd calls into the compiled modules, endings
from inside every listener under concurrency, and re-entrant listener containers, each run
in a subprocess that must end by itself, never by a signal.

Under NODENET_NO_EXTENSIONS=1 the same code runs on the pure twin (the subprocesses inherit
the environment), which must answer the same odd calls with exceptions too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from typing import Any

import pytest
from rel_helpers import HERE, size

from nodenet import _impl

pytestmark = pytest.mark.timeout(300)

#: The implementation family's modules (compiled or pure, as the test's twin), and the
#: modules whose classes are built on them or that they call.
MODULES = [*_impl.MODULES, "nodenet.events", "nodenet._loop", "nodenet._stream_destroy",
           "nodenet._emitter_class", "nodenet._abort", "nodenet.errors", "nodenet._tick"]


def run_child(args: list[str], loop_kind: str = "uvloop", timeout: float = 120) -> str:
    """Run ``python -X faulthandler ARGS``; fail if it died by a signal or exited non-zero.
    Returns its stdout."""
    env = dict(os.environ)
    if loop_kind == "asyncio":
        env["NODENET_NO_UVLOOP"] = "1"
    proc = subprocess.run([sys.executable, "-X", "faulthandler", *args], cwd=HERE, env=env,
                          capture_output=True, text=True, timeout=timeout)
    last = proc.stderr.strip().splitlines()[-8:]
    assert proc.returncode >= 0, (
        f"killed by signal {-proc.returncode}; last lines of stderr:\n" + "\n".join(last))
    assert proc.returncode == 0, f"exit {proc.returncode}:\n{proc.stdout}\n" + "\n".join(last)
    return proc.stdout


@pytest.mark.parametrize("module", MODULES)
def test_every_method_called_with_wrong_self_and_arguments(module: str, twin: Any) -> None:
    if not module.startswith("nodenet."):
        module = twin.module(module).__name__
    out = run_child([str(HERE / "memory_probe.py"), module])
    calls = int(out.split("probed ")[1].split()[0])
    assert calls > 100


@pytest.mark.heavy
@pytest.mark.parametrize("loop_kind", ["uvloop", "asyncio"])
def test_ending_inside_every_listener_under_concurrency(loop_kind: str) -> None:
    total, parallel = size(48, 400), size(16, 32)
    out = run_child([str(HERE / "listener_matrix.py"), str(total), str(parallel)], loop_kind)
    assert "matrix ok 120 combinations" in out


def run_snippet(code: str, loop_kind: str = "uvloop", flags: Sequence[str] = ()) -> str:
    """Run ``code`` (indented as in a test) with ``run_child``."""
    return run_child([*flags, "-c", textwrap.dedent(code)], loop_kind)


CONNECT_THEN = """
    import sys
    import nodenet
    from nodenet import net
    TOTAL, PARALLEL = 300, 16
    st = {'started': 0, 'closed': 0}
    server = net.create_server(lambda s: (s.on('error', lambda e: None),
                                          s.on('data', lambda d: None)))
    def act(c):
        c.write(b'x')
        %s
    def launch():
        st['started'] += 1
        c = net.connect(server.address()['port'], '127.0.0.1')
        c.on('error', lambda e: None)
        c.on('%s', lambda: act(c))
        c.on('close', on_close)
    def on_close(*_):
        st['closed'] += 1
        if st['started'] < TOTAL:
            launch()
        elif st['closed'] == TOTAL:
            server.close()
    server.listen(0, '127.0.0.1', lambda: [launch() for _ in range(PARALLEL)])
    nodenet.run()
    print('closed', st['closed'])
"""


@pytest.mark.parametrize("loop_kind", ["uvloop", "asyncio"])
@pytest.mark.parametrize("event", ["connect", "ready"])
@pytest.mark.parametrize("action", ["c.destroy()", "c.destroy(Exception('x'))",
                                    "c.reset_and_destroy()"])
def test_ending_a_client_in_its_connect_listener(loop_kind: str, event: str,
                                                 action: str) -> None:
    # the repro: uvloop's transport closed the fd, then the Python socket object
    # the connect path had handed it closed the same number again (SIGABRT in libuv)
    assert "closed 300" in run_snippet(CONNECT_THEN % (action, event), loop_kind)


#: Makes a socket ``s`` in an odd state (indented as in a test), calls one method of it,
#: lets the loop run what that scheduled, and prints 'alive'.
ODD_SOCKET = """
    import asyncio
    from nodenet import _loop
    from nodenet.net import Socket
    %s
    try:
        getattr(s, %r)(*{'write': (b'x',), 'connect': (1,)}.get(%r, ()))
    except Exception as exc:
        print('raised', type(exc).__name__)
    loop = _loop.get_loop()
    loop.set_exception_handler(lambda loop, context: None)
    loop.run_until_complete(asyncio.sleep(0.05))
    print('alive')
"""


@pytest.mark.parametrize("method", ["destroy", "write", "end", "reset_and_destroy",
                                    "connect", "pause", "resume", "ref", "unref"])
def test_socket_made_by_new_alone(method: str) -> None:
    assert "alive" in run_snippet(ODD_SOCKET % ("s = Socket.__new__(Socket)", method, method))


@pytest.mark.parametrize("method", ["destroy", "write", "end", "reset_and_destroy"])
def test_socket_whose_lifeline_was_taken(method: str) -> None:
    make = "s = Socket()\n    try:\n        s._lifeline = None\n    except TypeError:\n        pass"
    assert "alive" in run_snippet(ODD_SOCKET % (make, method, method))


CONTAINERS = """
    from nodenet.events import EventEmitter
    e = EventEmitter()
    calls = []
    class Drops:
        # a listener container whose iteration takes it out of the events dict
        def __iter__(self):
            del e._events['x']
            return iter([lambda *args: calls.append(args)])
        def __len__(self):
            e._events.pop('x', None)
            return 1
    for step in ('emit', 'on', 'off', 'listeners', 'listener_count', 'raw_listeners',
                 'remove_all_listeners'):
        e._events['x'] = Drops()
        method = getattr(e, step)
        try:
            if step in ('on', 'off'):
                method('x', print)
            else:
                method('x')
        except Exception as exc:
            print(step, 'raised', type(exc).__name__)
    print('calls', len(calls))
"""


def test_listener_container_that_removes_itself() -> None:
    # a borrowed reference to the container used to outlive it; -X dev makes the use
    # after free visible (the debug allocator fills freed memory)
    out = run_snippet(CONTAINERS, flags=["-X", "dev"])
    assert "calls 1" in out


def test_deep_once_wrapper_chain_is_freed() -> None:
    out = run_snippet("""
        import gc
        from nodenet.events import EventEmitter
        e = EventEmitter()
        wrapper = print
        for _ in range(1_000_000):
            e.once('x', wrapper)
            wrapper = e.raw_listeners('x')[0]
            e.remove_all_listeners('x')
        del wrapper
        gc.collect()
        print('freed')
    """)
    assert "freed" in out


def test_events_dict_cannot_be_taken_away() -> None:
    out = run_snippet("""
        from nodenet.events import EventEmitter
        for change in ('del', 'none'):
            e = EventEmitter()
            try:
                if change == 'del':
                    del e._events
                else:
                    e._events = None
            except (TypeError, AttributeError) as exc:
                print(change, 'refused', type(exc).__name__)
            for call in (lambda: e.on('x', print), lambda: e.emit('x'),
                         lambda: e.emit('error', 1), lambda: e.listener_count('x')):
                try:
                    call()
                except Exception as exc:
                    print(change, 'raised', type(exc).__name__)
        print('alive')
    """)
    assert "alive" in out


@pytest.mark.parametrize("loop_kind", ["uvloop", "asyncio"])
def test_connection_lost_called_by_hand_closes_the_transport(loop_kind: str) -> None:
    # before, the transport was orphaned: its fd stayed open and run() never returned
    out = run_snippet("""
        import nodenet
        from nodenet import net
        seen = []
        server = net.create_server(
            lambda s: s.on('end', lambda: (seen.append('server end'), server.close())))
        def go():
            c = net.connect(server.address()['port'], '127.0.0.1')
            c.on('close', lambda had_error: seen.append('client close'))
            c.on('connect', lambda: c.connection_lost(None))
        server.listen(0, '127.0.0.1', go)
        nodenet.run()
        print(sorted(seen))
    """, loop_kind)
    assert "['client close', 'server end']" in out


def test_emitter_suite_under_dev_mode() -> None:
    """The emitter tests in a ``-X dev`` interpreter (debug allocator, all warnings)."""
    tests = sorted(str(p) for p in HERE.parent.glob("test_event*.py"))
    proc = subprocess.run(
        [sys.executable, "-X", "dev", "-X", "faulthandler", "-m", "pytest", "-q",
         "-p", "no:cacheprovider", *tests],
        cwd=HERE.parent.parent, capture_output=True, text=True, timeout=280)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert " passed" in proc.stdout
