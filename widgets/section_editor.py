"""The Markdown editor for one section's body."""

from __future__ import annotations

from debrief.widgets.safe_text import SafeTextArea


class SectionEditor(SafeTextArea):
    """A soft-wrapping TextArea showing control characters visibly; the screen listens to its `Changed` to autosave."""

    DEFAULT_CSS = """
    SectionEditor { height: 1fr; min-height: 5; border: tall $primary 40%; }
    SectionEditor:focus { border: tall $accent; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            "",
            id=id,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            highlight_cursor_line=False,
        )
        self.section_key = ""

    def load(self, key: str, body: str) -> None:
        """Show `body` for section `key`, cursor at the end, without an undo trail across sections."""
        self.section_key = key
        self.load_text(body)
        self.move_cursor(self.document.end)

    def replace_keeping_cursor(self, body: str) -> None:
        """Show `body` (someone else's save) with the cursor still beside the same text."""
        old = self.text
        from debrief.merge import follow_location

        where = follow_location(old, body, self.cursor_location)
        scroll_y = self.scroll_y
        self.load_text(body)
        self.scroll_to(y=scroll_y, animate=False, immediate=True)
        self.move_cursor(where)
