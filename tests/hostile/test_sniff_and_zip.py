"""CSV sniffing looks at a bounded sample; Slack zip members are read up to a limit."""

from __future__ import annotations

import json
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from debrief.importers import ImportReport
from debrief.importers.csv_source import read_csv
from debrief.importers.options import ImportOptions
from debrief.importers.slack_archive import Limits, MemberError, SlackArchive
from tests.hostile.conftest import count, integrity_ok, one_sentence


def crafted_csv(size: int) -> str:
    """Quotes and delimiters that make the csv module's sniffer backtrack."""
    return ',"' * (size // 2)


@pytest.mark.parametrize("size", [64 * 1024, 256 * 1024])
def test_sniffing_a_crafted_csv_takes_bounded_time(tmp_path, size):
    path = tmp_path / "t.csv"
    path.write_text(crafted_csv(size))
    start = time.perf_counter()
    try:
        list(read_csv(path, ImportOptions(), ImportReport()))
    except ValueError:
        pass
    assert time.perf_counter() - start < 10


def test_the_sniffed_sample_is_a_few_kb():
    from debrief.importers import csv_source

    assert csv_source._SAMPLE <= 8 * 1024
    text = "time,text\n" + "2026-11-20T14:05:00Z,deploy\n" * 1000
    assert len(csv_source._sample(text)) <= csv_source._SAMPLE
    assert csv_source._sample(text).endswith("\n")


MIB = 1024 * 1024


def slack_zip(path: Path, day_bytes: int, days: int = 1) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("channels.json", json.dumps([{"id": "C1", "name": "inc"}]))
        archive.writestr("users.json", "[]")
        for day in range(days):
            message = {
                "type": "message",
                "user": "U1",
                "text": "hi",
                "ts": f"17635{day}0000.000100",
            }
            body = json.dumps([message]) + " " * day_bytes
            archive.writestr(f"inc/2026-11-{day + 10:02d}.json", body)
    return path


def test_a_member_larger_than_the_limit_is_not_read_whole(tmp_path):
    path = slack_zip(tmp_path / "bomb.zip", 64 * MIB)
    assert path.stat().st_size < MIB
    with SlackArchive(path, Limits(member=MIB, total=4 * MIB)) as archive:
        tracemalloc.start()
        with pytest.raises(MemberError, match="larger than 1 MiB"):
            archive.read("inc/2026-11-10.json")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < 8 * MIB


def test_the_cli_says_so_in_one_sentence_and_stores_nothing(cli, db_path, pm, tmp_path):
    path = slack_zip(tmp_path / "bomb.zip", 3 * MIB)
    result = cli("import-timeline", pm, str(path), env={"DEBRIEF_SLACK_MAX_FILE_MIB": "1"})
    assert result.exit_code == 1 and one_sentence(result.stderr)
    assert "larger than 1 MiB" in result.stderr
    assert count(db_path, "events") == 0 and integrity_ok(db_path)


def test_the_total_unpacked_size_is_capped(cli, db_path, pm, tmp_path):
    path = slack_zip(tmp_path / "many.zip", 700 * 1024, days=3)
    result = cli("import-timeline", pm, str(path), env={"DEBRIEF_SLACK_MAX_TOTAL_MIB": "1"})
    assert result.exit_code == 1 and one_sentence(result.stderr)
    assert "unpacks to more than 1 MiB" in result.stderr
    assert count(db_path, "events") == 0 and integrity_ok(db_path)


def test_a_bad_limit_is_one_sentence(cli, pm, tmp_path):
    path = slack_zip(tmp_path / "x.zip", 10)
    result = cli("import-timeline", pm, str(path), env={"DEBRIEF_SLACK_MAX_FILE_MIB": "lots"})
    assert result.exit_code == 1 and one_sentence(result.stderr)


def test_within_the_limits_the_export_imports(cli, pm, tmp_path):
    path = slack_zip(tmp_path / "ok.zip", 10, days=2)
    result = cli("import-timeline", pm, str(path))
    assert result.exit_code == 0 and "2 added" in result.stdout, result.stderr
