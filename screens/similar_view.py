"""A past post-mortem, read-only: its whole document as the export renders it. Tab shows
the next of the similar ones, Esc goes back to writing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Markdown, Static

from debrief.literal import clean
from debrief.screens.base import BaseModal


class SimilarView(BaseModal[None]):
    DEFAULT_CSS = """
    SimilarView {
        align: center middle;
    }
    #similar-box {
        width: 95%;
        height: 92%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    #similar-title {
        height: 1;
    }
    #similar-doc {
        height: 1fr;
    }
    #similar-hint {
        height: 1;
        color: $text-muted;
    }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", id="similar-close", priority=True),
        Binding("tab", "next", "Next similar", id="similar-next", priority=True),
    ]

    def __init__(self, pm_ids: list[str], index: int = 0) -> None:
        super().__init__()
        self.pm_ids = pm_ids
        self.index = index

    def compose(self) -> ComposeResult:
        with Vertical(id="similar-box"):
            yield Static(id="similar-title")
            with VerticalScroll(id="similar-doc"):
                yield Markdown(id="similar-body")
            hint = "Esc back to writing"
            if len(self.pm_ids) > 1:
                hint = "Tab next similar · " + hint
            yield Static(hint, id="similar-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self._show()

    def _show(self) -> None:
        from debrief.render_markdown import render_markdown

        pm_id = self.pm_ids[self.index]
        doc = self.store.document(pm_id)
        position = f"  ({self.index + 1} of {len(self.pm_ids)})" if len(self.pm_ids) > 1 else ""
        self.query_one("#similar-title", Static).update(
            Content.assemble(
                ("Read-only  ", "$text-muted"),
                (clean(doc.postmortem.title, single_line=True), "bold"),
                (position, "$text-muted"),
            )
        )
        self.query_one("#similar-body", Markdown).update(render_markdown(doc))
        self.query_one("#similar-doc", VerticalScroll).scroll_home(animate=False)

    def action_next(self) -> None:
        self.index = (self.index + 1) % len(self.pm_ids)
        self._show()

    def action_close(self) -> None:
        self.dismiss(None)
