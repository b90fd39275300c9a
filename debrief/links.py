"""Which links debrief accepts: the one check for an evidence link or a link in a document.

An event's link is evidence: an http, https or mailto URL on one line. Anything else
(`javascript:`, `data:`, a URL with a space, a newline or a control character in it)
is refused where it enters (the CLI, the event form, an import), and a bad link already
in an older database is shown as text, never as a link.
"""

from __future__ import annotations

import re

SCHEMES = ("http", "https", "mailto")
LIMIT = 2000

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_UNSAFE_CHAR = re.compile(r"[\x00-\x20\x7f-\x9f\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
"""Whitespace (any), control characters, zero-width and bidi formatting characters."""
_BROWSER_IGNORES = re.compile(r"[\x00-\x20\x7f]")
"""What browsers strip or skip in a URL before reading its scheme (`java\tscript:`)."""


class LinkError(ValueError):
    """A link that is refused; the message is one sentence saying why."""


def check_link(url: str) -> str:
    """`url` without surrounding blanks if it is an acceptable evidence link ("" stays "");
    LinkError (one sentence, the link shown safely) otherwise."""
    url = url.strip()
    if not url:
        return ""
    reason = link_problem(url)
    if reason:
        raise LinkError(f"the link {_shown(url)} {reason}")
    return url


def link_problem(url: str) -> str:
    """Why `url` is not an acceptable link ("" when it is)."""
    if len(url) > LIMIT:
        return f"is longer than {LIMIT} characters"
    if _UNSAFE_CHAR.search(url):
        return "holds a space, a line break or a control character; links are one URL on one line"
    match = _SCHEME.match(url)
    scheme = match.group(1).lower() if match else ""
    if scheme not in SCHEMES:
        return "is not an http, https or mailto URL"
    rest = url[match.end() :] if match else ""
    if scheme in ("http", "https") and not re.match(r"//[^/?#]", rest):
        return "has no host (write it as https://host/...)"
    if scheme == "mailto" and not rest:
        return "has no address after mailto:"
    return ""


def is_link(url: str) -> bool:
    """True when `url` may be shown as a link (an acceptable evidence link)."""
    return bool(url) and not link_problem(url)


def is_safe_target(url: str) -> bool:
    """True when a link written in a section's Markdown may stay a link: http, https,
    mailto, or no scheme at all (`#anchor`, `runbooks/db.md`). `url` is the destination
    as a renderer reads it (entities and escapes already decoded)."""
    bare = _BROWSER_IGNORES.sub("", url)
    match = _SCHEME.match(bare)
    if match is None:
        return ":" not in bare.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return match.group(1).lower() in SCHEMES


def _shown(url: str) -> str:
    from debrief.literal import clean
    from debrief.redact import UNREADABLE, redact_url

    shown = redact_url(url)
    if shown == UNREADABLE:
        shown = clean(url, single_line=True)
    return repr(shown if len(shown) <= 80 else shown[:77] + "...")
