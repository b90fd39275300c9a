"""Start debrief's App on a database, as `debrief` and `debrief open ID` do, minus the
command-line parsing: `python bench/run_app.py DB [PM_ID]`. Run as a script by the
start-up and typing benchmarks, in a pseudo-terminal."""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    from debrief.app import DebriefApp
    from debrief.store import Store

    pm_id = sys.argv[2] if len(sys.argv) > 2 else None
    DebriefApp(store=Store(Path(sys.argv[1]), author="bench"), pm_id=pm_id).run()


if __name__ == "__main__":
    main()
