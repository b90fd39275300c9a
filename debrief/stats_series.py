"""The stats report shaped for charts: months in a row with the empty ones as zero, and
the longest lists cut to what a chart can label."""

from __future__ import annotations

from typing import Any

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _next(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12}-{number % 12 + 1:02d}"


def month_series(by_month: dict[str, int], last: int = 12) -> list[tuple[str, int]]:
    """The last `last` months up to the latest with an incident, every month present
    (zero where none), as ("Nov 26"-style label, count)."""
    months = sorted(k for k in by_month if len(k) == 7 and k[4] == "-" and k[:4].isdigit())
    if not months:
        return []
    series: list[str] = [months[0]]
    while series[-1] < months[-1]:
        series.append(_next(series[-1]))
    series = series[-last:]
    return [(f"{MONTH_NAMES[int(m[5:7]) - 1]} {m[2:4]}", by_month.get(m, 0)) for m in series]


def top(counts: dict[str, int], limit: int) -> list[tuple[str, int]]:
    """The `limit` largest counts, the rest summed as "others"."""
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(items) <= limit:
        return items
    rest = sum(v for _, v in items[limit - 1 :])
    return [*items[: limit - 1], ("others", rest)]


def has_data(report: dict[str, Any]) -> bool:
    return bool(report.get("postmortems"))
