"""What every command shares: options, the store, the config, and error handling."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    import typer

    from debrief.config import Config
    from debrief.store import Store


class Context:
    def __init__(self, db_path: str | Path | None = None, config_path: Path | None = None) -> None:
        self.db_path = db_path
        self.config_path = config_path
        self._stores: list[Store] = []

    @cached_property
    def config(self) -> Config:
        from debrief.config import load_config

        config = load_config(self.config_path)
        for warning in config.warnings:
            warn(warning)
        return config

    @cached_property
    def user(self) -> str:
        """Who is making changes: DEBRIEF_USER, the config's `user`, else the database's
        own answer (the role on PostgreSQL, the OS user for a file)."""
        from debrief.config import named_user

        return named_user(self.config) or self.store().author

    @property
    def database(self) -> Path | str:
        """The database: --db, else DEBRIEF_DB, else the config's `db`, else the default
        file. A postgresql:// URL stays a string; anything else is a file path."""
        from debrief.store.engine import is_url

        chosen = self.db_path or os.environ.get("DEBRIEF_DB") or self.config.db
        if not chosen:
            from debrief.config import default_db_path

            return default_db_path()
        return chosen if is_url(chosen) else Path(chosen)

    @property
    def templates(self) -> Path:
        from debrief.config import templates_dir

        return templates_dir(self.config_path)

    def store(self, busy_timeout: float | None = None) -> Store:
        from debrief.config import named_user
        from debrief.store import Store

        opened = Store(
            self.database, author=named_user(self.config) or None, busy_timeout=busy_timeout
        )
        self._stores.append(opened)
        return opened


def fail(message: str) -> NoReturn:
    """One clear sentence on stderr, exit 1; names and paths in it are shown literally."""
    from debrief.cli.output import say

    say(f"debrief: {message}", err=True)
    raise SystemExit(1)


def warn(message: str) -> None:
    from debrief.cli.output import say

    say(f"warning: {message}", err=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn every error a user can fix into one sentence and exit 1; no traceback."""
    from debrief.store import StoreError

    try:
        yield
    except StoreError as exc:
        fail(str(exc))
    except ValueError as exc:  # dates, templates, the config, export files, records
        fail(str(exc))
    except BrokenPipeError:
        # The reader went away (`debrief list | head`): stop quietly, as tools killed by
        # SIGPIPE do, and keep the interpreter from complaining when it flushes stdout.
        import os
        import sys

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(141) from None
    except OSError as exc:
        fail(f"{exc.strerror or exc}{': ' + str(exc.filename) if exc.filename else ''}")
    except KeyboardInterrupt:
        print("interrupted; everything saved so far is kept", file=sys.stderr)
        raise SystemExit(130) from None


def handled(func: Callable[..., None]) -> Callable[..., None]:
    """Decorator form of user_errors for command functions."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> None:
        with user_errors():
            func(*args, **kwargs)

    return wrapper


def ctx_of(ctx: typer.Context) -> Context:
    obj = ctx.find_root().obj
    assert isinstance(obj, Context)
    return obj


def read_text_arg(value: str) -> str:
    """TEXT, or standard input when TEXT is `-`."""
    if value == "-":
        if sys.stdin is None:
            fail("no standard input to read from")
        return sys.stdin.read()
    return value
