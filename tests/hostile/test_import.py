"""`debrief import` checks the whole input first and stores all of it or nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.conftest import count, integrity_ok, one_sentence


def document(pm_id: str = "PM-7", **changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": "debrief/1",
        "postmortem": {"id": pm_id, "title": f"Incident {pm_id}"},
        "sections": [{"key": "impact", "title": "Impact", "body": "x"}],
        "events": [{"id": "e1", "at": "2026-11-20T14:03:00Z", "text": "deploy"}],
        "actions": [{"id": "a1", "title": "Add a check", "aspirational": True}],
    }
    doc.update(changes)
    return doc


def run_import(cli, tmp_path: Path, data: Any):  # type: ignore[no-untyped-def]
    path = tmp_path / "in.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return cli("import", str(path))


def assert_nothing_stored(db_path: Path) -> None:
    if db_path.exists():
        for table in ("postmortems", "sections", "events", "actions"):
            assert count(db_path, table) == 0, table
        assert integrity_ok(db_path)


def test_a_list_is_all_or_nothing_and_names_the_bad_document(cli, db_path, tmp_path):
    good = document("PM-7")
    bad = document(
        "PM-8",
        sections=[{"key": "impact", "title": "A"}, {"key": "impact", "title": "B"}],
    )
    result = run_import(cli, tmp_path, [good, bad])
    assert result.exit_code == 1 and one_sentence(result.stderr)
    assert "post-mortem #2" in result.stderr and "sections.1.key" in result.stderr
    assert_nothing_stored(db_path)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (
            {"events": [{"id": "e", "at": "2026-11-20T14:03:00Z", "text": "a"}] * 2},
            "events.1.id",
        ),
        (
            {
                "events": [
                    {"at": "2026-11-20T14:03:00Z", "text": "a", "source_id": "s"},
                    {"at": "2026-11-20T14:04:00Z", "text": "b", "source_id": "s"},
                ]
            },
            "events.1.source_id",
        ),
        ({"actions": [{"id": "a", "title": "t", "aspirational": True}] * 2}, "actions.1.id"),
        (
            {"sections": [{"key": "k", "title": "A"}, {"key": "k", "title": "B"}]},
            "sections.1.key",
        ),
    ],
)
def test_repeated_ids_inside_one_document_are_named(cli, db_path, tmp_path, changes, field):
    result = run_import(cli, tmp_path, document(**changes))
    assert result.exit_code == 1 and one_sentence(result.stderr)
    assert field in result.stderr
    assert_nothing_stored(db_path)


@pytest.mark.parametrize(
    "changes",
    [
        {"postmortem": {"id": "PM-1", "title": ""}},
        {"postmortem": {"id": "PM-1", "title": "   "}},
        {"postmortem": {"id": "", "title": "x"}},
        {"postmortem": {"id": "PM-1", "title": "x", "rev": 2**63}},
        {"sections": [{"key": "k", "title": "A", "position": 2**64}]},
        {"events": [{"at": "2026-11-20T14:03:00Z", "text": "a", "rev": -(2**63) - 1}]},
        {"actions": [{"title": "t", "aspirational": True, "position": 10**30}]},
        {"events": [{"at": "0206-11-20T10:00:00Z", "text": "old"}]},
        {"events": [{"at": "0001-01-01T00:00:00+05:00", "text": "old"}]},
        {"postmortem": {"id": "PM-1", "title": "x", "started_at": "9999-12-31T23:00:00-05:00"}},
        {"actions": [{"title": "t", "owner": "a", "due": "0999-01-01"}]},
    ],
)
def test_bad_values_are_one_sentence_and_nothing_is_stored(cli, db_path, tmp_path, changes):
    result = run_import(cli, tmp_path, document(**changes))
    assert result.exit_code == 1 and one_sentence(result.stderr)
    assert_nothing_stored(db_path)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        '{"postmortem": {"id": "PM-1", "title": "x", "rev": ' + "9" * 5000 + "}}",
        "[]",
        "",
        "\x00\x01",
    ],
    ids=["deep-list", "deep-object", "long-number", "empty-list", "empty", "binary"],
)
def test_hostile_files_are_one_sentence(cli, db_path, tmp_path, text):
    result = run_import(cli, tmp_path, text)
    assert result.exit_code == 1 and one_sentence(result.stderr)
    assert_nothing_stored(db_path)


def test_a_good_list_is_stored_whole(cli, db_path, tmp_path):
    result = run_import(cli, tmp_path, [document("PM-7"), document("PM-7")])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split()[0] == "PM-7" and "was taken" in result.stdout
    assert count(db_path, "postmortems") == 2 and count(db_path, "events") == 2


def test_a_store_failure_in_the_second_document_keeps_none(store, tmp_path, monkeypatch):
    from debrief.exchange import parse_documents

    docs = parse_documents(json.dumps([document("PM-7"), document("PM-8")]), "in.json")
    original = type(store).import_document
    calls = []

    def failing(self, doc):  # type: ignore[no-untyped-def]
        calls.append(doc.postmortem.id)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, doc)

    monkeypatch.setattr(type(store), "import_document", failing)
    with pytest.raises(RuntimeError):
        store.import_documents(docs)
    assert store.list_postmortems() == []
