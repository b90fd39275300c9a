"""Completing people's names from anywhere in the name: "Souza" finds "Ana Souza".

Textual draws a completion as the rest of the typed text, so a name that starts with
what is typed is shown that way ("An" + "a Souza"). A name found further in is shown
after an arrow ("Souza → Ana Souza"); Tab or → fills in the name itself
(`CompletingInput.complete`), never the arrow text.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester

ARROW = " → "


class NameSuggester(Suggester):
    """Names matched from the start first, then at the start of a word, then anywhere."""

    def __init__(self, names: Iterable[str]) -> None:
        # case_sensitive: the suggestion is built from the text as typed; matching
        # itself ignores case
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = list(dict.fromkeys(n for n in names if n.strip()))

    def match(self, typed: str) -> str | None:
        """The name `typed` completes to, or None."""
        wanted = typed.strip().casefold()
        if not wanted:
            return None
        folded = [(name, name.casefold()) for name in self.names]
        for test in (
            lambda f: f.startswith(wanted),
            lambda f: any(word.startswith(wanted) for word in f.split()),
            lambda f: wanted in f,
        ):
            found = next((name for name, f in folded if test(f)), None)
            if found is not None:
                return found
        return None

    async def get_suggestion(self, value: str) -> str | None:
        name = self.match(value)
        if name is None or name.casefold() == value.casefold():
            return None
        if name.casefold().startswith(value.casefold()):
            return value + name[len(value) :]
        return f"{value}{ARROW}{name}"
