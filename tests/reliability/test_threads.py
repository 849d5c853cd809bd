"""Thread use: emit/on/off hammered from threads on one emitter must not crash the process
(a subprocess, so a segfault fails the test instead of killing the runner).

nodenet objects belong to their loop's thread (docs/reliability.md): such misuse may raise
ordinary exceptions (the pure emitter's dict of listeners can change under it), but the
process must survive and the emitter must work afterwards.
"""

from __future__ import annotations

import json

import pytest
from rel_helpers import size

from nodenet.events import IMPLEMENTATION

SECONDS = size(1, 20)

pytestmark = [pytest.mark.heavy, pytest.mark.timeout(SECONDS * 3 + 60)]

SCRIPT = r"""
import json, sys, threading, time, warnings
warnings.simplefilter("ignore")
sys.setswitchinterval(1e-6)
import nodenet.events as events

emitter = events.EventEmitter()
seconds = float(sys.argv[1])
stop = time.monotonic() + seconds
counts = {}
errors = {}

def worker(n):
    done = 0
    names = ("a", "b", n % 2)
    def listener(*args):
        if args and args[0] == 1:
            emitter.off("a", listener)
            emitter.once("b", listener)
    while time.monotonic() < stop:
        try:
            for name in names:
                emitter.on(name, listener)
                emitter.prepend_listener(name, listener)
                emitter.emit(name, 1, 2)
                emitter.once(name, listener)
                emitter.emit(name)
                emitter.listeners(name)
                emitter.raw_listeners(name)
                emitter.listener_count(name)
                emitter.off(name, listener)
                emitter.remove_listener(name, listener)
            if done % 50 == 0:
                emitter.remove_all_listeners("a")
                emitter.event_names()
                emitter.set_max_listeners(done % 20)
        except Exception as exc:
            errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
        done += 1
    counts[n] = done

threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
emitter.remove_all_listeners()
seen = []
emitter.on("z", seen.append)
usable = emitter.emit("z", 1) and seen == [1] and emitter.listener_count("z") == 1
print(json.dumps({"impl": events.IMPLEMENTATION, "counts": counts, "errors": errors,
                  "usable": usable}))
"""


@pytest.mark.parametrize("implementation", ["cython", "python"])
def test_threads_hammering_one_emitter(run_script, implementation):
    env = {"NODENET_NO_EXTENSIONS": "1" if implementation == "python" else ""}
    result = run_script(SCRIPT, str(SECONDS), env=env, timeout=SECONDS * 3 + 50)
    assert result.returncode == 0, (result.returncode, result.stderr[-3000:])
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["impl"] == implementation or (
        implementation == "cython" and IMPLEMENTATION == "python")
    assert len(report["counts"]) == 6
    assert all(count > 0 for count in report["counts"].values())
    assert report["usable"] is True
    assert set(report["errors"]) <= {"KeyError", "ValueError", "IndexError", "RuntimeError"}
