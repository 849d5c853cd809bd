"""Port of Node's test/parallel/test-net-socket-connect-invalid-autoselectfamily.js.

Node: connect({port, autoSelectFamily: 'INVALID'}) throws
ERR_INVALID_ARG_TYPE. Nothing left out.
"""

import pytest

import nodenet.net as net


def test_auto_select_family_must_be_a_boolean():
    with pytest.raises(TypeError) as info:
        net.connect({"port": 8080, "autoSelectFamily": "INVALID"})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
