"""`debrief edit`: the post-mortem's own fields, each change in the history with its author."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def pm_id(cli) -> str:
    return cli("new", "Login outage", "--started", "2026-11-20T10:00:00Z").stdout.strip()


def shown(cli, pm_id: str) -> dict:
    return next(p for p in json.loads(cli("list", "--json").stdout) if p["id"] == pm_id)


def history(cli, pm_id: str) -> list[dict]:
    return json.loads(cli("history", pm_id, "--json").stdout)


@pytest.mark.parametrize(
    ("args", "field", "value"),
    [
        (["--title", "Queue stalls"], "title", "Queue stalls"),
        (["--severity", "SEV1"], "severity", "SEV1"),
        (["--classification", "near-miss"], "classification", "near-miss"),
        (["--started", "2026-11-20T09:00:00Z"], "started_at", "2026-11-20T09:00:00Z"),
        (["--ended", "2026-11-20T11:30:00+01:00"], "ended_at", "2026-11-20T10:30:00Z"),
        (["--service", "checkout", "--service", "payments"], "services", ["checkout", "payments"]),
        (["--tag", "db"], "tags", ["db"]),
    ],
)
def test_each_option_changes_its_field_and_the_history_names_the_author(
    cli, pm_id, args, field, value
):
    result = cli("edit", pm_id, *args, env={"DEBRIEF_USER": "Søren"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") == 1 and result.stdout.startswith(f"{pm_id}: ")
    assert shown(cli, pm_id)[field] == value
    last = history(cli, pm_id)[-1]
    assert (last["field"], last["author"], last["new"]) == (field, "Søren", value)


def test_service_and_tag_replace_the_list_and_several_options_save_together(cli, pm_id):
    cli("edit", pm_id, "--service", "a", "--service", "b")
    result = cli("edit", pm_id, "--service", "c", "--title", "New", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["services"] == ["c"]
    assert {r["field"] for r in history(cli, pm_id)[-2:]} == {"services", "title"}
    assert cli("edit", pm_id, "--service", "").exit_code == 0
    assert shown(cli, pm_id)["services"] == []


def test_classifications_come_from_the_config(cli, pm_id, tmp_path: Path):
    config = tmp_path / "config.toml"
    config.write_text('classifications = ["security", "outage"]\n', encoding="utf-8")
    refused = cli("--config", str(config), "edit", pm_id, "--classification", "regression")
    assert refused.exit_code == 1
    assert "allowed: security, outage" in refused.stderr
    assert cli("--config", str(config), "edit", pm_id, "--classification", "outage").exit_code == 0
    assert shown(cli, pm_id)["classification"] == "outage"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--classification", "oops", "--title", "X"],
            "not a classification (allowed: regression, incident, customer-reported, near-miss)",
        ),
        (["--ended", "2026-11-20T09:59:00Z", "--title", "X"], "cannot end"),
        (["--started", "2026-11-21T00:00:00Z", "--ended", "2026-11-20T12:00:00Z"], "cannot end"),
        (["--started", "0999-01-01", "--title", "X"], "outside the times debrief accepts"),
        (["--ended", "yesterday-ish", "--title", "X"], "is not a time"),
        (["--title", "   "], "needs a title"),
    ],
)
def test_refused_changes_store_nothing(cli, pm_id, args, message):
    before = history(cli, pm_id)
    result = cli("edit", pm_id, *args)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.stderr
    assert history(cli, pm_id) == before
    assert shown(cli, pm_id)["title"] == "Login outage"


def test_no_option_is_a_usage_error(cli, pm_id):
    result = cli("edit", pm_id)
    assert result.exit_code == 2
    assert "say what to change" in result.stderr


def test_the_default_classifications_are_documented():
    from debrief.config import DEFAULT_CLASSIFICATIONS, Config

    assert Config().classifications == list(DEFAULT_CLASSIFICATIONS)
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"classifications = {json.dumps(list(DEFAULT_CLASSIFICATIONS))}" in readme
