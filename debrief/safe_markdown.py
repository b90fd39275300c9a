"""Text from people and imports put into Markdown so that it shows literally.

Two kinds of text go into an exported document:

- plain text (titles, names, action items, timeline entries, Slack messages): `text()`
  makes it one line of Markdown that reads exactly as typed, control and bidi
  characters made visible by `clean()`, every character Markdown or HTML would act on
  escaped. `cell()` is the same for a table cell, `link()` a link that is checked
  first (a link that is not an http, https or mailto URL on one line is shown as text);
- section bodies, Markdown written on purpose: `body()` keeps them Markdown, but raw
  HTML is escaped and links whose target is not http, https, mailto or relative
  (`javascript:`, `data:`) stop being links. A body that still holds either after
  a few passes is shown as a code block, literally.
"""

from __future__ import annotations

import re
from functools import cache
from html import unescape
from typing import TYPE_CHECKING
from urllib.parse import quote

from debrief.links import is_link, is_safe_target
from debrief.literal import clean
from debrief.redact import without_userinfo

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_SPECIAL = re.compile(r"[\\`*_\[\]()|~$<>]|&(?=[A-Za-z0-9#])")
"""Escaped wherever they are: emphasis, code, links, tables, strikethrough, math (on
GitHub), HTML, and an `&` that would start a character reference. `<` and `&` become
entities, so the Markdown file itself never holds a tag; the rest a backslash."""
_ENTITIES = {"&": "&amp;", "<": "&lt;"}
_LEADING = re.compile(r"^(?:[#+=!-]|(\d{1,9})([.]))")
"""At the start, what would begin a heading, a list, a setext underline."""
_TRAILING_HASHES = re.compile(r"(?<= )#+$")
"""An ATX heading's closing sequence would be dropped."""
_URL_SAFE = "!#$%&'*+,-./:;=?@_~[]"
"""Characters kept as they are in a link destination; the rest is percent-encoded, so a
destination never holds a parenthesis, a pipe, a space or an angle bracket."""


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return _ENTITIES.get(char) or "\\" + char


def text(value: str) -> str:
    """`value` as one line of Markdown that renders to exactly `clean(value, single_line=True)`."""
    shown = _SPECIAL.sub(_escape_char, clean(value, single_line=True))
    lead = _LEADING.match(shown)
    if lead:
        shown = (
            f"{lead.group(1)}\\{lead.group(2)}{shown[lead.end() :]}"
            if lead.group(1)
            else "\\" + shown
        )
    hashes = _TRAILING_HASHES.search(shown)
    if hashes:
        shown = shown[: hashes.start()] + "\\#" * len(hashes.group())
    return shown


def cell(value: str) -> str:
    """Plain text for a Markdown table cell (never empty, so the row keeps its cells)."""
    return text(value) or " "


def destination(url: str) -> str:
    """A checked link's destination, percent-encoded where Markdown or a table would act."""
    return quote(url, safe=_URL_SAFE)


def link(label: str, url: str) -> str:
    """`[label](url)` when `url` is an acceptable link, else label and URL as text."""
    url = url.strip()
    if not url:
        return cell(label)
    if not is_link(url):
        return f"{text(label)} \\(link: {text(url)}\\)"
    return f"[{cell(label)}]({destination(url)})"


def ticket(key: str, jira_url: str) -> str:
    """A Jira key, linked to its ticket when the Jira URL is a usable link (never with
    the credentials a configured URL may carry)."""
    base = without_userinfo(jira_url).rstrip("/")
    target = f"{base}/browse/{quote(key, safe='')}" if base and clean(key, True) else ""
    if target and is_link(target):
        return f"[{cell(key)}]({destination(target)})"
    return cell(key)


# -- section bodies --------------------------------------------------------------

_BACKTICKS = re.compile(r"`+")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_DESTINATION = re.compile(r"\]\(\s*(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)")
_BACKSLASHED = re.compile(r"\\([!-/:-@\[-`{-~])")
_REFERENCE = re.compile(r"^((?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]{0,3})\[")
_LEAVES = ("inline", "html_block", "fence", "code_block", "hr")
PASSES = 3


def body(markdown: str) -> str:
    """A section body: still Markdown, with raw HTML escaped and unsafe links unlinked;
    `clean()` makes its control and bidi characters visible."""
    shown = clean(markdown).strip()
    rewritten = shown
    for _ in range(PASSES):
        if not _may_hold_problems(rewritten):
            return rewritten
        tokens = _tokens(rewritten)
        if not _problems(tokens):
            return rewritten
        rewritten = _neutralised(rewritten, tokens)  # may turn code or HTML into text: again
    return _code_block(shown)


