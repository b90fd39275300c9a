"""Who may open a session of `debrief serve`, and how many at once.

textual-serve accepts a WebSocket from any page (so a page on another site could
drive the app through the user's browser) and starts one app process per socket
with no limit. It offers no hook for either check, so this one small subclass of
its `Server` looks at each WebSocket upgrade before textual-serve handles it:

- the Origin header must be the server's own (its public URL; on a loopback
  address, any loopback name for the same port) or one of `[serve] allowed_origins`.
  Browsers always send Origin on a WebSocket; a request without one is refused too,
  so a script must send the server's own origin like a browser would;
- at most `max_sessions` sessions run at once; past that no process is started and
  the browser is told why. A session's slot is free again as soon as it ends.

A refusal is an HTTP error status (403, or 503 when full) and one log line. The
server answers nothing but GET (the page, the socket, downloads and static files),
so no other request can change anything; and the page may not be framed by another
site's (where it would open a session with the server's own origin).
"""

from __future__ import annotations

import html
import ipaddress
import logging
from collections.abc import Iterable
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

from debrief.literal import clean
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
    ) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url or None)
        self.origins = own_origins(self.public_url, host, port, allowed_origins)
        self.max_sessions = max_sessions
        self.sessions = 0

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
        origin = request.headers.get("Origin")
        if origin is None or origin_of(origin) not in self.origins:
            shown = "none" if origin is None else repr(clean(origin[:60]))
            log.warning("refused a session from origin %s: not this server's page", shown)
            return web.Response(
                status=403,
                text="This server accepts sessions only from its own page "
                "(other origins: [serve] allowed_origins).\n",
            )
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
        self.sessions += 1  # no await since the check: no other session can slip in between
        try:
            response: web.StreamResponse = await super().handle_websocket(request)
            return response
        finally:
            self.sessions -= 1

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The app's page, or, when every session is in use, a page that says so."""
        if self.full:
            text = html.escape(full_message(self.max_sessions))
            page = (
                "<!DOCTYPE html><html><head><meta charset='utf-8'><title>debrief</title></head>"
                f"<body style='font-family: sans-serif; margin: 3em'><p>{text}</p></body></html>"
            )
            return web.Response(
                status=503, text=page, content_type="text/html", headers={"Retry-After": "30"}
            )
        response: web.StreamResponse = await super().handle_index(request)
        # Framed in another site's page, the app's own origin would pass: no framing.
        ancestors = " ".join(["'self'", *sorted(self.origins)])
        response.headers["Content-Security-Policy"] = f"frame-ancestors {ancestors}"
        return response
