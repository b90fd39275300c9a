"""The place debrief uses what Textual 8.2.8 keeps private.

Textual offers no public way to do these, so they are done here and only here: an
upgrade that renames one fails in this module's tests (tests/misc/test_textual_adapter.py,
one per private use, and tests/misc/test_kept_styles.py for the stylesheet's parser)
rather than somewhere in a screen.
"""

from __future__ import annotations

import os
import pickle
import zlib
from collections.abc import Callable, Iterable, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.css.model import RuleSet
    from textual.css.tokenize import Token
    from textual.widgets import TextArea

Highlight: TypeAlias = tuple[int, int | None, str]
"""(start byte, end byte or None for the line's end, theme style name)."""


def line_highlights(editor: TextArea) -> MutableMapping[int, list[Highlight]]:
    """An editor's highlighted spans by row (a defaultdict(list)); the editor draws them
    with its theme's style of that name until its next edit rebuilds them.

    Redraw after changing them with `editor.notify_style_update()` (public), which
    drops the editor's cached lines.
    """
    return editor._highlights


class KeyHolder:
    """Mixed into a widget (a screen) before its Textual class: it can hold the key
    presses the app hands it, before its own handlers or any binding see them. While
    `holds_keys()`, each goes to `hold_key()` instead; give them back with `send_key`.
    A plain class, not a Widget, so the widget's default styles stay its own class's."""

    def holds_keys(self) -> bool:
        return False

    def hold_key(self, key: events.Key) -> None:
        """A key press held (see `holds_keys`)."""

    def _forward_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self.holds_keys():
            self.hold_key(event)
        else:
            super()._forward_event(event)  # type: ignore[misc]


def send_key(widget: Widget, key: events.Key) -> None:
    """Hand a key press to `widget` as the app hands one to the focused widget: its
    handlers, then the bindings up the focus chain. (A Key posted anew would not reach
    the app's bindings from here; the home screen gives the keys it held back this
    way, in order, to the table or the search field.)"""
    widget._forward_event(key)


def keep_parsed_styles(folder: Callable[[], Path]) -> None:
    """Keep what Textual's stylesheet parses (each widget's DEFAULT_CSS, each .tcss file)
    in `folder()` between runs, and read it back instead of parsing it again.

    Parsing is pure Python and took a fifth of a screen's start-up beyond a bare app's
    (35 ms for the 16,000 characters a post-mortem's screen uses); reading the parsed
    rules back takes a tenth of that. The stylesheet module's `parse` is wrapped: each
    source is kept under a name made from its text, its place and the theme's
    variables, and the file holds them too, so only the same source with the same
    variables is ever read back. A source with errors is never kept; a file that is
    damaged or not the user's own (debrief.kept.read_kept) is parsed again. Calling
    this again changes nothing."""
    from textual.css import model, styles, stylesheet

    if getattr(stylesheet.parse, "keeps_in", None) is not None:
        return
    try:  # Textual's own version is read from its package metadata: slower than parsing
        made = [os.stat(str(module.__file__)) for module in (model, styles, stylesheet)]
        textual_version = "-".join(f"{m.st_size:x}.{m.st_mtime_ns:x}" for m in made)
    except OSError:
        return
    parse = stylesheet.parse
    known: list[Any] = [None, ""]  # the variables last seen, and their digest

    def digest(variables: dict[str, list[Token]] | None) -> str:
        if known[0] is not variables:
            text = "\n".join(
                f"{name}:{' '.join(token.value for token in tokens)}"
                for name, tokens in sorted((variables or {}).items())
            ).encode("utf-8")
            known[:] = [variables, f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}"]
        return str(known[1])

    def parse_or_read(
        scope: str,
        css: str,
        read_from: tuple[str, str],
        variables: dict[str, str] | None = None,
        variable_tokens: dict[str, list[Token]] | None = None,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
    ) -> Iterable[RuleSet]:
        if variables is not None:  # not how the stylesheet calls it: leave it alone
            return parse(
                scope, css, read_from, variables, variable_tokens, is_default_rules, tie_breaker
            )
        from debrief.kept import keep, read_kept

        variables_seen = digest(variable_tokens)
        source = (scope, css, tuple(read_from), is_default_rules, tie_breaker, variables_seen)
        text = repr(source).encode("utf-8", "surrogatepass")
        name = f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}{len(css):x}.pickle"
        path = folder() / textual_version / name
        data = read_kept(path)
        if data is not None:
            try:
                kept_source, rules = pickle.loads(data)
                if kept_source == source and isinstance(rules, list):
                    return rules
            except Exception:  # a damaged or foreign file: parse again
                pass
        rules = list(
            parse(
                scope,
                css,
                read_from,
                variable_tokens=variable_tokens,
                is_default_rules=is_default_rules,
                tie_breaker=tie_breaker,
            )
        )
        if not any(rule.errors for rule in rules):
            if not path.parent.is_dir():
                _forget_other_versions(path.parent)
            keep(path, pickle.dumps((source, rules), protocol=pickle.HIGHEST_PROTOCOL))
        return rules

    parse_or_read.keeps_in = folder  # type: ignore[attr-defined]
    stylesheet.parse = parse_or_read  # type: ignore[assignment]


def _forget_other_versions(folder: Path) -> None:
    """Remove what was kept for other versions of Textual beside `folder`."""
    import shutil

    try:
        others = [other for other in folder.parent.iterdir() if other != folder]
    except OSError:
        return
    for other in others:
        shutil.rmtree(other, ignore_errors=True)
