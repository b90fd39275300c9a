"""Debrief templates: TOML files listing the sections, their guidance, questions and timeboxes.

The built-in default ships with the package; user templates live in the config
directory's `templates/` folder and may shadow it by name.
"""

from __future__ import annotations

import dataclasses
from enum import StrEnum
from pathlib import Path

from debrief.package_files import package_file
from debrief.record import INPUT, Record, RecordError


class SectionKind(StrEnum):
    text = "text"
    timeline = "timeline"
    actions = "actions"
    aspirational = "aspirational"


class TemplateSection(Record):
    key: str
    title: str
    kind: SectionKind = SectionKind.text
    timebox: int = 5
    """Minutes in the meeting agenda (0 to 240)."""
    guidance: str = ""
    questions: list[str] = dataclasses.field(default_factory=list)

    def _checks(self, strict: bool) -> None:
        if not 0 <= self.timebox <= 240:
            raise RecordError(("timebox",), "should be 0 to 240 minutes")


class Template(Record):
    name: str
    description: str = ""
    opening: str = ""
    sections: list[TemplateSection]

    def _checks(self, strict: bool) -> None:
        keys = [s.key for s in self.sections]
        if len(set(keys)) != len(keys):
            raise RecordError(("sections",), "section keys must be unique")
        if not self.sections:
            raise RecordError(("sections",), "a template needs at least one section")

    def section(self, key: str) -> TemplateSection | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def planned_minutes(self) -> int:
        return sum(s.timebox for s in self.sections)


class TemplateError(ValueError):
    """A template that is missing or malformed."""


def _load(path: Path, origin: str) -> Template:
    # The parsed file is kept between runs (template_cache.py): no TOML parser on the
    # way to a post-mortem's first frame once it has been opened before.
    from debrief.template_cache import NotToml, parsed_toml

    try:
        return Template.model_validate(parsed_toml(path), context=INPUT)
    except NotToml as exc:
        raise TemplateError(f"template {origin} is not valid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise TemplateError(f"template {origin} is not UTF-8 text") from exc
    except ValueError as exc:
        where, _, what = str(exc).partition(": ")
        raise TemplateError(f"template {origin} is invalid at {where}: {what}") from exc


def builtin_names() -> list[str]:
    folder = package_file("templates")
    return sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )


def load_template(name: str = "default", user_dir: Path | None = None) -> Template:
    """The named template: a user's file first, then the built-in ones."""
    if user_dir is not None:
        path = user_dir / f"{name}.toml"
        if path.is_file():
            return _load(path, str(path))
    resource = package_file("templates", f"{name}.toml")
    if resource.is_file():
        return _load(resource, f"'{name}'")
    available = sorted(set(builtin_names()) | set(user_names(user_dir)))
    raise TemplateError(f"no template named '{name}' (available: {', '.join(available)})")


def user_names(user_dir: Path | None) -> list[str]:
    if user_dir is None or not user_dir.is_dir():
        return []
    return sorted(p.stem for p in user_dir.glob("*.toml"))
