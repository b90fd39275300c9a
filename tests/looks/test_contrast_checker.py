"""The contrast checker itself, on tiny hand-made Rich exports with known colours."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.text import Text

from tests.looks.contrast import contrast_ratio, relative_luminance, text_runs, worst


def export(*lines: Text, width: int = 30) -> str:
    console = Console(
        width=width,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    for line in lines:
        console.print(line)
    return console.export_svg(title="t")


def test_the_wcag_formula_on_known_pairs():
    assert relative_luminance("#000000") == 0.0
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffff00", "#ffffff") == pytest.approx(1.07, abs=0.01)
    assert contrast_ratio("#123456", "#123456") == 1.0


def test_each_run_gets_its_own_foreground_and_the_background_under_it():
    svg = export(
        Text.assemble(("black", "#000000 on #ffffff"), " ", ("grey", "#777777 on #ffffff")),
        Text("yellow on white", style="#ffff00 on #ffffff"),
        Text("plain"),
    )
    runs = {run.text: run for run in text_runs(svg)}
    assert set(runs) == {"black", "grey", "yellow on white", "plain"}
    assert (runs["black"].fg, runs["black"].bg) == ("#000000", "#ffffff")
    assert runs["black"].ratio == pytest.approx(21.0)
    assert (runs["grey"].row, runs["grey"].col) == (0, 6)
    assert runs["grey"].ratio == pytest.approx(4.48, abs=0.01)
    assert runs["yellow on white"].row == 1
    assert runs["yellow on white"].ratio == pytest.approx(1.07, abs=0.01)
    # No background of its own: the terminal's (Rich's export theme: #292929).
    assert runs["plain"].bg == "#292929"
    assert [run.text for run in worst(list(runs.values()), 2)] == ["yellow on white", "grey"]


def test_reverse_swaps_and_invisible_text_is_caught():
    svg = export(
        Text("swapped", style="reverse #ff0000 on #0000ff"),
        Text(" hidden ", style="#336699 on #336699"),
    )
    runs = {run.text: run for run in text_runs(svg)}
    assert (runs["swapped"].fg, runs["swapped"].bg) == ("#0000ff", "#ff0000")
    assert runs["hidden"].ratio == 1.0
    assert runs["hidden"].col == 1


def test_columns_count_cells_not_characters_and_blank_runs_are_skipped():
    svg = export(
        Text.assemble(
            ("日本", "#ffffff on #000000"), ("   ", "on #ff0000"), ("x", "#000000 on #00ff00")
        )
    )
    runs = text_runs(svg)
    assert [(run.text, run.col) for run in runs] == [("日本", 0), ("x", 7)]
    assert runs[1].bg == "#00ff00"
