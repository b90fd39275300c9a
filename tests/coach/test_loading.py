"""Rules as data: the built-in file, and users' own files in the config dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from debrief.coach import Coach, RulesError, load_rules, rules_dir

CATEGORIES = {
    "counterfactual",
    "omission",
    "judgement",
    "character",
    "human-error",
    "blame",
    "hindsight",
    "why-question",
    "animated",
    "vague-remediation",
}


def test_built_in_rules_cover_every_category() -> None:
    rules = load_rules()
    assert {r.category for r in rules.rules} == CATEGORIES
    assert all(r.triggers for r in rules.rules), "built-in rules must be fast (triggers)"


def test_built_in_scripts_follow_the_facilitators_script() -> None:
    titles = [s.title for s in load_rules().scripts]
    assert titles[0] == "Opening"
    assert any("mistake" in t for t in titles)
    assert any("responsible" in t for t in titles)


def test_user_rules_add_replace_and_disable(tmp_path: Path) -> None:
    (tmp_path / "team.toml").write_text(
        """
[[rules]]
id = "team-jargon"
category = "animated"
triggers = ["yolo"]
patterns = ['''yolo\\b''']
why = "Team jargon that sounds reckless."
redirects = ["What made the fast path the sensible one?"]

[[rules]]
id = "animated"
category = "animated"
enabled = false

[vocabulary]
names = ["Okafor"]

[[scripts]]
title = "Our opening"
text = "Welcome."
""",
        encoding="utf-8",
    )
    coach = Coach(load_rules(tmp_path))
    assert [f.rule for f in coach.lint("We did a yolo deploy and it was a disaster.")] == [
        "team-jargon"
    ]
    assert [f.text for f in coach.lint("Okafor broke the build.")] == ["Okafor broke"]
    assert coach.rules.scripts[-1].title == "Our opening"


def test_a_broken_rule_file_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("[[rules]]\nid = 'x'\ncategory = 'y'\npatterns = ['(']\n")
    with pytest.raises(RulesError, match=r"bad.toml is invalid at rules.0.patterns"):
        load_rules(tmp_path)
    (tmp_path / "bad.toml").write_text("[[rules]\n")
    with pytest.raises(RulesError, match="not valid TOML"):
        load_rules(tmp_path)


def test_rules_dir_sits_beside_the_config(tmp_path: Path) -> None:
    assert rules_dir(tmp_path / "config.toml") == tmp_path / "rules"
    assert rules_dir().name == "rules"


def test_rules_without_triggers_still_work(tmp_path: Path) -> None:
    (tmp_path / "slow.toml").write_text(
        "[[rules]]\nid = 'x'\ncategory = 'animated'\npatterns = ['''\\bkaboom\\b''']\n"
        "why = 'Loud.'\nredirects = ['What happened?']\n",
        encoding="utf-8",
    )
    assert [f.text for f in Coach(load_rules(tmp_path)).lint("Then: kaboom.")] == ["kaboom"]


def test_patterns_with_backreferences_still_work(tmp_path: Path) -> None:
    (tmp_path / "echo.toml").write_text(
        "[[rules]]\nid = 'echo'\ncategory = 'animated'\ntriggers = ['very']\n"
        "patterns = ['''(very)\\s+\\1\\b''']\nwhy = 'Loud.'\nredirects = ['What happened?']\n",
        encoding="utf-8",
    )
    coach = Coach(load_rules(tmp_path))
    assert [f.text for f in coach.lint("It was very very slow.")] == ["very very"]
    assert coach.lint("It was very slow.") == []
