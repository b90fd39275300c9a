"""Every word on the main screens reads at 4.5:1 or better, in the dark and light themes,
and nothing disappears under NO_COLOR.

The screens are taken at 120×36 (the "comfortable" screen-sharing size) from the real
app on the bundled sample incident; the ratios come from the SVG screenshot, so they
are what the room sees.
"""

from __future__ import annotations

import pytest
from textual.screen import ModalScreen

from debrief.app import DebriefApp
from debrief.meeting import Presence
from debrief.screens.actions_screen import ActionsScreen
from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.help_screen import HelpScreen
from debrief.screens.history_screen import HistoryScreen
from debrief.screens.home import HomeScreen
from debrief.screens.import_screen import ImportForm
from debrief.screens.opening_screen import OpeningScreen
from debrief.screens.presenter_screen import PresenterScreen
from debrief.screens.publish_screen import PublishScreen
from debrief.screens.redirect_screen import RedirectScreen
from debrief.screens.timeline_screen import TimelineScreen
from debrief.screens.wrapup_screen import WrapupScreen
from debrief.store import Store
from tests.looks.contrast import Run, text_runs, worst
from tests.meeting.conftest import FakeClock
from tests.screens.helpers import screen_text, wait_until

SIZE = (120, 36)
MINIMUM = 4.5
THEMES = ["textual-dark", "textual-light"]

DECORATION = set(
    # Box drawing and block elements: borders, rules, scrollbars, the timer's bar;
    # a drop-down's arrow.
    [chr(c) for c in range(0x2500, 0x25A0)] + list("▔▕▼▲")
)
"""Glyphs that only decorate (borders, scrollbars, rules). A run made of nothing else may
be dimmer than text; a run with a single letter in it may not."""
UNTICKED = {"X", "●"}
"""A Checkbox (X) and a RadioButton (●) draw their unticked mark in nearly the box's
colour, on purpose: a legible mark would read as ticked. The only word-like runs
allowed to be faint."""


def is_decoration(run: Run) -> bool:
    return run.text in UNTICKED or all(char in DECORATION or char.isspace() for char in run.text)


def no_blink(app: DebriefApp) -> None:
    """A steady cursor, so the picture does not depend on when it is taken."""
    for field in app.screen.query("TextArea, Input"):
        field.cursor_blink = False  # type: ignore[attr-defined]
        field.notify_style_update()  # drops lines cached while the cursor blinked off
        field.refresh()


async def on_debrief(pilot) -> DebriefScreen:  # type: ignore[no-untyped-def]
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, DebriefScreen))
    screen = pilot.app.screen
    assert isinstance(screen, DebriefScreen)
    return screen


async def home(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))
    await wait_until(pilot, lambda: "Checkout" in screen_text(pilot.app))


async def text_section(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    await on_debrief(pilot)


async def timeline_section(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    (await on_debrief(pilot)).go_to("timeline")


async def actions_section(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    (await on_debrief(pilot)).go_to("action-items")


async def timeline_screen(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    await on_debrief(pilot)
    await pilot.press("ctrl+t")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, TimelineScreen))


async def running_meeting(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    """The meeting started, two sections in, one person has spoken."""
    await on_debrief(pilot)
    await pilot.press("f5", "enter")
    await on_debrief(pilot)
    clock.advance(7 * 60)
    await pilot.press("ctrl+n")
    clock.advance(6 * 60)
    await pilot.press("ctrl+s", "2", "escape")


async def wrap_up(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    await running_meeting(pilot, clock)
    await pilot.press("ctrl+f")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, WrapupScreen))


async def present_mode(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    await running_meeting(pilot, clock)
    await pilot.press("f12")


async def action_form(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    await on_debrief(pilot)
    await pilot.press("ctrl+o", *"Alert on pool wait", "tab", "M", "a", "tab", *"+1w")


async def event_form(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    await on_debrief(pilot)
    await pilot.press("ctrl+l", *"Pool limit raised")


async def help_screen(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    await on_debrief(pilot)
    await pilot.press("f1")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))


async def publish_preview(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    await on_debrief(pilot)
    await pilot.press("f9")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, PublishScreen))
    await wait_until(pilot, lambda: "Checkout" in screen_text(pilot.app))


async def presenter_view(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, PresenterScreen))
    await wait_until(pilot, lambda: "Contributing" in screen_text(pilot.app))


async def actions_screen(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    await home(pilot, clock)
    await pilot.press("f5")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ActionsScreen))
    await wait_until(pilot, lambda: "Load-test" in screen_text(pilot.app))


async def opening(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    await on_debrief(pilot)
    await pilot.press("f5")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, OpeningScreen))


async def redirect(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    await on_debrief(pilot)
    await pilot.press("ctrl+r")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, RedirectScreen))


async def history(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    screen = await on_debrief(pilot)
    await pilot.press("end", *" More detail.")
    screen.flush()
    await pilot.press("f4")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, HistoryScreen))


async def import_form(pilot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    await on_debrief(pilot)
    await pilot.press("f6", *"/no/such/export.csv", "ctrl+s")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ImportForm))


