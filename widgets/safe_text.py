"""Editable text that never sends a control character to the terminal.

Textual's Input and TextArea draw the characters they hold as they are, and Rich only
drops a few of them (bell, backspace, carriage return...): an escape character typed
into a section body by an import, a paste or another person's save would reach the
terminal raw, and an OSC 52 or OSC 0 sequence would then write the viewer's clipboard or
retitle the window.

The choice made here: text is neutralised (by `debrief.literal.clean`, the one
neutraliser) on its way *into* the widget, when it is loaded, set, typed or pasted, so
the widget holds exactly what the person sees, the cursor moves over what is shown, and
an edit saves that visible form (`␛]0;title␇` rather than the raw sequence). Text that is
only looked at is not rewritten: `SafeTextArea.text_to_save` is the text as loaded until
the person changes it. Nothing a person can type produces a control character, so only
imported or pasted text changes. The editor also neutralises each line as it is drawn, so
a path that skipped the way in still cannot reach the terminal raw.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit, EditResult

from debrief.literal import clean

if TYPE_CHECKING:
    from debrief.widgets.name_suggester import NameSuggester


def one_line(value: str) -> str:
    """`value` as one input line: control characters shown, newlines and tabs as spaces.

    Unlike `clean(single_line=True)` it keeps runs of spaces and a trailing space, so it
    can run on every keystroke without eating what is being typed.
    """
    return clean(value).replace("\n", " ").replace("\t", " ")


class SafeInput(Input):
    """An Input whose value never holds a control character (see the module docstring)."""

    def __init__(self, value: str | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(one_line(value) if value else value, *args, **kwargs)

    def validate_value(self, value: str) -> str:
        """Every assignment of `value` (loading a record, a completion) goes through here."""
        return one_line(value)

    def replace(self, text: str, start: int, end: int) -> None:
        """Typing and pasting: neutralise first, so the cursor lands after what is shown."""
        super().replace(one_line(text), start, end)


def suggest_from(names: Iterable[str]) -> NameSuggester:
    """Completions drawn (and filled in) in their visible form, matched anywhere in a name."""
    from debrief.widgets.name_suggester import NameSuggester

    return NameSuggester(one_line(n) for n in names)


class SafeTextArea(TextArea):
    """A TextArea whose document never holds a control character other than tab and newline."""

    def __init__(self, text: str = "", *args: Any, **kwargs: Any) -> None:
        self._loaded = text
        super().__init__(clean(text), *args, **kwargs)

    def load_text(self, text: str) -> None:
        self._loaded = text
        super().load_text(clean(text))

    @property
    def text_to_save(self) -> str:
        """What was loaded, exactly, while the shown text is unchanged; else the shown text."""
        shown = self.text
        return self._loaded if shown == clean(self._loaded) else shown

    def edit(self, edit: Edit) -> EditResult:
        """Typing, pasting, replacing and undo all arrive as edits."""
        edit.text = clean(edit.text)
        return super().edit(edit)

    def get_line(self, line_index: int) -> Text:
        """The line as drawn: neutralised again, in case text arrived some other way."""
        line = self.document.get_line(line_index)
        return Text(clean(line), end="", no_wrap=True)
