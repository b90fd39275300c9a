"""Signing in to `debrief serve`: the server's token (when it has one) and the person's name.

Before the app starts, the page asks for the token (`--token`, DEBRIEF_SERVE_TOKEN or
`[serve] token`) and for the person's name, which every change of that browser session
is recorded under. When the operator names a header that a trusted proxy sets
(`[serve] user_header`, e.g. X-Forwarded-User), the name comes from it instead and
only the token is asked for (nothing at all without a token).

A correct answer sets a cookie holding the name and an expiry, signed (HMAC-SHA256)
with a key made when the server starts: never the token, and worthless once the
server stops or 12 hours pass. The token is compared in constant time, a wrong one
costs a second, and it is never logged, shown or put in a URL (the form is POSTed).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import html
import logging
import secrets
import time
from dataclasses import dataclass, field

from aiohttp import web

from debrief.literal import clean

log = logging.getLogger("debrief.serve")

COOKIE = "debrief_session"
MAX_AGE_S = 12 * 3600
NAME_LIMIT = 60
"""Characters of a person's name kept."""
MIN_TOKEN = 16
"""Characters a token needs at least (e.g. `openssl rand -hex 16` gives 32)."""
WRONG_TOKEN_DELAY_S = 1.0

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>debrief: sign in</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
:root {{ color-scheme: light dark; font-family: system-ui, sans-serif; }}
body {{ margin: 3em auto; max-width: 26em; padding: 0 1em; }}
label {{ display: block; margin-top: 1em; }}
input {{ display: block; width: 100%; margin-top: .3em; padding: .4em; font-size: 1em;
  box-sizing: border-box; }}
button {{ margin-top: 1.4em; padding: .5em 1.4em; font-size: 1em; }}
.error {{ border-left: .3em solid currentColor; padding-left: .6em; font-weight: bold; }}
</style></head>
<body><h1>debrief</h1>{error}
<form method="post" action="sign-in">{fields}
<button type="submit" id="sign-in">Start</button></form>
<p>Your name is recorded with every change you make in this session.</p>
</body></html>
"""
_TOKEN_FIELD = """
<label for="token">This server's token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>"""
_NAME_FIELD = """
<label for="name">Your name</label>
<input id="name" name="name" type="text" autocomplete="name" maxlength="{limit}" required>"""


def clean_name(raw: str) -> str:
    """A person's name as it is recorded: one line, control characters visible, trimmed."""
    return clean(raw, single_line=True).strip()[:NAME_LIMIT].strip()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class SignIn:
    """What a browser must give before a session starts, and who it then is."""

    token: str = ""
    user_header: str = ""
    secure: bool = False
    """The page is served over https: the cookie is sent only there."""
    key: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    def __repr__(self) -> str:  # never the token, in a log or a traceback
        return f"SignIn(token={'set' if self.token else 'none'}, user_header={self.user_header!r})"

    @property
    def asks_name(self) -> bool:
        return not self.user_header

    @property
    def needs_cookie(self) -> bool:
        return bool(self.token) or self.asks_name

    def token_matches(self, given: str) -> bool:
        return hmac.compare_digest(given.encode(), self.token.encode())

    def _mac(self, payload: str) -> str:
        return _b64(hmac.new(self.key, payload.encode(), hashlib.sha256).digest())

    def cookie_for(self, name: str, now: float | None = None) -> str:
        expires = int((time.time() if now is None else now) + MAX_AGE_S)
        payload = f"{expires}.{_b64(name.encode())}"
        return f"{payload}.{self._mac(payload)}"

    def name_in(self, cookie: str | None, now: float | None = None) -> str | None:
        """The name a cookie of this server holds; None when it is not one, or expired."""
        if not cookie or cookie.count(".") != 2:
            return None
        payload, mac = cookie.rsplit(".", 1)
        if not hmac.compare_digest(mac, self._mac(payload)):
            return None
        expires, name = payload.split(".")
        try:
            if int(expires) < (time.time() if now is None else now):
                return None
            return _unb64(name).decode()
        except ValueError:
            return None

    def person(self, request: web.BaseRequest) -> str | None:
        """Who a request comes from; None when it must sign in first (or the proxy
        named nobody)."""
        named = ""
        if self.needs_cookie:
            found = self.name_in(request.cookies.get(COOKIE))
            if found is None:
                return None
            named = found
        if self.user_header:
            named = clean_name(request.headers.get(self.user_header, ""))
        return named or None

    # -- the page ------------------------------------------------------------------

    def page(self, error: str = "", status: int = 200) -> web.Response:
        fields = (_TOKEN_FIELD if self.token else "") + (
            _NAME_FIELD.format(limit=NAME_LIMIT) if self.asks_name else ""
        )
        said = f'<p class="error" role="alert">{html.escape(error)}</p>' if error else ""
        return web.Response(
            status=status,
            text=_PAGE.format(error=said, fields=fields),
            content_type="text/html",
            headers={"Cache-Control": "no-store"},
        )

    async def answer(self, request: web.Request) -> web.Response:
        """The form's POST: the cookie and back to the app, or the page with one sentence."""
        form = await request.post()
        if self.token:
            given = form.get("token", "")
            if not isinstance(given, str) or not self.token_matches(given):
                log.warning("refused a sign-in from %s: wrong token", request.remote)
                await asyncio.sleep(WRONG_TOKEN_DELAY_S)
                return self.page("That is not this server's token.", status=403)
        name = ""
        if self.asks_name:
            raw = form.get("name", "")
            name = clean_name(raw if isinstance(raw, str) else "")
            if not name:
                return self.page("Give your name: it is recorded with your changes.", 400)
        elif not self.person_from_header(request):
            return self.no_header_page()
        log.info("signed in: %s", name or clean_name(request.headers.get(self.user_header, "")))
        response = web.HTTPSeeOther("./")
        response.set_cookie(
            COOKIE,
            self.cookie_for(name),
            max_age=MAX_AGE_S,
            httponly=True,
            samesite="Strict",
            secure=self.secure,
            path="/",
        )
        return response

    def person_from_header(self, request: web.BaseRequest) -> str:
        return clean_name(request.headers.get(self.user_header, "")) if self.user_header else ""

    def no_header_page(self) -> web.Response:
        return web.Response(
            status=403,
            text=f"This server takes your name from the {self.user_header} header, "
            "which your request did not carry; sign in through the proxy.\n",
        )
