"""The base of debrief's data classes: a dataclass that converts what it is given by
each field's type, with the few conveniences the code uses (`model_validate`,
`model_dump`, `model_copy`, `model_fields`).

No validation library is involved, so reading a post-mortem costs no import on the
way to the first frame. Two modes:

- lenient (the default: rows read back from the store, values typed by people): a
  stored instant or date that cannot be read becomes None, numbers written as text are
  read, an enum takes its value; a value of the wrong kind is a `RecordError`.
- strict (`model_validate(data, context=INPUT)`, data from outside such as an import
  file): only the value's own type or its usual JSON spelling, and each class's
  `_checks` (ids, required text, links) apply too. Errors name where they are
  (`events.3.at: ...`).

`RecordError` is a ValueError, so callers that turn ValueErrors into one sentence keep
doing so.
"""

from __future__ import annotations

import copy as _copy
import dataclasses
import inspect
import json
import typing
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any, ClassVar, NamedTuple

from debrief.dates import DateError
from debrief.record_fields import (
    INPUT,
    Converter,
    RecordError,
    converter,
    kind_of,
    sentence_of,
)

_MISSING = dataclasses.MISSING


class _Spec(NamedTuple):
    name: str
    convert: Converter
    default: Any
    factory: Any
    exclude: bool
    exact: type | None
    """str or bool when the field is exactly that: such a value is taken as it is."""


class _FieldNames:
    """`Model.model_fields`: the fields by name, in order (read on the class)."""

    def __get__(self, obj: object, cls: type[Record]) -> dict[str, _Spec]:
        return {spec.name: spec for spec in cls._fields_plan()}


