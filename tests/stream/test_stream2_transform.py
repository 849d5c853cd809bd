"""Port of Node's test/parallel/test-stream2-transform.js (Transform and PassThrough:
buffering, reads, 'readable' events, object mode). The stored test is an old version;
where node v20 differs, the test asserts what v20 prints (see the comments)."""

from __future__ import annotations

import asyncio
import json

from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import PassThrough, Transform

WORDS = [b"foog", b"bark", b"bazy", b"kuel"]


def later(delay, fn, *args):
    asyncio.get_running_loop().call_later(delay, fn, *args)


async def test_writable_side_consumption(loop):
    tx = Transform(high_water_mark=10)
    transformed = [0]

    def transform(chunk, encoding, cb):
        transformed[0] += len(chunk)
        tx.push(chunk)
        cb()

    tx._transform = transform
    for i in range(1, 11):
        tx.write(bytes(i))
    tx.end()
    assert tx._readable_state.length == 10
    assert transformed[0] == 10
    # The stored test reads tx._transformState (gone in v20) and expects [6, 7, 8, 9, 10]:
    # in v20 the callback of chunk 4 waits for a read, so 5 to 10 stay buffered.
    assert [len(req.chunk) for req in tx._writable_state.get_buffer()] == [5, 6, 7, 8, 9, 10]
    assert tx._writable_state.length == 49


async def test_passthrough(loop):
    pt = PassThrough()
    for word in WORDS:
        pt.write(word)
    pt.end()
    assert pt.read(5) == b"foogb"
    assert pt.read(5) == b"arkba"
    assert pt.read(5) == b"zykue"
    assert pt.read(5) == b"l"


async def test_object_passthrough(loop):
    pt = PassThrough(object_mode=True)
    values = [1, True, False, 0, "foo", "", {"a": "b"}]
    for value in values:
        pt.write(value)
    pt.end()
    for value in values:
        got = pt.read()
        assert got == value and type(got) is type(value)


async def test_simple_transform(loop):
    pt = Transform()

    def transform(c, e, cb):
        pt.push(b"x" * len(c))
        cb()

    pt._transform = transform
    for word in WORDS:
        pt.write(word)
    pt.end()
    assert [pt.read(5) for _ in range(4)] == [b"xxxxx", b"xxxxx", b"xxxxx", b"x"]


async def test_simple_object_transform(loop):
    pt = Transform(object_mode=True)

    def transform(c, e, cb):
        pt.push(json.dumps(c, separators=(",", ":")))
        cb()

    pt._transform = transform
    for value in [1, True, False, 0, "foo", "", {"a": "b"}]:
        pt.write(value)
    pt.end()
    got = [pt.read() for _ in range(7)]
    assert got == ["1", "true", "false", "0", '"foo"', '""', '{"a":"b"}']


async def test_async_passthrough(loop, calls):
    pt = Transform()

    def transform(chunk, encoding, cb):
        def push():
            pt.push(chunk)
            cb()

        later(0.01, push)

    pt._transform = transform
    for word in WORDS:
        pt.write(word)
    pt.end()

    def on_finish():
        assert [pt.read(5) for _ in range(4)] == [b"foogb", b"arkba", b"zykue", b"l"]

    pt.on("finish", calls.must_call(on_finish))
    await asyncio.sleep(0.1)
    await settle()


async def test_asymmetric_transform_expand(loop, calls):
    pt = Transform()

    # push each chunk twice
    def transform(chunk, encoding, cb):
        def second():
            pt.push(chunk)
            cb()

        def first():
            pt.push(chunk)
            later(0.01, second)

        later(0.01, first)

    pt._transform = transform
    for word in WORDS:
        pt.write(word)
    pt.end()

    def on_finish():
        got = [pt.read(5) for _ in range(7)]
        assert got == [b"foogf", b"oogba", b"rkbar", b"kbazy", b"bazyk", b"uelku", b"el"]

    pt.on("finish", calls.must_call(on_finish))
    await asyncio.sleep(0.2)
    await settle()


async def test_asymmetric_transform_compress(loop, calls):
    pt = Transform()
    state = [""]

    # each output is the first byte of 3 consecutive chunks, or what is left
    def transform(chunk, encoding, cb):
        s = chunk.decode()

        def step():
            state[0] += s[:1]
            if len(state[0]) == 3:
                pt.push(state[0].encode())
                state[0] = ""
            cb()

        later(0.01, step)

    def flush(cb):
        pt.push(state[0].encode())
        state[0] = ""
        cb()

    pt._transform = transform
    pt._flush = flush
    for letter in "abcdeabcdeabcd":
        pt.write((letter * 4).encode())
    pt.end()

    def on_finish():
        assert [pt.read(5) for _ in range(3)] == [b"abcde", b"abcde", b"abcd"]

    pt.on("finish", calls.must_call(on_finish))
    await asyncio.sleep(0.4)
    await settle()


