"""`debrief import FILE.md | FOLDER | -`: what the user sees, what is stored, and that a
second import adds nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.hostile.conftest import one_sentence

HERE = Path(__file__).parent


def listed(cli) -> list[dict]:
    return json.loads(cli("list", "--json").stdout)


def exported(cli, pm_id: str) -> dict:
    return json.loads(cli("export", pm_id, "--format", "json").stdout)


def test_a_file_is_imported_with_a_table_of_where_each_heading_went(cli):
    result = cli("import", str(HERE / "sre_style.md"))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    pm_id = out.split("→ ")[1].split()[0]
    assert pm_id.startswith("MD-")
    assert "Where we got lucky" in out and "What didn't go well" in out
    assert "Apendix" in out and "Data & analysis" in out
    assert "6 events (times in PDT, stated in the document)" in out
    assert "4 action items (3 without owner or due date)" in out
    assert f"`debrief check {pm_id}`" in out
    doc = exported(cli, pm_id)
    assert len(doc["events"]) == 6 and len(doc["actions"]) == 4
    assert doc["postmortem"]["title"] == "November 3rd, 2025 Search Indexer Outage"


def test_importing_the_same_file_twice_adds_nothing(cli):
    first = cli("import", str(HERE / "table_style.md"))
    again = cli("import", str(HERE / "table_style.md"), "--json")
    assert first.exit_code == again.exit_code == 0
    (report,) = json.loads(again.stdout)
    assert report["status"] == "already"
    pms = listed(cli)
    assert len(pms) == 1 and pms[0]["id"] == report["id"]
    assert len(exported(cli, report["id"])["events"]) == 4


def test_check_lists_the_items_imported_without_owner_or_due_date(cli):
    cli("import", str(HERE / "table_style.md"))
    (pm,) = listed(cli)
    result = cli("check", pm["id"])
    assert result.exit_code == 1
    assert "1 incomplete: Publish a merchant-facing incident FAQ" in " ".join(result.stdout.split())


def test_json_report_says_what_went_where(cli):
    result = cli("import", str(HERE / "narrative.md"), "--json")
    assert result.exit_code == 0, result.stderr
    (report,) = json.loads(result.stdout)
    assert report["status"] == "imported" and report["events"] == 3
    assert report["other"] == [
        "Architecture",
        "Publication of the outage",
        "Frequently asked questions",
    ]
    assert {
        "heading": "Timeline",
        "section": "Timeline",
        "events": 3,
        "items": 0,
        "text": True,
    } in (report["placed"])


def test_a_folder_reports_each_file_and_a_bad_one_stores_nothing(cli, tmp_path):
    folder = tmp_path / "pms"
    folder.mkdir()
    for name in ("sre_style.md", "bad_front_matter.md", "heading_entries.md"):
        shutil.copy(HERE / name, folder / name)
    (folder / "notes.txt").write_text("not markdown")
    result = cli("import", str(folder))
    assert result.exit_code == 1
    assert "bad_front_matter.md has front matter that is not valid YAML" in result.stderr
    assert "2 files imported · 0 already there · 1 failed" in result.stdout
    titles = sorted(p["title"] for p in listed(cli))
    assert titles == [
        "2024-12-31, builds stuck at midnight",
        "November 3rd, 2025 Search Indexer Outage",
    ]


def test_a_malformed_file_is_one_sentence_and_exit_1(cli, tmp_path):
    result = cli("import", str(HERE / "bad_front_matter.md"))
    assert result.exit_code == 1 and one_sentence(result.stderr)
    assert result.stderr.startswith("debrief: ")
    assert listed(cli) == []
    binary = tmp_path / "junk.md"
    binary.write_bytes(b"# Title\n\x00\x01\x02")
    result = cli("import", str(binary))
    assert result.exit_code == 1 and "is not a text file" in result.stderr


def test_standard_input(cli):
    text = (HERE / "heading_entries.md").read_text()
    result = cli("import", "-", "--json", input=text)
    assert result.exit_code == 0, result.stderr
    (report,) = json.loads(result.stdout)
    assert report["file"] == "-" and report["events"] == 3


def test_json_exports_still_import_through_the_same_command(cli, tmp_path):
    cli("import", str(HERE / "narrative.md"))
    (pm,) = listed(cli)
    export = tmp_path / "pm.json"
    export.write_text(cli("export", pm["id"], "--format", "json").stdout)
    result = cli("import", str(export))
    assert result.exit_code == 0
    assert "was taken" in result.stdout


def test_the_markdown_export_shows_the_other_section(cli):
    cli("import", str(HERE / "narrative.md"))
    (pm,) = listed(cli)
    markdown = cli("export", pm["id"], "--format", "md").stdout
    assert "## Other" in markdown and "### Architecture" in markdown


def test_usage_mistakes_are_one_sentence(cli, tmp_path):
    cases = [
        (("import", str(HERE / "narrative.md"), "--tz", "Mars/Base"), "is not a time zone name"),
        (("import", str(tmp_path / "missing.md")), "missing.md does not exist"),
        (("import", str(tmp_path)), "holds no Markdown files"),
        (("import", str(HERE / "narrative.md"), "--template", "nope"), "no template named 'nope'"),
    ]
    for args, message in cases:
        result = cli(*args)
        assert result.exit_code == 1 and one_sentence(result.stderr), args
        assert message in result.stderr
    assert listed(cli) == []
