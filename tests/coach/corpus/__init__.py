"""The coach's development corpus: labelled sentences, split once into dev and test.

Each line of real.txt and written.txt is `LABEL | CATEGORY | SOURCE | SENTENCE`. The split
is fixed by a hash of the sentence (about a third goes to test), so adding sentences never
moves old ones between splits. Rules are tuned on dev only; test is measured, never read. The dev sentences below
a file's `# == calibration` line are new to the rules: the model's operating point is
chosen on them.

Run `python -m tests.coach.corpus [dev|test|all] [-v]` for the numbers and the misses.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
FILES = ("real.txt", "written.txt")
CALIBRATION = "# == calibration"
"""The line after which a file's sentences are new to the rules (see build_coach_model.py)."""
CATEGORIES = (
    "person", "team", "character", "human-error", "counterfactual", "hindsight",
    "why-question", "vague-action",
)  # fmt: skip
GROUP = {"person": "blame", "team": "blame"}
"""Gold categories as the coach reports them: naming a person or a team is blame."""
FOUND_AS = {
    "counterfactual": "counterfactual", "hindsight": "hindsight", "character": "character",
    "human-error": "human-error", "why-question": "why-question",
    "vague-remediation": "vague-action", "blame": "blame", "omission": "blame",
    "judgement": "blame", "animated": "blame",
}  # fmt: skip


@dataclass(frozen=True)
class Sentence:
    wanted: bool
    category: str
    source: str
    text: str
    calibration: bool = False
    """Below the file's `# == calibration` line: added after the rules were last written."""

    @property
    def real(self) -> bool:
        return self.source != "written"

    @property
    def split(self) -> str:
        digest = hashlib.sha256(self.text.encode("utf-8")).digest()
        return "test" if digest[0] % 3 == 0 else "dev"


def load(split: str = "all") -> list[Sentence]:
    rows: list[Sentence] = []
    for name in FILES:
        calibration = False
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            calibration = calibration or line.startswith(CALIBRATION)
            if not line.strip() or line.startswith("#"):
                continue
            label, category, source, text = (p.strip() for p in line.split(" | ", 3))
            assert label in ("B", "F"), line
            assert (category in CATEGORIES) if label == "B" else category == "-", line
            sentence = Sentence(label == "B", category, source, text, calibration)
            if split in ("all", sentence.split):
                rows.append(sentence)
    return rows


@dataclass
class Score:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    misses: list[str] = field(default_factory=list, repr=False)
    alarms: list[str] = field(default_factory=list, repr=False)
    """Never in the repr: a failing assertion on a test-split score would show them."""

    @property
    def precision(self) -> float:
        flagged = self.true_pos + self.false_pos
        return self.true_pos / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_pos + self.false_neg
        return self.true_pos / wanted if wanted else 1.0


@dataclass
class Report:
    overall: Score
    real: Score
    recall_by_category: dict[str, Score]
    precision_by_category: dict[str, Score]
    size: Counter[str]


def evaluate(rows: list[Sentence]) -> Report:
    """Sentence-level scores: a sentence counts as flagged when the coach finds anything."""
    from debrief.coach import lint

    overall, real = Score(), Score()
    by_gold = {c: Score() for c in CATEGORIES}
    by_found: dict[str, Score] = {}
    for row in rows:
        findings = lint(row.text)
        scores = [overall, real] if row.real else [overall]
        if row.wanted:
            scores.append(by_gold[row.category])
        for score in scores:
            if findings and row.wanted:
                score.true_pos += 1
            elif findings:
                score.false_pos += 1
                score.alarms.append(row.text)
            elif row.wanted:
                score.false_neg += 1
                score.misses.append(row.text)
        if findings:
            found = FOUND_AS.get(findings[0].category, "blame")
            score = by_found.setdefault(found, Score())
            gold = GROUP.get(row.category, row.category)
            if row.wanted and gold == found:
                score.true_pos += 1
            elif not row.wanted:
                score.false_pos += 1
                score.alarms.append(row.text)
            # a blaming sentence found under another kind counts for neither
    size = Counter("B" if r.wanted else "F" for r in rows)
    size["real"] = sum(1 for r in rows if r.real)
    return Report(overall, real, by_gold, by_found, size)


def render(report: Report, verbose: bool = False) -> str:
    o, r = report.overall, report.real
    lines = [
        f"{report.size['B'] + report.size['F']} sentences ({report.size['B']} to flag, "
        f"{report.size['real']} from real documents)",
        f"overall: precision {o.precision:.3f}, recall {o.recall:.3f}",
        f"real:    precision {r.precision:.3f}, recall {r.recall:.3f}",
    ]
    for name, score in report.recall_by_category.items():
        wanted = score.true_pos + score.false_neg
        lines.append(f"  recall {name:<15} {score.recall:.2f} ({score.true_pos}/{wanted})")
    for name, score in sorted(report.precision_by_category.items()):
        flagged = score.true_pos + score.false_pos
        lines.append(f"  precision {name:<12} {score.precision:.2f} (of {flagged} flagged)")
    if verbose:
        lines += ["", "missed:", *(f"  {m}" for m in o.misses)]
        lines += ["", "false alarms:", *(f"  {a}" for a in o.alarms)]
    return "\n".join(lines)
