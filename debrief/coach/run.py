"""One lint run: the text, its prose, and the context checks that keep the coach precise."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from debrief.coach.finding import Finding
from debrief.coach.markdown import action_lines, item_start
from debrief.coach.rules import Rule, Scope, Subject

if TYPE_CHECKING:
    from debrief.coach.engine import Coach, Kind

WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_SENTENCE_END = re.compile(
    r"[.!?](?=[\s\"')\]]|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+] |\d+[.)] |#|\|))|\|"
)
_CLAUSE_MARK = re.compile(r"[,;:(\u2014\u2013]| - ")
_GOOD_QUESTION = {"what", "how", "which", "where", "when", "who", "whom", "in", "to", "at"}
_CONJUNCTIONS = {
    "and", "but", "or", "because", "so", "although", "though", "when", "while", "since",
    "if", "then", "that", "which", "who", "where", "after", "before", "until", "unless",
    "once", "whereas", "yet",
}  # fmt: skip
_POSSESSIVES = {"his", "her", "their", "your"}
_EXPLAINED = re.compile(r"\b(?:because|since|as\s+(?:the|their|his|her|our|it)|due\s+to)\b", re.I)
_CONDITION = re.compile(
    r"\b(?:if|had|unless)\s+(?:(?:the|a|an|our|their|any|such\s+an?)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?P<subject>[\w-]+)\s+(?:had|were|was|'d|existed|been)\b",
    re.I,
)


class Run:
    """One lint run: the text, its prose, and the findings accepted so far."""

    def __init__(
        self, coach: Coach, text: str, masked: str, names: set[str], actions: bool
    ) -> None:
        self.coach = coach
        self.text = text
        self.masked = masked
        self.names = names
        self.all_actions = actions
        self._action_lines: set[int] | None = None
        self._line_starts: list[int] | None = None
        self._bounds: list[tuple[int, int]] | None = None
        self._quotes: list[int] | None = None
        self._bound_ends: list[int] = []
        self.candidates: list[tuple[int, int, Rule]] = []

    def consider(self, rule: Rule, match: re.Match[str], suffix: str = "") -> None:
        """Keep the match as a candidate if its context says it is meant.

        `suffix` is added to group names (`who`, `verb`) in combined patterns.
        """
        outer = f"p{suffix}" if suffix else 0
        start, end = match.start(outer), match.end(outer)
        while end > start and self.masked[end - 1].isspace():
            end -= 1
        sentence_start, sentence_end = self._sentence(start, end)
        if not rule.in_questions and self._good_question(sentence_start, sentence_end):
            return
        if self._quoted(start, end):
            return
        if rule.scope is Scope.actions and not self._item_start(start, sentence_start):
            return
        if rule.first_word and not self._first_word(start, sentence_start):
            return
        groups = match.groupdict()
        verb = groups.get("verb" + suffix)
        if rule.human_verb and verb is not None and not self.coach.is_human_verb(verb):
            return
        clause = self._clause_tokens(sentence_start, start)
        if rule.negatable and self._negated(clause):
            return
        after = self.masked[end:sentence_end]
        if rule.explained_ok and _EXPLAINED.search(after):
            return
        if rule.system_condition_ok and self._hangs_on_a_system(after):
            return
        who = groups.get("who" + suffix)
        if who is not None and not self._is_person(rule, who, match.start("who" + suffix)):
            return
        start = self._check_subject(rule, clause, verb, start)
        if start < 0:
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
        quotes = self._quotes
        if not quotes:
            return False
        line_start = self.masked.rfind("\n", 0, start) + 1
        line_end = self.masked.find("\n", end)
        line_end = len(self.masked) if line_end < 0 else line_end
        before = bisect_left(quotes, start) - bisect_left(quotes, line_start)
        after = bisect_left(quotes, line_end) - bisect_left(quotes, end)
        return before % 2 == 1 and after > 0

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
        first = WORD.search(self.masked, sentence_start)
        return first is not None and first.start() == start

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

    def _is_person(self, rule: Rule, word: str, at: int) -> bool:
        """Does the `who` group name a person? A capitalised word will do with a human verb."""
        previous = WORD.findall(self.masked[max(0, at - 12) : at])
        kind = self.coach.kind(word, previous[-1] if previous else "", self.names)
        if word.lower() in {w.lower() for w in rule.exclude_subjects}:
            return False
        return kind == "person" or (kind == "capitalised" and rule.human_verb)

    def _check_subject(
        self, rule: Rule, clause: list[re.Match[str]], verb: str | None, start: int
    ) -> int:
        """The span's start (moved back to a person subject), or -1 to drop the match."""
        if rule.subject is Subject.any:
            return start
        coach = self.coach
        head: re.Match[str] | None = None
        previous = ""
        for index in range(len(clause) - 1, -1, -1):
            word = clause[index].group().lower()
            if word in coach.skip_words:
                continue
            if word not in _CONJUNCTIONS:
                head = clause[index]
                previous = clause[index - 1].group() if index else ""
            break
        kind: Kind = "none"
        subject_start = start
        if head is not None:
            kind = coach.kind(head.group(), previous, self.names)
            subject_start = head.start()
            if kind != "person" and (previous.lower() in _POSSESSIVES or _named(previous, self)):
                kind = "person"
                subject_start = clause[clause.index(head) - 1].start()
        excluded = {w.lower() for w in rule.exclude_subjects}
        is_person = kind == "person" and head is not None and head.group().lower() not in excluded
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
            line, end_line = self._line_of(start), self._line_of(end)
            starts = self._starts()
            out.append(
                Finding(
                    line=line + 1,
                    column=start - starts[line] + 1,
                    end_line=end_line + 1,
                    end_column=end - starts[end_line] + 1,
                    start=start,
                    end=end,
                    text=self.text[start:end],
                    category=rule.category,
                    rule=rule.id,
                    message=rule.why,
                    suggestion=rule.redirects[0] if rule.redirects else "",
                    redirects=list(rule.redirects),
                )
            )
        return out


def _named(token: str, context: Run) -> bool:
    """A possessive of a known name: "Lee's"."""
    return token.endswith("'s") and token[:-2] in context.names
