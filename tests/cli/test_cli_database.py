"""Which database a command uses: --db, DEBRIEF_DB, the config's `db`, a file or a URL."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_the_config_names_the_database_and_db_names_it_too(cli, db_location, tmp_path, monkeypatch):
    monkeypatch.delenv("DEBRIEF_DB")
    config = tmp_path / "config.toml"
    config.write_text(f'db = "{db_location}"\n', encoding="utf-8")
    created = cli("--config", str(config), "new", "Named in the config")
    assert created.exit_code == 0, created.stderr
    listed = cli("--db", str(db_location), "list")
    assert listed.exit_code == 0 and "Named in the config" in listed.stdout


def test_db_wins_over_the_environment(cli, db_location, tmp_path, monkeypatch):
    monkeypatch.setenv("DEBRIEF_DB", str(tmp_path / "elsewhere.db"))
    assert cli("--db", str(db_location), "new", "Here").exit_code == 0
    assert "Here" not in cli("list").stdout
    assert "Here" in cli("--db", str(db_location), "list").stdout


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_an_unreachable_url_is_one_sentence_without_its_password(cli, scheme, engine):
    if engine != "sqlite":
        pytest.skip("needs no server: once is enough")
    result = cli("--db", f"{scheme}://ana:s3cret@127.0.0.1:1/nothing", "list")
    assert result.exit_code == 1
    assert "cannot connect to" in result.stderr and "s3cret" not in result.stderr
    assert not Path("postgresql:").exists() and not Path("postgres:").exists()
