"""One lint run: the text, its prose, and the context checks that keep the coach precise."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from typing import TYPE_CHECKING

from debrief.coach.finding import Finding
from debrief.coach.markdown import action_lines, item_bounds, item_start, lucky_sections
from debrief.coach.rewrite import rewrite
from debrief.coach.rules import Rule, Scope, compile_quietly
from debrief.coach.subjects import FILLERS, WORD, check_subject, is_person

if TYPE_CHECKING:
    from debrief.coach.engine import Coach

_SENTENCE_END = re.compile(
    r"[.!?](?=[\s\"')\]]|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+] |\d+[.)] |#|\|))|\|"
)
_CLAUSE_MARK = re.compile(r"[,;:(\u2014\u2013]| - ")
_GOOD_QUESTION = {"what", "how", "which", "where", "when", "who", "whom", "in", "to", "at"}
_REWRITTEN = {"counterfactual", "why-question"}
_RETROSPECTIVE = {"counterfactual", "hindsight", "omission"}
_ASKING = {"how", "whether", "what", "saying", "asking", "ask", "wondering"}
_LUCKY = re.compile(r"\b(?:lucky|luckily|fortunately|thankfully)\b", re.I)
_OWNED = re.compile(
    r"\bowner\b|\bowned\s+by\b|#\d+|/issues/\d+|/pull/\d+|\bdue\b|@\w|\b\d{4}-\d{2}-\d{2}\b|\b[A-Z][A-Z0-9]+-\d+\b|"
    r"\bby\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
    r"end\s+of\s+(?:day|week|month|quarter|sprint)|q[1-4]|next\s+(?:week|sprint|release))|"
    r"[(\[](?:done|fixed|completed?|resolved|merged|shipped)[)\]]|^[ \t]*[-*+][ \t]+\[[xX]\]",
    re.I | re.M,
)
"""An owner, a date, a ticket or a done mark ("(DONE)", a ticked box): a tracked action
item, not an intention."""
_SPECIFIC = re.compile(
    r"`|\d|\b[a-z]+-[a-z]+\b|\w[./]\w|\b[A-Z][a-z]*[A-Z]\w*|\b[A-Z]{2,}\b|(?<=\s)[A-Z][a-z]+"
    r'|"[^"\n]{3,}"'
)
"""A name in an action item: a number, code, a hyphenated or dotted name, an acronym,
CamelCase, a capitalised word after the first, or a quoted message."""
_ASKED = re.compile(r"[\s>#*_]*(?:Q|Question)\s*\d*\s*[:.)]\s*(?:\*\*|__)?\s", re.I)
"""A question put to the writers in a Q&A ("**Q:** Why did you …?"): the asker's words,
answered below, like a quotation."""
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]")
_WEIGHED = re.compile(
    r"[\s>*+\-#|]*(?:\d+[.)]\s+)?(?:\[[ xX]\]\s*)?(?:\*\*)?(?:reflect|consider|discuss|evaluate|"
    r"assess|ask(?:\s+ourselves)?|question|review|decide|determine|check|investigate|explore|"
    r"examine|wonder)\s+(?:on\s+|about\s+)?(?:if|whether)\b",
    re.I,
)
"""A sentence that asks whether something should have been done is weighing it, not
saying it."""
_ONCE_KNOWN = re.compile(
    r"\b(?:once|after|when)\s+(?:it\s+(?:was|became)\s+clear|we\s+(?:had\s+)?(?:knew|found|"
    r"understood|identified|saw|learned|learnt)|the\s+(?:root\s+)?(?:cause|issue|problem|bug)\s+"
    r"(?:was|had\s+been)\s+(?:found|identified|known|understood|clear))\b",
    re.I,
)
"""Knowledge the sentence itself says came later ("once it was clear what the issue was,
the fix seemed obvious"): not hindsight passed off as foresight."""
_SINGLE_QUOTED = re.compile(r"(?<![\w'])'(?:[^'\n]|(?<=\w)'(?=\w)){1,300}?'(?![\w'])")
"""Words in single quotes; an apostrophe inside a word ('I didn't') does not close them."""


@cache
def cue(expression: str) -> re.Pattern[str]:
    """A rule's `sentence_cue`, compiled once per process."""
    return compile_quietly(expression, re.I)


_EXPLAINED = re.compile(r"\b(?:because|since|as\s+(?:the|their|his|her|our|it)|due\s+to)\b", re.I)
_CONDITION = re.compile(
    r"\b(?:if|had|unless)\s+(?:(?:the|a|an|our|their|any|such\s+an?)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?P<subject>[\w-]+)\s+(?:had|were|was|'d|existed|been)\b",
    re.I,
)


class Run:
    """One lint run: the text, its prose, and the findings accepted so far."""

    def __init__(
        self,
        coach: Coach,
        text: str,
        masked: str,
        names: set[str],
        actions: bool,
        marks: list[tuple[int, int]] | None = None,
    ) -> None:
        self.coach = coach
        self.text = text
        self.masked = masked
        self.names = names
        self.all_actions = actions
        self._action_lines: set[int] | None = None
        self._line_starts: list[int] | None = None
        self._bounds: list[tuple[int, int]] | None = marks
        """Where each sentence's end mark starts and ends."""
        self._quotes: list[int] | None = None
        self._single: list[tuple[int, int]] | None = None
        self._lucky: list[tuple[int, int]] | None = None
        self._luck: list[int] | None = None
        self._bound_ends: list[int] = [b[1] for b in marks] if marks is not None else []
        self.candidates: list[tuple[int, int, Rule]] = []
        self.hits: list[tuple[int, tuple[str, ...]]] = []
        """Where rule trigger words are, with the categories of their rules."""

    def consider(self, rule: Rule, match: re.Match[str]) -> None:
        """Keep the match as a candidate if its context says it is meant."""
        start, end = match.span()
        while end > start and self.masked[end - 1].isspace():
            end -= 1
        if end == start:
            return  # a pattern that can match nothing (a user's `x?`) flags no words
        sentence_start, sentence_end = self._sentence(start, end)
        if not rule.in_questions and self._good_question(sentence_start, sentence_end):
            return
        if self._quoted(start, end) or _ASKED.match(self.masked, sentence_start, start):
            return
        if rule.scope is Scope.actions and not self._item_start(start, sentence_start):
            return
        if rule.first_word and not self._first_word(start, sentence_start):
            return
        groups = match.groupdict()
        verb = groups.get("verb")
        if rule.human_verb and verb is not None and not self.coach.is_human_verb(verb):
            return
        clause = self._clause_tokens(sentence_start, start)
        if rule.category in _RETROSPECTIVE and (
            self._discussed(clause, sentence_start, sentence_end)
            or _WEIGHED.match(self.masked, sentence_start, start)
            or (
                rule.category == "hindsight"
                and _ONCE_KNOWN.search(self.masked, sentence_start, start)
            )
        ):
            return
        if rule.category == "vague-remediation" and self._elaborates(sentence_start):
            return
        if rule.negatable and self._negated(clause):
            return
        if rule.sentence_cue and not cue(rule.sentence_cue).search(
            self.masked, sentence_start, sentence_end
        ):
            return
        after = self.masked[end:sentence_end]
        if rule.explained_ok and _EXPLAINED.search(after):
            return
        if rule.system_condition_ok and self._hangs_on_a_system(after):
            return
        who = groups.get("who")
        if who is not None and not is_person(self, rule, who, match.start("who")):
            return
        start = check_subject(self, rule, clause, verb, start, sentence_start)
        if start < 0:
            return
        if rule.category in _RETROSPECTIVE and self._discussed(
            clause, sentence_start, sentence_end
        ):
            return
        if rule.owner_ok and self._owned(start):
            return
        if rule.specific_ok and self._specific(start):
            return
        self.candidates.append((start, end, rule))

    # -- context ----------------------------------------------------------------

    def _sentence(self, start: int, end: int) -> tuple[int, int]:
        """Where the sentence around [start, end) begins, and where its end mark is."""
        if self._bounds is None:
            self._bounds = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(self.masked)]
            self._bound_ends = [b[1] for b in self._bounds]
        bounds, ends = self._bounds, self._bound_ends
        index = bisect_right(ends, start)
        sentence_start = ends[index - 1] if index else 0
        while index < len(bounds) and bounds[index][0] < end:
            index += 1
        return sentence_start, bounds[index][0] if index < len(bounds) else len(self.masked)

    def _good_question(self, sentence_start: int, sentence_end: int) -> bool:
        if sentence_end >= len(self.masked) or self.masked[sentence_end] != "?":
            return False
        first = WORD.search(self.masked, sentence_start, sentence_end)
        return first is not None and first.group().lower() in _GOOD_QUESTION

    def _quoted(self, start: int, end: int) -> bool:
        """Is the span inside double quotes on its line (someone's words, being discussed)?"""
        if self._quotes is None:
            self._quotes = [m.start() for m in re.finditer('"', self.masked)]
        if self._single is None:
            self._single = [m.span() for m in _SINGLE_QUOTED.finditer(self.masked)]
        index = bisect_right(self._single, (start, len(self.masked)))
        if index and self._single[index - 1][1] >= end:
            return True  # 'quoted' with single quotes
        quotes = self._quotes
        if not quotes:
            return False
        line_start = self.masked.rfind("\n", 0, start) + 1
        line_end = self.masked.find("\n", end)
        line_end = len(self.masked) if line_end < 0 else line_end
        before = bisect_left(quotes, start) - bisect_left(quotes, line_start)
        after = bisect_left(quotes, line_end) - bisect_left(quotes, end)
        return before % 2 == 1 and after > 0

    def _discussed(
        self, clause: list[re.Match[str]], sentence_start: int, sentence_end: int
    ) -> bool:
        """Is the wording asked about ("how it could have been avoided") or a stroke of
        luck ("we got lucky: nobody noticed"), rather than said of someone?"""
        if any(token.group().lower() in _ASKING for token in clause[-6:]):
            return True
        if self._luck is None:
            lower = self.masked.lower()
            lucky = "luck" in lower or "fortunate" in lower or "thankful" in lower
            self._luck = [m.start() for m in _LUCKY.finditer(self.masked)] if lucky else []
        if not self._luck:
            return False
        index = bisect_left(self._luck, sentence_start)
        if index < len(self._luck) and self._luck[index] < sentence_end:
            return True
        return self._under_lucky_heading(sentence_start)

    def _under_lucky_heading(self, offset: int) -> bool:
        """Is `offset` under a heading or label about luck ("### Where we got lucky",
        "**Where we got lucky:**" and the list after it)?"""
        if self._lucky is None:
            self._lucky = lucky_sections(self.masked, _LUCKY)
        return any(begin <= offset < end for begin, end in self._lucky)

    def _specific(self, start: int) -> bool:
        """Does the rest of the item (its wrapped lines too) name something specific?"""
        item_end = min(item_bounds(self.masked, start)[1], start + 300)
        rest = self.text[start:item_end].split("|", 1)[0]  # a table row: its first cell
        first = WORD.match(rest)
        return bool(_SPECIFIC.search(rest, first.end() if first else 0))

    def _owned(self, start: int) -> bool:
        """Does the item or line (its wrapped lines too) name an owner, a date, a ticket
        or say it is done?"""
        item_start, item_end = item_bounds(self.masked, start)
        item_start, item_end = max(item_start, start - 300), min(item_end, start + 300)
        return bool(_OWNED.search(self.text, item_start, item_end))

    def _elaborates(self, sentence_start: int) -> bool:
        """Is the sentence a later one in an item whose first sentence already names a
        specific change ("Add fluentd to the QA suite. Ensure logs are covered")?"""
        item_start = item_bounds(self.masked, sentence_start)[0]
        if not _LIST_ITEM.match(self.masked, item_start):
            return False
        lead = WORD.search(self.masked, item_start, sentence_start)
        if lead is None:
            return False
        return bool(_SPECIFIC.search(self.text, lead.end(), sentence_start))

    def _item_start(self, start: int, sentence_start: int) -> bool:
        """Is `start` the first word of an action item (or of a sentence in one)?"""
        line = self._line_of(start)
        if not self.all_actions:
            if self._action_lines is None:
                self._action_lines = action_lines(self.text)
            if line not in self._action_lines:
                return False
        line_start = self._starts()[line]
        line_end = self.masked.find("\n", line_start)
        line_text = self.masked[line_start : line_end if line_end >= 0 else len(self.masked)]
        begin = line_start + item_start(line_text)
        return self._first_word(start, max(begin, sentence_start))

    def _first_word(self, start: int, sentence_start: int) -> bool:
        """Is `start` the first word of the sentence (after "so", "ok", "honestly"…)?"""
        for first in WORD.finditer(self.masked, sentence_start, start + 1):
            if first.start() == start:
                return True
            if first.group().lower() not in FILLERS:
                return False
        return False

    def _clause_tokens(self, sentence_start: int, start: int) -> list[re.Match[str]]:
        window = self.masked[sentence_start:start]
        cut = 0
        for mark in _CLAUSE_MARK.finditer(window):
            cut = mark.end()
        return list(WORD.finditer(self.masked, sentence_start + cut, start))

    def _hangs_on_a_system(self, after: str) -> bool:
        """Does an if-clause after the words make a system the condition?"""
        condition = _CONDITION.search(after)
        if condition is None:
            return False
        kind = self.coach.kind(condition.group("subject"), "", self.names)
        return kind == "system" or condition.group("subject").lower() in {"one", "there"}

    def _negated(self, clause: list[re.Match[str]]) -> bool:
        negations = self.coach.negation_words
        for token in clause[-6:]:
            word = token.group().lower()
            if word in negations or word.endswith("n't"):
                return True
        return False

    # -- results ----------------------------------------------------------------

    def _starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        return self._line_starts

    def _line_of(self, offset: int) -> int:
        return bisect_right(self._starts(), offset) - 1

    def findings(self) -> list[Finding]:
        out: list[Finding] = []
        last_end = -1
        for start, end, rule in sorted(self.candidates, key=lambda c: (c[0], -c[1])):
            if start < last_end:
                continue
            last_end = end
            out.append(
                self.finding_at(start, end, rule.category, rule.why, rule.redirects, rule.id)
            )
        return out

    def finding_at(
        self,
        start: int,
        end: int,
        category: str,
        why: str,
        redirects: list[str],
        rule_id: str = "",
    ) -> Finding:
        """A finding for [start, end) of the text."""
        line, end_line = self._line_of(start), self._line_of(end)
        rewritten = ""
        if category in _REWRITTEN:
            sentence_end = self._sentence(start, end)[1]
            flagged = self.text[start:end]
            if not rule_id:  # the whole sentence: rewrite it as a question if it is one
                flagged, sentence_end = flagged.rstrip("?.! "), end
            rewritten = rewrite(category, flagged, self.text[end:sentence_end])
        starts = self._starts()
        return Finding(
            line=line + 1,
            column=start - starts[line] + 1,
            end_line=end_line + 1,
            end_column=end - starts[end_line] + 1,
            start=start,
            end=end,
            text=self.text[start:end],
            category=category,
            rule=rule_id or f"model-{category}",
            message=why,
            suggestion=redirects[0] if redirects else "",
            redirects=list(redirects),
            rewrite=rewritten,
        )
