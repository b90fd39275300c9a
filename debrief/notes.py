"""What the room notices besides the timeline: surprises, themes, open questions, ideas.

Ideas are parked during the story and handled in the Action items section: each
is turned into an owned item, kept as an "if we have time" item, or dropped with
one word why. Survey answers (the optional three questions after the meeting) are
notes too. Pure: no Textual, no SQL.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum

from debrief.record import Record


class NoteKind(StrEnum):
    surprise = "surprise"
    theme = "theme"
    question = "question"
    idea = "idea"
    survey = "survey"
    """An answer to the survey (not offered by `debrief note add`)."""


CAPTURED = (NoteKind.surprise, NoteKind.theme, NoteKind.question, NoteKind.idea)
"""The kinds `debrief note add` and the app capture."""

HEADINGS = {
    NoteKind.surprise: "Surprises",
    NoteKind.theme: "Themes",
    NoteKind.question: "Open questions",
    NoteKind.idea: "Parked ideas",
}
"""The document's section for each kind (shown only when it holds anything)."""


class IdeaState(StrEnum):
    parked = "parked"
    item = "item"
    """Turned into an owned action item (`action_id` names it)."""
    if_time = "if-time"
    """Kept as an "if we have time" item."""
    dropped = "dropped"
    """Dropped, with one word why."""


MAX_TEXT = 500
"""A note is one line: longer text is refused, not cut."""


class Note(Record):
    id: str = ""
    postmortem_id: str = ""
    kind: NoteKind
    text: str
    state: str = ""
    """For ideas, an IdeaState value; empty for other kinds."""
    action_id: str = ""
    why: str = ""
    author: str = ""
    created_at: datetime | None = None

    @property
    def parked(self) -> bool:
        return self.kind is NoteKind.idea and self.state in ("", IdeaState.parked)

    def outcome(self) -> str:
        """An idea's state in words: "parked", "item 3f2a…", "if we have time", "dropped: cost"."""
        if self.kind is not NoteKind.idea:
            return ""
        if self.state == IdeaState.item:
            return f"turned into item {self.action_id}"
        if self.state == IdeaState.if_time:
            return "if we have time"
        if self.state == IdeaState.dropped:
            return f"dropped: {self.why}"
        return "parked"


class NoteError(ValueError):
    """Input a note cannot be made from: one sentence for the person."""


def note_text(text: str) -> str:
    """The note's text on one line; refuses empty or over-long text."""
    line = " ".join(text.split())
    if not line:
        raise NoteError("a note needs some text")
    if len(line) > MAX_TEXT:
        raise NoteError(f"a note is one line of at most {MAX_TEXT} characters")
    return line


def one_word(why: str) -> str:
    """The one word a dropped idea is dropped for."""
    words = why.split()
    if len(words) != 1:
        raise NoteError("say in one word why the idea is dropped (e.g. cost, duplicate)")
    if len(words[0]) > 40:
        raise NoteError("the reason is one short word")
    return words[0]


def kind_of(value: str, allowed: tuple[NoteKind, ...] = CAPTURED) -> NoteKind:
    try:
        kind = NoteKind(value.strip().lower())
    except ValueError:
        kind = None
    if kind is None or kind not in allowed:
        raise NoteError(f"a note is one of: {', '.join(k.value for k in allowed)}")
    return kind


def working_days_after(start: date, days: int = 2) -> date:
    """`days` working days (Monday to Friday) after `start`: the default soak time."""
    day = start
    left = days
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def survey_text(title: str) -> str:
    """The optional three-question survey, to paste into Slack; answers are recorded
    as survey notes (`debrief note answer`)."""
    from debrief.literal import clean

    return (
        f"Three quick questions about the debrief of {clean(title, single_line=True)} "
        "(one line each):\n"
        "1. Did you learn something that changes how you work? What?\n"
        "2. Would you come to another debrief like this one?\n"
        "3. What should the next debrief do differently?"
    )
