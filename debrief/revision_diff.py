"""What one revision changed, as a diff a person can read (difflib), for `debrief history`.

Cutting old and new to a fixed width hid edits near the end of a long value (both
cut-offs read the same); a diff shows where the change is, whatever the length:

- a one-line value (a title, a date, a name) as an inline word diff with a few words
  of context: `… paused the [-deploy-]{+rollout+} at 14:05 …`;
- a longer text (a section body) as the changed lines with two lines of context.
"""

from __future__ import annotations

import difflib
import json
import re

from debrief.literal import clean
from debrief.merge import diff_lines

CONTEXT_WORDS = 4
"""Words kept on each side of an inline change; longer unchanged runs become `…`."""
_TOKENS = re.compile(r"\s+|\S+")

Segment = tuple[str, str]
"""(kind, text): kind " " unchanged, "-" removed, "+" added, "…" words left out."""


def as_text(value: object) -> str:
    """A stored old or new value as text: strings as they are, other JSON as JSON."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def inline_diff(old: str, new: str, context: int = CONTEXT_WORDS) -> list[Segment]:
    """Word by word, what changed between two one-line values, with `context` words around."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    segments: list[Segment] = []
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            segments += _kept(a[i1:i2], context, index == 0, index == len(opcodes) - 1)
            continue
        if i2 > i1:
            segments.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            segments.append(("+", "".join(b[j1:j2])))
    return [(kind, clean(text)) for kind, text in segments]


def _kept(tokens: list[str], context: int, first: bool, last: bool) -> list[Segment]:
    """An unchanged run: whole when short, else its ends next to the changes and `…`."""
    words = [i for i, t in enumerate(tokens) if not t.isspace()]
    keep_before = 0 if first else context  # words after the previous change
    keep_after = 0 if last else context  # words before the next change
    if (first and last) or len(words) <= keep_before + keep_after + 1:
        return [(" ", "".join(tokens))]
    out: list[Segment] = []
    if keep_before:
        out.append((" ", "".join(tokens[: words[keep_before - 1] + 1]) + " "))
    out.append(("…", "…"))
    if keep_after:
        out.append((" ", " " + "".join(tokens[words[len(words) - keep_after] :])))
    return out


def revision_diff(old: object, new: object) -> tuple[str, list[Segment]]:
    """("inline", segments) for one-line values, ("lines", (kind, line)...) for texts."""
    old_text, new_text = as_text(old), as_text(new)
    if "\n" not in old_text and "\n" not in new_text:
        return "inline", inline_diff(old_text, new_text)
    lines = diff_lines(old_text, new_text)
    return "lines", [(kind, clean(line)) for kind, line in lines]
