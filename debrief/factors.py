"""Contributing factors, what went right and where we got lucky: their kinds, titles and
checks, shared by the store's callers (CLI, app) and the documents."""

from __future__ import annotations

from collections.abc import Sequence

from debrief.kinds import FactorKind
from debrief.models import Factor, TimelineEvent

TITLES: dict[FactorKind, str] = {
    FactorKind.factor: "Contributing factors",
    FactorKind.went_right: "What went right",
    FactorKind.lucky: "Where we got lucky",
}
"""Each kind's heading in the documents and the app."""

MAX_TEXT = 500
"""A factor is a short text; longer belongs in the Root cause section's body."""


def check_category(category: str, categories: Sequence[str]) -> str:
    """The category as configured (matched without regard to case); ValueError naming the
    configured ones otherwise."""
    wanted = " ".join(category.split()).casefold()
    for known in categories:
        if known.casefold() == wanted:
            return known
    raise ValueError(
        f"{category!r} is not a factor category (the config's factor_categories: "
        f"{', '.join(categories)})"
    )


def check_text(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise ValueError("a factor needs a short text")
    if len(text) > MAX_TEXT:
        raise ValueError(
            f"a factor's text is at most {MAX_TEXT} characters (this one has {len(text)}); "
            "write the long story in the Root cause section"
        )
    return text


def event_ids(refs: Sequence[str], events: Sequence[TimelineEvent]) -> list[str]:
    """Timeline events named by their number in `debrief event list` (1 = the first) or
    by id, as ids; ValueError on the first that names none."""
    ordered = sorted(events, key=lambda e: e.at)
    by_id = {e.id for e in ordered}
    found: list[str] = []
    for ref in refs:
        ref = ref.strip()
        if ref in by_id:
            event_id = ref
        elif ref.isdigit() and 1 <= int(ref) <= len(ordered):
            event_id = ordered[int(ref) - 1].id
        else:
            count = len(ordered)
            raise ValueError(
                f"there is no timeline event {ref!r} (the timeline's events are numbered "
                f"1 to {count}, oldest first)"
                if count
                else f"there is no timeline event {ref!r}: the timeline is empty"
            )
        if event_id not in found:
            found.append(event_id)
    return found


def by_kind(factors: Sequence[Factor]) -> dict[FactorKind, list[Factor]]:
    """The factors grouped by kind, every kind present (in TITLES order)."""
    grouped: dict[FactorKind, list[Factor]] = {kind: [] for kind in TITLES}
    for factor in factors:
        grouped[factor.kind].append(factor)
    return grouped
