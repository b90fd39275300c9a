"""`debrief copy` moves every post-mortem with its history from SQLite to PostgreSQL and
back, with the real server; a second run copies nothing new and says so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debrief.cli import app
from debrief.cli.documents import load_demo
from debrief.meeting import new_record
from debrief.store import Store


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _fill(location: Path | str, template, clock) -> list[str]:  # type: ignore[no-untyped-def]
    """Two post-mortems written by two people, with a kept conflict, a request and a meeting."""
    ana = Store(location, author="ana", clock=clock)
    demo = load_demo(ana)
    ana.save_section(demo, "impact", "Checkout failed for 20 minutes.")
    ben = Store(location, author="ben", clock=clock)
    ben.save_section(demo, "impact", "Checkout failed for 22 minutes.")
    section = ben.get_section(demo, "impact")
    ana.keep_conflict(demo, "section", "impact", "body", "ana's text", section.body, section.rev)
    ben.request_contribution(demo, "trigger", "Support", "what customers saw")
    ana.save_meeting(new_record(demo, [("impact", "Impact", 5)]))
    second = ben.create_postmortem("Search latency after the index rebuild", template).id
    ben.save_section(second, "trigger", "A rebuild doubled the latency of search.")
    ana.close()
    ben.close()
    return [demo, second]


def _everything(location: Path | str, pm_ids: list[str]) -> dict[str, object]:
    store = Store(location, author="reader")
    try:
        return {
            pm_id: {
                "document": store.document(pm_id).model_dump(mode="json"),
                "history": [
                    r.model_dump(mode="json", exclude={"id"}) for r in store.history(pm_id)
                ],
                "conflicts": [
                    (c.entity_id, c.mine, c.theirs, c.author) for c in store.open_conflicts(pm_id)
                ],
                "requests": [(r.key, r.person, r.note) for r in store.requests(pm_id)],
                "meetings": [
                    m.model_dump(mode="json", exclude={"id"}) for m in store.meetings(pm_id)
                ],
            }
            for pm_id in pm_ids
        }
    finally:
        store.close()


@pytest.fixture
def places(pg_server, tmp_path) -> Callable[[str], Path | str]:  # type: ignore[no-untyped-def]
    return lambda kind: tmp_path / "team.db" if kind == "sqlite" else pg_server.database()


@pytest.mark.parametrize(("source", "target"), [("sqlite", "postgresql"), ("postgresql", "sqlite")])
def test_copy_moves_every_postmortem_with_its_history_once(places, template, clock, source, target):
    origin, into = places(source), places(target)
    pm_ids = _fill(origin, template, clock)
    code, out, err = run("copy", "--from", str(origin), "--to", str(into))
    assert (code, err) == (0, "")
    assert out.startswith("Copied 2 post-mortems (") and "revisions) into" in out
    assert _everything(into, pm_ids) == _everything(origin, pm_ids)
    copied = Store(into, author="reader")
    assert [p.id for p in copied.search("rebuild latency")] == [pm_ids[1]]
    assert {r.author for r in copied.history(pm_ids[0])} >= {"ana", "ben"}
    copied.close()

    code, out, _ = run("copy", "--from", str(origin), "--to", str(into))
    assert code == 0
    assert out.startswith("Nothing new to copy: ") and "already holds all 2 post-mortems of" in out
    assert _everything(into, pm_ids) == _everything(origin, pm_ids)  # nothing twice


def test_what_the_target_holds_already_is_left_as_it_is(places, template, clock):
    origin, into = places("sqlite"), places("postgresql")
    pm_ids = _fill(origin, template, clock)
    assert run("copy", "--from", str(origin), "--to", str(into))[0] == 0
    there = Store(into, author="carol", clock=clock)
    there.save_section(pm_ids[0], "impact", "Edited on the shared server.")
    there.close()
    here = Store(origin, author="ana", clock=clock)
    third = here.create_postmortem("Queue backlog", template).id
    here.close()
    code, out, _ = run("copy", "--from", str(origin), "--to", str(into))
    assert code == 0
    assert out.startswith("Copied 1 post-mortem (")
    assert "; 2 it held already were left as they are." in out
    there = Store(into, author="reader")
    assert there.get_section(pm_ids[0], "impact").body == "Edited on the shared server."
    assert there.get_postmortem(third).title == "Queue backlog"
    there.close()


def test_bad_places_are_one_sentence(places, tmp_path):
    code, _, err = run("copy", "--from", str(tmp_path / "none.db"), "--to", str(tmp_path / "b.db"))
    assert (code, err) == (1, f"debrief: there is no database file at {tmp_path / 'none.db'}\n")
    assert not (tmp_path / "b.db").exists()
    same = str(tmp_path / "a.db")
    code, _, err = run("copy", "--from", same, "--to", same)
    assert (code, err) == (1, "debrief: --from and --to name the same database; nothing to copy\n")
    code, _, err = run("copy", "--from", str(places("postgresql")) + "x", "--to", same)
    assert code == 1 and err.startswith("debrief: ") and len(err.splitlines()) == 1
