"""Counting in words: "1 post-mortem", "2 post-mortems", never "1 post-mortems" or "item(s)"."""

from __future__ import annotations

_SIBILANT = ("s", "x", "z", "ch", "sh")


def plural_of(word: str) -> str:
    """The regular English plural of `word`: entry → entries, fix → fixes, item → items."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(_SIBILANT):
        return word + "es"
    return word + "s"


def plural(n: int, word: str, words: str | None = None) -> str:
    """`n` and the noun that goes with it: `plural(1, "entry")` is "1 entry",
    `plural(1200, "entry")` is "1,200 entries".

    `words` is the plural where the regular rule is wrong or `word` is a phrase whose
    noun is not last: `plural(n, "person", "people")`, `plural(n, "entry without text",
    "entries without text")`.
    """
    return f"{n:,} {word if n == 1 else words or plural_of(word)}"
