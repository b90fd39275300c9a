"""The post-mortem as a complete, readable Markdown document (GitHub-flavoured).

Every field goes through `debrief.safe_markdown`: plain text shows literally, links
are checked, section bodies stay Markdown without raw HTML or unsafe links.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from debrief.dates import show_duration, show_instant
from debrief.models import ActionItem, Document
from debrief.render_practice import confirmation_line, known_then, practice_markdown
from debrief.safe_markdown import body as safe_body
from debrief.safe_markdown import cell, link, text, ticket
from debrief.timeline import metrics

__all__ = ["cell", "render_markdown"]

ROOT_CAUSE_KEY = "root-cause"
TIMELINE_KEY = "timeline"
ACTIONS_KEY = "action-items"
ASPIRATIONAL_KEY = "if-we-have-time"


def render_markdown(
    doc: Document,
    where: tzinfo | None = None,
    jira_url: str = "",
    appendices: list[str] | None = None,
) -> str:
    """The whole document. `where` is the zone times are shown in (named beside each)."""
    pm = doc.postmortem
    out: list[str] = [f"# {text(pm.title)}", ""]
    started = show_instant(pm.started_at, where) if pm.started_at else "—"
    ended = show_instant(pm.ended_at, where) if pm.ended_at else "—"
    meta = [  # (label, Markdown): every value from people escaped
        ("Id", cell(pm.id)),
        ("Status", pm.status.value),
        ("Severity", cell(pm.severity or "—")),
        ("Incident start", started),
        ("Incident end", ended),
        ("Classification", cell(pm.classification or "—")),
        ("Services", ", ".join(text(s) for s in pm.services) or "—"),
        ("Facilitator", cell(pm.facilitator or "—")),
        ("Lead investigator", cell(pm.lead_investigator or "—")),
        ("Debrief due", pm.debrief_due.isoformat() if pm.debrief_due else "—"),
    ]
    if pm.participants:
        people = ", ".join(
            f"{text(p.name)} ({text(p.role)})" if p.role else text(p.name) for p in pm.participants
        )
        meta.append(("Participants", people))
    out += ["| | |", "|---|---|"]
    out += [f"| **{k}** | {v} |" for k, v in meta]
    out.append("")

    renderers: dict[str, Callable[[], list[str]]] = {
        TIMELINE_KEY: lambda: _timeline(doc, where),
        ACTIONS_KEY: lambda: _actions(doc.owned_actions, jira_url),
        ASPIRATIONAL_KEY: lambda: _aspirational(doc.aspirational_actions),
    }
    if doc.factors:
        renderers[ROOT_CAUSE_KEY] = lambda: _factors(doc, where)
    for section in doc.sections:
        out += [f"## {text(section.title)}", ""]
        body = safe_body(section.body)
        if body:
            out += [body, ""]
        extra = renderers.get(section.key)
        if extra:
            out += extra()
        elif not body:
            out += ["_Not written yet._", ""]
    out += practice_markdown(doc)
    for appendix in appendices or []:
        out += [appendix.rstrip(), ""]
    return "\n".join(out).rstrip() + "\n"


def _timeline(doc: Document, where: tzinfo | None) -> list[str]:
    events = sorted(doc.events, key=lambda e: e.at)
    m = metrics(events, doc.postmortem.started_at)
    out = [" · ".join(f"**{label}:** {show_duration(value)}" for label, value in m.rows()), ""]
    out += confirmation_line(doc)
    if not events:
        return [*out, "_No timeline events yet._", ""]
    out += ["| Time | Event | Source | Milestone |", "|---|---|---|---|"]
    for e in events:
        what = link(e.text, e.link) + known_then(e)
        if e.author:
            what = f"{text(e.author)}: {what}"
        milestone = f"**{e.milestone.value}**" if e.milestone else ""
        out.append(f"| {show_instant(e.at, where)} | {what} | {cell(e.source)} | {milestone} |")
    out.append("")
    return out


def _actions(items: list[ActionItem], jira_url: str) -> list[str]:
    if not items:
        return ["_No action items yet._", ""]
    out = [
        "| Action | Owner | Due | Priority | Kind | Status | Ticket |",
        "|---|---|---|---|---|---|---|",
    ]
    for a in items:
        key = ticket(a.jira_key, jira_url) if a.jira_key else "—"
        out.append(
            f"| {cell(a.title)} | {cell(a.owner) if a.owner else '**no owner**'} | "
            f"{a.due.isoformat() if a.due else '**no date**'} | {a.priority.value} | "
            f"{a.kind.value} | {a.status.value} | {key} |"
        )
    out.append("")
    return out


def _aspirational(items: list[ActionItem]) -> list[str]:
    if not items:
        return ["_Nothing listed._", ""]
    return [*(f"- {text(a.title)}" for a in items), ""]


def _factors(doc: Document, where: tzinfo | None) -> list[str]:
    """Contributing factors, what went right and where we got lucky: a list each, when
    there are any, every factor with its category and the events it points at."""
    from debrief.factors import TITLES, by_kind

    events = {e.id: e for e in doc.events}
    out: list[str] = []
    for kind, factors in by_kind(doc.factors).items():
        if not factors:
            continue
        out += [f"### {TITLES[kind]}", ""]
        for f in factors:
            line = f"- **{text(f.category)}**: {text(f.text)}"
            linked = [events[e] for e in f.events if e in events]
            if linked:
                shown = "; ".join(f"{show_instant(e.at, where)} {text(e.text)}" for e in linked)
                line += f" (timeline: {shown})"
            out.append(line)
        out.append("")
    return out
