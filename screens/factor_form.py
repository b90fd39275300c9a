"""The contributing-factor form: Kind, Category, a short Text and the timeline events it
points at (their numbers). Enter saves; what cannot be saved says why under its field."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from debrief.factors import MAX_TEXT, TITLES
from debrief.kinds import FactorKind
from debrief.literal import clean
from debrief.models import Factor, TimelineEvent
from debrief.screens.form_base import FormModal, form_foot, say
from debrief.widgets.safe_text import SafeInput


@dataclass
class FactorDraft:
    """What the form produced; the screen below saves it."""

    kind: FactorKind
    category: str
    text: str
    events: list[str] = field(default_factory=list)
    delete: bool = False

    def to_factor(self) -> Factor:
        return Factor(kind=self.kind, category=self.category, text=self.text, events=self.events)

    def changes(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "category": self.category,
            "text": self.text,
            "events": self.events,
        }


KIND_LABELS = {
    FactorKind.factor: "Contributing factor",
    FactorKind.went_right: "What went right",
    FactorKind.lucky: "Where we got lucky",
}


class FactorForm(FormModal[FactorDraft | None]):
    CSS_PATH = "forms.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel-factor-form"),
        Binding("ctrl+s", "save", "Save", id="save-factor-form", priority=True),
    ]

    def __init__(
        self,
        categories: list[str],
        events: list[TimelineEvent],
        factor: Factor | None = None,
    ) -> None:
        super().__init__()
        self.categories = list(categories)
        self.events = sorted(events, key=lambda e: e.at)
        self.factor = factor

    def compose(self) -> ComposeResult:
        f = self.factor
        category = f.category if f and f.category in self.categories else self.categories[0]
        title = "Edit factor" if f else "Add contributing factor"
        with Vertical(classes="form"):
            yield Static(title, classes="form-title")
            with Horizontal(classes="form-row"):
                with Vertical(classes="form-cell"):
                    yield Label("Kind")
                    yield Select(
                        compact=True,
                        options=[(KIND_LABELS[k], k) for k in TITLES],
                        value=f.kind if f else FactorKind.factor,
                        allow_blank=False,
                        id="kind",
                    )
                with Vertical(classes="form-cell"):
                    yield Label("Category")
                    yield Select(
                        compact=True,
                        options=[(clean(c, single_line=True), c) for c in self.categories],
                        value=category,
                        allow_blank=False,
                        id="category",
                    )
            yield Label("Text")
            yield SafeInput(
                compact=True,
                value=f.text if f else "",
                placeholder="e.g. the canary skipped the EU region",
                max_length=MAX_TEXT,
                id="text",
            )
            yield Static(classes="field-error", id="text-error")
            yield Label("Timeline events (their numbers, e.g. 2, 5)")
            yield SafeInput(
                compact=True,
                value=self._numbers(f.events) if f else "",
                placeholder=f"1 to {len(self.events)}" if self.events else "the timeline is empty",
                id="events",
            )
            yield Static(classes="field-error", id="events-error")
            yield from form_foot(delete=f is not None, lists=True)

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def _numbers(self, ids: list[str]) -> str:
        where = {e.id: i + 1 for i, e in enumerate(self.events)}
        return ", ".join(str(where[i]) for i in ids if i in where)

    def _text(self) -> str:
        return " ".join(self.query_one("#text", Input).value.split())

    def _event_ids(self) -> tuple[list[str], str]:
        """The events named, as ids, and what is wrong with the field (empty when fine)."""
        from debrief.factors import event_ids

        raw = self.query_one("#events", Input).value
        refs = [r for r in raw.replace(",", " ").split() if r]
        try:
            return event_ids(refs, self.events), ""
        except ValueError as exc:
            return [], str(exc)[0].upper() + str(exc)[1:] + "."

    def _shown_events(self, ids: list[str]) -> str:
        named = [e for e in self.events if e.id in ids]
        return "; ".join(clean(e.text, single_line=True)[:40] for e in named)

    @on(Input.Changed, "#text")
    def _text_changed(self) -> None:
        if self._text():
            say(self.query_one("#text-error", Static), "")

    @on(Input.Changed, "#events")
    def _events_changed(self) -> None:
        ids, problem = self._event_ids()
        target = self.query_one("#events-error", Static)
        if problem:
            say(target, problem)
        else:
            say(target, f"→ {self._shown_events(ids)}" if ids else "", "success")

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        text = self._text()
        if not text:
            say(self.query_one("#text-error", Static), "A short text is required.")
            self.query_one("#text", Input).focus()
            return
        ids, problem = self._event_ids()
        if problem:
            say(self.query_one("#events-error", Static), problem)
            self.query_one("#events", Input).focus()
            return
        self.dismiss(
            FactorDraft(
                kind=self.query_one("#kind", Select).value,  # type: ignore[arg-type]
                category=str(self.query_one("#category", Select).value),
                text=text,
                events=ids,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#delete")
    def _delete_pressed(self) -> None:
        assert self.factor is not None
        f = self.factor
        self.dismiss(FactorDraft(f.kind, f.category, f.text, list(f.events), delete=True))
