"""The Makefile's search for Python 3.11+ is quiet where pyenv shims name missing versions."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_a_shim_for_a_missing_version_prints_nothing(tmp_path: Path):
    shims = tmp_path / "shims"
    shims.mkdir()
    for version in ("python3.13", "python3.12"):  # what pyenv's shims do without it
        shim = shims / version
        shim.write_text(f'#!/bin/sh\necho "pyenv: {version}: command not found" >&2\nexit 127\n')
        shim.chmod(0o755)
    real = tmp_path / "real"
    real.mkdir()
    (real / "python3.11").symlink_to(sys.executable)
    env = {**os.environ, "PATH": f"{shims}{os.pathsep}{real}{os.pathsep}/usr/bin:/bin"}
    env.pop("PYTHON", None)
    env.pop("MAKEFLAGS", None)
    done = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), "--eval", "probe: ; @echo $(PYTHON)",
         "probe"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.strip() == str(real / "python3.11")
