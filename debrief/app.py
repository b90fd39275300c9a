"""The Textual App: holds the one Store and the config; screens do the rest."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from debrief.config import Config
from debrief.store import Store
from debrief.template import builtin_names, user_names

BROWSER_KEYMAP = {
    "next-section": "ctrl+down",
    "previous-section": "ctrl+up",
    "show-timeline": "f7",
    "new-postmortem": "f7",
}
"""Keys used in a browser instead of those it keeps for itself (ctrl+n opens a window,
ctrl+t a tab): the page never sees them."""


class DebriefApp(App[None]):
    """debrief's terminal app."""

    TITLE = "debrief"
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
        in_browser: bool | None = None,
    ) -> None:
        super().__init__()
        self._in_browser = in_browser
        self.store = store
        self.config = config or Config()
        self.pm_id = pm_id
        self.mode = mode
        self.templates_dir = templates_dir

    def on_mount(self) -> None:
        keymap = dict(BROWSER_KEYMAP) if self.in_browser else {}
        keymap.update(self.config.keymap)  # the user's own keys win
        if keymap:
            self.set_keymap(keymap)
        if self.mode == "present" and self.pm_id is not None:
            from debrief.screens.presenter_screen import PresenterScreen

            self.push_screen(PresenterScreen(self.pm_id))  # read-only: no way home to edit
        elif self.pm_id is not None:
            # Straight to the post-mortem; the home screen is made if the user goes there.
            from debrief.screens.debrief_screen import DebriefScreen

            self.push_screen(DebriefScreen(self.pm_id))
        else:
            self.go_home()

    @property
    def in_browser(self) -> bool:
        """Served to a browser (`debrief serve`), where some keys never reach the app."""
        return self.is_web if self._in_browser is None else self._in_browser

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

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
        yield SystemCommand("Help", "List every key (F1).", self.action_help)
        yield from super().get_system_commands(screen)

    async def action_quit(self) -> None:
        """Save whatever is still waiting for its autosave, then leave."""
        for screen in self.screen_stack:
            flush = getattr(screen, "flush", None)
            if flush is not None:
                flush()
        self.exit()

    def action_help(self) -> None:
        from debrief.screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))


def serve_in_browser(command: list[str], host: str, port: int) -> None:
    """Serve `command` (a debrief app) to browsers with textual-serve, until interrupted."""
    import shlex

    from textual_serve.server import Server

    Server(shlex.join(command), host=host, port=port, title=DebriefApp.TITLE).serve()
