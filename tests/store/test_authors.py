"""Who every change is recorded as: DEBRIEF_USER, the config's `user`, else the database
role on PostgreSQL, else the OS user; on both engines."""

from __future__ import annotations

import getpass
import json

from debrief.store import Store


def _authors(cli, pm_id: str) -> set[str]:
    result = cli("history", pm_id, "--json")
    assert result.exit_code == 0, result.stderr
    return {r["author"] for r in json.loads(result.stdout)}


def _new(cli, *args: str) -> str:
    result = cli(*args, "new", "Checkout outage")
    assert result.exit_code == 0, result.stderr
    return result.stdout.strip()


def test_a_store_given_no_name_records_the_role_or_the_os_user(db_location, engine, template):
    store = Store(db_location, author=None)
    # the test server's role is `debrief` (initdb -U debrief)
    assert store.author == ("debrief" if engine == "postgresql" else getpass.getuser())
    pm = store.create_postmortem("Checkout outage", template)
    store.save_section(pm.id, "impact", "Payments failed.")
    assert {r.author for r in store.history(pm.id)} == {store.author}
    store.close()


def test_without_a_name_the_cli_records_the_database_role_or_os_user(cli, engine, monkeypatch):
    monkeypatch.delenv("DEBRIEF_USER")
    pm_id = _new(cli)
    assert cli("section", "set", pm_id, "impact", "Payments failed.").exit_code == 0
    assert _authors(cli, pm_id) == {"debrief" if engine == "postgresql" else getpass.getuser()}


def test_the_config_user_is_recorded_and_debrief_user_wins_over_it(cli, tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('user = "Ana Souza"\n', encoding="utf-8")
    monkeypatch.delenv("DEBRIEF_USER")
    pm_id = _new(cli, "--config", str(config))
    assert _authors(cli, pm_id) == {"Ana Souza"}
    monkeypatch.setenv("DEBRIEF_USER", "Ben Okafor")
    result = cli("--config", str(config), "section", "set", pm_id, "impact", "Payments failed.")
    assert result.exit_code == 0, result.stderr
    assert _authors(cli, pm_id) == {"Ana Souza", "Ben Okafor"}


def test_the_timeline_authors_each_once_in_name_order(store, template):
    """The live coach's list of people: who wrote the timeline, without reading every
    event (a 5,000-event timeline opens without loading them)."""
    from datetime import UTC, datetime

    from debrief.models import TimelineEvent

    pm = store.create_postmortem("Checkout outage", template)
    at = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)
    store.add_events(
        pm.id,
        [
            TimelineEvent(at=at, text="Pager fired", author="Zoë"),
            TimelineEvent(at=at, text="Rolled back", author="Ann"),
            TimelineEvent(at=at, text="Checked graphs", author="Zoë"),
            TimelineEvent(at=at, text="Bot message", author=""),
        ],
    )
    other = store.create_postmortem("Other", template)
    store.add_event(other.id, TimelineEvent(at=at, text="Elsewhere", author="Bo"))
    assert store.event_authors(pm.id) == ["Ann", "Zoë"]
