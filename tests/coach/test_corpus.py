"""The coach on its development corpus: scores on the test split never fall.

The test split (a fixed third of tests/coach/corpus, chosen by a hash of each sentence)
is measured, never tuned on. The floors below are the scores it reached when they were
written (rounded down); the scores themselves are computed here from the corpus.
"""

from __future__ import annotations

import pytest

from tests.coach.corpus import CATEGORIES, evaluate, load, render

FLOOR_OVERALL = (0.89, 0.55)  # precision, recall
FLOOR_REAL = (0.76, 0.37)
FLOOR_RECALL = {
    "person": 0.47, "team": 0.41, "character": 0.61, "human-error": 0.78,
    "counterfactual": 0.54, "hindsight": 0.50, "why-question": 0.66, "vague-action": 0.56,
}  # fmt: skip
FLOOR_PRECISION = {
    "blame": 0.87, "character": 0.83, "counterfactual": 0.93, "hindsight": 0.72,
    "human-error": 0.88, "vague-action": 0.91, "why-question": 1.00,
}  # fmt: skip
"""Precision by the kind the coach reported (naming a person or a team is "blame").
Measured on the corpus grown to 5,335 sentences (1,856 in the test split): 1,371 more
real sentences (news reports, inquiries and forum threads about outages) and 1,456 more
written ones, much harder than the earlier ones. On the 865 test sentences of the corpus
as it was before that, the coach scores 0.944 / 0.779 (it scored 0.924 / 0.713 there
before the subject detector, verb families and the model's cues); on the 991 new ones,
0.862 / 0.447."""
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
    assert report.overall.precision >= 0.97 and report.overall.recall >= 0.75


@pytest.mark.xfail(strict=True, reason="below the target: 0.898 / 0.556 on the test split")
def test_the_target_on_the_test_split() -> None:
    """The coach's target; strict, so reaching it turns this test red until the mark goes."""
    report = evaluate(load("test"))
    assert report.overall.precision >= TARGET[0] and report.overall.recall >= TARGET[1]
    assert all(score.recall >= 0.8 for score in report.recall_by_category.values())
