"""The practice records of a post-mortem: timeline confirmation, learning check, soak.

The confirmation and the soak follow-up are columns of `postmortems`; the learning
check is three counts on the post-mortem's latest meeting row.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from debrief.dates import read_stored, read_stored_day
from debrief.practice import Confirmation, LearningCount, LearningRow, PracticeFacts, Soak
from debrief.store.base import iso
from debrief.store.postmortems import PostmortemsMixin

_SOAKS = """
SELECT p.id, p.title, p.soak_due, p.soak_done,
       (SELECT count(*) FROM notes n
        WHERE n.postmortem_id = p.id AND n.kind = 'idea' AND n.state IN ('', 'parked')) AS parked
FROM postmortems p
WHERE p.soak_due IS NOT NULL AND p.soak_due != '' {where}
ORDER BY p.soak_due, p.id
"""


def _soak(row: dict[str, Any]) -> Soak | None:
    due = read_stored_day(row["soak_due"])
    if due is None:
        return None
    return Soak(
        postmortem_id=row["id"],
        title=row["title"] or "",
        due=due,
        done=read_stored(row["soak_done"]),
        parked=int(row["parked"] or 0),
    )


class PracticeMixin(PostmortemsMixin):
    # -- the timeline, confirmed by the room --------------------------------------------

    def confirm_timeline(self, pm_id: str, confirmed: bool = True) -> Confirmation | None:
        """Mark the timeline confirmed by the room (by this store's author, now), or not."""
        at = self.now()
        by, when = (self.author, iso(at)) if confirmed else (None, None)
        with self.write() as db:
            before = self.timeline_confirmation(pm_id)
            db.table("postmortems").update(
                pm_id, {"timeline_confirmed_by": by, "timeline_confirmed_at": when}
            )
            self.record(
                pm_id,
                "postmortem",
                pm_id,
                "timeline_confirmed",
                before.model_dump(mode="json") if before else None,
                {"by": by, "at": when} if confirmed else None,
            )
        return Confirmation(by=self.author, at=at) if confirmed else None

    def timeline_confirmation(self, pm_id: str) -> Confirmation | None:
        self.get_postmortem(pm_id)
        with self.reading():
            row = self.db.query(
                "SELECT timeline_confirmed_by, timeline_confirmed_at FROM postmortems WHERE id = ?",
                [pm_id],
            )[0]
        if not row["timeline_confirmed_at"]:
            return None
        return Confirmation(
            by=row["timeline_confirmed_by"] or "",
            at=read_stored(row["timeline_confirmed_at"]),
        )

    def unconfirmed_timelines(self) -> list[tuple[str, str]]:
        """(id, title) of post-mortems with a timeline the room has not confirmed."""
        with self.reading():
            rows = self.db.query(
                "SELECT p.id, p.title FROM postmortems p "
                "WHERE coalesce(p.timeline_confirmed_at, '') = '' "
                "AND EXISTS (SELECT 1 FROM events e WHERE e.postmortem_id = p.id) "
                "ORDER BY p.id"
            )
        return [(r["id"], r["title"] or "") for r in rows]

    # -- the learning check ------------------------------------------------------------

    def record_learning(self, pm_id: str, count: LearningCount) -> LearningCount:
        """Store the show of hands on the post-mortem's latest meeting (one is made if
        there is none)."""
        problem = count.problem()
        if problem:
            raise ValueError(problem)
        values = count.model_dump()
        with self.write() as db:
            self.get_postmortem(pm_id)
            rows = db.query(
                "SELECT id FROM meetings WHERE postmortem_id = ? ORDER BY id DESC LIMIT 1",
                [pm_id],
            )
            if rows:
                db.table("meetings").update(rows[0]["id"], values)
            else:
                now = iso(self.now())
                db.table("meetings").insert(
                    {"postmortem_id": pm_id, "record": "{}", "updated_at": now, **values}
                )
            self.record(pm_id, "meeting", pm_id, "learning", None, values)
        return count

    def learning(self, pm_id: str) -> LearningCount | None:
        """The latest meeting's learning check, if it was taken."""
        rows = [r for r in self.learning_over_time() if r.postmortem_id == pm_id]
        return rows[-1].count if rows else None

    def learning_over_time(self) -> list[LearningRow]:
        """Every meeting's learning check, oldest first."""
        with self.reading():
            rows = self.db.query(
                "SELECT postmortem_id, coalesce(ended_at, started_at, updated_at) AS at, "
                "learned, would_return, present FROM meetings "
                "WHERE present IS NOT NULL ORDER BY at, id"
            )
        return [
            LearningRow(
                postmortem_id=r["postmortem_id"],
                at=read_stored(r["at"]),
                count=LearningCount(
                    learned=r["learned"] or 0,
                    would_return=r["would_return"] or 0,
                    present=r["present"] or 0,
                ),
            )
            for r in rows
        ]

    # -- the soak follow-up ------------------------------------------------------------

    def set_soak(self, pm_id: str, due: date | None) -> None:
        """Plan the soak follow-up for `due` (None cancels it)."""
        with self.write() as db:
            self.get_postmortem(pm_id)
            db.table("postmortems").update(
                pm_id, {"soak_due": due.isoformat() if due else None, "soak_done": None}
            )
            self.record(pm_id, "postmortem", pm_id, "soak_due", None, due)

    def finish_soak(self, pm_id: str) -> None:
        """The soak follow-up was held."""
        with self.write() as db:
            self.get_postmortem(pm_id)
            db.table("postmortems").update(pm_id, {"soak_done": iso(self.now())})
            self.record(pm_id, "postmortem", pm_id, "soak_done", None, True)

    def soak(self, pm_id: str) -> Soak | None:
        with self.reading():
            rows = self.db.query(_SOAKS.format(where="AND p.id = ?"), [pm_id])
        return _soak(rows[0]) if rows else None

    def soaks_due(self, today: date) -> list[Soak]:
        """Soak follow-ups due today or earlier and not yet held, earliest first."""
        with self.reading():
            rows = self.db.query(
                _SOAKS.format(where="AND coalesce(p.soak_done, '') = '' AND p.soak_due <= ?"),
                [today.isoformat()],
            )
        return [s for s in (_soak(r) for r in rows) if s is not None]

    def practice_facts(self, pm_id: str) -> PracticeFacts:
        return PracticeFacts(
            confirmation=self.timeline_confirmation(pm_id),
            learning=self.learning(pm_id),
            soak=self.soak(pm_id),
        )
