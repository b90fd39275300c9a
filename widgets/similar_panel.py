"""A quiet panel under the editor: up to three past post-mortems like this one, what they
share with it and how their action items stand. Hidden while there is nothing to show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from debrief.literal import clean

if TYPE_CHECKING:
    from debrief.store.similar import Similar


def describe(item: Similar) -> Content:
    """Two lines: id, title and month; its action items and what it shares."""
    pm = item.postmortem
    when = pm.started_at.strftime("%Y-%m") if pm.started_at else ""
    shares = [*item.services, *item.categories, *item.words[:3]]
    counts = item.actions
    done, open_ = counts["done"], counts["open"] + counts["in-progress"]
    parts: list[str | tuple[str, str]] = [
        (clean(pm.id, single_line=True), "bold"),
        " ",
        clean(pm.title, single_line=True),
    ]
    if when:
        parts.append((f" · {when}", "$text-muted"))
    if shares:
        parts.append(
            (" · shares " + ", ".join(clean(s, single_line=True) for s in shares), "$text-muted")
        )
    if done or open_:
        parts.append((f" · actions {done} done, {open_} open", "$text-muted"))
    if counts["overdue"]:
        parts.append((f", {counts['overdue']} overdue", "$text-warning"))
    return Content.assemble(*parts)


class SimilarPanel(Static):
    DEFAULT_CSS = """
    SimilarPanel {
        height: auto;
        max-height: 7;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        display: none;
    }
    SimilarPanel.-shown {
        display: block;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[Similar] = []

    def show(self, items: list[Similar], key: str) -> None:
        """Show these (none hides the panel); `key` is the key that opens one."""
        self.items = list(items)
        self.set_class(bool(items), "-shown")
        if not items:
            self.update("")
            return
        head = Content.assemble(
            ("Similar past incidents", "italic"), (f"  ({key} opens one read-only)", "$text-muted")
        )
        self.update(Content("\n").join([head, *(describe(i) for i in items)]))
