"""Asked questions are remembered per section, in the presence table, across processes."""

from __future__ import annotations

from debrief.store import Store


def test_asked_questions_are_recorded_in_order_once(store, demo_id) -> None:  # type: ignore[no-untyped-def]
    assert store.asked_questions(demo_id, "trigger") == []
    store.mark_asked(demo_id, "trigger", "What changed shortly before?")
    asked = store.mark_asked(demo_id, "trigger", "Which signals existed?")
    assert asked == ["What changed shortly before?", "Which signals existed?"]
    assert store.mark_asked(demo_id, "trigger", "Which signals existed?") == asked
    store.mark_asked(demo_id, "impact", "Who noticed?")
    assert store.asked_by_section(demo_id) == {"trigger": asked, "impact": ["Who noticed?"]}


def test_another_connection_sees_them(store, demo_id, db_path) -> None:  # type: ignore[no-untyped-def]
    store.mark_asked(demo_id, "timeline", "What data did you have available at the time?")
    other = Store(db_path, author="someone else")
    try:
        assert other.asked_questions(demo_id, "timeline") == [
            "What data did you have available at the time?"
        ]
    finally:
        other.close()


def test_they_do_not_touch_the_document_or_its_history(store, demo_id) -> None:  # type: ignore[no-untyped-def]
    before = (store.document(demo_id), len(store.history(demo_id)))
    store.mark_asked(demo_id, "trigger", "What changed?")
    assert (store.document(demo_id), len(store.history(demo_id))) == before
