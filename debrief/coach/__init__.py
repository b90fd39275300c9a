"""The blameless coach: finds blaming, counterfactual and hindsight wording, and suggests
what to ask instead. Pure: no Textual, no database."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from debrief.coach.engine import Coach
from debrief.coach.finding import Finding
from debrief.coach.rules import RulesError, RuleSet, Script, load_rules, rules_dir


def coach_for(user_dir: Path | None = None) -> Coach:
    """A compiled coach for the built-in rules plus those in `user_dir`.

    Cached until a file in `user_dir` changes (compiling takes a few tens of ms).
    """
    files: tuple[tuple[str, int, int], ...] = ()
    if user_dir is not None and user_dir.is_dir():
        files = tuple(
            (p.name, p.stat().st_mtime_ns, p.stat().st_size)
            for p in sorted(user_dir.glob("*.toml"))
        )
    return _compiled(user_dir, files)


@lru_cache(maxsize=8)
def _compiled(user_dir: Path | None, files: tuple[tuple[str, int, int], ...]) -> Coach:
    return Coach(load_rules(user_dir if files else None))


def lint(text: str, people: tuple[str, ...] = (), actions: bool = False) -> list[Finding]:
    """Findings in `text` with the built-in rules."""
    return coach_for().lint(text, people=people, actions=actions)


__all__ = [
    "Coach",
    "Finding",
    "RuleSet",
    "RulesError",
    "Script",
    "coach_for",
    "lint",
    "load_rules",
    "rules_dir",
]
