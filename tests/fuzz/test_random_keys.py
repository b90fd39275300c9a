"""Random keys on every screen and modal: the app never crashes and the file stays sound.

A failure names its start point and the shortest key list hypothesis found; replay it
with `run_keys` (see `test_replay` below) or with the seed printed by `make fuzz`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from tests.fuzz.harness import KEYS, QUIT_KEYS, StartPoint, fuzz_settings, key_lists, run_keys
from tests.fuzz.start_points import CASE_IDS, CASES

pytestmark = pytest.mark.fuzz


@pytest.mark.parametrize(("start", "size"), CASES, ids=CASE_IDS)
@fuzz_settings
@given(keys=key_lists)
def test_random_keys_never_crash_the_app(
    start: StartPoint,
    size: tuple[int, int],
    keys: list[str],
    fuzz_template: tuple[Path, dict[str, str]],
    tmp_path: Path,
) -> None:
    template, pm_ids = fuzz_template
    run_keys(start, size, keys, template, tmp_path, pm_ids)


def test_the_alphabet_holds_every_key_the_app_binds() -> None:
    """A key added to a screen's commands or bindings is pressed by the random runs too."""
    import importlib
    import pkgutil

    from textual.binding import Binding

    import debrief.screens
    import debrief.widgets
    from debrief.app import DebriefApp
    from debrief.screens.commands import Command

    bound: set[str] = set()
    for package in (debrief.screens, debrief.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for value in vars(module).values():
                if isinstance(value, list):
                    bound.update(
                        k for c in value if isinstance(c, Command) for k in c.key.split(",")
                    )
                if isinstance(value, type) and value.__module__ == module.__name__:
                    for binding in vars(value).get("BINDINGS", []):
                        if isinstance(binding, Binding):
                            bound.update(binding.key.split(","))
    bound.update(k for b in DebriefApp.BINDINGS if isinstance(b, Binding) for k in b.key.split(","))
    names = {"slash": "/", "left_square_bracket": "[", "right_square_bracket": "]"}
    wanted = {names.get(k, k) for k in bound} - QUIT_KEYS - {"super+c"}
    assert wanted - set(KEYS) == set()
