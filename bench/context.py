"""What every benchmark is given: sizes, a scratch folder, the generated database."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from bench.generate import BIG_ID, generate


@dataclass(frozen=True)
class Sizes:
    postmortems: int = 1000
    events: int = 5000
    actions: int = 300
    search_postmortems: int = 10_000
    typed: int = 2000
    rounds: int = 15
    """Repetitions of each start-up figure, after `warmup` rounds."""
    typing_rounds: int = 3
    warmup: int = 1


QUICK = Sizes(
    postmortems=40,
    events=200,
    actions=20,
    search_postmortems=60,
    typed=60,
    rounds=1,
    typing_rounds=1,
    warmup=0,
)


@dataclass
class Context:
    workdir: Path
    sizes: Sizes
    quick: bool = False
    _db: Path | None = None

    @property
    def db(self) -> Path:
        """The main database: `sizes.postmortems` post-mortems, PM-1 the big one."""
        if self._db is None:
            path = self.workdir / "postmortems.db"
            s = self.sizes
            if not path.exists():  # (a kept --workdir has it already)
                generate(path, s.postmortems, s.events, s.actions)
            self._db = path
        return self._db

    def copy_db(self, name: str) -> Path:
        """A fresh copy of the main database (SQLite's backup: the WAL is included)."""
        copy = self.workdir / name
        for stale in self.workdir.glob(f"{name}*"):
            stale.unlink()
        with closing(sqlite3.connect(self.db)) as source, closing(sqlite3.connect(copy)) as dest:
            source.backup(dest)
        return copy

    @property
    def big_id(self) -> str:
        return BIG_ID

    def env(self, **extra: str) -> dict[str, str]:
        """Environment for launched programs: isolated config and data, fixed zone and user."""
        home = self.workdir / "home"
        (home / "config").mkdir(parents=True, exist_ok=True)
        dropped = {"COLUMNS", "LINES"}  # they would override the pseudo-terminal's size
        if not self.quick:
            # Compiled modules are cached (the warm-up round writes them) as after an
            # install, even where the environment asks Python not to write bytecode.
            dropped.add("PYTHONDONTWRITEBYTECODE")
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DEBRIEF_", "TEXTUAL")) and k not in dropped
        }
        env.update(
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            # Parsed templates and styles are kept here; the warm-up round writes them.
            XDG_CACHE_HOME=str(home / "cache"),
            DEBRIEF_USER="bench",
            TZ="UTC",
            TERM="xterm-256color",
            COLORTERM="truecolor",
        )
        if not self.quick:
            env["PYTHONPYCACHEPREFIX"] = str(self.workdir / "pycache")
        env.update(extra)
        return env

    def section_start(self, pm_id: str, key: str, words: int = 3) -> str:
        """The first words of a stored section: drawn once its editor has loaded."""
        from debrief.store import Store

        store = Store(self.db, author="bench")
        try:
            body = store.get_section(pm_id, key).body
        finally:
            store.close()
        return " ".join(body.split()[:words])
