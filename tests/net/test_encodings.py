"""Node's Buffer encodings as write() and set_encoding() use them."""

from __future__ import annotations

import pytest

from nodenet import _encodings


@pytest.mark.parametrize("text, encoding, expected", [
    ("\u20ac", None, b"\xe2\x82\xac"),
    ("\ud800", "utf8", b"\xef\xbf\xbd"),
    ("\u0100A", "latin1", b"\x00A"),
    ("\u00e9", "ascii", b"\xe9"),
    ("abz", "hex", b"\xab"),
    ("0g12", "hex", b""),
    ("aGVsbG8", "base64", b"hello"),
    ("aGV sbG8=", "base64", b"hello"),
    ("-_8", "base64", b"\xfb\xff"),
    ("-_8", "base64url", b"\xfb\xff"),
    ("\u20ac", "UTF-16LE", b"\xac\x20"),
    ("x", "BINARY", b"x"),
])
def test_to_bytes(text, encoding, expected):
    assert _encodings.to_bytes(text, encoding) == expected


def test_unknown_encoding():
    with pytest.raises(TypeError) as info:
        _encodings.to_bytes("x", "ebcdic")
    assert info.value.code == "ERR_UNKNOWN_ENCODING"
    assert str(info.value) == "Unknown encoding: ebcdic"


@pytest.mark.parametrize("encoding, chunks, expected", [
    ("utf8", [b"\xe2", b"\x82\xac"], ["", "\u20ac"]),
    ("ascii", [b"\xe9A"], ["iA"]),
    ("latin1", [b"\xe9"], ["\u00e9"]),
    ("hex", [b"\x01\xff"], ["01ff"]),
    ("base64", [b"he", b"llo"], ["", "aGVs"]),
    ("utf16le", [b"\xac", b"\x20"], ["", "\u20ac"]),
])
def test_decoders(encoding, chunks, expected):
    decoder = _encodings.decoder(encoding)
    assert [decoder.decode(chunk) for chunk in chunks] == expected


def test_base64_decoder_flushes_the_rest():
    decoder = _encodings.decoder("base64")
    assert decoder.decode(b"hell") == "aGVs"
    assert decoder.decode(b"", True) == "bA=="
    url = _encodings.decoder("base64url")
    assert url.decode(b"\xfb\xff", True) == "-_8"
