"""Adding or editing one timeline event; times are typed in the viewer's zone.

A new event starts at the incident's start (now, when the start is not known), so
back-filling the timeline means changing minutes rather than typing a whole date.
Nothing is marked wrong until the person has typed in that field, and nothing typed
can raise out of the form: a time that does not parse is a message under the field.
"""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from debrief.dates import DateError, future_warning, local_zone, parse_instant, show_instant
from debrief.links import link_problem
from debrief.models import Milestone, TimelineEvent
from debrief.screens.form_base import FormModal, form_foot, say
from debrief.widgets.safe_text import SafeInput

NO_MILESTONE = "none"
TIME_FORMAT = "%Y-%m-%d %H:%M"


class MilestoneChoice(RadioSet):
    """The milestone as a row of choices, all visible; the cursor starts on the one chosen."""

    def on_mount(self) -> None:
        self.call_after_refresh(self._start_on_pressed)

    def _start_on_pressed(self) -> None:
        if self.pressed_index >= 0:
            self._selected = self.pressed_index


class EventForm(FormModal[TimelineEvent | None]):
    CSS_PATH = "forms.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel-form"),
        Binding("ctrl+s", "save", "Save", id="save-form", priority=True),
    ]

    def __init__(
        self, now: datetime, event: TimelineEvent | None = None, pm_id: str | None = None
    ) -> None:
        """`pm_id` names the post-mortem a new event belongs to: it starts at its incident start."""
        super().__init__()
        self.now = now
        self.event = event
        self.pm_id = pm_id
        self._initial: dict[str, str] = {}
        self._touched: set[str] = set()

    def _starting_time(self) -> datetime:
        if self.event:
            return self.event.at
        if self.pm_id:
            from debrief.store import StoreError

            try:
                started = self.store.get_postmortem(self.pm_id).started_at
            except StoreError:
                started = None
            if started is not None:
                return started
        return self.now

    def compose(self) -> ComposeResult:
        zone = local_zone()
        when = self._starting_time().astimezone(zone)
        event = self.event
        chosen = event.milestone.value if event and event.milestone else NO_MILESTONE
        self._initial = {"when": when.strftime(TIME_FORMAT), "text": event.text if event else ""}
        with Vertical(classes="form"):
            yield Static(
                "Edit timeline event" if event else "New timeline event", classes="form-title"
            )
            yield Label(f"When ({when.tzname()}, or ISO with an offset)")
            yield SafeInput(compact=True, value=self._initial["when"], id="when")
            yield Static(classes="field-error", id="when-error")
            yield Label("What happened")
            yield SafeInput(
                compact=True,
                value=self._initial["text"],
                id="text",
                placeholder="Alert fired for checkout error rate",
            )
            yield Static(classes="field-error", id="text-error")
            yield Label("What the responder could see then")
            yield SafeInput(
                compact=True,
                value=event.known_then if event else "",
                id="known_then",
                placeholder="Only the error-rate alert; the queue graph was not on the board",
            )
            yield Label(self._milestone_label(chosen), id="milestone-label")
            with MilestoneChoice(compact=True, id="milestone"):
                for name in (NO_MILESTONE, *(m.value for m in Milestone)):
                    yield RadioButton(
                        name, value=name == chosen, compact=True, id=f"milestone-{name}"
                    )
            yield Label("Source")
            yield SafeInput(
                compact=True,
                value=event.source if event else "manual",
                id="source",
                placeholder="manual, slack, log, graph…",
            )
            yield Label("Evidence link")
            yield SafeInput(
                compact=True,
                value=event.link if event else "",
                id="link",
                placeholder="https://…",
            )
            yield from form_foot(error=True)

    def on_mount(self) -> None:
        self.query_one("#text" if not self.event else "#when", Input).focus()

    @staticmethod
    def _milestone_label(name: str) -> str:
        """The choice in words too, so it reads without colour (NO_COLOR, a projector)."""
        return f"Milestone: {name} (arrows move, Space chooses)"

    @on(RadioSet.Changed, "#milestone")
    def _milestone_changed(self) -> None:
        milestone = self._milestone()
        name = milestone.value if milestone else NO_MILESTONE
        self.query_one("#milestone-label", Label).update(self._milestone_label(name))

    def _when(self) -> tuple[datetime | None, str]:
        """The instant typed (None if unreadable) and why it is unreadable."""
        try:
            return parse_instant(self.query_one("#when", Input).value, local_zone()), ""
        except (DateError, ValueError, OverflowError) as exc:
            reason = str(exc) or "not a time"
            return None, reason[0].upper() + reason[1:] + "."

    def _text(self) -> str:
        return self.query_one("#text", Input).value.strip()

    def _milestone(self) -> Milestone | None:
        pressed = self.query_one("#milestone", RadioSet).pressed_button
        name = (pressed.id or "").removeprefix("milestone-") if pressed else NO_MILESTONE
        return Milestone(name) if name in Milestone.__members__ else None

    def _show(self, everything: bool = False) -> bool:
        """Mark the fields typed in (or all of them, when saving); True when all is valid."""
        at, when_error = self._when()
        text_error = "" if self._text() else "Say what happened."
        if everything or "when" in self._touched:
            if when_error:
                say(self.query_one("#when-error", Static), when_error)
            elif at is not None and "when" in self._touched:
                ahead = " (in the future: check the date and the time zone)"
                shown = f"→ {show_instant(at)}{ahead if future_warning('', at) else ''}"
                say(self.query_one("#when-error", Static), shown, "muted")
            self.query_one("#when", Input).set_class(bool(when_error), "-invalid")
        if everything or "text" in self._touched:
            say(self.query_one("#text-error", Static), text_error)
            self.query_one("#text", Input).set_class(bool(text_error), "-invalid")
        return not when_error and not text_error

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        field_id = event.input.id or ""
        if field_id in self._initial and event.value != self._initial[field_id]:
            self._touched.add(field_id)
        say(self.query_one("#form-error", Static), "")
        self._show()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if not self._show(everything=True):
            _, when_error = self._when()
            self.query_one("#when" if when_error else "#text", Input).focus()
            return
        link = self.query_one("#link", Input).value.strip()
        problem = link_problem(link) if link else ""
        if problem:
            say(self.query_one("#form-error", Static), f"Not saved: the link {problem}.")
            self.query_one("#link", Input).focus()
            return
        at, _ = self._when()
        base = self.event.model_dump() if self.event else {}
        try:
            event = TimelineEvent.model_validate(
                {
                    **base,
                    "at": at,
                    "text": self._text(),
                    "known_then": " ".join(self.query_one("#known_then", Input).value.split()),
                    "source": self.query_one("#source", Input).value.strip() or "manual",
                    "link": link,
                    "milestone": self._milestone(),
                }
            )
        except ValueError as exc:
            problems = str(exc)
            say(self.query_one("#form-error", Static), f"Not saved: {problems}.")
            return
        warning = future_warning("The event's time", at)
        if warning:
            self.app.notify(warning + ".", severity="warning")
        self.dismiss(event)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
