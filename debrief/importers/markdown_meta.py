"""A post-mortem's front matter, read with python-frontmatter (YAML between `---`
lines, or TOML between `+++` when a TOML library is installed).

The fields debrief has (title, date, severity, status, authors, tags, services,
classification) are taken; every other field is kept as text for the "Other"
section, so nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from debrief.kinds import Status

_STATUS = {
    Status.draft: ("draft", "wip", "todo", "in progress", "open", "investigating", "active"),
    Status.ready: ("ready", "in review", "review", "reviewing", "pending review"),
    Status.debriefed: (
        "debriefed",
        "reviewed",
        "complete",
        "completed",
        "final",
        "done",
        "closed",
        "resolved",
        "approved",
        "accepted",
    ),
    Status.published: ("published", "public", "shared"),
}
_TITLE = ("title", "name", "incident", "summary_title")
_DAY = ("date", "incident_date", "started", "start", "incident_start", "started_at", "when")
_SEVERITY = ("severity", "sev", "level", "impact_level")
_AUTHORS = ("authors", "author", "owner", "owners", "written_by", "incident_commander")
_TAGS = ("tags", "labels", "categories", "category")
_SERVICES = ("services", "service", "services_affected", "systems", "components")
SHOWN = 300
"""The most characters of one unknown field's value kept as text."""


@dataclass
class Meta:
    title: str = ""
    day: date | None = None
    at: datetime | None = None
    severity: str = ""
    status: Status | None = None
    status_text: str = ""
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    classification: str = ""
    extra: list[tuple[str, str]] = field(default_factory=list)


def read_front_matter(text: str, name: str, today: date) -> tuple[Meta, str]:
    """The front matter and the Markdown after it; MarkdownImportError when the front
    matter cannot be read."""
    import frontmatter
    import yaml

    from debrief.importers.markdown import MarkdownImportError

    if not re.match(r"(---|\+\+\+)\s*\n", text):
        return Meta(), text
    try:
        metadata, content = frontmatter.parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise MarkdownImportError(
            f"{name} has front matter that is not valid YAML{where}"
        ) from None
    except (ValueError, TypeError, RecursionError, OverflowError):
        raise MarkdownImportError(
            f"{name} has front matter that cannot be read (a value too large or malformed)"
        ) from None
    if not isinstance(metadata, dict):
        raise MarkdownImportError(f"{name} has front matter that is not a list of fields")
    if not metadata and content.strip() != text.strip() and re.match(r"---\s*\n\s*\S", text):
        raise MarkdownImportError(
            f"{name} has front matter that is not a list of `key: value` fields"
        )
    return _meta(metadata), content


def _meta(data: dict[Any, Any]) -> Meta:
    meta = Meta()
    used: set[str] = set()

    def pick(names: tuple[str, ...]) -> Any:
        for key in data:
            if str(key).lower() in names and data[key] not in (None, "", []):
                used.add(str(key))
                return data[key]
        return None

    meta.title = _line(pick(_TITLE))
    when = pick(_DAY)
    if isinstance(when, datetime):
        meta.at, meta.day = _instant(when), when.date()
    elif isinstance(when, date):
        meta.day = when
    elif when is not None:
        from debrief.importers.markdown_times import first_date

        meta.day = first_date(_line(when))
    if meta.day is not None and not 1970 <= meta.day.year <= 9998:
        meta.day = meta.at = None
    if when is not None and meta.day is None:  # kept as text, with the other fields
        used -= {str(k) for k in data if str(k).lower() in _DAY}
    meta.severity = _line(pick(_SEVERITY))[:40]
    status = _line(pick(_STATUS_KEYS)).lower()
    meta.status_text = status
    meta.status = next((s for s, names in _STATUS.items() if status in names), None)
    meta.authors = _names(pick(_AUTHORS))
    meta.tags = _names(pick(_TAGS))
    meta.services = _names(pick(_SERVICES))
    meta.classification = _line(pick(("classification", "type", "kind")))[:60]
    for key, value in data.items():
        if str(key) not in used and value not in (None, "", []):
            meta.extra.append((_line(key)[:80], shown(value, SHOWN)))
    return meta


