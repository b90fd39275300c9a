"""The one link check, the one URL redaction, and section bodies kept as Markdown."""

from __future__ import annotations

import pytest

from debrief.links import LinkError, check_link, is_safe_target
from debrief.redact import redact_url
from debrief.safe_markdown import body, link, text, ticket
from tests.hostile.html_elements import markdown_as_github_reads_it


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://user:tok@jira.example:8443/jira", "https://***@jira.example:8443/jira"),
        ("https://hooks.slack.com/services/T01/B02/abcSECRET", "https://hooks.slack.com/services/***"),
        ("https://x.example/a?token=abc&page=2&sig=zz", "https://x.example/a?token=***&page=2&sig=***"),
        ("https://x.example/a?api_key=1#access_token=2", "https://x.example/a?api_key=***#***"),
        ("https://jira.example", "https://jira.example"),
        ("https://a@b@jira.example/x", "https://***@jira.example/x"),
        ("http://[::1/services/x", "(a URL that cannot be read)"),
        ("https://jira.example/\x1b[2J", "https://jira.example/␛[2J"),
        ("", ""),
    ],
)  # fmt: skip
def test_redact_url(url: str, shown: str) -> None:
    assert redact_url(url) == shown


@pytest.mark.parametrize(
    "url",
    [
        "https://a.example\n[x](javascript:alert(1))",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>",
        "https://a.example/x y",
        "https://a.example/\u202ex",
        "https:/a.example",
        "mailto:",
        "//a.example/x",
        "x" * 3000,
    ],
)
def test_check_link_refuses_in_one_sentence(url: str) -> None:
    with pytest.raises(LinkError) as refused:
        check_link(url)
    assert "\n" not in str(refused.value) and len(str(refused.value)) < 200


def test_check_link_accepts_and_trims() -> None:
    assert check_link("  https://a.example/x?y=(1)  ") == "https://a.example/x?y=(1)"
    assert check_link("mailto:oncall@example.com") == "mailto:oncall@example.com"
    assert check_link("") == ""


@pytest.mark.parametrize(
    ("target", "safe"),
    [
        ("https://a", True),
        ("#anchor", True),
        ("runbooks/db.md", True),
        ("java\tscript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:image/png;base64,AA", False),
        ("vbscript:x", False),
    ],
)
def test_safe_targets_for_links_in_section_bodies(target: str, safe: bool) -> None:
    assert is_safe_target(target) is safe


def test_plain_text_is_escaped_readably() -> None:
    assert text("Data & analysis: p99 > 2s") == "Data & analysis: p99 \\> 2s"
    assert text("<b>&amp;</b>") == "&lt;b\\>&amp;amp;&lt;/b\\>"
    assert text("# 1. a | b #") == "\\# 1. a \\| b \\#"
    assert text("1. first") == "1\\. first"
    assert text("line\nbreak\u202e") == "line break⟨U+202E⟩"


def test_links_and_tickets() -> None:
    assert (
        link("graph", "https://g.example/d?a=(1)|2") == "[graph](https://g.example/d?a=%281%29%7C2)"
    )
    assert link("x", "javascript:alert(1)") == "x \\(link: javascript:alert\\(1\\)\\)"
    assert (
        ticket("OPS-1", "https://bot:tok@jira.example/")
        == "[OPS-1](https://jira.example/browse/OPS-1)"
    )
    assert ticket("OPS-1", "not a url") == "OPS-1"


def test_bodies_keep_their_markdown_and_code_as_written() -> None:
    written = (
        "Intro with **bold**, a [runbook](https://r.example/db) and `<div>` in code.\n\n"
        "```html\n<script>kept as code</script>\n```\n\n"
        "    <b>indented code</b>\n\n"
        "- item <https://a.example>"
    )
    assert body(written) == written


def test_bodies_lose_raw_html_and_unsafe_links_only() -> None:
    written = (
        "Intro <img src=x onerror=alert(1)> and `<b>` [x](javascript:alert(1)) [ok](#a)\n\n"
        "<div>\n[y](java&#115;cript:alert(2))\n</div>\n\n"
        "[r]: data:text/html,x\n\n[r] <javascript:alert(3)>"
    )
    page = markdown_as_github_reads_it(body(written))
    assert page.tags.count("a") == 1 and page.targets == ["#a"]
    assert "img" not in page.tags and "div" not in page.tags
    assert "code" in page.tags  # the code span is still code
    assert "<img src=x onerror=alert(1)>" in page.text
