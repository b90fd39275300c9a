"""Deep nesting and odd shapes in Slack exports and the config are one sentence, or skipped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.conftest import count, integrity_ok, one_sentence

MESSAGE = {"type": "message", "user": "U1", "text": "deploy started", "ts": "1763647200.000100"}


def export(folder: Path, users: Any = None, day: str | None = None) -> Path:
    root = folder / "export"
    (root / "inc").mkdir(parents=True)
    (root / "channels.json").write_text(json.dumps([{"id": "C1", "name": "inc"}]))
    (root / "users.json").write_text(
        users if isinstance(users, str) else json.dumps(users if users is not None else [])
    )
    (root / "inc" / "2026-11-20.json").write_text(json.dumps([MESSAGE]))
    if day is not None:
        (root / "inc" / "2026-11-21.json").write_text(day)
    return root


@pytest.mark.parametrize(
    "day",
    [
        "[" * 100_000 + "]" * 100_000,
        "[" + '{"a":' * 100_000 + "1" + "}" * 100_000 + "]",
        "[" + "9" * 5000 + "]",
        '[{"ts": "' + "9" * 5000 + '", "text": "x"}]',
        '[{"ts": NaN, "text": "x"}, {"ts": "1e400", "text": "x"}, {"ts": "-5", "text": "x"}]',
        '[{"ts": "1763647300.000100", "text": {"a": 1}, "user": ["U1"], "bot_id": ["B"]}]',
        '[{"ts": "1763647300.000100", "text": "x", "files": 5, "attachments": [1, {"a": []}]}]',
        '[{"ts": "1763647300.000100", "subtype": ["x"], "text": "x"}]',
        "\xff\xfe",
    ],
    ids=range(9),
)
def test_a_hostile_day_file_is_skipped_and_reported(cli, db_path, pm, tmp_path, day):
    root = export(tmp_path, day=day)
    result = cli("import-timeline", pm, str(root))
    assert result.exit_code == 0 and one_sentence(result.stderr), result.stderr
    assert count(db_path, "events") >= 1 and integrity_ok(db_path)


@pytest.mark.parametrize(
    "users",
    [
        [{"id": "U1", "profile": "a string"}],
        [{"id": "U1", "name": {"first": "Ana"}}],
        [{"id": "U1", "real_name": ["Ana"], "profile": {"display_name": 5}}],
        [{"id": "U2", "name": "bot", "profile": {"bot_id": ["B1"], "real_name": "Bot"}}],
        [{"id": "U2", "name": "bot", "profile": {"bot_id": {"x": 1}, "real_name": "Bot"}}],
        [{"id": ["U1"]}, 5, "x", None],
        {"not": "a list"},
        "[" * 100_000,
    ],
    ids=range(8),
)
def test_odd_users_json_never_raises(cli, db_path, pm, tmp_path, users):
    root = export(tmp_path, users=users)
    result = cli("import-timeline", pm, str(root))
    assert result.exit_code == 0 and one_sentence(result.stderr), result.stderr
    assert count(db_path, "events") == 1


@pytest.mark.parametrize(
    "text",
    [
        "jira = 5",
        "slack = [1, 2]",
        'jira = "x"',
        "a = " + "[" * 50_000 + "]" * 50_000,
        "a = " + "{ b = " * 50_000 + "1" + " }" * 50_000,
        "user = " + "9" * 5000,
        "[jira]\nurl = 5",
        "\x00",
    ],
    ids=range(8),
)
def test_a_hostile_config_is_one_sentence(cli, tmp_path, text):
    config = tmp_path / "config.toml"
    config.write_text(text)
    result = cli("--config", str(config), "list")
    assert result.exit_code == 1 and one_sentence(result.stderr), result.stderr
    assert "config" in result.stderr
