"""Hostile text for every field, and what the app really writes to the terminal.

`PAYLOAD` holds an OSC 0 (retitles the window), an OSC 52 (writes the clipboard), a CSI
2J (clears the screen), an 8-bit C1 CSI and two bidi controls. `leaks()` names any part
of it that reached the output raw; neutralised, each shows as `␛]0;pwned␇`, `⟨U+202E⟩`...
"""

from __future__ import annotations

from typing import Any

from textual.drivers.headless_driver import HeadlessDriver

OSC_TITLE = "\x1b]0;pwned\x07"
OSC_CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"
CLEAR = "\x1b[2J"
C1_CSI = "\x9b2J"
BIDI = "\u202e\u2066"
PAYLOAD = OSC_TITLE + OSC_CLIPBOARD + CLEAR + C1_CSI + BIDI

SHOWN = "␛]0;pwned␇"
"""How the title sequence looks once neutralised."""

RAW = {
    "OSC 0": "\x1b]0;",
    "OSC 52": "\x1b]52;",
    "CSI 2J": CLEAR,
    "C1 CSI": "\x9b",
    "U+202E": "\u202e",
    "U+2066": "\u2066",
    "BEL after the title": "pwned\x07",
    "BEL after the clipboard": "cHduZWQ=\x07",
}
"""Each raw piece of the payload. Textual writes its own escape sequences (colours,
cursor moves, OSC 22 pointer shapes), so the test looks for these, not for any ESC."""


def hostile(value: str) -> str:
    return f"{value} {PAYLOAD} end"


def leaks(output: str) -> list[str]:
    """The raw pieces of the payload found in `output`."""
    return [name for name, piece in RAW.items() if piece in output]


class TerminalCapture(HeadlessDriver):
    """A driver that keeps what the app writes, as a real terminal driver would get it.

    The headless driver tells the app it is headless, and the app then writes nothing;
    this one says it is not, so the app renders every frame and hands it over here.
    """

    written: list[str] = []

    @property
    def is_headless(self) -> bool:
        return False

    def write(self, data: str) -> None:
        TerminalCapture.written.append(data)

    @classmethod
    def take(cls) -> str:
        out = "".join(cls.written)
        cls.written.clear()
        return out


TEXT_FIELDS = {
    "postmortem": ("title", "severity", "classification", "facilitator", "lead_investigator"),
    "postmortem lists": ("services", "tags"),
    "participants": ("name", "role"),
    "sections": ("title", "body", "updated_by"),
    "events": ("text", "author", "source", "link"),
    "actions": ("title", "owner"),
}


def hostile_document(doc: Any) -> Any:
    """The document with the payload in every field a person or an import fills in."""
    from debrief.models import Document

    raw = doc.model_dump(mode="json")
    pm = raw["postmortem"]
    for key in TEXT_FIELDS["postmortem"]:
        pm[key] = hostile(pm[key] or key)
    for key in TEXT_FIELDS["postmortem lists"]:
        pm[key] = [hostile(v) for v in pm[key]]
    for person in pm["participants"]:
        for key in TEXT_FIELDS["participants"]:
            person[key] = hostile(person[key])
    for part in ("sections", "events", "actions"):
        for record in raw[part]:
            for key in TEXT_FIELDS[part]:
                record[key] = hostile(record[key] or key)
    return Document.model_validate(raw)
