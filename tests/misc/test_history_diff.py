"""`debrief history` shows what each revision changed as a diff, whatever the length."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from debrief.revision_diff import inline_diff, revision_diff

LONG = (
    "We rolled back the deploy at 14:05 after the error rate on checkout reached five "
    "percent of all requests and kept climbing"
)


def test_an_edit_at_the_end_of_a_long_value_is_shown(cli):
    pm_id = cli("new", "Checkout down").stdout.strip()
    cli("section", "set", pm_id, "impact", LONG)
    cli("section", "set", pm_id, "impact", LONG + " for ten minutes")
    out = cli("history", pm_id).stdout
    assert "    … requests and kept climbing{+ for ten minutes+}\n" in out


def test_a_title_change_is_an_inline_word_diff(cli):
    pm_id = cli("new", "Checkout down").stdout.strip()
    cli("edit", pm_id, "--title", "Checkout 5xx down")
    assert "Checkout {+5xx +}down" in cli("history", pm_id).stdout


def test_a_section_body_shows_changed_lines(cli):
    pm_id = cli("new", "Checkout down").stdout.strip()
    cli("section", "set", pm_id, "trigger", "line one\nline two\nline three")
    cli("section", "set", pm_id, "trigger", "line one\nline 2\nline three")
    out = cli("history", pm_id).stdout
    assert "    - line two\n    + line 2\n" in out


def test_hostile_text_in_a_diff_is_shown_literally(cli):
    pm_id = cli("new", "Checkout down").stdout.strip()
    cli("edit", pm_id, "--title", "Checkout \x1b]0;owned\x07 down")
    out = cli("history", pm_id).stdout
    assert "\x1b" not in out and "{+␛]0;owned␇ +}" in out


words = st.lists(st.sampled_from(["a", "b", "pool", "size", "20", "40", "—", "ß"]), max_size=30)


@given(words, words)
def test_the_inline_diff_holds_both_sides(old_words, new_words):
    old, new = " ".join(old_words), " ".join(new_words)
    segments = inline_diff(old, new, context=10_000)  # no words left out
    assert "".join(t for k, t in segments if k != "+") == old
    assert "".join(t for k, t in segments if k != "-") == new


@given(words, words)
def test_every_change_is_in_the_diff_even_with_context_left_out(old_words, new_words):
    old, new = " ".join(old_words), " ".join(new_words)
    shape, segments = revision_diff(old, new)
    assert shape == "inline"
    removed = "".join(t for k, t in segments if k == "-")
    added = "".join(t for k, t in segments if k == "+")
    if old != new:
        assert removed or added
    else:
        assert not removed and not added
