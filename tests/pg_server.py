"""A throwaway PostgreSQL server for the tests: initdb + pg_ctl in a temporary folder.

Found through `pg_config --bindir`, PATH, or /usr/lib/postgresql/<n>/bin. As root,
the server runs as `nobody` (PostgreSQL refuses root) in a folder it owns.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

REQUIRE = "DEBRIEF_REQUIRE_POSTGRES"


def bindir() -> Path | None:
    """Where initdb and pg_ctl are, or None."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        done = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        if done.returncode == 0:
            candidates.append(Path(done.stdout.strip()))
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    candidates.extend(versions)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """One server; `database()` makes a new empty database and returns its URL."""

    def __init__(self, bin_folder: Path) -> None:
        self.bin = bin_folder
        self.folder = Path(tempfile.mkdtemp(prefix="debrief-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "nobody")
            self.prefix = ["runuser", "-u", "nobody", "--"]
        self._count = itertools.count(1)
        self._database: str | None = None

    def _run(self, *args: str) -> None:
        done = subprocess.run(
            [*self.prefix, *args], capture_output=True, text=True, check=False, cwd=self.folder
        )
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stdout}{done.stderr}")

    def start(self) -> None:
        self._run(
            str(self.bin / "initdb"),
            "-D", str(self.data), "-A", "trust", "-U", "debrief", "-E", "UTF8",
            "--locale=C", "--no-sync",
        )  # fmt: skip
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options,
            "-l", str(self.folder / "log"), "-w", "-s", "start",
        )  # fmt: skip

    @property
    def admin_url(self) -> str:
        return f"postgresql://debrief@127.0.0.1:{self.port}/postgres"

    def database(self) -> str:
        """A new, empty place for one test's data: a schema of its own in this
        process's database (a schema is made in a millisecond, a database in 150),
        which the URL puts first on the search path."""
        import psycopg

        name = f"d{os.getpid()}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            if self._database is None:
                conn.execute(f"CREATE DATABASE {name}")
                self._database = name
        schema = f"t{next(self._count)}"
        url = f"postgresql://debrief@127.0.0.1:{self.port}/{name}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        return f"{url}?options=-csearch_path%3D{schema}"

    def stop(self) -> None:
        try:
            self._run(
                str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-s", "stop"
            )
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
