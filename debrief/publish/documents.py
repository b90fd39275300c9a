"""The published documents: Markdown and a standalone HTML page, named after id and title."""

from __future__ import annotations

import os
import re
from pathlib import Path

from debrief.meeting import MeetingRecord
from debrief.models import Document, Postmortem, Status

DEFAULT_DIR = "postmortems"
SLUG_LIMIT = 60


def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens, e.g. "Checkout: 5xx!" → "checkout-5xx".

    python-slugify transliterates (through text-unidecode) rather than dropping what is
    not Latin, so "Оплата не проходит" is "oplata-ne-prokhodit", not an empty name.
    """
    from slugify import slugify

    words = slugify(text, max_length=SLUG_LIMIT, word_boundary=True, save_order=True)
    return words.strip("-") or "post-mortem"


def out_dir(option: Path | None, publish_dir: str) -> Path:
    """--out DIR, else the config's publish_dir, else ./postmortems."""
    if option is not None:
        return option
    return Path(publish_dir).expanduser() if publish_dir else Path(DEFAULT_DIR)


def document_paths(directory: Path, pm: Postmortem) -> tuple[Path, Path]:
    """Where the Markdown and HTML files of `pm` go."""
    pm_id = re.sub(r"[^A-Za-z0-9_-]+", "-", pm.id).strip("-") or "post-mortem"
    stem = f"{pm_id}-{slug(pm.title)}"
    return directory / f"{stem}.md", directory / f"{stem}.html"


def render_published(
    doc: Document, jira_url: str, meetings: list[MeetingRecord]
) -> tuple[str, str]:
    """The Markdown and HTML of the document as published (status shown as published).

    The same rendering as `debrief export`, meeting appendices included.
    """
    from debrief.meeting_summary import document_markdown
    from debrief.render_html import render_html

    shown = doc.model_copy(
        update={"postmortem": doc.postmortem.model_copy(update={"status": Status.published})}
    )
    markdown = document_markdown(shown, meetings, jira_url)
    return markdown, render_html(markdown, doc.postmortem.title)


def write_documents(
    doc: Document, directory: Path, jira_url: str, meetings: list[MeetingRecord]
) -> list[Path]:
    """Write both files (each replaced atomically); returns their paths."""
    markdown, html = render_published(doc, jira_url, meetings)
    md_path, html_path = document_paths(directory, doc.postmortem)
    directory.mkdir(parents=True, exist_ok=True)
    for path, text in ((md_path, markdown), (html_path, html)):
        _write_atomic(path, text)
    return [md_path, html_path]


def _write_atomic(path: Path, text: str) -> None:
    """Readers see the old file or the new one, never half of one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
