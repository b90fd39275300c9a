"""The theme chosen in the app is written to the config file and used at the next start."""

from __future__ import annotations

import tomllib

from debrief.app import DebriefApp, contrast, legible_variables
from debrief.config import load_config, save_theme
from debrief.screens.home import HomeScreen
from tests.screens.helpers import wait_until

SIZE = (100, 30)
CONFIG = """# my settings
user = "Ana Souza"  # the name on my changes

# Jira
[jira]
url = "https://jira.example.com"
project = "OPS"
"""


async def test_the_chosen_theme_is_written_and_used_at_the_next_start(store, tmp_path):
    path = tmp_path / "conf" / "config.toml"
    path.parent.mkdir()
    path.write_text(CONFIG, encoding="utf-8")
    app = DebriefApp(store=store, config=load_config(path), config_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.theme == "textual-dark"
        app.action_change_theme()  # the palette's "Change theme"
        await pilot.pause()
        await pilot.press(*"textual-light")
        await pilot.pause(0.5)  # the palette searches in the background
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.theme == "textual-light")
        await pilot.pause()
    written = path.read_text(encoding="utf-8")
    assert tomllib.loads(written)["theme"] == "textual-light"
    assert written == CONFIG.replace(
        'user = "Ana Souza"  # the name on my changes\n',
        'user = "Ana Souza"  # the name on my changes\ntheme = "textual-light"\n',
    )

    again = DebriefApp(store=store, config=load_config(path), config_path=path)
    async with again.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(again.screen, HomeScreen))
        assert again.theme == "textual-light"
        again.theme = "nord"
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == written.replace("textual-light", "nord")


async def test_an_unknown_theme_falls_back_with_one_warning(store, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "no-such-theme"\n', encoding="utf-8")
    app = DebriefApp(store=store, config=load_config(path), config_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.theme == "textual-dark"
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 1
        assert "no-such-theme" in warnings[0].message
        assert "\n" not in warnings[0].message
    assert path.read_text(encoding="utf-8") == 'theme = "no-such-theme"\n'  # left for the user


async def test_without_a_config_path_nothing_is_written(store, tmp_path, isolated_env):
    app = DebriefApp(store=store)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "textual-light"
        await pilot.pause()
    assert not list(isolated_env.rglob("config.toml"))


def test_saving_replaces_only_the_theme_line(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"  \nuser = "x"\n[slack]\ntheme = "not this one"\n')
    save_theme(path, "gruvbox")
    assert path.read_text() == 'theme = "gruvbox"\nuser = "x"\n[slack]\ntheme = "not this one"\n'
    windows = tmp_path / "windows.toml"
    windows.write_bytes(b'user = "x"\r\n\r\n[jira]\r\nurl = "u"\r\n')
    save_theme(windows, "nord")
    assert windows.read_bytes() == b'user = "x"\r\ntheme = "nord"\r\n\r\n[jira]\r\nurl = "u"\r\n'
    fresh = tmp_path / "new" / "config.toml"
    save_theme(fresh, "textual-light")
    assert fresh.read_text() == 'theme = "textual-light"\n'


def test_text_colours_are_made_legible_on_the_themes_backgrounds():
    from textual.color import Color

    light = {
        "background": "#E0E0E0",
        "surface": "#D8D8D8",
        "panel": "#D0D0D0",
        "text-warning": "#A86D1C",  # Textual's own: 3.3:1 on the background
        "text-primary": "#002D4F",
        "primary": "#0178D4",
        "button-color-foreground": "auto 87%",
    }
    fixed = legible_variables(light)
    grounds = [Color.parse(light[n]) for n in ("background", "surface", "panel")]
    warning = Color.parse(fixed["text-warning"])
    assert min(contrast(warning, g) for g in grounds) >= 4.5
    assert fixed["text-primary"] == Color.parse(light["text-primary"]).hex  # already legible
    assert fixed["button-color-foreground"] != "auto 87%"
