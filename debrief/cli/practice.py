"""What `check` and `remind` add about the meeting's practice: unconfirmed timelines
and soak follow-ups due."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from debrief.cli.output import say, say_json

if TYPE_CHECKING:
    from debrief.store import Store


def soaks_json(store: Store) -> list[dict[str, Any]]:
    return [s.model_dump(mode="json") for s in store.soaks_due(store.today())]


def soak_lines(store: Store) -> list[str]:
    """One line per soak follow-up due, for `remind`."""
    from debrief.words import plural

    return [
        f"Soak follow-up due {s.due.isoformat()}: {s.postmortem_id} {s.title} "
        f"({plural(s.parked, 'parked idea')} to turn into items)"
        for s in store.soaks_due(store.today())
    ]


def confirmation_line(store: Store, pm_id: str) -> str:
    """Whether the room confirmed the timeline, for `check ID` (not a problem either way)."""
    found = store.timeline_confirmation(pm_id)
    if found is None:
        return "· Timeline not confirmed by the room yet (Confirm timeline, in the meeting)"
    when = found.at.date().isoformat() if found.at else "?"
    return f"✓ Timeline confirmed by the room ({found.by}, {when})"


def list_unconfirmed(store: Store, as_json: bool) -> None:
    """`check` without an ID: the post-mortems whose timeline the room has not confirmed."""
    found = store.unconfirmed_timelines()
    if as_json:
        say_json({"unconfirmed_timelines": [{"id": i, "title": t} for i, t in found]})
        return
    if not found:
        say("Every timeline is confirmed by the room.")
        return
    say("Timelines not confirmed by the room:")
    for pm_id, title in found:
        say(f"  {pm_id}  {title}")
