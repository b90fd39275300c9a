"""Schema 5 on both engines: an old database is upgraded with its data kept, and the
notes, confirmation, learning check and soak follow-up are stored as the room said."""

from __future__ import annotations

from datetime import date

import pytest

from debrief.notes import IdeaState, NoteError, NoteKind, working_days_after
from debrief.practice import LearningCount
from debrief.store import Store


def test_a_schema_3_sqlite_file_is_upgraded_and_keeps_its_data(db_path):
    from sqlite_utils import Database

    from debrief.store.schema import LATEST, MIGRATIONS

    db = Database(db_path)
    for step in range(3):
        db.conn.execute("BEGIN")
        MIGRATIONS[step](db)
        db.conn.execute(f"PRAGMA user_version = {step + 1}")
        db.conn.execute("COMMIT")
    db.table("postmortems").insert({"id": "PM-1", "title": "Old", "status": "draft", "rev": 1})
    db.close()
    store = Store(db_path, author="x")
    assert store.get_postmortem("PM-1").title == "Old"
    assert store.add_note("PM-1", "theme", "alerting").kind is NoteKind.theme
    assert LATEST == 5


def test_a_schema_3_postgres_database_is_upgraded_and_keeps_its_data(pg_server, monkeypatch):
    import psycopg

    from debrief.store import pg_schema

    url = pg_server.database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(pg_schema._TABLES)
        conn.execute(pg_schema._SEARCH)
        conn.execute("INSERT INTO debrief_schema VALUES (3)")
        conn.execute("INSERT INTO postmortems (id, title) VALUES ('PM-1', 'Old')")
    monkeypatch.setenv("DEBRIEF_PG_BACKED_UP", "1")
    store = Store(url, author="x")
    assert store.get_postmortem("PM-1").title == "Old"
    assert store.add_note("PM-1", "question", "why?").text == "why?"
    store.close()
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT version FROM debrief_schema").fetchone() == (5,)


def test_ideas_are_parked_then_handled_and_each_change_is_a_revision(store, template):
    pm = store.create_postmortem("Queue backlog", template)
    idea = store.add_note(pm.id, "idea", "Alert on queue age")
    other = store.add_note(pm.id, NoteKind.idea, "Bigger consumers")
    store.add_note(pm.id, "surprise", "Nobody saw the lag graph")
    assert [n.text for n in store.parked_ideas(pm.id)] == ["Alert on queue age", "Bigger consumers"]
    from debrief.models import ActionItem

    action = store.add_action(pm.id, ActionItem(title="Alert on queue age", aspirational=True))
    store.handle_idea(pm.id, idea.id, IdeaState.item, action_id=action.id)
    with pytest.raises(NoteError, match="one word"):
        store.handle_idea(pm.id, other.id, "dropped", why="")
    assert store.parked_ideas(pm.id) == [store.get_note(pm.id, other.id)]
    assert store.get_note(pm.id, idea.id).outcome() == f"turned into item {action.id}"
    with pytest.raises(NoteError, match="not an idea"):
        surprise = store.notes(pm.id, NoteKind.surprise)[0]
        store.handle_idea(pm.id, surprise.id, "if-time")
    entities = [r.entity for r in store.history(pm.id)]
    assert entities.count("note") == 4


def test_confirmation_learning_and_soak(store, template):
    pm = store.create_postmortem("Queue backlog", template)
    assert store.timeline_confirmation(pm.id) is None
    store.confirm_timeline(pm.id)
    assert store.timeline_confirmation(pm.id).by == "tester"
    store.confirm_timeline(pm.id, confirmed=False)
    assert store.timeline_confirmation(pm.id) is None
    with pytest.raises(ValueError, match="more than the people present"):
        store.record_learning(pm.id, LearningCount(learned=4, would_return=1, present=3))
    assert store.learning(pm.id) is None
    store.record_learning(pm.id, LearningCount(learned=2, would_return=3, present=3))
    assert store.learning(pm.id) == LearningCount(learned=2, would_return=3, present=3)
    store.set_soak(pm.id, date(2026, 12, 2))
    assert [s.postmortem_id for s in store.soaks_due(date(2026, 12, 2))] == [pm.id]
    assert store.soaks_due(date(2026, 12, 1)) == []
    store.finish_soak(pm.id)
    assert store.soaks_due(date(2026, 12, 9)) == []


def test_the_soak_defaults_to_two_working_days_later():
    assert working_days_after(date(2026, 11, 30)) == date(2026, 12, 2)  # Monday → Wednesday
    assert working_days_after(date(2026, 12, 3)) == date(2026, 12, 7)  # Thursday → Monday
    assert working_days_after(date(2026, 12, 5)) == date(2026, 12, 8)  # Saturday → Tuesday


def test_known_then_is_kept_on_an_event(store, template):
    from datetime import UTC, datetime

    from debrief.models import TimelineEvent

    pm = store.create_postmortem("Queue backlog", template)
    event = store.add_event(
        pm.id,
        TimelineEvent(
            at=datetime(2026, 11, 20, 10, 5, tzinfo=UTC),
            text="Paged for checkout errors",
            known_then="Only the error-rate alert; the queue graph was not on the board",
        ),
    )
    assert store.get_event(pm.id, event.id).known_then.startswith("Only the error-rate")
    store.update_event(pm.id, event.id, {"known_then": "Nothing yet"})
    assert store.events(pm.id)[0].known_then == "Nothing yet"
