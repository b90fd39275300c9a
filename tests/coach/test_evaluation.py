"""Precision and recall on a labelled set of sentences (labelled.txt, beside this file)."""

from __future__ import annotations

from pathlib import Path

from debrief.coach import lint

LABELLED = Path(__file__).with_name("labelled.txt")


def load() -> list[tuple[bool, str]]:
    rows = []
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, text = line.split(" | ", 1)
        assert label in ("B", "F"), line
        rows.append((label == "B", text))
    return rows


def test_the_labelled_set_is_big_and_balanced() -> None:
    rows = load()
    redirect = sum(1 for wanted, _ in rows if wanted)
    assert len(rows) >= 300
    assert 0.4 <= redirect / len(rows) <= 0.6
    assert len({text for _, text in rows}) == len(rows), "duplicate sentences"


def test_precision_and_recall(capsys) -> None:  # type: ignore[no-untyped-def]
    true_pos = false_pos = false_neg = 0
    misses, alarms = [], []
    for wanted, text in load():
        found = bool(lint(text))
        if found and wanted:
            true_pos += 1
        elif found:
            false_pos += 1
            alarms.append(text)
        elif wanted:
            false_neg += 1
            misses.append(text)
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    with capsys.disabled():
        print(f"\ncoach: precision {precision:.3f}, recall {recall:.3f} on {len(load())} sentences")
    assert precision >= 0.9, f"false alarms: {alarms}"
    assert recall >= 0.85, f"missed: {misses}"
