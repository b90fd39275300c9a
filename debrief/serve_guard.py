"""Who may open a session of `debrief serve`, and how many at once.

textual-serve accepts a WebSocket from any page (so a page on another site could
drive the app through the user's browser) and starts one app process per socket
with no limit. It offers no hook for either check, so this one small subclass of
its `Server` looks at each WebSocket upgrade before textual-serve handles it:

- the Origin header must be the server's own (its public URL; on a loopback
  address, any loopback name for the same port) or one of `[serve] allowed_origins`.
  Browsers always send Origin on a WebSocket; a request without one is refused too,
  so a script must send the server's own origin like a browser would;
- the browser has signed in (see `serve_signin`: the token, when the server has one,
  and the person's name, or a trusted proxy's header naming them); the session's app
  runs as that person (DEBRIEF_USER), without the server's token in its environment;
- at most `max_sessions` sessions run at once; past that no process is started and
  the browser is told why. A session's slot is free again as soon as it ends.

A refusal is an HTTP error status (403, 401 before signing in, or 503 when full) and
one log line. The server answers nothing but GET (the page, the socket, downloads and
static files) and the sign-in form's POST from its own origin, so no other request can
change anything; and the page may not be framed by another site's (where it would
open a session with the server's own origin).
"""

from __future__ import annotations

import asyncio
import html
import ipaddress
import logging
import socket
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from debrief.literal import clean
from debrief.serve_signin import SignIn
from debrief.words import plural

log = logging.getLogger("debrief.serve")

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")


def origin_of(url: str) -> str | None:
    """`scheme://host[:port]` of an http(s) URL, as a browser writes it in Origin
    (lower case, default port left out); None when `url` is no such URL."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), parts.hostname
    if scheme not in ("http", "https") or not host or parts.username or parts.password:
        return None
    if ":" in host:
        host = f"[{host}]"
    default = 80 if scheme == "http" else 443
    return f"{scheme}://{host}" + ("" if port in (None, default) else f":{port}")


def is_loopback(host: str) -> bool:
    """Whether listening on `host` keeps the server to this machine."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def own_origins(public_url: str, host: str, port: int, extra: Iterable[str] = ()) -> set[str]:
    """The origins whose pages may open a session (ValueError names a bad one)."""
    found = {origin_of(public_url)}
    if is_loopback(host):  # the same server, whichever loopback name the browser used
        found |= {origin_of(f"http://{name}:{port}") for name in LOOPBACK_NAMES}
    for url in extra:
        origin = origin_of(url)
        if origin is None:
            raise ValueError(f"{url!r} is not an origin like https://debrief.example.com")
        found.add(origin)
    found.discard(None)
    return {o for o in found if o is not None}


def full_message(limit: int) -> str:
    return (
        f"debrief serve is at its limit of {plural(limit, 'session')}; close a tab or try later "
        "(the server's [serve] max_sessions raises it)."
    )


