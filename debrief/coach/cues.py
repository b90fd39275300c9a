"""Cues the learned model reads besides the words: who the subject of a sentence is (a
person, a role, a team, a system, "we"), the verb it does (as a stem, so "ignored" and
"ignores" are one), negation, "should have", question forms and "by someone" at the end.

They let the model generalise to names, roles and wording it never saw: "Wanjiru ignored
the alert" and "the contractor ignored the page" share `sv:person:ignor`. Plain Python,
computed once per sentence (the model remembers its scores).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from debrief.coach.engine import Coach

WE = {"we", "i", "us", "our", "my", "we've", "we'd", "i'd", "i've", "we're", "i'm", "ourselves"}
PRONOUNS = {
    "he", "she", "they", "you", "u", "ya", "someone", "somebody", "nobody", "whoever",
    "he'd", "she'd", "they'd", "you'd", "he's", "she's", "they're", "you're", "they've",
    "you've", "someone's", "somebody's", "anyone", "everyone", "his", "her", "their", "your",
}  # fmt: skip
TEAMS = {
    "team", "teams", "squad", "crew", "ops", "devops", "infra", "qa", "dba", "dbas", "support",
    "department", "dept", "folks", "guys", "people", "org", "sres", "engineers", "developers",
    "devs", "contractors", "vendor", "vendors", "netops", "secops", "sysops", "helpdesk",
    "shift", "leadership", "management", "staff", "engineering", "consultants", "admins",
    "board", "executives", "execs", "officials", "employees", "personnel", "operator",
    "operators", "contractor", "outsourcers", "programmers", "sysadmins", "colleagues",
    "managers", "leaders", "bosses", "company", "firm", "bank", "agency", "supplier",
    "suppliers", "provider", "administrators", "interns", "juniors", "seniors", "rotation",
    "oncall", "on-call", "executive", "boss", "owners", "office", "analysts", "testers",
}  # fmt: skip
GROUP_TAILS = {
    "team", "teams", "folks", "guys", "people", "squad", "crew", "side", "org", "group",
    "staff", "engineers", "devs", "developers", "management", "officials", "employees",
    "office", "shift", "rotation", "department", "personnel", "executives", "board",
}  # fmt: skip
OPENERS = {
    "so", "ok", "okay", "well", "and", "but", "honestly", "seriously", "lol", "like", "um",
    "right", "sorry", "then", "also", "srsly", "hey", "again", "now", "the", "a", "an", "this",
    "that", "basically", "apparently", "obviously", "clearly", "yeah", "tbh", "imo", "yes",
    "just", "once", "yesterday", "today", "tonight", "later", "afterwards", "sadly", "unfortunately", "frankly", "literally", "anyway",
}  # fmt: skip
ADVERBS = {
    "just", "never", "always", "often", "usually", "constantly", "accidentally", "also", "then", "already", "simply", "apparently",
    "obviously", "clearly", "basically", "again", "still", "really", "totally", "completely",
    "literally", "actually", "somehow", "probably", "mistakenly", "carelessly", "even", "only",
}  # fmt: skip
NEGATIONS = {"not", "never", "no", "nobody", "without", "cannot", "neither", "nor"}
MODALS = {"should", "could", "would", "must", "might", "shoulda", "coulda", "woulda"}
PERFECT = {"have", "of", "'ve", "ve", "a"}
ASKING = {"why", "whyd", "why'd", "how"}
QUESTION_OPENERS = {"why", "whyd", "why'd", "how", "who", "whose", "what"}
IRREGULAR = {
    "broke": "break", "broken": "break", "forgot": "forget", "forgotten": "forget", "ran": "run",
    "wrote": "write", "written": "write", "left": "leave", "went": "go", "gone": "go",
    "took": "take", "taken": "take", "made": "make", "did": "do", "done": "do", "does": "do",
    "was": "be", "were": "be", "been": "be", "is": "be", "are": "be", "am": "be", "got": "get",
    "gotten": "get", "blew": "blow", "blown": "blow", "threw": "throw", "gave": "give",
    "knew": "know", "known": "know", "saw": "see", "seen": "see", "thought": "think",
    "brought": "bring", "caught": "catch", "overrode": "override", "overwrote": "overwrite",
    "slept": "sleep", "kept": "keep", "sent": "send", "built": "build", "lost": "lose",
    "felt": "feel", "told": "tell", "said": "say", "hid": "hide", "fell": "fall",
    "spent": "spend", "chose": "choose", "chosen": "choose", "began": "begin", "put": "put",
    "set": "set", "shut": "shut", "cut": "cut", "let": "let", "hit": "hit", "had": "have",
    "has": "have", "meant": "mean", "paid": "pay", "understood": "understand", "led": "lead",
}  # fmt: skip
VOWELS = set("aeiouy")
AUXILIARIES = {
    "did", "does", "do", "was", "were", "is", "are", "could", "should", "would", "has", "have",
    "had", "wo", "ca", "must",
}  # fmt: skip


def negation(word: str) -> bool:
    """not, never, didn't, didnt, can't"""
    return (
        word in NEGATIONS
        or word.endswith("n't")
        or (word.endswith("nt") and word[:-2] in AUXILIARIES)
    )


_NEGATED_WORD = re.compile(r"n't(?: |$)|(?:^| )(?:" + "|".join(sorted(AUXILIARIES)) + r")nt(?: |$)")
"""A word `negation()` holds true for beyond NEGATIONS, in words joined by spaces."""
_MODAL_PART = re.compile(r"ould|must|might")
"""In every word the modal test below can hold true for."""


def stem(word: str) -> str:
    """A crude stem: ignored, ignores, ignoring -> ignor; broke -> break; stopped -> stop.

    Training and scoring use the same stems, so they need only be consistent, not
    dictionary words; a suffix list costs nothing to load, unlike lemma tables."""
    word = word.lower().replace("'", "")
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith("nt") and word[:-2] in AUXILIARIES:
        return stem(word[:-2])  # didnt -> do
    for suffix in ("ingly", "edly", "ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            base = word[: -len(suffix)]
            if suffix in ("ed", "es") and base.endswith("i"):
                base = base[:-1] + "y"
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in VOWELS | {"l", "s"}:
                base = base[:-1]  # stopped -> stop
            if not VOWELS & set(base):
                break
            return base.rstrip("e") if len(base) > 4 else base
    return word.rstrip("e") if len(word) > 4 else word


@dataclass(frozen=True)
class Lexicon:
    """The coach's words for people and systems, and its verbs only people do."""

    people: frozenset[str] = frozenset()
    systems: frozenset[str] = frozenset()
    human_verbs: frozenset[str] = frozenset()


