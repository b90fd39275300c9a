"""The coach on its development corpus: scores on the test split never fall.

The test split (a fixed third of tests/coach/corpus, chosen by a hash of each sentence)
is measured, never tuned on. The floors below are the scores it reached when they were
written (rounded down); the scores themselves are computed here from the corpus.
"""

from __future__ import annotations

import pytest

from tests.coach.corpus import CATEGORIES, evaluate, load, render

FLOOR_OVERALL = (0.90, 0.50)  # precision, recall
FLOOR_REAL = (0.80, 0.37)
FLOOR_RECALL = {
    "person": 0.42, "team": 0.38, "character": 0.53, "human-error": 0.74,
    "counterfactual": 0.61, "hindsight": 0.45, "why-question": 0.51, "vague-action": 0.53,
}  # fmt: skip
FLOOR_PRECISION = {
    "blame": 0.88, "character": 0.86, "counterfactual": 0.91, "hindsight": 0.77,
    "human-error": 0.86, "vague-action": 0.96, "why-question": 0.95,
}  # fmt: skip
"""Precision by the kind the coach reported (naming a person or a team is "blame").
Measured on the corpus grown to 9,419 sentences (3,241 in the test split): 2,387 more
real sentences (1,408 of them every prose sentence of 64 whole post-mortems) and 1,697
more written ones. On the 1,856 test sentences of the corpus as it was before that, the
coach scores 0.907 / 0.560 (0.898 / 0.556 before); on the 1,385 new ones, 0.899 / 0.419."""
TARGET = (0.95, 0.90)
"""What the coach is for: precision and recall on text it never saw, every kind at 0.80."""
BEFORE = (0.762, 0.352)
"""Precision and recall on the test split before the corpus was used for anything."""
BEFORE_PEOPLE_RULES = (0.932, 0.694)
"""The same on the grown corpus (1,252 sentences) before the third rule file."""


def test_the_corpus_is_big_real_and_split_for_good() -> None:
    rows = load()
    assert len(rows) >= 2500
    assert sum(r.real for r in rows) / len(rows) >= 0.4
    assert all(r.source for r in rows)
    assert len({r.text for r in rows}) == len(rows), "duplicate sentences"
    test = load("test")
    assert 0.25 <= len(test) / len(rows) <= 0.42
    assert {r.category for r in test if r.wanted} == set(CATEGORIES)
    assert all(r.split == "test" for r in test)


def test_scores_on_the_test_split_do_not_fall(capsys) -> None:  # type: ignore[no-untyped-def]
    report = evaluate(load("test"))
    with capsys.disabled():
        print(f"\ncoach on the test split (before: precision {BEFORE[0]}, recall {BEFORE[1]};")
        print(f"before the third rule file: {BEFORE_PEOPLE_RULES[0]}, {BEFORE_PEOPLE_RULES[1]})")
        print(render(report))
    # Numbers only, computed before asserting: a failing assertion shows the values it
    # compared, and the test split's sentences are never shown, so nobody tunes on them.
    scores = {
        "precision": report.overall.precision,
        "recall": report.overall.recall,
        "real precision": report.real.precision,
        "real recall": report.real.recall,
        **{f"recall {c}": s.recall for c, s in report.recall_by_category.items()},
        **{f"precision {c}": s.precision for c, s in report.precision_by_category.items()},
    }
    floors = {
        "precision": FLOOR_OVERALL[0],
        "recall": FLOOR_OVERALL[1],
        "real precision": FLOOR_REAL[0],
        "real recall": FLOOR_REAL[1],
        **{f"recall {c}": f for c, f in FLOOR_RECALL.items()},
        **{f"precision {c}": f for c, f in FLOOR_PRECISION.items()},
    }
    below = {
        name: round(scores.get(name, 0.0), 3)
        for name, f in floors.items()
        if scores.get(name, 0.0) < f
    }
    assert not below, f"below the floors: {below}"


def test_dev_split_is_where_tuning_happens() -> None:
    report = evaluate(load("dev"))
    # 2,678 of the 6,178 dev sentences are new to the rules (see build_coach_model.py)
    assert report.overall.precision >= 0.97 and report.overall.recall >= 0.68


@pytest.mark.xfail(strict=True, reason="below the target: 0.904 / 0.507 on the test split")
def test_the_target_on_the_test_split() -> None:
    """The coach's target; strict, so reaching it turns this test red until the mark goes."""
    report = evaluate(load("test"))
    assert report.overall.precision >= TARGET[0] and report.overall.recall >= TARGET[1]
    assert all(score.recall >= 0.8 for score in report.recall_by_category.values())
