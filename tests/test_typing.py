"""The public signatures, as a type checker sees them, are pinned by mypy (strict)."""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def _mypy(*targets):
    env = dict(os.environ, MYPY_FORCE_COLOR="0")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental",
         "--python-version", "3.10", *targets],
        capture_output=True, text=True, env=env, cwd=HERE,
    )


def test_public_signatures():
    result = _mypy(str(HERE / "typing" / "public_signatures.py"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_wrong_signature_is_caught(tmp_path):
    """The check has teeth: a deliberately wrong expectation fails."""
    bad = tmp_path / "wrong_expectation.py"
    bad.write_text(
        "from typing_extensions import assert_type\n"
        "from nodenet.events import EventEmitter\n"
        "assert_type(EventEmitter().on('x', print), int)\n"
    )
    result = _mypy(str(bad))
    assert result.returncode != 0
    assert "[assert-type]" in result.stdout
