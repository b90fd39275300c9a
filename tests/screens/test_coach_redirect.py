"""The Redirect card: the facilitator's scripts, by key and by name."""

from __future__ import annotations

from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.redirect_screen import RedirectScreen
from debrief.widgets.coach_panel import FIRST_LINT_DELAY
from debrief.widgets.section_editor import SectionEditor
from tests.screens.helpers import make_app, screen_text

SIZE = (120, 36)


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return " ".join(screen_text(app).split())


async def test_redirect_shows_the_scripts_and_closes(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, RedirectScreen)
        text = shown(app)
        assert "Opening" in text and "this is a blameless post-mortem" in text
        assert '"But someone did make a mistake"' in text
        card = app.screen.query_one("#redirect-card")
        card.scroll_end(animate=False)
        await pilot.pause()
        assert '"Who is responsible for this?"' in shown(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert isinstance(app.focused, SectionEditor)


async def test_redirect_offers_a_question_for_what_was_just_written(store, demo_id):
    store.save_section(demo_id, "trigger", "It was human error.")
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "ctrl+r")
        await pilot.pause()
        text = shown(app)
        assert "In this section: “human error”" in text
        assert "What made the error possible" in text
        await pilot.press("ctrl+r")  # the same key closes it
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)


async def test_redirect_by_name_in_the_palette(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Redirect")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RedirectScreen)


async def test_user_rule_files_add_scripts_and_a_broken_one_is_reported(store, demo_id, tmp_path):
    from debrief.app import DebriefApp

    rules = tmp_path / "conf" / "rules"
    rules.mkdir(parents=True)
    (rules / "ours.toml").write_text(
        '[[scripts]]\ntitle = "Our promise"\ntext = "We fix systems."\n'
    )
    app = DebriefApp(store=store, pm_id=demo_id, templates_dir=tmp_path / "conf" / "templates")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        app.screen.query_one("#redirect-card").scroll_end(animate=False)
        await pilot.pause()
        assert "Our promise" in shown(app)
    (rules / "broken.toml").write_text("[[rules]\n")
    app = DebriefApp(store=store, pm_id=demo_id, templates_dir=tmp_path / "conf" / "templates")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(FIRST_LINT_DELAY + 0.3)  # the rules are read on the first lint
        assert any("not valid TOML" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Opening" in shown(app)
