"""Context: what the coach reads, where its spans are, and who counts as a person."""

from __future__ import annotations

import itertools

from debrief.coach import lint
from debrief.coach.markdown import action_lines, people_in, prose


def flagged(text: str, **kwargs: object) -> list[str]:
    return [f.text for f in lint(text, **kwargs)]  # type: ignore[arg-type]


def test_spans_are_exact_with_lines_and_columns() -> None:
    text = "Impact was small.\nThen Lee should have paused the rollout.\n"
    [finding] = lint(text)
    assert text[finding.start : finding.end] == finding.text == "Lee should have paused"
    assert (finding.line, finding.column) == (2, 6)
    assert (finding.end_line, finding.end_column) == (2, 6 + len(finding.text))
    assert finding.category == "counterfactual"
    assert finding.message and finding.suggestion.endswith("?")


def test_a_span_may_cross_a_soft_line_break() -> None:
    [finding] = lint("It was the root cause: human\nerror, again.")
    assert finding.text == "human\nerror"
    assert (finding.line, finding.end_line, finding.end_column) == (1, 2, 6)


def test_code_block_quotes_and_urls_are_not_prose() -> None:
    text = (
        "```\nlee: I should have paused it\n```\n"
        "> 14:02 lee: my bad, human error\n"
        "The log said `worker should have stopped` here.\n"
        "See https://example.com/blame/who-broke-it and [notes](https://x.test/careless).\n"
        "<!-- the on-call was careless -->\n"
    )
    assert flagged(text) == []
    assert len(prose(text)) == len(text)


def test_indented_code_and_html_pre_blocks_are_not_prose() -> None:
    text = (
        "Intro.\n\n    lee: I should have paused it\n\n"
        "<pre>\nops: human error, obviously\n</pre>\n\nAna broke the build.\n"
    )
    assert flagged(text) == ["Ana broke"]
    [finding] = lint(text)
    assert (finding.line, finding.column) == (9, 1)


def test_a_quoted_chat_log_is_left_alone_on_every_line() -> None:
    text = "> 14:02 lee: my bad, human error\n14:03 sam: obviously the cron broke it\n\nDone.\n"
    assert flagged(text) == []
    assert flagged("> > nested: Bob broke it\n> plain: careless\n") == []


def test_an_unclosed_fence_does_not_silence_the_rest() -> None:
    text = "Notes.\n\n```sh\nkubectl get pods\n\nLater Ana broke the build.\n"
    [finding] = lint(text)
    assert (finding.text, finding.line, finding.column) == ("Ana broke", 6, 7)
    closed = "```\nBob broke it\n```\nAna broke the build.\n"
    assert flagged(closed) == ["Ana broke"]
    nested = "> ```\n> Bob broke it\n> ```\n\nAna broke the build.\n"
    assert flagged(nested) == ["Ana broke"]


def test_many_unclosed_fences_are_all_text() -> None:
    text = "".join(f"```x{i}\n" for i in range(50)) + "Ana broke the build.\n"
    assert flagged(text) == ["Ana broke"]
    assert len(prose(text)) == len(text)


def test_quoted_words_under_discussion_are_left_alone() -> None:
    assert flagged('Avoid "human error" as a root cause.') == []
    assert flagged("They said “someone made a mistake” and we moved on.") == []


def test_good_redirect_questions_are_left_alone() -> None:
    assert flagged("What could have been done differently, given the information available?") == []
    assert flagged("How did the alert read to the responder?") == []
    assert flagged("What should the on-call have seen first?") == []


def test_statements_about_systems_are_left_alone() -> None:
    assert flagged("Without the retry budget the workers would have exhausted the pool.") == []
    assert flagged("The cache should expire entries after an hour.") == []
    assert flagged("Postgres ignored the setting until the restart.") == []


def test_participants_sharpen_naming() -> None:
    text = "Okafor caused the outage."  # "caused" is said of systems too
    assert flagged(text) == []
    assert flagged(text, people=("Ben Okafor",)) == ["Okafor caused"]
    # wording only people do names a person even when nobody is listed
    assert flagged("Okafor broke the staging build.") == ["Okafor broke"]


def test_one_finding_per_span() -> None:
    findings = lint("Obviously Lee should have known better, it was a stupid disaster.")
    starts = [f.start for f in findings]
    assert starts == sorted(starts)
    for a, b in itertools.pairwise(findings):
        assert a.end <= b.start