def listening_socket(host: str, port: int) -> socket.socket:
    """The server's socket, bound before anything is printed (OSError: in use, or not
    an address of this machine)."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


class PersonsApp(AppService):
    """One session's app process: as the signed-in person, never with the server's token."""

    def __init__(self, command: str, person: str, **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self.person = person

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment.pop("DEBRIEF_SERVE_TOKEN", None)
        environment["DEBRIEF_USER"] = self.person
        return environment


class GuardedServer(Server):
    """textual-serve's Server, refusing other sites' pages and sessions past the limit."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        title: str,
        public_url: str = "",
        allowed_origins: Iterable[str] = (),
        max_sessions: int = 8,
        signin: SignIn | None = None,
    ) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url or None)
        self.origins = own_origins(self.public_url, host, port, allowed_origins)
        self.max_sessions = max_sessions
        self.sessions = 0
        self.signin = signin or SignIn(secure=self.public_url.startswith("https:"))

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_post("/sign-in", self.handle_sign_in)
        return app

    def serve_on(self, sock: socket.socket) -> None:
        """textual-serve's `serve`, on a socket already bound (so a port in use is one
        sentence before any banner)."""
        import signal

        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        except NotImplementedError:
            pass
        web.run_app(
            self._make_app(), sock=sock, handle_signals=False, loop=loop, print=lambda *a: None
        )

    def _foreign(self, request: web.Request) -> web.Response | None:
        origin = request.headers.get("Origin")
        if origin is None or origin_of(origin) not in self.origins:
            shown = "none" if origin is None else repr(clean(origin[:60]))
            log.warning("refused a session from origin %s: not this server's page", shown)
            return web.Response(
                status=403,
                text="This server accepts sessions only from its own page "
                "(other origins: [serve] allowed_origins).\n",
            )
        return None

    async def handle_sign_in(self, request: web.Request) -> web.StreamResponse:
        return self._foreign(request) or await self.signin.answer(request)

    def initialize_logging(self) -> None:
        """textual-serve's coloured log on a terminal; elsewhere (a log file, a service
        manager) one plain line per entry, never wrapped at 80 columns."""
        if self.console.is_terminal:
            super().initialize_logging()
            return
        level = "DEBUG" if self.debug else "INFO"
        logging.basicConfig(level=level, format="%(levelname)s %(message)s", force=True)

    @property
    def full(self) -> bool:
        return self.sessions >= self.max_sessions

    def refusal(self, request: web.Request) -> web.Response | None:
        """Why this WebSocket upgrade may not start a session (None: it may)."""
        foreign = self._foreign(request)
        if foreign is not None:
            return foreign
        if self.signin.person(request) is None:
            log.warning("refused a session from %s: not signed in", request.remote)
            return web.Response(status=401, text="Sign in on this server's page first.\n")
        if self.full:
            log.warning("refused a session: all %d are in use", self.max_sessions)
            return web.Response(
                status=503,
                text=full_message(self.max_sessions) + "\n",
                headers={"Retry-After": "30"},
            )
        return None

    # A refusal is a plain HTTP response, which aiohttp takes from any handler.
    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        refused = self.refusal(request)
        if refused is not None:
            return refused
        person = self.signin.person(request) or ""
        self.sessions += 1  # no await since the check: no other session can slip in between
        try:
            return await self._session(request, person)
        finally:
            self.sessions -= 1

    async def _session(self, request: web.Request, person: str) -> web.WebSocketResponse:
        """textual-serve's `handle_websocket`, with the app run as `person`."""
        from textual_serve.server import to_int

        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        app_service: AppService | None = None
        try:
            await websocket.prepare(request)
            log.info("a session for %s", person)
            app_service = PersonsApp(
                self.command,
                person,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await app_service.start(width, height)
            try:
                await self._process_messages(websocket, app_service)
            finally:
                await app_service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
        return websocket

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The app's page; the sign-in page first; or, when every session is in use, a
        page that says so."""
        if self.signin.person(request) is None:
            if self.signin.needs_cookie:
                response: web.StreamResponse = self.signin.page()
            else:
                response = self.signin.no_header_page()
            return self._unframed(response)
        if self.full:
            text = html.escape(full_message(self.max_sessions))
            page = (
                "<!DOCTYPE html><html><head><meta charset='utf-8'><title>debrief</title></head>"
                f"<body style='font-family: sans-serif; margin: 3em'><p>{text}</p></body></html>"
            )
            return web.Response(
                status=503, text=page, content_type="text/html", headers={"Retry-After": "30"}
            )
        return self._unframed(await super().handle_index(request))

    def _unframed(self, response: web.StreamResponse) -> web.StreamResponse:
        # Framed in another site's page, the app's own origin would pass: no framing.
        ancestors = " ".join(["'self'", *sorted(self.origins)])
        response.headers["Content-Security-Policy"] = f"frame-ancestors {ancestors}"
        return response
