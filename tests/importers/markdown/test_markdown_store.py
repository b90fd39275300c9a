"""Storing imported files on both engines: once per file, all or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from debrief.importers.markdown import Setting
from debrief.importers.markdown_store import import_markdown
from debrief.template import load_template

HERE = Path(__file__).parent
both_engines = pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)


def setting() -> Setting:
    return Setting(load_template(), date(2026, 11, 30))


@both_engines
def test_a_file_is_stored_once_with_its_items_left_incomplete(store, engine):
    (first,) = import_markdown(store, HERE / "sre_style.md", setting())
    (again,) = import_markdown(store, HERE / "sre_style.md", setting())
    assert (first.status, again.status) == ("imported", "already")
    assert again.id == first.id
    assert [p.id for p in store.list_postmortems()] == [first.id]
    doc = store.document(first.id)
    assert len(doc.events) == 6
    assert [a.missing() for a in doc.actions] == [
        [],
        ["owner", "due date"],
        ["due date"],
        ["owner", "due date"],
    ]
    assert {s.key for s in doc.sections if s.body} >= {"impact", "root-cause", "went-well"}


@both_engines
def test_a_folder_stores_the_good_files_and_nothing_of_the_bad_one(store, engine, tmp_path):
    (tmp_path / "good.md").write_text((HERE / "narrative.md").read_text())
    (tmp_path / "bad.md").write_text((HERE / "bad_front_matter.md").read_text())
    reports = import_markdown(store, tmp_path, setting())
    assert [(Path(r.file).name, r.status) for r in reports] == [
        ("bad.md", "failed"),
        ("good.md", "imported"),
    ]
    assert [p.title for p in store.list_postmortems()] == ["good"]


@both_engines
def test_an_id_taken_by_another_post_mortem_gets_a_new_one(store, engine, template):
    from debrief.importers.markdown import source_id

    text = (HERE / "narrative.md").read_text()
    store.create_postmortem("Something else", template, pm_id=source_id(text))
    (report,) = import_markdown(store, HERE / "narrative.md", setting())
    assert report.status == "imported" and report.id == "PM-1"
    assert store.document("PM-1").postmortem.title == "narrative"
