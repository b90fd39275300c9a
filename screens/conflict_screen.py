"""Two versions side by side: keep yours, keep theirs, or save the merge.

The merge is three-way against the revision both people started from, so only
the lines both changed are marked for a person to settle.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static, TextArea

from debrief.literal import clean
from debrief.merge import YOURS_MARKER, has_conflict_markers, merge_three
from debrief.screens.base import BaseModal
from debrief.widgets.safe_text import SafeTextArea


@dataclass
class Resolution:
    how: str  # "mine", "theirs" or "merged"
    text: str


class ConflictScreen(BaseModal[Resolution | None]):
    """Nothing is lost while this is open: both versions are already in the database."""

    CSS_PATH = "conflict_screen.tcss"
    BINDINGS = [
        Binding("escape", "later", "Decide later", id="conflict-later"),
        Binding("ctrl+s", "save_merge", "Save merge", id="conflict-save-merge", priority=True),
    ]

    def __init__(
        self, title: str, mine: str, theirs: str, theirs_by: str, base: str | None = None
    ) -> None:
        """`base` is the text both versions were edited from; None when it is not known."""
        super().__init__()
        self.section_title = title
        self.mine = mine
        self.theirs = theirs
        self.theirs_by = theirs_by
        self.merged = merge_three(base, mine, theirs, clean(theirs_by, single_line=True))
        self.base_known = base is not None
        self._warned_markers = False

    def compose(self) -> ComposeResult:
        with Vertical(id="conflict"):
            yield Static(
                Text.assemble(
                    ("Edit conflict in ", "bold"),
                    (clean(self.section_title, single_line=True), "bold"),
                    ": ",
                    clean(self.theirs_by, single_line=True) or "someone",
                    " saved it while you were typing. Both versions are kept until you choose.",
                ),
                id="conflict-title",
            )
            with Horizontal(id="versions"):
                with Vertical():
                    yield Static("Yours (not saved yet)", classes="version-label")
                    yield SafeTextArea(self.mine, read_only=True, soft_wrap=True, id="mine")
                with Vertical():
                    yield Static(
                        Text(f"Theirs (saved by {clean(self.theirs_by, single_line=True)})"),
                        classes="version-label",
                    )
                    yield SafeTextArea(self.theirs, read_only=True, soft_wrap=True, id="theirs")
            yield Static(self._merge_label(), classes="version-label", id="merge-label")
            yield SafeTextArea(self.merged.text, soft_wrap=True, id="merged")
            with Horizontal(id="conflict-buttons"):
                yield Button("Keep mine", id="keep-mine", compact=True, variant="primary")
                yield Button("Keep theirs", id="keep-theirs", compact=True)
                yield Button("Save merge", id="save-merge", compact=True, variant="success")
                yield Button("Decide later", id="later", compact=True)

    def _merge_label(self) -> Text:
        count = self.merged.conflicts
        if count == 0:
            return Text("Merge: your changes and theirs combined. Check it, then ctrl+s.")
        places = "1 place" if count == 1 else f"{count} places"
        what = "you both changed" if self.base_known else "where the versions differ"
        return Text.assemble(
            f"Merge: {places} {what}, marked ",
            ("<<<<<<< yours … >>>>>>> theirs", "bold"),
            ". Edit, then ctrl+s.",
        )

    def on_mount(self) -> None:
        merged = self.query_one("#merged", TextArea)
        merged.focus()
        lines = self.merged.text.split("\n")
        if YOURS_MARKER in lines:  # straight to the first place to settle
            merged.move_cursor((lines.index(YOURS_MARKER), 0), center=True)

    @on(Button.Pressed, "#keep-mine")
    def _keep_mine(self) -> None:
        self.dismiss(Resolution("mine", self.mine))

    @on(Button.Pressed, "#keep-theirs")
    def _keep_theirs(self) -> None:
        self.dismiss(Resolution("theirs", self.theirs))

    @on(Button.Pressed, "#save-merge")
    def action_save_merge(self) -> None:
        text = self.query_one("#merged", TextArea).text
        if has_conflict_markers(text) and not self._warned_markers:
            self._warned_markers = True
            self.notify(
                "The merge still has <<<<<<< yours … >>>>>>> theirs markers: "
                "edit them, or save again to keep them as they are.",
                severity="warning",
                markup=False,
            )
            return
        self.dismiss(Resolution("merged", self.query_one("#merged", TextArea).text))

    @on(Button.Pressed, "#later")
    def action_later(self) -> None:
        self.dismiss(None)
