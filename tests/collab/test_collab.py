"""Attribution, history, readiness and requested contributions, through the real CLI."""

from __future__ import annotations

import json
from datetime import date

import pytest

from debrief.models import ActionItem, Milestone, Status, TimelineEvent
from debrief.store import Store
from tests.conftest import NOW


def test_history_json_names_every_author_with_old_and_new(cli):
    pm_id = cli("new", "Shared").stdout.strip()
    cli("section", "set", pm_id, "impact", "from ana", env={"DEBRIEF_USER": "ana"})
    cli("section", "set", pm_id, "impact", "from ben", env={"DEBRIEF_USER": "ben"})
    revisions = json.loads(cli("history", pm_id, "--json").stdout)
    body = [(r["author"], r["old"], r["new"]) for r in revisions if r["entity"] == "section"]
    assert body == [("ana", "", "from ana"), ("ben", "from ana", "from ben")]
    human = cli("history", pm_id).stdout
    assert "ana" in human and "ben" in human and "from [-ana-]{+ben+}" in human


def test_history_of_an_unknown_post_mortem_is_one_sentence(cli):
    result = cli("history", "PM-404")
    assert result.exit_code == 1 and "no post-mortem" in result.stderr


def _complete(store: Store, pm_id: str) -> None:
    for section in store.sections(pm_id):
        if section.key not in ("timeline", "action-items", "if-we-have-time"):
            store.save_section(pm_id, section.key, f"{section.title} written")
    for minutes, milestone in (
        (0, Milestone.started),
        (9, Milestone.detected),
        (60, Milestone.resolved),
    ):
        store.add_event(
            pm_id,
            TimelineEvent(
                at=NOW.replace(minute=minutes % 60, hour=8 + minutes // 60),
                text=milestone.value,
                milestone=milestone,
                source="log",
                link="https://x.example",
            ),
        )
    store.add_action(pm_id, ActionItem(title="Alert", owner="bob", due=date(2026, 12, 1)))


def test_check_lists_what_is_missing_and_exits_1(cli, store, template):
    pm = store.create_postmortem("Thin", template)
    result = cli("check", pm.id, "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    failing = {c["name"] for c in report["checks"] if not c["ok"]}
    assert "Every section written" in failing
    assert "Timeline marks when it started, was detected and resolved" in failing
    assert "Action items have an owner and a due date" in failing
    assert store.get_postmortem(pm.id).status is Status.draft


def test_a_complete_document_passes_and_becomes_ready(cli, store, template):
    pm = store.create_postmortem("Complete", template)
    _complete(store, pm.id)
    result = cli("check", pm.id)
    assert result.exit_code == 0, result.stdout
    assert "Ready." in result.stdout
    assert store.get_postmortem(pm.id).status is Status.ready


def test_unsourced_entries_and_open_conflicts_block_readiness(store, template):
    pm = store.create_postmortem("Complete", template)
    _complete(store, pm.id)
    store.add_event(pm.id, TimelineEvent(at=NOW, text="someone said so"))
    store.keep_conflict(pm.id, "section", "impact", "body", "mine", "theirs", 1)
    result = store.check_readiness(pm.id, template)
    problems = {c.name: c.detail for c in result.problems}
    assert problems["Every timeline entry has a source"] == "1 entry without a source or link"
    assert problems["No unresolved edit conflicts"] == "open in: Impact and scope"


def test_a_kept_conflict_survives_a_new_connection_and_resolves_into_the_section(
    db_location, template
):
    ana = Store(db_location, author="ana")
    pm = ana.create_postmortem("x", template)
    ana.save_section(pm.id, "impact", "theirs")
    ana.keep_conflict(pm.id, "section", "impact", "body", "mine", "theirs", 1)
    ana.close()
    later = Store(db_location, author="ana")
    [kept] = later.open_conflicts(pm.id)
    assert (kept.mine, kept.theirs) == ("mine", "theirs")
    later.resolve_section_conflict(kept.id, "theirs\nmine", "merged")
    assert later.get_section(pm.id, "impact").body == "theirs\nmine"
    assert later.open_conflicts(pm.id) == []


def test_asking_for_contributions(cli, store, template):
    pm = store.create_postmortem("x", template)
    assert cli("ask", pm.id, "impact", "Support", "--note", "customer numbers").exit_code == 0
    cli("ask", pm.id, "timeline", "Ana")
    listed = json.loads(cli("asked", "--json").stdout)
    assert {(r["person"], r["key"]) for r in listed} == {("Support", "impact"), ("Ana", "timeline")}
    assert "customer numbers" in cli("asked", "support").stdout
    assert cli("ask", pm.id, "nope", "Ana").exit_code == 1


@pytest.mark.parametrize("port", ["0", "70000"])
def test_serve_refuses_a_bad_port(cli, port):
    result = cli("serve", "--port", port)  # wrong usage: exit 2, one sentence, no traceback
    assert result.exit_code == 2 and "--port" in result.stderr
    assert "Traceback" not in result.stderr
