"""The "Edit details" form: the post-mortem's own fields (title, severity, classification,
incident start and end, services, tags), saved through the app's queue of saves."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from debrief.dates import DateError, local_zone, parse_instant, show_instant
from debrief.details import SEVERITIES, DetailsError, check_changes, split_list
from debrief.literal import literal
from debrief.models import Postmortem
from debrief.screens.form_base import FormModal, form_foot, say
from debrief.screens.saving import BUSY_HERE
from debrief.widgets.safe_text import SafeInput

_SHOWN = "%Y-%m-%d %H:%M"


def _typed(value: datetime | None) -> str:
    """An instant as the form shows it for editing: local time, to the minute."""
    return value.astimezone(local_zone()).strftime(_SHOWN) if value else ""


def _options(values: Sequence[str], current: str) -> list[tuple[Any, str]]:
    """Select options shown literally; the current value is kept even if not offered."""
    names = list(values) + ([current] if current and current not in values else [])
    return [(literal(name, single_line=True), name) for name in names]


class DetailsForm(FormModal[Postmortem | None]):
    """Edit the post-mortem's fields; dismissed with the saved post-mortem (None: cancelled)."""

    CSS_PATH = "forms.tcss"
    DEFAULT_CSS = """
    DetailsForm { align: center middle; }
    DetailsForm .form-cell Input { width: 100%; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-details")]

    def __init__(self, pm: Postmortem, classifications: Sequence[str]) -> None:
        super().__init__()
        self.pm = pm
        self.classifications = list(classifications)

    def compose(self) -> ComposeResult:
        pm = self.pm
        zone = local_zone().tzname(datetime.now()) or "local"
        with Vertical(classes="form"):
            yield Static(literal(f"Details of {pm.id}", single_line=True), classes="form-title")
            yield Label("Title")
            yield SafeInput(pm.title, compact=True, id="title")
            yield Static(classes="field-error", id="title-error")
            with Horizontal(classes="form-row"):
                with Vertical(classes="form-cell"):
                    yield Label("Severity")
                    yield Select(
                        _options(SEVERITIES, pm.severity),
                        compact=True,
                        prompt="(none)",
                        value=pm.severity or Select.NULL,
                        id="severity",
                    )
                with Vertical(classes="form-cell"):
                    yield Label("Classification")
                    yield Select(
                        _options(self.classifications, pm.classification),
                        compact=True,
                        prompt="(none)",
                        value=pm.classification or Select.NULL,
                        id="classification",
                    )
            with Horizontal(classes="form-row"):
                with Vertical(classes="form-cell"):
                    yield Label(f"Started ({zone})")
                    yield SafeInput(_typed(pm.started_at), compact=True, id="started")
                with Vertical(classes="form-cell"):
                    yield Label(f"Ended ({zone})")
                    yield SafeInput(_typed(pm.ended_at), compact=True, id="ended")
            yield Static(classes="field-error", id="dates-error")
            with Horizontal(classes="form-row"):
                with Vertical(classes="form-cell"):
                    yield Label("Services (comma-separated)")
                    yield SafeInput(", ".join(pm.services), compact=True, id="services")
                with Vertical(classes="form-cell"):
                    yield Label("Tags (comma-separated)")
                    yield SafeInput(", ".join(pm.tags), compact=True, id="tags")
            yield from form_foot(lists=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#title", Input).focus()

    def _text(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def _instant(self, field_id: str, stored: datetime | None) -> datetime | None:
        """The instant typed in `field_id`: the stored one while the text is unchanged."""
        text = self._text(field_id).strip()
        if text == _typed(stored):
            return stored
        return parse_instant(text, local_zone()) if text else None

    def _chosen(self, field_id: str) -> str:
        value = self.query_one(f"#{field_id}", Select).value
        return value if isinstance(value, str) else ""

    @on(Input.Changed, "#started, #ended")
    def _dates_changed(self) -> None:
        shown = []
        try:
            for field_id, stored, name in (
                ("started", self.pm.started_at, "start"),
                ("ended", self.pm.ended_at, "end"),
            ):
                at = self._instant(field_id, stored)
                if at is not None and self._text(field_id).strip() != _typed(stored):
                    shown.append(f"{name} → {show_instant(at)}")
        except (DateError, ValueError, OverflowError) as exc:
            say(self.query_one("#dates-error", Static), _sentence(exc))
            return
        say(self.query_one("#dates-error", Static), " · ".join(shown), "muted")

    @on(Input.Changed, "#title")
    def _title_changed(self) -> None:
        if self._text("title").strip():
            say(self.query_one("#title-error", Static), "")

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        pm = self.pm
        if not self._text("title").strip():
            say(self.query_one("#title-error", Static), "A title is required.")
            self.query_one("#title", Input).focus()
            return
        try:
            wanted = {
                "title": self._text("title"),
                "severity": self._chosen("severity"),
                "classification": self._chosen("classification"),
                "started_at": self._instant("started", pm.started_at),
                "ended_at": self._instant("ended", pm.ended_at),
                "services": split_list(self._text("services")),
                "tags": split_list(self._text("tags")),
            }
            changed = check_changes(pm, wanted, self.classifications)
        except (DetailsError, DateError, ValueError, OverflowError) as exc:
            say(self.query_one("#dates-error", Static), _sentence(exc))
            self.query_one("#started", Input).focus()
            return
        if not changed:
            self.dismiss(None)
            return
        store, pm_id = self.store, pm.id
        if not self.save_change(
            lambda: store.update_postmortem(pm_id, **changed),
            self._saved,
            self._refused,
            key=f"details {pm_id}",
        ):
            message = f"{BUSY_HERE} Your changes are saved as soon as it is free."
            say(self.query_one("#dates-error", Static), message, "warning")

    def _saved(self, pm: Postmortem) -> None:
        self.dismiss(pm)

    def _refused(self, exc: Exception) -> None:
        say(self.query_one("#dates-error", Static), _sentence(exc))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _sentence(exc: Exception) -> str:
    reason = str(exc) or "not a time"
    return reason[0].upper() + reason[1:] + ("" if reason.endswith(".") else ".")
