"""The Confluence page of a post-mortem: title, labels and body in storage format.

The body is the published Markdown (the one `documents` writes, meeting appendices
included) turned into Confluence's storage format (XHTML) by markdown-it-py, the
converter the HTML page uses: raw HTML is off, so nothing a user typed becomes
markup, and only safe links survive. The timeline and action-item tables stay
tables; each item's Jira key stays a link to its ticket. No network here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from debrief.literal import clean
from debrief.models import Document
from debrief.publish.plan import POST_MORTEM_LABEL, pm_label

_EMPTY_HEADER = re.compile(r"<tr>\n(?:<th></th>\n)+</tr>\n")
_IMAGE = re.compile(r'<img src="([^"]*)" alt="([^"]*)"(?: title="[^"]*")? />')
TITLE_LIMIT = 255
"""Confluence refuses longer page titles."""

_NOTICE = (
    '<ac:structured-macro ac:name="info"><ac:rich-text-body><p>'
    "Published by debrief from the post-mortem {pm_id}. Edits made here are replaced the "
    "next time it is published: change the post-mortem instead.</p></ac:rich-text-body>"
    "</ac:structured-macro>\n"
)


@dataclass(frozen=True)
class PagePlan:
    """What the page will be (no network): found again by `key_label`."""

    title: str
    labels: tuple[str, ...]
    body: str
    key_label: str
    """The label only this post-mortem's page carries, e.g. debrief-pm-1."""


def label(text: str) -> str:
    """A Confluence label: lowercase, no spaces or punctuation it refuses."""
    return re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-")


def page_title(doc: Document) -> str:
    """`PM-1: Title` — the id keeps titles apart (Confluence wants them unique per space)."""
    pm = doc.postmortem
    title = clean(f"{pm.id}: {pm.title}", single_line=True)
    return title if len(title) <= TITLE_LIMIT else title[: TITLE_LIMIT - 1] + "…"


def page_plan(doc: Document, markdown: str) -> PagePlan:
    """The page for `doc`, from its published Markdown."""
    pm = doc.postmortem
    labels = [POST_MORTEM_LABEL]
    kind = label(pm.classification)
    if kind and kind not in labels:
        labels.append(kind)
    key = pm_label(pm.id)
    labels.append(key)
    notice = _NOTICE.format(pm_id=_xml_text(pm.id))
    return PagePlan(
        title=page_title(doc),
        labels=tuple(labels),
        body=notice + storage(markdown),
        key_label=key,
    )


def storage(markdown: str) -> str:
    """Markdown → Confluence storage format (well-formed XHTML); the leading `# title` is
    dropped, as Confluence shows the page title above the body."""
    from markdown_it import MarkdownIt

    from debrief.links import is_safe_target

    lines = markdown.splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "xhtmlOut": True})
    md.enable("table").enable("strikethrough")
    md.validateLink = is_safe_target  # type: ignore[method-assign]
    body = md.render("\n".join(lines).lstrip("\n"))
    # Storage format has no <thead>: the header row is the first row of the body.
    body = body.replace("</thead>\n<tbody>\n", "").replace("<thead>", "<tbody>")
    body = body.replace("</thead>", "</tbody>")
    body = _EMPTY_HEADER.sub("", body)  # the metadata table's blank header row
    body = _IMAGE.sub(_image, body)
    return clean(body)  # control characters are not allowed in XML: shown, not sent


def _xml_text(value: str) -> str:
    from html import escape

    return escape(clean(value, single_line=True), quote=False)


def _image(match: re.Match[str]) -> str:
    """An image by its address, as storage format writes it (values already escaped)."""
    src, alt = match.groups()
    return f'<ac:image ac:alt="{alt}"><ri:url ri:value="{src}" /></ac:image>'
