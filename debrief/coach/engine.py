"""The coach's engine: one pass over the prose, rules matched where their trigger words are.

Pure and fast (no Textual, no I/O after the rules are loaded): the app lints the
current section on every pause in typing, the CLI lints whole documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Literal

from debrief.coach.finding import Finding
from debrief.coach.inflect import expand_families
from debrief.coach.learned import learned_findings
from debrief.coach.markdown import prose
from debrief.coach.prefix import first_words
from debrief.coach.rules import Rule, RuleSet, Vocabulary, compile_quietly

if TYPE_CHECKING:
    from debrief.coach.model import Model
from debrief.coach.run import _SENTENCE_END, WORD, Run

Kind = Literal["person", "system", "capitalised", "unknown", "none"]

COMMON_WORDS = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "some", "any", "every", "each",
        "all", "both", "no", "our", "their", "his", "her", "my", "your", "its", "it", "there",
        "here", "then", "now", "later", "today", "yesterday", "tonight", "tomorrow", "also",
        "still", "again", "soon", "after", "before", "when", "while", "once", "if", "since",
        "because", "though", "although", "so", "but", "and", "or", "yet", "nor", "meanwhile",
        "eventually", "finally", "first", "next", "last", "initially", "afterwards", "instead",
        "unfortunately", "luckily", "fortunately", "apparently", "obviously", "clearly",
        "basically", "actually", "honestly", "sadly", "what", "which", "who", "whom", "whose",
        "where", "why", "how", "one", "nothing", "everything", "something", "anything",
    }
)  # fmt: skip
"""Words written with a capital only because they open a sentence: never a name."""


_NEVER = re.compile(r"(?!)")


def _compile(source: str) -> re.Pattern[str]:
    """`source`, case-blind; a pattern that does not compile never matches (the rule files
    are checked when loaded, and every built-in pattern is compiled by the tests)."""
    try:
        return compile_quietly(source, re.IGNORECASE)
    except re.error:
        return _NEVER


@dataclass(frozen=True)
class _Compiled:
    rule: Rule
    source: str

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Compiled when first needed: a lint only meets the patterns of the words it
        holds (compiling all 1,100 when the coach was built, and their combined forms,
        took 0.4 s before its first answer)."""
        return _compile(self.source)


SPAN_CAP = 1000
"""The longest sentence, and the longest line, the context checks look through (in
characters). Each finding looks back and forward within its sentence and line; an
endless one (`if only if only …`, 64 KB on one line) would make linting quadratic,
so longer ones are cut, at a space where there is one."""


class _Alternatives:
    """A trigger word's patterns, tried one by one where the word is found.

    Combining them into one expression per word saved 1 ms a 50 KB lint once compiled,
    but compiling them cost 0.3 s in all (a rule's long pattern is shared by many of its
    trigger words, and was compiled again in each word's expression): two thirds of the
    first lint of a new 50 KB document."""

    def __init__(self, members: list[_Compiled]) -> None:
        self.members = members
        self.categories = tuple(sorted({m.rule.category for m in members}))

    def matches(self, text: str, at: int) -> Iterator[tuple[Rule, re.Match[str]]]:
        """(rule, match) for every pattern matching at `at`."""
        for member in self.members:
            match = member.pattern.match(text, at)
            if match:
                yield member.rule, match


