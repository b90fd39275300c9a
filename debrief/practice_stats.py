"""The practice across incidents, for `stats --json`: themes counted across post-mortems,
the learning check over time, and how many surprises, open questions and ideas were noted.

`practice_stats(store)` returns plain JSON-ready data; nothing here imports Textual.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from debrief.store import Store


def practice_stats(store: Store) -> dict[str, Any]:
    """{"themes": {theme: post-mortems it came up in}, "learning": [per meeting, oldest
    first], "surprises": n, "open_questions": n, "ideas": {...}, "timelines_confirmed": n,
    "timelines_unconfirmed": n}. Themes are counted case-insensitively, once per
    post-mortem, and shown as first written."""
    rows = store.note_counts()
    shown: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    themes: Counter[str] = Counter()
    for row in rows:
        if row["kind"] != "theme":
            continue
        key = " ".join(str(row["text"]).lower().split())
        shown.setdefault(key, str(row["text"]))
        if (row["postmortem_id"], key) not in seen:
            seen.add((row["postmortem_id"], key))
            themes[key] += 1
    kinds = Counter(r["kind"] for r in rows)
    ideas = Counter(r["state"] or "parked" for r in rows if r["kind"] == "idea")
    learning = [
        {
            "postmortem_id": r.postmortem_id,
            "at": r.at.isoformat() if r.at else None,
            **r.count.model_dump(),
        }
        for r in store.learning_over_time()
    ]
    unconfirmed = len(store.unconfirmed_timelines())
    return {
        "themes": {shown[k]: n for k, n in sorted(themes.items(), key=lambda kv: (-kv[1], kv[0]))},
        "learning": learning,
        "surprises": kinds.get("surprise", 0),
        "open_questions": kinds.get("question", 0),
        "ideas": {
            "parked": ideas.get("parked", 0),
            "item": ideas.get("item", 0),
            "if-time": ideas.get("if-time", 0),
            "dropped": ideas.get("dropped", 0),
        },
        "survey_answers": kinds.get("survey", 0),
        "timelines_unconfirmed": unconfirmed,
        "soak_follow_ups_due": len(store.soaks_due(store.today())),
    }
