"""Starting the Textual app from the command line (Textual is imported only here)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from debrief.cli.context import Context

if TYPE_CHECKING:
    from textual.app import App

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


def exit_as(app: App[Any]) -> None:
    """Leave with the app's return code: 1 after a crash (Textual has printed what
    happened), so scripts and shells see the failure."""
    if app.return_code:
        raise SystemExit(app.return_code)


def serve_app(
    context: Context,
    host: str,
    port: int,
    public_url: str | None = None,
    max_sessions: int | None = None,
) -> None:
    """The app in browsers: each session runs `debrief` on the same database.
    `public_url` and `max_sessions` override the config's `[serve]` table."""
    import os
    import sys

    from debrief.cli.context import fail, warn
    from debrief.serve_guard import is_loopback, origin_of, own_origins

    if not is_loopback(host):
        warn(
            f"debrief serve listens on {host}: anyone who can reach port {port} "
            "can use the app and every post-mortem in its database"
        )
    from dataclasses import replace

    settings = context.config.serve
    if public_url is not None:
        settings = replace(settings, public_url=public_url)
    if max_sessions is not None:
        settings = replace(settings, max_sessions=max_sessions)
    if settings.public_url and origin_of(settings.public_url) is None:
        fail(f"{settings.public_url!r} is not a public URL like https://debrief.example.com")
    try:
        own_origins(settings.public_url, host, port, settings.allowed_origins)
    except ValueError as exc:
        fail(f"[serve] allowed_origins: {exc}")
    root = settings.import_root.strip()
    if root and not Path(root).expanduser().is_dir():
        fail(f"[serve] import_root {root} is not a folder")
    from debrief.app import serve_in_browser
    from debrief.store.engine import is_url

    command = [sys.executable, "-m", "debrief"]
    database = context.database
    if is_url(database):  # through the environment: a URL may hold a password, argv is public
        os.environ["DEBRIEF_DB"] = str(database)
    else:
        command += ["--db", str(database)]
    if context.config_path:
        command += ["--config", str(context.config_path)]
    serve_in_browser(command, host, port, settings)