class Coach:
    """Lints text with a rule set; build once, call `lint` as often as needed."""

    def __init__(self, rules: RuleSet, use_model: bool = True, model: Model | None = None) -> None:
        self.rules = rules
        vocab: Vocabulary = rules.vocabulary
        self._people = {w.lower() for w in vocab.people}
        self._systems = {w.lower() for w in vocab.systems}
        self._verbs = {w.lower() for w in vocab.human_verbs}
        self._names = set(vocab.names) | _packaged_names()
        self._lower_names = {n.lower() for n in self._names if len(n) > 2}
        self._lower_names_frozen = frozenset(self._lower_names)
        self.use_model = use_model
        """Whether the learned model adds findings for sentences no rule matched."""
        self.model = model
        """The model to use instead of the shipped one (loaded on the first lint)."""
        self.skip_words = {w.lower() for w in vocab.skip}
        self.negation_words = {w.lower() for w in vocab.negations}
        self._by_trigger: dict[str, list[_Compiled]] = {}
        self._untriggered: list[_Compiled] = []
        for rule in rules.rules:
            triggers = rule.triggers
            for source in rule.patterns:
                expanded = _chat_spellings(expand_families(source, rule.verbs))
                compiled = _Compiled(rule, expanded)
                if not triggers:
                    self._untriggered.append(compiled)
                starts = first_words(expanded)
                for trigger in dict.fromkeys(_stem(t) for t in triggers):
                    if starts is None or trigger in starts:
                        self._by_trigger.setdefault(trigger, []).append(compiled)
        shared: dict[tuple[int, ...], _Alternatives] = {}  # a rule's triggers share its patterns
        self._alternatives: dict[str, _Alternatives] = {}
        for trigger, members in self._by_trigger.items():
            key = tuple(map(id, members))
            if key not in shared:
                shared[key] = _Alternatives(members)
            self._alternatives[trigger] = shared[key]
        alternation = _trie(sorted(self._by_trigger))
        ends = r"(?:\b|(?=n'?t\b)|(?='?ve\b))"  # didn't, didnt, should've, shouldve
        self._trigger_source = rf"\b{alternation}{ends}" if alternation else ""
        self._triggers = re.compile(self._trigger_source) if alternation else None

    @cached_property
    def _triggers_any_case(self) -> re.Pattern[str]:
        """The trigger words in any case, for text whose lower case is longer or shorter
        ("İ"): compiled only when such text comes."""
        return re.compile(self._trigger_source, re.I)

    # -- the pass ---------------------------------------------------------------

    def lint(self, text: str, people: Iterable[str] = (), actions: bool = False) -> list[Finding]:
        """Findings in `text`, in order, one per span.

        `people` are participants' names (they make naming someone certain);
        `actions` says the whole text is action items (the action-items section).
        """
        people = tuple(people)
        context, findings = self.rules_pass(text, people, actions)
        if self.use_model:
            findings = learned_findings(context, findings, self._model_names(people), self.model)
        return findings

    def rules_pass(
        self, text: str, people: tuple[str, ...] = (), actions: bool = False
    ) -> tuple[Run, list[Finding]]:
        """The rules' findings, and the run (its prose, where trigger words were)."""
        masked = prose(text)
        marks = sentence_marks(masked)
        if needs_bounds(masked, marks):
            masked = bounded(masked)
            marks = sentence_marks(masked)
        participants = {t for t in _name_tokens(people) if t.lower() not in self._systems}
        names = participants | {n.lower() for n in participants}  # the names list is kind()'s
        context = Run(self, text, masked, names, actions, marks)
        if self._triggers is not None:
            lower = masked.lower()
            hits = (
                self._triggers.finditer(lower)
                if len(lower) == len(masked)  # lower() can change the length of a few letters
                else self._triggers_any_case.finditer(masked)
            )
            alternatives = self._alternatives
            lowered = len(lower) == len(masked)
            found_at = context.hits.append
            consider = context.consider
            for hit in hits:
                word = hit.group()
                found = alternatives.get(word if lowered else word.lower())
                if found is None:  # "İf": lower case of a letter that is two letters
                    continue
                at = hit.start()
                found_at((at, found.categories))
                for rule, match in found.matches(masked, at):
                    consider(rule, match)
        for compiled in self._untriggered:
            for match in compiled.pattern.finditer(masked):
                context.consider(compiled.rule, match)
        return context, context.findings()

    def broken_patterns(self) -> list[str]:
        """The ids of rules with a pattern that does not compile once its verb families
        are expanded. Compiles every pattern now, as lints do when they first meet its
        words (a pattern that does not compile never matches)."""
        members = [m for ms in self._by_trigger.values() for m in ms] + self._untriggered
        return sorted({m.rule.id for m in members if m.pattern is _NEVER})

    @lru_cache(maxsize=16)  # noqa: B019 - one coach per rule set, kept for the process
    def _model_names(self, people: tuple[str, ...]) -> frozenset[str]:
        """Names the model reads as `<name>`: the names list and every word of `people`
        (lower-cased, so "søren" in chat is Søren)."""
        if not people:
            return self._lower_names_frozen
        words = {w.lower() for person in people for w in WORD.findall(person) if len(w) > 1}
        return self._lower_names_frozen | words

    # -- people and systems -------------------------------------------------------

    def kind(self, token: str, previous: str, names: set[str]) -> Kind:
        """Whether `token` stands for a person, a system, or can't be told."""
        base = token[:-2] if token.endswith("'s") else token
        lower = base.lower()
        if lower in self._people or f"{previous.lower()} {lower}" in self._people:
            return "person"
        if self.is_name(base, names):
            return "person"  # a known name, in chat a lowercase one too
        if lower in self._systems or any(c.isdigit() for c in base):
            return "system"
        if len(base) == 1 and base.isupper() and previous.lower() in self._people:
            return "person"  # Engineer A, Team B, Dev C: a person or group kept anonymous
        if lower in COMMON_WORDS:
            return "unknown"  # "The broken link", "Yesterday …": capitalised to open a sentence
        if base[:1].isupper() and base[1:].islower() and len(base) > 1:
            return "capitalised"
        if (
            len(base) > 1
            and not base.isascii()
            and not any(c.isupper() or c.islower() for c in base)
        ):
            return "capitalised"  # a name in a script without case: 王伟, 김민준
        return "unknown"

    def is_name(self, word: str, names: set[str]) -> bool:
        """A participant's name (in `names`), or one from the names list; in chat a
        lowercase one too."""
        return (
            word in names
            or word in self._names
            or (word.islower() and len(word) > 2 and word in self._lower_names)
        )

    def kind_at(self, text: str, token: str, at: int, previous: str, names: set[str]) -> Kind:
        """`kind`, where an @mention (`@tomek`) is always a person."""
        before = at
        while (
            before > 0
            and before > at - 40
            and (text[before - 1].isalnum() or text[before - 1] in "._-")
        ):
            before -= 1  # @dan.k, @priya-n
        if before > 0 and text[before - 1] == "@":
            return "person"
        return self.kind(token, previous, names)

    def is_human_verb(self, verb: str | None) -> bool:
        return verb is not None and verb.lower() in self._verbs


