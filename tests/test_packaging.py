"""The wheel maps screens/, widgets/ and store/ into the debrief package, with their data."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--disable-pip-version-check",
            "-w",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("debrief-*.whl"))


def test_the_wheel_holds_every_module_and_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, package in (
        ("debrief", "debrief"),
        ("screens", "debrief/screens"),
        ("widgets", "debrief/widgets"),
        ("store", "debrief/store"),
    ):
        for source in (ROOT / folder).rglob("*"):
            if (
                source.suffix in {".py", ".tcss", ".toml", ".json"}
                and "__pycache__" not in source.parts
            ):
                assert f"{package}/{source.relative_to(ROOT / folder).as_posix()}" in names
    assert not any(n.startswith(("screens/", "widgets/", "store/")) for n in names)


def test_every_module_imports_from_the_installed_wheel(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    script = f"""
import importlib, pkgutil, sys
sys.path.insert(0, {str(target)!r})
import debrief
assert debrief.__file__.startswith({str(target)!r}), debrief.__file__
count = 0
for info in pkgutil.walk_packages(debrief.__path__, "debrief."):
    if info.name.endswith("__main__"):
        continue
    importlib.import_module(info.name)
    count += 1
from debrief.template import load_template
assert len(load_template().sections) == 10
from debrief.sample import sample_document
import datetime
sample_document(datetime.date(2026, 1, 1))
print(count)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 30


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_domain_and_store_never_import_textual():
    allowed = {ROOT / "debrief" / "app.py"}
    offenders = []
    for folder in ("debrief", "store"):
        for path in (ROOT / folder).rglob("*.py"):
            if path in allowed or "cli" in path.relative_to(ROOT).parts:
                continue
            if any(m == "textual" or m.startswith("textual.") for m in _imports(path)):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_sql_lives_only_in_the_store():
    offenders = []
    for folder in ("debrief", "screens", "widgets"):
        for path in (ROOT / folder).rglob("*.py"):
            if {"sqlite3", "sqlite_utils"} & _imports(path):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_starting_the_cli_does_not_import_heavy_modules():
    script = "import sys; import debrief.cli; print(sorted(m for m in ('jira', 'textual', 'requests') if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
