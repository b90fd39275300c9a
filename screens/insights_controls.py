"""Opening Insights from the home and debrief screens: one command, one action."""

from __future__ import annotations

from debrief.screens.base import BaseScreen, Command


def insights_command(key: str, show: bool = True) -> Command:
    return Command(
        "Insights",
        key,
        "insights",
        "Insights",
        "Across every post-mortem: times to detect and resolve, action items, factors, charts.",
        "insights",
        show=show,
    )


class InsightsControls(BaseScreen):
    def action_insights(self) -> None:
        from debrief.screens.insights_screen import InsightsScreen

        flush = getattr(self, "flush", None)
        if callable(flush):
            flush()  # the debrief screen's typing is saved first
        self.app.push_screen(InsightsScreen())
