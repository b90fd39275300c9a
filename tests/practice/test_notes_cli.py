"""debrief note add | list | idea | learning | survey | answer | soak, check and remind:
the contract, on both engines, with the bad input each names."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def pm_id(cli) -> str:
    return cli("new", "Checkout down", "--started", "2026-11-20T10:00:00Z").stdout.strip()


def listed(cli, pm_id):
    result = cli("note", "list", pm_id, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_add_each_kind_and_list_them_in_order(cli, pm_id):
    for kind, text in [
        ("surprise", "Failover took 9 minutes, not 1"),
        ("theme", "alert   fatigue"),
        ("question", "Who owns the queue?"),
        ("idea", "Alert on queue age"),
    ]:
        added = cli("note", "add", pm_id, kind, text)
        assert added.exit_code == 0, added.stderr
        assert added.stdout.startswith(f"{pm_id}: added {kind} ")
    notes = listed(cli, pm_id)
    assert [(n["kind"], n["text"], n["state"]) for n in notes] == [
        ("surprise", "Failover took 9 minutes, not 1", ""),
        ("theme", "alert fatigue", ""),
        ("question", "Who owns the queue?", ""),
        ("idea", "Alert on queue age", "parked"),
    ]
    text = cli("note", "list", pm_id).stdout
    assert "Alert on queue age  [parked]" in text and "surprise" in text


def test_bad_input_is_one_sentence_and_stores_nothing(cli, pm_id):
    wrong_kind = cli("note", "add", pm_id, "rant", "text")
    assert wrong_kind.exit_code == 2 and "Traceback" not in wrong_kind.stderr
    empty = cli("note", "add", pm_id, "surprise", "   ")
    assert empty.exit_code == 1
    assert empty.stderr == "debrief: a note needs some text\n"
    long = cli("note", "add", pm_id, "theme", "x" * 501)
    assert long.exit_code == 1 and "at most 500" in long.stderr
    missing = cli("note", "add", "PM-404", "theme", "x")
    assert missing.exit_code == 1 and missing.stderr.count("\n") == 1
    assert listed(cli, pm_id) == []


def test_control_characters_are_shown_literally(cli, pm_id):
    cli("note", "add", pm_id, "surprise", "red \x1b[31m alert")
    shown = cli("note", "list", pm_id).stdout
    assert "\x1b" not in shown
    assert listed(cli, pm_id)[0]["text"] == "red \x1b[31m alert"


def test_an_idea_is_handled_once_parked(cli, pm_id):
    first = cli("note", "add", pm_id, "idea", "Alert on queue age")
    second = cli("note", "add", pm_id, "idea", "Rewrite the consumer")
    one, two = (r.stdout.split()[3].rstrip(":") for r in (first, second))
    needs_word = cli("note", "idea", pm_id, two, "dropped", "--why", "too big")
    assert needs_word.exit_code == 1 and "one word" in needs_word.stderr
    dropped = cli("note", "idea", pm_id, two, "dropped", "--why", "cost")
    assert dropped.exit_code == 0 and dropped.stdout == f"{pm_id}: idea {two} dropped: cost\n"
    kept = cli("note", "idea", pm_id, one, "if-time")
    assert kept.exit_code == 0
    assert [(n["state"], n["why"]) for n in listed(cli, pm_id)] == [
        ("if-time", ""),
        ("dropped", "cost"),
    ]
    no_item = cli("note", "idea", pm_id, one, "item", "--item", "nope")
    assert no_item.exit_code == 1 and "no action item" in no_item.stderr


def test_learning_survey_answers_and_soak(cli, pm_id):
    too_many = cli(
        "note", "learning", pm_id, "--learned", "9", "--would-return", "1", "--present", "3"
    )
    assert too_many.exit_code == 1 and "more than the people present" in too_many.stderr
    counted = cli(
        "note", "learning", pm_id, "--learned", "2", "--would-return", "3", "--present", "3"
    )
    assert counted.exit_code == 0
    assert counted.stdout == f"{pm_id}: 2 of 3 learned something, 3 would come again\n"
    survey = cli("note", "survey", pm_id).stdout
    assert "Checkout down" in survey and survey.count("?") >= 3
    assert cli("note", "answer", pm_id, "yes; yes; shorter").exit_code == 0
    assert [n["kind"] for n in listed(cli, pm_id)] == ["survey"]
    assert cli("note", "add", pm_id, "idea", "Alert on queue age").exit_code == 0
    planned = cli("note", "soak", pm_id, "2026-01-05")
    assert planned.exit_code == 0 and planned.stdout == f"{pm_id}: soak follow-up on 2026-01-05\n"
    due = json.loads(cli("remind", "--json").stdout)["soak_follow_ups"]
    assert [(s["postmortem_id"], s["due"], s["parked"]) for s in due] == [(pm_id, "2026-01-05", 1)]
    assert "Soak follow-up due 2026-01-05" in cli("remind").stdout
    assert cli("note", "soak", pm_id, "--done").exit_code == 0
    assert json.loads(cli("remind", "--json").stdout)["soak_follow_ups"] == []


def test_check_lists_timelines_the_room_has_not_confirmed(cli, pm_id, db_location):
    from debrief.store import Store

    assert "Every timeline is confirmed" in cli("check").stdout
    cli("event", "add", pm_id, "2026-11-20T10:05:00Z", "Alert fired")
    listing = json.loads(cli("check", "--json").stdout)
    assert listing == {"unconfirmed_timelines": [{"id": pm_id, "title": "Checkout down"}]}
    assert "not confirmed" in cli("check", pm_id).stdout
    store = Store(db_location, author="ana")
    store.confirm_timeline(pm_id)
    store.close()
    assert cli("check", "--json").stdout.count(pm_id) == 0
    confirmed = json.loads(cli("check", pm_id, "--json").stdout)["timeline_confirmed"]
    assert confirmed["by"] == "ana"
    assert "Timeline confirmed by the room (ana," in cli("check", pm_id).stdout


def test_the_invite_list_offers_mentions_and_roles_and_ask_reaches_them(cli, pm_id):
    cli("edit", pm_id, "--title", "Checkout down")
    cli("event", "add", pm_id, "2026-11-20T10:05:00Z", "Paged @ben.o, mailed ops@example.com")
    cli("participant", "add", pm_id, "Ana Souza", "--role", "facilitator")
    dry = cli("participant", "invite", pm_id, "--dry-run")
    assert dry.exit_code == 0 and "ben.o" in dry.stdout and "example" not in dry.stdout
    assert cli("participant", "invite", pm_id).exit_code == 0
    names = [p["name"] for p in json.loads(cli("participant", "list", pm_id, "--json").stdout)]
    assert "ben.o" in names
    asked = cli("ask", pm_id, "impact", "ben.o")
    assert asked.exit_code == 0 and "ben.o" in json.dumps(json.loads(cli("asked", "--json").stdout))
