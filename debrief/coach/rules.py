"""The coach's rules as data: TOML files in the package, extended from the config dir.

A rule file holds `[[rules]]`, an optional `[vocabulary]` (words that tell people
from systems) and optional `[[scripts]]` (what a facilitator can say to redirect).
Files in the config dir's `rules/` folder are read after the built-in ones: a rule
with an id already seen replaces it (`enabled = false` switches it off), vocabulary
lists are extended, scripts are appended.
"""

from __future__ import annotations

import re
import tomllib
import warnings
from enum import StrEnum
from importlib import resources
from pathlib import Path

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

BUILTIN_FILES = (
    "rules.toml",
    "hindsight.toml",
    "vocabulary.toml",
    "blame.toml",
    "people.toml",
    "families.toml",
    "verdicts.toml",
    "scripts.toml",
    "groups.toml",
    "errors.toml",
)


class Subject(StrEnum):
    """Who must be doing what the words describe for the rule to apply."""

    any = "any"
    """No check."""
    person = "person"
    """A person: a participant's name, a common first name, a pronoun or a role."""
    agent = "agent"
    """A person, or anything but a system when the `verb` group is something people do."""
    not_system = "not-system"
    """Anything but a system (the alert, the cache, it)."""
    clause_person = "clause-person"
    """A person opens the clause the words are in ("The operator typed … the wrong …")."""


class Scope(StrEnum):
    text = "text"
    """Anywhere in prose."""
    actions = "actions"
    """Only at the start of an action item (an action-items section or list)."""


class Rule(BaseModel):
    """One kind of wording a facilitator would redirect."""

    model_config = ConfigDict(extra="forbid")

    id: str
    category: str
    """counterfactual, omission, judgement, character, human-error, blame, hindsight,
    why-question, animated or vague-remediation (or one of your own)."""
    triggers: list[str] = Field(default_factory=list)
    """Words (lower case) each pattern starts with; they make linting one fast pass.
    Without triggers every pattern is searched through the whole text (slower)."""
    patterns: list[str] = Field(default_factory=list)
    """Regular expressions (case-insensitive). A `who` group must name a person;
    a `verb` group is checked against the vocabulary's human verbs for `agent`.
    `{verbs}` stands for every form of the rule's `verbs`."""
    verbs: list[str] = Field(default_factory=list)
    """A verb family by its plain form ("break", "screw up", "fat-finger"): `{verbs}` in
    a pattern matches each of its forms (broke, broken, screwed up, fat-fingered), and
    their first words are added to the triggers."""
    subject: Subject = Subject.any
    """What must come right before the words (see Subject)."""
    include_subject: bool = True
    """Flag the subject together with the words when it is a person."""
    exclude_subjects: list[str] = Field(default_factory=list)
    """Person words that do not count for this rule (e.g. "we")."""
    capitalised: bool = False
    """A capitalised word that is not a known system counts as a person's name (for
    wording only people do: "Kasia deployed it without review")."""
    specific_ok: bool = False
    """Skip when the line names something specific (a product, a file, a number, a
    hyphenated or dotted technical name): "Investigate grafana-agent memory usage"."""
    owner_ok: bool = False
    """Skip when the line names an owner or a date (a tracked action item)."""
    human_verb: bool = False
    """The `verb` group must be something people do (checked, paused, noticed)."""
    first_word: bool = False
    """Only as the first words of a sentence (a question, not a relative clause)."""
    scope: Scope = Scope.text
    in_questions: bool = False
    """Also flag inside what/how/which/where/when questions (good redirects already)."""
    negatable: bool = False
    """Skip when the clause denies it ("nobody is to blame", "not human error")."""
    explained_ok: bool = False
    """Skip when the sentence goes on to explain it ("…because the phone was on silent")."""
    system_condition_ok: bool = False
    """Skip when it hangs on a system ("…could have seen it if the dashboard had shown it")."""
    sentence_cue: str = ""
    """Only when the sentence also matches this expression (case-insensitive): for wording
    that is neutral alone ("deployed by Priya at 10:05") and blaming beside a sign of harm
    or of a skipped safeguard ("the change that wiped the cache … by Nalani")."""
    why: str = ""
    """One line: why a facilitator would redirect this."""
    redirects: list[str] = Field(default_factory=list)
    """Questions to ask instead, best first."""
    enabled: bool = True

    @field_validator("sentence_cue")
    @classmethod
    def _cue_compiles(cls, cue: str) -> str:
        _check_compiles([cue] if cue else [])  # every file's: a cue is compiled unguarded
        return cue

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: list[str], info: ValidationInfo) -> list[str]:
        if not (info.context and info.context.get(BUILTIN)):
            _check_compiles(patterns)  # the package's own: the tests compile every one
        return patterns

    @field_validator("triggers")
    @classmethod
    def _lower(cls, triggers: list[str]) -> list[str]:
        return [t.lower() for t in triggers]

    @model_validator(mode="after")
    def _verb_triggers(self) -> Rule:
        """The forms of the verb family start its patterns: they are triggers too."""
        if self.verbs:
            from debrief.coach.inflect import trigger_words

            past = not any("{verbs}" in pattern for pattern in self.patterns)
            words = trigger_words(self.verbs, past=past)
            self.triggers = list(dict.fromkeys([*self.triggers, *words]))
        return self


