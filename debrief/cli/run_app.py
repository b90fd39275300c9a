"""Starting the Textual app from the command line (Textual is imported only here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from debrief.cli.context import Context

APP_BUSY_TIMEOUT_S = 0.25
"""The app's saves run between keystrokes: wait briefly for another writer, then retry later."""


def run_app(context: Context, pm_id: str | None, mode: str = "edit") -> None:
    store = context.store(busy_timeout=APP_BUSY_TIMEOUT_S)
    if pm_id is not None:
        store.get_postmortem(pm_id)  # a clear error before the screen opens
    from debrief.app import DebriefApp
    from debrief.config import config_file

    app = DebriefApp(
        store=store,
        config=context.config,
        pm_id=pm_id,
        mode=mode,
        templates_dir=context.templates,
        config_path=config_file(context.config_path),
    )
    app.run()
    exit_as(app)


def exit_as(app: Any) -> None:
    """Leave with the Textual app's return code: 1 after a crash (Textual has printed
    what happened), so scripts and shells see the failure."""
    if app.return_code:
        raise SystemExit(app.return_code)


def serve_app(
    context: Context,
    host: str,
    port: int,
    public_url: str | None = None,
    max_sessions: int | None = None,
    token: str | None = None,
) -> None:
    """The app in browsers: each session runs `debrief` on the same database, as the
    person who signed in. `public_url`, `max_sessions` and `token` override the config's
    `[serve]` table (the token: --token, else DEBRIEF_SERVE_TOKEN, else `[serve] token`)."""
    import os
    import shlex
    import sys

    from debrief.cli.context import fail, warn

    try:
        import textual_serve  # noqa: F401  (the optional `serve` extra)
    except ImportError:
        fail(
            "debrief serve needs the serve extra: pip install 'debrief[serve]' "
            "(with pipx: pipx inject debrief textual-serve)"
        )
    from dataclasses import replace

    from debrief.serve_guard import is_loopback, origin_of, own_origins
    from debrief.serve_signin import MIN_TOKEN

    settings = context.config.serve
    if public_url is not None:
        settings = replace(settings, public_url=public_url)
    if max_sessions is not None:
        settings = replace(settings, max_sessions=max_sessions)
    secret = (
        token or os.environ.get("DEBRIEF_SERVE_TOKEN") or settings.token.get_secret_value()
    ).strip()
    if not is_loopback(host) and not secret:
        fail(
            f"debrief serve listens on {host}, beyond this machine, only with a sign-in token: "
            "give --token, DEBRIEF_SERVE_TOKEN or [serve] token"
        )
    if secret and len(secret) < MIN_TOKEN:
        fail(
            f"the serve token must be at least {MIN_TOKEN} characters "
            "(for example the output of `openssl rand -hex 16`)"
        )
    header = settings.user_header.strip()
    if header and not all(c.isalnum() or c == "-" for c in header):
        fail(f"[serve] user_header {header!r} is not a header name like X-Forwarded-User")
    if settings.public_url and origin_of(settings.public_url) is None:
        fail(f"{settings.public_url!r} is not a public URL like https://debrief.example.com")
    try:
        own_origins(settings.public_url, host, port, settings.allowed_origins)
    except ValueError as exc:
        fail(f"[serve] allowed_origins: {exc}")
    root = settings.import_root.strip()
    if root and not Path(root).expanduser().is_dir():
        fail(f"[serve] import_root {root} is not a folder")
    from debrief.serve_guard import GuardedServer, listening_socket
    from debrief.serve_signin import SignIn
    from debrief.store.engine import is_url

    command = [sys.executable, "-m", "debrief"]
    database = context.database
    if is_url(database):  # through the environment: a URL may hold a password, argv is public
        os.environ["DEBRIEF_DB"] = str(database)
    else:
        command += ["--db", str(database)]
    if context.config_path:
        command += ["--config", str(context.config_path)]
    server = GuardedServer(
        shlex.join(command),
        host=host,
        port=port,
        title="debrief",
        public_url=settings.public_url,
        allowed_origins=settings.allowed_origins,
        max_sessions=settings.max_sessions,
        signin=SignIn(secret, header, secure=settings.public_url.startswith("https:")),
    )
    if secret and not is_loopback(host) and not server.public_url.startswith("https:"):
        warn(
            "the token and every session cross the network unencrypted: put a TLS proxy "
            "in front and set [serve] public_url to its https:// address"
        )
    try:
        sock = listening_socket(host, port)
    except OSError as exc:
        import errno

        if exc.errno == errno.EADDRINUSE:
            fail(f"port {port} on {host} is in use by another program; choose another with --port")
        fail(f"cannot listen on {host} port {port}: {exc.strerror or exc}")
    server.serve_on(sock)
