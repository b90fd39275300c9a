"""Long random walks: hundreds of keys in one session, deeper than the short lists reach.

Off in `make test` (DEBRIEF_FUZZ_WALKS=0); `make fuzz` runs them. Each walk's seed is
its own (DEBRIEF_FUZZ_SEED + walk number), printed with the keys when it fails;
DEBRIEF_FUZZ_WALK_SEED=N replays one walk.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests.fuzz.harness import CHUNKS, run_keys
from tests.fuzz.start_points import START_POINTS

pytestmark = pytest.mark.fuzz

WALKS = int(os.environ.get("DEBRIEF_FUZZ_WALKS", 0))
WALK_CHUNKS = int(os.environ.get("DEBRIEF_FUZZ_WALK_CHUNKS", 200))
BASE_SEED = int(os.environ.get("DEBRIEF_FUZZ_SEED", 0) or 0)
REPLAY = os.environ.get("DEBRIEF_FUZZ_WALK_SEED", "")

WALK_FROM = {"home", "debrief-sample-text", "debrief-empty-text", "presenter"}
SEEDS = [int(REPLAY)] if REPLAY else [BASE_SEED + n for n in range(WALKS)]


def walk(seed: int) -> list[str]:
    rng = random.Random(seed)
    return [key for _ in range(WALK_CHUNKS) for key in rng.choice(CHUNKS)]


@pytest.mark.skipif(not SEEDS, reason="long walks run in make fuzz (DEBRIEF_FUZZ_WALKS)")
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    "start", [s for s in START_POINTS if s.name in WALK_FROM], ids=lambda s: s.name
)
def test_a_long_walk_never_crashes_the_app(
    start, seed: int, fuzz_template: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    template, pm_ids = fuzz_template
    keys = walk(seed)
    try:
        run_keys(start, (80, 24), keys, template, tmp_path, pm_ids)
    except BaseException as exc:
        exc.add_note(f"replay: DEBRIEF_FUZZ_WALK_SEED={seed} pytest {__file__} -k {start.name}")
        raise
