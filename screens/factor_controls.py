"""The debrief screen's contributing factors: captured in the Root cause section with
alt+f (and the palette), shown in a table there, edited with Enter on a row.

A mixin, so the debrief screen only lists it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from debrief.screens.base import BaseScreen, Command
from debrief.screens.insights_controls import InsightsControls, insights_command
from debrief.screens.similar_controls import SIMILAR_COMMANDS, SimilarControls
from debrief.store import Conflict

if TYPE_CHECKING:
    from debrief.models import Factor
    from debrief.screens.debrief_screen import DebriefScreen
    from debrief.screens.factor_form import FactorDraft
    from debrief.widgets.factor_table import FactorTable

ROOT_CAUSE = "root-cause"
"""The section whose table is the factors."""

FACTOR_KEYS = "alt+c,alt+f"
"""alt+c first: a terminal sends alt+f as "word right" (ESC f), so it reaches the app
only from a test or a keyboard protocol that reports it; alt+c reaches it everywhere."""

FACTOR_COMMANDS = [
    Command(
        "Add contributing factor",
        FACTOR_KEYS,
        "add_factor",
        "Factor",
        "A contributing factor, what went right or where we got lucky: category, text, events.",
        "add-contributing-factor",
        show=False,
    ),
    insights_command("alt+g", show=False),
    *SIMILAR_COMMANDS,
]


class FactorControls(SimilarControls, InsightsControls, BaseScreen):
    @property
    def _screen(self) -> DebriefScreen:
        return cast("DebriefScreen", self)

    def factors_shown(self) -> bool:
        """Show the factor table (in the Root cause section); True when it is shown."""
        here = self._screen.current == ROOT_CAUSE
        factors = self.store.factors(self._screen.pm_id) if here else []
        table = cast("FactorTable", self.query_one("#factors-table"))
        table.display = here
        self.set_class(here, "-factors")
        self.similar_refresh()
        if here:
            self.set_class(True, "-with-table")
            table.show(factors)
        return here

    def action_add_factor(self) -> None:
        from debrief.screens.factor_form import FactorForm

        me = self._screen
        me.flush()
        form = FactorForm(self.debrief.config.factor_categories, self.store.events(me.pm_id))
        self.app.push_screen(form, self._factor_saved)

    def on_factor_table_edit_requested(self, event: FactorTable.EditRequested) -> None:
        """Enter on a factor's row (named for the message: the table's module is imported
        after the screen's first frame)."""
        from debrief.screens.factor_form import FactorForm

        me = self._screen
        factor = self.store.get_factor(me.pm_id, event.factor_id)
        form = FactorForm(
            self.debrief.config.factor_categories, self.store.events(me.pm_id), factor
        )
        self.app.push_screen(form, lambda draft: self._factor_saved(draft, factor))

    def _factor_saved(self, draft: FactorDraft | None, base: Factor | None = None) -> None:
        if draft is None:
            return
        me, store = self._screen, self.store
        pm_id = me.pm_id

        def done(_: object, said: str = "") -> None:
            if said:
                self.notify(said, timeout=3)
            me._show_kind()

        def failed(exc: Exception) -> None:
            if isinstance(exc, Conflict):
                self.notify(f"{exc} Yours was not saved.", severity="warning", markup=False)
            else:
                self.notify(str(exc), severity="error", markup=False)
            me._show_kind()

        if base is None:
            new = draft.to_factor()
            self.save_change(
                lambda: store.add_factor(pm_id, new), lambda f: done(f, "Factor saved."), failed
            )
        elif draft.delete:
            self.save_change(
                lambda: store.delete_factor(pm_id, base.id),
                lambda f: done(f, "Factor deleted (it stays in the history)."),
                failed,
            )
        else:
            changes = draft.changes()
            self.save_change(
                lambda: store.update_factor(pm_id, base.id, changes, base=base), done, failed
            )
        me._show_kind()
