"""Debrief templates: TOML files listing the sections, their guidance, questions and timeboxes.

The built-in default ships with the package; user templates live in the config
directory's `templates/` folder and may shadow it by name.
"""

from __future__ import annotations

import tomllib
from enum import StrEnum
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, field_validator


class SectionKind(StrEnum):
    text = "text"
    timeline = "timeline"
    actions = "actions"
    aspirational = "aspirational"


class TemplateSection(BaseModel):
    key: str
    title: str
    kind: SectionKind = SectionKind.text
    timebox: int = Field(default=5, ge=0, le=240, description="Minutes in the meeting agenda.")
    guidance: str = ""
    questions: list[str] = Field(default_factory=list)


class Template(BaseModel):
    name: str
    description: str = ""
    opening: str = ""
    sections: list[TemplateSection]

    @field_validator("sections")
    @classmethod
    def _unique_keys(cls, sections: list[TemplateSection]) -> list[TemplateSection]:
        keys = [s.key for s in sections]
        if len(set(keys)) != len(keys):
            raise ValueError("section keys must be unique")
        if not sections:
            raise ValueError("a template needs at least one section")
        return sections

    def section(self, key: str) -> TemplateSection | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def planned_minutes(self) -> int:
        return sum(s.timebox for s in self.sections)


class TemplateError(ValueError):
    """A template that is missing or malformed."""


def _parse(text: str, origin: str) -> Template:
    try:
        return Template.model_validate(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"template {origin} is not valid TOML: {exc}") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise TemplateError(f"template {origin} is invalid at {where}: {first['msg']}") from exc


def builtin_names() -> list[str]:
    folder = resources.files("debrief") / "templates"
    return sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )


def load_template(name: str = "default", user_dir: Path | None = None) -> Template:
    """The named template: a user's file first, then the built-in ones."""
    if user_dir is not None:
        path = user_dir / f"{name}.toml"
        if path.is_file():
            return _parse(path.read_text(encoding="utf-8"), str(path))
    resource = resources.files("debrief") / "templates" / f"{name}.toml"
    if resource.is_file():
        return _parse(resource.read_text(encoding="utf-8"), f"'{name}'")
    available = sorted(set(builtin_names()) | set(user_names(user_dir)))
    raise TemplateError(f"no template named '{name}' (available: {', '.join(available)})")


def user_names(user_dir: Path | None) -> list[str]:
    if user_dir is None or not user_dir.is_dir():
        return []
    return sorted(p.stem for p in user_dir.glob("*.toml"))
