"""P4: importing a 100,000-message Slack export takes at most 2× a plain `json.load`.

The export is generated in the shape of a current Slack workspace export (pretty
printed, as Slack writes it): user messages carry `blocks` (rich text) and a
`user_profile`; some are thread roots or replies, some edited, some bot posts
with attachments, some file shares, a few channel joins. The floor is reading
and `json.load`-ing every file of the export; the import is `debrief
import-timeline`'s work: reading, converting and storing every event in a fresh
database. Both are timed alternately, several times; the medians are compared.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

MESSAGES = 100_000
DAYS = 20
CHANNELS = ("inc-2041-checkout", "inc-2041-comms")
RUNS = 5
TARGET = 2.0
START = int(datetime(2026, 11, 20, 8, 0, tzinfo=UTC).timestamp())
WORDS = (
    *("checkout", "error", "rate", "pool", "connections", "rollback", "deploy", "canary"),
    *("dashboard", "latency", "p99", "database", "replica", "failover", "alert", "pager"),
    *("customers", "retry", "queue", "backlog", "mitigated", "cache"),
)


def _user(i: int) -> dict[str, Any]:
    name = f"engineer{i}"
    return {
        "id": f"U{i:08d}",
        "team_id": "T0000001",
        "name": name,
        "real_name": f"Engineer {i}",
        "tz": "America/Los_Angeles",
        "profile": {"display_name": name, "real_name": f"Engineer {i}", "team": "T0000001"},
    }


def _blocks(parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "type": "rich_text",
            "block_id": "b1x9",
            "elements": [{"type": "rich_text_section", "elements": parts}],
        }
    ]


def _message(rng: random.Random, users: list[dict[str, Any]], ts: str) -> dict[str, Any]:
    user = rng.choice(users)
    other = rng.choice(users)
    words = " ".join(rng.choices(WORDS, k=rng.randint(4, 18)))
    kind = rng.random()
    if kind < 0.3:
        url = f"https://grafana.example.com/d/checkout?from={ts}&amp;to=now"
        text = f"<@{other['id']}> {words} <{url}|dashboard>"
        parts = [
            {"type": "user", "user_id": other["id"]},
            {"type": "text", "text": f" {words} "},
            {"type": "link", "url": url.replace("&amp;", "&"), "text": "dashboard"},
        ]
    else:
        text = words
        parts = [{"type": "text", "text": words}]
    message: dict[str, Any] = {
        "client_msg_id": f"{rng.getrandbits(128):032x}",
        "type": "message",
        "text": text,
        "user": user["id"],
        "ts": ts,
        "blocks": _blocks(parts),
        "team": "T0000001",
        "user_team": "T0000001",
        "source_team": "T0000001",
        "user_profile": {
            "avatar_hash": "g6e7071ea93d",
            "image_72": "https://secure.gravatar.com/avatar/6e7071ea93d2.jpg?s=72",
            "first_name": "Engineer",
            "real_name": user["real_name"],
            "display_name": user["name"],
            "team": "T0000001",
            "name": user["name"],
            "is_restricted": False,
            "is_ultra_restricted": False,
        },
    }
    if rng.random() < 0.05:
        message["edited"] = {"user": user["id"], "ts": ts}
    return message


def _special(rng: random.Random, users: list[dict[str, Any]], ts: str) -> dict[str, Any]:
    """A bot post, a file share or a join (one message in ten)."""
    pick = rng.random()
    if pick < 0.6:
        return {
            "type": "message",
            "subtype": "bot_message",
            "text": "",
            "ts": ts,
            "bot_id": "B0000001",
            "username": "PagerDuty",
            "attachments": [
                {
                    "fallback": "Triggered: checkout error rate above 5%",
                    "pretext": "Incident triggered",
                    "text": "<https://acme.pagerduty.com/incidents/P1|#2041> checkout error rate",
                    "color": "a30200",
                    "title_link": "https://acme.pagerduty.com/incidents/P1",
                }
            ],
        }
    user = rng.choice(users)
    if pick < 0.95:
        return {
            "type": "message",
            "text": "",
            "user": user["id"],
            "ts": ts,
            "files": [
                {
                    "id": f"F{rng.getrandbits(32):08X}",
                    "created": int(float(ts)),
                    "name": "error-rate.png",
                    "title": "error rate",
                    "mimetype": "image/png",
                    "filetype": "png",
                    "user": user["id"],
                    "size": 48211,
                    "url_private": "https://files.slack.com/files-pri/T1-F1/error-rate.png",
                    "permalink": "https://acme.slack.com/files/U1/F1/error-rate.png",
                    "original_w": 1600,
                    "original_h": 900,
                }
            ],
            "upload": True,
            "display_as_bot": False,
        }
    return {
        "type": "message",
        "subtype": "channel_join",
        "text": f"<@{user['id']}> has joined the channel",
        "user": user["id"],
        "ts": ts,
    }


def generate(root: Path, messages: int = MESSAGES, days: int = DAYS) -> Path:
    """A Slack export of `messages` messages in an unpacked folder under `root`."""
    rng = random.Random(4)
    export = root / "slack-export"
    users = [_user(i) for i in range(60)]
    export.mkdir(parents=True, exist_ok=True)
    (export / "users.json").write_text(json.dumps(users, indent=4))
    channels = [{"id": f"C{i:08d}", "name": name} for i, name in enumerate(CHANNELS)]
    (export / "channels.json").write_text(json.dumps(channels, indent=4))
    per_file = messages // (days * len(CHANNELS))
    for c, name in enumerate(CHANNELS):
        (export / name).mkdir(exist_ok=True)
        for day in range(days):
            base = START + day * 86400 + c
            batch = []
            root_ts = ""
            for i in range(per_file):
                ts = f"{base + i * 86400 // per_file}.{i:06d}"
                m = _special(rng, users, ts) if i % 10 == 9 else _message(rng, users, ts)
                if m.get("subtype") is None and i % 7 == 0:
                    root_ts = ts
                    m["thread_ts"] = ts
                elif root_ts and m.get("subtype") is None and i % 7 in (1, 2):
                    m["thread_ts"] = root_ts
                    m["parent_user_id"] = users[0]["id"]
                batch.append(m)
            stamp = datetime.fromtimestamp(base, UTC).strftime("%Y-%m-%d")
            (export / name / f"{stamp}.json").write_text(json.dumps(batch, indent=4))
    return export


def floor(export: Path) -> float:
    """Seconds to read and json.load every file of the export."""
    started = time.perf_counter()
    for path in sorted(export.rglob("*.json")):
        with path.open("rb") as handle:
            json.load(handle)
    return time.perf_counter() - started


def import_once(export: Path, db: Path) -> tuple[float, int]:
    """Seconds to import the export into a fresh database, and the events added."""
    from debrief.importers import Format, ImportOptions, ImportReport, import_file
    from debrief.store import Store
    from debrief.template import load_template

    store = Store(db, author="bench")
    try:
        pm = store.create_postmortem("Checkout outage", load_template())
        report = ImportReport()
        started = time.perf_counter()
        counts = import_file(store, pm.id, export, Format.slack, ImportOptions(), report)
        elapsed = time.perf_counter() - started
    finally:
        store.close()
    return elapsed, counts.added


def read_once(export: Path) -> float:
    """Seconds to read and convert every message, storing nothing (what a preview does)."""
    from debrief.importers import Format, ImportOptions, ImportReport, read_records
    from debrief.importers.bulk import collector_paused

    started = time.perf_counter()
    with collector_paused():
        for _ in read_records(export, Format.slack, ImportOptions(), ImportReport()):
            pass
    return time.perf_counter() - started


def run(workdir: Path) -> dict[str, Any]:
    """The median import time against the median floor; `read_ratio` leaves out storing."""
    export = generate(workdir)
    floors, imports, reads = [], [], []
    floor(export)  # warm the page cache
    added = 0
    for i in range(RUNS):
        floors.append(floor(export))
        seconds, added = import_once(export, workdir / f"p4-{i}.db")
        imports.append(seconds)
        reads.append(read_once(export))
        for leftover in workdir.glob(f"p4-{i}.db*"):
            leftover.unlink()
    value, base = statistics.median(imports), statistics.median(floors)
    return {
        "figure": "P4 Slack import 100k messages",
        "value": round(value, 3),
        "floor": round(base, 3),
        "ratio": round(value / base, 2),
        "target": TARGET,
        "events": added,
        "read_ratio": round(statistics.median(reads) / base, 2),
    }


if __name__ == "__main__":
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(run(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tmp)), indent=2))
