"""False alarms a Markdown post-mortem used to raise: code, pasted chat and logs, quoted
words, lucky breaks, tracked action items and technical senses stay quiet, while the
prose around them is still read."""

from __future__ import annotations

from debrief.coach import lint

PROSE = "Ana broke the build.\n"
"""One blaming sentence after each fixture: the coach must still read what follows."""


def flagged(text: str) -> list[str]:
    return [f.text for f in lint(text)]


def test_indented_code_blocks_are_not_prose() -> None:
    for code in (
        "Notes.\n\n    lee: I should have paused it\n\n",
        "Notes.\n\n\tops: obviously human error\n\n",
        "- Restarted the pod:\n\n      lee: I should have paused it\n\n",
    ):
        assert flagged(code + PROSE) == ["Ana broke"], code


def test_html_pre_blocks_are_not_prose() -> None:
    for html in (
        '<pre class="log">\nops: obviously human error\n\nlee: I should have paused it\n</pre>\n\n',
        "<PRE>\nops: obviously human error\n</PRE>\n\n",
        "<details>\n<summary>chat</summary>\n<pre>\nops: obviously human error\n\n"
        "lee: I should have paused it\n</pre>\n</details>\n\n",
    ):
        assert flagged(html + PROSE) == ["Ana broke"], html


def test_an_unclosed_pre_inside_html_does_not_silence_the_rest() -> None:
    text = "<div>\n<pre>\nops: obviously human error\n\nLee should have paused it.\n"
    assert flagged(text) == ["Lee should have paused"]


def test_a_chat_log_pasted_as_a_block_quote_is_quiet_on_continuation_lines() -> None:
    chat = (
        "> [10:01] ana: the deploy is stuck\n>\n> [10:02] bob: obviously the cron\n"
        "again, Lee should have paused it\nlee: my bad, human error\n\n"
    )
    assert flagged(chat + PROSE) == ["Ana broke"]
    in_a_list = "- Chat:\n  > ana: obviously the cron\n  lee: my bad, human error\n\n"
    assert flagged(in_a_list + PROSE) == ["Ana broke"]


def test_an_unclosed_fence_does_not_silence_the_rest() -> None:
    for opener in ("Notes.\n\n~~~\nkubectl get pods\n\n", "- step\n  ```\n  kubectl\n\n"):
        assert flagged(opener + PROSE) == ["Ana broke"], opener


def test_quoted_speech_in_single_quotes_is_someone_elses_words() -> None:
    for text in (
        "He wrote 'my bad, human error' in the channel.",
        "She wrote 'I didn't escalate, my bad' in the channel.",
        "The ticket said 'Bob should've rolled back' and was closed.",
    ):
        assert flagged(text) == [], text
    assert flagged("Bob didn't escalate, and Ana's team wasn't told.") != []


def test_obviously_inside_pasted_chat_is_quiet() -> None:
    for chat in (
        "```\n[10:02] bob: obviously the cron did it\n```\n\n",
        "> [10:02] bob: obviously the cron did it\n\n",
        "<pre>\n[10:02] bob: obviously the cron did it\n</pre>\n\n",
    ):
        assert flagged(chat + PROSE) == ["Ana broke"], chat
    assert flagged("Obviously the cron did it.") != []


def test_nobody_noticed_in_a_where_we_got_lucky_list_is_luck() -> None:
    for lucky in (
        "### Where we got lucky\n\n* Nobody noticed the stale prices.\n"
        "* No one noticed the cache was cold.\n\n### Timeline\n\n",
        "**Where we got lucky**\n\n- Nobody noticed the stale prices for an hour.\n\n",
        "Where we got lucky:\n\n- nobody noticed the stale prices for an hour\n\n",
    ):
        assert flagged(lucky + PROSE) == ["Ana broke"], lucky
    assert flagged("### What went wrong\n\n- Nobody noticed the stale prices.\n") != []


def test_good_ensure_and_make_sure_action_items_pass() -> None:
    for items in (
        "| Item | Owner | Due |\n| --- | --- | --- |\n"
        "| Ensure the backup job pages #db-oncall on failure | Ana | 2026-12-15 |\n",
        "- Make sure the deploy script asks before touching prod. Owner: Lee. Due: 2026-12-10.\n",
        "- Ensure alerting in the sandbox clusters posts to a test Slack channel\n",
        "- Make sure that everybody gets emailed when the site goes down (DONE)\n",
        "- Add fluentd to the QA test suite. Ensure that logs from A to Z are covered\n",
        "- Revisit automatic pull requests to keep the site\n"
        "  up to date ([issue](https://example.com/org/repo/issues/42))\n",
    ):
        assert flagged("## Action items\n\n" + items) == [], items
    assert flagged("## Action items\n\n- Ensure this never happens again\n") != []
    assert flagged("## Action items\n\n- Make sure recovery steps are documented\n") != []


def test_lazy_loaded_user_error_and_execution_mode_are_technical() -> None:
    for text in (
        "The module is lazy-loaded on first use.",
        "Images are lazy loading now, and the module is lazily loaded.",
        "The API returns a 4xx user error when the payload is malformed.",
        "Clients got user error responses (HTTP 422) for an hour.",
        "The migration script started in the wrong execution mode.",
        "The job ran with the wrong flags after the config change.",
    ):
        assert flagged(text) == [], text
    assert flagged("The outage was caused by user error.") != []
    assert flagged("Lee ran the script in the wrong mode.") != []
