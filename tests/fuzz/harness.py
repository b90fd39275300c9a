"""Random keys through the real app: the alphabet, the budget, and one run of the app.

A run copies a prepared database, opens the app at a start point, presses the keys,
and then checks three things: the app still runs, no exception reached it, and the
database file passes SQLite's integrity check.

Budget and seed come from the environment so `make fuzz` can run longer and elsewhere:
DEBRIEF_FUZZ_EXAMPLES (examples per start point; the first is always the empty key list),
DEBRIEF_FUZZ_SEED (unset: 0, the same runs on every machine; each start point adds its own),
DEBRIEF_FUZZ_SIZES (e.g. "80x24,120x36"), DEBRIEF_FUZZ_ALL=1 (the variant start points too), DEBRIEF_FUZZ_MAX_KEYS, DEBRIEF_FUZZ_SHRINK_SECONDS,
and DEBRIEF_FUZZ_TRACE=1 prints every run's keys.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import tempfile
import traceback
import zlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, seed, settings
from hypothesis import strategies as st

DEFAULT_EXAMPLES = 2
EXAMPLES = int(os.environ.get("DEBRIEF_FUZZ_EXAMPLES", DEFAULT_EXAMPLES))
SEED = os.environ.get("DEBRIEF_FUZZ_SEED", "")
MAX_KEYS = int(os.environ.get("DEBRIEF_FUZZ_MAX_KEYS", 40))
SIZES = [
    (int(w), int(h))
    for w, h in (
        size.split("x") for size in os.environ.get("DEBRIEF_FUZZ_SIZES", "80x24").split(",")
    )
]
"""Terminal sizes to run at (start points list the sizes they are worth running at)."""
ALL_START_POINTS = os.environ.get("DEBRIEF_FUZZ_ALL", "") == "1"
SHRINK_SECONDS = int(os.environ.get("DEBRIEF_FUZZ_SHRINK_SECONDS", 60))
"""How long hypothesis may spend shortening one failing key list (its own default: 300)."""

PAUSE = "wait:450"
"""Lets time pass between keys (longer than the autosave debounce), so timers fire."""

QUIT_KEYS = {"ctrl+q", "ctrl+c"}

LETTERS = [*"abcdefghijklmnopqrstuvwxyz", "A", "N", "Q", "Z"]
DIGITS = [*"0123456789"]
SYMBOLS = ["+", "-", "/", "[", "]", ":", ".", '"', "'", "*", "(", ")"]
EDITING = [
    "space",
    "tab",
    "shift+tab",
    "enter",
    "escape",
    "up",
    "down",
    "left",
    "right",
    "backspace",
    "delete",
    "home",
    "end",
    "pageup",
    "pagedown",
]
APP_KEYS = [
    "ctrl+n",
    "ctrl+b",
    "ctrl+o",
    "ctrl+t",
    "ctrl+l",
    "ctrl+g",
    "ctrl+r",
    "ctrl+s",
    "ctrl+f",
    "ctrl+f12",
    "ctrl+up",
    "ctrl+down",
    "ctrl+j",
    "f1",
    "f2",
    "f3",
    "f4",
    "f5",
    "f6",
    "f7",
    "f8",
    "f9",
    "f10",
    "f11",
    "f12",
    "alt+c",
    "alt+f",
    "alt+g",
    "alt+i",
    "alt+s",
    "alt+n",
    "alt+u",
    "alt+h",
    "alt+q",
    "alt+t",
    "alt+p",
    "alt+k",
]
KEYS: list[str] = [*LETTERS, *DIGITS, *SYMBOLS, *EDITING, *APP_KEYS, PAUSE]
"""Every key a random run may press. Quitting is left out: it ends the run by design."""

NAVIGATION = ["tab", "shift+tab", "enter", "escape", "space", "up", "down"]
"""Keys that move between fields and screens: frequent, or a run rarely leaves its first field."""
TYPED = [
    "+1w",
    "+3d",
    "fri",
    "2026-12-01",
    "-1d",
    "Ana",
    "14:03",
    "2026-11-20T14:03:00Z",
    # the edges of what dates can hold
    "9999-12-31",
    "9999-12-31T23:59:59-05:00",
    "0001-01-01T00:00:00+05:00",
    "2026-02-30",
    "+9999m",
]
"""What people type into the form fields (and the edge values a typo can make), pressed
as one key after the other."""

CHUNKS: list[tuple[str, ...]] = [
    *((key,) for key in KEYS),
    *((key,) for key in NAVIGATION * 4),
    *((key,) for key in APP_KEYS),
    *(tuple(text) for text in TYPED),
]
"""The screens' alphabet: any key, the app's keys and the navigation keys more often."""

FORM_CHUNKS: list[tuple[str, ...]] = [
    *((key,) for key in KEYS),
    *((key,) for key in ["tab"] * 8 + ["shift+tab"] * 3 + ["space", "enter", "backspace"] * 2),
    *(tuple(text) for text in TYPED * 3),
]
"""The forms' alphabet: mostly typing and moving between fields (Escape as often as any
other key), so a run fills in more than the first field before it leaves."""

ALPHABETS = {"app": CHUNKS, "form": FORM_CHUNKS}


def _flat(chunks: list[tuple[str, ...]]) -> list[str]:
    return [key for chunk in chunks for key in chunk]


def key_lists(alphabet: str = "app") -> st.SearchStrategy[list[str]]:
    """Up to MAX_KEYS single keys or typed values; shrinks to the fewest of them.

    The length is drawn first (evenly up to MAX_KEYS) because a plain `st.lists` mostly
    draws a handful of keys, and an app run costs about the same for one key as for forty.
    """
    chunks = st.sampled_from(ALPHABETS[alphabet])
    return (
        st.integers(min_value=0, max_value=MAX_KEYS)
        .flatmap(lambda n: st.lists(chunks, min_size=n, max_size=n))
        .map(_flat)
    )


def _limit_shrinking() -> None:
    from hypothesis.internal.conjecture import engine

    if hasattr(engine, "MAX_SHRINKING_SECONDS"):
        engine.MAX_SHRINKING_SECONDS = SHRINK_SECONDS


def case_seed(case: str) -> int:
    """Each start point draws its own key lists: the base seed (0 unless DEBRIEF_FUZZ_SEED)
    plus a number made from the case's name."""
    return int(SEED or 0) + zlib.crc32(case.encode())


