"""The exported document shows Surprises, Themes, Open questions and Parked ideas when
they hold anything, the room's confirmation, known then, the learning check and the soak
follow-up; practice_stats counts them across incidents. On both engines."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from debrief.models import TimelineEvent
from debrief.practice import LearningCount
from debrief.practice_stats import practice_stats
from debrief.store import Store


@pytest.fixture
def pm_id(cli) -> str:
    return cli("new", "Checkout down", "--started", "2026-11-20T10:00:00Z").stdout.strip()


def test_an_empty_practice_adds_no_sections(cli, pm_id):
    md = cli("export", pm_id, "--format", "md").stdout
    for heading in ("## Surprises", "## Themes", "## Open questions", "## Parked ideas"):
        assert heading not in md
    assert "Learning check" not in md and "confirmed by the room" not in md


def test_each_practice_record_is_in_the_markdown_and_html(cli, pm_id, db_location):
    cli("note", "add", pm_id, "surprise", "Failover took *9* minutes")
    cli("note", "add", pm_id, "theme", "Alert fatigue")
    cli("note", "add", pm_id, "question", "Who owns the queue?")
    cli("note", "add", pm_id, "idea", "Alert on queue age")
    cli("note", "learning", pm_id, "--learned", "4", "--would-return", "5", "--present", "6")
    cli("note", "soak", pm_id, "2026-12-02")
    store = Store(db_location, author="ana")
    store.add_event(
        pm_id,
        TimelineEvent(
            at=datetime(2026, 11, 20, 10, 5, tzinfo=UTC),
            text="Paged",
            known_then="Only the error-rate alert",
        ),
    )
    store.confirm_timeline(pm_id)
    store.close()
    md = cli("export", pm_id, "--format", "md").stdout
    assert "## Surprises\n\n- Failover took \\*9\\* minutes\n" in md
    assert "## Themes\n\n- Alert fatigue\n" in md
    assert "## Open questions\n\n- Who owns the queue?\n" in md
    assert "## Parked ideas\n\n- Alert on queue age — _parked_\n" in md
    assert "4 of 6 learned something that changes how they work; 5 of 6" in md
    assert "_Soak follow-up to turn parked ideas into items: due 2026-12-02._" in md
    assert "_Timeline confirmed by the room (ana, " in md
    assert "Paged — _known then:_ Only the error-rate alert" in md
    html = cli("export", pm_id, "--format", "html").stdout
    for heading in ("Surprises", "Themes", "Open questions", "Parked ideas", "Learning check"):
        assert f">{heading}</h2>" in html
    assert "Failover took <em>9</em>" not in html
    exported = json.loads(cli("export", pm_id, "--format", "json").stdout)
    assert "notes" not in json.dumps(exported)


def test_practice_stats_counts_themes_across_incidents_and_learning_over_time(store, template):
    one = store.create_postmortem("Queue backlog", template)
    two = store.create_postmortem("Cache stampede", template)
    store.add_note(one.id, "theme", "Alert fatigue")
    store.add_note(one.id, "theme", "alert  FATIGUE")  # the same theme, once per incident
    store.add_note(two.id, "theme", "Alert fatigue")
    store.add_note(two.id, "theme", "Capacity")
    store.add_note(two.id, "surprise", "Nobody saw the lag graph")
    idea = store.add_note(two.id, "idea", "Bigger pool")
    store.handle_idea(two.id, idea.id, "dropped", why="cost")
    store.record_learning(one.id, LearningCount(learned=3, would_return=4, present=5))
    store.record_learning(two.id, LearningCount(learned=6, would_return=6, present=7))
    stats = practice_stats(store)
    assert stats["themes"] == {"Alert fatigue": 2, "Capacity": 1}
    assert [(r["postmortem_id"], r["learned"], r["present"]) for r in stats["learning"]] == [
        (one.id, 3, 5),
        (two.id, 6, 7),
    ]
    assert stats["surprises"] == 1
    assert stats["ideas"] == {"parked": 0, "item": 0, "if-time": 0, "dropped": 1}
    json.dumps(stats)


def test_an_idea_turned_into_an_item_names_the_item(store, template):
    from debrief.meeting_summary import document_markdown
    from debrief.models import ActionItem

    pm = store.create_postmortem("Queue backlog", template)
    idea = store.add_note(pm.id, "idea", "Alert on queue age")
    item = store.add_action(
        pm.id, ActionItem(title="Alert on queue age > 5 min", aspirational=True)
    )
    store.handle_idea(pm.id, idea.id, "item", action_id=item.id)
    md = document_markdown(store.document(pm.id), store.meetings(pm.id))
    assert "- Alert on queue age — _turned into the item “Alert on queue age \\> 5 min”_" in md
