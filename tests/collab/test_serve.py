"""`debrief serve` answers on 127.0.0.1 with the app's page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_serve_answers_on_localhost(db_path):
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "debrief", "--db", str(db_path), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    try:
        page = ""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    assert response.status == 200
                    page = response.read().decode()
                    break
            except OSError:
                time.sleep(0.2)
        assert "debrief" in page
        assert f"ws://127.0.0.1:{port}/ws" in page or "/ws" in page
    finally:
        proc.terminate()
        proc.wait(10)
