"""Readiness asks only for what the post-mortem's template has."""

from __future__ import annotations

import json
from pathlib import Path

from debrief.config import templates_dir
from debrief.template import load_template

BRIEF = """
name = "brief"
description = "A short write-up: no timeline, no action items."

[[sections]]
key = "summary"
title = "Summary"
kind = "text"

[[sections]]
key = "lessons"
title = "Lessons"
kind = "text"
"""


def _brief_template() -> Path:
    folder = templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "brief.toml").write_text(BRIEF, encoding="utf-8")
    return folder


def test_a_template_without_timeline_or_actions_is_not_asked_for_them(cli, store):
    template = load_template("brief", _brief_template())
    pm = store.create_postmortem("Short write-up", template)
    for key in ("summary", "lessons"):
        store.save_section(pm.id, key, "written")
    result = cli("check", pm.id, "--json")
    report = json.loads(result.stdout)
    names = {c["name"] for c in report["checks"]}
    assert not any("Timeline" in n or "timeline" in n for n in names)
    assert "Action items have an owner and a due date" not in names
    assert result.exit_code == 0, result.stdout
    assert report["ready"] is True


def test_the_default_template_still_asks_for_milestones_and_actions(store, template):
    pm = store.create_postmortem("Thin", template)
    names = {c.name for c in store.check_readiness(pm.id, template).problems}
    assert "Timeline marks when it started, was detected and resolved" in names
    assert "Action items have an owner and a due date" in names
