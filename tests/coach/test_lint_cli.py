"""`debrief lint (PATH | -) [--json]`: compiler-like output, JSON, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

DOC = "# Trigger\n\nThe pool shrank.\nLee should have paused the rollout.\n"


def test_lint_a_file_like_a_compiler(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "pm.md"
    path.write_text(DOC, encoding="utf-8")
    result = cli("lint", str(path))
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert line.startswith(f'{path}:4:1 counterfactual: "Lee should have paused" — ')
    assert " — try: " in line and line.endswith("?")
    assert result.stderr.strip() == "1 finding"


def test_lint_stdin_as_json(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("lint", "-", "--json", input="It was human error. Nobody checked the backups.")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert [f["category"] for f in findings] == ["human-error", "omission"]
    first = findings[0]
    for key in ("line", "column", "end_column", "text", "category", "message", "suggestion"):
        assert key in first
    assert (first["line"], first["column"], first["end_column"]) == (1, 8, 19)
    assert first["text"] == "human error"


def test_clean_text_exits_zero(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("lint", "-", input="The cache should expire entries after an hour.\n")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert json.loads(cli("lint", "-", "--json", input="Fine.").stdout) == []


def test_participants_from_the_option_and_the_export_header(cli) -> None:  # type: ignore[no-untyped-def]
    text = "Okafor caused the outage."
    assert cli("lint", "-", input=text).exit_code == 0
    assert cli("lint", "-", "--person", "Ben Okafor", input=text).exit_code == 1
    header = "| **Participants** | Ben Okafor (SRE) |\n\n"
    assert cli("lint", "-", input=header + text).exit_code == 1


def test_an_exported_post_mortem_lints(cli, store, demo_id) -> None:  # type: ignore[no-untyped-def]
    store.save_section(demo_id, "went-wrong", "Marcus should have paused the rollout.")
    exported = cli("export", demo_id, "--format", "md").stdout
    result = cli("lint", "-", "--json", input=exported)
    assert [f["text"] for f in json.loads(result.stdout)] == ["Marcus should have paused"]


def test_a_missing_file_is_one_sentence(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("lint", str(tmp_path / "nope.md"))
    assert result.exit_code == 2  # unreadable input, told apart from a finding (1)
    assert result.stderr.startswith("debrief: ") and len(result.stderr.splitlines()) == 1


def test_a_broken_user_rule_file_is_one_sentence(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "conf" / "config.toml"
    (config.parent / "rules").mkdir(parents=True)
    config.write_text("", encoding="utf-8")
    (config.parent / "rules" / "x.toml").write_text("[[rules]\n", encoding="utf-8")
    result = cli("--config", str(config), "lint", "-", input="fine")
    assert result.exit_code == 2
    assert "not valid TOML" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_directory_is_unreadable_input(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("lint", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith("debrief: ") and len(result.stderr.splitlines()) == 1


def test_bad_usage_exits_2_and_the_help_documents_the_codes(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("lint").exit_code == 2
    assert cli("lint", "-", "--no-such-option", input="x").exit_code == 2
    help_text = " ".join(cli("lint", "--help").stdout.split())
    assert "1 when something was found" in help_text and "2 for bad usage" in help_text


def test_a_non_ascii_participant_is_a_person_even_in_lower_case(cli) -> None:  # type: ignore[no-untyped-def]
    text = "ørjan caused the outage\n"
    assert cli("lint", "-", input=text).exit_code == 0
    result = cli("lint", "-", "--person", "Ørjan Ås", input=text)
    assert result.exit_code == 1
    assert '"ørjan caused"' in result.stdout
    # in chat, a lower-case name before a blame verb is a person without --person
    chat = cli("lint", "-", input="ørjan ignored the pager all night\n")
    assert chat.exit_code == 1 and '"ørjan ignored"' in chat.stdout
