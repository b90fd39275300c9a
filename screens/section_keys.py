"""Which keys the debrief screen's key bar shows: what matters in this section and mode.

Most important first; the key bar drops from the end what does not fit. Every key
stays in F1 and the palette whatever is shown here.
"""

from __future__ import annotations

from debrief.template import SectionKind

Key = tuple[str, str | None]
"""A screen action and the label to show for it (None: the binding's own)."""

_BY_KIND: dict[SectionKind, list[Key]] = {
    SectionKind.text: [("add_action", None), ("next_question", None), ("redirect", None)],
    SectionKind.timeline: [
        ("show_timeline", None),
        ("add_event", None),
        ("import_timeline", None),
        ("add_action", None),
        ("next_question", None),
    ],
    SectionKind.actions: [("add_action", None), ("next_question", None)],
    SectionKind.aspirational: [("add_action", None), ("next_question", None)],
}


def section_keys(kind: SectionKind, presenting: bool, timer_label: str) -> list[Key]:
    """The key bar's actions for a section of `kind`; `timer_label` names what F5 does now."""
    keys: list[Key] = [("next_section", None), ("previous_section", None)]
    keys += _BY_KIND.get(kind, _BY_KIND[SectionKind.text])
    keys += [("start_timer", timer_label), ("present_mode", "Unpresent" if presenting else None)]
    keys += [("wrap_up", None), ("mark_spoken", "Who spoke"), ("participants", None)]
    if not presenting:
        keys += [("toggle_coach", None), ("publish_preview", None), ("home", None)]
    return keys
