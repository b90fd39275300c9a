"""The post-mortem as a complete, readable Markdown document (GitHub-flavoured)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from debrief.dates import show_duration, show_instant
from debrief.literal import clean
from debrief.models import ActionItem, Document
from debrief.timeline import metrics

TIMELINE_KEY = "timeline"
ACTIONS_KEY = "action-items"
ASPIRATIONAL_KEY = "if-we-have-time"


def cell(value: str) -> str:
    """Text safe inside a Markdown table cell."""
    return clean(value, single_line=True).replace("|", "\\|") or " "


def _link(label: str, url: str) -> str:
    if not url:
        return cell(label)
    return f"[{cell(label)}]({url.replace(' ', '%20').replace(')', '%29')})"


def render_markdown(
    doc: Document,
    where: tzinfo | None = None,
    jira_url: str = "",
    appendices: list[str] | None = None,
) -> str:
    """The whole document. `where` is the zone times are shown in (named beside each)."""
    pm = doc.postmortem
    out: list[str] = [f"# {clean(pm.title, single_line=True)}", ""]
    meta = [
        ("Id", pm.id),
        ("Status", pm.status.value),
        ("Severity", pm.severity or "—"),
        ("Incident start", show_instant(pm.started_at, where) if pm.started_at else "—"),
        ("Incident end", show_instant(pm.ended_at, where) if pm.ended_at else "—"),
        ("Classification", pm.classification or "—"),
        ("Services", ", ".join(pm.services) or "—"),
        ("Facilitator", pm.facilitator or "—"),
        ("Lead investigator", pm.lead_investigator or "—"),
        ("Debrief due", pm.debrief_due.isoformat() if pm.debrief_due else "—"),
    ]
    if pm.participants:
        people = ", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in pm.participants)
        meta.append(("Participants", people))
    out += ["| | |", "|---|---|"]
    out += [f"| **{k}** | {cell(v)} |" for k, v in meta]
    out.append("")

    renderers: dict[str, Callable[[], list[str]]] = {
        TIMELINE_KEY: lambda: _timeline(doc, where),
        ACTIONS_KEY: lambda: _actions(doc.owned_actions, jira_url),
        ASPIRATIONAL_KEY: lambda: _aspirational(doc.aspirational_actions),
    }
    for section in doc.sections:
        out += [f"## {clean(section.title, single_line=True)}", ""]
        body = clean(section.body).strip()
        if body:
            out += [body, ""]
        extra = renderers.get(section.key)
        if extra:
            out += extra()
        elif not body:
            out += ["_Not written yet._", ""]
    for appendix in appendices or []:
        out += [appendix.rstrip(), ""]
    return "\n".join(out).rstrip() + "\n"


def _timeline(doc: Document, where: tzinfo | None) -> list[str]:
    events = sorted(doc.events, key=lambda e: e.at)
    m = metrics(events, doc.postmortem.started_at)
    out = [" · ".join(f"**{label}:** {show_duration(value)}" for label, value in m.rows()), ""]
    if not events:
        return [*out, "_No timeline events yet._", ""]
    out += ["| Time | Event | Source | Milestone |", "|---|---|---|---|"]
    for e in events:
        text = _link(e.text, e.link) if e.link else cell(e.text)
        if e.author:
            text = f"{cell(e.author)}: {text}"
        milestone = f"**{e.milestone.value}**" if e.milestone else ""
        out.append(f"| {show_instant(e.at, where)} | {text} | {cell(e.source)} | {milestone} |")
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
        ticket = a.jira_key
        if ticket and jira_url:
            ticket = f"[{a.jira_key}]({jira_url.rstrip('/')}/browse/{a.jira_key})"
        out.append(
            f"| {cell(a.title)} | {cell(a.owner) if a.owner else '**no owner**'} | "
            f"{a.due.isoformat() if a.due else '**no date**'} | {a.priority.value} | "
            f"{a.kind.value} | {a.status.value} | {ticket or '—'} |"
        )
    out.append("")
    return out


def _aspirational(items: list[ActionItem]) -> list[str]:
    if not items:
        return ["_Nothing listed._", ""]
    return [*(f"- {clean(a.title, single_line=True)}" for a in items), ""]
