"""Random keys on every screen and modal: the app never crashes and the file stays sound.

A failure names its start point and the shortest key list hypothesis found (a note on
the exception, and hypothesis's "Failing test case"); the same seed replays it. An app run
costs a second or two, so hypothesis's shrinking (capped by DEBRIEF_FUZZ_SHRINK_SECONDS)
can leave padding keys: `python -m tests.fuzz.replay START KEY... --shrink` deletes them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from tests.fuzz.harness import KEYS, QUIT_KEYS, StartPoint, fuzz_settings, key_lists, run_keys
from tests.fuzz.start_points import CASES, case_id

pytestmark = pytest.mark.fuzz


def _random_keys_test(start: StartPoint, size: tuple[int, int], case: str) -> Any:
    @fuzz_settings(case)
    @given(keys=key_lists(start.alphabet))
    def test(keys: list[str], fuzz_template: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
        template, pm_ids = fuzz_template
        run_keys(start, size, keys, template, tmp_path, pm_ids)

    name = "test_random_keys_" + case.replace("-", "_")
    test.__name__ = test.__qualname__ = name
    test.__doc__ = f"Random keys from {start.name} at {size[0]}x{size[1]}: the app survives."
    return name, test


# One test per start point and size, each with its own seed (a parametrized test would
# draw the same key lists everywhere). Select with -k, e.g. -k action_form.
for _start, _size in CASES:
    _name, _test = _random_keys_test(_start, _size, case_id(_start, _size))
    globals()[_name] = _test


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
