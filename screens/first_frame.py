"""Setting up a screen before its first frame, so Textual does not style it twice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.screen import Screen


def read_css_now(screen: Screen[Any]) -> None:
    """Add the screen's CSS files to the app's stylesheet as the screen is made: pushing
    a screen whose files are new to it re-parses every rule the app has (about 10 ms
    before the first frame); added here, only these files are parsed, when first used."""
    try:
        stylesheet = screen.app.stylesheet
    except RuntimeError:  # Textual's NoActiveAppError: made outside a running app,
        return  # where pushing it reads them
    for path in screen.css_path:
        if not stylesheet.has_source(str(path), ""):
            # As Stylesheet.read stores it, and its rules are looked up afresh: after
            # `read` the first widget styled is matched against the rules from before.
            stylesheet.add_source(Path(path).read_text("utf-8"), read_from=(str(path), ""))


def width_class_now(screen: Screen[Any], breakpoints: list[tuple[int, str]]) -> None:
    """The screen's width class (from its horizontal breakpoints) before its widgets are
    styled: Textual sets it on the first resize, which styles every widget again."""
    width = screen.app.size.width
    reached = [name for least, name in sorted(breakpoints) if width >= least]
    chosen = reached[-1] if reached else ""
    screen.update_classes({name: name == chosen for _, name in breakpoints}, animate=False)
