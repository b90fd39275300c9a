"""The person and group detector: whether the words before a match name someone.

A subject is a person when it is a participant's or a known first name, a pronoun, a
role ("the contractor", "the on-call") or a group ("the night shift", "the DBA team",
QA); in chat a lower-case name opening the sentence; a capitalised word that is no
known system, for wording only people do ("Kasia deployed it without review").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from debrief.coach.rules import Rule, Subject

if TYPE_CHECKING:
    from debrief.coach.engine import Kind
    from debrief.coach.run import Run

WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
CONJUNCTIONS = {
    "and", "but", "or", "because", "so", "although", "though", "when", "while", "since",
    "if", "then", "that", "which", "who", "where", "after", "before", "until", "unless",
    "once", "whereas", "yet",
}  # fmt: skip
POSSESSIVES = {"his", "her", "their", "your"}
OWN_GROUPS = {"team", "teams", "side", "group", "squad", "crew"}
FILLERS = {
    "so", "ok", "okay", "well", "and", "but", "honestly", "seriously", "lol", "like", "um",
    "right", "sorry", "then", "also", "srsly", "guys", "folks", "hey", "again", "now",
}  # fmt: skip
NOT_NAMES = {
    "was", "were", "is", "are", "be", "been", "has", "have", "had", "do", "does", "did", "it",
    "its", "there", "here", "what", "everything", "nothing", "thing", "stuff", "the", "this",
    "that", "lol", "lmao", "tbh", "imo", "fyi", "btw", "yeah", "yes", "nope", "ok", "okay",
    "well", "just", "guess", "think", "know", "mean", "because", "cause", "cuz", "coz",
}  # fmt: skip
OPENERS = {
    "in", "on", "at", "after", "before", "during", "by", "for", "from", "with", "without",
    "yesterday", "today", "later", "meanwhile", "however", "also", "still", "again", "then",
    "unfortunately", "luckily", "fortunately", "apparently", "sadly", "first", "finally",
    "eventually", "initially", "instead", "as", "to", "of", "about", "around", "under",
}  # fmt: skip
"""Words that open an adverbial, never a subject ("In staging, …", "Later, …")."""
ON_DUTY = {"duty", "call", "shift", "rota", "site"}
"""Words after "on" that follow a role ("the SRE on duty failed to …")."""
NOUN_ENDINGS = (
    "ing", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ics", "ure", "age", "ery",
    "ogy", "ism", "ware", "base", "flow", "job", "jobs", "api", "app", "bot", "ops", "er",
)  # fmt: skip
"""Endings of everyday nouns, never of a name written in lower case in chat ("billing
broke", "the scheduler"); names in the names list are told apart before this."""
DETERMINERS = {"the", "a", "an", "our", "their", "his", "her", "my", "your", "this", "that"}


def is_person(run: Run, rule: Rule, word: str, at: int) -> bool:
    """Does the `who` group name a person? A capitalised word will do with a human verb."""
    previous = WORD.findall(run.masked[max(0, at - 12) : at])
    kind = run.coach.kind_at(run.masked, word, at, previous[-1] if previous else "", run.names)
    if word.lower() in {w.lower() for w in rule.exclude_subjects}:
        return False
    return kind == "person" or (kind == "capitalised" and (rule.human_verb or rule.capitalised))


def check_subject(
    run: Run,
    rule: Rule,
    clause: list[re.Match[str]],
    verb: str | None,
    start: int,
    sentence_start: int = -1,
) -> int:
    """The span's start (moved back to a person subject), or -1 to drop the match."""
    if rule.subject is Subject.any:
        return start
    if rule.subject is Subject.clause_person:
        if clause_opens_with_person(run, rule, clause):
            return start
        if clause and (
            clause[0].group().lower() in DETERMINERS
            or run.coach.kind(clause[0].group(), "", run.names) != "unknown"
        ):
            return -1  # the clause has a subject of its own ("Ana, the cache is on …")
        opening = opening_subject(run, sentence_start, start)
        return start if opening and clause_opens_with_person(run, rule, opening) else -1
    if not clause and sentence_start >= 0:
        clause = opening_subject(run, sentence_start, start)  # "An engineer, tired, ran …"
    coach = run.coach
    head: re.Match[str] | None = None
    previous = ""
    for index in range(len(clause) - 1, -1, -1):
        word = clause[index].group().lower()
        if word in coach.skip_words:
            continue
        if word in ON_DUTY and index >= 2 and clause[index - 1].group().lower() == "on":
            index -= 2  # "the SRE on duty", "the engineer on call": the role before it
        if word not in CONJUNCTIONS:
            head = clause[index]
            previous = clause[index - 1].group() if index else ""
        break
    kind: Kind = "none"
    subject_start = start
    if head is not None:
        kind = coach.kind_at(run.masked, head.group(), head.start(), previous, run.names)
        subject_start = head.start()
        if kind != "person" and (previous.lower() in POSSESSIVES or _named(previous, run)):
            kind = "person"
            subject_start = clause[clause.index(head) - 1].start()
    if (
        kind == "capitalised"
        and previous[:1].isupper()
        and coach.kind(previous, "", run.names) == "system"
    ):
        kind = "system"  # Kafka Connect, GitHub Actions: a product's second word
    if kind == "capitalised" and (rule.capitalised or head_possessive(head)):
        kind = "person"  # "Kasia deployed …"; "Abebe's fault" for any person rule
    elif (
        kind == "unknown"
        and rule.capitalised
        and head is not None
        and _chat_name(run, head, clause)
    ):
        kind = "person"  # chat: "tomasz didnt escalate", a name written in lower case
    elif (
        kind != "person"
        and previous.endswith("'s")
        and previous[:1].isupper()
        and coach.kind(previous, "", run.names) in ("person", "capitalised")
    ):
        kind = "person"  # Søren's change
        subject_start = clause[clause.index(head) - 1].start() if head is not None else start
    excluded = {w.lower() for w in rule.exclude_subjects}
    is_person = (
        kind == "person"
        and head is not None
        and head.group().lower() not in excluded
        and not (previous.lower() in excluded and head.group().lower() in OWN_GROUPS)
    )  # "our team missed" is the writers' own account, like "we missed"
    if rule.subject is Subject.person:
        accepted = is_person
    elif rule.subject is Subject.agent:
        accepted = is_person or (kind not in ("system", "person") and coach.is_human_verb(verb))
    else:
        accepted = kind != "system"
    if not accepted:
        return -1
    if is_person and rule.include_subject:
        return subject_start
    return start


def _chat_name(run: Run, head: re.Match[str], clause: list[re.Match[str]]) -> bool:
    """A lower-case word that stands where a name would in chat ("tomasz didnt
    escalate"): the sentence is written in lower case, the word opens it or follows a
    conjunction, and it is no common function word."""
    word = head.group()
    if not (word.isalpha() and word.islower() and len(word) > 2) or word in NOT_NAMES:
        return False
    if word in run.coach.skip_words or word in CONJUNCTIONS or word.endswith(NOUN_ENDINGS):
        return False
    first = clause[0]
    sentence_first = WORD.search(run.masked, run._sentence(first.start(), first.end())[0])
    if sentence_first is None or not sentence_first.group()[:1].islower():
        return False
    index = clause.index(head)
    return index == 0 or clause[index - 1].group().lower() in CONJUNCTIONS


def clause_opens_with_person(run: Run, rule: Rule, clause: list[re.Match[str]]) -> bool:
    """Is one of the clause's first words (after conjunctions and articles) a person?"""
    seen = 0
    previous = ""
    excluded = {w.lower() for w in rule.exclude_subjects}
    begin = 0
    for index, token in enumerate(clause):
        if token.group().lower() in CONJUNCTIONS and index < len(clause) - 1:
            begin = index + 1
    for token in clause[begin:]:
        word = token.group()
        lower = word.lower()
        if lower in CONJUNCTIONS or lower in DETERMINERS or lower in run.coach.skip_words:
            previous = word
            continue
        if lower in FILLERS and seen == 0:
            continue
        kind = run.coach.kind_at(run.masked, word, token.start(), previous, run.names)
        if kind == "person" and lower not in excluded:
            return True
        if kind == "capitalised" and rule.capitalised and seen == 0:
            following = clause.index(token) + 1
            if following < len(clause) and run.coach.is_human_verb(clause[following].group()):
                return True  # "Thandiwe ran …", not "Kube state metrics …"
        seen += 1
        if seen >= 2:
            return False
        previous = word
    return False


def opening_subject(run: Run, sentence_start: int, start: int) -> list[re.Match[str]]:
    """The words before the sentence's first comma when they can only be its subject,
    with an aside between it and the words at `start` ("An engineer, tired and debugging
    at 11pm, ran …"): at most four words before a comma, not opening with a conjunction
    or a preposition."""
    if sentence_start < 0 or sentence_start >= start:
        return []
    comma = run.masked.find(",", sentence_start, start)
    if comma < 0:
        return []
    comma -= sentence_start
    tokens = list(WORD.finditer(run.masked, sentence_start, sentence_start + comma))
    if not 1 <= len(tokens) <= 4 or "\n" in run.masked[sentence_start : sentence_start + comma]:
        return []
    first = tokens[0].group().lower()
    if first in CONJUNCTIONS or first in OPENERS or first in FILLERS:
        return []
    return tokens


def head_possessive(head: re.Match[str] | None) -> bool:
    """Is the subject a capitalised possessive ("Abebe's fault", "Mehmet's script")?"""
    return head is not None and head.group().endswith("'s") and head.group()[:1].isupper()


def _named(token: str, context: Run) -> bool:
    """A possessive of a known name: "Lee's"."""
    return token.endswith("'s") and context.coach.is_name(token[:-2], context.names)
