"""Each capture flow in the real app: park an idea without leaving the story, note as…,
the palette names, confirm the timeline, the Action items section starting from the
parked ideas, known then on an event, the keyed follow-up question, the learning check
and the soak follow-up at wrap-up."""

from __future__ import annotations

from textual.widgets import Input

from debrief.notes import IdeaState, NoteKind
from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.event_form import EventForm
from debrief.screens.idea_triage import IdeaTriage
from debrief.screens.note_form import LearningForm, NoteForm, WordForm
from debrief.screens.wrapup_screen import WrapupScreen
from debrief.widgets.section_editor import SectionEditor
from tests.screens.helpers import make_app, screen_text, wait_until

SIZE = (120, 36)


async def _go(pilot, app, key: str) -> None:  # type: ignore[no-untyped-def]
    app.screen.go_to(key)
    await pilot.pause()


async def test_park_an_idea_is_one_line_and_the_story_goes_on(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await _go(pilot, app, "timeline")
        await pilot.press("alt+i")
        assert isinstance(app.screen, NoteForm)
        assert "no owner or date" in screen_text(app)
        await pilot.press(*"Alert on queue age", "enter")
        await wait_until(pilot, lambda: bool(store.parked_ideas(demo_id)))
        assert isinstance(app.screen, DebriefScreen) and app.screen.current == "timeline"
        assert isinstance(app.focused, SectionEditor)
        assert [n.text for n in store.parked_ideas(demo_id)] == ["Alert on queue age"]


async def test_an_empty_note_is_refused_in_the_form_and_nothing_is_stored(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("alt+i", "enter")
        assert isinstance(app.screen, NoteForm)
        assert "a note needs some text" in screen_text(app)
        await pilot.press("escape")
        assert store.notes(demo_id) == []


async def test_note_as_chooses_theme_and_palette_names_add_each_kind(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("alt+n")
        assert "Kind: surprise (arrows" in screen_text(app)
        await pilot.press("shift+tab", "down", "space", "tab")  # the kind: Theme
        assert "Kind: theme (arrows" in screen_text(app)
        await pilot.press(*"Alert fatigue", "enter")
        await wait_until(pilot, lambda: bool(store.notes(demo_id)))
        for name, typed in [
            ("Add surprise", "Failover took 9 minutes"),
            ("Add open question", "Who owns the queue?"),
            ("Add theme", "Capacity"),
        ]:
            await pilot.press("ctrl+p", *name)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, NoteForm))
            await pilot.press(*typed, "enter")
            await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await wait_until(pilot, lambda: len(store.notes(demo_id)) == 4)
    assert [(n.kind, n.text) for n in store.notes(demo_id)] == [
        (NoteKind.theme, "Alert fatigue"),
        (NoteKind.surprise, "Failover took 9 minutes"),
        (NoteKind.question, "Who owns the queue?"),
        (NoteKind.theme, "Capacity"),
    ]


async def test_confirm_timeline_before_leaving_it(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await _go(pilot, app, "timeline")
        await pilot.press("ctrl+n")
        assert any("not confirmed by the room" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+b", "alt+t")
        await wait_until(pilot, lambda: store.timeline_confirmation(demo_id) is not None)
        assert store.timeline_confirmation(demo_id).by == "tester"


async def test_action_items_start_from_the_parked_ideas(store, demo_id):
    first = store.add_note(demo_id, "idea", "Alert on queue age")
    second = store.add_note(demo_id, "idea", "Rewrite the consumer")
    third = store.add_note(demo_id, "idea", "Bigger pool")
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await _go(pilot, app, "action-items")
        await wait_until(pilot, lambda: isinstance(app.screen, IdeaTriage))
        assert "3 parked ideas" in screen_text(app)
        await pilot.press("o")  # an owned item: the action form, prefilled
        form = app.screen
        assert form.query_one("#title", Input).value == "Alert on queue age"
        assert "New action item" in screen_text(app) and "Delete" not in screen_text(app)
        await pilot.press("tab", *"Ana", "tab", *"+1w", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, IdeaTriage))
        await pilot.press("d")
        assert isinstance(app.screen, WordForm)
        await pilot.press(*"too big", "enter")
        assert isinstance(app.screen, WordForm)  # one word only
        await pilot.press(*["backspace"] * 4, "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, IdeaTriage))
        await pilot.press("escape")
    states = {n.id: n for n in store.notes(demo_id, NoteKind.idea)}
    assert states[first.id].state == IdeaState.item
    assert store.get_action(demo_id, states[first.id].action_id).title == "Alert on queue age"
    assert (states[second.id].state, states[second.id].why) == (IdeaState.dropped, "too")
    assert states[third.id].parked


async def test_known_then_is_saved_and_shown_beside_the_event(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await _go(pilot, app, "timeline")
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, EventForm)
        await pilot.press(*"Paged for queue lag", "tab", *"Only the error-rate alert", "enter")
        await wait_until(pilot, lambda: any(e.known_then for e in store.events(demo_id)))
        await pilot.press("ctrl+t")
        await pilot.pause(0.3)
        assert "then: Only the error-rate alert" in screen_text(app)


async def test_the_coach_suggests_the_follow_up_to_what_was_just_typed(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        followup = app.screen.query_one("#coach-followup")
        assert followup.has_class("-empty")
        await pilot.press("ctrl+end", "enter", *"We decided to roll back")
        await pilot.pause(0.2)
        shown = str(followup.render())
        assert shown.startswith("Next (a decision): What options did you consider")
        await pilot.press("enter", *"I asked Ana for help")
        await pilot.pause(0.2)
        assert "What made you ask for help at that point" in str(followup.render())
        await pilot.press("enter", *"The deploy finished.")
        await pilot.pause(0.2)
        assert followup.has_class("-empty")


async def test_learning_check_and_soak_follow_up_at_wrap_up(store, demo_id):
    store.add_note(demo_id, "idea", "Alert on queue age")
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapupScreen))
        text = screen_text(app)
        assert "Parked ideas not handled (1)" in text and "Alert on queue age" in text
        app.screen.query_one("#learning-check").press()
        await wait_until(pilot, lambda: isinstance(app.screen, LearningForm))
        await pilot.press(*"5", "tab", *"4", "tab", *"6", "enter")
        assert isinstance(app.screen, LearningForm)  # 6 of 5 would come again: refused
        assert "more than the people present" in screen_text(app)
        await pilot.press("backspace", "5", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapupScreen))
        app.screen.query_one("#soak").toggle()
        await wait_until(pilot, lambda: store.soak(demo_id) is not None)
    count = store.learning(demo_id)
    assert (count.present, count.learned, count.would_return) == (5, 4, 5)
    soak = store.soak(demo_id)
    assert soak.parked == 1 and soak.due > store.today()


async def test_a_hindsight_finding_points_to_what_the_responder_could_see_then(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        from debrief.widgets.coach_panel import FindingView

        await pilot.press("ctrl+end", "enter", *"In hindsight it was obvious.")

        def shown() -> str:
            return " ".join(str(v.render()) for v in app.screen.query(FindingView))

        await wait_until(pilot, lambda: "hindsight" in shown().lower())
        assert "Note it on the event: “What the responder could see then”." in shown()


async def test_the_home_screen_shows_soak_follow_ups_due(store, demo_id):
    from datetime import timedelta

    store.add_note(demo_id, "idea", "Alert on queue age")
    store.set_soak(demo_id, store.today() - timedelta(days=1))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: "Soak follow-up due: PM-DEMO" in screen_text(app))
        assert "(1 parked idea, " in screen_text(app)
