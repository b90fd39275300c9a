"""Which trigger words a rule's pattern can start with, read from its source.

A rule's triggers are shared by all its patterns, but most patterns start with only
some of them (`did\\s+(?:a|an)\\s+…` never matches where "were" is). Trying a pattern
only at the triggers it can start with keeps each trigger's combined expression short,
which is most of the cost of linting. When the start can't be read with certainty
(a character class, an optional first group, a lookbehind), the pattern is tried at
every trigger of its rule, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_WORD = re.compile(r"[a-z]+")
_ENDS = ("\\s", "\\b", "'", "-", "(?=", "(?!", "\\W")
"""What may follow a pattern's first word for that word to be whole (or, with "'" and
"-", the part before an apostrophe or hyphen, which is how triggers are keyed)."""


def first_words(source: str) -> set[str] | None:
    """The words `source` must start with (lower case, as triggers are keyed), or None
    when that can't be told."""
    if source.startswith("(?:"):
        close = _closing(source, 0)
        if close < 0 or source[close + 1 : close + 2] in ("?", "*", "{", "+"):
            return None
        words: set[str] = set()
        for piece in _top_level(source[3:close]):
            word = _lead(piece)
            if word is None:
                return None
            words.add(word)
        return words
    word = _lead(source)
    return {word} if word is not None else None


def _lead(piece: str) -> str | None:
    """The whole first word of `piece`, or None."""
    match = _WORD.match(piece.lower())
    if match is None:
        return None
    word, after = match.group(), piece[match.end() :]
    if after and not after.startswith(_ENDS):
        return None  # fail(?:ed|s)?, runs?, ignor(?:es|ing): the word goes on
    if after.startswith("'"):
        rest = after[1:].removeprefix("?")
        if word.endswith("n") and rest.startswith("t"):
            return word[:-1]  # didn't, didn'?t, didnt: keyed as "did"
        if after.startswith("'?") and not rest.startswith("ve"):
            return None  # why'?d: "whyd" is a word of its own
    return word


def _structure(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) for each character of `source` from
    `start` that is regex structure: not escaped and not inside a character class."""
    depth, escaped, in_class = 0, False, False
    for index in range(start, len(source)):
        char = source[index]
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth += (char == "(") - (char == ")")
            yield index, char, depth


def _closing(source: str, start: int) -> int:
    """Where the group opened at `start` closes, or -1."""
    return next((i for i, c, depth in _structure(source, start) if c == ")" and not depth), -1)


def _top_level(body: str) -> list[str]:
    """`body` split at the `|` that are not inside a group or a character class."""
    pieces, begin = [], 0
    for index, char, depth in _structure(body):
        if char == "|" and depth == 0:
            pieces.append(body[begin:index])
            begin = index + 1
    pieces.append(body[begin:])
    return pieces
