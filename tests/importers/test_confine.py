"""An import reads only inside the folder it was given; in a browser session, only below
the server's import root (none set: no file at all)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from debrief.importers import Format, ImportFailed
from debrief.importers.confine import ImportScope
from debrief.importers.preview import ImportRequest, read_preview
from tests.importers import slack_export as fx

SECRET_ROW = "at,text\n2026-11-20T14:00:00Z,server secret\n"


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    """An import root holding a CSV, and a file outside it that must stay unread."""
    root = tmp_path / "imports"
    (root / "team").mkdir(parents=True)
    (root / "team" / "events.csv").write_text("at,text\n2026-11-20T14:00:00Z,ok\n", "utf-8")
    secret = tmp_path / "secret.csv"
    secret.write_text(SECRET_ROW, encoding="utf-8")
    return root, secret


def _refusal(scope: ImportScope, typed: str) -> str:
    with pytest.raises(ImportFailed) as refused:
        scope.path(typed)
    return str(refused.value)


def test_a_browser_session_reads_only_below_the_import_root(layout):
    root, secret = layout
    scope = ImportScope.for_session(served=True, import_root=str(root))
    assert scope.path("team/events.csv") == (root / "team" / "events.csv").resolve()
    assert scope.path(str(root / "team" / "events.csv")) == scope.path("team/events.csv")
    for typed in ("../secret.csv", "team/../../secret.csv", str(secret), "/etc/passwd"):
        assert (
            _refusal(scope, typed)
            == f"only files below {root.resolve()} may be imported, not {typed}"
        )
    os.symlink(secret, root / "team" / "link.csv")  # a link inside that points out
    assert "may be imported, not team/link.csv" in _refusal(scope, "team/link.csv")


def test_a_browser_session_without_an_import_root_reads_no_file(layout):
    root, _ = layout
    scope = ImportScope.for_session(served=True, import_root="")
    assert _refusal(scope, str(root / "team" / "events.csv")).startswith(
        "importing files is off in the browser;"
    )


def test_a_terminal_reads_any_path_it_is_given(layout):
    _, secret = layout
    assert ImportScope.for_session(served=False, import_root="").path(str(secret)) == secret


def test_the_preview_checks_the_scope_again_before_reading(layout):
    root, secret = layout
    scope = ImportScope.for_session(served=True, import_root=str(root))
    with pytest.raises(ImportFailed, match="may be imported, not"):
        read_preview(ImportRequest(secret, Format.csv, scope=scope), set())


def test_an_export_folder_linking_outside_itself_is_refused(tmp_path):
    export = fx.write_folder(tmp_path)
    outside = tmp_path / "elsewhere.json"
    outside.write_text('[{"type": "message", "text": "server secret", "ts": "1"}]', "utf-8")
    os.symlink(outside, export / "inc-42" / "2026-11-21.json")
    with pytest.raises(ImportFailed) as refused:
        read_preview(ImportRequest(export, Format.slack), set())
    assert str(refused.value) == "inc-42/2026-11-21.json in export links outside the export folder"
    (export / "inc-42" / "2026-11-21.json").unlink()  # a link that stays inside is read
    os.symlink(export / "inc-42" / "2026-11-20.json", export / "inc-42" / "2026-11-21.json")
    assert read_preview(ImportRequest(export, Format.slack), set()).events
