"""The one neutraliser: user and imported text is shown as written, never acted on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from debrief.literal import clean, literal

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_escape_sequences_and_bells_are_shown_not_sent():
    shown = clean("\x1b]52;c;ZXZpbA==\x07\x1b]0;owned\x07\x1b[2J\x9b31m")
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert "␛]52;c;ZXZpbA==␇" in shown


def test_bidi_overrides_and_isolates_are_named_where_they_were():
    shown = clean("invoice\u202egpj.exe and \u2066x\u2069")
    assert not set(shown) & set(BIDI)
    assert "invoice⟨U+202E⟩gpj.exe" in shown and "⟨U+2066⟩x⟨U+2069⟩" in shown


@given(st.text())
def test_nothing_that_moves_the_cursor_or_reorders_text_survives(text):
    shown = literal(text).plain
    assert not any(ord(c) < 0x20 and c not in "\t\n" for c in shown)
    assert not any(0x7F <= ord(c) <= 0x9F for c in shown)
    assert not set(shown) & set(BIDI)