_LEXICONS: WeakKeyDictionary[Coach, Lexicon] = WeakKeyDictionary()


def lexicon_of(coach: Coach) -> Lexicon:
    found = _LEXICONS.get(coach)
    if found is None:
        vocab = coach.rules.vocabulary
        found = _LEXICONS[coach] = Lexicon(
            frozenset(w.lower() for w in vocab.people),
            frozenset(w.lower() for w in vocab.systems),
            frozenset(w.lower() for w in vocab.human_verbs),
        )
    return found


def subject_class(word: str, alternatives: tuple[str, ...], after: str, lexicon: Lexicon) -> str:
    """What a sentence's first content word stands for."""
    lower = word.lower()
    base = lower[:-2] if lower.endswith("'s") else lower
    if base in WE:
        return "we"
    if base in PRONOUNS:
        return "person"
    if base in TEAMS or after in GROUP_TAILS:
        return "team"
    if base in lexicon.people:
        return "role"
    if "<name>" in alternatives[0] or "<name>" in alternatives[-1]:
        return "person"
    if base in lexicon.systems or any(c.isdigit() for c in base):
        return "system"
    if alternatives[-1].startswith("<cap>"):
        return "person"  # a capitalised word never seen in lower case: likely a name
    if alternatives[-1] == "<unk>":
        return "unknown"
    return "other"


