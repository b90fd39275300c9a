"""What the form tests share: the two terminal sizes, whether a widget is fully on
screen, and opening the action and event forms from the debrief screen."""

from __future__ import annotations

from textual.widget import Widget

from debrief.screens.action_form import ActionForm
from debrief.screens.event_form import EventForm
from tests.screens.helpers import wait_until

SMALL = (80, 24)
COMFORTABLE = (120, 36)


def shown(widget: Widget) -> str:
    return str(widget.render())


def fully_visible(app, widget: Widget) -> bool:  # type: ignore[no-untyped-def]
    """The widget is on screen, inside the terminal, and nothing covers its middle."""
    region = widget.region
    width, height = app.size
    if not region or region.right > width or region.bottom > height:
        return False
    if widget.size.height < 1 or region.x < 0 or region.y < 0:
        return False
    found, _ = app.screen.get_widget_at(*region.center)
    return found is widget or widget in found.ancestors_with_self


async def open_action_form(app, pilot, section: str | None = None) -> ActionForm:  # type: ignore[no-untyped-def]
    if section:
        app.screen.go_to(section)
        await pilot.pause()
    await pilot.press("ctrl+o")
    await wait_until(pilot, lambda: isinstance(app.screen, ActionForm))
    return app.screen


async def open_event_form(app, pilot) -> EventForm:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+l")
    await wait_until(pilot, lambda: isinstance(app.screen, EventForm))
    return app.screen