async def test_no_stall_with_empty_transforms(loop, calls):
    count = [0]
    saved = [None]
    pt = Transform(high_water_mark=3)

    def transform(c, e, cb):
        count[0] += 1
        if count[0] == 2:
            saved[0] = c
        else:
            if saved[0]:
                pt.push(saved[0])
                saved[0] = None
            pt.push(c)
        cb()

    pt._transform = transform

    def tick():
        pt.write(b"d")
        pt.write(b"ef", calls.must_call(lambda *a: pt.end()))
        assert pt.read() == b"abcdef"
        assert pt.read() is None

    pt.once("readable", lambda: next_tick(tick))
    pt.write(b"abc")
    await settle(20)


async def test_passthrough_event_emission(loop):
    pt = PassThrough()
    emits = [0]
    pt.on("readable", lambda: emits.__setitem__(0, emits[0] + 1))
    pt.write(b"foog")
    pt.write(b"bark")
    # The stored test expects 1, 2 and 3 'readable' events at these points; in node v20
    # 'readable' is emitted on a tick, so none has happened yet.
    assert emits[0] == 0
    assert pt.read(5) == b"foogb"
    assert pt.read(5) is None
    pt.write(b"bazy")
    pt.write(b"kuel")
    assert emits[0] == 0
    assert pt.read(5) == b"arkba"
    assert pt.read(5) == b"zykue"
    assert pt.read(5) is None
    pt.end()
    assert emits[0] == 1
    assert pt.read(5) == b"l"
    assert pt.read(5) is None
    assert emits[0] == 1
    await settle()
    assert emits[0] == 3  # v20


async def test_passthrough_event_emission_reordering(loop, calls):
    pt = PassThrough()
    emits = [0]
    pt.on("readable", lambda: emits.__setitem__(0, emits[0] + 1))
    pt.write(b"foog")
    pt.write(b"bark")
    assert emits[0] == 0  # the stored test: 1; v20: 'readable' comes on a tick
    assert pt.read(5) == b"foogb"
    assert pt.read(5) is None

    def third():
        assert pt.read(5) == b"l"
        assert pt.read(5) is None
        assert emits[0] == 3  # the stored test: 4

    def second():
        assert pt.read(5) == b"zykue"
        assert pt.read(5) is None
        pt.once("readable", calls.must_call(third))
        pt.end()

    def first():
        assert pt.read(5) == b"arkba"
        assert pt.read(5) is None
        pt.once("readable", calls.must_call(second))
        pt.write(b"kuel")

    pt.once("readable", calls.must_call(first))
    pt.write(b"bazy")
    await settle(20)


async def test_passthrough_facade(loop, calls):
    pt = PassThrough()
    datas = []
    pt.on("data", lambda chunk: datas.append(chunk.decode()))
    pt.on("end", calls.must_call(lambda: _eq(datas, ["foog", "bark", "bazy", "kuel"])))
    for word in WORDS:
        pt.write(word)
        await asyncio.sleep(0.01)
    pt.end()
    await settle()


def _eq(a, b):
    assert a == b


OBJECTS = [{"foo": "bar"}, 100, "string",
           {"nested": {"things": [{"foo": "bar"}, 100, "string"]}}]


async def test_object_transform_json_parse(loop, calls):
    jp = Transform(object_mode=True)

    def transform(data, encoding, cb):
        try:
            jp.push(json.loads(data))
            cb()
        except ValueError as er:
            cb(er)

    jp._transform = transform
    ended = [False]
    jp.on("end", lambda: ended.__setitem__(0, True))
    for obj in OBJECTS:
        jp.write(json.dumps(obj))
        assert jp.read() == obj
    jp.end()
    # read one more time to get the 'end' event
    jp.read()
    next_tick(calls.must_call(lambda: _eq(ended[0], True)))
    await settle()


async def test_object_transform_json_stringify(loop, calls):
    js = Transform(object_mode=True)

    def transform(data, encoding, cb):
        js.push(json.dumps(data))
        cb()

    js._transform = transform
    ended = [False]
    js.on("end", lambda: ended.__setitem__(0, True))
    for obj in OBJECTS:
        js.write(obj)
        assert js.read() == json.dumps(obj)
    js.end()
    js.read()
    next_tick(calls.must_call(lambda: _eq(ended[0], True)))
    await settle()


async def test_push_from_construct(loop, calls):
    # in v20's version of the file (not in the stored one)
    def construct(callback):
        s.push("header from constructor")
        callback()

    s = Transform(object_mode=True, construct=construct,
                  transform=lambda row, encoding, callback: callback(None, row))
    expected = ["header from constructor", "firstLine", "secondLine"]
    s.on("data", calls.must_call(lambda data: _eq(data, expected.pop(0)), 3))
    s.write("firstLine")
    next_tick(lambda: s.write("secondLine"))
    await settle()
