"""One-line capture forms: a note (a parked idea, a surprise, a theme, an open question),
one word why an idea is dropped, and the learning check's show of hands.

The story does not stop for them: one line, Enter saves, Esc cancels, no owner or date.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from debrief.notes import NoteError, NoteKind, note_text, one_word
from debrief.practice import LearningCount
from debrief.screens.form_base import FormModal, form_foot, say
from debrief.widgets.safe_text import SafeInput

TITLES = {
    NoteKind.idea: "Park an idea",
    NoteKind.surprise: "Add surprise",
    NoteKind.theme: "Add theme",
    NoteKind.question: "Add open question",
}
PLACEHOLDERS = {
    NoteKind.idea: "Alert on queue age, not depth",
    NoteKind.surprise: "The failover took 9 minutes, not 1",
    NoteKind.theme: "Alert fatigue",
    NoteKind.question: "Who owns the consumer's retry budget?",
}
CHOOSABLE = (NoteKind.surprise, NoteKind.theme, NoteKind.question)
"""What "Note as…" offers (ideas have a key of their own)."""
_KEYS: list[BindingType] = [
    Binding("escape", "cancel", "Cancel", id="cancel-form"),
    Binding("ctrl+s", "save", "Save", id="save-form", priority=True),
]


def _kind_label(kind: NoteKind) -> str:
    return f"Kind: {TITLES[kind].removeprefix('Add ')} (arrows move, Space chooses)"


@dataclass(frozen=True)
class NoteDraft:
    kind: NoteKind
    text: str


class NoteForm(FormModal[NoteDraft | None]):
    """A one-line note of `kind`; with no kind, a chooser of surprise, theme or question."""

    CSS_PATH = "forms.tcss"
    BINDINGS = _KEYS

    def __init__(self, kind: NoteKind | None = None) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        kind = self.kind
        with Vertical(classes="form"):
            yield Static(TITLES[kind] if kind else "Note as…", classes="form-title")
            if kind is None:
                yield Label(_kind_label(CHOOSABLE[0]), id="kind-label")
                with RadioSet(compact=True, id="kind"):
                    for index, choice in enumerate(CHOOSABLE):
                        yield RadioButton(
                            TITLES[choice].removeprefix("Add ").capitalize(),
                            value=index == 0,
                            compact=True,
                            id=f"kind-{choice.value}",
                        )
            yield Label(
                "One line" + (" — no owner or date needed" if kind is NoteKind.idea else "")
            )
            yield SafeInput(
                compact=True, id="text", placeholder=PLACEHOLDERS[kind or NoteKind.surprise]
            )
            yield from form_foot(error=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#text", Input).focus()

    def _kind(self) -> NoteKind:
        if self.kind is not None:
            return self.kind
        pressed = self.query_one("#kind", RadioSet).pressed_button
        name = (pressed.id or "").removeprefix("kind-") if pressed else "surprise"
        return NoteKind(name)

    @on(RadioSet.Changed, "#kind")
    def _kind_changed(self) -> None:
        """The choice in words too, so it reads without colour (NO_COLOR, a projector)."""
        self.query_one("#kind-label", Label).update(_kind_label(self._kind()))

    @on(Input.Changed, "#text")
    def _typed(self) -> None:
        say(self.query_one("#form-error", Static), "")

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            text = note_text(self.query_one("#text", Input).value)
        except NoteError as exc:
            say(self.query_one("#form-error", Static), f"Not saved: {exc}.")
            self.query_one("#text", Input).focus()
            return
        self.dismiss(NoteDraft(self._kind(), text))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class WordForm(FormModal[str | None]):
    """One word: why a parked idea is dropped."""

    CSS_PATH = "forms.tcss"
    BINDINGS = _KEYS

    def __init__(self, idea: str) -> None:
        super().__init__()
        self.idea = idea

    def compose(self) -> ComposeResult:
        from debrief.literal import literal

        with Vertical(classes="form"):
            yield Static("Drop idea", classes="form-title")
            yield Static(literal(self.idea, single_line=True))
            yield Label("Why, in one word")
            yield SafeInput(compact=True, id="why", placeholder="cost, duplicate, covered…")
            yield from form_foot(error=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#why", Input).focus()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            word = one_word(self.query_one("#why", Input).value)
        except NoteError as exc:
            say(self.query_one("#form-error", Static), f"Not saved: {exc}.")
            return
        self.dismiss(word)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class LearningForm(FormModal[LearningCount | None]):
    """The show of hands at wrap-up: three counts."""

    CSS_PATH = "forms.tcss"
    BINDINGS = _KEYS
    FIELDS = (
        ("present", "How many are here?"),
        ("learned", "Hands up: learned something that changes how you work"),
        ("would_return", "Hands up: would come to another debrief"),
    )

    def __init__(self, count: LearningCount | None = None) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static("Learning check", classes="form-title")
            for name, label in self.FIELDS:
                yield Label(label)
                value = str(getattr(self.count, name)) if self.count else ""
                yield SafeInput(compact=True, id=name, value=value, placeholder="0")
            yield from form_foot(error=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#present", Input).focus()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        values: dict[str, int] = {}
        for name, _ in self.FIELDS:
            raw = self.query_one(f"#{name}", Input).value.strip()
            if not raw.isascii() or not raw.isdigit() or len(raw) > 6:
                say(self.query_one("#form-error", Static), "Not saved: each count is a number.")
                self.query_one(f"#{name}", Input).focus()
                return
            values[name] = int(raw)
        count = LearningCount(**values)
        problem = count.problem()
        if problem:
            say(self.query_one("#form-error", Static), f"Not saved: {problem}.")
            return
        self.dismiss(count)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
