"""Merging two versions of a section that were edited from the same revision.

A three-way merge against the revision both people started from (the *base*):
a change only one side made is taken silently, the same change made by both is
taken once, and only where both changed the same lines differently is there a
conflict, marked in the text for a person to settle by hand::

    <<<<<<< yours
    what you wrote
    =======
    what they wrote
    >>>>>>> theirs (ben)

The line matching is `merge3` (the three-way merge of Breezy, on difflib).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import cast

from merge3 import Merge3

from debrief.literal import clean

YOURS_MARKER = "<<<<<<< yours"
MIDDLE_MARKER = "======="
THEIRS_MARKER = ">>>>>>> theirs"


@dataclass(frozen=True)
class Merged:
    """The merged text and how many places in it still need a person."""

    text: str
    conflicts: int


def _lines(text: str) -> list[str]:
    # split on "\n" rather than splitlines(): joining with "\n" gives the text back
    # exactly, trailing newline or not, so a side taken whole is that side verbatim
    return text.split("\n")


def merge_three(base: str | None, mine: str, theirs: str, theirs_by: str = "") -> Merged:
    """Merge `mine` and `theirs`, both edited from `base`.

    With no base (the revision log cannot say where the edits started) every line
    the two sides do not share is treated as changed by both, so nothing is
    combined silently: the differing parts become conflicts and the shared lines
    appear once.
    """
    if mine == theirs:
        return Merged(mine, 0)
    if base is not None:
        if mine == base:
            return Merged(theirs, 0)
        if theirs == base:
            return Merged(mine, 0)
    a, b = _lines(mine), _lines(theirs)
    merger = Merge3(_lines(base) if base is not None else [], a, b)
    label = clean(theirs_by, single_line=True)
    end_marker = f"{THEIRS_MARKER} ({label})" if label else THEIRS_MARKER
    out: list[str] = []
    conflicts = 0
    for region in merger.reprocess_merge_regions(merger.merge_regions()):
        what = region[0]
        if what == "unchanged":
            out += merger.base[region[1] : region[2]]
        elif what in ("a", "same"):
            out += a[region[1] : region[2]]
        elif what == "b":
            out += b[region[1] : region[2]]
        else:  # "conflict": both changed these lines, differently
            a0, a1, b0, b1 = cast("tuple[int, int, int, int]", region[3:7])
            conflicts += 1
            out += [YOURS_MARKER, *a[a0:a1], MIDDLE_MARKER, *b[b0:b1], end_marker]
    return Merged("\n".join(out), conflicts)


def has_conflict_markers(text: str) -> bool:
    """Whether a merge still has a conflict someone has not settled."""
    lines = _lines(text)
    return YOURS_MARKER in lines and any(line.startswith(THEIRS_MARKER) for line in lines)


def _follow_offset(old: str, new: str, offset: int) -> int:
    """Where character offset `offset` of `old` is in `new`: beside the same text."""
    for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(
        None, old, new, autojunk=False
    ).get_opcodes():
        if tag == "equal" and a0 <= offset <= a1:
            return b0 + offset - a0  # at the end of a kept run, stay after it
        if tag in ("replace", "delete") and a0 <= offset < a1:
            return b0 + min(offset - a0, b1 - b0)
    return len(new)


def follow_location(old: str, new: str, location: tuple[int, int]) -> tuple[int, int]:
    """Where a cursor at (row, column) of `old` belongs once the text is `new`.

    Lines are matched first, so a cursor on a line nobody touched keeps its
    column on that line wherever the line moved; on a changed line the cursor is
    matched character by character and stays beside the same text.
    """
    old_lines, new_lines = _lines(old), _lines(new)
    row = min(max(location[0], 0), len(old_lines) - 1)
    column = min(max(location[1], 0), len(old_lines[row]))
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if not a0 <= row < a1:
            continue
        if tag == "equal":
            return b0 + row - a0, column
        if b0 == b1:  # the cursor's lines were deleted: where they were
            b0 = min(b0, len(new_lines) - 1)
            return b0, 0
        old_block = "\n".join(old_lines[a0:a1])
        new_block = "\n".join(new_lines[b0:b1])
        offset = sum(len(line) + 1 for line in old_lines[a0:row]) + column
        moved = _follow_offset(old_block, new_block, offset)
        before = new_block[:moved].split("\n")
        return b0 + len(before) - 1, len(before[-1])
    last = len(new_lines) - 1
    return last, len(new_lines[last])


def diff_lines(old: str, new: str) -> list[tuple[str, str]]:
    """A readable line diff: (kind, line) with kind '+', '-', ' ' or '@'."""
    lines: list[tuple[str, str]] = []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=2):
        if line.startswith(("---", "+++")):
            continue
        kind = line[:1] if line[:1] in "+- @" else " "
        lines.append((kind, line[1:] if kind != "@" else line))
    return lines
