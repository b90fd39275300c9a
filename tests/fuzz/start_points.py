"""Where random runs start: every screen and modal of the app, reached the way a user would."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from tests.fuzz.harness import ALL_START_POINTS, SIZES, StartPoint
from tests.practice.fuzz_points import PRACTICE_FORMS, practice_start_points

WIDE = ((80, 24), (120, 36))

IMPORT_CSV = (
    "Who,When,What,Milestone,URL,Source\n"
    "ana,2026-11-20T14:03:00Z,Alert fired,detected,https://g.example/1,pagerduty\n"
    'bo,2026-11-20T14:10:00Z,"Rolled back, finally",mitigated,,\n'
    "cy,2026-11-20T14:20:00Z,Pool back to 50,,,\n"
)
import_file: dict[str, Path] = {}
"""The CSV the import-preview start point reads (written once per session)."""


async def settle(pilot: Any, app: Any, name: str, timeout: float = 5.0) -> None:
    """Pause until the screen called `name` is on top."""
    import time

    deadline = time.monotonic() + timeout
    while type(app.screen).__name__ != name:
        if time.monotonic() > deadline:
            return  # the run's own check names what was reached instead
        await pilot.pause(0.05)


def at_section(key: str):  # type: ignore[no-untyped-def]
    async def setup(app: Any, pilot: Any) -> None:
        await settle(pilot, app, "DebriefScreen")
        app.screen.go_to(key)

    return setup


def keys_from(section: str | None, *keys: str, screen: str):  # type: ignore[no-untyped-def]
    """Open a section (None: stay where the app opened), then press keys to reach `screen`."""

    async def setup(app: Any, pilot: Any) -> None:
        if section is not None:
            await settle(pilot, app, "DebriefScreen")
            app.screen.go_to(section)
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await settle(pilot, app, screen)

    return setup


def edit_item(section: str, table: str):  # type: ignore[no-untyped-def]
    async def setup(app: Any, pilot: Any) -> None:
        await settle(pilot, app, "DebriefScreen")
        app.screen.go_to(section)
        await pilot.pause()
        app.screen.query_one(table).focus()
        await pilot.press("enter")
        await settle(pilot, app, "ActionForm")

    return setup


async def edit_event(app: Any, pilot: Any) -> None:
    await settle(pilot, app, "DebriefScreen")
    await pilot.press("ctrl+t")
    await settle(pilot, app, "TimelineScreen")
    await pilot.press("down", "enter")
    await settle(pilot, app, "EventForm")


async def import_preview(app: Any, pilot: Any) -> None:
    from textual.widgets import Input

    await settle(pilot, app, "DebriefScreen")
    await pilot.press("f6")
    await settle(pilot, app, "ImportForm")
    app.screen.query_one("#path", Input).value = str(import_file["csv"])
    await pilot.press("ctrl+s")
    await settle(pilot, app, "ImportPreview")
    screen = app.screen
    for _ in range(100):
        if not getattr(screen, "busy", False):
            break
        await pilot.pause(0.05)


async def history_with_revisions(app: Any, pilot: Any) -> None:
    from debrief.screens.debrief_screen import AUTOSAVE_DELAY

    await settle(pilot, app, "DebriefScreen")
    await pilot.press("end", *" More.")
    await pilot.pause(AUTOSAVE_DELAY + 0.2)
    await pilot.press("f4")
    await settle(pilot, app, "HistoryScreen")


async def status_form(app: Any, pilot: Any) -> None:
    await settle(pilot, app, "HomeScreen")
    await pilot.press("f5")
    await settle(pilot, app, "ActionsScreen")
    await pilot.press("f2")
    await settle(pilot, app, "StatusForm")


def conflict_prepare(store: Any) -> None:
    from debrief.sample import SAMPLE_ID

    theirs = store.save_section(SAMPLE_ID, "impact", "Their newer account of the impact.")
    store.keep_conflict(
        SAMPLE_ID, "section", "impact", "body", "My unsaved impact text.", theirs.body, theirs.rev
    )


SECTIONS = {
    "text": "impact",
    "timeline": "timeline",
    "actions": "action-items",
    "aspirational": "if-we-have-time",
}

START_POINTS: list[StartPoint] = [
    StartPoint("home", None, "HomeScreen", sizes=WIDE),
    StartPoint("home-empty-db", None, "HomeScreen", prepare=lambda store: _delete_all(store)),
    *(
        StartPoint(
            f"debrief-{which}-{kind}",
            which,
            "DebriefScreen",
            at_section(key),
            sizes=WIDE
            if (which, kind) in {("sample", "text"), ("sample", "timeline")}
            else ((80, 24),),
        )
        for which in ("sample", "empty")
        for kind, key in SECTIONS.items()
    ),
    StartPoint(
        "action-form-new",
        "sample",
        "ActionForm",
        keys_from("impact", "ctrl+o", screen="ActionForm"),
        sizes=WIDE,
    ),
    StartPoint(
        "action-form-new-aspirational",
        "sample",
        "ActionForm",
        keys_from("if-we-have-time", "ctrl+o", screen="ActionForm"),
    ),
    StartPoint(
        "action-form-new-empty-pm",
        "empty",
        "ActionForm",
        keys_from("action-items", "ctrl+o", screen="ActionForm"),
    ),
    StartPoint(
        "action-form-edit",
        "sample",
        "ActionForm",
        edit_item("action-items", "#actions-table"),
    ),
    StartPoint(
        "action-form-edit-aspirational",
        "sample",
        "ActionForm",
        edit_item("if-we-have-time", "#aspirational-table"),
    ),
    StartPoint("event-form", "sample", "EventForm", keys_from(None, "ctrl+l", screen="EventForm")),
    StartPoint("event-form-edit", "sample", "EventForm", edit_event),
    StartPoint(
        "timeline-screen",
        "sample",
        "TimelineScreen",
        keys_from(None, "ctrl+t", screen="TimelineScreen"),
        sizes=WIDE,
    ),
    StartPoint(
        "timeline-screen-empty-pm",
        "empty",
        "TimelineScreen",
        keys_from(None, "ctrl+t", screen="TimelineScreen"),
    ),
    StartPoint("import-form", "sample", "ImportForm", keys_from(None, "f6", screen="ImportForm")),
    StartPoint("import-preview", "sample", "ImportPreview", import_preview),
    StartPoint(
        "publish-preview",
        "sample",
        "PublishScreen",
        keys_from(None, "f9", screen="PublishScreen"),
        sizes=WIDE,
    ),
    StartPoint(
        "publish-preview-empty-pm",
        "empty",
        "PublishScreen",
        keys_from(None, "f9", screen="PublishScreen"),
    ),
    StartPoint(
        "wrap-up", "sample", "WrapupScreen", keys_from(None, "ctrl+f", screen="WrapupScreen")
    ),
    StartPoint(
        "wrap-up-after-meeting",
        "sample",
        "WrapupScreen",
        keys_from(None, "f5", "enter", "ctrl+n", "ctrl+f", screen="WrapupScreen"),
    ),
    StartPoint("history", "sample", "HistoryScreen", history_with_revisions),
    StartPoint(
        "history-no-revisions",
        "empty",
        "HistoryScreen",
        keys_from(None, "f4", screen="HistoryScreen"),
    ),
    StartPoint(
        "readiness", "sample", "ReadinessScreen", keys_from(None, "f3", screen="ReadinessScreen")
    ),
    StartPoint(
        "details-form", "sample", "DetailsForm", keys_from(None, "f11", screen="DetailsForm")
    ),
    StartPoint(
        "factor-form",
        "sample",
        "FactorForm",
        keys_from("root-cause", "alt+c", screen="FactorForm"),
    ),
    StartPoint("insights", None, "InsightsScreen", keys_from(None, "f6", screen="InsightsScreen")),
    StartPoint("help", "sample", "HelpScreen", keys_from(None, "f1", screen="HelpScreen")),
    StartPoint("help-from-home", None, "HelpScreen", keys_from(None, "f1", screen="HelpScreen")),
    StartPoint("presenter", "sample", "PresenterScreen", mode="present", sizes=WIDE),
    StartPoint("presenter-empty-pm", "empty", "PresenterScreen", mode="present"),
    StartPoint(
        "actions-screen", None, "ActionsScreen", keys_from(None, "f5", screen="ActionsScreen")
    ),
    StartPoint("status-form", None, "StatusForm", status_form),
    StartPoint(
        "new-postmortem",
        None,
        "NewPostmortemForm",
        keys_from(None, "ctrl+n", screen="NewPostmortemForm"),
    ),
    StartPoint(
        "opening-card", "sample", "OpeningScreen", keys_from(None, "f5", screen="OpeningScreen")
    ),
    StartPoint(
        "redirect", "sample", "RedirectScreen", keys_from(None, "ctrl+r", screen="RedirectScreen")
    ),
    StartPoint("ask-form", "sample", "AskForm", keys_from(None, "f8", screen="AskForm")),
    StartPoint(
        "conflict",
        "sample",
        "ConflictScreen",
        keys_from(None, "f10", screen="ConflictScreen"),
        prepare=conflict_prepare,
    ),
    *practice_start_points(keys_from),
]


FORMS = {
    "ActionForm",
    "FactorForm",
    "EventForm",
    "ImportForm",
    "NewPostmortemForm",
    "AskForm",
    "StatusForm",
    "WrapupScreen",
    "ConflictScreen",
    *PRACTICE_FORMS,
}
"""Screens with fields to fill: their runs type more (see FORM_CHUNKS)."""
START_POINTS = [replace(s, alphabet="form") if s.screen in FORMS else s for s in START_POINTS]


def _delete_all(store: Any) -> None:
    for pm in store.list_postmortems():
        store.delete_postmortem(pm.id)


def case_id(start: StartPoint, size: tuple[int, int]) -> str:
    return f"{start.name}-{size[0]}x{size[1]}"


VARIANTS = {
    "home-empty-db",
    "debrief-empty-actions",
    "debrief-empty-aspirational",
    "action-form-new-empty-pm",
    "timeline-screen-empty-pm",
    "publish-preview-empty-pm",
    "history-no-revisions",
    "help-from-home",
    "presenter-empty-pm",
    "wrap-up-after-meeting",
}
"""Start points close to another one: make fuzz runs them, make test leaves them out."""
START_POINTS = [replace(s, everyday=s.name not in VARIANTS) for s in START_POINTS]

CASES = [
    (start, size)
    for start in START_POINTS
    for size in start.sizes
    if size in SIZES and (start.everyday or ALL_START_POINTS)
]
