"""Theme colours for text that Rich draws on its own (DataTable cells).

A Static takes styles such as "bold $error" and Textual fills the variable in
from the theme. A DataTable renders its cells with Rich alone, which does not
know the variables, so `rich_style` fills them in from the app's theme at the
time the cell is made.
"""

from __future__ import annotations

from textual.app import App
from textual.color import Color, ColorParseError


def rich_style(app: App[object], style: str) -> str:
    """`style` with each `$variable` replaced by the theme's colour ("bold $error" → "bold #B93C5B")."""
    variables = app.theme_variables
    words: list[str] = []
    for word in style.split():
        if word.startswith("$"):
            try:
                word = Color.parse(variables[word[1:]]).hex6
            except (KeyError, ColorParseError):
                continue  # not a plain colour in this theme: no colour rather than a wrong one
        words.append(word)
    return " ".join(words)
