"""Hostile Markdown never crashes the import and never reaches the terminal raw:
escape sequences, Rich markup, bidi controls, deep nesting, huge files, binary junk.

The fuzz run is derandomized (seeded), so it repeats exactly; DEBRIEF_FUZZ_EXAMPLES
raises the number of examples for a longer run.
"""

from __future__ import annotations

import json
import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debrief.importers.markdown import MAX_BYTES, MarkdownImportError, Setting, convert
from debrief.models import INPUT, Document
from debrief.template import load_template
from tests.hostile.conftest import one_sentence

EXAMPLES = int(os.environ.get("DEBRIEF_FUZZ_EXAMPLES", "60"))
fuzz = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
SETTING = Setting(load_template(), date(2026, 11, 30))

NASTY = [
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;https://evil.example\x07link\x1b]8;;\x07",
    "\x1b[2J\x1b[H",
    "[bold red]markup[/]",
    "[link=https://evil.example]x[/link]",
    "\u202eevil\u202c",
    "\u2066iso\u2069",
    "\r\x07\x08\x7f\x9b",
    "\ufeff",
    "&amp; &#x1b; &#0;",
    "<script>alert(1)</script>",
]
STAMPS = [
    "[03-26 23:04]",
    "**± 17:20 UTC:**",
    "2:54 PM PST:",
    "2025-13-45 99:99",
    "00:00",
    "9999-12-31 23:59",
    "1969-12-31 23:59 +14:00",
]
HEADINGS = [
    "Summary",
    "Timeline",
    "Action items",
    "Root cause",
    "Where we got lucky",
    "Attendees",
    "Apendix",
    "Other",
    "?",
]

text = st.one_of(st.sampled_from(NASTY), st.text(max_size=40))
line = st.builds(
    lambda parts: " ".join(parts), st.lists(st.one_of(text, st.sampled_from(STAMPS)), max_size=4)
)
heading = st.builds(
    lambda level, words: "#" * level + " " + words,
    st.integers(1, 7),
    st.one_of(st.sampled_from(HEADINGS), text),
)
item = st.builds(
    lambda depth, box, body: "  " * depth + "- " + box + body,
    st.integers(0, 30),
    st.sampled_from(["", "[ ] ", "[x] "]),
    line,
)
row = st.builds(
    lambda cells: "| " + " | ".join(cells) + " |",
    st.lists(st.one_of(line, st.sampled_from(STAMPS)), min_size=1, max_size=4),
)
table = st.builds(
    lambda head, rows: "\n".join([head, "| --- | --- |", *rows]), row, st.lists(row, max_size=5)
)
front = st.builds(
    lambda body: f"---\n{body}\n---",
    st.one_of(
        text,
        st.sampled_from(
            ["title: [x", "a: &a [*a, *a]\nb: *a", "- a\n- b", "date: 99999-01-01", "title: 1e999"]
        ),
    ),
)
block = st.one_of(
    heading, item, table, line, st.builds(lambda n: ">" * n + " deep", st.integers(1, 200))
)
document = st.builds(
    lambda head, blocks: "\n".join([head, *blocks]),
    st.one_of(st.just(""), front),
    st.lists(block, max_size=25),
)


def converted(source: str) -> Document | None:
    try:
        doc, report = convert(source, "fuzz.md", SETTING)
    except MarkdownImportError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    # what would be stored is valid as input from outside
    Document.model_validate(doc.model_dump(mode="json"), context=INPUT)
    assert report.file == "fuzz.md"
    return doc


@fuzz
@given(document)
def test_any_markdown_converts_or_is_refused_in_one_sentence(source):
    converted(source)


@fuzz
@given(st.binary(max_size=300))
def test_binary_junk_is_refused_or_read(data):
    from debrief.importers.markdown import decode

    try:
        source = decode(data, "junk.md")
    except MarkdownImportError as exc:
        assert "junk.md" in str(exc)
        return
    converted(source)


def test_deep_nesting_is_read_without_recursion(tmp_path):
    nested_lists = "\n".join("  " * depth + "- level" for depth in range(5000))
    quotes = ">" * 100_000 + " deep"
    for source in (f"## Action items\n\n{nested_lists}\n", f"## Timeline\n\n{quotes}\n"):
        converted(source)


def test_a_huge_file_is_refused_in_one_sentence(cli, tmp_path):
    path = tmp_path / "huge.md"
    path.write_bytes(b"## Summary\n\n" + b"x" * (MAX_BYTES + 1))
    result = cli("import", str(path))
    assert result.exit_code == 1 and one_sentence(result.stderr)
    assert "is larger than 2 MB" in result.stderr


def test_a_large_file_of_headings_and_entries_is_read(tmp_path):
    parts = [f"## Section {n}\n\n- 2025-01-01 10:{n % 60:02d} entry {n}\n" for n in range(20_000)]
    doc = converted("# Big\n\n## Timeline\n\n" + "".join(parts))
    assert doc is not None and doc.section("other") is not None


def test_imported_text_reaches_the_terminal_only_as_visible_placeholders(cli, tmp_path):
    nasty = "".join(NASTY)
    source = (
        '---\ntitle: "[bold red]T[/] \u202eevil"\nnote: "[link=x]y[/link]"\n---\n'
        f"# Title {nasty}\n\n## {nasty}\n\n{nasty}\n\n"
        f"## Timeline\n\n- 2025-01-01 10:00 {nasty}\n\n"
        f"## Action items\n\n- [ ] {nasty} (owner: @x)\n"
    )
    path = tmp_path / f"nasty{chr(0x202E)}.md"
    path.write_text(source, encoding="utf-8")
    for args in ([], ["--json"]):
        result = cli("import", str(path), *args)
        assert result.exit_code == 0, result.stderr
        for out in (result.stdout, result.stderr):
            assert "\x1b" not in out and "\u202e" not in out and "\x9b" not in out
    assert "[bold red]T[/]" in result.stdout  # markup shown as written, not applied
    (pm,) = json.loads(cli("list", "--json").stdout)
    shown = cli("list").stdout
    assert "\x1b" not in shown and "\u202e" not in shown and "[bold red]T[/]" in shown
    doc = json.loads(cli("export", pm["id"], "--format", "json").stdout)
    # stored exactly as written; only its display is neutralised
    assert any("\x1b[31mred" in s["body"] for s in doc["sections"])


def test_a_file_name_with_control_characters_is_shown_literally(cli, tmp_path):
    path = tmp_path / "bad\x1b[31mname.md"
    path.write_text("---\ntitle: [x\n---\n", encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 1 and "\x1b" not in result.stderr and "␛[31m" in result.stderr


def test_inputs_that_make_markdown_slow_to_read_are_read_in_one_pass():
    """Long runs of inline markup in one block are kept as written rather than read
    as Markdown (that reading grows with the square of a block's length)."""
    tildes = "## Action items\n\n- " + "~~a" * 300_000 + "\n"
    brackets = "## Timeline\n\n10:00 a" + "[" * 200_000 + "\n10:05 b\n"
    spaces = "## Timeline\n\n| Time | Event |\n|---|---|\n| " + " " * 200_000 + "x | y |\n"
    for source in (tildes, brackets, spaces):
        doc = converted(source)
        assert doc is not None
    (item,) = converted(tildes).actions  # type: ignore[union-attr]
    assert item.title.startswith("~~a~~a")
