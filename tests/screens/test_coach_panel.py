"""The coach panel in the real app: live findings, spans in the editor, asked questions."""

from __future__ import annotations

from textual.widgets import Static

from debrief.screens.debrief_screen import DebriefScreen
from debrief.widgets.coach_panel import LINT_DELAY, CoachPanel, FindingView
from debrief.widgets.section_editor import SectionEditor
from debrief.widgets.textual_adapter import line_highlights
from tests.screens.helpers import make_app, screen_text

SIZE = (120, 36)


def shown(app) -> str:  # type: ignore[no-untyped-def]
    """The screen's text with runs of spaces folded (the SVG splits words apart)."""
    return " ".join(screen_text(app).split())


def questions_shown(app) -> list[str]:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#coach-questions", Static).content).splitlines()


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause(LINT_DELAY + 0.2)


async def test_typing_blame_shows_a_finding_and_a_question(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")  # trigger: empty
        await pilot.press(*"Lee should have paused the rollout")
        await settle(pilot)
        panel = app.screen.query_one(CoachPanel)
        assert [f.text for f in panel.findings] == ["Lee should have paused"]
        text = shown(app)
        assert "“Lee should have paused”" in text and "counterfactual" in text
        assert "Try: What did they know at the time," in text
        editor = app.screen.query_one(SectionEditor)
        assert line_highlights(editor)[0] == [(0, len("Lee should have paused"), "coach.flagged")]


async def test_linting_waits_for_a_pause_in_typing(store, demo_id):
    linted: list[CoachPanel.Linted] = []
    app = make_app(store, demo_id)

    def hook(message: object) -> None:
        if isinstance(message, CoachPanel.Linted) and all(m is not message for m in linted):
            linted.append(message)  # once, though it bubbles

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await pilot.press("ctrl+n")
        await settle(pilot)
        before = len(linted)
        await pilot.press(*"Nobody checked the backups")
        assert len(linted) == before, "no lint while typing"
        await settle(pilot)
        assert len(linted) == before + 1
        assert [f.text for f in linted[-1].findings] == ["Nobody checked"]


async def test_factual_text_stays_quiet(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.press(*"The cache should expire entries after an hour.")
        await settle(pilot)
        assert app.screen.query_one(CoachPanel).findings == []
        assert "nothing to redirect" in shown(app)


async def test_clicking_a_finding_selects_its_words(store, demo_id):
    store.save_section(demo_id, "trigger", "It was human error, again.")
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.click(FindingView)
        editor = app.screen.query_one(SectionEditor)
        assert editor.selected_text == "human error"
        assert app.focused is editor


async def test_next_question_records_the_one_asked(store, demo_id, template):
    app = make_app(store, demo_id)
    questions = template.section("trigger").questions
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert store.asked_questions(demo_id, "trigger") == [questions[0]]
        lines = questions_shown(app)
        assert lines[1:3] == [f" ✓ {questions[0]}", f"▸· {questions[1]}"]
    app = make_app(store, demo_id)  # a new session remembers
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert questions_shown(app)[1] == f"▸✓ {questions[0]}"


async def test_the_coach_can_be_hidden_for_screen_sharing(store, demo_id):
    store.save_section(demo_id, "trigger", "Lee should have paused the rollout.")
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await settle(pilot)
        panel = app.screen.query_one(CoachPanel)
        editor = app.screen.query_one(SectionEditor)
        assert panel.display and line_highlights(editor)[0]
        await pilot.press("f2")
        await pilot.pause()
        assert not panel.display
        assert not line_highlights(editor)[0], "no marks on a shared screen"
        assert "Lee should have paused”" not in shown(app)
        assert isinstance(app.screen, DebriefScreen) and app.focused is editor
        await pilot.press("f2")
        await pilot.pause()
        assert panel.display and line_highlights(editor)[0]


async def test_palette_toggles_the_coach_by_name(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Toggle coach")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query_one(CoachPanel).display


async def test_action_items_get_the_vague_remediation_check(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.go_to("action-items")
        await pilot.press(*"Investigate the pool settings")
        await settle(pilot)
        [finding] = app.screen.query_one(CoachPanel).findings
        assert (finding.text, finding.category) == ("Investigate", "vague-remediation")


async def test_participants_sharpen_naming(store, demo_id):
    app = make_app(store, demo_id)  # Ben Okafor takes part in the sample incident
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.press(*"Okafor broke the build")
        await settle(pilot)
        assert [f.text for f in app.screen.query_one(CoachPanel).findings] == ["Okafor broke"]


async def test_user_text_is_shown_literally(store, demo_id):
    store.save_section(demo_id, "trigger", "[b]x[/b] \x1b[31m should have paused it")
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await settle(pilot)
        [finding] = app.screen.query_one(CoachPanel).findings
        view = app.screen.query_one(FindingView).render().plain
        assert finding.text in view.replace("␛", "\x1b") or "should have paused" in view
        assert "\x1b" not in view


async def test_the_finding_at_the_cursor_is_in_view(store, demo_id):
    body = " ".join(f"{name} should have paused the rollout." for name in ("Lee", "Kim", "Ravi"))
    store.save_section(demo_id, "trigger", body * 3)
    app = make_app(store, demo_id)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.press("ctrl+n", "end", *" Tom should have paused it")
        await settle(pilot)
        await pilot.pause()
        panel = app.screen.query_one(CoachPanel)
        last = list(panel.query(FindingView))[-1]
        assert last.finding.text == "Tom should have paused"
        assert panel.scroll_offset.y > 0
        assert last.region.overlaps(panel.region), "the newest finding is on screen"


async def test_a_timeline_author_is_a_person_to_the_live_coach(store, demo_id):
    from datetime import UTC, datetime

    from debrief.models import TimelineEvent

    # "caused" is said of systems too: only a known name makes it naming someone
    store.save_section(demo_id, "trigger", "Brannock caused the outage.")
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert app.screen.query_one(CoachPanel).findings == []
    event = TimelineEvent(
        at=datetime(2026, 3, 1, 9, tzinfo=UTC), text="paged", author="Tam Brannock"
    )
    store.add_event(demo_id, event)
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert [f.text for f in app.screen.query_one(CoachPanel).findings] == ["Brannock caused"]
