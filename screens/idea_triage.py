"""The Action items section starts from the parked ideas: each becomes an owned item
(the action form opens with its text), an "if we have time" item, or is dropped with
one word why. Esc leaves the rest parked; the wrap-up lists them.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from debrief.literal import clean
from debrief.models import ActionItem
from debrief.notes import IdeaState, Note
from debrief.screens.action_form import ActionForm
from debrief.screens.base import BaseModal
from debrief.store import StoreError
from debrief.widgets.option_list import OptionList
from debrief.words import plural


class IdeaActionForm(ActionForm):
    """The action form, prefilled from a parked idea: a new item (nothing to delete)."""

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(".form-title", Static).update("New action item")
        self.query_one("#delete").display = False


HINT = "o owned item · t if we have time · d drop (one word why) · Esc later"


class IdeaTriage(BaseModal[int]):
    """Parked ideas, one by one; dismissed with how many are still parked."""

    CSS_PATH = "forms.tcss"
    BINDINGS = [
        Binding("o", "owned", "Owned item", id="idea-owned"),
        Binding("t", "if_time", "If we have time", id="idea-if-time"),
        Binding("d", "drop", "Drop", id="idea-drop"),
        Binding("escape", "later", "Later", id="idea-later"),
    ]

    def __init__(self, pm_id: str, participants: list[str]) -> None:
        super().__init__()
        self.pm_id = pm_id
        self.participants = participants
        self.ideas: list[Note] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="idea-triage"):
            yield Static("Parked ideas", classes="form-title", id="idea-title")
            yield OptionList(id="ideas", compact=True)
            yield Static(Content.styled(HINT, "$foreground-muted"), classes="form-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self._load()
        self.query_one(OptionList).focus()

    def _load(self) -> None:
        self.ideas = self.store.parked_ideas(self.pm_id)
        options = self.query_one(OptionList)
        highlighted = options.highlighted or 0
        options.clear_options()
        options.add_options([Option(clean(n.text, single_line=True), id=n.id) for n in self.ideas])
        if self.ideas:
            options.highlighted = min(highlighted, len(self.ideas) - 1)
        left = plural(len(self.ideas), "parked idea")
        self.query_one("#idea-title", Static).update(
            Content.styled(f"Parked ideas — {left} to turn into items", "bold")
        )
        if not self.ideas:
            self.dismiss(0)

    def _chosen(self) -> Note | None:
        index = self.query_one(OptionList).highlighted
        return self.ideas[index] if index is not None and index < len(self.ideas) else None

    def _handle(self, idea: Note, state: IdeaState, action_id: str = "", why: str = "") -> None:
        try:
            self.store.handle_idea(self.pm_id, idea.id, state, action_id=action_id, why=why)
        except (StoreError, ValueError) as exc:
            self.notify(str(exc), severity="error", markup=False)
        self._load()

    def action_owned(self) -> None:
        from debrief.screens.action_form import ActionDraft

        idea = self._chosen()
        if idea is None:
            return

        def saved(draft: ActionDraft | None) -> None:
            if draft is None or draft.delete:
                return
            try:
                item = self.store.add_action(self.pm_id, draft.to_item())
            except (StoreError, ValueError) as exc:
                self.notify(str(exc), severity="error", markup=False)
                return
            self._handle(idea, IdeaState.item, action_id=item.id)
            self.notify("Idea turned into an owned action item.")

        self.app.push_screen(
            IdeaActionForm(
                self.participants,
                self.today(),
                item=ActionItem(title=idea.text),
                notice="From a parked idea: give it an owner and a due date.",
            ),
            saved,
        )

    def action_if_time(self) -> None:
        idea = self._chosen()
        if idea is None:
            return
        try:
            item = self.store.add_action(self.pm_id, ActionItem(title=idea.text, aspirational=True))
        except (StoreError, ValueError) as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self._handle(idea, IdeaState.if_time, action_id=item.id)

    def action_drop(self) -> None:
        from debrief.screens.note_form import WordForm

        idea = self._chosen()
        if idea is None:
            return

        def dropped(word: str | None) -> None:
            if word:
                self._handle(idea, IdeaState.dropped, why=word)

        self.app.push_screen(WordForm(idea.text), dropped)

    def action_later(self) -> None:
        self.dismiss(len(self.ideas))

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_owned()
