"""Importing post-mortems written in Markdown: one file becomes one debrief document.

The front matter (python-frontmatter) gives the title, date, severity, status and
authors; markdown-it-py finds the headings, and each heading's text goes to the
template section it means (markdown_sections), its timeline to events and its
action items to items. Text that is not turned into events or items is kept word
for word in its section; headings that mean no section are kept, with their text,
in an "Other" section. Nothing is dropped.

The post-mortem's id comes from the file's content (`MD-` and a hash), so importing
the same file again finds it already there instead of adding a copy.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debrief.importers.markdown_report import FileReport
from debrief.importers.markdown_sections import OTHER, Chunk, Heading, cut
from debrief.importers.markdown_times import first_date, stated_zone

if TYPE_CHECKING:
    from markdown_it.token import Token

    from debrief.models import ActionItem, Document, Participant, TimelineEvent
    from debrief.template import Template

MAX_BYTES = 2 * 1024 * 1024
INLINE_LIMIT = 10_000
SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
OTHER_TITLE = "Other"


class MarkdownImportError(ValueError):
    """A file that cannot be imported; the message is one sentence naming it."""


@dataclass(frozen=True)
class Setting:
    """What the command line decides: the template, the zone of unzoned times, today."""

    template: Template
    today: date
    zone: tzinfo | None = None
    zone_name: str = ""


def is_markdown_target(path: Path) -> bool:
    return str(path) == "-" or path.is_dir() or path.suffix.lower() in SUFFIXES


def markdown_files(folder: Path) -> list[Path]:
    """The Markdown files in a folder and below it, by name; hidden folders skipped."""
    found = [
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in SUFFIXES
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    if not found:
        raise MarkdownImportError(f"{folder} holds no Markdown files (.md or .markdown)")
    return sorted(found)


def read_text(path: Path) -> str:
    """The file's text; one sentence when it cannot be read as a Markdown file."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise MarkdownImportError(f"{path} does not exist") from None
    except OSError as exc:
        raise MarkdownImportError(f"cannot read {path}: {exc.strerror or exc}") from None
    return decode(data, str(path))


