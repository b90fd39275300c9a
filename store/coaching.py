"""The coach's memory: which probing questions were asked, per section.

Kept in the `presence` table under the key "asked:<section-key>" (a JSON list of
the questions' texts, in the order they were asked), so no migration is needed.
"""

from __future__ import annotations

import json

from debrief.store.base import Base, iso

_PREFIX = "asked:"


class CoachingMixin(Base):
    def asked_questions(self, pm_id: str, section_key: str) -> list[str]:
        """The questions already asked in a section, in the order they were asked."""
        with self.reading():
            rows = list(
                self.db.table("presence").rows_where(
                    "postmortem_id = ? AND key = ?", [pm_id, _PREFIX + section_key]
                )
            )
        return _questions(rows[0]["value"]) if rows else []

    def asked_by_section(self, pm_id: str) -> dict[str, list[str]]:
        """Every section's asked questions."""
        with self.reading():
            rows = self.db.table("presence").rows_where(
                "postmortem_id = ? AND key LIKE ?", [pm_id, _PREFIX + "%"]
            )
            return {r["key"].removeprefix(_PREFIX): _questions(r["value"]) for r in rows}

    def mark_asked(self, pm_id: str, section_key: str, question: str) -> list[str]:
        """Record that `question` was asked in the section; returns the section's asked list."""
        key = _PREFIX + section_key
        with self.write() as db:
            rows = list(
                db.table("presence").rows_where("postmortem_id = ? AND key = ?", [pm_id, key])
            )
            asked = _questions(rows[0]["value"]) if rows else []
            if question not in asked:
                asked.append(question)
                db.table("presence").upsert(
                    {
                        "postmortem_id": pm_id,
                        "key": key,
                        "value": json.dumps(asked, ensure_ascii=False),
                        "updated_at": iso(self.now()),
                    },
                    pk=("postmortem_id", "key"),
                )
        return asked


def _questions(value: str | None) -> list[str]:
    try:
        data = json.loads(value or "[]")
    except ValueError:
        return []
    return [q for q in data if isinstance(q, str)] if isinstance(data, list) else []
