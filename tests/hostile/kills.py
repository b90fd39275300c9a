"""SIGKILL trials: kill debrief at a random moment, then check what survived.

    python -m tests.hostile.kills [TRIALS] [--seed N]

Each trial picks one of these and kills it with SIGKILL at a random moment:

- typing: the app in a pseudo-terminal while someone types without a pause;
  afterwards the saved section must be a prefix of what was typed, and at most
  about one second of typing may be missing;
- import: `debrief import-timeline` of a 20,000-row CSV; afterwards the timeline
  holds either none or all of the file's events (the import is one transaction),
  and importing again completes it;
- writers: two `debrief event add` loops writing at once; every command that
  said it succeeded has its event stored.

After every trial the database must pass `PRAGMA integrity_check`, and a
post-mortem made before the trial must still be whole. The result is one table
row per kind. Not collected by pytest: it takes a few minutes.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tests.test_crash_safety import _read_until, app_in_a_pty

DEBRIEF = [sys.executable, "-m", "debrief"]
TYPED_PER_SECOND = 25


@dataclass
class Outcome:
    trials: int = 0
    corrupt: int = 0
    lost: int = 0
    worst: str = "—"
    """The most typing one kill lost (typing trials)."""
    notes: list[str] = field(default_factory=list)


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEBRIEF_USER": "trial"}
    return subprocess.run(
        [*DEBRIEF, "--db", str(db), *args], capture_output=True, text=True, env=env, timeout=120
    )


def intact(db: Path) -> bool:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def one(db: Path, sql: str, *params: object) -> object:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(sql, params).fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def new_postmortem(db: Path, title: str) -> str:
    result = run(db, "new", title, "--started", "2026-11-20T14:03:00Z")
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def drain(master: int) -> None:
    import select

    while select.select([master], [], [], 0)[0]:
        try:
            os.read(master, 65536)
        except OSError:
            return


def trial_typing(db: Path, rng: random.Random, out: Outcome) -> None:
    pm_id = new_postmortem(db, "Typing trial")
    proc, master = app_in_a_pty(db, pm_id, rows=24, cols=80, user="trial")
    typed = ""
    try:
        _read_until(master, b"Impact", 30)
        time.sleep(0.5)
        stop = time.monotonic() + rng.uniform(1.0, 6.0)
        while time.monotonic() < stop:
            char = rng.choice("abcdefghij klmnop")
            os.write(master, char.encode())
            typed += char
            time.sleep(1 / TYPED_PER_SECOND)
            drain(master)  # a terminal reads what the app draws; a full pty would stall it
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    body = str(one(db, "SELECT body FROM sections WHERE postmortem_id=? AND key='impact'", pm_id))
    if not typed.startswith(body):
        out.lost += 1
        out.notes.append(f"typing: saved text is not what was typed ({body[:20]!r}…)")
    missing = len(typed) - len(body)
    seconds = missing / TYPED_PER_SECOND
    if out.worst == "—" or seconds > float(out.worst.split()[0]):
        out.worst = f"{seconds:.2f} s ({missing} of {len(typed)} characters)"
    # About a second of typing, plus the keys still queued in the terminal when killed.
    if missing > 2 * TYPED_PER_SECOND:
        out.lost += 1
        out.notes.append(f"typing: {missing} characters lost of {len(typed)}")


def trial_import(db: Path, rng: random.Random, out: Outcome, csv_path: Path, rows: int) -> None:
    pm_id = new_postmortem(db, "Import trial")
    env = {**os.environ, "DEBRIEF_USER": "trial"}
    proc = subprocess.Popen(
        [*DEBRIEF, "--db", str(db), "import-timeline", pm_id, str(csv_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    time.sleep(rng.uniform(0.3, 4.0))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    stored = one(db, "SELECT count(*) FROM events WHERE postmortem_id=?", pm_id)
    if stored not in (0, rows):
        out.lost += 1
        out.notes.append(f"import: {stored} of {rows} rows stored after the kill")
    again = run(db, "import-timeline", pm_id, str(csv_path))
    stored = one(db, "SELECT count(*) FROM events WHERE postmortem_id=?", pm_id)
    if again.returncode != 0 or stored != rows:
        out.lost += 1
        out.notes.append(f"import: re-import gave {stored} of {rows} ({again.stderr.strip()})")


WRITER = """
import subprocess, sys
db, pm, who, n = sys.argv[1:5]
for i in range(int(n)):
    r = subprocess.run([sys.executable, "-m", "debrief", "--db", db, "event", "add", pm,
                        "2026-11-20T14:%02d:00Z" % (i % 60), f"{who} {i}"], capture_output=True)
    if r.returncode == 0:
        print(f"{who} {i}", flush=True)
"""


def trial_writers(db: Path, rng: random.Random, out: Outcome) -> None:
    pm_id = new_postmortem(db, "Writers trial")
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), pm_id, who, "40"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        for who in ("left", "right")
    ]
    time.sleep(rng.uniform(1.0, 6.0))
    for proc in procs:
        os.killpg(proc.pid, signal.SIGKILL)
    said = [line for proc in procs for line in proc.communicate(timeout=10)[0].splitlines()]
    conn = sqlite3.connect(db)
    stored = {r[0] for r in conn.execute("SELECT text FROM events WHERE postmortem_id=?", [pm_id])}
    conn.close()
    missing = [text for text in said if text not in stored]
    if missing:
        out.lost += 1
        out.notes.append(f"writers: {len(missing)} acknowledged events missing")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trials", type=int, nargs="?", default=30)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    results: dict[str, Outcome] = {k: Outcome() for k in ("typing", "import", "writers")}
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "kills.db"
        keep = new_postmortem(db, "Kept whole")
        assert run(db, "event", "add", keep, "2026-11-20T14:05:00Z", "kept").returncode == 0
        before = one(db, "SELECT count(*) FROM events WHERE postmortem_id=?", keep)
        rows = 20_000
        csv_path = Path(folder) / "big.csv"
        with csv_path.open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["time", "author", "text"])
            for i in range(rows):
                writer.writerow([f"2026-11-20T14:{i % 60:02d}:{i % 59:02d}Z", "bot", f"row {i}"])
        kinds = Counter()
        for number in range(args.trials):
            kind = ("typing", "import", "writers")[number % 3]
            kinds[kind] += 1
            out = results[kind]
            out.trials += 1
            if kind == "typing":
                trial_typing(db, rng, out)
            elif kind == "import":
                trial_import(db, rng, out, csv_path, rows)
            else:
                trial_writers(db, rng, out)
            if not intact(db):
                out.corrupt += 1
                out.notes.append("integrity_check failed")
            if one(db, "SELECT count(*) FROM events WHERE postmortem_id=?", keep) != before:
                out.lost += 1
                out.notes.append("the post-mortem made before the trials changed")
            print(f"{number + 1}/{args.trials} {kind}", file=sys.stderr)
    print(f"seed {args.seed}\n")
    print("| killed during | trials | corrupt databases | data lost | most typing lost |")
    print("|---|---|---|---|---|")
    for kind, out in results.items():
        print(f"| {kind} | {out.trials} | {out.corrupt} | {out.lost} | {out.worst} |")
    for kind, out in results.items():
        for note in out.notes:
            print(f"- {kind}: {note}")


if __name__ == "__main__":
    main()