class Record:
    """Base of the data classes. A subclass lists its fields as annotations, with
    defaults (`dataclasses.field(default_factory=..., metadata={"exclude": True})` for
    a factory or a field left out of dumps). It may define `_before(cls, data, strict)`
    (a classmethod adjusting the input mapping) and `_checks(self, strict)` (raising
    ValueError for what types cannot say).

    Unlike `@dataclass`, nothing is generated when a class is defined: the fields are
    read on first use, so defining the classes costs no more than any class.
    """

    model_fields: ClassVar[Any] = _FieldNames()
    _plan: ClassVar[tuple[_Spec, ...] | None] = None

    def __init__(self, **values: Any) -> None:
        """Constructed in code: each value converted as a stored one would be."""
        mine = self.__dict__
        for name, convert, default, factory, _, _ in type(self)._fields_plan():
            if name in values:
                try:
                    mine[name] = convert(values.pop(name), False)
                except RecordError as exc:
                    raise exc.inside(name) from None
                except ValueError as exc:
                    raise RecordError((name,), sentence_of(exc)) from None
            elif factory is not _MISSING:
                mine[name] = factory()
            elif default is not _MISSING:
                mine[name] = default
            else:
                raise TypeError(f"{type(self).__name__}() needs {name}")
        if values:
            raise TypeError(f"{type(self).__name__}() has no field {sorted(values)[0]!r}")
        self._checks(False)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        names = type(self)._dumped_names(everything=True)
        return all(self.__dict__[n] == other.__dict__[n] for n in names)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        names = type(self)._dumped_names(everything=True)
        shown = ", ".join(f"{n}={self.__dict__[n]!r}" for n in names)
        return f"{type(self).__name__}({shown})"

    # -- conversion ---------------------------------------------------------------

    @classmethod
    def _fields_plan(cls) -> tuple[_Spec, ...]:
        plan: tuple[_Spec, ...] | None = cls.__dict__.get("_plan")
        if plan is None:
            hints = typing.get_type_hints(cls)
            names: list[str] = []
            for klass in reversed(cls.__mro__):
                if klass is Record or not issubclass(klass, Record):
                    continue
                for name in inspect.get_annotations(klass):
                    if name not in names and typing.get_origin(hints[name]) is not ClassVar:
                        names.append(name)
            specs = []
            for name in names:
                default: Any = getattr(cls, name, _MISSING)
                factory: Any = _MISSING
                exclude = False
                if isinstance(default, dataclasses.Field):
                    marker: dataclasses.Field[Any] = default
                    exclude = bool(marker.metadata.get("exclude"))
                    default, factory = marker.default, marker.default_factory
                hint = hints[name]
                exact = hint if hint in (str, bool) else None
                specs.append(_Spec(name, converter(hint), default, factory, exclude, exact))
            plan = tuple(specs)
            cls._plan = plan  # per class: read back through cls.__dict__
        return plan

    @classmethod
    def _before(cls, data: dict[str, Any], strict: bool) -> dict[str, Any]:
        return data

    def _checks(self, strict: bool) -> None:
        return None

    @classmethod
    def model_validate(cls, data: Any, *, context: Mapping[str, Any] | None = None) -> Any:
        """An instance from a mapping (or the instance itself); see the module text."""
        strict = bool(context and context.get("input"))
        if isinstance(data, cls) and not strict:
            return data
        if isinstance(data, Record):
            data = data.model_dump()
        if not isinstance(data, Mapping):
            raise RecordError((), f"should be an object, not {kind_of(data)}")
        data = cls._before(dict(data), strict)
        values: dict[str, Any] = {}
        for name, convert, default, factory, _, exact in cls._fields_plan():
            value = data.get(name, _MISSING)
            if value is _MISSING or (value is None and default is not _MISSING):
                if default is not _MISSING:
                    values[name] = default
                elif factory is not _MISSING:
                    values[name] = factory()
                else:
                    raise RecordError((name,), "is missing")
            elif type(value) is exact:  # text and flags as they are: nothing to convert
                values[name] = value
            else:
                try:
                    values[name] = convert(value, strict)
                except RecordError as exc:
                    raise exc.inside(name) from None
                except ValueError as exc:
                    raise RecordError((name,), sentence_of(exc)) from None
        made = object.__new__(cls)
        made.__dict__.update(values)
        try:
            made._checks(strict)
        except RecordError:
            raise
        except ValueError as exc:
            raise RecordError((), sentence_of(exc)) from None
        return made

    @classmethod
    def model_validate_json(cls, text: str | bytes) -> Any:
        from debrief.untrusted import load_json

        return cls.model_validate(load_json(text))

    # -- output -------------------------------------------------------------------

    def model_dump(
        self,
        *,
        mode: str = "python",
        include: Iterable[str] | None = None,
        exclude: Iterable[str] | None = None,
    ) -> dict[str, Any]:
        """The fields as a dict (nested records too); `mode="json"` gives JSON values
        (instants as `...Z`, dates as ISO text, enums as their values). Fields marked
        `metadata={"exclude": True}` are left out, as are those in `exclude`."""
        names = type(self)._dumped_names()
        if include is not None:
            wanted = set(include)
            names = tuple(n for n in names if n in wanted)
        if exclude:
            dropped = set(exclude)
            names = tuple(n for n in names if n not in dropped)
        as_json = mode == "json"
        values = self.__dict__
        return {name: _dumped(values[name], as_json) for name in names}

    @classmethod
    def _dumped_names(cls, everything: bool = False) -> tuple[str, ...]:
        """The fields a dump holds (`everything`: with those left out of dumps)."""
        key = "_all_names" if everything else "_dump_names"
        names: tuple[str, ...] | None = cls.__dict__.get(key)
        if names is None:
            plan = cls._fields_plan()
            names = tuple(s.name for s in plan if everything or not s.exclude)
            setattr(cls, key, names)
        return names

    def model_dump_json(
        self, *, indent: int | None = None, exclude: Iterable[str] | None = None
    ) -> str:
        return json.dumps(
            self.model_dump(mode="json", exclude=exclude), indent=indent, ensure_ascii=False
        )

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Any:
        """A copy with `update` applied as given (not converted)."""
        made = _copy.deepcopy(self) if deep else _copy.copy(self)
        if update:
            made.__dict__.update(update)
        return made


_PLAIN = frozenset({str, int, bool, float, type(None)})


def _dumped(value: Any, as_json: bool) -> Any:
    if type(value) in _PLAIN:
        return value
    if isinstance(value, Record):
        return value.model_dump(mode="json" if as_json else "python")
    if isinstance(value, list | tuple):
        return [_dumped(v, as_json) for v in value]
    if isinstance(value, dict):
        return {k: _dumped(v, as_json) for k, v in value.items()}
    if not as_json:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    if isinstance(value, date):
        return value.isoformat()
    return value


__all__ = ["INPUT", "DateError", "Record", "RecordError", "converter"]