def fuzz_settings(case: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The budget, the case's seed, and no deadline: an app run takes a second or so."""
    _limit_shrinking()

    def decorate(test: Callable[..., Any]) -> Callable[..., Any]:
        configured = settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            print_blob=True,
            suppress_health_check=[
                HealthCheck.function_scoped_fixture,
                HealthCheck.too_slow,
                HealthCheck.data_too_large,
                HealthCheck.differing_executors,
            ],
        )(test)
        return seed(case_seed(case))(configured)

    return decorate


# -- one run ----------------------------------------------------------------------


Setup = Callable[[Any, Any], Awaitable[None]]
"""Brings the app (and pilot) from its first screen to the start point."""


@dataclass(frozen=True)
class StartPoint:
    name: str
    pm: str | None
    """"sample", "empty" or None (the home screen)."""
    screen: str
    """The class name of the screen the run must start on."""
    setup: Setup | None = None
    mode: str = "edit"
    prepare: Callable[[Any], None] | None = None
    """Changes the copied database before the app opens (e.g. keeps a conflict)."""
    sizes: Sequence[tuple[int, int]] = ((80, 24),)
    alphabet: str = "app"
    everyday: bool = True
    """False: a variant run only by make fuzz (DEBRIEF_FUZZ_ALL=1), to keep make test short."""
    """"form" for modals with fields: more typing and Tab, see FORM_CHUNKS."""


class AppCrashed(AssertionError):
    """An exception reached the App, or the app exited, while keys were pressed."""


