"""`debrief serve` without the serve extra says how to get it, in one sentence."""

from __future__ import annotations

import sys


def test_serve_without_textual_serve_names_the_extra(cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "textual_serve", None)  # as if not installed
    result = cli("serve", "--port", "8765")
    assert result.exit_code == 1
    assert result.stderr == (
        "debrief: debrief serve needs the serve extra: pip install 'debrief[serve]' "
        "(with pipx: pipx inject debrief textual-serve)\n"
    )
