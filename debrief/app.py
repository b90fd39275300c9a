"""The Textual App: holds the one Store and the config; screens do the rest."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.color import Color, ColorParseError
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from debrief import gc_pause
from debrief.config import Config, save_theme
from debrief.kept import cache_folder
from debrief.literal import clean
from debrief.screens.saving import RETRY_AFTER, Saver
from debrief.store import Store
from debrief.template import builtin_names, user_names
from debrief.widgets.textual_adapter import keep_parsed_styles
from debrief.words import plural

if TYPE_CHECKING:
    from debrief.importers.confine import ImportScope

BROWSER_KEYMAP = {
    "next-section": "ctrl+down",
    "previous-section": "ctrl+up",
    "show-timeline": "ctrl+j",
    "new-postmortem": "f7",
}
"""Keys used in a browser instead of those it keeps for itself (ctrl+n opens a window,
ctrl+t a tab): the page never sees them."""


def styles_folder() -> Path:
    """Where the parsed styles are kept between runs (keep_parsed_styles)."""
    return cache_folder("styles")


MODULES_REPORT = "DEBRIEF_MODULES_REPORT"
"""Environment variable: a file to list the imported modules in after the first frame."""
FRAME_SWITCH_S = 0.001
"""Textual hands each frame to a writer thread, which then waits for the interpreter
lock while the app thread works on: the home table built just after the first frame,
the coach after a keystroke. At Python's default switch interval (5 ms) a frame reached
the terminal 6-9 ms after it was drawn when work followed it, against 3 ms for a bare
app that goes idle; at 1 ms, 2 ms (bench P1 and P2 timed from outside). The interval
only matters while another thread waits for the lock."""

QUIT_AGAIN_WITHIN = 5.0
"""Seconds in which a second ctrl+q quits although changes still wait for the database."""

LEGIBLE = 4.5
"""WCAG AA for text: every word on the shared screen reaches this contrast."""

TEXT_COLOURS = (
    "text-primary",
    "text-secondary",
    "text-accent",
    "text-warning",
    "text-error",
    "text-success",
    "footer-key-foreground",
)
"""Theme variables that colour words on the theme's plain backgrounds."""
GROUNDS = ("background", "surface", "panel")
"""The plain backgrounds words are drawn on."""
ON_COLOUR = {
    "block-cursor-foreground": "block-cursor-background",
    "button-color-foreground": "primary",
}
"""Words drawn on a strong colour: the highlighted row, the primary button."""


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio of two opaque colours."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def legible_on(colour: Color, grounds: list[Color], monochrome: bool = False) -> Color:
    """`colour`, darkened (light grounds) or lightened (dark grounds) step by step until
    it reads at `LEGIBLE` on every ground (also in grey, with `monochrome`: NO_COLOR
    turns every colour to grey); unchanged when it already does."""
    light_grounds = sum(_luminance(g) for g in grounds) / len(grounds) > 0.18

    def worst(c: Color) -> float:
        ratios = [contrast(c, g) for g in grounds]
        if monochrome:
            ratios += [contrast(c.monochrome, g.monochrome) for g in grounds]
        return min(ratios)

    for _ in range(50):
        if worst(colour) >= LEGIBLE:
            break
        colour = colour.darken(0.02) if light_grounds else colour.lighten(0.02)
    return colour


def legible_variables(variables: dict[str, str], monochrome: bool = False) -> dict[str, str]:
    """The theme's variables with its text colours made to read at 4.5:1 or better.

    Textual derives `$text-warning`, `$text-success`… from the theme, but in a light
    theme they stay near 3:1; the shared screen needs 4.5:1. `$foreground-muted` (for
    quieter words) gets just enough opacity to read at 4.5:1 too.
    """

    def opaque(name: str) -> Color | None:
        try:
            colour = Color.parse(variables[name])
        except (KeyError, ColorParseError):
            return None
        return colour if colour.a == 1 and colour.ansi is None else None

    fixed = dict(variables)
    grounds = [c for c in map(opaque, GROUNDS) if c is not None]
    for name in TEXT_COLOURS:
        colour = opaque(name)
        if colour is not None and grounds:
            fixed[name] = legible_on(colour, grounds, monochrome).hex
    foreground = opaque("foreground")
    if foreground is not None and grounds:
        alpha = 0.6  # Textual's own, for $foreground-muted
        while (
            alpha < 1
            and min(contrast(g + foreground.with_alpha(alpha), g) for g in grounds) < LEGIBLE
        ):
            alpha += 0.05
        fixed["foreground-muted"] = foreground.with_alpha(min(alpha, 1.0)).hex
    for name, ground_name in ON_COLOUR.items():
        ground = opaque(ground_name)
        value = variables.get(name, "")
        if ground is None or not value.startswith("auto"):
            continue
        for alpha in (0.87, 0.95, 1.0):
            if contrast(ground + ground.get_contrast_text(alpha), ground) >= LEGIBLE:
                break
        fixed[name] = f"auto {round(alpha * 100)}%" if alpha > 0.87 else value
    return fixed


