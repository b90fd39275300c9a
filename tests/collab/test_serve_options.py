"""`debrief serve`'s options and `[serve]` settings: one sentence for each mistake."""

from __future__ import annotations

import pytest

from debrief.serve_guard import is_loopback, origin_of, own_origins


def test_a_host_open_to_the_network_is_named_in_one_warning_line(cli):
    result = cli("serve", "--host", "0.0.0.0", "--port", "8123", "--public-url", "nowhere")
    warning, error = result.stderr.splitlines()
    assert warning == (
        "warning: debrief serve listens on 0.0.0.0: anyone who can reach port 8123 "
        "can use the app and every post-mortem in its database"
    )
    assert error == "debrief: 'nowhere' is not a public URL like https://debrief.example.com"
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("config", "said"),
    [
        ('allowed_origins = ["proxy.example"]', "[serve] allowed_origins: 'proxy.example' is not"),
        ('import_root = "/no/such/folder"', "[serve] import_root /no/such/folder is not a folder"),
        ("max_sessions = 0", "is invalid at serve.max_sessions"),
    ],
)
def test_bad_serve_settings_stop_it_with_one_sentence(cli, tmp_path, config, said):
    path = tmp_path / "config.toml"
    path.write_text(f"[serve]\n{config}\n", encoding="utf-8")
    result = cli("--config", str(path), "serve", "--port", "8123")
    assert result.exit_code == 1 and said in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "warning" not in result.stderr


def test_origins_are_compared_as_browsers_write_them():
    assert origin_of("HTTPS://Debrief.Example.com:443/some/page") == "https://debrief.example.com"
    assert origin_of("http://[::1]:8000") == "http://[::1]:8000"
    assert origin_of("null") is None and origin_of("http://user:pw@host") is None
    assert own_origins("https://debrief.example.com", "0.0.0.0", 8000) == {
        "https://debrief.example.com"
    }
    assert "http://localhost:8000" in own_origins("http://127.0.0.1:8000", "127.0.0.1", 8000)
    assert [is_loopback(h) for h in ("127.0.0.1", "::1", "localhost", "0.0.0.0", "10.0.0.2")] == [
        True,
        True,
        True,
        False,
        False,
    ]


def test_serve_hands_a_database_url_to_its_sessions_through_the_environment(cli, monkeypatch):
    """A URL may hold a password; command lines are readable by every user of the host."""
    import os

    seen: dict[str, object] = {}

    def serve(command: list[str], host: str, port: int, settings: object) -> None:
        seen.update(command=command, db=os.environ.get("DEBRIEF_DB"))

    monkeypatch.setattr("debrief.app.serve_in_browser", serve)
    url = "postgresql://ana:s3cret@db.internal/debrief"
    assert cli("--db", url, "serve", "--port", "8123").exit_code == 0
    assert not any("s3cret" in part for part in seen["command"])  # type: ignore[attr-defined]
    assert seen["db"] == url
