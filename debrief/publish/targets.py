"""Where else a publish puts the document: a Confluence page and a git docs repository.

Each target has a plan (worked out locally, for --dry-run and the app's preview) and a
run (after the documents are written). A target that fails stops the publish with one
sentence; publishing again finishes it without duplicating anything.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from debrief.literal import clean
from debrief.redact import redact_url

if TYPE_CHECKING:
    from debrief.config import Config
    from debrief.models import Document
    from debrief.publish.runner import Prepared

CANNOT = "cannot publish"
CONFLUENCE_PAGE = "(the Confluence page)"
"""In a preview of the announcement: where the page's address will be."""


class TargetSummary(BaseModel):
    """What publishing did (or, in a dry run, would do) to one target."""

    target: str
    """confluence or git."""
    result: str
    """created, updated, unchanged, committed, pushed, would publish …"""
    where: str
    """The page's address or the repository (secrets masked)."""
    notes: list[str] = Field(default_factory=list)


def configured(config: Config) -> dict[str, Any]:
    """The targets the config sets up (for the app, which publishes to all of them):
    PublishOptions' `confluence` and `git`."""
    git = None
    if config.git.repo.strip():
        from debrief.publish.git_repo import GitTarget

        git = GitTarget(config.git.repo.strip(), config.git.branch.strip(), config.git.path)
    wiki = config.confluence
    return {"confluence": bool(wiki.url.strip() and wiki.space.strip()), "git": git}


def plans(prepared: Prepared) -> list[TargetSummary]:
    """Each configured target's plan, without any network or file change; a setting that
    cannot work shows as `cannot publish`, with the sentence saying why."""
    from debrief.publish import PublishError

    out = []
    if prepared.options.confluence:
        from debrief.publish.confluence_api import check_config

        try:
            check_config(prepared.config.confluence)
        except PublishError as exc:
            problem = str(exc)
        else:
            problem = ""
        out.append(_confluence_plan(prepared, problem))
    git = prepared.options.git
    if git is not None:
        from debrief.publish.git_repo import plan as git_plan

        try:
            out.append(git_plan(git, prepared.paths[0].name, prepared.doc))
        except PublishError as exc:
            out.append(
                TargetSummary(target="git", result=CANNOT, where=git.shown, notes=[str(exc)])
            )
    return out


def _confluence_plan(prepared: Prepared, problem: str) -> TargetSummary:
    from debrief.publish.confluence_page import page_plan

    config = prepared.config.confluence
    page = page_plan(prepared.doc, prepared.markdown())
    under = f" under “{config.parent}”" if config.parent.strip() else ""
    space = config.space.strip() or "(no space)"
    return TargetSummary(
        target="confluence",
        result=CANNOT if problem else "would publish",
        where=redact_url(config.url) or "(no URL)",
        notes=[
            *([problem] if problem else []),
            f"page “{page.title}” in space {space}{under}: created on the first publish, "
            f"updated after (found again by its label {page.key_label})",
            f"labels {', '.join(page.labels)}",
        ],
    )


def publish_confluence(
    prepared: Prepared, doc: Document, markdown: str, on_wait: Callable[[str], None] | None
) -> TargetSummary:
    """Create or update the page; PublishError (one sentence) when it cannot."""
    from debrief.publish.confluence import PageSync
    from debrief.publish.confluence_api import ConfluenceSession
    from debrief.publish.confluence_page import page_plan

    config = prepared.config.confluence
    session = ConfluenceSession(config, on_wait=on_wait)
    try:
        page = PageSync(session, config).publish(page_plan(doc, markdown))
    finally:
        session.close()
    notes = [f"version {page.version}", *page.notes]
    return TargetSummary(target="confluence", result=page.result, where=page.url, notes=notes)


def line(summary: TargetSummary) -> str:
    """One line for a person: `Confluence: created https://… (version 1)`."""
    name = {"confluence": "Confluence", "git": "Git"}.get(summary.target, summary.target)
    notes = f" ({'; '.join(summary.notes)})" if summary.notes else ""
    return clean(f"{name}: {summary.result} {summary.where}{notes}", single_line=True)
