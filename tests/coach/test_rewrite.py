"""Rewrites on findings: a why-question becomes a how/what question, a counterfactual a
question about what was known then."""

from __future__ import annotations

import json

from debrief.coach import lint
from debrief.coach.rewrite import gerund


def rewrites(text: str) -> list[str]:
    return [f.rewrite for f in lint(text)]


def test_why_questions_at_a_person_become_how_and_what_questions() -> None:
    assert rewrites("Why didn't you escalate?") == [
        "What made escalating hard or unlikely at the time?"
    ]
    assert rewrites("why didnt you escalate") == [
        "What made escalating hard or unlikely at the time?"
    ]
    assert rewrites("Why did Priya restart the primary?") == [
        "How did restarting the primary look like the right step at the time?"
    ]
    assert rewrites("Who approved this change?") == [
        "How did this change come to be approved, and what made that look fine then?"
    ]


def test_counterfactuals_become_questions_about_what_was_known() -> None:
    assert rewrites("Priya should have rolled back as soon as the error rate climbed.") == [
        "What did Priya know at the time, and what made rolling back look unnecessary then?"
    ]
    [rewrite] = rewrites("The on-call should have escalated sooner.")
    assert rewrite.startswith("What did the on-call know at the time")
    assert rewrites("Kasia could of stopped it.") == [
        "What did Kasia know at the time, and what made stopping it look unnecessary then?"
    ]


def test_other_findings_have_no_rewrite_and_json_carries_it(cli) -> None:  # type: ignore[no-untyped-def]
    assert rewrites("It was human error.") == [""]
    result = cli("lint", "-", "--json", input="Why didn't you escalate?")
    [finding] = json.loads(result.stdout)
    assert finding["rewrite"] == "What made escalating hard or unlikely at the time?"


def test_gerunds() -> None:
    pairs = {
        "escalated": "escalating", "stopped": "stopping", "rolled": "rolling",
        "paused": "pausing", "notified": "notifying", "caught": "catching",
        "run": "running", "check": "checking", "escalate": "escalating", "known": "knowing",
    }  # fmt: skip
    assert {verb: gerund(verb) for verb in pairs} == pairs
