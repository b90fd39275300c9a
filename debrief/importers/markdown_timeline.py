"""Timeline events from a post-mortem's timeline: a table with a time column, a list
of stamped entries (`- [13:26] ...`), stamped paragraphs, or stamped sub-headings
with the story under them. Entries without a day take the last day written above
them (a date line, a date heading) or the incident's day, and roll over midnight;
the zone is the entry's own, else the one the document states, else the one given.
What cannot be read as an entry stays in the section's text.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from debrief.importers.markdown_blocks import Plain, Table, inline_after, plain, read_table, span
from debrief.importers.markdown_times import Stamp, instant, leading_stamp

if TYPE_CHECKING:
    from markdown_it.token import Token

    from debrief.models import TimelineEvent

_TIME_HEADERS = re.compile(r"^(time|timestamp|when|date|datetime|date/time|at|hour)\b", re.I)
_TEXT_HEADERS = re.compile(r"^(event|events|what|description|summary|action|text|details?|"
                           r"message|notes?|update|activity|happened)\b", re.I)  # fmt: skip
_WHO_HEADERS = re.compile(r"^(who|author|by|person|owner|actor)\b", re.I)
ROLLOVER = timedelta(hours=12)
EARLIER = timedelta(days=31)
LINE_ENTRY = 2000
"""The longest line read as an entry of its own in a paragraph of stamped lines."""


@dataclass
class Entry:
    stamp: Stamp
    text: str
    author: str = ""
    link: str = ""
    lines: set[int] = field(default_factory=set)


@dataclass
class Found:
    """What a timeline chunk held: entries in order, and the lines they came from."""

    entries: list[Entry] = field(default_factory=list)
    used: set[int] = field(default_factory=set)


def is_entry_heading(text: str) -> bool:
    stamp = leading_stamp(text)
    return stamp is not None and stamp.clock is not None


def find_entries(tokens: list[Token], indexes: list[int], end: int) -> Found:
    """Every stamped entry among the blocks at `indexes` (in document order)."""
    found = Found()
    skip_to = -1
    for n, index in enumerate(indexes):
        token = tokens[index]
        first, last = span(token)
        if first < skip_to:
            continue
        if token.type == "heading_open":
            text = plain(inline_after(tokens, index)).text
            stamp = leading_stamp(text)
            if stamp is None:
                continue
            if stamp.clock is None and not stamp.rest:
                _marker(found, stamp, range(first, last))
                continue
            stop = _next_heading(tokens, indexes[n + 1 :], end)
            story = _story(tokens, indexes[n + 1 :], stop)
            text = "\n\n".join(t for t in (stamp.rest, story.text) if t)
            link = story.urls[0] if len(story.urls) == 1 else ""
            found.entries.append(Entry(stamp, text, link=link, lines=set(range(first, stop))))
            found.used.update(range(first, stop))
            skip_to = stop
        elif token.type == "table_open":
            _table(tokens, index, found)
        elif token.type == "paragraph_open":
            _paragraph(tokens, index, range(first, last), found)
    return found


def _story(tokens: list[Token], rest: list[int], stop: int) -> Plain:
    """The text under a stamped heading, block by block, as a reader sees it."""
    parts: list[str] = []
    urls: list[str] = []
    for index in rest:
        token = tokens[index]
        if span(token)[0] >= stop:
            break
        if token.type in ("paragraph_open", "th_open", "td_open"):
            found = plain(inline_after(tokens, index))
            bullet = "- " if token.level and tokens[index - 1].type == "list_item_open" else ""
            parts.append(bullet + found.text)
            urls += found.urls
        elif token.type in ("fence", "code_block"):
            parts.append(token.content.rstrip("\n"))
    return Plain("\n\n".join(p for p in parts if p), urls)


def _next_heading(tokens: list[Token], rest: list[int], end: int) -> int:
    for index in rest:
        if tokens[index].type == "heading_open":
            return span(tokens[index])[0]
    return end


def _marker(found: Found, stamp: Stamp, where: range) -> None:
    """A date on its own ("2019-01-22", "### Jan 31"): the day of the entries below."""
    found.entries.append(Entry(stamp, "", lines=set(where)))
    found.used.update(where)


def _paragraph(tokens: list[Token], index: int, where: range, found: Found) -> None:
    """A paragraph (or a list item's first one) that starts with a stamp; a paragraph
    whose every line starts with one is one entry per line."""
    inline = inline_after(tokens, index)
    if inline is None:
        return
    raw = inline.content.split("\n")
    if len(raw) > 1 and all(len(line) <= LINE_ENTRY for line in raw):
        stamps = [leading_stamp(flat(line)) for line in raw]
        if all(s is not None and s.rest for s in stamps):
            for stamp in stamps:
                assert stamp is not None
                found.entries.append(Entry(stamp, stamp.rest, lines=set(where)))
            found.used.update(where)
            return
    text = plain(inline)
    stamp = leading_stamp(text.text)
    if stamp is None:
        return
    if stamp.clock is None and not stamp.rest:
        _marker(found, stamp, where)
        return
    link = text.urls[0] if len(text.urls) == 1 else ""
    found.entries.append(Entry(stamp, stamp.rest, link=link, lines=set(where)))
    found.used.update(where)


def flat(line: str) -> str:
    """One line of inline Markdown as text: emphasis marks gone, links as "text (url)"."""
    line = re.sub(r"!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)", r"\1 (\2)", line)
    return re.sub(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))", "", line).strip()


def _table(tokens: list[Token], index: int, found: Found) -> None:
    table, _ = read_table(tokens, index)
    names = [cell.text for cell in table.header]
    when = _column(names, _TIME_HEADERS)
    if when is None:
        when = _stamped_column(table)
        if when is None:
            return
    what = _column(names, _TEXT_HEADERS, avoid={when})
    day_column = None
    if names and re.match(r"^date\b", names[when], re.I):
        clock = _column(names, re.compile(r"^time\b", re.I), avoid={when})
        if clock is not None:
            day_column, when = when, clock
    who = _column(names, _WHO_HEADERS, avoid={when})
    taken = {when, day_column, who}
    if what is None:
        others = [i for i in range(len(names)) if i not in taken]
        what = max(others, key=lambda i: sum(len(r[i].text) for _, r in table.rows if i < len(r)),
                   default=None)  # fmt: skip
    kept_all = True
    for line, cells in table.rows:
        cell = cells[when].text if when < len(cells) else ""
        if day_column is not None and day_column < len(cells):
            cell = f"{cells[day_column].text} {cell}"
        stamp = leading_stamp(cell + " ")
        text = cells[what] if what is not None and what < len(cells) else Plain("")
        extra = [c.text for i, c in enumerate(cells) if i not in taken and i != what and c.text]
        body = " · ".join([text.text, *extra]).strip(" ·")
        if stamp is None or not (body or stamp.rest):
            kept_all = False
            continue
        author = cells[who].text if who is not None and who < len(cells) else ""
        link = text.urls[0] if len(text.urls) == 1 else ""
        rest = " ".join(t for t in (stamp.rest, body) if t)
        found.entries.append(Entry(stamp, rest, author, link, {line}))
        found.used.add(line)
    if kept_all:
        found.used.update(range(*table.head_lines))


def _column(
    names: list[str], pattern: re.Pattern[str], avoid: set[int] | None = None
) -> int | None:
    for i, name in enumerate(names):
        if i not in (avoid or set()) and pattern.match(name.strip()):
            return i
    return None


def _stamped_column(table: Table) -> int | None:
    """The column most of whose cells start with a time (a table without headers)."""
    if not table.rows:
        return None
    width = max(len(cells) for _, cells in table.rows)
    for i in range(width):
        stamped = sum(
            1 for _, cells in table.rows if i < len(cells) and leading_stamp(cells[i].text + " ")
        )
        if stamped * 2 > len(table.rows):
            return i
    return None


@dataclass
class Dated:
    events: list[TimelineEvent]
    undated: list[Entry]
    date_only: int = 0
    rolled: int = 0
    own_zones: set[str] = field(default_factory=set)
    """The zones written on the entries themselves ("17:20 UTC")."""
    unzoned: int = 0


def resolve(entries: list[Entry], day: date | None, zone: tzinfo, prefix: str) -> Dated:
    """Events in order: each entry's day from itself, the marker or entry above, or
    `day`; after midnight when the clock went back more than 12 hours."""
    from debrief.models import TimelineEvent

    out = Dated([], [])
    seen: Counter[str] = Counter()
    reference = day
    previous: datetime | None = None
    shifted: date | None = None  # a written day found to mean the next one
    reached = False  # an entry on or after the incident's day was seen
    for entry in entries:
        stamp = entry.stamp
        on = _day(stamp, reference, day, reached)
        if on is None:
            out.undated.append(entry)
            continue
        if not entry.text:  # a date marker
            reference, previous = on, None
            continue
        written = on
        if shifted is not None and stamp.dated and stamp.year is None and on == shifted:
            on += timedelta(days=1)
        elif stamp.dated:
            shifted = None
        at = instant(on, stamp.clock, stamp.zone or zone)
        if stamp.zone is not None and stamp.clock is not None:
            out.own_zones.add(stamp.zone_name.upper())
        else:
            out.unzoned += 1
        if (
            previous is not None
            and stamp.year is None
            and at < previous - ROLLOVER
            and on == previous.astimezone(at.tzinfo).date()
        ):
            at += timedelta(days=1)
            out.rolled += 1
            shifted = written if stamp.dated else None
        if stamp.clock is None:
            out.date_only += 1
        try:
            event = TimelineEvent(
                at=at,
                text=entry.text,
                source="post-mortem",
                author=entry.author,
                link=_link(entry.link),
                source_id=_content_id(prefix, at, entry.text, seen),
            )
        except ValueError:
            out.undated.append(entry)
            continue
        out.events.append(event)
        previous, reference = at, at.date()
        reached = reached or (day is not None and on >= day)
    return out


def _day(stamp: Stamp, reference: date | None, incident: date | None, reached: bool) -> date | None:
    """The entry's day. A day written without its year is in the incident's year,
    unless it would be over a month after the incident while the timeline has not
    reached the incident yet (`reached`): then it is the year before (`12-05` at the
    top of a March incident's timeline)."""
    if stamp.month is not None and stamp.day is not None:
        if stamp.year is not None:
            return date(stamp.year, stamp.month, stamp.day)
        anchor = incident or reference
        if anchor is None:
            return None
        try:
            found = date(anchor.year, stamp.month, stamp.day)
        except ValueError:
            return None
        if found > anchor + EARLIER and not reached:
            try:
                found = found.replace(year=anchor.year - 1)
            except ValueError:  # the 29th of February
                return None
        return found
    return reference


def _link(url: str) -> str:
    from debrief.links import LinkError, check_link

    try:
        return check_link(url)
    except LinkError:
        return ""


def _content_id(prefix: str, at: datetime, text: str, seen: Counter[str]) -> str:
    digest = hashlib.sha256(f"{at.isoformat()}\n{text}".encode()).hexdigest()[:16]
    seen[digest] += 1
    number = seen[digest]
    return f"{prefix}:{digest}" + (f"-{number}" if number > 1 else "")


_MILESTONES = [
    ("started", re.compile(r"\b(outage|incident|impact|problem|issue)s? (starts?|started|begins?|began)\b", re.I), False),
    ("detected", re.compile(r"\b(detected|alerted|alerts? fired|paged|noticed|(first )?reported|notices)\b", re.I), False),
    ("resolved", re.compile(r"\b(outage|incident|impact)s? (ends?|ended|is over|over)\b|\bresolved\b|\b(service|services) (restored|recovered)\b", re.I), True),
]  # fmt: skip


def mark_milestones(events: list[TimelineEvent]) -> list[str]:
    """Started, detected and resolved on the events whose words say so: the first
    entry that says the outage started, the first report or alert, the last entry
    that says it ended or was resolved. The names of the milestones set."""
    from debrief.kinds import Milestone

    ordered = sorted(events, key=lambda e: e.at)
    marked: list[str] = []
    for name, pattern, last in _MILESTONES:
        candidates = [e for e in ordered if e.milestone is None and pattern.search(e.text[:400])]
        if candidates:
            event = candidates[-1] if last else candidates[0]
            event.milestone = Milestone(name)
            marked.append(name)
    return marked
