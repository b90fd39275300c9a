"""The floors: bare Textual apps, run as scripts.

    python bench/floor_app.py line                       one line of text
    python bench/floor_app.py textarea [FILE [W H]]      one focused TextArea

The TextArea holds FILE's text (cursor at the end), W×H cells including its border,
so typing into it is the same typing, into the same document on the same area,
as into a section of the debrief screen. Nothing but Textual is imported.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static, TextArea

LINE = "Floor: a bare Textual app showing one line"
TEXT = "Floor text area: type here."


class LineApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(LINE)


class TextAreaApp(App[None]):
    def __init__(self, text: str, size: tuple[int, int] | None) -> None:
        super().__init__()
        self.text = text
        self.area = size

    def compose(self) -> ComposeResult:
        yield TextArea(self.text, soft_wrap=True, show_line_numbers=False, id="editor")

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        if self.area is not None:
            editor.styles.width, editor.styles.height = self.area
        editor.move_cursor(editor.document.end)
        editor.focus()


def main(args: list[str]) -> None:
    if args[:1] != ["textarea"]:
        LineApp().run()
        return
    text = TEXT if len(args) < 2 else Path(args[1]).read_text("utf-8")
    size = (int(args[2]), int(args[3])) if len(args) >= 4 else None
    TextAreaApp(text, size).run()


if __name__ == "__main__":
    main(sys.argv[1:])
