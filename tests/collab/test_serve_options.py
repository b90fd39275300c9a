"""`debrief serve`'s options and `[serve]` settings: one sentence for each mistake."""

from __future__ import annotations

import pytest

from debrief.serve_guard import is_loopback, origin_of, own_origins


def free_port() -> str:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return str(s.getsockname()[1])


TOKEN = "c0ffee-and-a-long-enough-secret"


@pytest.fixture
def served(monkeypatch):  # type: ignore[no-untyped-def]
    """What `debrief serve` would serve, recorded instead of served."""
    import os

    seen: dict[str, object] = {}

    def serve_on(server, sock) -> None:  # type: ignore[no-untyped-def]
        seen.update(server=server, address=sock.getsockname(), db=os.environ.get("DEBRIEF_DB"))
        sock.close()

    monkeypatch.setattr("debrief.serve_guard.GuardedServer.serve_on", serve_on)
    return seen


def test_a_host_beyond_loopback_without_a_token_is_refused_in_one_sentence(cli, served):
    result = cli("serve", "--host", "0.0.0.0", "--port", "8123")
    assert result.exit_code == 1 and not served
    assert result.stderr == (
        "debrief: debrief serve listens on 0.0.0.0, beyond this machine, only with a "
        "sign-in token: give --token, DEBRIEF_SERVE_TOKEN or [serve] token\n"
    )


def test_a_short_token_is_refused(cli, served):
    result = cli("serve", "--token", "1234", "--port", "8123")
    assert result.exit_code == 1 and not served
    assert "the serve token must be at least 16 characters" in result.stderr


@pytest.mark.parametrize(
    "how",
    [
        ("--token", TOKEN),
        ("--config", "with-token"),
    ],
)
def test_with_a_token_it_listens_beyond_loopback_and_says_to_use_tls(cli, served, tmp_path, how):
    args = list(how)
    if how[0] == "--config":
        path = tmp_path / "config.toml"
        path.write_text(f'[serve]\ntoken = "{TOKEN}"\n', encoding="utf-8")
        args = ["--config", str(path)]
        result = cli(*args, "serve", "--host", "0.0.0.0", "--port", free_port())
    else:
        result = cli("serve", "--host", "0.0.0.0", "--port", free_port(), *args)
    assert result.exit_code == 0, result.stderr
    assert served["server"].signin.token == TOKEN  # type: ignore[attr-defined]
    assert result.stderr.startswith("warning: the token and every session cross the network")
    assert TOKEN not in result.stdout + result.stderr


def test_the_environment_gives_the_token_too(cli, served, monkeypatch):
    monkeypatch.setenv("DEBRIEF_SERVE_TOKEN", TOKEN)
    result = cli(
        "serve", "--host", "0.0.0.0", "--port", free_port(), "--public-url", "https://d.example"
    )
    assert result.exit_code == 0 and result.stderr == ""  # behind TLS: nothing to warn of
    assert served["server"].signin.token == TOKEN  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("config", "said"),
    [
        ('allowed_origins = ["proxy.example"]', "[serve] allowed_origins: 'proxy.example' is not"),
        ('import_root = "/no/such/folder"', "[serve] import_root /no/such/folder is not a folder"),
        ("max_sessions = 0", "is invalid at serve.max_sessions"),
        ('user_header = "X-User: admin"', "[serve] user_header 'X-User: admin' is not a header"),
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


def test_serve_hands_a_database_url_to_its_sessions_through_the_environment(cli, served):
    """A URL may hold a password; command lines are readable by every user of the host."""
    url = "postgresql://ana:s3cret@db.internal/debrief"
    assert cli("--db", url, "serve", "--port", free_port()).exit_code == 0
    assert "s3cret" not in served["server"].command  # type: ignore[attr-defined]
    assert served["db"] == url
