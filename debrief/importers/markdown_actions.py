"""Action items from a post-mortem's action section: a table (action, owner, due,
status...) or a list or checklist (`- [ ] Add an alert (owner: @ana, due 2026-12-01)`).

Owner and due date are taken when the item names them, and left empty otherwise
(`debrief check` then lists the item as incomplete). The item's text is kept whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from debrief.importers.markdown_blocks import Plain, inline_after, plain, read_table, span
from debrief.importers.markdown_times import day_of
from debrief.kinds import ActionKind, ActionStatus, Priority

if TYPE_CHECKING:
    from markdown_it.token import Token

    from debrief.models import ActionItem

_E = TypeVar("_E", Priority, ActionKind)
_TITLE = re.compile(r"^(action( items?)?|items?|tasks?|titles?|descriptions?|what|todo|"
                    r"remediations?|follow[- ]?ups?|improvements?|fix(es)?|change)\b", re.I)  # fmt: skip
_OWNER = re.compile(r"^(owners?|assignee|assigned( to)?|who|responsible|dri|team|by)\b", re.I)
_DUE = re.compile(r"^(due( date)?|deadline|by when|eta|target( date)?|when|date)\b", re.I)
_STATUS = re.compile(r"^(status|state|done|progress|complete)\b", re.I)
_PRIORITY = re.compile(r"^(priority|prio|severity|importance)\b", re.I)
_KIND = re.compile(r"^(type|kind|category)\b", re.I)
_BOX = re.compile(r"^\[([ xX✓✔-])\]\s+")
_NAMED_OWNER = re.compile(
    r"\b(?:(?:owner|assignee|responsible|dri)\s*[:=]|owned by|assigned to)\s*"
    r"(@?[\w][\w.\-]*(?:\s[A-Z][\w.\-]*)?)",
    re.I,
)
_MENTION = re.compile(r"(?:^|[\s(\[])@([A-Za-z0-9][\w.\-]*[\w])")
_NAMED_DUE = re.compile(
    r"\b(?:due(?: date)?|deadline|by|eta|until)\s*[:=]?\s*([^,;)\]]{4,30})", re.I
)
_DONE = re.compile(r"\((done|fixed|completed?|closed|resolved)\)|✅|~~[^~\n]{1,300}~~", re.I)
SCAN = 2000
"""How much of an item's text is searched for its owner, due date and state."""


@dataclass
class Items:
    items: list[ActionItem] = field(default_factory=list)
    used: set[int] = field(default_factory=set)


def find_items(
    tokens: list[Token],
    indexes: list[int],
    near: date,
    aspirational: bool = False,
) -> Items:
    """An item per table row and per list item (nested ones too); other text is left."""
    found = Items()
    for index in indexes:
        token = tokens[index]
        if token.type == "table_open":
            _table(tokens, index, near, aspirational, found)
        elif token.type == "list_item_open":
            paragraph = index + 1
            if paragraph < len(tokens) and tokens[paragraph].type == "paragraph_open":
                text = plain(inline_after(tokens, paragraph))
                item = _from_text(text, near, aspirational, len(found.items))
                if item is not None:
                    found.items.append(item)
                    found.used.update(range(*span(tokens[paragraph])))
    return found


def _from_text(text: Plain, near: date, aspirational: bool, position: int) -> ActionItem | None:
    from debrief.models import ActionItem

    title = text.text.strip()
    status = ActionStatus.open
    box = _BOX.match(title)
    if box:
        title = title[box.end() :].strip()
        status = ActionStatus.open if box.group(1) == " " else ActionStatus.done
    if not title:
        return None
    scan = title[:SCAN]
    if _DONE.search(scan):
        status = ActionStatus.done
    owner = ""
    named = _NAMED_OWNER.search(scan)
    mentions = _MENTION.findall(scan)
    if named:
        owner = named.group(1).lstrip("@")
    elif len(mentions) == 1:
        owner = mentions[0]
    due = None
    for match in _NAMED_DUE.finditer(scan):
        due = day_of(match.group(1), near)
        if due is not None:
            break
    return ActionItem(
        title=title,
        owner=owner[:80],
        due=due,
        status=status,
        aspirational=aspirational,
        position=position,
    )


def _table(tokens: list[Token], index: int, near: date, aspirational: bool, found: Items) -> None:
    from debrief.models import ActionItem

    table, _ = read_table(tokens, index)
    names = [c.text.strip() for c in table.header]

    def column(pattern: re.Pattern[str], avoid: set[int | None]) -> int | None:
        return next((i for i, n in enumerate(names) if i not in avoid and pattern.match(n)), None)

    owner = column(_OWNER, set())
    due = column(_DUE, {owner})
    status = column(_STATUS, {owner, due})
    priority = column(_PRIORITY, {owner, due, status})
    kind = column(_KIND, {owner, due, status, priority})
    taken = {owner, due, status, priority, kind}
    title = column(_TITLE, taken)
    if title is None:
        rest = [i for i in range(len(names)) if i not in taken]
        if not rest:
            return
        title = max(rest, key=lambda i: sum(len(c[i].text) for _, c in table.rows if i < len(c)))
    kept_all = True
    for line, cells in table.rows:

        def cell(i: int | None, cells: list[Plain] = cells) -> str:
            return cells[i].text.strip() if i is not None and i < len(cells) else ""

        extra = [
            f"{names[i]}: {c.text}" if i < len(names) and names[i] else c.text
            for i, c in enumerate(cells)
            if i not in taken and i != title and c.text.strip()
        ]
        text = " · ".join([cell(title), *extra]).strip(" ·")
        if not text:
            kept_all = False
            continue
        found.items.append(
            ActionItem(
                title=text,
                owner=cell(owner).lstrip("@")[:80],
                due=day_of(cell(due), near) if cell(due) else None,
                status=_status(cell(status)),
                priority=_enum(Priority, cell(priority), Priority.medium),
                kind=_enum(ActionKind, cell(kind), ActionKind.prevent),
                aspirational=aspirational,
                position=len(found.items),
            )
        )
        found.used.add(line)
    if kept_all:
        found.used.update(range(*table.head_lines))


def _status(text: str) -> ActionStatus:
    value = text.lower()
    if re.search(r"done|closed|complete|fixed|resolved|✅|✔|\byes\b|^x$", value):
        return ActionStatus.done
    if re.search(r"progress|started|doing|wip|ongoing", value):
        return ActionStatus.in_progress
    if re.search(r"won'?t|not doing|dropped|cancel", value):
        return ActionStatus.not_doing
    return ActionStatus.open


def _enum(kind: type[_E], text: str, default: _E) -> _E:
    value = text.strip().lower()
    for member in kind:
        if value and value.startswith(member.value[:4]):
            return member
    return default
