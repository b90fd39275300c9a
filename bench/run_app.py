"""Start debrief's App on a database as `debrief` and `debrief open ID` do, minus the
command-line parsing (debrief/cli/run_app.py): `python bench/run_app.py DB [PM_ID]`.
Run as a script, in a pseudo-terminal, by the start-up and typing benchmarks."""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    from debrief import gc_pause

    gc_pause.pause()  # as the `debrief` command does (debrief/launch.py)
    from debrief.config import load_config, templates_dir
    from debrief.store import Store

    pm_id = sys.argv[2] if len(sys.argv) > 2 else None
    store = Store(Path(sys.argv[1]), author="bench")
    if pm_id is not None:
        store.get_postmortem(pm_id)  # as `debrief open` checks it before the screen opens
    from debrief.app import DebriefApp

    DebriefApp(
        store=store, config=load_config(None), pm_id=pm_id, templates_dir=templates_dir(None)
    ).run()


if __name__ == "__main__":
    main()