def test_vague_action_items_only_where_items_are() -> None:
    doc = (
        "## What didn't go well\n\n- Investigate took an hour of the call.\n\n"
        "## Action items\n\n- Investigate the pool settings\n- Add an alert on pool wait\n"
        "- Document rollover. Ensure logs are covered\n\n## Timeline\n\n- Investigate began\n"
    )
    assert flagged(doc) == ["Investigate", "Ensure"]
    assert [f.line for f in lint(doc)] == [7, 9]
    assert flagged("Look into the retry storm", actions=True) == ["Look into"]
    assert flagged("Look into the retry storm") == []
    assert flagged("| Make sure the canary gets traffic | Ben |", actions=True) == ["Make sure"]
    # an item with an owner and a date is tracked work, whatever its first word
    assert flagged("| Make sure the canary gets traffic | Ben | 2026-01-01 |", actions=True) == []


def test_an_investigation_that_names_its_subject_is_an_action() -> None:
    assert flagged("Investigate the pool settings", actions=True) == ["Investigate"]
    for item in (
        "Investigate grafana-agent memory usage",
        "Consider pushing node logs to Loki with limited retention",
        "Look into if this is also an issue in Traefik 2.X",
        "Investigate missing node metrics/logs",
    ):
        assert flagged(item, actions=True) == [], item


def test_vague_action_items_anywhere_and_good_ones_pass() -> None:
    assert flagged("We need to improve our tests.") == ["We need to improve our"]
    assert flagged("Do better next time.") == ["Do better"]
    assert flagged("Lessons: be more careful with prod.") != []
    assert flagged("Ensure this never happens again.") != []
    good = "Ensure the backup job pages #db-oncall on failure (owner: Ana, due 2026-12-15)."
    assert flagged(good) == []
    assert flagged("Make sure the deploy script asks before touching prod (@lee, by Dec 10).") == []


def test_people_outside_the_built_in_list() -> None:
    assert flagged("Kasia deployed it without asking anyone.") != []
    assert flagged("tomasz didnt escalate even though he was paged") != []
    assert flagged("The flag was flipped without review by Priyanka.") != []
    assert flagged("Søren's change broke the login.", people=("Søren Kierkegaard",)) != []
    assert flagged("The night shift ignored the disk alerts.") != []
    assert flagged("Infra pushed a change without telling anyone.") != []
    # systems and a lowercase sentence about a system stay quiet
    assert flagged("The flag was flipped by the automation at noon.") == []
    assert flagged("billing broke after the upgrade") == []
    assert flagged("Kubernetes missed the liveness deadline on three pods.") == []


def test_idioms_verdicts_and_chat_spellings() -> None:
    for text in (
        "Honestly this one is on Marek.",
        "He dropped the ball on the handover.",
        "That was a rookie mistake.",
        "He's not cut out for on-call.",
        "An engineer accidentally deleted the namespace.",
        "Someone fat-fingered the IP range.",
        "The operator typed the wrong hostname.",
        "She forgot she was connected to production.",
        "Kasia could of stopped it.",
        "they shouldve rolled back right away",
        "In hindsight it's clear the warning was there.",
        "The spike was impossible to miss.",
        "How could you miss the alert?",
        "Who thought it was a good idea to deploy on Friday?",
        "why didnt you escalate",
    ):
        assert flagged(text) != [], text


def test_technical_senses_and_quoted_words_stay_quiet() -> None:
    for text in (
        "The module is lazy-loaded on first use.",
        "The API answers 400 with user error details when the payload is malformed.",
        "The script ran in the wrong execution mode.",
        "He wrote 'my bad, human error' in the channel.",
        "We got lucky: nobody noticed the stale prices.",
        "This is one of the most overlooked failure modes.",
        "Be careful: the restore script overwrites the target database.",
        "The new engineer was on their second on-call shift.",
    ):
        assert flagged(text) == [], text


def test_action_lines_follow_headings_and_labels() -> None:
    text = "# PM\n## Action Items\n- a\n| b | c |\n|---|---|\n### Detail\n- d\n## Next\n- e\n"
    assert action_lines(text) == {2, 3, 6}
    assert action_lines("Action items:\n- a\n- b\n\nLater text\n- c\n") == {1, 2}


def test_people_are_read_from_an_exported_header() -> None:
    header = (
        "| **Facilitator** | Priya Raman |\n"
        "| **Participants** | Priya Raman (facilitator), Ben Okafor (SRE) |\n"
    )
    assert people_in(header) == ["Priya Raman", "Priya Raman", "Ben Okafor"]


def test_curly_apostrophes_and_contractions() -> None:
    assert flagged("Lee shouldn’t have deployed on Friday.") == ["Lee shouldn’t have deployed"]
    assert flagged("Why didn’t anyone check?") == ["Why didn’t anyone"]


def test_empty_and_odd_text() -> None:
    assert lint("") == []
    assert lint("\n\n```\n") == []
    assert lint("İstanbul team should have waited.")  # lower() changes the length here
