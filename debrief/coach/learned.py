"""Findings from the learned model, which decides for every sentence whether it is worth a
redirect: a sentence no rule matched is reported whole when its score passes the model's
threshold (with the kind's explanation and redirects); the rules' findings in a sentence
the model scores below its keep level are dropped. The rules still say which words were
flagged and why."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from debrief.coach.finding import Finding

if TYPE_CHECKING:
    from debrief.coach.model import Model
    from debrief.coach.run import Run

_LUCKY = re.compile(r"\b(?:lucky|luckily|fortunately|thankfully)\b", re.I)
_LUCK_PARTS = ("uck", "UCK", "ortun", "ORTUN", "hankf", "HANKF")
"""Cheap tests before the case-blind search of a whole document for luck."""
_EDGE = re.compile(r"[\s>*+\-#|]*(?:\d+[.)]\s+)?(?:\[[ xX]\]\s*)?")
_MIN_WORDS = 3
_MAX_CHARS = 600
"""Longer sentences are left to the rules (tables, run-on lists)."""


def learned_findings(
    context: Run, findings: list[Finding], names: frozenset[str], model: Model | None = None
) -> list[Finding]:
    """`findings` less those in sentences the model scores below its keep level, plus one
    for each sentence the model flags and no finding touches (`model` is the shipped one
    unless given)."""
    if model is None:
        from debrief.coach.model import load

        model = load()
    masked = context.masked
    if model is None or not masked.strip():
        return findings
    from debrief.coach.cues import lexicon_of
    from debrief.coach.model import KINDS, REDIRECTS, WHY

    lexicon = lexicon_of(context.coach)

    taken = sorted((f.start, f.end) for f in findings)
    ordered = sorted(findings, key=lambda f: f.start)
    finding_starts = [f.start for f in ordered]
    hit_at = [h[0] for h in context.hits]
    lucky = any(part in masked for part in _LUCK_PARTS) and _LUCKY.search(masked) is not None
    added: list[Finding] = []
    dropped: set[int] = set()
    begin = k = 0
    if context._bounds is None:
        context._sentence(0, 0)  # the run's sentence ends, found once for rules and model
    ends = [*(context._bounds or ()), (len(masked), len(masked))]
    for stop, next_begin in ends:
        start, begin = begin, next_begin
        mark = masked[stop] if stop < len(masked) and masked[stop] in ".?!" else ""
        span = _trimmed(masked, start, stop)
        if span is None:
            continue
        start, stop = span
        if stop - start > _MAX_CHARS:
            continue
        while k < len(taken) and taken[k][1] <= start:
            k += 1  # findings never overlap, so their ends are in order too
        touched = k < len(taken) and taken[k][0] < stop
        if touched and model.keep <= 0:
            continue
        if not touched and masked.count(" ", start, stop) < _MIN_WORDS - 1:
            continue
        sentence = masked[start:stop] + mark
        lo, hi = bisect_left(hit_at, start), bisect_left(hit_at, stop)
        hits = tuple(c for _, cats in context.hits[lo:hi] for c in cats)
        score = model.sentence_score(sentence, names, hits, lexicon)
        if touched:
            if score < model.keep:
                first = bisect_left(finding_starts, start)
                last = bisect_left(finding_starts, stop + 1)
                dropped.update(id(f) for f in ordered[first:last])
            continue
        if score < model.threshold:
            continue
        line_start = masked.rfind("\n", 0, start) + 1
        if masked[line_start:start].lstrip().startswith("|"):
            continue  # a table cell: names, times and labels, not sentences
        if lucky and (_LUCKY.search(sentence) or context._under_lucky_heading(start)):
            continue
        kind = model.kind(sentence, names, hits, lexicon)
        if kind not in KINDS:
            continue
        added.append(context.finding_at(start, stop + len(mark), kind, WHY[kind], REDIRECTS[kind]))
    if dropped:
        findings = [f for f in findings if id(f) not in dropped]
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
