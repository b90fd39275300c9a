"""One Confluence page per post-mortem: created once, updated on every publish after.

The page is found again by the label only its post-mortem carries (debrief-pm-1),
through a CQL search. A page just created may not show in search yet, so the title
is looked up too (a direct read, no index): Confluence keeps titles unique in a
space, so a create whose answer was lost is found by its title, and a create sent
again after all is refused as a title clash rather than stored twice. A page with
the title that is not debrief's (no label) is never taken over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from debrief.config import ConfluenceConfig
from debrief.publish import PublishError
from debrief.publish.confluence_api import Conflict, ConfluenceSession, LostAnswer, NotFound
from debrief.publish.confluence_page import PagePlan
from debrief.redact import without_userinfo

EXPAND = "version,body.storage,metadata.labels"


@dataclass
class PageResult:
    """What publishing did to the page: created, updated or unchanged."""

    result: str
    page_id: str
    version: int
    url: str
    notes: list[str] = field(default_factory=list)


class PageSync:
    def __init__(self, session: ConfluenceSession, config: ConfluenceConfig) -> None:
        self.session = session
        self.space = config.space.strip()
        self.parent = config.parent.strip()

    def publish(self, plan: PagePlan) -> PageResult:
        self._check_space()
        page = self._find(plan)
        if page is None:
            return self._create(plan)
        return self._update(plan, page)

    # -- finding -------------------------------------------------------------------

    def _check_space(self) -> None:
        try:
            self.session.get(f"space/{self.space}", "read the space")
        except NotFound:
            raise PublishError(
                f"Confluence at {self.session.shown} has no space {self.space!r} (or it is "
                "hidden from this user); check DEBRIEF_CONFLUENCE_SPACE or [confluence] space"
            ) from None

    def _find(self, plan: PagePlan) -> dict[str, Any] | None:
        """debrief's page for this post-mortem: by its label, else by its title."""
        cql = f'label = "{plan.key_label}" and space = "{self.space}" and type = page'
        found = self.session.get(
            "content/search", "look for the page", cql=cql, expand=EXPAND, limit=25
        )
        pages = sorted(found.get("results") or [], key=lambda p: int(p.get("id") or 0))
        if pages:
            return pages[0]
        return self._by_title(plan)

    def _by_title(self, plan: PagePlan) -> dict[str, Any] | None:
        """The page with the plan's title: debrief's (it carries the label), or a clash."""
        found = self.session.get(
            "content",
            "look for the page by its title",
            spaceKey=self.space,
            title=plan.title,
            type="page",
            expand=EXPAND,
        )
        pages = found.get("results") or []
        if not pages:
            return None
        page = pages[0]
        if plan.key_label not in _labels(page):
            raise self._clash(plan)
        return page

    def _clash(self, plan: PagePlan) -> PublishError:
        return PublishError(
            f"Confluence space {self.space} already has a page titled “{plan.title}” that "
            "debrief did not publish; rename or move that page, then publish again"
        )

    def _parent_id(self) -> str:
        if not self.parent or self.parent.isdigit():
            return self.parent
        found = self.session.get(
            "content", "find the parent page", spaceKey=self.space, title=self.parent, type="page"
        )
        pages = found.get("results") or []
        if not pages:
            raise PublishError(
                f"Confluence space {self.space} has no page titled “{self.parent}” to put the "
                "post-mortem under; check [confluence] parent (a page id or title)"
            )
        return str(pages[0]["id"])

    # -- creating and updating ---------------------------------------------------------

    def _create(self, plan: PagePlan) -> PageResult:
        body: dict[str, Any] = {
            "type": "page",
            "title": plan.title,
            "space": {"key": self.space},
            "body": {"storage": {"value": plan.body, "representation": "storage"}},
            "metadata": {"labels": [{"prefix": "global", "name": n} for n in plan.labels]},
        }
        parent = self._parent_id()
        if parent:
            body["ancestors"] = [{"id": parent}]
        for _ in range(2):
            try:
                page = self.session.send(
                    "POST", "content", "create the page", body=body, create=True
                )
            except (LostAnswer, Conflict) as exc:
                # Stored after all? (a page with the title that is not ours raises a clash)
                stored = self._by_title(plan)
                if stored is None:
                    if isinstance(exc, Conflict):
                        raise self._clash(plan) from None
                    continue  # not stored: sending again cannot make a second page
                result = self._result("created", stored)
                result.notes.append("Confluence's answer was lost; found by its title")
                return self._labelled(plan, stored, result)
            return self._labelled(plan, page, self._result("created", page))
        raise PublishError(
            f"Confluence at {self.session.shown} did not answer the page's create twice; "
            "publish again (the page is never created twice)"
        )

    def _update(self, plan: PagePlan, page: dict[str, Any]) -> PageResult:
        """A new version when the content changed. Confluence rewrites the storage format it
        is sent, so the version debrief writes names a digest of what it sent: a publish of
        the same content finds it there and leaves the page alone."""
        current = ((page.get("body") or {}).get("storage") or {}).get("value")
        digest = _digest(plan)
        message = str((page.get("version") or {}).get("message") or "")
        if page.get("title") == plan.title and (current == plan.body or digest in message):
            return self._labelled(plan, page, self._result("unchanged", page))
        version = int((page.get("version") or {}).get("number") or 1)
        body = {
            "id": page["id"],
            "type": "page",
            "title": plan.title,
            "space": {"key": self.space},
            "body": {"storage": {"value": plan.body, "representation": "storage"}},
            "version": {"number": version + 1, "message": f"Published by debrief ({digest})"},
        }
        try:
            updated = self.session.send(
                "PUT", f"content/{page['id']}", "update the page", body=body
            )
        except Conflict as exc:
            if "version" in str(exc).lower():
                raise PublishError(
                    f"the Confluence page “{plan.title}” changed while publishing; publish again"
                ) from None
            raise self._clash(plan) from None
        return self._labelled(plan, page, self._result("updated", updated))

    def _labelled(self, plan: PagePlan, page: dict[str, Any], result: PageResult) -> PageResult:
        """Add the labels the page lacks (a new classification, or a create that dropped
        them, or an answer that does not list them); labels added by people stay."""
        missing = [n for n in plan.labels if n not in _labels(page)]
        if missing:
            self.session.send(
                "POST",
                f"content/{result.page_id}/label",
                "label the page",
                body=[{"prefix": "global", "name": n} for n in missing],
            )
        return result

    def _result(self, what: str, page: dict[str, Any]) -> PageResult:
        links = page.get("_links") or {}
        page_id = str(page.get("id") or "")
        base = str(links.get("base") or self.session.base)
        webui = str(links.get("webui") or f"/pages/viewpage.action?pageId={page_id}")
        return PageResult(
            result=what,
            page_id=page_id,
            version=int((page.get("version") or {}).get("number") or 1),
            url=without_userinfo(base.rstrip("/") + webui),
        )


def _digest(plan: PagePlan) -> str:
    """`debrief:` and 16 hex digits of SHA-256 over the title and body sent."""
    import hashlib

    data = f"{plan.title}\n{plan.body}".encode()
    return f"debrief:{hashlib.sha256(data).hexdigest()[:16]}"


def _labels(page: dict[str, Any]) -> set[str]:
    labels = ((page.get("metadata") or {}).get("labels") or {}).get("results") or []
    return {str(label.get("name")) for label in labels if isinstance(label, dict)}
