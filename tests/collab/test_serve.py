"""`debrief serve` asks who you are before the app starts: the token (when the server
has one) and your name, or a trusted proxy's header; each session's app runs as that
person. The real server on 127.0.0.1, spoken to as a browser would."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.collab.test_serve_guard import (
    Served,
    browser,
    open_session,
    refused_status,
    sign_in,
    start,
    until,
)

pytestmark = pytest.mark.slow

DEBRIEF = [sys.executable, "-m", "debrief"]
TOKEN = "c0ffee-and-a-long-enough-secret"


@pytest.fixture
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Served]:
    config, env = request.param
    server = start(tmp_path, config, env=env)
    try:
        yield server
    finally:
        server.proc.terminate()
        server.proc.wait(10)


def _page(text: str) -> str:
    return "app page" if "/ws" in text else "sign-in page" if "sign-in" in text else text


@pytest.mark.parametrize("served", [("", {})], indirect=True)
async def test_the_page_asks_for_a_name_and_the_session_runs_as_that_person(served):
    async with browser() as session:
        async with session.get(served.url) as page:
            text = await page.text()
            assert _page(text) == "sign-in page" and 'name="name"' in text
            assert 'name="token"' not in text  # loopback without a token: the name only
        assert await refused_status(session, served, served.url) == 401
        assert await sign_in(session, served, name="  ") == 400  # a name is needed
        assert await sign_in(session, served, name="Lis Ferreira") == 303
        async with session.get(served.url) as page:
            assert _page(await page.text()) == "app page"
        ws = await open_session(session, served, served.url)
        assert served.app_environment()["DEBRIEF_USER"] == "Lis Ferreira"
        await ws.close()
        await until(lambda: served.app_processes() == 0)
    assert "signed in: Lis Ferreira" in served.log_text()


@pytest.mark.parametrize("served", [("", {"DEBRIEF_SERVE_TOKEN": TOKEN})], indirect=True)
async def test_the_token_is_asked_first_and_never_shown_or_handed_on(served):
    async with browser() as session:
        async with session.get(served.url) as page:
            text = await page.text()
            assert _page(text) == "sign-in page" and 'name="token"' in text
        assert await sign_in(session, served, token="guess-guess-guess", name="Eve") == 403
        assert await refused_status(session, served, served.url) == 401  # no cookie for it
        assert await sign_in(session, served, token=TOKEN, name="Ana Souza") == 303
        ws = await open_session(session, served, served.url)
        environment = served.app_environment()
        assert environment["DEBRIEF_USER"] == "Ana Souza"
        assert "DEBRIEF_SERVE_TOKEN" not in environment
        assert TOKEN not in " ".join(environment.values())
        await ws.close()
        await until(lambda: served.app_processes() == 0)
    log = served.log_text()
    assert "refused a sign-in from 127.0.0.1: wrong token" in log
    assert TOKEN not in log and "guess-guess-guess" not in log


@pytest.mark.parametrize(
    "served", [('[serve]\nuser_header = "X-Forwarded-User"\n', {})], indirect=True
)
async def test_a_trusted_proxys_header_names_the_person(served):
    async with browser() as session:
        async with session.get(served.url) as page:
            assert page.status == 403
            assert "takes your name from the X-Forwarded-User header" in await page.text()
        proxied = {"X-Forwarded-User": "ben.okafor"}
        async with session.get(served.url, headers=proxied) as page:
            assert _page(await page.text()) == "app page"
        ws = await session.ws_connect(
            f"{served.url}/ws?width=80&height=24", headers={"Origin": served.url, **proxied}
        )
        assert (await ws.receive(timeout=20)).type is aiohttp.WSMsgType.BINARY
        assert served.app_environment()["DEBRIEF_USER"] == "ben.okafor"
        await ws.close()
        await until(lambda: served.app_processes() == 0)


def test_a_port_in_use_is_one_sentence_and_no_banner(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [*DEBRIEF, "--db", str(tmp_path / "d.db"), "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        f"debrief: port {port} on 127.0.0.1 is in use by another program; "
        "choose another with --port\n"
    )


@pytest.mark.parametrize("served", [("", {})], indirect=True)
async def test_what_a_browser_session_types_is_recorded_under_its_name(served, tmp_path):
    import json

    from debrief.cli.documents import load_demo
    from debrief.store import Store

    store = Store(tmp_path / "debrief.db", author="setup")  # the server's database
    pm_id = load_demo(store)
    async with browser() as session:
        assert await sign_in(session, served, name="Lis Ferreira") == 303
        ws = await open_session(session, served, served.url)

        drawn = bytearray()

        async def shows(needle: bytes) -> None:
            """Read what the app draws until `needle` is on its screen."""
            while needle not in drawn:
                message = await ws.receive(timeout=20)
                if message.type is aiohttp.WSMsgType.BINARY:
                    drawn.extend(message.data)

        await shows(pm_id.encode())  # the home screen lists it
        await ws.send_str(json.dumps(["stdin", "\r"]))  # open it
        drawn.clear()
        await shows(b"Impact and scope")
        await ws.send_str(json.dumps(["stdin", "Typed in a browser."]))
        saved = lambda: any(  # noqa: E731
            r.author == "Lis Ferreira" and "Typed in a browser." in str(r.new)
            for r in store.history(pm_id)
        )
        await until(saved, timeout=20)
        await ws.close()
        await until(lambda: served.app_processes() == 0)
    store.close()
