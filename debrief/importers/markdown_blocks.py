"""Reading markdown-it tokens: plain text from inline Markdown, tables as rows, and the
source lines each block came from (so what is not taken out stays word for word)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token


@dataclass
class Plain:
    """Inline Markdown as plain text; links written as "text (url)", urls listed."""

    text: str
    urls: list[str] = field(default_factory=list)


def plain(token: Token | None) -> Plain:
    """The text a reader sees in an inline token: markup gone, entities decoded, each
    link's address kept after its text."""
    if token is None or not token.children:
        return Plain((token.content if token else "").strip())
    out: list[str] = []
    urls: list[str] = []
    hrefs: list[tuple[str, int]] = []
    for child in token.children:
        kind = child.type
        if kind in ("text", "html_inline"):
            out.append(child.content)
        elif kind == "code_inline":
            out.append(f"`{child.content}`")
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\n")
        elif kind == "image":
            out.append(child.content or str(child.attrs.get("alt", "")))
        elif kind == "link_open":
            hrefs.append((str(child.attrs.get("href", "")), len(out)))
        elif kind == "link_close" and hrefs:
            href, at = hrefs.pop()
            shown = "".join(out[at:]).strip()
            if href:
                urls.append(href)
                if href not in (shown, f"mailto:{shown}"):
                    out.append(f" ({href})")
    return Plain("".join(out).strip(), urls)


def inline_after(tokens: list[Token], index: int) -> Token | None:
    """The inline token of the block opened at `index` (a heading or paragraph)."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following if following is not None and following.type == "inline" else None


def span(token: Token) -> tuple[int, int]:
    return (token.map[0], token.map[1]) if token.map else (0, 0)


@dataclass
class Table:
    header: list[Plain]
    rows: list[tuple[int, list[Plain]]]
    """(source line, cells) per body row."""
    head_lines: tuple[int, int]
    end_line: int


def read_table(tokens: list[Token], index: int) -> tuple[Table, int]:
    """The table opened at `index`, and the index after it."""
    header: list[Plain] = []
    rows: list[tuple[int, list[Plain]]] = []
    start, end = span(tokens[index])
    head_end = start + 2
    cells: list[Plain] | None = None
    row_line = start
    i = index + 1
    while i < len(tokens) and tokens[i].type != "table_close":
        token = tokens[i]
        if token.type == "tr_open":
            cells = []
            row_line = token.map[0] if token.map else row_line
        elif token.type in ("th_open", "td_open") and cells is not None:
            cells.append(plain(inline_after(tokens, i)))
        elif token.type == "tr_close" and cells is not None:
            if not header and not rows and row_line == start:
                header = cells
            else:
                rows.append((row_line, cells))
            cells = None
        i += 1
    return Table(header, rows, (start, head_end), end), i + 1
