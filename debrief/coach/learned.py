"""Findings from the learned model: sentences no rule matched whose score passes the
model's threshold, reported whole, with the kind's explanation and redirects."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from debrief.coach.finding import Finding

if TYPE_CHECKING:
    from debrief.coach.model import Model
    from debrief.coach.run import Run

_LUCKY = re.compile(r"\b(?:lucky|luckily|fortunately|thankfully)\b", re.I)
_EDGE = re.compile(r"[\s>*+\-#|]*(?:\d+[.)]\s+)?(?:\[[ xX]\]\s*)?")
_MIN_WORDS = 3
_MAX_CHARS = 600
"""Longer sentences are left to the rules (tables, run-on lists)."""


def learned_findings(
    context: Run, findings: list[Finding], names: frozenset[str], model: Model | None = None
) -> list[Finding]:
    """`findings` plus one for each sentence the model flags and no finding touches
    (`model` is the shipped one unless given)."""
    if model is None:
        from debrief.coach.model import load

        model = load()
    masked = context.masked
    if model is None or not masked.strip():
        return findings
    from debrief.coach.model import KINDS, REDIRECTS, WHY
    from debrief.coach.run import _SENTENCE_END

    taken = sorted((f.start, f.end) for f in findings)
    starts = [t[0] for t in taken]
    hit_at = [h[0] for h in context.hits]
    lucky = _LUCKY.search(masked) is not None
    added: list[Finding] = []
    begin = 0
    ends = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(masked)]
    ends.append((len(masked), len(masked)))
    for stop, next_begin in ends:
        start, begin = begin, next_begin
        mark = masked[stop] if stop < len(masked) and masked[stop] in ".?!" else ""
        span = _trimmed(masked, start, stop)
        if span is None:
            continue
        start, stop = span
        if stop - start > _MAX_CHARS or _touched(taken, starts, start, stop):
            continue
        sentence = masked[start:stop] + mark
        if sentence.count(" ") < _MIN_WORDS - 1:
            continue
        lo, hi = bisect_left(hit_at, start), bisect_left(hit_at, stop)
        hits = tuple(c for _, cats in context.hits[lo:hi] for c in cats)
        if model.sentence_score(sentence, names, hits) < model.threshold:
            continue
        line_start = masked.rfind("\n", 0, start) + 1
        if masked[line_start:start].lstrip().startswith("|"):
            continue  # a table cell: names, times and labels, not sentences
        if lucky and (_LUCKY.search(sentence) or context._under_lucky_heading(start)):
            continue
        kind = model.kind(sentence, names, hits)
        if kind not in KINDS:
            continue
        added.append(context.finding_at(start, stop + len(mark), kind, WHY[kind], REDIRECTS[kind]))
    if not added:
        return findings
    return sorted([*findings, *added], key=lambda f: f.start)


def _trimmed(masked: str, start: int, stop: int) -> tuple[int, int] | None:
    """[start, stop) without leading list marks and surrounding blanks."""
    edge = _EDGE.match(masked, start, stop)
    if edge is not None:
        start = edge.end()
    while stop > start and masked[stop - 1].isspace():
        stop -= 1
    return (start, stop) if stop > start else None


def _touched(taken: list[tuple[int, int]], starts: list[int], start: int, stop: int) -> bool:
    """Does a finding overlap [start, stop)?"""
    index = bisect_left(starts, stop)
    return any(end > start for _, end in taken[max(0, index - 3) : index])
