"""Slack's markup as plain text."""

from __future__ import annotations

import pytest

from debrief.importers.slack_text import SlackText, unescape

TEXT = SlackText({"U1": "ana", "W2": "Bo Chen"}, {"C1": "inc-42"})


@pytest.mark.parametrize(
    ("raw", "text", "urls"),
    [
        ("plain words", "plain words", []),
        ("<@U1> and <@W2>", "@ana and @Bo Chen", []),
        ("<@U9|ghost> and <@U8>", "@ghost and @U8", []),
        ("<!here> <!channel> <!everyone>", "@here @channel @everyone", []),
        ("<!subteam^S1|@oncall> <!subteam^S2>", "@oncall @S2", []),
        ("<!date^1392734382^{date}|Feb 18, 2014>", "Feb 18, 2014", []),
        ("<#C1> <#C1|renamed> <#C9>", "#inc-42 #renamed #C9", []),
        ("<https://a.example/x|the dash>", "the dash", ["https://a.example/x"]),
        ("<https://a.example/x>", "https://a.example/x", ["https://a.example/x"]),
        ("<mailto:oncall@example.com|oncall@example.com>", "oncall@example.com", []),
        (
            "<https://a.example|one> <https://b.example|two>",
            "one two (https://b.example)",
            ["https://a.example", "https://b.example"],
        ),
        ("a &lt;b&gt; &amp;amp; c", "a <b> &amp; c", []),
        ("<https://g.example/?a=1&amp;b=2|p &amp; q>", "p & q", ["https://g.example/?a=1&b=2"]),
        ("[bold]not markup[/bold] \x1b[2J", "[bold]not markup[/bold] \x1b[2J", []),
        ("a <> b", "a <> b", []),
    ],
)
def test_convert(raw, text, urls):
    assert TEXT.convert(raw) == (text, urls)


def test_a_link_already_taken_by_a_file_keeps_every_url_in_the_text():
    text, urls = TEXT.convert("<https://a.example|one>", link="https://file.example/f")
    assert text == "one (https://a.example)" and urls == ["https://a.example"]
    text, _ = TEXT.convert("<https://file.example/f|shot>", link="https://file.example/f")
    assert text == "shot"


def test_unescape_decodes_only_slacks_three_escapes():
    assert unescape("&lt;&gt;&amp;&quot;") == "<>&&quot;"
