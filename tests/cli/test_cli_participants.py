"""debrief participant add | remove | list | invite: the contract, with every bad input it names."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def pm_id(cli) -> str:
    return cli("new", "Checkout down", "--started", "2026-11-20T10:00:00Z").stdout.strip()


def listed(cli, pm_id):
    result = cli("participant", "list", pm_id, "--json")
    assert result.exit_code == 0
    return json.loads(result.stdout)


def test_add_list_remove_with_unicode_names(cli, pm_id):
    added = cli("participant", "add", pm_id, "Søren Kierkegaard", "--role", "note-taker")
    assert (
        added.exit_code == 0 and added.stdout == f"{pm_id}: added Søren Kierkegaard (note-taker)\n"
    )
    assert cli("participant", "add", pm_id, "李雷").exit_code == 0
    assert cli("participant", "add", pm_id, "O'Brien", "-r", "facilitator").exit_code == 0
    assert listed(cli, pm_id) == [
        {"name": "Søren Kierkegaard", "role": "note-taker", "email": ""},
        {"name": "李雷", "role": "", "email": ""},
        {"name": "O'Brien", "role": "facilitator", "email": ""},
    ]
    table = cli("participant", "list", pm_id).stdout
    assert "Søren Kierkegaard" in table and "李雷" in table and "facilitator" in table
    removed = cli("participant", "remove", pm_id, "李雷")
    assert removed.exit_code == 0 and removed.stdout == f"{pm_id}: removed 李雷\n"
    assert [p["name"] for p in listed(cli, pm_id)] == ["Søren Kierkegaard", "O'Brien"]


def test_list_json_is_the_models_dump_and_travels_in_the_export(cli, pm_id):
    cli("participant", "add", pm_id, "Ana Souza", "--role", "lead investigator")
    exported = json.loads(cli("export", pm_id, "--format", "json").stdout)
    assert listed(cli, pm_id) == exported["postmortem"]["participants"]


def test_list_of_nobody_says_how_to_add(cli, pm_id):
    result = cli("participant", "list", pm_id)
    assert result.exit_code == 0 and "participant add" in result.stdout
    assert listed(cli, pm_id) == []


def test_adding_again_with_a_role_changes_the_role(cli, pm_id):
    cli("participant", "add", pm_id, "Ana Souza", "--role", "note-taker")
    result = cli("participant", "add", pm_id, "ana souza", "--role", "facilitator")
    assert result.exit_code == 0
    assert result.stdout == f"{pm_id}: Ana Souza is now facilitator (was note-taker)\n"
    assert listed(cli, pm_id) == [{"name": "Ana Souza", "role": "facilitator", "email": ""}]


def test_every_change_is_in_the_history_with_its_author(cli, pm_id):
    cli("participant", "add", pm_id, "李雷", env={"DEBRIEF_USER": "priya"})
    cli("participant", "remove", pm_id, "李雷", env={"DEBRIEF_USER": "marcus"})
    history = json.loads(cli("history", pm_id, "--json").stdout)
    people = [
        (r["author"], r["entity_id"], r["old"], r["new"])
        for r in history
        if r["entity"] == "participant"
    ]
    assert people == [
        ("priya", "李雷", None, {"name": "李雷", "role": "", "email": ""}),
        ("marcus", "李雷", {"name": "李雷", "role": "", "email": ""}, None),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["participant", "add", "PM-9", "Ana"], "no post-mortem with id 'PM-9'"),
        (["participant", "add", "{pm}", ""], "a participant needs a name"),
        (["participant", "add", "{pm}", "   "], "a participant needs a name"),
        (["participant", "add", "{pm}", "Ana"], "Ana already takes part in {pm} as SRE; --role"),
        (["participant", "add", "{pm}", "ana", "--role", "SRE"], "Ana already takes part"),
        (["participant", "remove", "{pm}", "Nobody"], "Nobody does not take part in {pm}"),
        (["participant", "remove", "PM-9", "Ana"], "no post-mortem with id 'PM-9'"),
        (["participant", "list", "PM-9"], "no post-mortem with id 'PM-9'"),
        (["participant", "invite", "PM-9"], "no post-mortem with id 'PM-9'"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_1(cli, pm_id, args, message):
    cli("participant", "add", pm_id, "Ana", "--role", "SRE")
    result = cli(*[a.replace("{pm}", pm_id) for a in args])
    assert result.exit_code == 1
    assert message.replace("{pm}", pm_id) in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_usage_errors_exit_2(cli, pm_id):
    assert cli("participant", "add", pm_id).exit_code == 2
    assert cli("participant", "remove", pm_id).exit_code == 2
    assert cli("participant", "list").exit_code == 2
    assert cli("participant", "add", pm_id, "Ana", "--nope").exit_code == 2
    assert cli("participant", "frobnicate", pm_id).exit_code == 2


def test_help_has_an_example(cli):
    for command in ("add", "remove", "list", "invite"):
        result = cli("participant", command, "--help")
        assert result.exit_code == 0 and "Example: debrief participant" in result.stdout


def test_names_with_control_characters_are_printed_literally(cli, pm_id):
    result = cli("participant", "add", pm_id, "Eve\x1b[31mRed")
    assert "\x1b" not in result.stdout and "Eve␛[31mRed" in result.stdout


def test_invite_adds_everyone_the_timeline_names_in_one_step(cli, pm_id):
    for when, author, source in [
        ("2026-11-20T10:01:00Z", "Ana Souza", "slack"),
        ("2026-11-20T10:02:00Z", "grafana", "graph"),
        ("2026-11-20T10:03:00Z", "Søren Kierkegaard", "manual"),
        ("2026-11-20T10:04:00Z", "deploy-bot", "log"),
        ("2026-11-20T10:05:00Z", "Ana Souza", "support"),
    ]:
        added = cli("event", "add", pm_id, when, "x", "--author", author, "--source", source)
        assert added.exit_code == 0
    dry = cli("participant", "invite", pm_id, "--dry-run")
    assert dry.stdout == f"{pm_id}: would add 2 participants: Ana Souza, Søren Kierkegaard\n"
    assert listed(cli, pm_id) == []
    result = cli("participant", "invite", pm_id)
    assert result.exit_code == 0
    assert result.stdout == f"{pm_id}: added 2 participants: Ana Souza, Søren Kierkegaard\n"
    assert [p["name"] for p in listed(cli, pm_id)] == ["Ana Souza", "Søren Kierkegaard"]
    again = cli("participant", "invite", pm_id)
    assert again.stdout == f"{pm_id}: no one else is named as an author in the timeline\n"
    assert again.exit_code == 0


def test_invite_of_one_person_says_participant(cli, pm_id):
    cli("event", "add", pm_id, "2026-11-20T10:01:00Z", "x", "--author", "李雷")
    assert cli("participant", "invite", pm_id).stdout == f"{pm_id}: added 1 participant: 李雷\n"


def test_history_shows_a_participants_name_literally(cli, pm_id):
    cli("participant", "add", pm_id, "Eve\x1b]0;owned\x07")
    out = cli("history", pm_id).stdout
    assert "\x1b" not in out and "\x07" not in out and "Eve␛]0;owned␇" in out
