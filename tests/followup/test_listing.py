"""`debrief actions`: every filter, the order, the overdue mark, literal user text."""

from __future__ import annotations

import json
from datetime import date

import pytest

from debrief.followup.listing import ActionFilter, ActionRow, owner_matches, select
from debrief.models import ActionItem, ActionStatus
from tests.conftest import TODAY
from tests.followup.conftest import FAR_AWAY, LAST_MONTH


def row(title: str, **fields) -> ActionRow:  # type: ignore[no-untyped-def]
    base = {"postmortem_id": "PM-1", "postmortem_title": "Checkout", "owner": "alice"}
    return ActionRow(title=title, **{"due": date(2026, 12, 1), **base, **fields})


ROWS = [
    row("late", due=LAST_MONTH),
    row("later", due=FAR_AWAY, owner="Bob Brown"),
    row("doing", status=ActionStatus.in_progress, owner="bob@example.com"),
    row("finished", status=ActionStatus.done, due=LAST_MONTH),
    row("dropped", status=ActionStatus.not_doing, status_reason="superseded"),
    row("dream", due=None, owner="", aspirational=True),
    row("elsewhere", postmortem_id="PM-2", postmortem_title="Search", due=date(2026, 11, 30)),
]


def titles(where: ActionFilter) -> list[str]:
    return [r.title for r in select(ROWS, where, TODAY)]


def test_outstanding_by_default_sorted_by_due_date():
    assert titles(ActionFilter()) == ["late", "elsewhere", "doing", "later"]


def test_all_adds_done_not_doing_and_aspirational_undated_last():
    assert titles(ActionFilter(include_all=True)) == [
        "late",
        "finished",
        "elsewhere",
        "doing",
        "dropped",
        "later",
        "dream",
    ]


def test_overdue_is_outstanding_and_past_due_only():
    assert titles(ActionFilter(overdue=True)) == ["late"]
    assert titles(ActionFilter(overdue=True, include_all=True)) == ["late"]
    (late,) = select(ROWS, ActionFilter(overdue=True), TODAY)
    assert late.overdue
    assert not any(r.overdue for r in select(ROWS, ActionFilter(include_all=True), TODAY)[1:])


def test_owner_and_post_mortem_and_status_filters():
    assert titles(ActionFilter(owner="bob")) == ["doing", "later"]
    assert titles(ActionFilter(owner="BOB BROWN")) == ["later"]
    assert titles(ActionFilter(postmortem_id="PM-2")) == ["elsewhere"]
    assert titles(ActionFilter(status=ActionStatus.not_doing)) == ["dropped"]
    assert titles(ActionFilter(owner="alice", overdue=True)) == ["late"]


@pytest.mark.parametrize(
    ("owner", "name", "matches"),
    [
        ("bob", "bob", True),
        ("Bob Brown", "bob", True),
        ("bob@example.com", "Bob", True),
        ("Bobby", "bob", False),
        ("", "bob", False),
        ("anyone", "", True),
    ],
)
def test_owner_matching(owner, name, matches):
    assert owner_matches(owner, name) is matches


@pytest.fixture
def two_pms(add_pm) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    first = add_pm(
        "Checkout [bold red]failing[/]",
        ("Alert on pool [link=http://x]wait[/link]", "alice", LAST_MONTH),
        ("Load-test\x1b[2J the pool", "bob", FAR_AWAY),
        ActionItem(title="Rewrite the gateway", aspirational=True),
    )
    second = add_pm("Search latency", ("Cap the fan-out", "carol", date(2026, 12, 2)))
    return first, second


def test_cli_filters(cli, two_pms):
    first, second = two_pms

    def listed(*args: str) -> list[str]:
        result = cli("actions", "--json", *args)
        assert result.exit_code == 0, result.stderr
        return [r["title"] for r in json.loads(result.stdout)]

    assert len(listed()) == 3
    assert len(listed("--all")) == 4
    assert listed("--overdue") == ["Alert on pool [link=http://x]wait[/link]"]
    assert listed("--owner", "carol") == ["Cap the fan-out"]
    assert listed("--post-mortem", second) == ["Cap the fan-out"]
    assert listed("--post-mortem", first, "--owner", "carol") == []


def test_the_table_shows_user_text_literally_and_marks_overdue(cli, two_pms):
    result = cli("actions", env={"COLUMNS": "160"})

    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "[bold red]failing[/]" in out
    assert "\x1b" not in out and "␛[2J" in out
    assert "2026-10-20 overdue" in out
    assert "3 action items, 1 overdue" in out
    assert "Rewrite the gateway" not in out


def test_json_rows_are_the_item_plus_its_post_mortem(cli, two_pms):
    (first, *_) = json.loads(cli("actions", "--json").stdout)
    assert set(first) == set(ActionItem.model_fields) | {
        "postmortem_id",
        "postmortem_title",
        "overdue",
    }
    assert first["postmortem_title"] == "Checkout [bold red]failing[/]"


def test_nothing_to_list_and_unknown_post_mortem(cli):
    assert cli("actions").stdout == "No outstanding action items.\n"
    assert json.loads(cli("actions", "--json").stdout) == []
    missing = cli("actions", "--post-mortem", "PM-9")
    assert missing.exit_code == 1
    assert (
        missing.stderr == "debrief: there is no post-mortem with id 'PM-9' (see `debrief list`)\n"
    )
