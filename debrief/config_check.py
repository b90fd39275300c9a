"""Checking a config file against its description (the dataclasses in debrief/config.py).

Plain Python, no pydantic: the config is read on the way to the app's first frame, and
pydantic's import and model building cost more than the whole check. Each mistake is
one sentence naming the key; an unknown key (a typo such as `usr`, `[jira] tokn` or
`[keymap] next-sectoin`) is let through with a warning naming the closest valid one.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class Secret:
    """A token or webhook URL: `str()` and `repr()` never show it."""

    __slots__ = ("_value",)

    def __init__(self, value: str = "") -> None:
        self._value = value

    @classmethod
    def of(cls, value: object) -> Secret:
        """`value` as a Secret (from text, or anything with `get_secret_value()`)."""
        if isinstance(value, Secret):
            return value
        reveal = getattr(value, "get_secret_value", None)
        return cls(str(reveal() if reveal is not None else value))

    def get_secret_value(self) -> str:
        return self._value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __str__(self) -> str:
        return "**********" if self._value else ""

    def __repr__(self) -> str:
        return f"Secret('{self}')"


class Settings:
    """The settings classes' constructor, equality and repr, written once here.

    Each class is a dataclass (`settings_class`) for its fields, their defaults and their
    descriptions; the methods `@dataclass` would write for each class are generated and
    compiled when the class is made, about 1 ms a class on the way to the first frame.
    Settings are given by name, e.g. `JiraConfig(url=..., project="OPS")`."""

    __dataclass_fields__: typing.ClassVar[dict[str, dataclasses.Field[Any]]]

    def __init__(self, **values: Any) -> None:
        for f in dataclasses.fields(self):
            if f.name in values:
                value = values.pop(f.name)
            elif f.default_factory is not dataclasses.MISSING:
                value = f.default_factory()
            else:
                value = f.default
            setattr(self, f.name, value)
        if values:
            name = next(iter(values))
            raise TypeError(f"{type(self).__name__} has no setting {name!r}")
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(
            getattr(self, f.name) == getattr(other, f.name)
            for f in dataclasses.fields(self)
            if f.compare
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass with eq is

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(self) if f.repr
        )
        return f"{type(self).__name__}({shown})"


def settings_class(cls: type[T]) -> type[T]:
    """A settings class: a dataclass whose methods come from `Settings`."""
    return dataclasses.dataclass(init=False, repr=False, eq=False)(cls)


def setting(
    default: Any,
    doc: str,
    *,
    gt: float | None = None,
    ge: float | None = None,
    le: float | None = None,
    max_items: int | None = None,
    min_items: int | None = None,
) -> Any:
    """A described setting: its default (a callable makes a fresh one each time), what it
    means (README's reference shows it), and its bounds."""
    meta = {"doc": doc, "gt": gt, "ge": ge, "le": le, "max_items": max_items}
    meta["min_items"] = min_items
    if callable(default) and not isinstance(default, Secret):
        return dataclasses.field(default_factory=default, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


class Invalid(ValueError):
    """One setting that cannot be used: `where` (e.g. serve.max_sessions) and why."""

    def __init__(self, where: str, why: str) -> None:
        super().__init__(f"{where}: {why}")
        self.where, self.why = where, why


def settings_of(cls: type) -> list[tuple[dataclasses.Field[Any], Any]]:
    """The described fields of a settings class, each with its resolved type."""
    hints = typing.get_type_hints(cls)
    return [(f, hints[f.name]) for f in dataclasses.fields(cls) if f.name != "warnings"]


def closest(key: str, valid: list[str] | frozenset[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(key, sorted(valid), n=1, cutoff=0.6)
    return found[0] if found else None


def unknown_key(where: str, key: str, valid: list[str] | frozenset[str]) -> str:
    """One sentence naming an unknown key and the closest valid one."""
    near = closest(key, valid)
    if where == "keymap":
        hint = f"did you mean {near!r}?" if near else "F1 in the app shows each key's id"
        return f"unknown binding id {key!r} in [keymap] ignored ({hint})"
    name = f"{where}.{key}" if where else key
    suggested = f"{where}.{near}" if where else near
    hint = f"did you mean {suggested!r}?" if near else "no such setting"
    return f"unknown key {name!r} ignored ({hint})"


def build(cls: Callable[..., T], data: dict[str, Any], where: str, notes: list[str]) -> T:
    """An instance of the settings class `cls` from a TOML table; Invalid for a value
    that cannot be used, a note for each unknown key."""
    described = settings_of(cls)  # type: ignore[arg-type]
    names = [f.name for f, _ in described]
    values: dict[str, Any] = {}
    for key in data:
        if key not in names:
            notes.append(unknown_key(where, key, names))
    for f, kind in described:
        if f.name in data:
            path = f"{where}.{f.name}" if where else f.name
            values[f.name] = _value(kind, data[f.name], path, f.metadata, notes)
    return cls(**values)


def _value(kind: Any, value: Any, where: str, meta: Any, notes: list[str]) -> Any:
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise Invalid(where, f"it must be a [{where}] table")
        return build(kind, value, where, notes)  # type: ignore[arg-type]
    if kind is str:
        if not isinstance(value, str):
            raise Invalid(where, "it must be text in quotes")
        return value
    if kind is Secret:
        if not isinstance(value, str):
            raise Invalid(where, "it must be text in quotes")
        return Secret(value)
    if kind is bool:
        if not isinstance(value, bool):
            raise Invalid(where, "it must be true or false")
        return value
    if kind in (int, float):
        return _number(kind, value, where, meta)
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is list:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise Invalid(where, 'it must be a list of texts, e.g. ["a", "b"]')
        if meta.get("max_items") is not None and len(value) > meta["max_items"]:
            raise Invalid(where, f"it may hold at most {meta['max_items']} entries")
        if meta.get("min_items") is not None and len(value) < meta["min_items"]:
            raise Invalid(where, f"it must hold at least {meta['min_items']} entry")
        return list(value)
    if origin is dict and args == (str, str):
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise Invalid(where, f"it must be a [{where}] table of texts in quotes")
        if where == "keymap":
            from debrief.binding_ids import BINDING_IDS

            for key in value:
                if key not in BINDING_IDS:
                    notes.append(unknown_key("keymap", key, BINDING_IDS))
        return dict(value)
    raise TypeError(f"no check for settings of type {kind!r}")  # a bug in the description


def _number(kind: type, value: Any, where: str, meta: Any) -> Any:
    whole = kind is int
    ok = isinstance(value, int) if whole else isinstance(value, int | float)
    gt, ge, le = meta.get("gt"), meta.get("ge"), meta.get("le")
    if ok and not isinstance(value, bool):
        inside = (
            (gt is None or value > gt)
            and (ge is None or value >= ge)
            and (le is None or value <= le)
        )
        if inside:
            return kind(value)
    what = "a whole number" if whole else "a number"
    if ge is not None and le is not None:
        said = f"from {ge:g} to {le:g}"
    else:
        bounds = [
            f"greater than {gt:g}" if gt is not None else "",
            f"at least {ge:g}" if ge is not None else "",
            f"at most {le:g}" if le is not None else "",
        ]
        said = " and ".join(b for b in bounds if b)
    raise Invalid(where, f"it must be {what}{' ' + said if said else ''}")


def check(cls: Callable[..., T], data: dict[str, Any], target: Path) -> T:
    """The settings in `data` (a config file's TOML), or ConfigError naming the file."""
    from debrief.config import ConfigError

    notes: list[str] = []
    try:
        config = build(cls, data, "", notes)
    except Invalid as exc:
        raise ConfigError(f"config file {target} is invalid at {exc.where}: {exc.why}") from None
    config.warnings = [f"config file {target}: {note}" for note in notes]  # type: ignore[attr-defined]
    return config
