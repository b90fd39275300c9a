"""The launcher: which command lines start without the command-line layer."""

from __future__ import annotations

import pytest

from debrief.launch import Plan, quick_plan


@pytest.mark.parametrize(
    ("argv", "plan"),
    [
        ([], Plan("app", {})),
        (["open", "PM-1"], Plan("app", {}, pm_id="PM-1")),
        (["--db", "x.db", "open", "PM-1"], Plan("app", {"--db": "x.db"}, pm_id="PM-1")),
        (["--db=x.db", "--config", "c.toml"], Plan("app", {"--db": "x.db", "--config": "c.toml"})),
        (["list"], Plan("list", {})),
        (
            ["--db", "postgresql://h/d", "list", "--json"],
            Plan("list", {"--db": "postgresql://h/d"}, as_json=True),
        ),
    ],
)
def test_the_common_forms_run_directly(argv: list[str], plan: Plan) -> None:
    assert quick_plan(argv) == plan


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["-h"],
        ["--version"],
        ["open"],
        ["open", "--help"],
        ["open", "PM-1", "extra"],
        ["open", "-x"],
        ["list", "--json", "--json"],
        ["list", "--help"],
        ["list", "--jso"],
        ["--db"],
        ["--db", "--config", "c.toml"],
        ["--db", "a.db", "--db", "b.db"],
        ["--db="],
        ["--unknown", "x"],
        ["demo"],
        ["open", ""],
    ],
)
def test_everything_else_goes_to_the_command_line(argv: list[str]) -> None:
    assert quick_plan(argv) is None
