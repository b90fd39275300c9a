"""Similar past incidents while writing: the store's ranking on both engines, and the
quiet panel under the editor in Trigger and Root cause, opened read-only with alt+s."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from debrief.models import ActionItem, Factor
from debrief.store.similar import key_words, similar
from tests.screens.helpers import make_app, screen_text, wait_until

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _past(store, template) -> dict[str, str]:
    pool = store.create_postmortem("Checkout pool exhausted", template, started_at=START)
    store.update_postmortem(pool.id, services=["checkout"])
    store.save_section(pool.id, "trigger", "The connection pool was exhausted by retries.")
    store.add_factor(pool.id, Factor(category="capacity", text="pool sized for last year"))
    store.add_action(pool.id, ActionItem(title="Size the pool", owner="ana", due=date(2026, 1, 1)))
    dns = store.create_postmortem("DNS outage", template, started_at=START)
    store.update_postmortem(dns.id, services=["edge"])
    store.save_section(dns.id, "trigger", "A resolver update broke name lookups.")
    unrelated = store.create_postmortem("Billing typo", template, started_at=START)
    store.save_section(unrelated.id, "trigger", "A typo in the invoice template.")
    now = store.create_postmortem("Checkout slow again", template, started_at=START)
    store.update_postmortem(now.id, services=["checkout"])
    return {"pool": pool.id, "dns": dns.id, "now": now.id}


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)
def test_wording_services_and_categories_rank_the_past_ones(store, template):
    ids = _past(store, template)
    found = similar(
        store, ids["now"], "retries exhausted the connection pool", ["checkout"], ["capacity"]
    )
    assert found[0].postmortem.id == ids["pool"]
    best = found[0]
    assert "connection" in best.words and best.services == ["checkout"]
    assert best.categories == ["capacity"]
    assert best.actions["open"] == 1 and best.actions["overdue"] == 1
    assert ids["now"] not in [f.postmortem.id for f in found]
    by_words = similar(store, ids["now"], "resolver lookups")
    assert [f.postmortem.id for f in by_words] == [ids["dns"]]
    assert similar(store, ids["now"], "") == []


def test_key_words_skip_short_and_common_ones():
    assert key_words("The pool was exhausted after the deploy, with 500 errors") == [
        "exhausted",
        "deploy",
        "errors",
        "pool",
    ]


async def test_the_panel_follows_typing_and_opens_one_read_only(store, template):
    from debrief.screens.similar_view import SimilarView
    from debrief.widgets.similar_panel import SimilarPanel

    ids = _past(store, template)
    app = make_app(store, ids["now"])
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        panel = screen.query_one(SimilarPanel)
        assert not panel.display or not panel.items  # Impact: no panel
        await pilot.press("ctrl+n")  # Trigger
        await pilot.press(*"resolver lookups failed")
        # The panel follows the words as they come: a look-up made before the last
        # words were typed can show the post-mortem sharing a service first.
        await wait_until(
            pilot, lambda: bool(panel.items) and panel.items[0].postmortem.id == ids["dns"], 5
        )
        assert panel.items[0].postmortem.id == ids["dns"]
        assert "Similar past incidents" in screen_text(app) and "DNS outage" in screen_text(app)
        await pilot.press("alt+s")
        await wait_until(pilot, lambda: isinstance(app.screen, SimilarView))
        await pilot.pause(0.3)
        from textual.widgets import Markdown

        assert "Read-only" in screen_text(app) and "DNS outage" in screen_text(app)
        shown = app.screen.query_one("#similar-body", Markdown).source
        assert "A resolver update broke name lookups." in shown
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)
        assert (
            store.get_section(ids["dns"], "trigger").body == "A resolver update broke name lookups."
        )


async def test_typing_does_not_look_up_on_every_key(store, template, monkeypatch):
    import debrief.store.similar as module

    calls = []
    real = module.similar

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "similar", counted)
    ids = _past(store, template)
    app = make_app(store, ids["now"])
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause(1.2)
        before = len(calls)
        await pilot.press(*"the connection pool again")
        await pilot.pause(1.2)
        assert len(calls) - before == 1  # one look after the pause, not one per key
