"""Parsed styles are kept between runs (textual_adapter.keep_parsed_styles): a screen
styled from the kept rules looks exactly as one styled from a fresh parse, and a kept
file that is damaged, stale or not the user's own is never what styles it."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from textual.app import App, ComposeResult
from textual.css.model import RuleSet
from textual.widgets import Static

from debrief.app import styles_folder
from debrief.screens.debrief_screen import DebriefScreen
from debrief.widgets.textual_adapter import keep_parsed_styles
from tests.screens.helpers import make_app, screen_text, wait_until

BORDERED = "Bordered { border: round $error; height: 3; }"


class Plain(App[None]):
    """A small app with styles of its own, to plant kept files for."""

    CSS = BORDERED

    def compose(self) -> ComposeResult:
        yield Bordered("kept or parsed")


class Bordered(Static):
    pass


def described(rules: list[RuleSet]) -> list[tuple[object, ...]]:
    """What a rule does, field by field (a parsed layout compares by identity: each
    parse makes its own)."""
    return [
        (
            {
                name: type(value).__name__ if name == "layout" else value
                for name, value in rule.styles.get_rules().items()
            },
            [(str(selectors), selectors.specificity) for selectors in rule.selector_set],
            rule.is_default_rules,
            rule.tie_breaker,
            rule.selector_names,
            rule.pseudo_classes,
            sorted(rule.styles.important),
        )
        for rule in rules
    ]


def kept_files() -> list[Path]:
    return sorted(styles_folder().rglob("*.pickle"))


async def rules_of(app: App[None], size: tuple[int, int] = (120, 36)) -> list[RuleSet]:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        return list(app.stylesheet.rules)


async def test_a_post_mortem_styled_from_kept_rules_is_styled_as_when_parsed(
    store, demo_id
) -> None:
    keep_parsed_styles(styles_folder)
    app = make_app(store, demo_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        parsed = list(app.stylesheet.rules)
        parsed_text = screen_text(app)
    assert len(kept_files()) >= 20, "the screen's styles were not kept"
    written = {path: path.stat().st_mtime_ns for path in kept_files()}

    again = make_app(store, demo_id)
    async with again.run_test(size=(120, 36)) as pilot:
        await wait_until(pilot, lambda: isinstance(again.screen, DebriefScreen))
        assert described(again.stylesheet.rules) == described(parsed)
        assert screen_text(again) == parsed_text
    assert {path: path.stat().st_mtime_ns for path in kept_files()} == written


async def test_a_kept_file_is_what_styles_the_next_run() -> None:
    keep_parsed_styles(styles_folder)
    parsed = await rules_of(Plain())
    ours = [path for path in kept_files() if b"Bordered" in path.read_bytes()]
    assert len(ours) == 1
    source, rules = pickle.loads(ours[0].read_bytes())
    assert described(rules) == described(
        [rule for rule in parsed if "Bordered" in rule.selector_names]
    )
    # A kept copy with no rules at all: the next run is styled by it, which shows
    # that the file is read rather than the text parsed again.
    ours[0].write_bytes(pickle.dumps((source, [])))
    ours[0].chmod(0o600)
    assert not [rule for rule in await rules_of(Plain()) if "Bordered" in rule.selector_names]


async def test_a_file_others_could_write_is_not_read() -> None:
    keep_parsed_styles(styles_folder)
    await rules_of(Plain())
    (ours,) = [path for path in kept_files() if b"Bordered" in path.read_bytes()]
    source, _ = pickle.loads(ours.read_bytes())
    ours.write_bytes(pickle.dumps((source, [])))
    ours.chmod(0o666)
    assert [rule for rule in await rules_of(Plain()) if "Bordered" in rule.selector_names]


async def test_a_damaged_or_stale_file_is_parsed_again_and_replaced() -> None:
    keep_parsed_styles(styles_folder)
    parsed = await rules_of(Plain())
    (ours,) = [path for path in kept_files() if b"Bordered" in path.read_bytes()]
    source, rules = pickle.loads(ours.read_bytes())

    ours.write_bytes(b"\x80\x05 not a pickle at all")
    assert described(await rules_of(Plain())) == described(parsed)
    assert described(pickle.loads(ours.read_bytes())[1]) == described(rules)  # whole again

    other = (source[0], "Bordered { height: 9; }", *source[2:])  # another text, same name
    ours.write_bytes(pickle.dumps((other, [])))
    assert described(await rules_of(Plain())) == described(parsed)


async def test_another_theme_keeps_its_own_rules() -> None:
    keep_parsed_styles(styles_folder)
    dark = await rules_of(Plain())
    light_app = Plain()
    light_app.theme = "textual-light"
    light = await rules_of(light_app)
    assert described(dark) != described(light)  # $error differs between the themes
    assert len([path for path in kept_files() if b"Bordered" in path.read_bytes()]) == 2
    assert described(await rules_of(Plain())) == described(dark)


async def test_styles_with_errors_are_never_kept() -> None:
    keep_parsed_styles(styles_folder)

    class Broken(Plain):
        CSS = "Bordered { colour: red; }"

    try:
        await rules_of(Broken())
    except Exception:
        pass  # Textual reports the error and stops; only what is kept matters here
    assert not [path for path in kept_files() if b"colour" in path.read_bytes()]


async def test_a_cache_folder_that_cannot_be_written_changes_nothing(monkeypatch, tmp_path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    keep_parsed_styles(styles_folder)
    parsed = await rules_of(Plain())
    assert [rule for rule in parsed if "Bordered" in rule.selector_names]
    assert blocked.is_file()


async def test_other_versions_of_textual_are_forgotten() -> None:
    keep_parsed_styles(styles_folder)
    old = styles_folder() / "an-older-textual"
    old.mkdir(parents=True)
    (old / "stale.pickle").write_bytes(b"old")
    os.utime(old)
    await rules_of(Plain())
    assert not old.exists()
    assert kept_files()
