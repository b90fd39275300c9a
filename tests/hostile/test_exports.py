"""Exports of hostile text: nothing a person typed or Slack sent becomes markup or a link."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.hostile.conftest import one_sentence
from tests.hostile.html_elements import (
    ALLOWED_SCHEMES,
    Page,
    markdown_as_github_reads_it,
    read_html,
)

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
JS_LINK = "[click](javascript:alert(3))"
BIDI = "invoice\u202egnp.exe"
PIXEL = "![p](https://evil.example/pixel.png)"
NEWLINE_LINK = "https://a.example\n[x](javascript:alert(4))"


def slack_export(root: Path) -> Path:
    """A one-channel Slack export whose messages carry markup, links and bidi overrides."""
    messages = [
        # Slack escapes <, > and & in text; the importer turns them back into characters.
        {"type": "message", "user": "U1", "ts": "1763647200.000001", "text": "&lt;script&gt;alert(5)&lt;/script&gt;"},
        {"type": "message", "user": "U1", "ts": "1763647260.000001", "text": "&lt;img src=x onerror=alert(6)&gt; " + BIDI},
        {"type": "message", "user": "U1", "ts": "1763647320.000001", "text": "see <javascript:alert(7)|the graph>"},
        {
            "type": "message",
            "user": "U1",
            "ts": "1763647380.000001",
            "text": "a file",
            "files": [{"title": "x", "permalink": "data:text/html,<script>alert(8)</script>"}],
        },
        {"type": "message", "user": "U1", "ts": "1763647440.000001", "text": "fine <https://grafana.example/d/1|graph>"},
    ]  # fmt: skip
    files = {
        "users.json": [{"id": "U1", "name": "mallory", "real_name": "<b>Mallory</b>"}],
        "channels.json": [{"id": "C1", "name": "inc"}],
        "inc/2025-11-20.json": messages,
    }
    export = root / "slack"
    for name, content in files.items():
        path = export / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content), encoding="utf-8")
    return export


@pytest.fixture
def hostile(cli, store, tmp_path) -> str:  # type: ignore[no-untyped-def]
    pm = cli("new", f"Outage {SCRIPT} {BIDI}", "--started", "2025-11-20T14:00:00Z").stdout.strip()
    store.update_postmortem(
        pm, severity=IMG, classification=JS_LINK, services=["# api", f"a|b {SCRIPT}"]
    )
    assert cli("participant", "add", pm, f"Eve {IMG}", "--role", JS_LINK).exit_code == 0
    owner = ["--owner", f"bob {SCRIPT}", "--due", "2026-12-01"]
    assert cli("action", "add", pm, f"Fix {IMG} {JS_LINK} {PIXEL}", *owner).exit_code == 0
    assert cli("action", "add", "--aspirational", "--", pm, f"- {SCRIPT} 1. {BIDI}").exit_code == 0
    event = ["event", "add", pm, "2025-11-20T14:05:00Z", f"{SCRIPT}\n| broken | row |"]
    assert cli(*event, "--source", JS_LINK, "--author", IMG).exit_code == 0
    body = (
        f"Intro {SCRIPT}\n\n{IMG}\n\n{JS_LINK} and <javascript:alert(9)>\n\n"
        "![x](data:image/png;base64,AAAA) [y](data:text/html,<script>alert(10)</script>)"
    )
    assert cli("section", "set", pm, "impact", body).exit_code == 0
    imported = cli("import-timeline", pm, str(slack_export(tmp_path)), "--format", "slack")
    assert imported.exit_code == 0, imported.stderr
    return pm


def assert_safe(page: Page) -> None:
    assert "script" not in page.tags and "img" not in page.tags, page.tags
    assert not {"onerror", "onclick", "style"} & set(page.attributes)
    assert page.schemes() <= ALLOWED_SCHEMES, page.targets


def test_markdown_export_carries_no_markup_and_no_unsafe_link(cli, hostile):
    md = cli("export", hostile, "--format", "md").stdout

    lowered = md.lower()
    assert "<script" not in lowered and "<img" not in lowered
    assert "](javascript:" not in lowered and "<javascript:" not in lowered
    assert "\u202e" not in md and "⟨U+202E⟩" in md
    page = markdown_as_github_reads_it(md)
    assert_safe(page)
    assert "a" in page.tags  # the one good Slack link stays a link
    assert "https://grafana.example/d/1" in page.targets
    # The text is still there, to be read as it was written.
    assert SCRIPT in page.text and "onerror" in page.text and "javascript:alert(3)" in page.text


def test_html_export_carries_no_markup_and_no_unsafe_link(cli, hostile, tmp_path):
    out = tmp_path / "pm.html"
    assert cli("export", hostile, "--format", "html", "-o", str(out)).exit_code == 0
    page = read_html(out.read_text(encoding="utf-8"))

    assert_safe(page)
    assert SCRIPT in page.text and "\u202e" not in page.text
    assert "javascript:alert(9)" in page.text  # an autolink to javascript: is text


def test_timeline_table_keeps_one_row_per_event(cli, store, hostile):
    from debrief.models import TimelineEvent

    at = store.get_postmortem(hostile).started_at
    # As an older version stored it, before links were checked.
    store.add_event(hostile, TimelineEvent(at=at, text="old", link=NEWLINE_LINK))
    md = cli("export", hostile, "--format", "md").stdout
    timeline = md.split("## Timeline")[1].split("\n## ")[0]
    rows = [line for line in timeline.splitlines() if line.startswith("|")]
    page = markdown_as_github_reads_it(timeline)

    events = 7  # one added, five from Slack, one from before
    assert len(rows) == events + 2  # header and delimiter
    assert len(timeline.strip().splitlines()) == events + 4  # the metrics line and a blank
    assert page.tags.count("tr") == events + 1
    assert page.tags.count("td") == events * 4


def events(cli, pm: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return json.loads(cli("export", pm, "--format", "json").stdout)["events"]


def test_a_link_with_a_newline_is_refused_and_nothing_is_stored(cli, pm):
    result = cli("event", "add", pm, "2025-11-20T15:00:00Z", "x", "--link", NEWLINE_LINK)

    assert result.exit_code == 1
    assert one_sentence(result.stderr) and result.stderr.count("\n") == 1
    assert "one line" in result.stderr
    assert events(cli, pm) == []


def test_links_that_are_not_http_https_or_mailto_are_refused(cli, pm):
    for link in ("javascript:alert(1)", "data:text/html,x", "https://a.example/x y", "ftp://a/x"):
        result = cli("event", "add", pm, "2025-11-20T15:00:00Z", "x", "--link", link)
        assert result.exit_code == 1 and one_sentence(result.stderr), link
    good = cli("event", "add", pm, "2025-11-20T15:00:00Z", "x", "--link", " mailto:a@b.example ")
    assert good.exit_code == 0
    assert [e["link"] for e in events(cli, pm)] == ["mailto:a@b.example"]


def test_a_json_import_with_an_unsafe_link_is_refused_whole(cli, pm, tmp_path):
    cli("event", "add", pm, "2025-11-20T15:00:00Z", "x", "--link", "https://ok.example/")
    doc = json.loads(cli("export", pm, "--format", "json").stdout)
    doc["events"][0]["link"] = "javascript:alert(1)"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    listed = cli("list", "--json").stdout

    result = cli("import", str(path))

    assert result.exit_code == 1 and one_sentence(result.stderr)
    assert "not an http, https or mailto URL" in result.stderr
    assert cli("list", "--json").stdout == listed


def test_a_csv_link_that_is_not_a_url_is_left_out_and_said(cli, pm, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "time,text,link\n"
        "2025-11-20T16:00:00Z,bad link,javascript:alert(1)\n"
        "2025-11-20T16:01:00Z,good link,https://ok.example/1\n",
        encoding="utf-8",
    )
    result = cli("import-timeline", pm, str(path), "--format", "csv")

    assert result.exit_code == 0, result.stderr
    assert "not an http, https or mailto URL" in result.stdout + result.stderr
    links = {e["text"]: e["link"] for e in events(cli, pm)}
    assert links == {"bad link": "", "good link": "https://ok.example/1"}


def test_a_bad_link_from_an_older_database_is_shown_as_text(cli, hostile, db_path, tmp_path):
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "UPDATE events SET link = ? WHERE source = ?",
            (NEWLINE_LINK, "[click](javascript:alert(3))"),
        )
    conn.close()

    md = cli("export", hostile, "--format", "md").stdout
    out = tmp_path / "pm.html"
    assert cli("export", hostile, "--format", "html", "-o", str(out)).exit_code == 0

    for page in (markdown_as_github_reads_it(md), read_html(out.read_text(encoding="utf-8"))):
        assert_safe(page)
        assert "https://a.example [x](javascript:alert(4))" in page.text
        assert "https://a.example" not in page.targets
    timeline = md.split("## Timeline")[1].split("\n## ")[0]
    assert len([line for line in timeline.splitlines() if line.startswith("|")]) == 6 + 2
