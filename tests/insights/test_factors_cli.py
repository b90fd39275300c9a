"""`debrief factor add/list`: several factors per post-mortem, each in a configured
category, pointing at timeline events; the documents list them. On both engines."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def pm_id(cli) -> str:
    pm = cli("new", "Checkout down", "--started", "2026-11-20T10:00:00Z").stdout.strip()
    cli("event", "add", pm, "2026-11-20T10:05:00Z", "Alert fired", "--milestone", "detected")
    cli("event", "add", pm, "2026-11-20T10:40:00Z", "Rolled back", "--milestone", "mitigated")
    return pm


def factors(cli, pm_id: str) -> list[dict]:
    result = cli("factor", "list", pm_id, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_several_factors_each_with_a_category_and_event_links(cli, pm_id):
    first = cli("factor", "add", pm_id, "deploy", "Canary skipped EU", "--event", "2")
    assert first.exit_code == 0, first.stderr
    cli("factor", "add", pm_id, "Monitoring  gap", "No alert on queue depth")
    cli("factor", "add", pm_id, "process", "Pager rotation worked", "--kind", "went-right")
    cli("factor", "add", pm_id, "other", "Traffic was low", "--kind", "lucky", "--event", "1")
    found = factors(cli, pm_id)
    assert [(f["kind"], f["category"], f["text"]) for f in found] == [
        ("factor", "deploy", "Canary skipped EU"),
        ("factor", "monitoring gap", "No alert on queue depth"),
        ("went-right", "process", "Pager rotation worked"),
        ("lucky", "other", "Traffic was low"),
    ]
    events = json.loads(cli("event", "list", pm_id, "--json").stdout)
    assert found[0]["id"] == first.stdout.strip()
    assert found[0]["events"] == [events[1]["id"]]
    assert found[3]["events"] == [events[0]["id"]]
    listed = cli("factor", "list", pm_id).stdout
    assert "Contributing factors:" in listed and "Where we got lucky:" in listed


def test_the_markdown_document_has_each_kind_under_root_cause(cli, pm_id):
    cli("factor", "add", pm_id, "deploy", "Canary skipped EU", "--event", "2")
    cli("factor", "add", pm_id, "process", "Pager rotation worked", "--kind", "went-right")
    doc = cli("export", pm_id, "--format", "md").stdout
    root = doc.split("## Root cause", 1)[1].split("\n## ", 1)[0]
    assert "### Contributing factors" in root
    assert "- **deploy**: Canary skipped EU (timeline: 2026-11-20 10:40 UTC Rolled back)" in root
    assert "### What went right" in root and "Pager rotation worked" in root
    assert "Where we got lucky" not in doc  # empty kinds are left out
    html = cli("export", pm_id, "--format", "html").stdout
    assert "<h3>Contributing factors</h3>" in html


def test_the_json_export_carries_factors_and_imports_them_again(cli, pm_id, tmp_path):
    cli("factor", "add", pm_id, "capacity", "Queue too small", "--event", "1")
    exported = tmp_path / "pm.json"
    exported.write_text(cli("export", pm_id, "--format", "json").stdout, encoding="utf-8")
    again = cli("import", str(exported))
    assert again.exit_code == 0, again.stderr
    copies = [p["id"] for p in json.loads(cli("list", "--json").stdout) if p["id"] != pm_id]
    (copy,) = copies
    (factor,) = factors(cli, copy)
    assert factor["text"] == "Queue too small" and factor["category"] == "capacity"
    copy_events = json.loads(cli("event", "list", copy, "--json").stdout)
    assert factor["events"][0] in {e["id"] for e in copy_events}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["luck", "x"], "'luck' is not a factor category"),
        (["deploy", "   "], "needs a short text"),
        (["deploy", "x", "--event", "9"], "there is no timeline event '9'"),
    ],
)
def test_bad_input_is_one_sentence_and_stores_nothing(cli, pm_id, args, message):
    result = cli("factor", "add", pm_id, *args)
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert factors(cli, pm_id) == []


def test_categories_come_from_the_config(cli, pm_id, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('factor_categories = ["vendor", "people"]\n', encoding="utf-8")
    env = {"DEBRIEF_CONFIG": str(config)}
    assert cli("factor", "add", pm_id, "Vendor", "CDN purge slow", env=env).exit_code == 0
    refused = cli("factor", "add", pm_id, "deploy", "x", env=env)
    assert refused.exit_code == 1 and "vendor, people" in refused.stderr
    assert [f["category"] for f in factors(cli, pm_id)] == ["vendor"]


def test_an_unknown_post_mortem_is_one_sentence(cli):
    result = cli("factor", "list", "PM-404")
    assert result.exit_code == 1 and "no post-mortem with id 'PM-404'" in result.stderr


def test_a_factors_text_reaches_the_terminal_neutralised(cli, pm_id):
    cli("factor", "add", pm_id, "other", "evil \x1b]0;title\x07 text")
    listed = cli("factor", "list", pm_id).stdout
    assert "\x1b" not in listed and "\x07" not in listed


def test_a_hostile_factor_stays_text_in_the_documents(cli, pm_id):
    cli("factor", "add", pm_id, "other", "<script>alert(1)</script> [x](javascript:alert(1))")
    html = cli("export", pm_id, "--format", "html").stdout
    assert "<script>" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
