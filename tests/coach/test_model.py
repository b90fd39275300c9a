"""The learned model: loaded only when a lint needs it, flags wording no rule matches,
leaves neutral sentences alone, and never crashes on any text."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from debrief.coach import Coach, lint, load_rules


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


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Honestly the team rushed it.", "blame"),
        ("I hope they never do that again.", "blame"),
        ("The platform team could have done this themselves.", "counterfactual"),
    ],
)
def test_the_model_flags_wording_the_rules_miss(sentence: str, kind: str) -> None:
    assert Coach(load_rules(), use_model=False).lint(sentence) == []
    findings = lint(sentence)
    assert [f.category for f in findings] == [kind]
    assert findings[0].rule == f"model-{kind}"
    assert findings[0].message and findings[0].redirects
    assert findings[0].text == sentence


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
