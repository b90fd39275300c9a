"""The learned model: loaded only when a lint needs it, flags wording no rule matches,
leaves neutral sentences alone, and never crashes on any text."""

from __future__ import annotations

import random
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from debrief.coach import Coach, lint, load_rules
from debrief.coach.model import Model


def test_the_model_is_not_imported_by_debrief_help() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from debrief.cli import app\n"
        "result = CliRunner().invoke(app, ['--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        "loaded = [m for m in ('debrief.coach.model', 'debrief.coach.learned') if m in sys.modules]\n"
        "print(','.join(loaded) or 'none')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "none"


def test_the_weights_load_on_the_first_lint_only() -> None:
    code = (
        "import sys\n"
        "import debrief.coach\n"
        "before = 'debrief.coach.model' in sys.modules\n"
        "debrief.coach.lint('The cache was cold.')\n"
        "print(before, 'debrief.coach.model' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


def _model(weights: dict[str, float], kind: str) -> Model:
    """A model that flags what `weights` push over the threshold, always as `kind`."""
    return Model(
        threshold=0.5,
        bias=-2.0,
        weights=weights,
        kinds={kind: {"<bias>": 1.0}},
        lower=frozenset({"the", "rollout", "was", "rushed", "hurried", "by", "again"}),
    )


def test_a_sentence_the_rules_miss_is_flagged_whole_by_the_model() -> None:
    text = "Intro line here.\n\nThe rollout was hurried by Oyinkansola again. Fine now."
    assert Coach(load_rules(), use_model=False).lint(text) == []
    coach = Coach(load_rules(), model=_model({"b:hurried by": 1.5, "w:<cap>": 1.0}, "blame"))
    findings = coach.lint(text)
    assert [(f.text, f.category, f.rule) for f in findings] == [
        ("The rollout was hurried by Oyinkansola again.", "blame", "model-blame")
    ]
    assert findings[0].line == 3 and findings[0].column == 1
    assert findings[0].message and findings[0].suggestion == findings[0].redirects[0]


def test_an_unseen_lower_case_word_reads_as_a_chat_name() -> None:
    coach = Coach(load_rules(), model=_model({"b:<s> <unk>": 3.0}, "blame"))
    assert [f.rule for f in coach.lint("the rollout was rushed")] == []
    assert [f.rule for f in coach.lint("temitope hurried the rollout")] == ["model-blame"]
    names = Coach(load_rules(), model=_model({"b:<s> <name>": 3.0}, "blame"))
    assert [f.rule for f in names.lint("temitope hurried the rollout")] == []
    flagged = names.lint("temitope hurried the rollout", people=("Temitope Kamau",))
    assert [f.rule for f in flagged] == ["model-blame"]  # a participant, in lower case


def test_the_shipped_model_flags_wording_the_rules_miss() -> None:
    sentence = "Honestly the contractor rushed it."
    assert Coach(load_rules(), use_model=False).lint(sentence) == []
    findings = lint(sentence)
    assert [(f.category, f.rule, f.text) for f in findings] == [("blame", "model-blame", sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The deploy was rolled back by the on-call engineer.",
        "Søren restarted the ingest workers and the backlog drained.",
        "Images are lazy-loaded below the fold to keep the first paint fast.",
        "The API returns a user error (HTTP 422) when the tenant id is missing.",
        "The script ran in the wrong execution mode because the default changed.",
        "The night shift escalated to the database team at 02:14.",
        "What made skipping the canary look reasonable at the time?",
    ],
)
def test_neutral_sentences_are_left_alone(sentence: str) -> None:
    assert lint(sentence) == []


def test_a_participant_with_a_non_ascii_name_is_a_person() -> None:
    text = "Łukasz's change broke the login flow for every tenant."
    findings = lint(text, people=("Łukasz Nowak",))
    assert findings and findings[0].category == "blame"


def test_the_model_skips_a_where_we_got_lucky_section() -> None:
    text = "## Where we got lucky\n\n- Honestly they never do that again, I hope.\n"
    assert [f for f in lint(text) if f.rule.startswith("model-")] == []


def test_lint_never_crashes_on_random_unicode() -> None:
    rng = random.Random(20261130)
    alphabet = (
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ  .,;:!?'\"`-*#>|()[]<>\n\t"
        "ØøŁłŻżÉéÜüßçñ王伟김민준ﬁ\u0130\u2019\u2014\u00a0\u200b\ufeff😀"
    )
    words = ["should", "have", "why", "didn't", "he", "team", "Søren", "blame", "could", "of"]
    for _ in range(300):
        pieces = [
            rng.choice(words) if rng.random() < 0.3 else rng.choice(alphabet)
            for _ in range(rng.randint(0, 200))
        ]
        text = "".join(p if len(p) == 1 else f" {p} " for p in pieces)
        for finding in lint(text, people=("Zoë Ørsted",)):
            assert 0 <= finding.start <= finding.end <= len(text)
            assert text[finding.start : finding.end] == finding.text


@pytest.mark.parametrize(
    "sentence",
    [
        "This one is on Ingeborg, she shipped it.",
        "The night shift was asleep at the wheel.",
        "Somebody fat-fingered the subnet mask.",
        "He could of waited for the canary.",
        "They would've seen it if he'd looked at the graph.",
        "In hindsight it's clear the queue was filling up.",
        "How could you miss the disk alert?",
        "Who thought it was a good idea to migrate during peak?",
        "The contractor dropped the ball on the renewal.",
        "The DBA team screwed up the failover.",
        "The cache was flushed without warning by Priyanka.",
        "Søren's change broke the billing export.",
        "Zoë ignored the deploy warning.",
        "łukasz didnt check the replica lag",
        "whyd you restart prod without asking",
        "We need to improve our monitoring.",
    ],
)
def test_the_kinds_of_miss_reported_against_the_coach_are_caught(sentence: str) -> None:
    assert lint(sentence), sentence


def _model_only(weights: dict[str, float]) -> Coach:
    """A coach with the built-in words for people and systems but no rules, so that only
    the model (reading the cues in `weights`) can flag anything."""
    rules = load_rules()
    return Coach(rules.model_copy(update={"rules": []}), model=_cue_model(weights))


def _cue_model(weights: dict[str, float], keep: float = 0.0) -> Model:
    """A model that knows no words, only the cues in `weights`."""
    return Model(
        threshold=0.5,
        bias=-2.0,
        weights=weights,
        kinds={"blame": {"<bias>": 1.0}},
        lower=frozenset({"the", "page", "a", "graph", "checked", "at", "it"}),
        keep=keep,
    )


def test_a_person_subject_generalises_to_names_and_verb_forms_never_seen() -> None:
    coach = _model_only({"sv:person:ignor": 3.0})
    for sentence in (
        "Tsegaye ignored the page.",
        "Oluwaseun ignores the page.",
        "Søren's change ignored the page.",
        "he just ignored the page",
        "王伟 ignored the page.",
    ):
        assert [f.rule for f in coach.lint(sentence)] == ["model-blame"], sentence
    assert coach.lint("The job ignored the page.") == []  # a system did it
    assert coach.lint("We ignored the page.") == []  # the writers' own account


def test_roles_and_teams_are_told_apart_from_systems() -> None:
    coach = _model_only({"sv:role:ignor": 3.0, "sv:team:ignor": 3.0})
    assert coach.lint("The contractor ignored the page.")
    assert coach.lint("The DBA team ignored the page.")
    assert coach.lint("Infra ignored the page.")
    assert coach.lint("The cron job ignored the page.") == []


def test_someone_named_at_the_end_of_a_passive_sentence_is_a_cue() -> None:
    coach = _model_only({"e:by-person": 3.0})
    assert coach.lint("The cache was flushed without warning by Tsegaye.")
    assert coach.lint("The cache was flushed without warning by someone.")
    assert coach.lint("The cache was flushed without warning by the cron job.") == []


def test_should_have_is_read_in_every_spelling() -> None:
    coach = _model_only({"mp:person": 3.0})
    for sentence in (
        "Tsegaye should have checked the graph.",
        "he shouldve checked the graph",
        "She could of checked the graph.",
        "Tsegaye should not have merged it.",
    ):
        assert [f.rule for f in coach.lint(sentence)] == ["model-blame"], sentence
    assert coach.lint("The check should have run at noon.") == []
    assert coach.lint("Tsegaye found mould on the graph.") == []


def test_negation_and_question_forms_are_cues() -> None:
    negation = _model_only({"sn:person": 3.0})
    assert negation.lint("Tsegaye didnt look at the graph")
    assert negation.lint("Tsegaye did not look at the graph.")
    assert negation.lint("Tsegaye failed to look at the graph.")
    assert negation.lint("Tsegaye looked at the graph.") == []
    anywhere = _model_only({"neg:system": 3.0})  # a negation anywhere in the sentence
    for sentence in (
        "The graph wasn't looked at",
        "The graph was looked at, but it isnt clear by whom",
        "The graph never loaded",
        "The graph was checked, it didnt help",
        "The graph was checked and it failed",
    ):
        assert anywhere.lint(sentence), sentence
    for sentence in ("The graph went into the incident", "The graph was checked at noon"):
        assert anywhere.lint(sentence) == [], sentence
    asking = _model_only({"q:why:do?": 3.0})
    assert asking.lint("Why did the on-call skip it?")
    assert asking.lint("Why did the on-call skip it.") == []


def test_a_rule_finding_in_a_sentence_the_model_rules_out_is_dropped() -> None:
    sentence = "In hindsight it's clear the queue was filling up."
    assert Coach(load_rules(), model=_cue_model({})).lint(sentence)
    assert Coach(load_rules(), model=_cue_model({}, keep=0.5)).lint(sentence) == []
    kept = Coach(load_rules(), model=_cue_model({"st:hindsight": 5.0}, keep=0.5))
    assert [f.category for f in kept.lint(sentence)] == ["hindsight"]
    text = f"{sentence}\n\n- Tsegaye should have checked the graph.\n"
    both = Coach(load_rules(), model=_cue_model({}))
    assert [f.category for f in both.lint(text)] == ["hindsight", "counterfactual"]
    one = Coach(load_rules(), model=_cue_model({"mp:person": 5.0}, keep=0.5))
    assert [(f.category, f.line) for f in one.lint(text)] == [("counterfactual", 3)]


def test_the_shipped_weights_are_what_the_build_script_writes(tmp_path: Path) -> None:
    out = tmp_path / "model.txt"
    script = Path(__file__).resolve().parents[2] / "scripts" / "build_coach_model.py"
    subprocess.run(
        [sys.executable, str(script), "--out", str(out)], check=True, capture_output=True
    )
    shipped = resources.files("debrief") / "coach" / "data" / "model.txt"
    assert out.read_text("utf-8") == shipped.read_text("utf-8"), (
        "re-run scripts/build_coach_model.py after changing the corpus or the rules"
    )