def decode(data: bytes, name: str) -> str:
    if len(data) > MAX_BYTES:
        raise MarkdownImportError(f"{name} is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if b"\x00" in data:
        raise MarkdownImportError(f"{name} is not a text file (it holds binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MarkdownImportError(
            f"{name} is not UTF-8 text (byte {exc.start} cannot be read)"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def source_id(text: str) -> str:
    """The id a file's content gives its post-mortem: the same text, the same id."""
    return "MD-" + hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:10].upper()


def convert(text: str, name: str, setting: Setting) -> tuple[Document, FileReport]:
    """The document a Markdown post-mortem makes, and what went where."""
    from debrief.importers.markdown_meta import read_front_matter

    if not text.strip():
        raise MarkdownImportError(f"{name} is empty")
    meta, content = read_front_matter(text, name, setting.today)
    references: dict[str, dict[str, str]] = {}
    try:
        tokens = _parse(content, references)
    except RecursionError:
        raise MarkdownImportError(f"{name} is nested too deeply to read") from None
    lines = content.split("\n")
    from debrief.importers.markdown_meta import fill_from_lines

    fill_from_lines(meta, lines)
    headings = _headings(tokens)
    title, body_start = _title(meta.title, headings, name)
    if body_start:
        headings = [h for h in headings if h.line >= body_start]
    keys = {s.key for s in setting.template.sections}
    from debrief.importers.markdown_timeline import is_entry_heading

    chunks = cut(headings, len(lines), body_start, keys, is_entry_heading)
    if chunks[0].key not in keys:
        chunks[0].key = OTHER
    _assign(tokens, chunks)
    from debrief.importers.markdown_fill import Filler

    filler = Filler(tokens, lines, setting, meta, title, name, references)
    return filler.document(chunks, source_id(text))


def _parse(content: str, references: dict[str, dict[str, str]]) -> list[Token]:
    """The block tokens, with the inline Markdown of each block read when it is no longer
    than INLINE_LIMIT (longer ones keep their text as written: reading inline Markdown
    can take time growing with the square of a block's length); `references` gets the
    link reference definitions."""
    from markdown_it import MarkdownIt

    blocks = MarkdownIt("commonmark", {"maxNesting": 20}).enable("table").disable("inline")
    inline = MarkdownIt("commonmark", {"maxNesting": 20})
    env: dict[str, object] = {}
    tokens = blocks.parse(content, env)
    for token in tokens:
        if token.type == "inline" and len(token.content) <= INLINE_LIMIT:
            parsed = inline.parseInline(token.content, env)
            token.children = parsed[0].children if parsed else None
    found = env.get("references")
    if isinstance(found, dict):
        references.update(found)
    return tokens


def _headings(tokens: list[Token]) -> list[Heading]:
    from debrief.importers.markdown_blocks import inline_after, plain

    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            text = plain(inline_after(tokens, index)).text
            found.append(Heading(text, int(token.tag[1:]), token.map[0], token.map[1]))
    return found


def _title(meta_title: str, headings: list[Heading], name: str) -> tuple[str, int]:
    """The title, and the line the document's body starts at: after a leading level-1
    heading used as the title (kept in the text when the front matter names another)."""
    first = headings[0] if headings else None
    leading = (
        first is not None and first.level == 1 and sum(h.level == 1 for h in headings[:2]) == 1
    )
    if first is not None and leading:
        same = not meta_title or _words(meta_title) == _words(first.text)
        return (meta_title or first.text), (first.end if same else first.line)
    stem = Path(name).stem if name not in ("-", "standard input") else "Imported post-mortem"
    return meta_title or stem, 0


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _assign(tokens: list[Token], chunks: list[Chunk]) -> None:
    """Each chunk's block tokens (their indexes), by the lines they start on."""
    starts = [(i, t.map[0]) for i, t in enumerate(tokens) if t.map and t.nesting >= 0]
    at = 0
    for chunk in sorted(chunks, key=lambda c: c.start):
        while at < len(starts) and starts[at][1] < chunk.start:
            at += 1
        probe = at
        while probe < len(starts) and starts[probe][1] < chunk.end:
            chunk.lines.append(starts[probe][0])
            probe += 1


def doc_zone(lines: list[str], timeline: list[Chunk], setting: Setting) -> tuple[tzinfo, str, str]:
    """The zone of times written without one, its name, and where it came from."""
    for chunk in timeline:
        stated = stated_zone("\n".join(lines[max(chunk.heading_line, 0) : chunk.end]))
        if stated:
            return stated[0], stated[1], "stated in the document"
    stated = stated_zone("\n".join(lines[:400]))
    if stated:
        return stated[0], stated[1], "stated in the document"
    if setting.zone is not None:
        return setting.zone, setting.zone_name, "given with --tz"
    return UTC, "UTC", "assumed: the document states no zone (use --tz)"


def incident_day(
    meta_day: date | None, title: str, preamble: str, entries: list[Any], document: str
) -> date | None:
    """The incident's day: the front matter's date (or a `Date:` line), else one in the
    title, the text before the first heading, the first fully dated timeline entry, or
    the first date written anywhere in the document."""
    if meta_day is not None:
        return meta_day
    found = first_date(title) or first_date(preamble)
    if found is not None:
        return found
    for entry in entries:
        stamp = entry.stamp
        if stamp.year is not None and stamp.month is not None and stamp.day is not None:
            return date(stamp.year, stamp.month, stamp.day)
    return first_date(document)


def started(events: list[TimelineEvent], day: date | None, zone: tzinfo) -> datetime | None:
    """The first event on or after the incident's day (or that day's start)."""
    if day is None:
        return min((e.at for e in events), default=None)
    start = datetime.combine(day, datetime.min.time(), tzinfo=zone)
    later = [e.at for e in events if e.at >= start]
    return min(later) if later else start


def incomplete(items: list[ActionItem]) -> int:
    return sum(1 for item in items if item.missing())


def dedupe(people: list[Participant]) -> list[Participant]:
    seen: set[str] = set()
    out = []
    for person in people:
        key = person.name.strip().lower()
        if key and key not in seen:
            seen.add(key)
            out.append(person)
    return out