class Vocabulary(BaseModel):
    """Words that tell people from systems."""

    model_config = ConfigDict(extra="forbid")

    people: list[str] = Field(default_factory=list)
    """Pronouns and roles that stand for a person or a group of people."""
    systems: list[str] = Field(default_factory=list)
    """Nouns and pronouns for systems, and for people nobody would blame (customers)."""
    human_verbs: list[str] = Field(default_factory=list)
    """Forms of verbs only people do (checked, paused, noticed)."""
    names: list[str] = Field(default_factory=list)
    """Common first names; participants' names are added per document."""
    skip: list[str] = Field(default_factory=list)
    """Adverbs and determiners skipped when looking back for the subject."""
    negations: list[str] = Field(default_factory=list)

    def extend(self, other: Vocabulary) -> Vocabulary:
        merged = {
            name: list(dict.fromkeys([*getattr(self, name), *getattr(other, name)]))
            for name in Vocabulary.model_fields
        }
        return Vocabulary.model_validate(merged)


class Script(BaseModel):
    """Something the facilitator can say, for the Redirect card."""

    model_config = ConfigDict(extra="forbid")

    title: str
    when: str = ""
    text: str


class RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: list[Rule] = Field(default_factory=list)
    vocabulary: Vocabulary = Field(default_factory=Vocabulary)
    scripts: list[Script] = Field(default_factory=list)


class RuleSet(BaseModel):
    """Everything the coach knows, merged from every file."""

    rules: list[Rule]
    vocabulary: Vocabulary
    scripts: list[Script]


def _check_compiles(patterns: list[str]) -> None:
    for pattern in patterns:
        try:
            compile_quietly(pattern)
        except re.error as exc:
            raise ValueError(
                f"pattern {pattern!r} is not a valid regular expression: {exc}"
            ) from exc


def compile_quietly(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled without Python's warnings about it: "possible nested set" in a
    user's pattern is no error, and would otherwise reach the terminal."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return re.compile(pattern, flags)


class RulesError(ValueError):
    """A rule file that is missing or malformed."""


BUILTIN = "builtin"
"""Validation context key: the file is one of the package's own."""


def parse_rules(text: str, origin: str, builtin: bool = False) -> RuleFile:
    """A rule file, checked (a user's patterns are compiled here, so a broken one is
    reported with its file; the package's own are compiled by its tests instead)."""
    try:
        return RuleFile.model_validate(tomllib.loads(text), context={BUILTIN: builtin})
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"rule file {origin} is not valid TOML: {exc}") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise RulesError(f"rule file {origin} is invalid at {where}: {first['msg']}") from exc


def merge(files: list[RuleFile]) -> RuleSet:
    rules: dict[str, Rule] = {}
    vocabulary = Vocabulary()
    scripts: list[Script] = []
    for file in files:
        for rule in file.rules:
            rules[rule.id] = rule
        vocabulary = vocabulary.extend(file.vocabulary)
        scripts.extend(file.scripts)
    return RuleSet(
        rules=[r for r in rules.values() if r.enabled], vocabulary=vocabulary, scripts=scripts
    )


def builtin_files() -> list[RuleFile]:
    folder = resources.files("debrief") / "coach"
    return [
        parse_rules((folder / name).read_text(encoding="utf-8"), f"'{name}'", builtin=True)
        for name in BUILTIN_FILES
    ]


def user_files(user_dir: Path | None) -> list[RuleFile]:
    if user_dir is None or not user_dir.is_dir():
        return []
    return [
        parse_rules(path.read_text(encoding="utf-8"), str(path))
        for path in sorted(user_dir.glob("*.toml"))
    ]


def load_rules(user_dir: Path | None = None) -> RuleSet:
    """The built-in rules, extended by the `*.toml` files in `user_dir`."""
    return merge(builtin_files() + user_files(user_dir))


def rules_dir(config_path: Path | None = None) -> Path:
    """Where users put their own rule files: `rules/` beside the config file."""
    from debrief.config import config_dir

    base = config_path.parent if config_path else config_dir()
    return base / "rules"
