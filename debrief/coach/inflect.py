"""Verb families: a rule names a verb once ("break", "screw up", "fat-finger") and the
coach matches every form of it (breaks, broke, broken, breaking; screwed up).

A small suffix table and a list of irregular verbs, applied when the rules are
compiled, so that matching stays one pass of regular expressions.
"""

from __future__ import annotations

import re

IRREGULAR: dict[str, tuple[str, ...]] = {
    "be": ("is", "are", "was", "were", "been", "being"),
    "blow": ("blew", "blown"),
    "break": ("broke", "broken"),
    "bring": ("brought",),
    "choose": ("chose", "chosen"),
    "cut": ("cut",),
    "do": ("does", "did", "done"),
    "drive": ("drove", "driven"),
    "fall": ("fell", "fallen"),
    "forget": ("forgot", "forgotten"),
    "get": ("got", "gotten"),
    "give": ("gave", "given"),
    "go": ("goes", "went", "gone"),
    "have": ("has", "had"),
    "hit": ("hit",),
    "keep": ("kept",),
    "know": ("knew", "known"),
    "leave": ("left",),
    "let": ("let",),
    "lose": ("lost",),
    "make": ("made",),
    "mislead": ("misled",),
    "misread": ("misread",),
    "overlook": ("overlooked",),
    "override": ("overrode", "overridden"),
    "overwrite": ("overwrote", "overwritten"),
    "put": ("put",),
    "read": ("read",),
    "run": ("ran",),
    "see": ("saw", "seen"),
    "send": ("sent",),
    "set": ("set",),
    "shut": ("shut",),
    "sleep": ("slept",),
    "take": ("took", "taken"),
    "tell": ("told",),
    "think": ("thought",),
    "throw": ("threw", "thrown"),
    "write": ("wrote", "written"),
}
"""Past forms of the irregular verbs rules use (the regular -s and -ing are added too)."""

_VOWELS = "aeiou"
_DOUBLED = re.compile(r"(?:^|[^aeiou])[aeiou][bdgklmnprt]$")
"""One vowel before a final consonant: the consonant doubles (stop → stopped)."""
_STRESSED_LAST = {
    "admit",
    "commit",
    "omit",
    "permit",
    "submit",
    "occur",
    "prefer",
    "refer",
    "regret",
    "control",
    "patrol",
    "compel",
    "rebel",
    "upset",
    "forbid",
}
"""Verbs of two syllables that double their last consonant (commit → committed); other
verbs of more than one syllable do not (open → opened, edit → edited)."""
_SYLLABLE = re.compile(r"[aeiouy]+")


def _regular(verb: str) -> list[str]:
    """third person, past, -ing of a regular verb."""
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    if verb.endswith("e"):
        past, ing = verb + "d", verb[:-1] + "ing"
    elif verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        past, ing = verb[:-1] + "ied", verb + "ing"
    elif verb.endswith("c"):
        past, ing = verb + "ked", verb + "king"
    elif _DOUBLED.search(verb) and (
        len(_SYLLABLE.findall(verb[:-1])) == 1 or verb in _STRESSED_LAST
    ):
        past, ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    else:
        past, ing = verb + "ed", verb + "ing"
    return [third, past, ing]


def forms(lemma: str) -> list[str]:
    """Every form of `lemma`: a phrasal verb ("screw up") inflects its first word, a
    compound ("fat-finger") its last part."""
    lemma = lemma.strip().lower()
    words = lemma.split()
    head, rest = words[0], " ".join(words[1:])
    prefix = ""
    if "-" in head:
        prefix, head = head.rsplit("-", 1)
        prefix += "-"
    irregular = IRREGULAR.get(head, ())
    own = [head, *_regular(head)] if head != "be" else [head]
    if irregular and head not in ("overlook",):
        own = [form for form in own if not form.endswith("ed")]  # broke, not breaked
    found = dict.fromkeys(prefix + form for form in [*own, *irregular])
    return [f"{form} {rest}" if rest else form for form in found]


def expand_families(pattern: str, lemmas: list[str]) -> str:
    """`pattern` with `{verbs}` standing for every form of `lemmas` and `{verbs:past}` for
    their past forms only (broke, broken: a narrated act, never "Investigate missing …")."""
    if "{verbs:past}" in pattern:
        pattern = pattern.replace("{verbs:past}", family_pattern(lemmas, past=True))
    if "{verbs}" in pattern:
        pattern = pattern.replace("{verbs}", family_pattern(lemmas))
    return pattern


def past_forms(lemma: str) -> list[str]:
    """The past and participle of `lemma` (and of a phrasal verb, screwed up)."""
    every = forms(lemma)
    head = every[0].split()[0]
    stem = head.rsplit("-", 1)[-1]
    return [
        form
        for form in every
        if (first := form.split()[0].rsplit("-", 1)[-1]).endswith("ed")
        or (
            first in IRREGULAR.get(stem, ())
            and first not in ("is", "are", "has", "does", "goes", "being")
        )
    ]


def family_pattern(lemmas: list[str], past: bool = False) -> str:
    """A regular expression for every form of every lemma; spaces match any spacing and
    compounds may be written with or without their hyphen (fat-fingered, fatfingered)."""
    chosen = {f for lemma in lemmas for f in (past_forms(lemma) if past else forms(lemma))}
    every = sorted(chosen, key=lambda f: (-len(f), f))
    parts = []
    for form in every:
        escaped = re.escape(form).replace(r"\ ", r"\s+").replace(r"\-", "-?")
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


def trigger_words(lemmas: list[str], past: bool = False) -> list[str]:
    """The first word of every form (of every past form with `past`): the words a verb
    family's patterns start with."""
    words = {
        f.split()[0] for lemma in lemmas for f in (past_forms(lemma) if past else forms(lemma))
    }
    words |= {w.replace("-", "") for w in words if "-" in w}
    return sorted(words)
