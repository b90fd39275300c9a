"""Every built-in rule, with wording it must flag and near-misses it must leave alone."""

from __future__ import annotations

import pytest

from debrief.coach import coach_for, lint
from tests.coach.rule_examples import EXAMPLES


def rules_found(text: str) -> set[str]:
    return {f.rule for f in lint(text)}


def flagged_examples() -> list[tuple[str, str]]:
    """(rule, sentence) it must flag: this file's examples, the verb families', and the
    wording rules' (with the sentences older rules must still flag)."""
    from tests.coach.test_families import EXAMPLES as FAMILIES
    from tests.coach.test_rules_wording import EXAMPLES as WORDING
    from tests.coach.test_rules_wording import STILL_FLAGGED

    every = [*EXAMPLES.items(), *FAMILIES.items(), *WORDING.items()]
    return [(rule, text) for rule, (yes, _) in every for text in yes] + [
        (rule, text) for rule, texts in STILL_FLAGGED.items() for text in texts
    ]


def left_alone_examples() -> list[tuple[str, str]]:
    """(rule, sentence) it must leave alone: the hard negatives of the same files."""
    from tests.coach.test_families import EXAMPLES as FAMILIES
    from tests.coach.test_rules_wording import EXAMPLES as WORDING
    from tests.coach.test_rules_wording import LEFT_ALONE

    every = [*EXAMPLES.items(), *FAMILIES.items(), *WORDING.items()]
    return [(rule, text) for rule, (_, no) in every for text in no] + [
        (rule, text) for rule, texts in LEFT_ALONE.items() for text in texts
    ]


@pytest.mark.parametrize(("rule", "text"), flagged_examples())
def test_rule_flags(rule: str, text: str) -> None:
    assert rule in rules_found(text), f"{rule} should flag: {text}"


@pytest.mark.parametrize(("rule", "text"), left_alone_examples())
def test_rule_leaves_alone(rule: str, text: str) -> None:
    assert rule not in rules_found(text), f"{rule} should not flag: {text}"


def test_every_built_in_rule_has_examples() -> None:
    from tests.coach.test_families import EXAMPLES as FAMILIES
    from tests.coach.test_rules_wording import EXAMPLES as WORDING

    ids = {r.id for r in coach_for().rules.rules}
    expected = set(EXAMPLES) | set(FAMILIES) | set(WORDING)
    assert (
        ids - {"vague-action", "vague-ensure", "vague-investigation"} == expected
    )  # see test_context


def test_every_rule_explains_itself_and_offers_a_question() -> None:
    for rule in coach_for().rules.rules:
        assert rule.why and "\n" not in rule.why, rule.id
        assert rule.redirects and all(q.endswith("?") for q in rule.redirects), rule.id
