"""Who takes part in a debrief: names as stored, roles, and who the timeline names.

Names are any Unicode ("Søren Kierkegaard", "李雷", "O'Brien"): stored in NFC with runs
of white space folded to one space, and compared without regard to case, so "ana souza"
is the Ana Souza already on the list.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from debrief.models import Participant

ROLES = ("facilitator", "lead investigator", "note-taker")
"""The roles a debrief needs; any other text ("SRE", "customer support") is kept as typed."""

NAME_MAX = 100
ROLE_MAX = 60

MACHINE_SOURCES = frozenset({"log", "graph", "alert", "metric", "metrics", "monitoring"})
"""Timeline sources written by systems: their authors (grafana, loki) are not people."""

_BOT = re.compile(r"(^|[\s_.-])bot($|[\s_.-])", re.IGNORECASE)
_ROLE_SPELLINGS = {
    "lead investigator": "lead investigator",
    "lead-investigator": "lead investigator",
    "lead_investigator": "lead investigator",
    "investigator lead": "lead investigator",
    "note-taker": "note-taker",
    "note taker": "note-taker",
    "notetaker": "note-taker",
    "note_taker": "note-taker",
    "facilitator": "facilitator",
}


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def person_name(text: str) -> str:
    """A name as stored; ValueError when it is empty or longer than NAME_MAX characters."""
    name = _fold(text)
    if not name:
        raise ValueError("a participant needs a name")
    if len(name) > NAME_MAX:
        raise ValueError(f"a participant's name is at most {NAME_MAX} characters")
    return name


def person_role(text: str) -> str:
    """A role as stored: the known roles spelled one way, any other text kept as typed."""
    role = _fold(text)
    if len(role) > ROLE_MAX:
        raise ValueError(f"a role is at most {ROLE_MAX} characters")
    return _ROLE_SPELLINGS.get(role.casefold(), role)


def person_key(name: str) -> str:
    """What two spellings of one person's name have in common."""
    return _fold(name).casefold()


def find(participants: Sequence[Participant], name: str) -> int | None:
    """The index of `name` among `participants`, or None."""
    key = person_key(name)
    return next((i for i, p in enumerate(participants) if person_key(p.name) == key), None)


def is_bot(author: str) -> bool:
    """`deploy-bot`, `bot B0123` (an unnamed Slack bot), `bot`."""
    return bool(_BOT.search(author))


def named_in_timeline(
    authored: Iterable[tuple[str, Iterable[str]]], participants: Sequence[Participant]
) -> list[str]:
    """People named as event authors who are not participants yet, in timeline order.

    `authored` is each author with the sources of their events, first author first.
    Left out: blank authors, bots, authors seen only on machine sources (log, graph…).
    """
    known = {person_key(p.name) for p in participants}
    found: list[str] = []
    for author, sources in authored:
        name = _fold(author)
        key = name.casefold()
        if not name or len(name) > NAME_MAX or key in known or is_bot(name):
            continue
        if not {s.strip().casefold() for s in sources} - MACHINE_SOURCES:
            continue
        known.add(key)
        found.append(name)
    return found
