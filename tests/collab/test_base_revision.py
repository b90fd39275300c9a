"""The body a section had at an earlier revision, read back through the revision log."""

from __future__ import annotations

from debrief.store import Store


def test_every_revision_of_a_body_can_be_read_back(store, demo_id, db_location, clock):
    start = store.get_section(demo_id, "trigger")
    other = Store(db_location, author="ben", clock=clock)
    try:
        bodies = {start.rev: start.body}
        for i, who in enumerate([store, other, store, other]):
            saved = who.save_section(demo_id, "trigger", f"version {i}\nshared")
            bodies[saved.rev] = saved.body
        store.save_section(demo_id, "impact", "another section moves on too")
    finally:
        other.close()
    for rev, body in bodies.items():
        assert store.section_body_at(demo_id, "trigger", rev) == body


def test_a_revision_the_log_cannot_reach_is_unknown(store, demo_id):
    current = store.save_section(demo_id, "trigger", "now")
    assert store.section_body_at(demo_id, "trigger", current.rev + 1) is None
    assert store.section_body_at(demo_id, "trigger", -1) is None
    assert store.section_body_at(demo_id, "nope", 0) is None
