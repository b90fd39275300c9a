"""`debrief serve` opens sessions only for its own pages, and only so many at once.

Each test starts the real `debrief serve` on 127.0.0.1 and speaks to it with aiohttp's
client, as a browser page would (signed in with a name, then a WebSocket upgrade
carrying an Origin header).
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

    def app_pids(self) -> list[int]:
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
        found, todo = [], list(children.get(self.proc.pid, []))
        while todo:
            pid = todo.pop()
            todo.extend(children.get(pid, []))
            try:
                argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if argv[1:3] == [b"-m", b"debrief"] and b"serve" not in argv:
                found.append(pid)
        return found

    def app_processes(self) -> int:
        return len(self.app_pids())

    def app_environment(self) -> dict[str, str]:
        """The environment of the one app process running."""
        [pid] = self.app_pids()
        raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        return dict(e.decode().split("=", 1) for e in raw if b"=" in e)

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def start(folder: Path, config: str, *args: str, env: dict[str, str] | None = None) -> Served:
    """The real `debrief serve` on 127.0.0.1 with this config, once it answers."""
    port = _free_port()
    log = folder / "serve.log"
    (folder / "config.toml").write_text(config, encoding="utf-8")
    command = [sys.executable, "-m", "debrief", "--config", str(folder / "config.toml")]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*command, "serve", "--port", f"{port}", *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={
                **os.environ,
                "TERM": "xterm-256color",
                "HOME": str(folder),
                "XDG_DATA_HOME": str(folder / "data"),
                "XDG_CONFIG_HOME": str(folder / "config"),
                "DEBRIEF_DB": str(folder / "debrief.db"),
                **(env or {}),
            },
        )
    served = Served(proc, port, log)
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return served
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.terminate()
                raise AssertionError(f"debrief serve did not start: {served.log_text()}") from None
            time.sleep(0.1)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for the module (starting one takes seconds); each test waits until it
    has no session left."""
    served = start(tmp_path_factory.mktemp("serve"), "[serve]\nmax_sessions = 2\n")
    try:
        yield served
    finally:
        served.proc.terminate()
        served.proc.wait(10)


def browser() -> aiohttp.ClientSession:
    """A client that keeps cookies for 127.0.0.1, as a browser does."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def sign_in(session: aiohttp.ClientSession, served: Served, **form: str) -> int:
    """Give the sign-in page's form from the server's own page; the answer's status."""
    async with session.post(
        f"{served.url}/sign-in", data=form, headers={"Origin": served.url}, allow_redirects=False
    ) as answer:
        return answer.status


@pytest.fixture
async def serve(server: Served) -> Served:
    """The module's server once its earlier sessions have ended and freed their slots."""
    async with browser() as session:
        assert await sign_in(session, server, name="Ana") == 303
        for _ in range(100):
            async with session.get(server.url) as page:
                if page.status == 200 and server.app_processes() == 0:
                    return server
            await asyncio.sleep(0.1)
    raise AssertionError("the sessions of an earlier test did not end")


async def open_session(
    session: aiohttp.ClientSession, served: Served, origin: str | None
) -> aiohttp.ClientWebSocketResponse:
    """A session as a page would open it; returns once the app has drawn something."""
    headers = {} if origin is None else {"Origin": origin}
    ws = await session.ws_connect(f"{served.url}/ws?width=80&height=24", headers=headers)
    message = await ws.receive(timeout=20)
    assert message.type is aiohttp.WSMsgType.BINARY, message
    return ws


async def refused_status(session: aiohttp.ClientSession, served: Served, origin: str | None) -> int:
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await open_session(session, served, origin)
    return refused.value.status


async def until(check, timeout: float = 15) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline
        await asyncio.sleep(0.1)


async def test_other_sites_pages_cannot_open_a_session(serve: Served) -> None:
    async with browser() as session:
        assert await refused_status(session, serve, serve.url) == 401  # not signed in yet
        assert await sign_in(session, serve, name="Ana") == 303
        assert await refused_status(session, serve, "http://evil.example") == 403
        assert await refused_status(session, serve, None) == 403  # browsers always send one
        assert await refused_status(session, serve, f"http://127.0.0.1:{serve.port + 1}") == 403
        assert serve.app_processes() == 0
        ws = await open_session(session, serve, serve.url)  # the server's own page
        assert serve.app_processes() == 1
        await ws.close()
    log = serve.log_text()
    assert log.count("refused a session from origin 'http://evil.example'") == 1
    assert "refused a session from origin none" in log
    assert "Traceback" not in log


async def test_sessions_past_the_limit_are_refused_until_one_ends(serve: Served) -> None:
    async with browser() as session:
        assert await sign_in(session, serve, name="Ana") == 303
        first, second = await asyncio.gather(
            open_session(session, serve, serve.url),
            open_session(session, serve, f"http://localhost:{serve.port}"),
        )
        assert serve.app_processes() == 2
        assert await refused_status(session, serve, serve.url) == 503
        async with session.get(serve.url) as page:  # a new tab is told why
            assert page.status == 503
            assert "at its limit of 2 sessions; close a tab or try later" in await page.text()
        assert serve.app_processes() == 2  # and nothing was started for it

        await first.close()
        await until(lambda: serve.app_processes() == 1)
        for _ in range(50):  # the slot is free once the server has seen the process end
            async with session.get(serve.url) as page:
                if page.status == 200:
                    break
            await asyncio.sleep(0.1)
        assert page.status == 200
        assert page.headers["Content-Security-Policy"].startswith("frame-ancestors 'self' ")
        third = await open_session(session, serve, serve.url)  # the freed slot is usable
        assert serve.app_processes() == 2
        await asyncio.gather(second.close(), third.close())
    assert "refused a session: all 2 are in use" in serve.log_text()
