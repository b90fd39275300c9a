"""Which template section a post-mortem's heading means, and the document cut at them.

A heading is matched by meaning: its words are compared with the phrases teams use
for each section ("Contributing factors" is the root cause, "Follow-ups" are action
items), after numbering, emoji and a "(UTC)" are taken off and near misses of the
key words ("Apendix") are read as the word. Each kind names the template keys it
can go to, in order; the first the template has wins, so a template with a "lessons"
section gets the lessons there and the default one gets them in "What didn't go well".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

PARTICIPANTS = "participants"
"""Not a section: the names listed under it become the post-mortem's participants."""
OTHER = "other"

_KINDS: list[tuple[tuple[str, ...], str]] = [
    ((PARTICIPANTS,), r"^(attendees|participants|attendance|people( involved)?|present|authors?)$"),
    (("if-we-have-time",), r"if we have time|nice to haves?|aspirational|wish ?list|someday"),
    (("timeline",), r"timeline|chronology|sequence of events|time line|event log"),
    (("went-well", "went-right"), r"went (well|right)|what worked|worked well|positives?\b"),
    (
        ("went-wrong",),
        r"went (wrong|poorly|badly|less well)|did ?n[o']?t go (well|so well)|could (have )?"
        r"(gone|go|be|been) (better|improved)|what failed|challenges|problems encountered"
        r"|needs? improvement|to improve|\bbroken\b",
    ),
    (("lucky", "got-lucky", "where-we-got-lucky", "went-wrong"), r"\blucky\b|\bluck\b"),
    (
        ("lessons-learned", "lessons", "learnings", "went-wrong"),
        r"lessons?|learnings?|learn(ed|t)\b|takeaways?|reflections?",
    ),
    (
        ("root-cause", "contributing-factors"),
        r"root ?causes?|\bcauses?\b|contributing|factors|\bwhy\b|5 whys|five whys|\brca\b|causal",
    ),
    (
        ("action-items",),
        r"actions?\b|action items?|remediations?|follow ?ups?|corrective|preventi\w+|next steps"
        r"|to ?dos?\b|improvements?|improving|action plan|\btasks?\b|prevent\w*",
    ),
    (("trigger",), r"trigger"),
    (("detection", "resolution"), r"detection|detected|discovery|how we found"),
    (
        ("resolution",),
        r"resolution|resolv\w+|recovery|recovering|mitigation|mitigat\w+|\bfix(es)?\b|workaround",
    ),
    (
        ("impact",),
        r"impact|summary|overview|customers?|what happened|description|\btl ?;? ?dr\b|abstract"
        r"|background",
    ),
    (
        ("data-analysis",),
        r"\bdata\b|analysis|graphs?|charts?|metrics|appendix|supporting|\blogs?\b|evidence"
        r"|references?|links",
    ),
]
_PATTERNS = [(keys, re.compile(pattern)) for keys, pattern in _KINDS]
_KEYWORDS = (
    "timeline", "appendix", "attendees", "participants", "summary", "impact", "resolution",
    "detection", "lessons", "remediation", "contributing", "analysis", "learned",
)  # fmt: skip
_NUMBERING = re.compile(r"^[\W\d_]*?(?:\d+[.)]|[ivx]+\.)?\s*(?=\w)", re.IGNORECASE)


def normalized(heading: str) -> str:
    """Lower case words: no numbering, emoji, markup, "(UTC)" or trailing colon."""
    text = heading.strip().lower()[:200]
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]\([^)]*\)", " ", text)
    text = _NUMBERING.sub("", text)
    text = re.sub(r"[*_`#:]+", " ", text).replace("&", " and ")
    words = [_near(w) for w in text.split()]
    return " ".join(words)


def _near(word: str) -> str:
    """A misspelled key word read as the word ("apendix", "atendees")."""
    if len(word) < 5 or word in _KEYWORDS:
        return word
    for keyword in _KEYWORDS:
        if (
            abs(len(keyword) - len(word)) <= 2
            and SequenceMatcher(None, word, keyword).ratio() >= 0.8
        ):
            return keyword
    return word


def section_for(heading: str, keys: set[str]) -> str | None:
    """The template key (or PARTICIPANTS) a heading means; None when it means none."""
    text = normalized(heading)
    if not text:
        return None
    for candidates, pattern in _PATTERNS:
        if pattern.search(text):
            if candidates == (PARTICIPANTS,):
                return PARTICIPANTS
            return next((k for k in candidates if k in keys), None)
    return None


def _short(text: str) -> bool:
    """Short enough to be a section's name: five words at most, not a question."""
    return len(text.split()) <= 5 and not text.rstrip().endswith("?")


@dataclass
class Chunk:
    """The lines of the document that go to one place, under the heading that sent them."""

    key: str
    heading: str
    level: int
    start: int
    """The first line after the heading (the heading itself for the preamble: -1)."""
    end: int
    heading_line: int = -1
    lines: list[int] = field(default_factory=list)
    """The indexes of the block tokens that start in the chunk."""
    took: int = 0
    """How many participants its list gave (for a PARTICIPANTS chunk)."""


@dataclass(frozen=True)
class Heading:
    text: str
    level: int
    line: int
    end: int
    """The line after the heading (setext headings take two)."""


def cut(
    headings: list[Heading],
    line_count: int,
    body_start: int,
    keys: set[str],
    is_entry: Callable[[str], bool],
) -> list[Chunk]:
    """The document as chunks: the preamble (to "impact"), then one per heading that
    starts a new place. A heading that means a section always starts one; one that
    means nothing starts an "other" chunk unless it sits below the current chunk's
    heading, where it stays as part of that chunk's text. `is_entry(text)` says when
    a heading is a timeline entry (it starts with a time): never a section."""
    chunks = [Chunk("impact", "", 0, body_start, line_count)]
    top = 0  # the level of the heading that opened the current section (0: none yet)
    for heading in headings:
        current = chunks[-1]
        entry = is_entry(heading.text)
        key = None if entry else section_for(heading.text, keys)
        nested = bool(top) and heading.level > top
        if nested and key is not None and not _short(heading.text):
            key = None  # a question or a long title inside a section is part of it
        if key is None and (nested or entry):
            continue
        if not nested:
            top = heading.level
        current.end = heading.line
        chunks.append(
            Chunk(key or OTHER, heading.text, heading.level, heading.end, line_count, heading.line)
        )
    return chunks
