"""Templates are parsed once and kept (debrief/template_cache.py): an edited file is read
again, and a cache that is broken or cannot be written changes nothing but speed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from debrief.template import TemplateError, load_template
from debrief.template_cache import cache_folder

TEMPLATE = """name = "ours"
description = "Our own"

[[sections]]
key = "what"
title = "What happened"
timebox = {minutes}
"""


def user_template(folder: Path, minutes: int = 10) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ours.toml"
    path.write_text(TEMPLATE.format(minutes=minutes), encoding="utf-8")
    return path


def test_a_template_is_kept_and_read_back_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    user_template(folder)
    first = load_template("ours", folder)
    assert list(cache_folder().glob("*.json")), "nothing was kept"
    assert load_template("ours", folder) == first
    assert load_template("default") == load_template("default")


def test_an_edited_template_is_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    path = user_template(folder, minutes=10)
    assert load_template("ours", folder).sections[0].timebox == 10
    path.write_text(TEMPLATE.format(minutes=25), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert load_template("ours", folder).sections[0].timebox == 25
    assert len(list(cache_folder().glob("ours.*.json"))) == 1  # the old version went


@pytest.mark.parametrize("kept", ["{not json", "[1, 2]", ""])
def test_a_broken_cache_is_ignored(tmp_path: Path, kept: str) -> None:
    folder = tmp_path / "templates"
    user_template(folder)
    expected = load_template("ours", folder)
    for cached in cache_folder().glob("*.json"):
        cached.write_text(kept, encoding="utf-8")
    assert load_template("ours", folder) == expected


def test_a_cache_that_cannot_be_written_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    folder = tmp_path / "templates"
    user_template(folder)
    assert load_template("ours", folder).sections[0].title == "What happened"
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_invalid_toml_is_said_each_time_and_never_kept(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "ours.toml").write_text('name = "ours"\n[[sections]\n', encoding="utf-8")
    for _ in range(2):
        with pytest.raises(TemplateError, match="is not valid TOML"):
            load_template("ours", folder)
    assert not list(cache_folder().glob("*.json"))
    (folder / "ours.toml").write_bytes(b'name = "\xff"\n')
    with pytest.raises(TemplateError, match="is not UTF-8 text"):
        load_template("ours", folder)


def test_a_kept_template_is_read_without_the_toml_parser(tmp_path: Path) -> None:
    """What the post-mortem screen's first frame gains: the second run of a process
    reading the default template does not import tomllib."""
    script = "import sys; from debrief.template import load_template; load_template(); "
    script += "print('tomllib' in sys.modules)"
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True", "False"]
