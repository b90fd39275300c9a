"""`python -m bench` (or `make bench`): every figure, one table, bench/RESULTS.md.

python -m bench                  the full run (about 6 minutes on 2 cores)
python -m bench --quick          tiny sizes, one repetition (a smoke test)
python -m bench --only p1,p5     some figures
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console

from bench.context import QUICK, Context, Sizes
from bench.notes import NOTES, REASONS
from bench.report import load, markdown, table
from bench.result import Result, missing

FIGURES = {
    "p1": "p1_home",
    "p2": "p2_debrief",
    "p3": "p3_typing",
    "p4": "p4",
    "p5": "p5_search",
    "p6": "p6_publish",
    "p7": "p7_cli",
    "p8": "p8_stats",
    "lint": "lint_doc",
}
RESULTS = Path(__file__).with_name("RESULTS.md")


def measure(name: str, ctx: Context, console: Console) -> list[Result]:
    module = importlib.import_module(f"bench.{FIGURES[name]}")
    started = time.perf_counter()
    try:
        found: list[Result] = module.run(ctx)
    except Exception as exc:  # one broken figure must not hide the others
        target = float(getattr(module, "TARGET", getattr(module, "TARGET_MS", 0)))
        reason = f"the benchmark failed: {type(exc).__name__}: {exc}"
        found = [missing(name.upper(), target, False, "", reason)]
    console.print(f"[dim]{name}: {time.perf_counter() - started:.0f} s[/dim]")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one repetition")
    parser.add_argument("--only", help=f"comma-separated, from {', '.join(FIGURES)}")
    parser.add_argument(
        "--results", type=Path, help="Markdown file to write (default: bench/RESULTS.md)"
    )
    parser.add_argument("--workdir", type=Path, help="keep the generated data here")
    args = parser.parse_args(argv)
    names = list(FIGURES) if not args.only else [n.strip() for n in args.only.split(",")]
    unknown = [n for n in names if n not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s): {', '.join(unknown)}")
    console = Console(width=None if sys.stdout.isatty() else 150)
    started, load_before = time.perf_counter(), load()
    with tempfile.TemporaryDirectory(prefix="debrief-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        ctx = Context(workdir, QUICK if args.quick else Sizes(), quick=args.quick)
        results = [r for name in names for r in measure(name, ctx, console)]
    seconds = time.perf_counter() - started
    title = f"debrief benchmarks{' (quick)' if args.quick else ''}: {seconds:.0f} s"
    console.print(table(results, title))
    for r in results:
        if r.note:
            console.print(f"[dim]{r.figure}: {r.note}[/dim]", highlight=False)
    out = args.results or (None if args.quick or args.only else RESULTS)
    if out is not None:
        out.write_text(markdown(results, seconds, load_before, NOTES, REASONS), "utf-8")
        console.print(f"Wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
