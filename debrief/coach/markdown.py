"""What in a Markdown document is prose the coach should read.

`prose()` returns the text with everything else blanked out (code fences, code
spans, block quotes of pasted logs and chat, URLs, HTML tags) so that offsets
stay exact; `action_lines()` tells which lines are action items.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_RAW_HTML = re.compile(r"\s*<(?:pre|script|style|textarea)\b", re.I)
_RAW_INSIDE = re.compile(r"<(pre|script|style|textarea)\b", re.I)
_TOP_LEVEL = re.compile(r"\n[ \t]*\n(?=[^\s>*+\-\d`~<])")
_HAVE_AS_OF = re.compile(
    r"\b(could|should|would|must|might|shouldn't|couldn't|wouldn't) of\b", re.I
)
QUOTES_ARE_PROSE = False
"""Block quotes hold other people's words (pasted chat, logs, an e-mail): not linted, on
any of their lines, continuation lines included."""
_INLINE = re.compile(
    r"(`+)[^`]*?\1"  # code spans
    r"|https?://[^\s)>\]]+|www\.[^\s)>\]]+"  # URLs
    r"|(?P<link>\]\()"  # link destinations, up to the next ")"
    r"|(?P<comment><!--)"  # HTML comments, up to the next "-->"
    r"|(?P<tag></?[A-Za-z])",  # HTML tags and autolinks, up to the next ">"
    re.S,
)
"""Openers only, for spans whose end is looked for separately: a pattern like
`<!--.*?-->` rescans the rest of the text from every opener (`<!--<!--<!--…` takes
time quadratic in its length); looking once, and remembering where no end can be
found, keeps masking linear."""
_ENDS = {
    "link": re.compile(r"[)\s]"),  # ends at ")"; whitespace first means no destination
    "tag": re.compile(r"[>\n]"),  # ends at ">"; a new line first means no tag
}
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*)$")
_LABEL = re.compile(r"^\W*action[ -]items?\W*:?\W*$", re.I)
_ITEM = re.compile(r"^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|\|\s*)")
_TYPOGRAPHY = (("’", "'"), ("‘", "'"), ("\u00a0", " "), ("“", '"'), ("”", '"'))


def _blank(text: str) -> str:
    """Same length, newlines kept, everything else a space."""
    return re.sub(r"[^\n]", " ", text)


def prose(text: str) -> str:
    """`text` with non-prose blanked out and typographic quotes made plain; same length."""
    for fancy, plain in _TYPOGRAPHY:
        if fancy in text:
            text = text.replace(fancy, plain)
    lowered = text.lower()
    if "ould of" in lowered or "ust of" in lowered or "ight of" in lowered:
        text = _HAVE_AS_OF.sub(r"\1've", text)  # "could of" reads "could've" (same length)
    masked = _mask_blocks(text)
    if "`" in masked or "http" in masked or "www." in masked or "<" in masked or "](" in masked:
        masked = _mask_inline(masked)
    return masked


def _mask_blocks(text: str) -> str:
    """Code blocks (fenced and indented), raw HTML blocks (<pre>, <script>…) and block
    quotes blanked, line by line, as a CommonMark parser sees them.

    An unclosed fence is not code to the end of the text: only its opening line is
    blanked, and what follows is read again as prose.
    """
    first = _first_block(text)
    if first < 0:
        return text
    # Text before the last paragraph break ahead of the first block that is followed by
    # a line at the top level cannot be changed by what comes after: skip parsing it.
    offset = 0
    for brk in _TOP_LEVEL.finditer(text, 0, first):
        offset = brk.end()
    head, body = text[:offset], text[offset:]
    lines = body.split("\n")
    openers: set[int] = set()
    blank: list[bool] = []
    for attempt in range(4):  # after three rounds of unclosed fences, fences are text
        blank = [i in openers for i in range(len(lines))]
        unclosed = _code_lines(body, lines, blank, fences=attempt < 3)
        if not unclosed:
            break
        for line in unclosed:  # blank the opener, parse the rest again
            lines[line] = " " * len(lines[line])
            openers.add(line)
        body = "\n".join(lines)
    out = [" " * len(line) if blank[i] else line for i, line in enumerate(lines)]
    return head + "\n".join(out)


def _first_block(text: str) -> int:
    """Where the first line that may open a code, HTML or quote block starts (a little
    early is fine), or -1; plain string searches, as this runs on every lint."""
    lowered = text.lower() if "<" in text else ""
    found = [
        text.find(mark) for mark in ("```", "~~~", "\t", "\n    ", "\n>", "\n >", "\n  >", "\n   >")
    ]
    found += [lowered.find(tag) for tag in ("<pre", "<script", "<style", "<textarea")]
    if text.startswith(("    ", ">", " >", "  >", "   >")):
        found.append(0)
    hits = [at for at in found if at >= 0]
    return max(0, text.rfind("\n", 0, min(hits))) if hits else -1


def _code_lines(body: str, lines: list[str], blank: list[bool], fences: bool = True) -> list[int]:
    """Mark the lines of code, raw HTML and quote blocks in `blank`; return the opening
    lines of fences that never close (then nothing is marked)."""
    parser = _block_parser(fences)
    unclosed: list[int] = []
    marks: list[tuple[int, int]] = []
    for token in parser.parse(body):
        if token.map is None:
            continue
        begin, end = token.map
        if token.type == "fence":
            closing = lines[end - 1].lstrip(" \t>").rstrip() if end - 1 > begin else ""
            if len(closing) < len(token.markup) or closing.strip(token.markup[0]):
                unclosed.append(begin)
                continue
            marks.append((begin, end))
        elif (
            token.type == "code_block"
            or (token.type == "html_block" and _RAW_HTML.match(token.content))
            or (token.type == "blockquote_open" and not QUOTES_ARE_PROSE)
        ):
            marks.append((begin, end))
        elif token.type == "html_block" and _RAW_INSIDE.search(token.content):
            marks.extend(_raw_inside(lines, begin, end))
    if unclosed:
        return unclosed
    for begin, end in marks:
        for line in range(begin, min(end, len(lines))):
            blank[line] = True
    return []


@lru_cache(maxsize=2)
def _block_parser(fences: bool) -> MarkdownIt:
    """CommonMark's block structure only: which lines are code, HTML and quotes. The
    inline pass (emphasis, links) is off: it took two thirds of the parse and changes no
    block and no line number."""
    from markdown_it import MarkdownIt

    off = ["table", "heading", "lheading", "hr", "inline", "text_join"]
    return MarkdownIt("commonmark").disable(off + ([] if fences else ["fence"]), True)


def _raw_inside(lines: list[str], begin: int, end: int) -> list[tuple[int, int]]:
    """The lines of <pre>, <script>… elements inside another HTML block (`<details>`
    around a pasted log), up to their closing tags, even past the block's end; one never
    closed is code to the end of its block only."""
    found: list[tuple[int, int]] = []
    line = begin
    while line < end:
        opening = _RAW_INSIDE.search(lines[line])
        if opening is None:
            line += 1
            continue
        closing = f"</{opening.group(1).lower()}"
        last = line
        while (
            last < len(lines)
            and closing not in lines[last][opening.end() if last == line else 0 :].lower()
        ):
            last += 1
        if last == len(lines):  # never closed: only the block it opens in is code
            found.append((line, end))
            break
        found.append((line, last + 1))
        line = last + 1
    return found


def _mask_inline(text: str) -> str:
    """Code spans, URLs, link destinations, comments and tags blanked, left to right."""
    parts: list[str] = []
    done = pos = 0
    unclosed_from = len(text) + 1  # no "-->" at or after this offset
    no_end_before = {"link": -1, "tag": -1}  # an opener before this offset has no end
    while True:
        match = _INLINE.search(text, pos)
        if match is None:
            break
        start, end = match.span()
        kind = match.lastgroup
        if kind == "comment":
            close = -1 if end >= unclosed_from else text.find("-->", end)
            if close < 0:  # an unclosed comment is text; so is every later one
                unclosed_from = min(unclosed_from, end)
                pos = start + 1
                continue
            end = close + 3
        elif kind in _ENDS:
            assert kind is not None
            if end < no_end_before[kind]:  # the end looked for last time is no end
                pos = start + 1
                continue
            stop = _ENDS[kind].search(text, end)
            if stop is None or text[stop.start()] not in ")>":
                no_end_before[kind] = stop.start() if stop is not None else len(text)
                pos = start + 1
                continue
            end = stop.end()
        parts.append(text[done:start])
        parts.append(_blank(text[start:end]))
        done = pos = end
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def action_lines(text: str) -> set[int]:
    """0-based numbers of the lines that are action items.

    They are the list items and table rows under a heading that mentions action
    items (up to the next heading as high), or under a line like "Action items:".
    """
    found: set[int] = set()
    level = 0  # heading level of the current action section; 7 for a label line
    for number, line in enumerate(text.split("\n")):
        heading = _HEADING.match(line)
        if heading:
            depth = len(heading.group(1))
            if level and depth <= level:
                level = 0
            if not level and re.search(r"\baction", heading.group(2), re.I):
                level = depth
            continue
        if _LABEL.match(line) and line.strip():
            level = 7
            continue
        if level and _ITEM.match(line) and not re.match(r"^\s*\|[\s:|-]*$", line):
            found.add(number)
        elif level == 7 and line.strip() and not line.startswith((" ", "\t")):
            level = 0
    return found


_ITEM_EDGE = re.compile(r"[ \t]*(?:$|#|\||[-*+][ \t]|\d+[.)][ \t])", re.M)
"""A line that ends a list item or paragraph above it, or starts a new one: blank, a
heading, a table row or a list marker."""
_ITEM_CAP = 600


def item_bounds(text: str, offset: int) -> tuple[int, int]:
    """Where the list item (or paragraph) around `offset` begins and ends, its soft-wrapped
    continuation lines included; at most a few hundred characters either way."""
    begin = text.rfind("\n", 0, offset) + 1
    floor = max(0, offset - _ITEM_CAP)
    while begin > floor and not _ITEM_EDGE.match(text, begin):
        above = text.rfind("\n", 0, begin - 1) + 1
        if _ITEM_EDGE.match(text, above) and not _ITEM.match(text[above : begin - 1]):
            break  # a blank line or heading above: this line opens the paragraph
        begin = above
    end = text.find("\n", offset)
    ceiling = min(len(text), offset + _ITEM_CAP)
    while 0 <= end < ceiling and not _ITEM_EDGE.match(text, end + 1):
        end = text.find("\n", end + 1)
    return begin, len(text) if end < 0 else min(end, ceiling)


_SECTION_HEAD = re.compile(
    r"^ {0,3}(?:(#{1,6})[ \t]+(.*)|(?:\*\*|__)([^\n]{1,80}?)(?:\*\*|__)[ \t]*:?|([^\n]{1,80}?):)[ \t]*$",
    re.M,
)
"""A heading, or a label line that stands for one: "**Where we got lucky**", "Lucky:"."""
_BLOCK_END = re.compile(r"\n[ \t]*\n(?![ \t]*\n)(?![ \t]|[-*+][ \t]|\d+[.)][ \t])")
"""A blank line followed by a line that is no list item and no continuation."""


def lucky_sections(text: str, lucky: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where the text under a heading (to the next as high) or a label line (the list or
    paragraph after it) whose words match `lucky` begins and ends."""
    sections: list[tuple[int, int]] = []
    level = 0  # heading level of the open lucky section
    for match in _SECTION_HEAD.finditer(text):
        if match.group(1) is None:  # a label line
            label = match.group(3) or match.group(4) or ""
            if not level and lucky.search(label):
                rest = len(text) - len(text[match.end() :].lstrip("\n \t"))
                end = _BLOCK_END.search(text, rest)
                sections.append((match.end(), end.start() if end else len(text)))
            continue
        depth = len(match.group(1))
        if level and depth <= level:
            sections[-1] = (sections[-1][0], match.start())
            level = 0
        if not level and lucky.search(match.group(2)):
            level = depth
            sections.append((match.end(), len(text)))
    return sections


def item_start(line: str) -> int:
    """Where the text of a list item or table row begins in `line`."""
    match = _ITEM.match(line)
    return match.end() if match else len(line) - len(line.lstrip())


_PEOPLE_ROW = re.compile(
    r"^\|\s*\*\*(?:participants|facilitator|lead investigator|attendees)\*\*\s*\|(.*)\|\s*$",
    re.I | re.M,
)


def people_in(text: str) -> list[str]:
    """Participants named in an exported post-mortem's header table."""
    people: list[str] = []
    for match in _PEOPLE_ROW.finditer(text):
        for part in match.group(1).split(","):
            name = re.sub(r"\(.*?\)", "", part).strip()
            if name and name != "—":
                people.append(name)
    return people
