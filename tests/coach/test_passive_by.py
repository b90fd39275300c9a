"""A sentence that ends on the person who did it ("… by Nalani") is blame when it also
says the act did harm or went around a safeguard; the same shape in a timeline ("the
fix was deployed by Priya at 10:05") is left alone."""

from __future__ import annotations

import pytest

from debrief.coach import Coach, load_rules


@pytest.fixture(scope="module")
def rules_only() -> Coach:
    return Coach(load_rules(), use_model=False)


@pytest.mark.parametrize(
    "sentence",
    [
        "The index was dropped during the lunch peak by Folasade.",
        "The firewall rules were edited by hand on the primary by Grzegorz.",
        "The migration was run in production without a dry run by Ikaika.",
        "The certificate was removed from the vault, despite the warning in the ticket, by Marisol.",
        "All customers' sessions were wiped when the cache was flushed by Tadashi.",
        "The canary was skipped again by Oluwadamilare.",
    ],
)
def test_harm_or_a_skipped_safeguard_ending_on_the_person_is_blame(
    rules_only: Coach, sentence: str
) -> None:
    findings = rules_only.lint(sentence)
    assert [f.category for f in findings] == ["blame"], sentence
    assert findings[0].text.endswith(sentence.rstrip(".").split()[-1])  # on the person


@pytest.mark.parametrize(
    "sentence",
    [
        "The fix was deployed by Priya at 10:05.",
        "The rollback was approved by Sam.",
        "The broken node was restarted by Tom at 03:10.",
        "The wrong flag was flipped back by Ana at 10:20.",
        "The new index was created by the migration during the night.",
        "The stale sessions were deleted by the cleanup job as planned.",
        "The incident was declared by Maria when the error rate passed 5%.",
    ],
)
def test_the_same_shape_in_a_timeline_is_left_alone(rules_only: Coach, sentence: str) -> None:
    assert rules_only.lint(sentence) == []
