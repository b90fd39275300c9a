"""The small part of JQL the fake Jira understands.

Clauses joined by AND: `field = value`, `field != value`, `field in (a, b)`,
`field not in (a, b)`, then an optional `ORDER BY field [ASC|DESC]`. Fields:
project, labels, key, status, statusCategory, assignee. Values are bare words
or double-quoted strings. Anything else is a JQL error, as in Jira.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_TOKEN = re.compile(
    r'\s*(?:(?P<str>"(?:[^"\\]|\\.)*")|(?P<op>!=|=|\(|\)|,)|(?P<word>[^\s=!(),"]+))'
)


class JqlError(ValueError):
    """Jira's 400 answer to a query it cannot parse."""


@dataclass(frozen=True)
class Clause:
    field: str
    op: str  # "=", "!=", "in", "not in"
    values: tuple[str, ...]


@dataclass(frozen=True)
class Query:
    clauses: tuple[Clause, ...]
    order_by: str = "key"
    descending: bool = False

    def matches(self, issue: dict[str, Any]) -> bool:
        return all(_match(c, issue) for c in self.clauses)

    def sort(self, issues: list[dict[str, Any]]) -> list[dict[str, Any]]:
        key: Callable[[dict[str, Any]], Any]
        if self.order_by == "key":
            key = lambda i: (i["key"].rsplit("-", 1)[0], int(i["key"].rsplit("-", 1)[1]))  # noqa: E731
        else:
            key = lambda i: str(_values(self.order_by, i))  # noqa: E731
        return sorted(issues, key=key, reverse=self.descending)


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise JqlError(f"Error in the JQL Query: unexpected character at position {pos}.")
        if m.group("str") is not None:
            out.append("\x00" + m.group("str")[1:-1].replace('\\"', '"'))
        else:
            out.append(m.group("op") or m.group("word"))
        pos = m.end()
    return out


def parse(text: str) -> Query:
    tokens = _tokens(text)
    clauses: list[Clause] = []
    order_by, descending = "key", False
    i = 0

    def value(tok: str) -> str:
        return tok[1:] if tok.startswith("\x00") else tok

    while i < len(tokens):
        tok = tokens[i]
        if tok.lower() == "order" and i + 1 < len(tokens) and tokens[i + 1].lower() == "by":
            order_by = tokens[i + 2].lower() if i + 2 < len(tokens) else "key"
            descending = i + 3 < len(tokens) and tokens[i + 3].lower() == "desc"
            break
        if clauses:
            if tok.lower() != "and":
                raise JqlError(f"Error in the JQL Query: expecting AND but got '{value(tok)}'.")
            i += 1
            tok = tokens[i] if i < len(tokens) else ""
        field = value(tok)
        if field.lower() not in FIELDS:
            raise JqlError(
                f"Field '{field}' does not exist or you do not have permission to view it."
            )
        i += 1
        op = tokens[i].lower() if i < len(tokens) else ""
        if op == "not" and i + 1 < len(tokens) and tokens[i + 1].lower() == "in":
            op, i = "not in", i + 1
        i += 1
        if op in ("=", "!="):
            if i >= len(tokens):
                raise JqlError("Error in the JQL Query: expecting a value.")
            clauses.append(Clause(field.lower(), op, (value(tokens[i]),)))
            i += 1
        elif op in ("in", "not in"):
            if i >= len(tokens) or tokens[i] != "(":
                raise JqlError("Error in the JQL Query: expecting '(' after IN.")
            values: list[str] = []
            i += 1
            while i < len(tokens) and tokens[i] != ")":
                if tokens[i] != ",":
                    values.append(value(tokens[i]))
                i += 1
            if i >= len(tokens):
                raise JqlError("Error in the JQL Query: expecting ')'.")
            i += 1
            clauses.append(Clause(field.lower(), op, tuple(values)))
        else:
            raise JqlError(f"Error in the JQL Query: unsupported operator '{op}'.")
    return Query(tuple(clauses), order_by, descending)


FIELDS = {"project", "labels", "key", "issuekey", "status", "statuscategory", "assignee"}


def _values(field: str, issue: dict[str, Any]) -> list[str]:
    f = issue["fields"]
    if field == "project":
        return [f["project"]["key"].lower(), str(f["project"]["id"])]
    if field == "labels":
        return [label.lower() for label in f.get("labels") or []]
    if field in ("key", "issuekey"):
        return [issue["key"].lower()]
    if field == "status":
        return [f["status"]["name"].lower()]
    if field == "statuscategory":
        cat = f["status"]["statusCategory"]
        return [cat["key"].lower(), cat["name"].lower()]
    if field == "assignee":
        who = f.get("assignee")
        if not who:
            return ["empty"]
        return [str(who.get(k, "")).lower() for k in ("name", "accountId", "emailAddress")]
    return []


def _match(clause: Clause, issue: dict[str, Any]) -> bool:
    have = set(_values(clause.field, issue))
    wanted = {v.lower() for v in clause.values}
    hit = bool(have & wanted)
    return hit if clause.op in ("=", "in") else not hit
