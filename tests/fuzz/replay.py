"""Replay one random run, and optionally shorten its keys further by hand-free deletion.

    .venv/bin/python -m tests.fuzz.replay START_POINT KEY [KEY ...] [--size 80x24] [--shrink]

START_POINT is a name from tests/fuzz/start_points.py (e.g. action-form-new-aspirational);
keys are as pilot.press takes them (tab, shift+tab, ctrl+o, a, +, wait:450). --shrink
deletes keys one at a time while the same exception type still ends the run, and prints
the shortest list it kept. The environment is set up like the tests' (own HOME, UTC).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path


def _isolate(home: Path) -> None:
    os.environ.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        DEBRIEF_USER="tester",
        TZ="UTC",
    )
    for name in list(os.environ):
        if name.startswith(("DEBRIEF_JIRA_", "DEBRIEF_SLACK")) or name == "DEBRIEF_CONFIG":
            del os.environ[name]
    time.tzset()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz.replay")
    parser.add_argument("start")
    parser.add_argument("keys", nargs="*")
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--shrink", action="store_true")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="debrief-replay-"))
    _isolate(work / "home")

    from debrief.cli.documents import load_demo
    from debrief.store import Store
    from debrief.template import load_template
    from tests.conftest import NOW
    from tests.fuzz.harness import run_keys
    from tests.fuzz.start_points import IMPORT_CSV, START_POINTS, import_file

    starts = {s.name: s for s in START_POINTS}
    if args.start not in starts:
        print(f"no start point {args.start!r}; one of: {', '.join(starts)}", file=sys.stderr)
        return 2
    start = starts[args.start]
    width, height = (int(n) for n in args.size.split("x"))
    template = work / "template.db"
    store = Store(template, author="tester", clock=lambda: NOW)
    pm_ids = {"sample": load_demo(store)}
    pm_ids["empty"] = store.create_postmortem(
        "Checkout errors after the deploy", load_template()
    ).id
    store.close()
    import_file["csv"] = work / "timeline.csv"
    import_file["csv"].write_text(IMPORT_CSV, encoding="utf-8")

    def failure(keys: list[str]) -> BaseException | None:
        try:
            run_keys(start, (width, height), keys, template, work, pm_ids)
        except BaseException as exc:
            return exc
        return None

    keys = list(args.keys)
    first = failure(keys)
    if first is None:
        print(f"no failure: {args.start} at {args.size}, keys {keys!r}")
        return 0
    if args.shrink:
        kind = type(first)
        index = 0
        while index < len(keys):
            shorter = keys[:index] + keys[index + 1 :]
            found = failure(shorter)
            if found is not None and type(found) is kind:
                keys, first = shorter, found
            else:
                index += 1
    print("".join(traceback.format_exception(first)[-6:]))
    print(f"failure: {args.start} at {args.size}, keys {keys!r}")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
