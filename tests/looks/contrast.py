"""WCAG contrast of every piece of text in an SVG screenshot.

Rich's SVG export (which `App.export_screenshot()` uses) draws a terminal as:
- a `<style>` block mapping classes (`.terminal-123-r4 { fill: #e0e0e0; ... }`) to
  foreground colours, already blended for `dim` and swapped for `reverse`;
- one `<rect fill=... x= y= width=...>` per segment whose background is not the
  terminal's default, each spanning whole cells of one line;
- one `<text class=... x= y=>` per non-blank segment.
Cell geometry comes from the export: 20px characters, 0.61 wide, 1.22 line height.

`text_runs(svg)` returns, for every text element with visible characters, its
words, its foreground, the background under it and the contrast ratio between them
(one run per background, should a text element straddle two).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from rich.cells import cell_len

CHAR_HEIGHT = 20.0
CHAR_WIDTH = CHAR_HEIGHT * 0.61
LINE_HEIGHT = CHAR_HEIGHT * 1.22
RECT_TOP = 1.5
"""Where Rich puts a line's background rect, below the line's top."""

_CLASS_RULE = re.compile(r"\.(terminal-\d+-r\d+)\s*\{([^}]*)\}")
_FILL = re.compile(r"fill:\s*(#[0-9a-fA-F]{6})")
_TERMINAL = re.compile(r'<rect fill="(#[0-9a-fA-F]{6})" stroke=')
_CELL_RECT = re.compile(
    r'<rect fill="(#[0-9a-fA-F]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"'
    r' height="[\d.]+" shape-rendering="crispEdges"/>'
)
_TEXT = re.compile(
    r'<text class="(terminal-\d+-r\d+)" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', re.S
)


@dataclass(frozen=True)
class Run:
    """One piece of text as the screen shows it."""

    text: str
    fg: str
    bg: str
    ratio: float
    row: int
    col: int

    def __str__(self) -> str:
        return f"{self.ratio:5.2f}:1  {self.fg} on {self.bg}  row {self.row:>2} col {self.col:>3}  {self.text!r}"


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of `#rrggbb`."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two `#rrggbb` colours, from 1.0 to 21.0."""
    a, b = relative_luminance(fg), relative_luminance(bg)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def text_runs(svg: str) -> list[Run]:
    """Every non-blank text run of a Rich SVG export, with its colours and contrast."""
    fills: dict[str, str] = {}
    for name, body in _CLASS_RULE.findall(svg):
        found = _FILL.search(body)
        if found:
            fills[name] = found.group(1).lower()
    terminal = _TERMINAL.search(svg)
    default_bg = terminal.group(1).lower() if terminal else "#000000"

    backgrounds: dict[tuple[int, int], str] = {}
    for fill, x, y, width in _CELL_RECT.findall(svg):
        row = round((float(y) - RECT_TOP) / LINE_HEIGHT)
        first = round(float(x) / CHAR_WIDTH)
        for col in range(first, first + round(float(width) / CHAR_WIDTH)):
            backgrounds[row, col] = fill.lower()

    runs: list[Run] = []
    for name, x, y, raw in _TEXT.findall(svg):
        text = html.unescape(raw).replace("\xa0", " ")
        if not text.strip():
            continue
        fg = fills.get(name)
        if fg is None:
            raise ValueError(f"text class {name} has no fill in the <style> block")
        row = round((float(y) - CHAR_HEIGHT) / LINE_HEIGHT)
        col = round(float(x) / CHAR_WIDTH)
        pieces: dict[str, list[str]] = {}  # background → the visible characters on it
        first_col: dict[str, int] = {}
        for char in text:
            if not char.isspace():
                bg = backgrounds.get((row, col), default_bg)
                pieces.setdefault(bg, []).append(char)
                first_col.setdefault(bg, col)
            col += cell_len(char)
        for bg, chars in pieces.items():
            words = text.strip() if len(pieces) == 1 else "".join(chars)
            runs.append(Run(words, fg, bg, contrast_ratio(fg, bg), row, first_col[bg]))
    return runs


def worst(runs: list[Run], count: int = 12) -> list[Run]:
    """The `count` runs with the lowest contrast, worst first."""
    return sorted(runs, key=lambda run: run.ratio)[:count]
