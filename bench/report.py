"""The results as a rich table (printed) and as Markdown (bench/RESULTS.md)."""

from __future__ import annotations

import os
import platform
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib.metadata import version

from rich.table import Table

from bench.result import Result

VERDICT = {True: "pass", False: "FAIL", None: "—"}


def amount(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "requests":
        return f"{value:.0f}"
    digits = 3 if unit == "s" else 1 if unit == "MiB" else 2
    return f"{value:.{digits}f} {unit}"


def cells(r: Result) -> list[str]:
    ratio = r.ratio
    return [
        r.figure,
        amount(r.value, r.unit),
        amount(r.floor, r.unit) if r.per_floor else "—",
        f"{ratio:.2f}×" if ratio is not None else "—",
        r.target_text(),
        VERDICT[r.passed],
    ]


HEADERS = ["Figure", "Value", "Floor", "Ratio", "Target", "Result"]


def table(results: Sequence[Result], title: str) -> Table:
    out = Table(title=title, title_justify="left")
    for header in HEADERS:
        out.add_column(header, justify="left" if header == "Figure" else "right")
    for r in results:
        style = {True: "green", False: "bold red", None: "yellow"}[r.passed]
        out.add_row(*cells(r), style=style)
    return out


def machine() -> dict[str, str]:
    memory = "unknown"
    try:
        with open("/proc/meminfo") as info:
            kib = int(next(line for line in info if line.startswith("MemTotal")).split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    return {
        "cores": str(os.cpu_count()),
        "memory": memory,
        "python": platform.python_version(),
        "textual": version("textual"),
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
    }


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def markdown(
    results: Sequence[Result],
    seconds: float,
    load_before: str,
    notes: str,
    reasons: dict[str, str],
) -> str:
    m = machine()
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` (`python -m bench`) on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"in {seconds / 60:.1f} minutes.",
        "",
        f"Machine: {m['cores']} cores, {m['memory']} memory, {m['system']}; Python {m['python']}, "
        f"Textual {m['textual']}. Load average (1, 5, 15 min) before the run {load_before}, "
        f"after {load()}.",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "|" + "|".join([":---"] + ["---:"] * (len(HEADERS) - 1)) + "|",
    ]
    lines += ["| " + " | ".join(cells(r)) + " |" for r in results]
    lines += ["", "How each figure was measured:", ""]
    lines += [f"- **{r.figure}**: {r.note}" for r in results if r.note]
    lines += ["", "## Notes", "", notes.strip(), ""]
    missed = [r for r in results if r.passed is not True]
    if missed:
        lines += ["### Not at target yet", ""]
        for r in missed:
            keys = sorted((k for k in reasons if r.figure.startswith(k)), key=len, reverse=True)
            reason = reasons[keys[0]] if keys else r.note or "no reason recorded"
            text = "\n  ".join(line.strip() for line in reason.strip().splitlines())
            lines += [f"- **{r.figure}** ({VERDICT[r.passed]}): {text}", ""]
    return "\n".join(lines).rstrip() + "\n"