class DebriefApp(App[None]):
    """debrief's terminal app."""

    TITLE = "debrief"
    CSS = """
    Input > .input--placeholder, Input > .input--suggestion { color: $foreground-muted; }
    TextArea > .text-area--placeholder { color: $foreground-muted; }
    Tab { color: $foreground-muted; }
    Tab:hover, Tab.-active { color: $foreground; }
    Tabs:focus Tab.-active { color: $block-cursor-foreground; }
    SelectCurrent Static#label { color: $foreground-muted; }
    SelectCurrent.-has-value Static#label { color: $foreground; }
    """
    BINDINGS = [
        Binding("f1", "help", "Help", id="help", tooltip="List every key."),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="quit",
            priority=True,
            tooltip="Everything is saved already.",
        ),
    ]

    def __init__(
        self,
        store: Store,
        config: Config | None = None,
        pm_id: str | None = None,
        mode: str = "edit",
        templates_dir: Path | None = None,
        config_path: Path | None = None,
        in_browser: bool | None = None,
        retry_after: float = RETRY_AFTER,
    ) -> None:
        """`config_path`: where the chosen theme is remembered (None: not remembered).
        `in_browser`: use the keys a browser lets through (None: as served or not).
        `retry_after`: seconds before a save that met a locked database is tried again."""
        keep_parsed_styles(styles_folder)
        super().__init__()
        self.saver = Saver(self, retry_after)
        self._quit_asked = 0.0
        self._in_browser = in_browser
        self.store = store
        self.config = config or Config()
        self.pm_id = pm_id
        self.mode = mode
        self.templates_dir = templates_dir
        self.config_path = config_path
        self.keys_remapped: dict[str, str] = {}
        """Binding id → keys given to `set_keymap` (the browser's and the config's)."""

    def run(self, **options: Any) -> None:
        """Textual's (same options), with the interpreter's thread switch interval at
        FRAME_SWITCH_S while it runs: see there."""
        before = sys.getswitchinterval()
        sys.setswitchinterval(min(before, FRAME_SWITCH_S))
        try:
            return super().run(**options)  # what the app exits with
        finally:
            sys.setswitchinterval(before)

    def set_keymap(self, keymap: Mapping[str, str]) -> None:
        """Textual's, remembering the keys it was given (F1 shows them)."""
        self.keys_remapped = dict(keymap)
        super().set_keymap(keymap)

    def update_keymap(self, keymap: Mapping[str, str]) -> None:
        """Textual's, remembering the keys it was given (F1 shows them)."""
        self.keys_remapped.update(keymap)
        super().update_keymap(keymap)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast, from any screen: names and error messages in it shown literally."""
        super().notify(
            clean(message), title=clean(title), severity=severity, timeout=timeout, markup=markup
        )

    def get_css_variables(self) -> dict[str, str]:
        monochrome = getattr(self, "no_color", False)  # NO_COLOR: set before the stylesheet
        self.theme_variables = legible_variables(super().get_css_variables(), monochrome)
        return self.theme_variables

    def _apply_configured_theme(self) -> None:
        """The theme the config names; the default, with a warning, when it is unknown."""
        name = self.config.theme
        if not name or name == self.theme:
            return
        if self.get_theme(name) is None:
            self.notify(
                f"Unknown theme {name!r} in the config; using {self.theme}.",
                severity="warning",
                markup=False,
            )
            return
        self.theme = name

    def _remember_theme(self, theme: Theme) -> None:
        """Write the chosen theme to the config file (the `theme = ` line only)."""
        if self.config_path is None or theme.name == self.config.theme:
            return
        try:
            save_theme(self.config_path, theme.name)
        except OSError as exc:
            self.notify(f"Could not remember the theme: {exc}", severity="warning", markup=False)
            return
        self.config = replace(self.config, theme=theme.name)

    def on_mount(self) -> None:
        for warning in self.config.warnings:  # unknown keys in the config file
            self.notify(warning, severity="warning", markup=False)
        self._apply_configured_theme()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        keymap = dict(BROWSER_KEYMAP) if self.in_browser else {}
        keymap.update(self.config.keymap)  # the user's own keys win
        if keymap:
            self.set_keymap(keymap)
        # After start-up, not inside it: a screen pushed from on_mount draws its first
        # frame inside Textual's start-up batch, which drops it (the screen then shows
        # one full refresh later).
        self.call_later(self._first_screen)

    def _first_screen(self) -> None:
        if self.return_code is not None:
            return  # asked to leave before it was shown (ctrl+q at once, a browser closed)
        if self.mode == "present" and self.pm_id is not None:
            from debrief.screens.presenter_screen import PresenterScreen

            self.push_screen(PresenterScreen(self.pm_id))  # read-only: no way home to edit
        elif self.pm_id is not None:
            # Straight to the post-mortem; the home screen is made if the user goes there.
            from debrief.screens.debrief_screen import DebriefScreen

            self.push_screen(DebriefScreen(self.pm_id))
        else:
            self.go_home()
        self.screen.call_after_refresh(gc_pause.resume, freeze=True)
        if os.environ.get(MODULES_REPORT):
            self.screen.call_after_refresh(self._report_modules)

    def _report_modules(self) -> None:
        """Write every imported module's name to the file DEBRIEF_MODULES_REPORT names,
        once the first frame is on the screen, and leave (start-up tests read it)."""
        import sys

        Path(os.environ[MODULES_REPORT]).write_text("\n".join(sorted(sys.modules)), "utf-8")
        self.exit()

    @property
    def in_browser(self) -> bool:
        """Served to a browser (`debrief serve`), where some keys never reach the app."""
        return self.is_web if self._in_browser is None else self._in_browser

    def import_scope(self) -> ImportScope:
        """Where this session may import files from: anywhere in a terminal; in a
        browser, only below the server's `[serve] import_root` (none: nowhere)."""
        from debrief.importers.confine import ImportScope

        return ImportScope.for_session(self.in_browser, self.config.serve.import_root)

    def go_home(self) -> None:
        """Back to the screen that opened this one; to the home screen when none did
        (a post-mortem opened straight from the command line)."""
        from debrief.screens.home import HomeScreen

        if len(self.screen_stack) > 2:  # the default screen, an opener, this one
            self.pop_screen()
        elif len(self.screen_stack) == 2:
            self.switch_screen(HomeScreen())
        else:
            self.push_screen(HomeScreen())

    def template_names(self) -> list[str]:
        names = builtin_names()
        return names + [n for n in user_names(self.templates_dir) if n not in names]

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Save to Downloads, or to debrief's data folder where there is no Downloads."""
        if path is None and not self.in_browser:
            from debrief.screenshots import screenshot_folder

            try:
                path = str(screenshot_folder())
            except OSError:
                pass  # Textual's own choice, and its own message if that fails too
        return super().deliver_screenshot(filename, path, time_format)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
        yield SystemCommand("Help", "List every key (F1).", self.action_help)
        yield from super().get_system_commands(screen)

    async def action_quit(self) -> None:
        """Save whatever is still waiting for its autosave, then leave. While changes
        still wait for a locked database, say so: a second press within a few seconds
        leaves without them."""
        from time import monotonic

        waiting = 0 if self.saver.try_now() else self.saver.waiting
        for screen in self.screen_stack:
            flush = getattr(screen, "flush", None)
            if flush is not None:
                flush()
            waiting += int(getattr(screen, "unsaved", False))
        if waiting and monotonic() - self._quit_asked > QUIT_AGAIN_WITHIN:
            self._quit_asked = monotonic()
            self.notify(
                f"{plural(waiting, 'change')} not saved yet: the database is busy (another "
                "program is writing to it). Press ctrl+q again to quit without them.",
                severity="warning",
                timeout=QUIT_AGAIN_WITHIN,
            )
            return
        self.exit()

    def action_help(self) -> None:
        from debrief.screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
