"""An EventEmitter pickles and copies on every protocol with its listeners, limit and
instance attributes (a Python extra: Node has no pickling). Runs on the implementation the
package selected (the suite runs once compiled, once pure); a socket or server refuses."""

from __future__ import annotations

import copy
import pickle

import pytest

import nodenet.net as net
from nodenet.events import EventEmitter


class Named(EventEmitter):
    """A subclass with instance attributes of its own."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
@pytest.mark.parametrize("cls", [EventEmitter, Named])
def test_round_trip(cls, protocol):
    emitter = cls() if cls is EventEmitter else cls("n")
    emitter.on("x", print)
    emitter.once("y", len)
    emitter.set_max_listeners(3)
    copied = pickle.loads(pickle.dumps(emitter, protocol))
    assert type(copied) is cls
    assert copied.listeners("x") == [print]
    assert copied.listeners("y") == [len]
    assert copied.get_max_listeners() == 3
    if cls is Named:
        assert copied.name == "n"
    # the copy is a working emitter of its own
    seen = []
    copied.on("z", seen.append)
    assert copied.emit("z", 1) is True and seen == [1]
    assert emitter.listener_count("z") == 0


def test_copy_and_deepcopy():
    emitter = Named("n")
    emitter.on("x", print)
    for twin in (copy.copy(emitter), copy.deepcopy(emitter)):
        assert twin.name == "n" and twin.listeners("x") == [print]


@pytest.mark.parametrize("make", [net.Socket, net.create_server])
def test_handles_refuse(make):
    handle = make()
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        with pytest.raises(TypeError, match="cannot pickle"):
            pickle.dumps(handle, protocol)
    with pytest.raises(TypeError, match="cannot pickle"):
        copy.copy(handle)
