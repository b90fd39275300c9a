"""What a rendered page holds, read back with the standard library's HTML parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

ALLOWED_SCHEMES = {"http", "https", "mailto", ""}


@dataclass
class Page:
    tags: list[str] = field(default_factory=list)
    """Every start tag, in order."""
    targets: list[str] = field(default_factory=list)
    """Every href and src, as a browser reads them."""
    attributes: list[str] = field(default_factory=list)
    """Every attribute name (onerror, onclick, style...)."""
    text: str = ""
    """The visible text, character references decoded."""

    def schemes(self) -> set[str]:
        return {urlsplit("".join(t.split())).scheme.lower() for t in self.targets}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.append(tag)
        for name, value in attrs:
            self.page.attributes.append(name)
            if name in ("href", "src") and value is not None:
                self.page.targets.append(value)
        if tag in ("style", "title", "script"):
            self._hidden += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ("style", "title", "script"):
            self._hidden -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title", "script"):
            self._hidden = max(0, self._hidden - 1)

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._text.append(data)


def read_html(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader.page.text = "".join(reader._text)
    return reader.page


def markdown_as_github_reads_it(markdown: str) -> Page:
    """The Markdown rendered with raw HTML allowed, as GitHub-like renderers do."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return read_html(md.render(markdown))
