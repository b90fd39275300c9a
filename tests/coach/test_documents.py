"""Real post-mortems (tests/coach/documents/, licences in LICENSES.md there): the coach
raises at most one false alarm per document. Every finding on them was read and judged;
the ones judged right are listed in judged.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from debrief.coach import lint

FOLDER = Path(__file__).parent / "documents"
DOCUMENTS = sorted(FOLDER.glob("*.md"))


def _judged() -> set[tuple[str, int, str]]:
    right = set()
    for row in (FOLDER / "judged.txt").read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            document, line, kind = (part.strip() for part in row.split("|"))
            right.add((document, int(line), kind))
    return right


JUDGED = _judged()


def test_the_documents_and_their_judgements_are_there() -> None:
    assert len(DOCUMENTS) >= 25
    names = {path.name for path in DOCUMENTS}
    assert {document for document, _, _ in JUDGED} <= names


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
def test_at_most_one_false_alarm_per_real_post_mortem(path: Path) -> None:
    findings = lint(path.read_text(encoding="utf-8"))
    alarms = [
        f"{f.line}: {f.category}: {f.text!r}"
        for f in findings
        if (path.name, f.line, f.category) not in JUDGED
    ]
    assert len(alarms) <= 1, alarms
