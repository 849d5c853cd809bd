"""Strings and encodings through a Transform (decodeStrings false, setEncoding, encoded
writes, a readable side not in object mode). Checked against node v20 running the same
program (not a Node test file)."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import PassThrough, Transform


async def test_decode_strings_false_and_set_encoding(loop):
    seen = []

    def transform(chunk, encoding, cb):
        seen.append((chunk, encoding))
        cb(None, chunk)

    t = Transform(decode_strings=False, transform=transform)
    t.set_encoding("utf8")
    data = []
    t.on("data", data.append)
    t.write("héllo")
    t.write(b"abc")
    t.write("6869", "hex")
    await settle()
    assert seen == [("héllo", "utf8"), (b"abc", "buffer"), ("6869", "hex")]
    # a string pushed without an encoding is utf8
    assert data == ["héllo", "abc", "6869"]


async def test_encoded_writes_are_decoded(loop):
    p = PassThrough()
    data = []
    p.on("data", data.append)
    p.write("6869", "hex")
    p.write("aGk=", "base64")
    await settle()
    assert data == [b"hi", b"hi"]


async def test_object_into_bytes_readable_side(loop, calls):
    o = PassThrough(writable_object_mode=True)
    o.on("error", calls.must_call(lambda err: _code(err, "ERR_INVALID_ARG_TYPE")))
    o.write({"a": 1})
    await settle()


def _code(err, code):
    assert err.code == code
