"""The store on fresh database files: every change saved, recorded, and never silently lost."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from debrief.models import ActionItem, Milestone, Status, TimelineEvent
from debrief.store import Conflict, NotFound, SchemaTooNew, Store
from tests.conftest import NOW


def test_new_postmortem_has_every_template_section_in_order(store, template):
    pm = store.create_postmortem("Checkout down", template, started_at=NOW)
    keys = [s.key for s in store.sections(pm.id)]
    assert keys == [
        "impact",
        "trigger",
        "resolution",
        "timeline",
        "root-cause",
        "went-well",
        "went-wrong",
        "action-items",
        "if-we-have-time",
        "data-analysis",
    ]
    assert pm.id == "PM-1"
    assert pm.debrief_due == date(2026, 11, 29)
    assert store.create_postmortem("Second", template).id == "PM-2"


def test_section_save_records_who_when_and_the_old_value(store, template):
    pm = store.create_postmortem("Login outage", template)
    store.save_section(pm.id, "trigger", "first", base_rev=0)
    saved = store.save_section(pm.id, "trigger", "second", base_rev=1)
    assert saved.rev == 2 and saved.updated_by == "tester" and saved.updated_at == NOW
    revisions = store.history(pm.id, entity="section", entity_id="trigger")
    assert [(r.old, r.new, r.author) for r in revisions] == [
        ("", "first", "tester"),
        ("first", "second", "tester"),
    ]


def test_a_stale_section_save_is_a_conflict_and_overwrites_nothing(store, template):
    pm = store.create_postmortem("Login outage", template)
    store.save_section(pm.id, "impact", "theirs", base_rev=0)
    with pytest.raises(Conflict) as caught:
        store.save_section(pm.id, "impact", "mine", base_rev=0)
    assert caught.value.current.body == "theirs"
    assert store.get_section(pm.id, "impact").body == "theirs"


def test_two_connections_to_one_file_see_each_others_saves(db_location, template, clock):
    ana = Store(db_location, author="ana", clock=clock)
    ben = Store(db_location, author="ben", clock=clock)
    pm = ana.create_postmortem("Shared", template)
    before = ben.data_version()
    ana.save_section(pm.id, "impact", "from ana", base_rev=0)
    assert ben.data_version() != before
    assert ben.get_section(pm.id, "impact").body == "from ana"
    with pytest.raises(Conflict):
        ben.save_section(pm.id, "impact", "from ben", base_rev=0)


def test_action_items_need_owner_and_due_unless_aspirational(store, template):
    pm = store.create_postmortem("x", template)
    with pytest.raises(ValueError, match="owner and due date"):
        store.add_action(pm.id, ActionItem(title="Add alert"))
    dream = store.add_action(pm.id, ActionItem(title="Rewrite it all", aspirational=True))
    owned = store.add_action(pm.id, ActionItem(title="Alert", owner="bob", due=date(2026, 12, 1)))
    assert [a.id for a in store.actions(pm.id)] == [dream.id, owned.id]


def test_action_fields_edited_by_two_people_both_win(store, template):
    pm = store.create_postmortem("x", template)
    item = store.add_action(pm.id, ActionItem(title="Alert", owner="bob", due=date(2026, 12, 1)))
    store.update_action(pm.id, item.id, {"owner": "carol"}, base=item)
    merged = store.update_action(pm.id, item.id, {"title": "Page on pool wait"}, base=item)
    assert (merged.title, merged.owner) == ("Page on pool wait", "carol")
    with pytest.raises(Conflict) as caught:
        store.update_action(pm.id, item.id, {"owner": "dan"}, base=item)
    assert caught.value.fields == ("owner",)


def test_events_are_sorted_and_imports_are_idempotent(store, template):
    pm = store.create_postmortem("x", template)
    late = TimelineEvent(at=NOW, text="resolved", milestone=Milestone.resolved, source_id="s:2")
    early = TimelineEvent(at=NOW.replace(hour=8), text="started", source_id="s:1")
    assert len(store.add_events(pm.id, [late, early])) == 2
    assert store.add_events(pm.id, [late, early]) == []
    assert [e.text for e in store.events(pm.id)] == ["started", "resolved"]


def test_deleted_items_stay_in_the_history(store, template):
    pm = store.create_postmortem("x", template)
    item = store.add_action(pm.id, ActionItem(title="Alert", owner="bob", due=date(2026, 12, 1)))
    store.delete_action(pm.id, item.id)
    last = store.history(pm.id)[-1]
    assert last.entity == "action" and last.old["title"] == "Alert" and last.new is None


def test_unknown_ids_say_what_exists(store, template):
    pm = store.create_postmortem("x", template)
    with pytest.raises(NotFound, match="no post-mortem with id 'PM-9'"):
        store.get_postmortem("PM-9")
    with pytest.raises(NotFound, match="its sections: impact, trigger"):
        store.get_section(pm.id, "nope")


def test_full_text_search_finds_titles_and_section_bodies(store, template):
    a = store.create_postmortem("Checkout down", template)
    b = store.create_postmortem("Login slow", template)
    store.save_section(b.id, "trigger", "A certificate rotation broke TLS", base_rev=0)
    assert [p.id for p in store.search("checkout")] == [a.id]
    assert [p.id for p in store.search("certif")] == [b.id]
    assert store.search("   ") == []


def test_search_fills_its_limit_with_titles_first_then_the_newest_sections(store, template):
    """Title matches first; then the other post-mortems with a matching section, newest
    first, each once however many of its sections match, until the limit (on both
    engines)."""
    titled = [store.create_postmortem(f"Certificate expiry {n}", template) for n in range(3)]
    for pm in titled[:2]:  # also matching in a section: listed once, as a title match
        store.save_section(pm.id, "trigger", "the certificate expired", base_rev=0)
    others = [store.create_postmortem(f"Outage {n}", template) for n in range(6)]
    for pm in others:
        store.save_section(pm.id, "trigger", "a certificate rotation", base_rev=0)
        store.save_section(pm.id, "impact", "certificates everywhere", base_rev=0)
    store.save_section(others[0].id, "resolution", "renewed the certificate", base_rev=0)

    found = [p.id for p in store.search("certif", limit=5)]
    newest_sections_first = [pm.id for pm in reversed(others)]
    assert found == [*(pm.id for pm in reversed(titled)), *newest_sections_first[:2]]
    assert [p.id for p in store.search("certif")] == [
        *(pm.id for pm in reversed(titled)),
        *newest_sections_first,
    ]


def test_status_changes_are_revisions(store, template):
    pm = store.create_postmortem("x", template)
    store.set_status(pm.id, Status.ready)
    last = store.history(pm.id)[-1]
    assert (last.field, last.old, last.new) == ("status", "draft", "ready")


def test_database_is_in_wal_mode_with_foreign_keys(store, db_path):
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_database_from_a_newer_schema_is_refused_untouched(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(SchemaTooNew, match="newer debrief"):
        Store(db_path, author="x")
    assert sqlite3.connect(db_path).execute("PRAGMA user_version").fetchone()[0] == 99
