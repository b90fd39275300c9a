"""The debrief screen's collaboration behaviour: live refresh, conflicts, history, readiness.

A mixin, so that the debrief screen stays one readable file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from debrief.literal import clean
from debrief.models import Postmortem, Section, Status
from debrief.screens.base import BaseScreen, Command
from debrief.store import StoreError
from debrief.widgets.section_editor import SectionEditor

if TYPE_CHECKING:
    from debrief.screens.conflict_screen import Resolution
    from debrief.screens.debrief_screen import DebriefScreen

POLL_SECONDS = 1.0

COLLAB_COMMANDS = [
    Command(
        "Readiness",
        "f3",
        "readiness",
        "Ready?",
        "What the document still lacks to stand on its own.",
        "readiness",
    ),
    Command(
        "Section history",
        "f4",
        "section_history",
        "History",
        "Who changed this section when, with a diff; restore a version.",
        "section-history",
    ),
    Command(
        "Ask someone for this section",
        "f8",
        "ask_contribution",
        "Ask",
        "Ask a person to contribute to this section.",
        "ask-contribution",
    ),
    Command(
        "Resolve conflict",
        "f10",
        "resolve_conflict",
        "Resolve",
        "Choose between your version and theirs.",
        "resolve-conflict",
        show=False,
    ),
]


class CollabControls(BaseScreen):
    """Other people's saves appear within a couple of seconds; nothing is overwritten silently."""

    conflict_bases: dict[str, int]
    """Per section in conflict, the revision the unsaved text was edited from."""

    @property
    def _me(self) -> DebriefScreen:
        return cast("DebriefScreen", self)

    # -- live refresh ------------------------------------------------------------

    def start_live_refresh(self) -> None:
        me = self._me
        self.conflict_bases = {}
        for kept in self.store.open_conflicts(me.pm_id, author=self.store.author):
            if kept.entity == "section" and kept.entity_id in me.sections:
                me.conflicts[kept.entity_id] = me.sections[kept.entity_id]
        if me.conflicts:
            self.notify(
                "You have unresolved edit conflicts: f10 resolves them.", severity="warning"
            )
        self.follow_changes(self.reload_from_others, POLL_SECONDS)

    def reload_from_others(self) -> None:
        """Take in what other processes saved, without touching text being typed."""
        me = self._me
        editor = me.query_one(SectionEditor)
        for section in self.store.sections(me.pm_id):
            mine = me.sections.get(section.key)
            if mine is not None and mine.rev == section.rev:
                continue
            if section.key == editor.section_key and mine is not None:
                typing = editor.text_to_save != mine.body
                if typing or section.key in me.conflicts:
                    continue  # the next save meets the conflict and shows both versions
                me.sections[section.key] = section
                editor.replace_keeping_cursor(section.body)
                self.notify(
                    clean(
                        f"{section.updated_by or 'Someone'} updated {section.title}.",
                        single_line=True,
                    ),
                    markup=False,
                    timeout=3,
                )
            else:
                me.sections[section.key] = section
        people = me.pm.participants
        me.pm = self.store.get_postmortem(me.pm_id)
        if me.pm.participants != people:
            me.show_participants()
        me._show_header()
        me._show_kind()
        me._show_status()

    # -- conflicts ---------------------------------------------------------------

    def on_save_conflict(self, key: str, mine: str, theirs: Section) -> None:
        """Keep both versions in the database, then let the person choose."""
        me = self._me
        me.conflicts[key] = theirs
        if key in me.sections:
            self.conflict_bases.setdefault(key, me.sections[key].rev)
        store, pm_id = self.store, me.pm_id

        def not_kept(exc: Exception) -> None:
            self.notify(f"{exc}; your text stays in the editor", severity="error", markup=False)

        def kept(_: object) -> None:
            me._show_status()
            self.action_resolve_conflict()

        if not self.save_change(
            lambda: store.keep_conflict(
                pm_id, "section", key, "body", mine, theirs.body, theirs.rev
            ),
            kept,
            not_kept,
        ):
            me._show_status()  # the editor keeps the text; f10 resolves once it is kept

    def action_resolve_conflict(self) -> None:
        from debrief.screens.conflict_screen import ConflictScreen

        me = self._me
        open_ = [
            c
            for c in self.store.open_conflicts(me.pm_id, author=self.store.author)
            if c.entity == "section"
        ]
        if not open_:
            self.notify("No edit conflicts to resolve.")
            return
        kept = open_[-1]
        current = self.store.get_section(me.pm_id, kept.entity_id)
        editor = me.query_one(SectionEditor)
        mine = editor.text_to_save if editor.section_key == kept.entity_id else kept.mine
        base = self._base_of(kept.entity_id)

        def done(resolution: Resolution | None) -> None:
            if resolution is None:
                self.notify("Both versions are kept; f10 resolves the conflict later.")
                return
            store, pm_id = self.store, me.pm_id
            others = [o.id for o in open_[:-1] if o.entity_id == kept.entity_id]

            def resolve() -> Section:
                with store.write():  # one transaction: all of it lands, or none yet
                    store.resolve_section_conflict(kept.id, resolution.text, resolution.how)
                    for other in others:
                        store.resolve_section_conflict(other, resolution.text, "superseded")
                return store.get_section(pm_id, kept.entity_id)

            def resolved(saved: Section) -> None:
                me.conflicts.pop(kept.entity_id, None)
                self.conflict_bases.pop(kept.entity_id, None)
                me.sections[kept.entity_id] = saved
                if editor.section_key == kept.entity_id:
                    editor.load(kept.entity_id, saved.body)
                me._show_status()
                me._show_agenda()

            self.save_change(resolve, resolved)

        self.app.push_screen(
            ConflictScreen(current.title, mine, current.body, current.updated_by, base), done
        )

    def _base_of(self, key: str) -> str | None:
        """The body both versions were edited from, when this run knows it."""
        base_rev = self.conflict_bases.get(key)
        if base_rev is None:
            return None
        try:
            return self.store.section_body_at(self._me.pm_id, key, base_rev)
        except StoreError:
            return None  # the merge then marks every difference instead

    # -- history, readiness, requests ---------------------------------------------

    def action_section_history(self) -> None:
        from debrief.screens.history_screen import HistoryScreen

        me = self._me
        me.flush()
        key = me.current
        revisions = self.store.history(me.pm_id, entity="section", entity_id=key)

        def restore(text: str | None) -> None:
            if text is None:
                return
            store, pm_id = self.store, me.pm_id

            def restore_now() -> Section:
                current = store.get_section(pm_id, key)
                return store.save_section(pm_id, key, text, base_rev=current.rev)

            def restored(saved: Section) -> None:
                me.sections[key] = saved
                if me.current == key:
                    me.query_one(SectionEditor).load(key, saved.body)
                me._show_status()
                self.notify("Restored as a new version; the one before it stays in the history.")

            self.save_change(restore_now, restored)

        self.app.push_screen(HistoryScreen(me.sections[key].title, revisions), restore)

    def action_readiness(self) -> None:
        from debrief.screens.readiness_screen import ReadinessScreen

        me = self._me
        me.flush()
        store, pm_id = self.store, me.pm_id
        result = store.readiness(pm_id, me.template)
        me.pm = store.get_postmortem(pm_id)
        me._show_header()

        def promoted(pm: Postmortem) -> None:
            me.pm = pm
            me._show_header()

        if result.ready and me.pm.status is Status.draft:
            self.save_change(lambda: store.promote_if_ready(pm_id, result), promoted)
        self.app.push_screen(ReadinessScreen(result, store.requests(pm_id)))

    def action_ask_contribution(self) -> None:
        from debrief.screens.ask_form import Ask, AskForm

        me = self._me
        key = me.current

        def asked(ask: Ask | None) -> None:
            if ask is None:
                return
            store, pm_id = self.store, me.pm_id

            def asked_now(_: object) -> None:
                self.notify(
                    clean(f"Asked {ask.person} for {me.sections[key].title}.", single_line=True),
                    markup=False,
                )

            self.save_change(
                lambda: store.request_contribution(pm_id, key, ask.person, ask.note), asked_now
            )

        self.app.push_screen(AskForm(me.sections[key].title, me._participants()), asked)
