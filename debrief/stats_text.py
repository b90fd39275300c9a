"""The stats report as lines for a person (the CLI) and as short phrases (the app)."""

from __future__ import annotations

from typing import Any

from debrief.dates import show_duration
from debrief.words import plural

PHASE_LABELS = {
    "detect": "Time to detect",
    "mitigate": "Time to mitigate",
    "resolve": "Time to resolve",
}


def time_line(phase: str, figures: dict[str, Any]) -> str:
    median, p90 = figures["median_seconds"], figures["p90_seconds"]
    return (
        f"{PHASE_LABELS[phase]}: median {show_duration(median)}, p90 {show_duration(p90)} "
        f"({plural(figures['count'], 'incident')})"
    )


def actions_line(figures: dict[str, Any]) -> str:
    median = figures["median_days_to_done"]
    days = "—" if median is None else f"{median:g} days"
    return (
        f"Action items: {figures['done']} done, {figures['open']} open, "
        f"{figures['overdue']} overdue, {figures['not_doing']} not doing; "
        f"median time to done {days}"
    )


def factors_line(figures: dict[str, Any]) -> str:
    cats = ", ".join(f"{k} {v}" for k, v in figures["by_category"].items()) or "none yet"
    return (
        f"Contributing factors: {figures['total']} ({cats}); went right {figures['went_right']}, "
        f"lucky {figures['lucky']}"
    )


def summary_lines(part: dict[str, Any]) -> list[str]:
    lines = [time_line(phase, figures) for phase, figures in part["times"].items()]
    return [*lines, actions_line(part["actions"]), factors_line(part["factors"])]


def practice_lines(practice: dict[str, Any] | None) -> list[str]:
    """Themes across incidents and the learning checks (every post-mortem, not the window)."""
    if not practice:
        return []
    lines = []
    themes = ", ".join(f"{t} {n}" for t, n in list(practice["themes"].items())[:8])
    if themes:
        lines.append(f"  Themes across incidents: {themes}")
    checks = practice["learning"]
    if checks:
        learned = sum(c["learned"] or 0 for c in checks)
        present = sum(c["present"] or 0 for c in checks)
        lines.append(
            f"  Learning checks: {plural(len(checks), 'meeting')}, {learned} of {present} "
            "present learned something that changes how they work"
        )
    return lines


def stats_lines(report: dict[str, Any]) -> list[str]:
    """The whole report, plain text (user text in it is neutralised by `say`)."""
    window = []
    if report.get("since"):
        window.append(f"from {report['since'][:10]}")
    if report.get("until"):
        window.append(f"before {report['until'][:10]}")
    head = plural(report["postmortems"], "post-mortem")
    lines = [f"{head}{' ' + ' '.join(window) if window else ''}"]
    lines += ["  " + line for line in summary_lines(report)]
    kinds = ", ".join(f"{k} {v}" for k, v in report["by_classification"].items())
    if kinds:
        lines.append(f"  By classification: {kinds}")
    lines += practice_lines(report.get("practice"))
    for group in report.get("groups", []):
        lines.append("")
        lines.append(
            f"{report['by']} {group['key']}: {plural(group['postmortems'], 'post-mortem')}"
        )
        lines += ["  " + line for line in summary_lines(group)]
    return lines