def sentence_marks(masked: str) -> list[tuple[int, int]]:
    """Where the sentence ends are (one pass; the run looks sentences up in it)."""
    return [m.span() for m in _SENTENCE_END.finditer(masked)]


def needs_bounds(masked: str, marks: list[tuple[int, int]], cap: int = SPAN_CAP) -> bool:
    """Is a sentence or a line of `masked` longer than `cap`?"""
    if len(masked) <= cap:
        return False
    if max(map(len, masked.split("\n"))) > cap:
        return True
    previous = 0
    for start, end in marks:
        if start - previous > cap:
            return True
        previous = end
    return len(masked) - previous > cap


def bounded(masked: str, cap: int = SPAN_CAP) -> str:
    """`masked` with no sentence and no line longer than `cap`: an over-long sentence
    gets a sentence end (`|`), an over-long line a new line, in place of a space."""
    if len(masked) <= cap:
        return masked
    sentence_cuts: list[int] = []
    start = 0
    for mark in _SENTENCE_END.finditer(masked):
        _cuts(masked, start, mark.start(), cap, sentence_cuts)
        start = mark.end()
    _cuts(masked, start, len(masked), cap, sentence_cuts)
    if sentence_cuts:
        chars = list(masked)
        for at in sentence_cuts:
            chars[at] = "|"
        masked = "".join(chars)
    line_cuts: list[int] = []
    start = 0
    while start <= len(masked):
        end = masked.find("\n", start)
        end = len(masked) if end < 0 else end
        _cuts(masked, start, end, cap, line_cuts)
        start = end + 1
    if not line_cuts:
        return masked
    chars = list(masked)
    for at in line_cuts:
        chars[at] = "\n"
    return "".join(chars)


def _cuts(text: str, start: int, stop: int, cap: int, out: list[int]) -> None:
    """Offsets to cut [start, stop) at so that no piece is longer than `cap`."""
    while stop - start > cap:
        limit = start + cap
        cut = text.rfind(" ", start + cap // 2, limit)
        if cut < 0:
            cut = limit
        out.append(cut)
        start = cut + 1


def _trie(words: list[str]) -> str:
    """One regular expression matching any of `words`, shaped as a trie (fast to scan)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + build(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _stem(token: str) -> str:
    """The word a contraction or compound starts with: shouldn't → should, fat-finger → fat."""
    cut = re.split(r"['-]", token, maxsplit=1)[0]
    if cut.endswith("n") and token.startswith(cut + "'t"):
        return cut[:-1]
    return cut


_APOSTROPHE_T = re.compile(r"(?<!\(\?<!)n't")
_APOSTROPHE_VE = re.compile(r"(?<!\(\?<!)'ve")


def _chat_spellings(source: str) -> str:
    """A pattern that also matches chat spellings: didnt for didn't, shouldve for should've."""
    return _APOSTROPHE_VE.sub("'?ve", _APOSTROPHE_T.sub("n'?t", source))


def _packaged_names() -> set[str]:
    """Common given names from many countries (data/names.txt, one a line)."""
    from importlib import resources

    text = (resources.files("debrief") / "coach" / "data" / "names.txt").read_text("utf-8")
    names = set(text.split("\n"))
    names.discard("")
    return {name for name in names if name[0] != "#"} if "#" in text else names


def _name_tokens(people: Iterable[str]) -> set[str]:
    tokens: set[str] = set()
    for person in people:
        for part in WORD.findall(person):
            if len(part) > 1 and part[0].isupper():
                tokens.add(part)
    return tokens
