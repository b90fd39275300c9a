"""The coach compiles a rule's patterns when a lint first meets their words, not when it
is built: the same findings whatever was compiled before, and no broken pattern hidden
by compiling late."""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debrief.coach import Coach, RulesError, load_rules
from debrief.coach.rules import builtin_files, merge, parse_rules
from tests.coach.corpus import load as load_corpus

DOCUMENTS = sorted((Path(__file__).parent / "documents").glob("*.md"))


def test_every_built_in_pattern_compiles() -> None:
    assert Coach(load_rules()).broken_patterns() == []


def test_findings_do_not_depend_on_what_was_compiled_before() -> None:
    texts = [p.read_text(encoding="utf-8") for p in DOCUMENTS]
    texts += [r.text for r in load_corpus("dev")[:1500]]
    warmed = Coach(load_rules(), use_model=False)
    for text in texts:
        warmed.lint(text)  # every pattern these texts meet is compiled now
    compared = 0
    for text in texts[::7]:
        fresh = Coach(load_rules(), use_model=False)  # nothing compiled yet
        got = [(f.start, f.end, f.category, f.rule) for f in fresh.lint(text)]
        assert got == [(f.start, f.end, f.category, f.rule) for f in warmed.lint(text)]
        compared += len(got)
    assert compared > 20  # the texts do hold findings


def test_a_built_coach_has_compiled_only_its_trigger_words() -> None:
    coach = Coach(load_rules())
    members = list({id(m): m for ms in coach._by_trigger.values() for m in ms}.values())
    assert not any("pattern" in m.__dict__ for m in members)
    coach.lint("He should have rolled back; Bob was careless.")
    compiled = [m for m in members if "pattern" in m.__dict__]
    assert 0 < len(compiled) < len(members) / 4


def test_a_user_pattern_that_does_not_compile_is_reported_with_its_file(tmp_path: Path) -> None:
    (tmp_path / "ours.toml").write_text(
        """
[[rules]]
id = "ours"
category = "animated"
triggers = ["yolo"]
patterns = ['''yolo(''']
""",
        encoding="utf-8",
    )
    with pytest.raises(RulesError, match=r"ours\.toml.*patterns"):
        load_rules(tmp_path)


def test_a_pattern_that_slipped_through_never_matches_and_is_named() -> None:
    unchecked = parse_rules(
        r"""
[[rules]]
id = "ours-broken"
category = "animated"
triggers = ["yolo"]
patterns = ['''yolo (?P<who>\w+) (?P<who>\w+)''', '''yolo\b''']
""",
        "'ours.toml'",
        builtin=True,  # not compiled when loaded, as for the package's own files
    )
    coach = Coach(merge([*builtin_files(), unchecked]))
    findings = coach.lint("We did a yolo deploy again, because Bob is lazy.")
    assert {f.rule for f in findings} >= {"ours-broken"}  # the other pattern still matches
    assert coach.broken_patterns() == ["ours-broken"]


def test_a_sentence_cue_is_checked_in_every_file_the_packages_own_included() -> None:
    """Cues are compiled at the first lint without a guard: a broken one is refused when
    its file is loaded, even where patterns are left to the tests."""
    with pytest.raises(RulesError, match=r"ours\.toml.*sentence_cue"):
        parse_rules(
            """
[[rules]]
id = "ours"
category = "animated"
triggers = ["yolo"]
patterns = ['''yolo''']
sentence_cue = '''deploy('''
""",
            "'ours.toml'",
            builtin=True,
        )


def test_a_pattern_that_can_match_nothing_flags_no_empty_span(tmp_path: Path) -> None:
    (tmp_path / "ours.toml").write_text(
        """
[[rules]]
id = "ours"
category = "animated"
triggers = ["yolo"]
patterns = ['''(?:yolo\\s+deploy)?''', '''[[a]]x?''']
""",
        encoding="utf-8",
    )
    coach = Coach(load_rules(tmp_path), use_model=False)
    assert [f.text for f in coach.lint("It was a yolo move. A yolo deploy.")] == ["yolo deploy"]


def test_patterns_python_warns_about_load_and_lint_without_a_warning(tmp_path: Path) -> None:
    (tmp_path / "ours.toml").write_text(
        """
[[rules]]
id = "ours"
category = "animated"
triggers = ["yolo"]
patterns = ['''yolo\\s+(?:[[a]])?deploy''']
sentence_cue = '''[[a]]|deploy'''
""",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning would reach the user's terminal
        coach = Coach(load_rules(tmp_path), use_model=False)
        assert [f.rule for f in coach.lint("A yolo deploy again.")] == ["ours"]


EXAMPLES = int(os.environ.get("DEBRIEF_FUZZ_EXAMPLES", "60"))
PIECES = [
    "yolo", r"\s+", r"\w+", "(?P<who>", "(?P<verb>", "(", ")", "|", "?", "*", "+", "{2}",
    r"\b", "[a-z]", "[", "]", r"\1", "(?=", "(?!", "(?<=x)", "(?i)", "{verbs}", "^", "$",
    ".", "x", " ", "é", "\\",
]  # fmt: skip


@settings(
    max_examples=EXAMPLES, derandomize=True, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)  # fmt: skip
@given(
    patterns=st.lists(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), max_size=4),
    text=st.text(st.sampled_from("yolo Bob x é\n.?!,'-abc"), max_size=200),
)
def test_random_user_patterns_never_break_a_lint(patterns: list[str], text: str) -> None:
    """A user's rule file with any patterns: refused with one message when loaded, or
    linted with (a pattern that turns out not to compile then never matches)."""
    source = "\n".join(
        [
            "[[rules]]",
            'id = "fuzzed"',
            'category = "animated"',
            'triggers = ["yolo", "bob"]',
            'verbs = ["deploy"]',
            f"patterns = {json.dumps(patterns, ensure_ascii=False)}",
        ]
    )
    try:
        checked = parse_rules(source, "'fuzzed.toml'")
    except RulesError as exc:
        assert "fuzzed.toml" in str(exc)
        checked = parse_rules(source, "'fuzzed.toml'", builtin=True)  # as if unchecked
    coach = Coach(merge([*builtin_files(), checked]), use_model=False)
    for finding in coach.lint(f"{text}\n\nyolo Bob deployed it. {text}"):
        assert 0 <= finding.start < finding.end
    assert set(coach.broken_patterns()) <= {"fuzzed"}
