"""`debrief serve` opens sessions only for its own pages, and only so many at once.

Each test starts the real `debrief serve` on 127.0.0.1 and speaks to it with aiohttp's
client, as a browser page would (a WebSocket upgrade carrying an Origin header).
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    proc: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def app_processes(self) -> int:
        """The app processes (`python -m debrief --db ...`) started below the server."""
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
        count, todo = 0, list(children.get(self.proc.pid, []))
        while todo:
            pid = todo.pop()
            todo.extend(children.get(pid, []))
            try:
                argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if argv[1:3] == [b"-m", b"debrief"] and b"serve" not in argv:
                count += 1
        return count

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for the module (starting one takes seconds); each test waits until it
    has no session left."""
    tmp_path = tmp_path_factory.mktemp("serve")
    port = _free_port()
    log = tmp_path / "serve.log"
    config = tmp_path / "config.toml"
    config.write_text("[serve]\nmax_sessions = 2\n", encoding="utf-8")
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "debrief",
                "--config",
                str(config),
                "serve",
                "--port",
                f"{port}",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={
                **os.environ,
                "TERM": "xterm-256color",
                "HOME": str(tmp_path),
                "XDG_DATA_HOME": str(tmp_path / "data"),
                "XDG_CONFIG_HOME": str(tmp_path / "config"),
                "DEBRIEF_DB": str(tmp_path / "debrief.db"),
            },
        )
    served = Served(proc, port, log)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert proc.poll() is None, served.log_text()
                assert time.monotonic() < deadline, "debrief serve did not start"
                time.sleep(0.1)
        yield served
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture
async def serve(server: Served) -> Served:
    """The module's server once its earlier sessions have ended and freed their slots."""
    async with aiohttp.ClientSession() as session:
        for _ in range(100):
            async with session.get(server.url) as page:
                if page.status == 200 and server.app_processes() == 0:
                    return server
            await asyncio.sleep(0.1)
    raise AssertionError("the sessions of an earlier test did not end")


async def _open(
    session: aiohttp.ClientSession, served: Served, origin: str | None
) -> aiohttp.ClientWebSocketResponse:
    """A session as a page would open it; returns once the app has drawn something."""
    headers = {} if origin is None else {"Origin": origin}
    ws = await session.ws_connect(f"{served.url}/ws?width=80&height=24", headers=headers)
    message = await ws.receive(timeout=20)
    assert message.type is aiohttp.WSMsgType.BINARY, message
    return ws


async def _refused(session: aiohttp.ClientSession, served: Served, origin: str | None) -> int:
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await _open(session, served, origin)
    return refused.value.status


async def _until(check, timeout: float = 15) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline
        await asyncio.sleep(0.1)


async def test_other_sites_pages_cannot_open_a_session(serve: Served) -> None:
    async with aiohttp.ClientSession() as session:
        assert await _refused(session, serve, "http://evil.example") == 403
        assert await _refused(session, serve, None) == 403  # browsers always send one
        assert await _refused(session, serve, f"http://127.0.0.1:{serve.port + 1}") == 403
        assert serve.app_processes() == 0
        ws = await _open(session, serve, serve.url)  # the server's own page
        assert serve.app_processes() == 1
        await ws.close()
    log = serve.log_text()
    assert log.count("refused a session from origin 'http://evil.example'") == 1
    assert "refused a session from origin none" in log
    assert "Traceback" not in log


async def test_sessions_past_the_limit_are_refused_until_one_ends(serve: Served) -> None:
    async with aiohttp.ClientSession() as session:
        first, second = await asyncio.gather(
            _open(session, serve, serve.url),
            _open(session, serve, f"http://localhost:{serve.port}"),
        )
        assert serve.app_processes() == 2
        assert await _refused(session, serve, serve.url) == 503
        async with session.get(serve.url) as page:  # a new tab is told why
            assert page.status == 503
            assert "at its limit of 2 sessions; close a tab or try later" in await page.text()
        assert serve.app_processes() == 2  # and nothing was started for it

        await first.close()
        await _until(lambda: serve.app_processes() == 1)
        for _ in range(50):  # the slot is free once the server has seen the process end
            async with session.get(serve.url) as page:
                if page.status == 200:
                    break
            await asyncio.sleep(0.1)
        assert page.status == 200
        assert page.headers["Content-Security-Policy"].startswith("frame-ancestors 'self' ")
        third = await _open(session, serve, serve.url)  # the freed slot is usable
        assert serve.app_processes() == 2
        await asyncio.gather(second.close(), third.close())
    assert "refused a session: all 2 are in use" in serve.log_text()
