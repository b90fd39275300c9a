"""`debrief publish`: the document, one Jira ticket per owned action item, an announcement.

Small modules, one step each: `preflight` (is it ready?), `plan` (what would
change), `documents` (Markdown + HTML files), `jira_api` (the client, retries
and error sentences), `tickets` (find, create, update — idempotent), `slack`
(the announcement) and `runner` (the whole publish, for the CLI and the app).
The `jira` client is imported only when Jira is actually contacted.
"""

from __future__ import annotations

from typing import Any


class PublishError(Exception):
    """A publish that cannot go on: str(error) is one sentence the user can act on.

    `summary` carries what happened to each ticket when some were touched.
    """

    def __init__(self, message: str, summary: Any = None) -> None:
        super().__init__(message)
        self.summary = summary