_STATUS_KEYS = ("status", "state", "stage")


def _instant(value: datetime) -> datetime | None:
    """A front-matter date-time inside the accepted window (naive ones in UTC)."""
    from debrief.dates import DateError, check_instant

    try:
        return check_instant(value)
    except DateError:
        return None


def _line(value: Any) -> str:
    return " ".join(shown(value, SHOWN).split()) if value is not None else ""


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else re.split(r"[,;]| and ", shown(value, SHOWN))
    names = [_line(v).lstrip("@") for v in items[:50]]
    return [n[:80] for n in names if n]


def shown(value: Any, budget: int) -> str:
    """A value as text, at most `budget` characters, without walking more of it than
    that (YAML aliases can make a small file a very large or circular value)."""
    out: list[str] = []
    size = 0
    stack: list[Any] = [value]
    steps = 0
    while stack and size < budget and steps < 10_000:
        steps += 1
        item = stack.pop()
        if isinstance(item, str):
            piece = item
        elif isinstance(item, dict):
            parts: list[Any] = []
            for n, (k, v) in enumerate(item.items()):
                if n >= 50:
                    break
                parts += [", " if n else "", str(k) + ": ", v]
            stack.extend(reversed(["{", *parts, "}"]))
            continue
        elif isinstance(item, list | tuple):
            parts = []
            for n, v in enumerate(item[:50]):
                parts += [", " if n else "", v]
            stack.extend(reversed(["[", *parts, "]"]))
            continue
        elif isinstance(item, int) and item.bit_length() > 1000:
            piece = "(a number too long to show)"
        elif isinstance(item, date | int | float | bool):
            piece = item.isoformat() if isinstance(item, date) else str(item)
        else:
            piece = type(item).__name__
        out.append(piece[: budget - size])
        size += len(out[-1])
    text = "".join(out)
    return text if not stack else text + "…"


_FIELD_LINE = re.compile(
    r"^[\s>*+-]*\|?\s*(?:\*\*|__)?\s*(?P<key>severity|sev|status|date|incident date|"
    r"authors?|written by)\s*(?:\*\*|__)?\s*(?::\s*(?:\*\*|__)?|\|)\s*(?P<value>[^|\n]{1,120})",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"[\[<{]|\bYYYY\b|\bSEV\?|\s\|\s|/\s*SEV|\bor\b", re.IGNORECASE)


def fill_from_lines(meta: Meta, lines: list[str]) -> list[str]:
    """Fields the front matter left out, from `Severity: SEV2`-style lines (or table
    rows) near the top of the document; the lines stay in the text. What was taken."""
    taken: list[str] = []
    for line in lines[:80]:
        match = _FIELD_LINE.match(line[:300])
        if not match:
            continue
        key = match.group("key").lower()
        value = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", match.group("value"))
        value = " ".join(value.strip(" *_`").split())
        whole = line[match.start("value") : match.start("value") + 200].rstrip(" |")
        whole = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", whole)
        if not value or _PLACEHOLDER.search(whole):
            continue
        if key in ("severity", "sev") and not meta.severity:
            meta.severity = value[:40]
        elif key == "status" and meta.status is None:
            found = next((s for s, names in _STATUS.items() if value.lower() in names), None)
            if found is None:
                continue
            meta.status = found
        elif key in ("date", "incident date") and meta.day is None:
            from debrief.importers.markdown_times import first_date

            meta.day = first_date(value)
            if meta.day is None:
                continue
        elif key in ("author", "authors", "written by") and not meta.authors:
            meta.authors = _names(value)
        else:
            continue
        taken.append(key)
    return taken
