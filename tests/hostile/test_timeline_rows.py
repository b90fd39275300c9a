"""One bad row of a CSV or JSON lines timeline is skipped and reported, never fatal."""

from __future__ import annotations

import json

import pytest

from tests.hostile.conftest import count, integrity_ok, one_sentence

BAD_TIMES = ["²²²²", "²²²²²²²²²", "NaN", "nan", "inf", "-inf", "9" * 5000, "1e400", "-1e20",
             "0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00", "0206-11-20T10:00:00Z"]  # fmt: skip


@pytest.mark.parametrize("bad", BAD_TIMES, ids=range(len(BAD_TIMES)))
def test_a_bad_csv_row_is_skipped_and_reported(cli, db_path, pm, tmp_path, bad):
    source = tmp_path / "t.csv"
    source.write_text(f"time,text\n{bad},bad row\n2026-11-20T14:05:00Z,deploy\n")
    result = cli("import-timeline", pm, str(source))
    assert result.exit_code == 0 and one_sentence(result.stderr), result.stderr
    assert "1 added" in result.stdout and "line 2" in result.stderr
    assert count(db_path, "events") == 1 and integrity_ok(db_path)


JSONL_BAD = [
    '{"time": NaN, "text": "bad"}',
    '{"time": Infinity, "text": "bad"}',
    '{"time": -Infinity, "text": "bad"}',
    '{"time": 1e400, "text": "bad"}',
    '{"time": ' + "9" * 5000 + ', "text": "bad"}',
    '{"time": ' + "9" * 4000 + ', "text": "bad"}',
    '{"time": "²²²²", "text": "bad"}',
    '{"time": "0999-01-01", "text": "bad"}',
    '{"time": [1, 2], "text": "bad"}',
    '{"time": {"a": 1}, "text": "bad"}',
    '{"time": "2026-11-20T14:05:00Z", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
    '{"time": "2026-11-20T14:05:00Z", "text": ["a"], "author": {"x": 1}}',
    "[" * 100_000,
    "\xff\xfe",
]


@pytest.mark.parametrize("bad", JSONL_BAD, ids=range(len(JSONL_BAD)))
def test_a_bad_jsonl_line_is_skipped_and_reported(cli, db_path, pm, tmp_path, bad):
    source = tmp_path / "t.jsonl"
    good = json.dumps({"time": "2026-11-20T14:05:00Z", "text": "deploy"})
    source.write_text(f"{bad}\n{good}\n", encoding="utf-8", errors="surrogateescape")
    result = cli("import-timeline", pm, str(source))
    assert result.exit_code == 0 and one_sentence(result.stderr), result.stderr
    assert count(db_path, "events") >= 1 and integrity_ok(db_path)