def prepared_database(template: Path, workdir: Path) -> Path:
    """A fresh copy of the template database, in its own folder."""
    folder = Path(tempfile.mkdtemp(prefix="run-", dir=workdir))
    target = folder / "debrief.db"
    shutil.copyfile(template, target)
    return target


def integrity(path: Path) -> list[str]:
    """What SQLite says about the file: ["ok"] when it is sound."""
    conn = sqlite3.connect(str(path))
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    return rows + [f"foreign key broken: {row}" for row in broken]


def describe(start: StartPoint, size: tuple[int, int], keys: Sequence[str]) -> str:
    return f"start point {start.name!r} at {size[0]}x{size[1]}, keys {list(keys)!r}"


def run_keys(
    start: StartPoint,
    size: tuple[int, int],
    keys: Sequence[str],
    template: Path,
    workdir: Path,
    pm_ids: dict[str, str],
) -> None:
    """Open the app at `start`, press `keys`, and check it survived; raise if not."""
    from debrief.store import Store
    from tests.conftest import NOW

    db = prepared_database(template, workdir)
    out = db.parent / "published"
    store = Store(db, author="tester", clock=lambda: NOW, busy_timeout=0.25)
    pressed: list[str] = []
    if os.environ.get("DEBRIEF_FUZZ_TRACE"):
        print("RUN", start.name, list(keys), flush=True)
    try:
        if start.prepare is not None:
            start.prepare(store)
        try:
            asyncio.run(_drive(start, size, keys, store, out, pm_ids, pressed))
        except BaseException as exc:
            if not isinstance(exc, AppCrashed) and not getattr(exc, "__notes__", None):
                exc.add_note(f"{describe(start, size, keys)}; crashed after {pressed!r}")
            raise
    finally:
        store.close()
    problems = integrity(db)
    assert problems == ["ok"], f"database damaged after {describe(start, size, keys)}: {problems}"


async def _drive(
    start: StartPoint,
    size: tuple[int, int],
    keys: Sequence[str],
    store: Any,
    out: Path,
    pm_ids: dict[str, str],
    pressed: list[str],
) -> None:
    from debrief.app import DebriefApp
    from debrief.config import Config

    pm_id = pm_ids[start.pm] if start.pm else None
    app = DebriefApp(store=store, config=Config(publish_dir=str(out)), pm_id=pm_id, mode=start.mode)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if start.setup is not None:
            await start.setup(app, pilot)
        await pilot.pause()
        reached = type(app.screen).__name__
        assert reached == start.screen, (
            f"start point {start.name!r} should open {start.screen}, but shows {reached}"
        )
        for key in keys:
            await _press(pilot, key)
            pressed.append(key)
            if _failure(app):
                break
        if not _failure(app):
            await pilot.pause(0.1)
        failure = _failure(app)
        if failure:
            # Leaving run_test re-raises the app's exception, with our note on it.
            if app._exception is not None:
                app._exception.add_note(f"{describe(start, size, keys)}; crashed after {pressed!r}")
                raise app._exception
            raise AppCrashed(f"{failure}: {describe(start, size, keys)}; after {pressed!r}")


async def _yield(min_sleep: float = 0, max_sleep: float = 1) -> None:
    await asyncio.sleep(0)


async def _press(pilot: Any, key: str) -> None:
    """pilot.press without its two idle-waits (20 ms or more each): the key is still
    handled, and every message it caused processed, before the next key is sent."""
    import textual.app

    if key.startswith("wait:"):
        await pilot.press(key)
        return
    idle = textual.app.wait_for_idle
    textual.app.wait_for_idle = _yield  # type: ignore[assignment]
    try:
        await pilot.press(key)
    finally:
        textual.app.wait_for_idle = idle


def _failure(app: Any) -> str:
    if app._exception is not None:
        tail = "".join(traceback.format_exception(app._exception)[-3:])
        return f"exception reached the app: {tail}"
    if app._exit or not app.is_running:
        return f"the app exited (return code {app.return_code})"
    return ""
