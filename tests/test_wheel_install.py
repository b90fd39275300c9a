"""The built wheel, installed in a fresh virtual environment, runs; building it warns of nothing.

Offline: the fresh environment gets the wheel alone (`--no-deps --no-index`) and finds
the dependencies through a path file naming this environment's site-packages, the
way a pipx install would find them already downloaded. Built once per run (module
fixtures): about 10 s.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (
    "debrief", "screens", "widgets", "store", "pyproject.toml", "README.md", "LICENSE",
    "docs/package.md",
)  # fmt: skip

pytestmark = pytest.mark.slow


def _quiet_env() -> dict[str, str]:
    env = dict(os.environ)
    # only this machine's setting, not the project's: it makes setuptools warn that it
    # cannot byte-compile
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(the wheel, everything `python -m build` printed), built from a copy of the tree."""
    tree = tmp_path_factory.mktemp("tree")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tree / name)
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(tree)],
        capture_output=True,
        text=True,
        env=_quiet_env(),
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return next(out.glob("debrief-*.whl")), done.stdout + done.stderr


@pytest.fixture(scope="module")
def fresh(built: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the wheel installed; returns its bin folder."""
    place = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(place)
    python = place / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # the dependencies, from the environment running the tests (no network needed)
    Path(site, "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    done = subprocess.run(  # pip too comes through the path file; the scripts get `python`
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet",
         "--disable-pip-version-check", str(built[0])],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=place,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return place / "bin"


def run(bin_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = _quiet_env()
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["COLUMNS"] = "100"
    return subprocess.run(
        [str(bin_dir / "debrief"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=bin_dir,
    )


def test_building_prints_no_warnings(built):
    _, output = built
    warnings = [line for line in output.splitlines() if "warning" in line.lower()]
    assert warnings == []
    assert "deprecated" not in output.lower()


def test_the_package_page_has_no_links_that_break_off_the_repository(built):
    """The description a package index shows: relative links and images would point
    nowhere there."""
    import re
    import zipfile

    wheel, _ = built
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(name).decode("utf-8")
    assert "debrief demo" in metadata  # the description is there
    relative = re.findall(r"\]\((?!https?://|#)[^)]*\)", metadata)
    assert relative == []


def test_the_installed_wheel_is_the_one_that_runs(fresh):
    where = subprocess.run(
        [str(fresh / "python"), "-c", "import debrief; print(debrief.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=fresh,  # not the source tree, whose debrief/ would come first
    ).stdout.strip()
    assert where.startswith(str(fresh.parent)), where


def test_help_runs_from_the_wheel(fresh):
    done = run(fresh, "--help")
    assert done.returncode == 0, done.stderr
    assert "Usage: debrief" in done.stdout and "import-timeline" in done.stdout


def test_demo_help_runs_from_the_wheel(fresh):
    done = run(fresh, "demo", "--help")
    assert done.returncode == 0, done.stderr
    assert "Usage: debrief demo" in done.stdout


def test_a_completion_script_comes_from_the_wheel(fresh):
    done = run(fresh, "--show-completion", "bash")
    if done.returncode == 2 and "No such option" in done.stderr:
        pytest.skip("shell completion is not switched on in this build (--show-completion)")
    assert done.returncode == 0, done.stderr
    assert "complete" in done.stdout and "debrief" in done.stdout