DETERMINERS = {"our", "my", "their", "his", "her", "your", "a", "an", "the", "one", "some"}


def _noun_follows(word: str, following: str, lexicon: Lexicon) -> bool:
    """Is `word` a modifier of the role or team noun after it?"""
    if (word in PRONOUNS or word in WE) and word not in DETERMINERS:
        return False
    if following in PRONOUNS or following in WE or following in GROUP_TAILS:
        return False
    return following in TEAMS or following in lexicon.people


def cues(
    raw: list[str], tokens: list[tuple[str, ...]], question: bool, lexicon: Lexicon
) -> list[str]:
    """The structural features of one sentence (`raw` its words, `tokens` their
    alternatives as the model reads them)."""
    lowered = [w.lower() for w in raw]
    out: list[str] = []
    n = len(lowered)
    head = 0
    while head < n and lowered[head] in OPENERS:
        head += 1
    opener = head
    if head < n and lowered[head] in ASKING:
        head += 1  # why did you …: the subject follows the auxiliary
        while head < n and (
            lowered[head] in AUXILIARIES or negation(lowered[head]) or lowered[head] in OPENERS
        ):
            head += 1
    group = "none"
    while head + 1 < n and _noun_follows(lowered[head], lowered[head + 1], lexicon):
        head += 1  # the AWS engineer, a tired engineer, our contractor, the mobile team
    if head < n:
        after = lowered[head + 1] if head + 1 < n else ""
        group = subject_class(raw[head], tokens[head], after, lexicon)
        out.append("s:" + group)
        verb = head + 1
        if group in ("team", "we") and (after in GROUP_TAILS or after in TEAMS):
            verb += 1
        if lowered[head].endswith("'s") and verb < n:
            verb += 1  # Søren's change broke …
            out.append("s:possessive-" + group)
        negated = False
        while verb < n and (lowered[verb] in ADVERBS or lowered[verb] in NEGATIONS):
            negated = negated or lowered[verb] in NEGATIONS
            verb += 1
        if verb < n:
            word = lowered[verb]
            negated = negated or negation(word)
            v = stem(word)
            if v in {"do", "be", "have", "fail", "forget", "forgot"} and verb + 1 < n:
                follow = verb + 1
                while follow < n and lowered[follow] in NEGATIONS | ADVERBS | {"to"}:
                    negated = negated or lowered[follow] in NEGATIONS
                    follow += 1
                if v in {"fail", "forget"}:
                    negated = True
                if follow < n:
                    v = v + "+" + stem(lowered[follow])
            if word in lexicon.human_verbs:
                out.append(f"sh:{group}")
            out.append(f"sv:{group}:{v}")
            if negated:
                out.append(f"sn:{group}")
    joined = " ".join(lowered)  # words hold no spaces: whole-sentence tests first
    if (
        not NEGATIONS.isdisjoint(lowered)
        or "failed" in lowered
        or _NEGATED_WORD.search(joined) is not None
    ):
        out.append(f"neg:{group}")
    for i in range(n - 1 if _MODAL_PART.search(joined) else 0):
        w = lowered[i]
        if w in MODALS or w.endswith(("should've", "shouldve", "could've", "couldve")):
            following = lowered[i + 1]
            if (
                w.endswith("ve")
                or following in PERFECT
                or (following in NEGATIONS and i + 2 < n and lowered[i + 2] in PERFECT)
            ):
                out.append(f"mp:{group}")
                break
    if opener < n and lowered[opener] in QUESTION_OPENERS:
        second = stem(lowered[opener + 1]) if opener + 1 < n else ""
        out.append(f"q:{lowered[opener].replace(chr(39), '')}:{second}{'?' if question else ''}")
    if n >= 2 and lowered[-2] == "by":
        out.append("e:by-" + subject_class(raw[-1], tokens[-1], "", lexicon))
    out.append("len:" + ("short" if n < 6 else "mid" if n < 16 else "long"))
    return out