def _code_block(value: str) -> str:
    """The text as a fenced code block: shown literally by every renderer."""
    longest = max((len(run) for run in re.findall(r"`+|~+", value)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{value}\n{fence}"


@cache
def _parser() -> MarkdownIt:
    """A parser that keeps every HTML and link it finds, as GitHub-like renderers read them."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    return md


def _tokens(markdown: str) -> list[Token]:
    return _parser().parse(markdown)


def _may_hold_problems(markdown: str) -> bool:
    """False when `markdown` has no tag, no scheme, not even a character reference."""
    return "<" in markdown or ":" in markdown or "&" in markdown


def _problems(tokens: list[Token]) -> bool:
    """True when the parsed Markdown holds raw HTML or a link to something not http(s),
    mailto or relative."""
    for token in tokens:
        if token.type == "html_block":
            return True
        for child in token.children or []:
            if child.type == "html_inline":
                return True
            target = child.attrGet("href") if child.type == "link_open" else child.attrGet("src")
            if target is not None and not is_safe_target(str(target)):
                return True
    return False


def _neutralised(markdown: str, tokens: list[Token]) -> str:
    """Raw HTML escaped and unsafe link targets broken, leaving code as it is; `tokens`
    are the Markdown's, parsed."""
    lines = markdown.split("\n")
    covered: set[int] = set()
    text_ranges: set[tuple[int, int]] = set()
    for token in tokens:
        if token.type not in _LEAVES or token.map is None:
            continue
        start, end = token.map
        covered.update(range(start, end))
        if token.type in ("inline", "html_block"):  # HTML escaped becomes text
            text_ranges.add((start, end))
    for start, end in sorted(text_ranges):
        joined = _inline("\n".join(lines[start:end]))
        lines[start:end] = joined.split("\n")
    for number, line in enumerate(lines):
        if number not in covered:  # a link reference definition, or a blank line
            lines[number] = _REFERENCE.sub(lambda m: m.group(1) + "\\[", line, count=1)
    return "\n".join(lines)


def _inline(source: str) -> str:
    """Inline Markdown with tags escaped and unsafe links unlinked; code spans kept."""
    out: list[str] = []
    pos, size = 0, len(source)
    closers: dict[int, int] = {}  # backtick width → where its next closing run starts (-1: none)
    while pos < size:
        char = source[pos]
        if char == "\\" and pos + 1 < size and source[pos + 1] in _ASCII_PUNCT:
            out.append(source[pos : pos + 2])
            pos += 2
        elif char == "`":
            run = _BACKTICKS.match(source, pos)
            assert run is not None
            width = len(run.group())
            close = _closer(source, run.end(), width, closers)
            end = close + width if close >= 0 else run.end()
            out.append(source[pos:end])
            pos = end
        elif char == "<":
            auto = _AUTOLINK.match(source, pos)
            if auto and is_safe_target(auto.group(1)):
                out.append(auto.group())
                pos = auto.end()
            else:
                out.append("&lt;")
                pos += 1
        elif char == "]" and source.startswith("](", pos):
            found = _DESTINATION.match(source, pos)
            target = found.group(1) if found else ""
            out.append("](" if _safe_destination(target) else "]\\(")
            pos += 2
        else:
            out.append(char)
            pos += 1
    return "".join(out)


def _closer(source: str, start: int, width: int, closers: dict[int, int]) -> int:
    """Where the run of exactly `width` backticks that closes a code span opened before
    `start` begins (-1: none). Each width is looked for once past any point, so a text
    of many unclosed runs takes linear time."""
    known = closers.get(width)
    if known is not None and (known == -1 or known >= start):
        return known
    found = re.compile(rf"(?<!`)`{{{width}}}(?!`)").search(source, start)
    closers[width] = found.start() if found else -1
    return closers[width]


def _safe_destination(raw: str) -> bool:
    """A link destination as written, judged both as written and as a renderer decodes it."""
    if raw.startswith("<") and raw.endswith(">"):
        raw = raw[1:-1]
    decoded = unescape(_BACKSLASHED.sub(r"\1", raw))
    return is_safe_target(raw) and is_safe_target(decoded)
