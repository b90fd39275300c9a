"""What an import read, what it skipped and why, and the problems it met."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from debrief.words import plural

ProgressCallback = Callable[[int, int], None]
"""Called with (done, total), in bytes of input read."""

# Why something was left out; the summary lists the counts under these names.
JOINS = "channel joins and leaves"
TOPICS = "topic, purpose and name changes"
INTEGRATIONS = "integrations added or removed"
ARCHIVES = "channels archived or unarchived"
DELETED = "deleted messages"
EMPTY = "empty messages"
OUTSIDE = "outside the time window"
BAD_FILE = "unreadable files"
BAD_ITEM = "unreadable entries"
NO_TIME = "entries without a usable time"
NO_TEXT = "entries without text"
PROBLEMS = frozenset({BAD_FILE, BAD_ITEM, NO_TIME, NO_TEXT})
ONE = {
    JOINS: "channel join or leave",
    TOPICS: "topic, purpose or name change",
    INTEGRATIONS: "integration added or removed",
    ARCHIVES: "channel archived or unarchived",
    DELETED: "deleted message",
    EMPTY: "empty message",
    OUTSIDE: "outside the time window",
    BAD_FILE: "unreadable file",
    BAD_ITEM: "unreadable entry",
    NO_TIME: "entry without a usable time",
    NO_TEXT: "entry without text",
}
"""Each reason, said of one thing: "1 unreadable entry", never "1 unreadable entries"."""


def bot_placeholder(bot_id: str) -> str:
    """The author of a bot's message while its name is unknown."""
    return f"bot {bot_id}"


class ImportFailed(ValueError):
    """Nothing usable could be read, or the import was asked for something impossible."""


@dataclass(frozen=True)
class Problem:
    """Bad input, located: `where` names the file and line."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass
class ImportReport:
    """Counts filled in while an importer runs; the events themselves are yielded."""

    source: str = ""
    read: int = 0
    """Messages, rows or lines looked at."""
    events: int = 0
    """Usable events produced."""
    skipped: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Things worth knowing that are not errors (a missing users.json...)."""
    channels: list[str] = field(default_factory=list)
    bot_names: dict[str, str] = field(default_factory=dict)
    """Bots named by an integration message (`added an integration: <…|github>`):
    the placeholder `bot B…` of their messages is replaced by the name, wherever
    in the import those messages are."""

    def add(self, other: ImportReport) -> None:
        """Take in what another reader of the same import (another share of it) found."""
        self.source = self.source or other.source
        self.read += other.read
        self.events += other.events
        self.skipped.update(other.skipped)
        self.problems = sorted([*self.problems, *other.problems], key=lambda p: p.where)
        self.notes += [n for n in other.notes if n not in self.notes]
        self.channels = self.channels or other.channels
        self.bot_names = {**other.bot_names, **self.bot_names}

    def author_renames(self) -> dict[str, str]:
        """Placeholder author → the bot's name, for `bot_names`."""
        return {bot_placeholder(bot_id): name for bot_id, name in self.bot_names.items()}

    def skip(self, reason: str, count: int = 1) -> None:
        self.skipped[reason] += count

    def problem(self, where: str, what: str, reason: str | None = BAD_ITEM) -> None:
        """Bad input at `where`; counted as skipped under `reason` unless that is None."""
        self.problems.append(Problem(where, what))
        if reason is not None:
            self.skipped[reason] += 1

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def usable(self) -> bool:
        """False when nothing in the input could be understood (noise and window skips count)."""
        return self.events > 0 or any(n for r, n in self.skipped.items() if r not in PROBLEMS)

    def skipped_lines(self) -> list[str]:
        """`8 channel joins and leaves`, `1 deleted message`, most frequent first."""
        return [
            plural(count, ONE.get(reason, reason), reason)
            for reason, count in self.skipped.most_common()
        ]
