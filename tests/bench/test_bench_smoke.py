"""The benchmarks still run: the generator on a tiny database, the harness in quick mode.

The benchmarks themselves are `make bench`; this only checks that they work.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=240
    )


def test_the_generator_writes_synthetic_postmortems(tmp_path: Path) -> None:
    from debrief.store import Store

    db = tmp_path / "bench.db"
    done = run("-m", "bench.generate", "--db", str(db), "--postmortems", "5", "--events", "30")
    assert done.returncode == 0, done.stderr
    assert "wrote 5 post-mortems" in done.stdout
    store = Store(db, author="tester")
    try:
        pms = store.list_postmortems()
        assert sorted(p.title for p in pms) == [f"Synthetic incident {n}" for n in range(1, 6)]
        assert len(store.events("PM-1")) == 30
        assert all(not s.is_empty for s in store.sections("PM-2"))
        assert any(e.milestone for e in store.events("PM-2"))
    finally:
        store.close()


def test_the_harness_prints_and_writes_the_table(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    done = run("-m", "bench", "--quick", "--results", str(results))
    assert done.returncode == 0, done.stderr
    for figure in ("P1 home screen", "P2 debrief screen", "P3 per keystroke", "P5 full-text"):
        assert figure in done.stdout
    text = results.read_text()
    assert "| Figure | Value | Floor | Ratio | Target | Result |" in text
    assert "Lint of a 50 KB document" in text and "cores" in text
