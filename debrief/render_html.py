"""A standalone, printable HTML page from the Markdown document.

markdown-it-py (already a dependency of Textual) does the conversion, with raw
HTML disabled so that nothing a user typed becomes markup, and links kept only when
they lead to an http, https or mailto URL or a relative one (never `javascript:` or
`data:`).
"""

from __future__ import annotations

from html import escape

from debrief.links import is_safe_target
from debrief.literal import clean

_STYLE = """
body { font: 15px/1.5 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
h1 { border-bottom: 2px solid #d0d7de; padding-bottom: .3rem; }
h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
code { background: #f6f8fa; padding: .1rem .3rem; border-radius: 4px; }
pre { background: #f6f8fa; padding: .8rem; overflow-x: auto; }
blockquote { color: #57606a; border-left: 4px solid #d0d7de; margin: 0; padding: 0 1rem; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def render_html(markdown: str, title: str) -> str:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    md.enable("strikethrough")
    md.validateLink = is_safe_target  # type: ignore[method-assign]
    body = md.render(markdown)
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(clean(title, single_line=True), quote=True)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<style>{_STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
