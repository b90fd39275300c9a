"""A first merge of two versions of a text, for a person to finish by hand.

difflib lines the two versions up; where they agree the text is kept once, where
they differ both sides are kept (theirs first), so nothing either person wrote is
dropped before someone decides.
"""

from __future__ import annotations

import difflib


def merge_both(theirs: str, mine: str) -> str:
    ours = theirs.splitlines(keepends=True)
    yours = mine.splitlines(keepends=True)
    if ours and not ours[-1].endswith("\n"):
        ours[-1] += "\n"
    if yours and not yours[-1].endswith("\n"):
        yours[-1] += "\n"
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=ours, b=yours, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            out += ours[a0:a1]
        else:
            out += ours[a0:a1]
            out += [line for line in yours[b0:b1] if line not in ours[a0:a1]]
    text = "".join(out)
    return text if theirs.endswith("\n") or mine.endswith("\n") else text.removesuffix("\n")


def diff_lines(old: str, new: str) -> list[tuple[str, str]]:
    """A readable line diff: (kind, line) with kind '+', '-', ' ' or '@'."""
    lines: list[tuple[str, str]] = []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=2):
        if line.startswith(("---", "+++")):
            continue
        kind = line[:1] if line[:1] in "+- @" else " "
        lines.append((kind, line[1:] if kind != "@" else line))
    return lines
