"""A browser session of `debrief serve` publishes with the server's credentials only when
the server allows it ([serve] allow_publish); a terminal publishes as before."""

from __future__ import annotations

from debrief.app import DebriefApp
from debrief.config import Config, ServeConfig
from debrief.screens.publish_screen import PublishScreen
from tests.screens.helpers import screen_text, wait_until

SIZE = (110, 34)
OFF = "Publishing from a browser is off on this server ([serve] allow_publish)."


async def _press_publish(store, demo_id, tmp_path, in_browser, allow):  # type: ignore[no-untyped-def]
    config = Config(publish_dir=str(tmp_path / "out"), serve=ServeConfig(allow_publish=allow))
    app = DebriefApp(store=store, config=config, pm_id=demo_id, in_browser=in_browser)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(PublishScreen(demo_id))
        await wait_until(pilot, lambda: "Publish preview" in screen_text(app))
        shown = screen_text(app)
        await pilot.press("n")  # publish without Jira: the documents
        await wait_until(pilot, lambda: not app.screen.running, timeout=10)  # type: ignore[attr-defined]
        await pilot.pause(0.2)
        return shown, screen_text(app)


async def test_a_browser_session_is_told_publishing_is_off_and_publishes_nothing(
    store, demo_id, tmp_path
):
    before, after = await _press_publish(store, demo_id, tmp_path, in_browser=True, allow=False)
    assert OFF in " ".join(before.split())
    assert OFF in " ".join(after.split())
    assert store.publishes(demo_id) == []
    assert not (tmp_path / "out").exists()


async def test_a_browser_session_publishes_when_the_server_allows_it(store, demo_id, tmp_path):
    before, _ = await _press_publish(store, demo_id, tmp_path, in_browser=True, allow=True)
    assert "allow_publish" not in before
    assert len(store.publishes(demo_id)) == 1
    assert any((tmp_path / "out").iterdir())
