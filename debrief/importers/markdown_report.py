"""What a Markdown import did with each file: where each heading went, how many
events and items it gave, what was left in "Other", and why a file was refused."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Placement(BaseModel):
    """One heading of the file (or its front matter, or the text before any heading)
    and the section it went to."""

    heading: str
    section: str
    events: int = 0
    items: int = 0
    text: bool = True
    """Whether any of its text was kept (False: the heading had nothing under it, or
    all of it became events, items or participants)."""


class FileReport(BaseModel):
    file: str
    status: str = "imported"
    """imported, already (the same file was imported before) or failed."""
    id: str = ""
    title: str = ""
    error: str = ""
    placed: list[Placement] = Field(default_factory=list)
    sections: list[str] = Field(default_factory=list)
    """The titles of the sections that received text, events or items."""
    events: int = 0
    date_only: int = 0
    """Events whose entry gave a day but no time (placed at the start of that day)."""
    kept_as_text: int = 0
    """Timeline entries with a time but no day to put it on: kept in the text."""
    zone: str = ""
    zone_from: str = ""
    items: int = 0
    items_incomplete: int = 0
    """Items imported without an owner or a due date (`debrief check` lists them)."""
    participants: int = 0
    other: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    def summary(self, sep: str = " · ") -> str:
        """What the file gave, its parts joined by `sep`."""
        from debrief.words import plural

        if self.status == "failed":
            return self.error
        parts = [
            plural(len(self.sections), "section") + " filled",
            plural(self.events, "event")
            + (f" (times in {self.zone}, {self.zone_from})" if self.events else ""),
            plural(self.items, "action item")
            + (
                f" ({self.items_incomplete} without owner or due date)"
                if self.items_incomplete
                else ""
            ),
        ]
        if self.participants:
            parts.append(plural(self.participants, "participant"))
        if self.other:
            parts.append(f"Other: {', '.join(self.other)}")
        return sep.join(parts)
