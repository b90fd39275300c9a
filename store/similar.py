"""Past post-mortems like the one being written: ranked by the words they share (through
the store's full-text search, so on either engine), their services and their factors'
categories, with their action items' status."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from debrief.models import Postmortem
from debrief.store.base import from_json

if TYPE_CHECKING:
    from debrief.store import Store

WORDS = 8
"""The longest, least common words of the text are searched, at most this many."""
PER_WORD = 25
"""Post-mortems read per word searched."""
COMMON = frozenset(
    [
        "about",
        "after",
        "again",
        "also",
        "been",
        "before",
        "being",
        "could",
        "does",
        "down",
        "during",
        "from",
        "have",
        "into",
        "just",
        "more",
        "most",
        "much",
        "must",
        "only",
        "other",
        "over",
        "same",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "very",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "would",
        "your",
        "because",
        "should",
        "incident",
        "incidents",
        "outage",
        "team",
        "time",
    ]
)


@dataclass
class Similar:
    postmortem: Postmortem
    score: float
    words: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    actions: Counter[str] = field(default_factory=Counter)
    """Its action items by status (open, in-progress, done, not-doing; overdue besides)."""


def key_words(text: str) -> list[str]:
    """The words worth searching: four letters or more, not the commonest, longest first."""
    seen: dict[str, None] = {}
    for word in re.findall(r"\w+", text.lower()):
        if len(word) >= 4 and not word.isdigit() and word not in COMMON:
            seen[word] = None
    return sorted(seen, key=len, reverse=True)[:WORDS]


def similar(
    store: Store,
    pm_id: str,
    text: str,
    services: Sequence[str] = (),
    categories: Sequence[str] = (),
    limit: int = 3,
) -> list[Similar]:
    """Up to `limit` other post-mortems, best first. Each shared word, service or factor
    category counts for more the fewer post-mortems have it (1 / log(2 + how many)); a
    service weighs half as much again as a word. Only ids are read until the best are
    known, so this stays fast while someone types."""
    scores: dict[str, float] = {}
    shared: dict[str, dict[str, list[str]]] = {}

    def credit(ids: Sequence[str], what: str, value: str, weight: float) -> None:
        others = [i for i in dict.fromkeys(ids) if i != pm_id]
        for other in others:
            scores[other] = scores.get(other, 0.0) + weight / math.log(2 + len(others))
            shared.setdefault(other, {}).setdefault(what, []).append(value)

    db = store.db
    with store.reading():
        for word in key_words(text):
            credit(_matches(store, word), "words", word, 1.0)
        for service in dict.fromkeys(services):
            rows = db.execute(
                "SELECT id, services FROM postmortems WHERE services LIKE ?",
                [f'%"{_like(service)}"%'],
            ).fetchall()
            ids = [i for i, listed in rows if service in (from_json(listed) or [])]
            credit(ids, "services", service, 1.5)
        for category in dict.fromkeys(categories):
            rows = db.execute(
                "SELECT DISTINCT postmortem_id FROM factors WHERE kind = 'factor' AND category = ?",
                [category],
            ).fetchall()
            credit([r[0] for r in rows], "categories", category, 1.0)
    best_ids = sorted(scores, key=lambda i: (-scores[i], i))[:limit]
    best = [
        Similar(
            pm,
            round(scores[pm.id], 3),
            shared[pm.id].get("words", []),
            shared[pm.id].get("services", []),
            shared[pm.id].get("categories", []),
        )
        for pm in store._postmortems(best_ids)
    ]
    _actions(store, best)
    return best


def _matches(store: Store, word: str) -> list[str]:
    """Ids of the post-mortems whose title or a section has `word` (a prefix), at most
    PER_WORD of them: the store's full-text search, ids only."""
    title_sql, section_sql, params = store.engine.search_queries([word])
    found: dict[str, None] = {}
    for sql in (title_sql, section_sql):
        cursor = store.db.execute(sql, params)
        for (pm_id,) in cursor:
            found[pm_id] = None
            if len(found) >= PER_WORD:
                break
        cursor.close()
        if len(found) >= PER_WORD:
            break
    return list(found)


def _like(value: str) -> str:
    return value.replace("%", "").replace("_", "").replace('"', "")


def _actions(store: Store, items: list[Similar]) -> None:
    if not items:
        return
    today = store.today().isoformat()
    ids = [i.postmortem.id for i in items]
    by_id = {i.postmortem.id: i for i in items}
    with store.reading():
        for pm_id, status, due, aspirational in store.db.execute(
            "SELECT postmortem_id, status, due, aspirational FROM actions "
            f"WHERE postmortem_id IN ({', '.join('?' for _ in ids)})",
            ids,
        ).fetchall():
            if aspirational:
                continue
            counts = by_id[pm_id].actions
            counts[status or "open"] += 1
            if status in (None, "open", "in-progress") and due and due < today:
                counts["overdue"] += 1
