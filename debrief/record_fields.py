"""Field conversion for debrief's records (debrief/record.py): `converter(hint)` gives
`convert(value, strict)` for a field's type, and `RecordError` says where a value does
not fit. Lenient for stored and typed values, strict for data from outside."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from debrief.dates import check_day, check_instant, read_stored, read_stored_day

if TYPE_CHECKING:
    from debrief.record import Record

INPUT = {"input": True}
"""Validation context for data from outside (an import file): see debrief/record.py."""

_INT_LIMIT = 2**63
Converter = Callable[[Any, bool], Any]


class RecordError(ValueError):
    """A value that does not fit its field; str() is `where: what`."""

    def __init__(self, where: Iterable[str | int], message: str) -> None:
        self.where = tuple(where)
        self.message = message
        place = ".".join(str(p) for p in self.where)
        super().__init__(f"{place}: {message}" if place else message)

    def inside(self, *outer: str | int) -> RecordError:
        return RecordError((*outer, *self.where), self.message)


def kind_of(value: Any) -> str:
    names = {str: "text", bool: "true/false", int: "a number", float: "a number"}
    names |= {list: "a list", dict: "an object", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def sentence_of(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


# -- converters by type ----------------------------------------------------------------


def converter(hint: Any) -> Converter:
    """`convert(value, strict)` for a field typed `hint`."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any or hint is object:
        return _same
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        one = converter(inner[0]) if len(inner) == 1 else _same
        return lambda v, strict: None if v is None else one(v, strict)
    if origin is typing.Literal:
        return _choice(args)
    if origin in (list, tuple, set, frozenset):
        return _list_of(converter(args[0]) if args else _same)
    if origin is dict or hint is dict:
        return _mapping
    from debrief.record import Record

    if isinstance(hint, type):
        if issubclass(hint, Enum):
            return _enum(hint)
        if issubclass(hint, Record):
            return _record(hint)
    return _SIMPLE.get(hint, _same)


def _same(value: Any, strict: bool) -> Any:
    return value


def _text(value: Any, strict: bool) -> str:
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str(value)
    raise RecordError((), f"should be text, not {kind_of(value)}")


def _flag(value: Any, strict: bool) -> bool:
    if type(value) is bool:
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if not strict and isinstance(value, str) and value.lower() in ("true", "false", "1", "0"):
        return value.lower() in ("true", "1")
    raise RecordError((), f"should be true or false, not {kind_of(value)}")


def _whole(value: Any, strict: bool) -> int:
    if type(value) is int:
        number = value
    elif (isinstance(value, float) and value.is_integer()) or (
        isinstance(value, str) and value.strip().lstrip("+-").isdigit() and len(value) < 40
    ):
        number = int(value)
    else:
        raise RecordError((), f"should be a whole number, not {kind_of(value)}")
    if not -_INT_LIMIT <= number < _INT_LIMIT:
        raise RecordError((), "is too large a number")
    return number


def _real(value: Any, strict: bool) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if not strict and isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            pass
    raise RecordError((), f"should be a number, not {kind_of(value)}")


def _instant(value: Any, strict: bool) -> datetime | None:
    if type(value) is datetime:
        return check_instant(value)
    if not strict:
        return read_stored(value)  # a stored instant that cannot be read: None
    if isinstance(value, str) and len(value) <= 64:
        try:
            found = datetime.fromisoformat(value.strip())
        except ValueError:
            raise RecordError((), f"{value[:40]!r} is not a date and time") from None
        return check_instant(found, value)
    raise RecordError((), f"should be a date and time, not {kind_of(value)}")


def _day(value: Any, strict: bool) -> date | None:
    if type(value) is date:
        return check_day(value)
    if not strict:
        return read_stored_day(value)
    if isinstance(value, str) and len(value) <= 64:
        try:
            found = date.fromisoformat(value.strip())
        except ValueError:
            raise RecordError((), f"{value[:40]!r} is not a date (YYYY-MM-DD)") from None
        return check_day(found, value)
    raise RecordError((), f"should be a date, not {kind_of(value)}")


def _mapping(value: Any, strict: bool) -> dict[Any, Any]:
    if isinstance(value, Mapping):
        return dict(value)
    raise RecordError((), f"should be an object, not {kind_of(value)}")


def _list_of(item: Converter) -> Converter:
    def convert(value: Any, strict: bool) -> list[Any]:
        if not isinstance(value, list | tuple) and not (not strict and isinstance(value, set)):
            raise RecordError((), f"should be a list, not {kind_of(value)}")
        out = []
        for index, one in enumerate(value):
            try:
                out.append(item(one, strict))
            except RecordError as exc:
                raise exc.inside(index) from None
            except ValueError as exc:
                raise RecordError((index,), sentence_of(exc)) from None
        return out

    return convert


def _enum(kind: type[Enum]) -> Converter:
    def convert(value: Any, strict: bool) -> Enum:
        if isinstance(value, kind):
            return value
        try:
            return kind(value)
        except (ValueError, TypeError):
            allowed = ", ".join(repr(m.value) for m in kind)
            shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
            raise RecordError((), f"{shown} should be one of {allowed}") from None

    return convert


def _choice(allowed: tuple[Any, ...]) -> Converter:
    def convert(value: Any, strict: bool) -> Any:
        if value in allowed:
            return value
        raise RecordError((), f"should be one of {', '.join(repr(a) for a in allowed)}")

    return convert


def _record(kind: type[Record]) -> Converter:
    def convert(value: Any, strict: bool) -> Any:
        if isinstance(value, kind) and not strict:
            return value
        return kind.model_validate(value, context=INPUT if strict else None)

    return convert


_SIMPLE: dict[Any, Converter] = {
    str: _text,
    bool: _flag,
    int: _whole,
    float: _real,
    datetime: _instant,
    date: _day,
}
