"""The three-way merge of two versions of a section."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from debrief.merge import (
    MIDDLE_MARKER,
    THEIRS_MARKER,
    YOURS_MARKER,
    has_conflict_markers,
    merge_three,
)

# few distinct lines, so the versions share and move lines often
line = st.sampled_from(["", "alpha", "beta", "gamma", "delta", "- item", "## Heading"])
text = st.lists(line, max_size=8).map("\n".join)


def test_the_shared_paragraph_appears_once_when_both_add_elsewhere():
    base = "The deploy started at 14:03.\n"
    mine = "The deploy started at 14:03.\nRollback took 20 minutes.\n"
    theirs = "Customers saw errors.\nThe deploy started at 14:03.\n"
    merged = merge_three(base, mine, theirs)
    assert merged.text == (
        "Customers saw errors.\nThe deploy started at 14:03.\nRollback took 20 minutes.\n"
    )
    assert merged.conflicts == 0


def test_only_lines_both_changed_are_marked():
    base = "one\ntwo\nthree\nfour\nfive"
    mine = "ONE\ntwo\nthree (mine)\nfour\nfive"
    theirs = "one\ntwo\nthree (theirs)\nfour\nfive!"
    merged = merge_three(base, mine, theirs, theirs_by="ben")
    assert merged.conflicts == 1
    assert merged.text == "\n".join(
        [
            "ONE",
            "two",
            YOURS_MARKER,
            "three (mine)",
            MIDDLE_MARKER,
            "three (theirs)",
            f"{THEIRS_MARKER} (ben)",
            "four",
            "five!",
        ]
    )
    assert has_conflict_markers(merged.text)


def test_the_name_in_the_marker_stays_on_one_line():
    merged = merge_three("x", "mine", "theirs", theirs_by="ben\n>>>>>>> \x1b[31m")
    assert merged.text.splitlines()[-1] == f"{THEIRS_MARKER} (ben >>>>>>> ␛[31m)"


def test_without_a_base_shared_lines_appear_once_and_differences_are_marked():
    merged = merge_three(None, "A config push\nmine line", "A config push\ntheirs line")
    assert merged.text.count("A config push") == 1
    assert merged.conflicts == 1


@given(base=text, changed=text)
def test_when_only_one_side_changed_the_merge_is_that_side(base, changed):
    assert merge_three(base, changed, base) == merge_three(base, base, changed)
    assert merge_three(base, changed, base).text == changed
    assert merge_three(base, changed, base).conflicts == 0


@given(base=text, both=text)
def test_the_same_change_on_both_sides_merges_cleanly(base, both):
    merged = merge_three(base, both, both)
    assert (merged.text, merged.conflicts) == (both, 0)


@given(base=text, mine=text, theirs=text)
def test_no_line_either_side_added_is_lost(base, mine, theirs):
    merged = merge_three(base, mine, theirs)
    out = merged.text.split("\n")
    base_lines = set(base.split("\n"))
    for side in (mine, theirs):
        for added in set(side.split("\n")) - base_lines:
            assert added in out
    if merged.conflicts == 0:
        assert not has_conflict_markers(merged.text)
        assert MIDDLE_MARKER not in out and YOURS_MARKER not in out


@given(base=text, mine=text, theirs=text)
def test_changes_in_separate_places_combine_without_conflict(base, mine, theirs):
    # mine edits the top of the base, theirs the bottom, with a fixed line between
    top, bottom = f"{mine}\nSEPARATOR\n{base}", f"{base}\nSEPARATOR\n{theirs}"
    merged = merge_three(f"{base}\nSEPARATOR\n{base}", top, bottom)
    assert merged.conflicts == 0
    assert merged.text == f"{mine}\nSEPARATOR\n{theirs}"


def test_a_cursor_follows_its_text_through_someone_elses_change():
    from debrief.merge import follow_location

    old = "alpha beta\ngamma delta\nepsilon"
    assert follow_location(old, "intro\n" + old, (1, 6)) == (2, 6)
    assert follow_location(old, old.replace("gamma", "said gamma"), (1, 6)) == (1, 11)
    assert follow_location(old, old + " more", (1, 6)) == (1, 6)
    assert follow_location(old, "alpha beta\nepsilon", (1, 6)) == (1, 0)  # its line went
    assert follow_location("abc", "abcxyz", (0, 3)) == (0, 3)  # stays after what it followed


@given(old=text, row=st.integers(0, 9), column=st.integers(0, 12))
def test_an_unchanged_text_keeps_the_cursor_where_it_was(old, row, column):
    from debrief.merge import follow_location

    lines = old.split("\n")
    r = min(row, len(lines) - 1)
    assert follow_location(old, old, (row, column)) == (r, min(column, len(lines[r])))


@given(
    old=text,
    added=st.integers(1, 3),
    row=st.integers(0, 9),
    column=st.integers(0, 12),
)
def test_lines_added_above_move_the_cursor_down_by_as_many(old, added, row, column):
    from debrief.merge import follow_location

    lines = old.split("\n")
    r = min(row, len(lines) - 1)
    c = min(column, len(lines[r]))
    new = "\n".join([f"new line {i}" for i in range(added)] + lines)
    assert follow_location(old, new, (r, c)) == (r + added, c)
