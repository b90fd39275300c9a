"""Rewrites a facilitator could offer: a why-question at a person becomes a how/what
question about the situation; a counterfactual becomes a question about what was known.

Pure string work on the flagged words and the rest of their sentence; an empty string
when no rewrite reads well (the finding's suggestion still applies).
"""

from __future__ import annotations

import re

_IRREGULAR = {
    "known": "knowing", "seen": "seeing", "done": "doing", "run": "running", "ran": "running",
    "caught": "catching", "told": "telling", "taken": "taking", "made": "making",
    "put": "putting", "set": "setting", "held": "holding", "kept": "keeping",
    "left": "leaving", "sent": "sending", "built": "building", "thought": "thinking",
    "brought": "bringing", "said": "saying", "heard": "hearing", "read": "reading",
    "found": "finding", "written": "writing", "chosen": "choosing", "given": "giving",
    "shown": "showing", "spoken": "speaking", "gone": "going", "got": "getting",
    "let": "letting", "cut": "cutting", "stood": "standing", "understood": "understanding",
    "begun": "beginning", "drawn": "drawing", "led": "leading", "met": "meeting",
    "paid": "paying", "shut": "shutting", "stuck": "sticking", "spent": "spending",
    "be": "being", "see": "seeing", "run_": "running", "get": "getting", "stop": "stopping",
    "put_": "putting", "set_": "setting", "let_": "letting", "cut_": "cutting",
}  # fmt: skip
"""Verb forms whose -ing form no simple rule gives."""
_ARTICLES = {"the", "a", "an", "our", "their", "your", "my", "this", "that", "you", "we", "they"}
_PRONOUNS = {
    "i", "you", "he", "she", "they", "we", "someone", "somebody", "nobody", "anyone",
    "anybody", "everyone", "everybody", "no one",
}  # fmt: skip
_PARTICLES = {"back", "out", "up", "down", "off", "over", "in", "on", "through", "away"}
_STOP = re.compile(
    r"[,;:(]|\s(?:and|but|because|so|instead|before|when|if|which|as\s+soon|once)\s", re.I
)
_COUNTERFACTUAL = re.compile(
    r"^(?P<who>.*?)\s*\b(?:should(?:n'?t|\s+not|\s+never)?|could|would|ought\s+to)"
    r"(?:\s+have|'?ve|\s+of)\s+(?:(?:just|simply|already|at\s+least|[a-z]+ly)\s+)?"
    r"(?P<verb>[a-z-]+)$",
    re.I,
)
_WHY = re.compile(
    r"^why\s+(?:on\s+earth\s+)?(?P<aux>didn'?t|did\s+not|did|wasn'?t|weren'?t|was|were|"
    r"would|wouldn'?t|don'?t|do|does|doesn'?t|couldn'?t|hadn'?t|had)\s+"
    r"(?P<who>(?:the\s+|our\s+|your\s+)?[\w'-]+)\s+(?P<rest>.*?)\s*\??$",
    re.I,
)

_WHO = re.compile(r"^(?:so,?\s+)?who\s+(?P<verb>[a-z]+(?:\s+off)?)\s+(?P<rest>.*?)\s*\??$", re.I)


def gerund(verb: str) -> str:
    """The -ing form of a base verb or past participle: escalated → escalating."""
    lower = verb.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if lower.endswith("ied"):
        return lower[:-3] + "ying"
    if lower.endswith("ed") and len(lower) > 4:
        return lower[:-2] + "ing"  # stopped → stopping, paused → pausing, rolled → rolling
    if lower.endswith("ie"):
        return lower[:-2] + "ying"
    if lower.endswith("e") and not lower.endswith(("ee", "ye", "oe")):
        return lower[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", lower):
        return lower + lower[-1] + "ing"  # short: run → running
    return lower + "ing"


def _object(rest: str, words: int = 6) -> str:
    """The start of what follows the verb, up to a clause break, a few words at most."""
    cut = _STOP.search(" " + rest)
    text = (" " + rest)[: cut.start()] if cut else " " + rest
    parts = text.split()
    return " ".join(parts[:words]).rstrip(".!?")


def rewrite(category: str, flagged: str, after: str) -> str:
    """A rewrite for a finding of `category` on `flagged`, given the rest of its sentence."""
    flagged = " ".join(flagged.split())
    after = " ".join(after.split())
    if category == "counterfactual":
        return _counterfactual(flagged, after)
    if category == "why-question":
        return _why(f"{flagged} {after}".strip())
    return ""


def _counterfactual(flagged: str, after: str) -> str:
    match = _COUNTERFACTUAL.match(flagged)
    if match is None:
        return ""
    who = match.group("who").strip() or "they"
    if who.lower() in {"it", "this", "that", "the change", "the deploy"}:
        return ""
    action = gerund(match.group("verb"))
    obj = _object(after)
    first = obj.split()[0].lower() if obj else ""
    phrase = f"{action} {obj}".strip() if first in _PARTICLES or obj else action
    subject = who[0].lower() + who[1:] if who.split()[0].lower() in _ARTICLES else who
    if " " not in subject and subject.islower() and subject not in _PRONOUNS:
        subject = f"the {subject}"  # on-call → the on-call
    return f"What did {subject} know at the time, and what made {phrase} look unnecessary then?"


def _why(question: str) -> str:
    match = _WHY.match(question)
    if match is None:
        return _who(question)
    aux = match.group("aux").lower().replace(" ", "")
    rest = match.group("rest").strip()
    words = rest.split()
    if not words:
        return ""
    negative = aux.endswith(("n't", "nt", "not"))
    if words[0].lower() == "not":
        negative, words = True, words[1:]
    if not words:
        return ""
    if aux.startswith(("was", "were")):
        return "What made this hard to do at that moment, and what was it competing with?"
    action = f"{gerund(words[0])} {' '.join(words[1:])}".strip()
    if negative:
        return f"What made {action} hard or unlikely at the time?"
    return f"How did {action} look like the right step at the time?"


def _who(question: str) -> str:
    match = _WHO.match(question)
    if match is None:
        return ""
    rest = match.group("rest")
    if not rest:
        return ""
    return f"How did {rest} come to be {match.group('verb')}, and what made that look fine then?"
