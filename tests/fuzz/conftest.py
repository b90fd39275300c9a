"""One prepared database per session (the sample incident and an empty post-mortem);
each random run works on its own copy of it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fuzz.start_points import IMPORT_CSV, import_file


@pytest.fixture(scope="session")
def fuzz_template(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Path, dict[str, str]]]:
    from debrief.cli.documents import load_demo
    from debrief.store import Store
    from debrief.template import load_template
    from tests.conftest import NOW

    folder = tmp_path_factory.mktemp("fuzz-template")
    path = folder / "template.db"
    store = Store(path, author="tester", clock=lambda: NOW)
    try:
        sample = load_demo(store)
        empty = store.create_postmortem("Checkout errors after the deploy", load_template()).id
    finally:
        store.close()
    csv = folder / "timeline.csv"
    csv.write_text(IMPORT_CSV, encoding="utf-8")
    import_file["csv"] = csv
    yield path, {"sample": sample, "empty": empty}


@pytest.fixture(autouse=True)
def no_network_no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """A random run must not reach the network or open a browser."""
    import socket
    import webbrowser

    def refuse_connect(self: socket.socket, address: object) -> None:
        if self.family == socket.AF_UNIX:
            return original_connect(self, address)
        raise OSError(f"the fuzz tests allow no network (connect to {address!r})")

    original_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", refuse_connect)
    monkeypatch.setattr(webbrowser, "open", lambda *args, **kwargs: False)
