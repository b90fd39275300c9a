"""`debrief stats --html`: the figures as a standalone page, the charts as inline SVG bars.

Written by hand (a bar is a rectangle and two labels): a chart library would bring a
browser-side script or a plotting stack for a handful of rectangles. Every label goes
through the neutraliser and is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

from debrief.literal import clean
from debrief.stats_text import summary_lines

_STYLE = """
body { font: 15px/1.5 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
h1 { border-bottom: 2px solid #d0d7de; padding-bottom: .3rem; }
h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; margin-top: 2rem; }
svg { display: block; margin: .5rem 0 1rem; }
svg text { font: 12px sans-serif; fill: #1f2328; }
svg rect.bar { fill: #0969da; }
@media (prefers-color-scheme: dark) {
  body { background: #0d1117; color: #e6edf3; }
  svg text { fill: #e6edf3; }
  svg rect.bar { fill: #4493f8; }
}
"""

LABEL_WIDTH = 170
BAR_WIDTH = 420
ROW = 22


def _text(value: object) -> str:
    return escape(clean(str(value), single_line=True), quote=True)


def bars_svg(title: str, counts: dict[str, int | float]) -> str:
    """Horizontal bars, one row per key, the value written after each bar."""
    if not counts:
        return f"<p><em>No {_text(title.lower())} yet.</em></p>"
    top = max(counts.values()) or 1
    height = ROW * len(counts) + 4
    width = LABEL_WIDTH + BAR_WIDTH + 60
    parts = [
        f'<svg role="img" aria-label="{_text(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{_text(title)}</title>",
    ]
    for i, (key, value) in enumerate(counts.items()):
        y = i * ROW + 2
        length = max(round(BAR_WIDTH * value / top), 1 if value else 0)
        label = clean(str(key), single_line=True)
        label = label if len(label) <= 24 else label[:23] + "…"
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">{_text(label)}</text>'
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y + 3}" width="{length}" height="{ROW - 6}">'
            f"<title>{_text(key)}: {_text(value)}</title></rect>"
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 15}">{_text(value)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _median_minutes(report: dict[str, Any]) -> dict[str, int | float]:
    found: dict[str, int | float] = {}
    for phase, figures in report["times"].items():
        if figures["median_seconds"] is not None:
            found[f"{phase} (median, min)"] = round(figures["median_seconds"] / 60, 1)
    return found


def stats_html(report: dict[str, Any]) -> str:
    """The page: the figures as text, then a chart for each count."""
    body = ["<h1>Incident statistics</h1>", "<ul>"]
    body += [f"<li>{_text(line)}</li>" for line in summary_lines(report)]
    body.append("</ul>")
    charts = [
        ("Post-mortems by month", report["by_month"]),
        ("Post-mortems by classification", report["by_classification"]),
        ("Post-mortems by severity", report["by_severity"]),
        ("Contributing factors by category", report["factors"]["by_category"]),
        ("Time to detect, mitigate and resolve", _median_minutes(report)),
    ]
    if report.get("groups"):
        grouped = {g["key"]: g["postmortems"] for g in report["groups"]}
        charts.append((f"Post-mortems by {report['by']}", grouped))
    for title, counts in charts:
        body += [f"<h2>{_text(title)}</h2>", bars_svg(title, counts)]
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Incident statistics</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<style>{_STYLE}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )
