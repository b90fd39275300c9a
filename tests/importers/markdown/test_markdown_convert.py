"""A Markdown post-mortem read into a document: sections by meaning, events with their
days and zones, items with owners and due dates, and nothing of the text lost."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from debrief.importers.markdown import MarkdownImportError, Setting, convert, read_text
from debrief.kinds import ActionStatus, Milestone, Status
from debrief.models import Document
from debrief.template import load_template

HERE = Path(__file__).parent
TODAY = date(2026, 11, 30)


def setting(**changes: object) -> Setting:
    return Setting(load_template(), TODAY, **changes)  # type: ignore[arg-type]


def read(name: str) -> tuple[Document, object]:
    path = HERE / name
    return convert(read_text(path), name, setting())


def body(doc: Document, key: str) -> str:
    section = doc.section(key)
    assert section is not None, key
    return section.body


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_sre_style_headings_go_to_the_sections_they_mean():
    doc, report = read("sre_style.md")
    assert doc.postmortem.title == "November 3rd, 2025 Search Indexer Outage"
    assert "seven hours" in body(doc, "impact") and "212 support tickets" in body(doc, "impact")
    assert "### Summary" in body(doc, "impact") and "### Impact" in body(doc, "impact")
    assert body(doc, "root-cause").startswith("- The new config used a key")
    assert "customer reported" in body(doc, "resolution")
    assert "replay tool worked" in body(doc, "went-well")
    assert "### Where we got lucky" in body(doc, "went-wrong")
    assert "Forum thread" in body(doc, "data-analysis")
    assert doc.section("other") is None
    assert [p.section for p in report.placed if p.heading == "Apendix"] == ["Data & analysis"]


def test_a_stamped_list_becomes_events_across_midnight_in_the_stated_zone():
    doc, report = read("sre_style.md")
    times = sorted(e.at for e in doc.events)
    # [11-03 22:40] PDT is 05:40 UTC on the 4th; "[11-03 02:10]" after 23:05 means the 4th
    assert times == [
        utc(2024, 12, 20, 18, 0),  # December, above the November entries: the year before
        utc(2025, 11, 4, 5, 40),
        utc(2025, 11, 4, 6, 5),
        utc(2025, 11, 4, 9, 10),
        utc(2025, 11, 4, 12, 55),
        utc(2025, 11, 4, 13, 20),
    ]
    assert report.zone == "PDT" and report.zone_from == "stated in the document"
    assert "[???] Someone notices" in body(doc, "timeline")  # no time: kept as text
    marks = {e.milestone: e.text for e in doc.events if e.milestone}
    assert "outage starts" in marks[Milestone.started]
    assert "outage ends" in marks[Milestone.resolved]
    assert doc.postmortem.started_at == utc(2025, 11, 4, 6, 5)  # where it says it started


def test_checklist_items_keep_their_owner_due_date_and_state():
    doc, report = read("sre_style.md")
    first, second, third, fourth = doc.actions
    assert (first.owner, first.due, first.status) == (
        "marta",
        date(2025, 11, 20),
        ActionStatus.open,
    )
    assert second.status is ActionStatus.done and second.owner == "" and second.due is None
    assert "https://example.com/issues/481" in second.title
    assert third.owner == "Kofi" and third.due is None
    assert fourth.owner == ""  # "owners about" is not an owner
    assert report.items_incomplete == 3
    assert body(doc, "action-items") == ""


def test_reference_links_still_lead_somewhere_in_the_section_that_uses_them():
    doc, _ = read("sre_style.md")
    assert "[tickets]: https://example.com/support?q=stale" in body(doc, "impact")


def test_front_matter_tables_and_attendees():
    doc, report = read("table_style.md")
    pm = doc.postmortem
    assert (pm.title, pm.severity, pm.status) == (
        "Payment webhooks delayed",
        "SEV2",
        Status.debriefed,
    )
    assert pm.tags == ["payments", "webhooks"]
    people = {(p.name, p.role) for p in pm.participants}
    assert people == {
        ("Ana Souza", "author"),
        ("Lee Chen", "author"),
        ("Priya N", "attendee"),
    }
    assert "reviewed_by: Platform guild" in body(doc, "other")
    assert "### Stats" in body(doc, "other")
    texts = {e.text: e for e in doc.events}
    assert texts["Delivery latency alert fires"].at == utc(2025, 6, 14, 9, 14)
    assert texts["Delivery latency alert fires"].author == "Pager"
    assert texts["Merchant status page updated (time not known)"].at == utc(2025, 6, 14)
    assert report.date_only == 1
    # a row whose time cannot be read stays in the table, under its header
    assert "| soon after" in body(doc, "timeline") and "| Time" in body(doc, "timeline")
    cap, load, faq = doc.actions
    assert (cap.owner, cap.due, cap.status) == ("Lee", date(2025, 7, 1), ActionStatus.done)
    assert load.status is ActionStatus.in_progress
    assert faq.missing() == ["owner", "due date"]


def test_narrative_entries_and_their_zone_on_each_entry():
    doc, report = read("narrative.md")
    assert doc.postmortem.title == "narrative"
    assert sorted(e.at for e in doc.events) == [
        utc(2024, 3, 2, 13, 5),
        utc(2024, 3, 2, 14, 40),
        utc(2024, 3, 2, 16, 10),
    ]
    assert report.zone_from == "stated on each entry"
    timeline = body(doc, "timeline")
    assert "Earlier that day" in timeline and "Error rates stayed high" in timeline
    other = body(doc, "other")
    assert "### Architecture" in other and "### Publication of the outage" in other
    # questions under an unmatched heading stay with it, even when they sound like sections
    assert "Why did some thumbnails" in other and "Is anything still broken?" in other
    assert report.other == [
        "Architecture",
        "Publication of the outage",
        "Frequently asked questions",
    ]


def test_stamped_sub_headings_carry_their_story_and_roll_over_the_year():
    doc, _ = read("heading_entries.md")
    events = sorted(doc.events, key=lambda e: e.at)
    assert [e.at for e in events] == [
        utc(2024, 12, 31, 22, 40),
        utc(2024, 12, 31, 22, 58),
        utc(2024, 12, 31, 23, 20),  # 00:20 CET on the 1st of January
    ]
    assert events[0].text == "Problem starts\n\nBuilds stop leaving the queue."
    # the story under the heading as a reader sees it, its one link in the link field
    assert (
        events[1].text
        == "Team alerted\n\nA user reports it in the chat (https://chat.example/msg/1)."
    )
    assert events[1].link == "https://chat.example/msg/1"
    assert "### Broken alerting" in body(doc, "went-wrong")
    assert [a.title for a in doc.actions] == [
        "Add an alert on queue age",
        "Document the scheduler restart",
        "Make the scheduler restart itself",
    ]
    assert "### Tooling" in body(doc, "action-items")


def test_times_without_a_zone_use_the_given_one_and_say_so():
    text = "# Outage on 2025-02-03\n\n## Timeline\n\n- 10:00 Deploy\n- 10:30 Rollback\n"
    doc, report = convert(text, "x.md", setting())
    assert report.zone == "UTC" and "assumed" in report.zone_from
    from debrief.dates import zone

    doc, report = convert(
        text, "x.md", setting(zone=zone("Europe/Paris"), zone_name="Europe/Paris")
    )
    assert min(e.at for e in doc.events) == utc(2025, 2, 3, 9, 0)
    assert report.zone_from == "given with --tz"


def test_times_with_no_day_anywhere_are_kept_as_text():
    doc, report = convert("## Timeline\n\n- 10:00 Deploy\n- 10:30 Rollback\n", "x.md", setting())
    assert doc.events == []
    assert "- 10:00 Deploy" in body(doc, "timeline")
    assert report.kept_as_text == 2


def words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]{3,}", text)}


@pytest.mark.parametrize(
    "name",
    ["sre_style.md", "table_style.md", "narrative.md", "heading_entries.md", "bold_fields.md"],
)
def test_nothing_is_dropped(name):
    """Every word of the file is somewhere in the document (or, for a heading or a
    table's header, in the report of where things went)."""
    doc, report = read(name)
    pm = doc.postmortem
    kept = "\n".join(
        [pm.title, pm.severity, pm.status.value, *pm.tags]
        + [f"{p.name}" for p in pm.participants]
        + [s.title + "\n" + s.body for s in doc.sections]
        + [e.text + " " + e.author + " " + e.link for e in doc.events]
        + [a.title + " " + a.owner + " " + a.status.value.replace("-", " ") for a in doc.actions]
        + [a.due.strftime("%B") for a in doc.actions if a.due]
        + [p.heading for p in report.placed]
    )
    source = (HERE / name).read_text()
    source = re.sub(r"(?m)^\|.*\n(?=\|\s*:?-)", "", source)  # table headers
    source = re.sub(r"(?m)^(date|title|authors|tags|severity|status):.*$", "", source)
    missing = words(source) - words(kept)
    assert not missing


def test_the_same_text_gives_the_same_id_and_another_text_another():
    first, _ = read("sre_style.md")
    again, _ = read("sre_style.md")
    other, _ = read("narrative.md")
    assert first.postmortem.id == again.postmortem.id != other.postmortem.id
    assert first.postmortem.id.startswith("MD-")


def test_bad_front_matter_is_one_sentence():
    with pytest.raises(
        MarkdownImportError,
        match=r"bad_front_matter.md has front matter that is not valid YAML \(line",
    ):
        read("bad_front_matter.md")


def test_a_custom_template_with_its_own_lessons_section_gets_them(tmp_path):
    from debrief.template import load_template

    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "sre.toml").write_text(
        'name = "sre"\n'
        + "".join(
            f'[[sections]]\nkey = "{key}"\ntitle = "{title}"\nkind = "{kind}"\n'
            for key, title, kind in [
                ("impact", "Impact", "text"),
                ("timeline", "Timeline", "timeline"),
                ("lessons-learned", "Lessons learned", "text"),
                ("lucky", "Where we got lucky", "text"),
                ("action-items", "Actions", "actions"),
            ]
        )
    )
    custom = Setting(load_template("sre", folder), TODAY)
    doc, _ = convert((HERE / "sre_style.md").read_text(), "sre_style.md", custom)
    assert body(doc, "lucky") == "- The queue did not overflow."
    # no section for what went poorly: it stays under the heading it was written under
    assert "### What went poorly" in body(doc, "lessons-learned")
    assert "Nobody was paged" in body(doc, "lessons-learned")


def test_bold_field_lines_emoji_headings_and_an_owner_first_table():
    doc, report = read("bold_fields.md")
    pm = doc.postmortem
    assert (pm.title, pm.severity, pm.status) == ("📄 Checkout outage", "SEV-2", Status.debriefed)
    assert [(p.name, p.role) for p in pm.participants] == [
        ("Ana Souza", "author"),
        ("Lee Chen", "author"),
    ]
    # the field lines stay in the text too
    assert "**Severity:** SEV-2" in body(doc, "impact")
    # times without a day take the Date line's day; the header states the zone
    assert sorted(e.at for e in doc.events) == [utc(2025, 6, 20, 10, 1), utc(2025, 6, 20, 10, 25)]
    assert report.zone == "UTC" and report.zone_from == "stated in the document"
    test, alert = doc.actions
    # a due date without a year is the first such day after the incident, not after today
    assert (test.owner, test.due, test.title) == (
        "alex",
        date(2025, 6, 28),
        "Add a test for the expired-card path",
    )
    assert (alert.owner, alert.due) == ("jamie", date(2025, 6, 26))


def test_template_placeholders_in_field_lines_are_not_taken():
    text = (
        "# Incident\n\n**Severity:** SEV1 | SEV2 | SEV3\n**Date:** YYYY-MM-DD\n\n## Summary\n\nx\n"
    )
    doc, _ = convert(text, "t.md", setting())
    assert doc.postmortem.severity == "" and doc.postmortem.started_at is None
