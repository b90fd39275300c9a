"""A small Slack workspace export, built in code, with every case the importer must keep.

The workspace is in America/Los_Angeles, so day files are named by Pacific dates:
the message at 2026-11-20 02:30 UTC lives in `inc-42/2026-11-19.json`.
"""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def ts(iso: str, seq: int = 1) -> str:
    """A Slack ts for a UTC instant: seconds, then a six-digit sequence number."""
    at = datetime.fromisoformat(iso).replace(tzinfo=UTC)
    return f"{int(at.timestamp())}.{seq:06d}"


USERS = [
    {"id": "U1", "name": "ana.ruiz", "real_name": "Ana Ruiz", "profile": {"display_name": "ana"}},
    {"id": "U2", "name": "bo", "real_name": "Bo Chen", "profile": {"display_name": ""}},
    {
        "id": "U3",
        "name": "deploybot",
        "is_bot": True,
        "profile": {"real_name": "Deploy Bot", "bot_id": "B2"},
    },
]
CHANNELS = [{"id": "C1", "name": "inc-42"}, {"id": "C2", "name": "general"}]

# One timeline, with its expected text after conversion (None: skipped as noise).
ROOT = ts("2026-11-20T02:40:00")
INC_19 = [  # Pacific date 2026-11-19, UTC date 2026-11-20
    {"type": "message", "subtype": "channel_join", "user": "U1", "ts": ts("2026-11-20T02:00:00")},
    {
        "type": "message",
        "subtype": "bot_add",
        "user": "U1",
        "bot_id": "B1",
        "text": "added an integration to this channel: <https://x.slack.com/services/B1|pagerduty>",
        "ts": ts("2026-11-20T02:01:00"),
    },
    {
        "type": "message",
        "user": "U1",
        "text": "Checkout errors &gt; 5% &amp; rising, <@U2> <!here> see <#C2|general> and <#C2>",
        "ts": ts("2026-11-20T02:30:00"),
    },
    {
        "type": "message",
        "user": "U2",
        "text": "Graph: <https://grafana.example.com/d/1?a=1&amp;b=2|error rate> and <https://ops.example.com/runbook|runbook>",
        "ts": ts("2026-11-20T02:35:00"),
    },
    {
        "type": "message",
        "user": "U1",
        "text": "Rolling back deploy 1234",
        "thread_ts": ROOT,
        "reply_count": 1,
        "ts": ROOT,
    },
    {
        "type": "message",
        "user": "U2",
        "text": "Rollback done",
        "thread_ts": ROOT,
        "parent_user_id": "U1",
        "ts": ts("2026-11-20T02:50:00"),
    },
    {
        "type": "message",
        "user": "U1",
        "text": "Error rate back to normal (final wording)",
        "edited": {"user": "U1", "ts": ts("2026-11-20T03:10:00")},
        "ts": ts("2026-11-20T03:00:00"),
    },
    {
        "type": "message",
        "subtype": "bot_message",
        "bot_id": "B1",
        "text": "",
        "attachments": [
            {
                "fallback": "Resolved: checkout errors",
                "pretext": "Incident resolved",
                "text": "<https://acme.pagerduty.com/incidents/P1|#42> checkout errors",
            }
        ],
        "ts": ts("2026-11-20T03:05:00"),
    },
    {
        "type": "message",
        "user": "U1",
        "text": "the screenshot",
        "files": [
            {
                "id": "F1",
                "title": "error rate.png",
                "permalink": "https://x.slack.com/files/U1/F1/error_rate.png",
            }
        ],
        "ts": ts("2026-11-20T03:06:00"),
    },
    {
        "type": "message",
        "user": "U2",
        "text": "literal [bold red]x[/bold red] and \u001b[31mred\u001b[0m",
        "ts": ts("2026-11-20T03:07:00"),
    },
    {
        "type": "message",
        "subtype": "channel_topic",
        "user": "U1",
        "text": "set the topic",
        "ts": ts("2026-11-20T03:08:00"),
    },
]
INC_20 = [  # Pacific date 2026-11-20
    {
        "type": "message",
        "subtype": "bot_message",
        "bot_id": "B2",
        "text": "deploy 1235 started",
        "ts": ts("2026-11-20T17:00:00"),
    },
    {
        "type": "message",
        "subtype": "bot_message",
        "username": "grafana",
        "text": "",
        "attachments": [{"fallback": "Alert OK"}],
        "ts": ts("2026-11-20T17:05:00"),
    },
    {"type": "message", "subtype": "channel_leave", "user": "U2", "ts": ts("2026-11-20T17:10:00")},
    {
        "type": "message",
        "subtype": "channel_purpose",
        "user": "U2",
        "text": "purpose",
        "ts": ts("2026-11-20T17:11:00"),
    },
]
GENERAL_20 = [
    {
        "type": "message",
        "user": "U9",
        "text": "someone not in users.json",
        "user_profile": {"real_name": "Cy Guest"},
        "ts": ts("2026-11-20T18:00:00"),
    },
]

EXPECTED_EVENTS = 11
EXPECTED_SKIPS = {
    "channel joins and leaves": 2,
    "integrations added or removed": 1,
    "topic, purpose and name changes": 2,
}


def files() -> dict[str, Any]:
    return {
        "users.json": USERS,
        "channels.json": CHANNELS,
        "inc-42/2026-11-19.json": INC_19,
        "inc-42/2026-11-20.json": INC_20,
        "general/2026-11-20.json": GENERAL_20,
    }


def write_folder(root: Path, extra: dict[str, Any] | None = None) -> Path:
    """The export unpacked under `root/export`; `extra` adds or replaces files (str: raw)."""
    export = root / "export"
    for name, content in {**files(), **(extra or {})}.items():
        path = export / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = content if isinstance(content, str) else json.dumps(content, indent=4)
        path.write_text(text, encoding="utf-8")
    return export


def write_zip(path: Path, extra: dict[str, Any] | None = None, prefix: str = "") -> Path:
    """The export as a .zip, optionally wrapped in a top folder `prefix`."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in {**files(), **(extra or {})}.items():
            text = content if isinstance(content, str) else json.dumps(content, indent=4)
            zf.writestr(prefix + name, text)
    return path
