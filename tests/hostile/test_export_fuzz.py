"""Random text in every plain field of a document: the exports show it and nothing else.

For each example, the document with hostile fields and the same document with every
field replaced by a harmless word must render to the same elements, in the same
order, once the Markdown is read as GitHub-like renderers read it (raw HTML allowed):
the text can add no element, attribute or link. And each field's text, cleaned of
control characters, is there to read. The runs are derandomized, so they repeat;
`DEBRIEF_FUZZ_EXAMPLES` sets the examples per test (100 by default).
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debrief.links import is_link
from debrief.literal import clean
from debrief.models import ActionItem, Document, Participant, Postmortem, Section, TimelineEvent
from debrief.render_html import render_html
from debrief.render_markdown import render_markdown
from debrief.safe_markdown import destination
from tests.hostile.html_elements import ALLOWED_SCHEMES, markdown_as_github_reads_it, read_html

EXAMPLES = int(os.environ.get("DEBRIEF_FUZZ_EXAMPLES", "100"))
AT = datetime(2026, 11, 20, 14, 3, tzinfo=UTC)
JIRA = "https://jira.example"
PIECES = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!--", "-->", "<a href=x>",
    "javascript:alert(1)", "[x](javascript:alert(1))", "](", "![", "<https://a.example>",
    "&amp;", "&#60;", "&lt;", "**", "__", "~~", "`", "```", "$x$", "\\", "|", "# ", "> ", "- ",
    "1. ", "1) ", "+ ", "---", "===", "  ", "\t", "\n", "\r\n", "\x00", "\x1b[31m", "\x7f",
    "\x85", "\u2028", "\u202e", "\u2066", "\ufeff", "é", "日本", "http://b.example/(x)",
    "mailto:a@b.example", "www.c.example", ":smile:", "@channel", "#123",
]  # fmt: skip
plain = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(alphabet=st.sampled_from(list("<>&[]()*_`|#-+=!~$\\:;/\"' .1aZ\n\t")), max_size=6),
        st.text(max_size=4),
    ),
    max_size=6,
).map("".join)


@st.composite
def documents(draw: st.DrawFn) -> tuple[Document, list[str]]:
    """A document whose plain fields are all drawn; also the list of those fields."""
    fields: list[str] = []

    def field() -> str:
        value = draw(plain)
        fields.append(value)
        return value

    pm = Postmortem(
        id=field(),
        title=field(),
        severity=field(),
        classification=field(),
        services=[field(), field()],
        facilitator=field(),
        lead_investigator=field(),
        participants=[Participant(name=field(), role=field())],
        started_at=AT,
    )
    sections = [
        Section(key="impact", title=field(), body=""),
        Section(key="timeline", title="Timeline"),
        Section(key="action-items", title="Action items"),
        Section(key="if-we-have-time", title="If we have time"),
    ]
    link = draw(st.one_of(plain, st.sampled_from(["https://a.example/x(1)|y", "mailto:a@b.c"])))
    events = [
        TimelineEvent(at=AT, text=field(), source=field(), author=field(), link=link),
        TimelineEvent(at=AT, text=field(), source="manual", link=""),
    ]
    actions = [
        ActionItem(title=field(), owner=field(), due=date(2026, 12, 1), jira_key=field()),
        ActionItem(title=field(), aspirational=True),
    ]
    doc = Document(postmortem=pm, sections=sections, events=events, actions=actions)
    return doc, fields


def harmless(doc: Document) -> Document:
    """The same document with every plain field a word (blank fields stay as they are)."""

    def word(value: str) -> str:
        return "word" if clean(value, single_line=True) else value

    def link(value: str) -> str:
        if not value.strip():
            return value
        return "https://ok.example/" if is_link(value.strip()) else "word"

    pm = doc.postmortem
    return Document(
        postmortem=pm.model_copy(
            update={
                "id": word(pm.id),
                "title": word(pm.title),
                "severity": word(pm.severity),
                "classification": word(pm.classification),
                "services": [word(s) for s in pm.services],
                "facilitator": word(pm.facilitator),
                "lead_investigator": word(pm.lead_investigator),
                "participants": [Participant(name=word(p.name), role=word(p.role)) for p in pm.participants],
            }
        ),
        sections=[s.model_copy(update={"title": word(s.title)}) for s in doc.sections],
        events=[
            e.model_copy(
                update={
                    "text": word(e.text),
                    "source": word(e.source),
                    "author": word(e.author),
                    "link": link(e.link),
                }
            )
            for e in doc.events
        ],
        actions=[
            a.model_copy(update={"title": word(a.title), "owner": word(a.owner), "jira_key": word(a.jira_key)})
            for a in doc.actions
        ],
    )  # fmt: skip


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(documents())
def test_plain_fields_add_no_element_and_show_literally(drawn: tuple[Document, list[str]]) -> None:
    doc, fields = drawn
    markdown = render_markdown(doc, jira_url=JIRA)
    page = markdown_as_github_reads_it(markdown)
    expected = markdown_as_github_reads_it(render_markdown(harmless(doc), jira_url=JIRA))

    assert page.tags == expected.tags
    assert page.attributes == expected.attributes
    assert page.schemes() <= ALLOWED_SCHEMES
    for value in fields:
        assert clean(value, single_line=True) in page.text, value
    link = doc.events[0].link.strip()
    if is_link(link):
        assert destination(link) in page.targets
    elif link:
        assert clean(link, single_line=True) in page.text

    html = read_html(render_html(markdown, doc.postmortem.title))
    assert [
        t for t in html.tags if t not in ("html", "head", "meta", "title", "style", "body")
    ] == [t for t in expected.tags]
    assert html.schemes() <= ALLOWED_SCHEMES
    assert clean(doc.postmortem.title, single_line=True) in html.text


MARKDOWN_TAGS = {
    *[
        "p",
        "em",
        "strong",
        "code",
        "pre",
        "a",
        "img",
        "ul",
        "ol",
        "li",
        "blockquote",
        "hr",
        "br",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    ],
    *["h1", "h2", "h3", "h4", "h5", "h6", "s", "del"],
}
MARKDOWN_ATTRIBUTES = {"href", "src", "alt", "title", "class", "start", "style"}
body_text = st.lists(
    st.one_of(
        st.sampled_from(PIECES), st.sampled_from(["\n\n", "\n    ", "[r]: ", "<", ">"]), plain
    ),
    max_size=12,
).map("".join)


@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None)
@given(body_text)
def test_section_bodies_stay_markdown_without_html_or_unsafe_links(body: str) -> None:
    section = Section(key="impact", title="Impact", body=body)
    pm = Postmortem(id="PM-1", title="t")
    markdown = render_markdown(Document(postmortem=pm, sections=[section]))
    page = markdown_as_github_reads_it(markdown)

    assert set(page.tags) <= MARKDOWN_TAGS, page.tags
    assert set(page.attributes) <= MARKDOWN_ATTRIBUTES, page.attributes
    assert page.schemes() <= ALLOWED_SCHEMES, page.targets
    html = read_html(render_html(markdown, "t"))
    assert html.schemes() <= ALLOWED_SCHEMES
    if not set("<:&") & set(body):
        assert clean(body).strip() in markdown  # nothing to neutralise: left as written
