"""The debrief screen's tables (timeline with its metrics, items, "if we have time",
factors): mounted when a section first needs them or just after the first frame, and
shown for the section's kind.

A mixin, so the debrief screen stays one readable file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.containers import Vertical

from debrief.screens.base import BaseScreen
from debrief.screens.factor_controls import ROOT_CAUSE
from debrief.template import SectionKind
from debrief.words import plural

if TYPE_CHECKING:
    from debrief.screens.debrief_screen import DebriefScreen
    from debrief.widgets.action_table import ActionTable
    from debrief.widgets.metrics_bar import MetricsBar
    from debrief.widgets.timeline_table import TimelineTable


class SectionTables(BaseScreen):
    @property
    def _me(self) -> DebriefScreen:
        return cast("DebriefScreen", self)

    def _mount_tables(self) -> bool:
        """Mount the timeline, item and factor tables unless they are there; True when
        they were mounted now (they take the theme's styles once on the screen)."""
        me = self._me
        if me._tables_mounted:
            return False
        me._tables_mounted = True
        # Imported here: a text section's first frame needs none of them (nor DataTable).
        from debrief.widgets.action_table import ActionTable
        from debrief.widgets.factor_table import FactorTable
        from debrief.widgets.metrics_bar import MetricsBar
        from debrief.widgets.timeline_table import TimelineTable

        tables = [
            MetricsBar(id="metrics"),
            TimelineTable(id="timeline-table"),
            ActionTable(id="actions-table"),
            ActionTable(id="aspirational-table", aspirational=True),
            FactorTable(id="factors-table"),
        ]
        for table in tables:
            table.display = False
        self.query_one("#table-area", Vertical).mount(*tables)
        return True

    def _tables_after_first_frame(self) -> None:
        if self.is_attached and self._mount_tables():
            self.call_after_refresh(self._show_kind)

    def _show_kind(self) -> None:
        """Show the tables the current section's kind calls for, filled."""
        me = self._me
        spec = me.template.section(me.current)
        kind = spec.kind if spec else SectionKind.text
        is_timeline = kind is SectionKind.timeline
        self.set_class(kind is not SectionKind.text, "-with-table")
        if kind is SectionKind.text and me.current != ROOT_CAUSE and not me._tables_mounted:
            me._show_agenda()  # the tables come just after the first frame
            me._show_keys()
            return
        if self._mount_tables():  # shown once they are on the screen, in the theme's styles
            me._show_agenda()
            me._show_keys()
            self.call_after_refresh(self._show_kind)
            return
        metrics_bar = cast("MetricsBar", self.query_one("#metrics"))
        timeline_table = cast("TimelineTable", self.query_one("#timeline-table"))
        metrics_bar.display = timeline_table.display = is_timeline
        self.query_one("#actions-table").display = kind is SectionKind.actions
        self.query_one("#aspirational-table").display = kind is SectionKind.aspirational
        if is_timeline:
            from debrief.timeline import metrics

            events = self.store.events(me.pm_id)
            metrics_bar.show(metrics(events, me.pm.started_at), plural(len(events), "event"))
            timeline_table.show(events)
        elif kind in (SectionKind.actions, SectionKind.aspirational):
            items = self.store.actions(me.pm_id)
            wanted = kind is SectionKind.aspirational
            table_id = "#aspirational-table" if wanted else "#actions-table"
            cast("ActionTable", self.query_one(table_id)).show(
                [a for a in items if a.aspirational == wanted], self.today()
            )
        me.factors_shown()
        me._show_agenda()
        me._show_keys()