SCREENS = {
    "home": home,
    "text-section": text_section,
    "timeline-section": timeline_section,
    "actions-section": actions_section,
    "timeline-screen": timeline_screen,
    "wrap-up": wrap_up,
    "present-mode": present_mode,
    "action-form": action_form,
    "event-form": event_form,
    "help": help_screen,
    "publish-preview": publish_preview,
    "presenter-view": presenter_view,
    "actions-screen": actions_screen,
    "opening": opening,
    "redirect": redirect,
    "history": history,
    "import-form": import_form,
}


def build(name: str, store: Store, pm_id: str) -> DebriefApp:
    if name in ("home", "actions-screen"):
        app = DebriefApp(store=store)
    elif name == "presenter-view":
        store.set_meeting_view(pm_id, Presence(section="root-cause"))
        app = DebriefApp(store=store, pm_id=pm_id, mode="present")
    else:
        app = DebriefApp(store=store, pm_id=pm_id)
    return app


async def settled(pilot, quiet: float = 0.3, at_most: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until the screen has stopped changing: the same picture `quiet` seconds
    apart (on a busy machine a section still being laid out is not the screen to read)."""
    before = pilot.app.export_screenshot()
    waited = 0.0
    while waited < at_most:
        await pilot.pause(quiet)
        waited += quiet
        now = pilot.app.export_screenshot()
        if now == before:
            return
        before = now


Box = tuple[int, int, int, int]
"""x, y, width, height of a part of the screen, in cells."""


async def screenshot(
    name: str, theme: str | None, store: Store, pm_id: str, clock: FakeClock
) -> tuple[str, list[Box]]:
    """The SVG, and where the words the room reads are: the whole screen, or only the
    form or card of a modal (the meeting behind it is dimmed on purpose)."""
    app = build(name, store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        if theme is not None:
            app.theme = theme
        await SCREENS[name](pilot, clock)
        no_blink(app)
        await settled(pilot)
        boxes = [(0, 0, SIZE[0], SIZE[1])]
        if isinstance(app.screen, ModalScreen):
            boxes = [tuple(child.region) for child in app.screen.children]  # type: ignore[misc]
        return app.export_screenshot(), boxes


def read(svg: str, boxes: list[Box]) -> list[Run]:
    """The text runs that start inside one of `boxes`."""
    return [
        run
        for run in text_runs(svg)
        if any(x <= run.col < x + w and y <= run.row < y + h for x, y, w, h in boxes)
    ]


def report(runs: list[Run]) -> str:
    return "\n".join(str(run) for run in worst(runs, 40))


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("name", list(SCREENS))
async def test_every_word_reads_at_4_5_to_1(name, theme, meeting_store, meeting_pm, fake_clock):
    svg, boxes = await screenshot(name, theme, meeting_store, meeting_pm, fake_clock)
    runs = [run for run in read(svg, boxes) if not is_decoration(run)]
    assert runs, "nothing on the screen"
    print(f"\n{name} in {theme}: worst {worst(runs, 1)[0]}")  # the figures, with -s
    low = [run for run in runs if run.ratio < MINIMUM]
    if low:
        pytest.fail(f"{name} in {theme}: {len(low)} runs below {MINIMUM}:1\n{report(low)}", False)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("name", list(SCREENS))
async def test_nothing_disappears_under_no_color(
    name, theme, meeting_store, meeting_pm, fake_clock, monkeypatch
):
    monkeypatch.setenv("NO_COLOR", "1")
    svg, boxes = await screenshot(name, theme, meeting_store, meeting_pm, fake_clock)
    runs = read(svg, boxes)
    words = [run for run in runs if not is_decoration(run)]
    assert words, "nothing on the screen"
    print(f"\n{name} in {theme} under NO_COLOR: worst {worst(words, 1)[0]}")  # with -s
    invisible = [run for run in runs if run.fg == run.bg]
    if invisible:
        pytest.fail(
            f"{name} in {theme} under NO_COLOR: drawn in its own background\n{report(invisible)}",
            False,
        )
    # Grey for grey, the words must still read as well as they do in colour.
    low = [run for run in words if run.ratio < MINIMUM]
    if low:
        pytest.fail(
            f"{name} in {theme} under NO_COLOR: {len(low)} runs below {MINIMUM}:1\n{report(low)}",
            False,
        )


@pytest.mark.parametrize("name", ["timeline-section", "presenter-view", "actions-screen", "help"])
async def test_a_theme_chosen_live_looks_as_if_started_in_it(
    name, meeting_store, meeting_pm, fake_clock
):
    """Widgets that colour Rich text draw it again when the theme changes."""
    started, _ = await screenshot(name, "textual-light", meeting_store, meeting_pm, fake_clock)
    app = build(name, meeting_store, meeting_pm)
    async with app.run_test(size=SIZE) as pilot:
        await SCREENS[name](pilot, fake_clock)
        app.theme = "textual-light"
        no_blink(app)
        await pilot.pause(0.3)
        switched = app.export_screenshot()

    def seen(svg: str) -> list[tuple[str, str, str]]:
        return [(run.text, run.fg, run.bg) for run in text_runs(svg)]

    assert seen(switched) == seen(started)
