"""The parts of a publish on their own: checklist, plan, document names, the store's records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from debrief.config import JiraConfig
from debrief.models import ActionItem, Document, Postmortem, Priority, Section, Status
from debrief.publish.documents import document_paths, out_dir, slug
from debrief.publish.plan import Change, item_label, plan_tickets, pm_label, ticket_fields
from debrief.publish.preflight import Level, check
from debrief.store.publishing import TicketLink
from tests.conftest import NOW


def doc_with(*items: ActionItem, body: str = "Written.") -> Document:
    return Document(
        postmortem=Postmortem(id="PM-7", title="Search | slow", started_at=NOW),
        sections=[
            Section(key="impact", title="Impact", body=body),
            Section(key="trigger", title="Trigger", body=""),
            Section(key="action-items", title="Action items"),
            Section(key="if-we-have-time", title="If we have time"),
        ],
        actions=list(items),
    )


OWNED = ActionItem(
    id="a1", title="Add an index on search terms", owner="alice", due=date(2026, 12, 1)
)


def test_an_item_without_owner_or_date_blocks_the_publish():
    result = check(doc_with(ActionItem(id="a2", title="Cache query plans for search", owner="bob")))

    assert not result.ready
    assert [f.line for f in result.blocking] == ["✗ “Cache query plans for search” needs due date"]
    assert "1 problem in the checklist above" in result.reason()


def test_warnings_block_only_when_strict():
    doc = doc_with(
        OWNED, ActionItem(id="a3", title="Improve monitoring", owner="bob", due=NOW.date())
    )

    relaxed, strict = check(doc), check(doc, strict=True)

    assert relaxed.ready and not strict.ready
    texts = [f.text for f in relaxed.warnings]
    assert "Section is empty: “Trigger”" in texts
    assert any("“Improve monitoring” may not be actionable" in t for t in texts)
    assert "(--strict treats warnings as blocking)" in strict.reason()


def test_the_action_items_section_counts_as_written_when_it_has_items():
    result = check(doc_with(OWNED))
    assert not any("Action items" in f.text for f in result.findings)
    lines = [f.line for f in result.findings if f.level is Level.ok]
    assert lines == ["✓ 1 action item has an owner and a due date"]


def test_blaming_wording_is_a_warning_from_the_coach(cli, store, pm_id, out_dir, monkeypatch):
    store.save_section(pm_id, "root-cause", "Bob should have checked the pool before deploying.")

    result = cli("publish", pm_id, "--no-jira", "--strict")

    assert result.exit_code == 1
    assert "! “Root cause” has blaming wording: “Bob should have checked” (counterfactual)" in (
        result.stdout
    )


def test_labels_are_jira_safe_and_unique_per_item():
    assert pm_label("PM-12") == "debrief-pm-12"
    assert item_label("sample-ai-1") == "debrief-item-sample-ai-1"
    assert item_label("Odd id/with spaces") == "debrief-item-odd-id-with-spaces"


def test_ticket_fields_map_priority_and_keep_user_text_literal():
    item = OWNED.model_copy(
        update={"title": "Fix {code} *now*\x1b[31m", "priority": Priority.highest}
    )
    jira = JiraConfig(labels=["SRE team"], priorities={"highest": "Blocker"})

    fields = ticket_fields(doc_with(item), item, jira)

    assert fields.summary == "Fix {code} *now*␛[31m"
    assert fields.priority == "Blocker"
    assert fields.labels == ("post-mortem", "debrief-pm-7", "debrief-item-a1", "sre-team")
    assert "*Search \\| slow* (PM-7), incident of 2026-11-22" in fields.description


def test_plan_creates_without_key_updates_when_edited_keeps_otherwise():
    jira = JiraConfig()
    kept = OWNED.model_copy(update={"id": "k", "jira_key": "OPS-1"})
    edited = OWNED.model_copy(update={"id": "e", "jira_key": "OPS-2", "due": date(2026, 12, 9)})
    new = OWNED.model_copy(update={"id": "n"})
    wish = ActionItem(id="w", title="Rewrite search", aspirational=True)
    doc = doc_with(kept, edited, new, wish)
    agreed = ticket_fields(doc, OWNED, jira).synced("alice")

    planned = plan_tickets(doc, jira, {"k": agreed, "e": agreed})

    assert [(p.item.id, p.change, p.changed) for p in planned] == [
        ("k", Change.keep, ()),
        ("e", Change.update, ("due",)),
        ("n", Change.create, ()),
    ]


def test_documents_are_named_after_id_and_title(tmp_path: Path):
    pm = Postmortem(id="PM-3", title="Café: checkout 5xx — again!")
    assert slug(pm.title) == "cafe-checkout-5xx-again"
    assert document_paths(tmp_path, pm) == (
        tmp_path / "PM-3-cafe-checkout-5xx-again.md",
        tmp_path / "PM-3-cafe-checkout-5xx-again.html",
    )
    assert out_dir(None, "") == Path("postmortems")
    assert out_dir(None, "~/pms") == Path.home() / "pms"
    assert out_dir(tmp_path, "~/pms") == tmp_path


def test_record_tickets_saves_keys_as_revisions_and_the_agreed_fields(store, pm_id):
    item = store.actions(pm_id)[0]

    store.record_tickets(pm_id, [TicketLink(item.id, "OPS-9", {"summary": "x", "due": None})])
    store.record_tickets(pm_id, [TicketLink(item.id, "OPS-9", {"summary": "y", "due": None})])

    saved = store.get_action(pm_id, item.id)
    assert saved.jira_key == "OPS-9"
    assert saved.rev == item.rev + 1
    (revision,) = store.history(pm_id, "action", item.id)[1:]
    assert (revision.field, revision.old, revision.new) == ("jira_key", "", "OPS-9")
    synced = store.jira_synced(pm_id)[item.id]
    assert synced["summary"] == "y" and synced["key"] == "OPS-9"
    assert synced["at"] == "2026-11-22T09:30:00.000000Z"


def test_record_publish_marks_the_post_mortem_published(store, pm_id):
    record = store.record_publish(pm_id, ["a.md", "a.html"], {"x": "OPS-1"})

    assert store.get_postmortem(pm_id).status is Status.published
    assert store.publishes(pm_id) == [record]
    assert record.at == NOW and record.author == "tester"
    assert store.history(pm_id)[-1].field == "status"


def test_the_published_document_has_metadata_timeline_metrics_items_and_the_wish_list(
    cli, demo_id, out_dir
):
    result = cli("publish", demo_id, "--no-jira")

    assert result.exit_code == 0, result.stderr
    (md,) = out_dir.glob("*.md")
    text = md.read_text()
    assert md.name == "PM-DEMO-checkout-card-payments-failing-after-gateway-pool-change.md"
    for expected in (
        "| **Status** | published |",
        "| **Severity** | SEV2 |",
        "**Time to detect:**",
        "**Time to resolve:**",
        "| Time | Event | Source | Milestone |",
        "**detected**",
        "| Action | Owner | Due | Priority | Kind | Status | Ticket |",
        "| Ana Souza | ",
        "- Write a runbook page on mitigating through the runtime config endpoint",
    ):
        assert expected in text, expected
    html = md.with_suffix(".html").read_text()
    assert "<table>" in html and "@media print" in html
