"""Notes: surprises, themes, open questions, parked ideas and survey answers.

Every change is one revision of entity `note`.
"""

from __future__ import annotations

from typing import Any

from debrief.notes import (
    CAPTURED,
    IdeaState,
    Note,
    NoteError,
    NoteKind,
    kind_of,
    note_text,
    one_word,
)
from debrief.store.base import iso, new_id
from debrief.store.errors import NotFound
from debrief.store.postmortems import PostmortemsMixin


def _note(row: dict[str, Any]) -> Note:
    return Note.model_validate({k: v for k, v in row.items() if v is not None})


class NotesMixin(PostmortemsMixin):
    def add_note(
        self, pm_id: str, kind: NoteKind | str, text: str, *, survey: bool = False
    ) -> Note:
        """Add one note (an idea starts parked); refuses empty or over-long text."""
        kind = kind_of(str(kind), tuple(NoteKind) if survey else CAPTURED)
        note = Note(
            id=new_id(),
            postmortem_id=pm_id,
            kind=kind,
            text=note_text(text),
            state=IdeaState.parked if kind is NoteKind.idea else "",
            author=self.author,
            created_at=self.now(),
        )
        with self.write() as db:
            self.get_postmortem(pm_id)
            db.table("notes").insert(
                {
                    "id": note.id,
                    "postmortem_id": pm_id,
                    "kind": note.kind.value,
                    "text": note.text,
                    "state": note.state,
                    "author": note.author,
                    "created_at": iso(note.created_at),
                    "updated_at": iso(note.created_at),
                }
            )
            self.record(pm_id, "note", note.id, "", None, note.model_dump(mode="json"))
        return note

    def notes(self, pm_id: str, kind: NoteKind | None = None) -> list[Note]:
        """A post-mortem's notes (of one kind), in the order they were taken."""
        where, params = "postmortem_id = ?", [pm_id]
        if kind is not None:
            where += " AND kind = ?"
            params.append(kind.value)
        with self.reading():
            rows = self.db.table("notes").rows_where(where, params, order_by="created_at, rowid")
        return [_note(r) for r in rows]

    def parked_ideas(self, pm_id: str) -> list[Note]:
        """Ideas not yet turned into an item, kept or dropped."""
        return [n for n in self.notes(pm_id, NoteKind.idea) if n.parked]

    def get_note(self, pm_id: str, note_id: str) -> Note:
        with self.reading():
            rows = self.db.table("notes").rows_where(
                "id = ? AND postmortem_id = ?", [note_id, pm_id]
            )
        if not rows:
            raise NotFound(f"post-mortem {pm_id} has no note with id {note_id!r}")
        return _note(rows[0])

    def handle_idea(
        self, pm_id: str, note_id: str, state: IdeaState | str, action_id: str = "", why: str = ""
    ) -> Note:
        """Turn a parked idea into an item (`action_id`), an "if we have time" item, or
        drop it with one word `why`; back to parked is allowed too."""
        try:
            state = IdeaState(state)
        except ValueError:
            raise NoteError(f"an idea is one of: {', '.join(s.value for s in IdeaState)}") from None
        why = one_word(why) if state is IdeaState.dropped else ""
        if state is IdeaState.item and not action_id:
            raise NoteError("an idea turned into an item names the item")
        action_id = action_id if state is IdeaState.item else ""
        with self.write() as db:
            current = self.get_note(pm_id, note_id)
            if current.kind is not NoteKind.idea:
                raise NoteError(f"note {note_id} is a {current.kind.value}, not an idea")
            changes = {"state": state.value, "action_id": action_id, "why": why}
            db.table("notes").update(note_id, {**changes, "updated_at": iso(self.now())})
            old = {k: getattr(current, k) for k in changes}
            self.record(pm_id, "note", note_id, "state", old, changes)
        return current.model_copy(update=changes)

    def delete_note(self, pm_id: str, note_id: str) -> Note:
        with self.write() as db:
            current = self.get_note(pm_id, note_id)
            db.table("notes").delete(note_id)
            self.record(pm_id, "note", note_id, "", current.model_dump(mode="json"), None)
        return current

    def note_counts(self) -> list[dict[str, Any]]:
        """Every note's post-mortem, kind and text (for counting across incidents)."""
        with self.reading():
            return self.db.query(
                "SELECT postmortem_id, kind, text, state FROM notes ORDER BY created_at, rowid"
            )
