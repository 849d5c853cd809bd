"""Port of Node's test/parallel/test-net-isip.js.

Node: isIP() gives 4, 6 or 0 for a list of addresses (IPv6 with '::',
embedded IPv4 and zone ids; malformed ones give 0), 0 for undefined, '',
null, 123, true and {}; an object is turned into a string first
(``toString``); isIPv4() and isIPv6() answer true or false the same way.
In Python the object's ``__str__`` plays ``toString``; undefined is None.
"""

import pytest

import nodenet.net as net


class Stringy:
    def __init__(self, text):
        self.text = text

    def __str__(self):
        return self.text


IS_IP = [
    ('127.0.0.1', 4), ('x127.0.0.1', 0), ('example.com', 0),
    ('0000:0000:0000:0000:0000:0000:0000:0000', 6),
    ('0000:0000:0000:0000:0000:0000:0000:0000::0000', 0),
    ('1050:0:0:0:5:600:300c:326b', 6), ('2001:252:0:1::2008:6', 6),
    ('2001:dead:beef:1::2008:6', 6), ('2001::', 6), ('2001:dead::', 6),
    ('2001:dead:beef::', 6), ('2001:dead:beef:1::', 6),
    ('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 6), (':2001:252:0:1::2008:6:', 0),
    (':2001:252:0:1::2008:6', 0), ('2001:252:0:1::2008:6:', 0), ('2001:252::1::2008:6', 0),
    ('::2001:252:1:2008:6', 6), ('::2001:252:1:1.1.1.1', 6),
    ('::2001:252:1:255.255.255.255', 6), ('::2001:252:1:255.255.255.255.76', 0),
    ('fe80::2008%eth0', 6), ('fe80::2008%eth0.0', 6), ('fe80::2008%eth0@1', 0),
    ('::anything', 0), ('::1', 6), ('::', 6), ('0000:0000:0000:0000:0000:0000:12345:0000', 0),
    ('0', 0), ('', 0), (None, 0), (123, 0), (True, 0), ({}, 0),
]


@pytest.mark.parametrize("value, expected", IS_IP)
def test_is_ip(value, expected):
    assert net.is_ip(value) == expected


@pytest.mark.parametrize("text, expected", [
    ('::2001:252:1:255.255.255.255', 6), ('127.0.0.1', 4), ('bla', 0)])
def test_is_ip_of_an_object(text, expected):
    assert net.isIP(Stringy(text)) == expected
    assert net.is_ipv4(Stringy(text)) is (expected == 4)
    assert net.is_ipv6(Stringy(text)) is (expected == 6)


@pytest.mark.parametrize("value, v4, v6", [
    ('127.0.0.1', True, False), ('example.com', False, False),
    ('2001:252:0:1::2008:6', False, True), ('', False, False), (None, False, False),
    (123, False, False), (True, False, False), ({}, False, False),
])
def test_is_ipv4_and_is_ipv6(value, v4, v6):
    assert net.is_ipv4(value) is v4
    assert net.is_ipv6(value) is v6
