"""A whole publish, for the CLI and the app: prepare (local, no network), then run.

Order: tickets first (each create recorded as sent before it leaves, each key
saved as Jira names it), then the documents (which name every key), then the
publish record and status, then the announcement. A Jira failure, or a ticket whose
create Jira never confirmed, stops before the documents; whatever was created is
recorded, and publishing again finishes the job without creating anything twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from debrief.config import Config
from debrief.meeting import MeetingRecord
from debrief.models import Document
from debrief.publish import PublishError
from debrief.publish.documents import document_paths, out_dir, write_documents
from debrief.publish.plan import Change, PlannedTicket, plan_tickets
from debrief.publish.preflight import Preflight, check
from debrief.publish.targets import CONFLUENCE_PAGE, TargetSummary
from debrief.publish.tickets import Outcome, Progress, Result
from debrief.redact import redact_url
from debrief.words import plural

if TYPE_CHECKING:
    from debrief.publish.git_repo import GitTarget
    from debrief.store import Store


@dataclass(frozen=True)
class PublishOptions:
    out: Path | None = None
    """--out DIR (default: the config's publish_dir, else ./postmortems)."""
    dry_run: bool = False
    jira: bool = True
    """False with --no-jira: the document only."""
    strict: bool = False
    slack_webhook: str = ""
    """--slack-webhook (default: the config's [slack] webhook)."""
    confluence: bool = False
    """--confluence: create or update the post-mortem's page ([confluence])."""
    git: GitTarget | None = None
    """--git: commit the Markdown to this docs repository."""


class CheckLine(BaseModel):
    level: str
    text: str


class TicketSummary(BaseModel):
    action_id: str
    title: str
    owner: str
    due: date | None
    priority: str
    key: str = ""
    result: str
    assignee: str = ""
    notes: list[str] = Field(default_factory=list)


class PublishSummary(BaseModel):
    """What `publish --json` prints."""

    postmortem_id: str
    title: str
    dry_run: bool
    published: bool
    documents: list[str]
    checklist: list[CheckLine]
    tickets: list[TicketSummary]
    aspirational: int
    jira: str = ""
    """"PROJECT at URL", or empty when Jira was not used."""
    slack: str = "not configured"
    """posted, failed: <why>, skipped (dry run) or not configured."""
    publish_id: int | None = None
    announcement: str = ""
    """The Slack text a dry run would post (with a webhook configured)."""
    slack_webhook: str = ""
    """Where it would go, secrets masked (a dry run with a webhook configured)."""
    targets: list[TargetSummary] = Field(default_factory=list)
    """The Confluence page and the git repository, when asked for."""


NEW_KEY = "(new)"
"""In a preview of the announcement, the key of a ticket Jira has yet to create."""


def announced_path(written: list[Path]) -> str:
    """The document the announcement points to: the HTML page, as an absolute path."""
    return str(written[-1].resolve())


@dataclass
class Prepared:
    """Everything worked out locally: checklist, ticket plan, document paths."""

    doc: Document
    preflight: Preflight
    planned: list[PlannedTicket]
    paths: list[Path]
    options: PublishOptions
    config: Config
    meetings: list[MeetingRecord]
    """The meetings held so far: each is an appendix of the document."""

    @property
    def needs_jira(self) -> bool:
        return self.options.jira and any(p.change is not Change.keep for p in self.planned)

    @property
    def webhook(self) -> str:
        """--slack-webhook, else the config's [slack] webhook; empty when neither is set."""
        return (self.options.slack_webhook or self.config.slack.webhook.get_secret_value()).strip()

    def announcement(self) -> str:
        """The Slack text publishing would post, as it stands now.

        Keys of tickets still to be created are not known before Jira answers: each
        shows as `(new)` where its key will be.
        """
        from debrief.publish.slack import announcement

        creates = {p.item.id for p in self.planned if p.change is Change.create}
        keys = [
            a.jira_key or NEW_KEY
            for a in self.doc.owned_actions
            if a.jira_key or (self.needs_jira and a.id in creates)
        ]
        where = CONFLUENCE_PAGE if self.options.confluence else announced_path(self.paths)
        return str(announcement(self.doc, keys, where)["text"])

    def markdown(self) -> str:
        from debrief.publish.documents import render_published

        return render_published(self.doc, self.config.jira.url, self.meetings)[0]

    def summary(self, outcomes: list[Outcome] | None = None) -> PublishSummary:
        if outcomes is None:
            results = {Change.create: Result.would_create, Change.update: Result.would_update}
            outcomes = [
                Outcome(p, results.get(p.change, Result.unchanged), p.key) for p in self.planned
            ]
        jira = self.config.jira
        return PublishSummary(
            postmortem_id=self.doc.postmortem.id,
            title=self.doc.postmortem.title,
            dry_run=self.options.dry_run,
            published=False,
            documents=[str(p) for p in self.paths],
            checklist=[
                CheckLine(level=f.level.value, text=f.text) for f in self.preflight.findings
            ],
            tickets=[_ticket(o) for o in outcomes] if self.options.jira else [],
            aspirational=len(self.doc.aspirational_actions),
            jira=f"{jira.project} at {redact_url(jira.url)}" if self.needs_jira else "",
            slack="skipped (dry run)" if self.options.dry_run else "not configured",
            announcement=self.announcement() if self.options.dry_run and self.webhook else "",
            slack_webhook=redact_url(self.webhook) if self.options.dry_run else "",
            targets=self.target_plans() if self.options.dry_run else [],
        )

    def target_plans(self) -> list[TargetSummary]:
        from debrief.publish.targets import plans

        return plans(self)


def prepare(store: Store, pm_id: str, config: Config, options: PublishOptions) -> Prepared:
    doc = store.document(pm_id)
    directory = out_dir(options.out, config.publish_dir)
    planned = plan_tickets(doc, config.jira, store.jira_synced(pm_id)) if options.jira else []
    return Prepared(
        doc=doc,
        preflight=check(doc, strict=options.strict, blameless=_coach(doc)),
        planned=planned,
        paths=list(document_paths(directory, doc.postmortem)),
        options=options,
        config=config,
        meetings=store.meetings(pm_id),
    )


def _coach(doc: Document) -> Callable[[str], list[str]]:
    """The blameless coach's findings for a section, naming the people of this post-mortem."""
    from debrief.coach import lint

    people = tuple(
        {p.name for p in doc.postmortem.participants} | {a.owner for a in doc.owned_actions}
    )

    def findings(text: str) -> list[str]:
        return [f"“{' '.join(f.text.split())}” ({f.category})" for f in lint(text, people=people)]

    return findings


def run(
    store: Store,
    prepared: Prepared,
    progress: Progress | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> PublishSummary:
    """Publish for real; PublishError (with `.summary` when tickets were touched) if not."""
    if not prepared.preflight.ready:
        raise PublishError(prepared.preflight.reason())
    pm_id = prepared.doc.postmortem.id
    outcomes: list[Outcome] | None = None
    if prepared.needs_jira:
        outcomes = _tickets(store, prepared, progress, on_wait)
    elif prepared.options.jira:
        outcomes = [Outcome(p, Result.unchanged, p.key) for p in prepared.planned]
    summary = prepared.summary(outcomes)
    failed = [t for t in summary.tickets if t.result == Result.failed.value]
    if failed:
        raise PublishError(
            f"{len(failed)} of {plural(len(summary.tickets), 'ticket')} could not be created or updated "
            f"({failed[0].title}: {failed[0].notes[-1] if failed[0].notes else 'refused'}); "
            "the others are recorded, fix and publish again",
            summary,
        )
    unknown = [o for o in outcomes or [] if o.result is Result.unknown]
    if unknown:
        from debrief.publish.unanswered import when

        raise PublishError(
            f"Jira has not confirmed {len(unknown)} of {plural(len(summary.tickets), 'ticket')} "
            "(a create went unanswered and no ticket carries its item's label yet); publish "
            f"again in {when(max(o.wait for o in unknown))} to look for them again, nothing is "
            "created twice",
            summary,
        )
    doc = store.document(pm_id)
    directory = prepared.paths[0].parent
    meetings = store.meetings(pm_id)
    written = write_documents(doc, directory, prepared.config.jira.url, meetings)
    summary.documents = [str(p) for p in written]
    summary.targets = _targets(store, prepared, doc, meetings, summary, on_wait)
    keys = {a.id: a.jira_key for a in doc.owned_actions if a.jira_key}
    places = [t.where for t in summary.targets]
    record = store.record_publish(pm_id, [str(p) for p in written] + places, keys)
    summary.published = True
    summary.publish_id = record.id
    page = next((t.where for t in summary.targets if t.target == "confluence"), "")
    summary.slack = _announce(doc, prepared, list(keys.values()), page or announced_path(written))
    return summary


def _targets(
    store: Store,
    prepared: Prepared,
    doc: Document,
    meetings: list[MeetingRecord],
    summary: PublishSummary,
    on_wait: Callable[[str], None] | None,
) -> list[TargetSummary]:
    """The Confluence page, then the git repository, from the document as just written."""
    from debrief.publish.documents import render_published

    if not prepared.options.confluence and prepared.options.git is None:
        return []
    markdown = render_published(doc, prepared.config.jira.url, meetings)[0]
    done: list[TargetSummary] = []
    try:
        if prepared.options.confluence:
            from debrief.publish.targets import publish_confluence

            done.append(publish_confluence(prepared, doc, markdown, on_wait))
        if prepared.options.git is not None:
            from debrief.publish.git_repo import publish_git

            done.append(publish_git(prepared.options.git, doc, markdown, store.author))
    except PublishError as exc:
        summary.targets = done
        raise PublishError(
            f"{exc} (everything before it is done)",
            summary,
        ) from None
    return done


def _tickets(
    store: Store,
    prepared: Prepared,
    progress: Progress | None,
    on_wait: Callable[[str], None] | None,
) -> list[Outcome]:
    from debrief.publish.jira_api import JiraSession
    from debrief.publish.tickets import CreateLedger, TicketSync

    pm_id = prepared.doc.postmortem.id
    jira = prepared.config.jira
    session = JiraSession(jira, on_wait=on_wait)
    session.connect()
    sync = TicketSync(
        session,
        project=jira.project,
        issue_type=jira.issue_type,
        save=lambda links: store.record_tickets(pm_id, links),
        ledger=CreateLedger(
            sent=store.creates_sent(pm_id),
            now=store.now,
            record=lambda labels: store.record_creates_sent(pm_id, labels),
            forget=store.forget_creates_sent,
        ),
        progress=progress,
    )
    return sync.run(prepared.planned)


def _announce(doc: Document, prepared: Prepared, keys: list[str], where: str) -> str:
    webhook = prepared.webhook
    if not webhook:
        return "not configured"
    from debrief.publish.slack import SlackError, announcement, post

    try:
        post(webhook, announcement(doc, keys, where))
    except SlackError as exc:
        return f"failed: {exc}"
    return "posted"


def _ticket(outcome: Outcome) -> TicketSummary:
    item = outcome.planned.item
    return TicketSummary(
        action_id=item.id,
        title=outcome.planned.fields.summary,
        owner=item.owner,
        due=item.due,
        priority=outcome.planned.fields.priority,
        key=outcome.key,
        result=outcome.result.value,
        assignee=outcome.assignee,
        notes=outcome.notes,
    )
