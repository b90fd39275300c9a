"""A finding: one span of wording a facilitator would redirect (the CLI's JSON)."""

from __future__ import annotations

from pydantic import BaseModel


class Finding(BaseModel):
    """One span of wording a facilitator would redirect."""

    line: int
    """1-based line of the first character."""
    column: int
    """1-based column of the first character."""
    end_line: int
    end_column: int
    """1-based column just after the last character (on `end_line`)."""
    start: int
    """Offset of the first character in the text."""
    end: int
    text: str
    """The flagged words, exactly as written."""
    category: str
    rule: str
    message: str
    """Why it is worth redirecting."""
    suggestion: str
    """A question to ask instead."""
    redirects: list[str]
    rewrite: str = ""
    """The sentence asked another way, when one reads well: a how-question for a
    why-question at a person, a question about what was known for a counterfactual."""
