"""The config file is checked: one sentence per mistake, a warning naming the closest
valid key for a typo, secrets never shown, and README's reference made from the same
description."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

from debrief.binding_ids import BINDING_IDS
from debrief.config import Config, ConfigError, JiraConfig, load_config
from scripts.config_reference import README, block, in_readme


def config_with(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ('usr = "Priya"\n', "unknown key 'usr' ignored (did you mean 'user'?)"),
        (
            '[jira]\ntokn = "s3cret"\n',
            "unknown key 'jira.tokn' ignored (did you mean 'jira.token'?)",
        ),
        (
            '[keymap]\nnext-sectoin = "ctrl+down"\n',
            "unknown binding id 'next-sectoin' in [keymap] ignored (did you mean 'next-section'?)",
        ),
        ('colour = "red"\n', "unknown key 'colour' ignored (no such setting)"),
    ],
)
def test_an_unknown_key_is_one_warning_naming_the_closest_valid_one(tmp_path, text, warning):
    path = config_with(tmp_path, text)
    config = load_config(path, env={})
    assert config.warnings == [f"config file {path}: {warning}"]
    assert "s3cret" not in " ".join(config.warnings)


def test_the_command_line_prints_the_warning_and_goes_on(cli, tmp_path):
    path = config_with(tmp_path, 'usr = "Priya"\ntheme = "textual-light"\n')
    result = cli("--config", str(path), "list")
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: config file {path}: unknown key 'usr' ignored (did you mean 'user'?)\n"
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("user = 3\n", "is invalid at user: it must be text in quotes"),
        ("[serve]\nmax_sessions = 0\n", "at serve.max_sessions: it must be a whole number from 1"),
        ("[jira]\ntimeout = -1\n", "at jira.timeout: it must be a number greater than 0"),
        ("[jira]\ntimeout = true\n", "at jira.timeout: it must be a number greater than 0"),
        ("classifications = [1]\n", "at classifications: it must be a list of texts"),
        ('jira = "x"\n', "at jira: it must be a [jira] table"),
        ("[keymap]\nhelp = 1\n", "at keymap: it must be a [keymap] table of texts"),
        ('[jira]\ntoken = 5\nurl = "https://x"\n', "at jira.token: it must be text in quotes"),
    ],
)
def test_a_value_that_cannot_be_used_is_one_sentence_naming_the_key(tmp_path, text, said):
    path = config_with(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    message = str(caught.value)
    assert message.startswith(f"config file {path} ") and said in message
    assert "\n" not in message


def test_values_and_secrets_come_through(tmp_path):
    path = config_with(
        tmp_path,
        'theme = "textual-light"\nclassifications = ["security"]\n'
        '[jira]\ntoken = "s3cret"\ntimeout = 5\nusers = { "Ana Souza" = "abc" }\n'
        '[keymap]\nnext-section = "ctrl+down"\n',
    )
    config = load_config(path, env={"DEBRIEF_SLACK_WEBHOOK": "https://hooks.example/x"})
    assert config.theme == "textual-light" and config.classifications == ["security"]
    assert config.jira.timeout == 5.0 and config.jira.users == {"Ana Souza": "abc"}
    assert config.jira.token.get_secret_value() == "s3cret"
    assert config.slack.webhook.get_secret_value() == "https://hooks.example/x"
    assert "s3cret" not in repr(config) and "s3cret" not in str(config.jira.token)
    assert config.keymap == {"next-section": "ctrl+down"} and config.warnings == []
    assert Config().jira == JiraConfig() and Config().serve.max_sessions == 8


def test_readme_reference_is_made_from_the_settings_description():
    assert in_readme(README.read_text("utf-8")) == block(), (
        "run: python scripts/config_reference.py --write"
    )


def test_the_known_binding_ids_are_the_ones_the_screens_define():
    from textual.binding import Binding
    from textual.dom import DOMNode

    import debrief.app
    import debrief.screens
    import debrief.widgets

    modules = [debrief.app]
    for package in (debrief.screens, debrief.widgets):
        for found in pkgutil.iter_modules(package.__path__):
            modules.append(importlib.import_module(f"{package.__name__}.{found.name}"))
    ids = set()
    for module in modules:
        for thing in vars(module).values():
            if not (inspect.isclass(thing) and issubclass(thing, DOMNode)):
                continue
            for binding in thing.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.id:
                    ids.add(binding.id)
            ids |= {c.id for c in thing.__dict__.get("COMMAND_LIST", None) or [] if c.id}
    assert ids == set(BINDING_IDS), "keep debrief/binding_ids.py equal to the screens' ids"


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_f1_shows_each_keys_id_and_the_key_the_config_gave_it(store, demo_id, size):
    from debrief.app import DebriefApp
    from debrief.screens.help_screen import HelpScreen
    from tests.screens.helpers import screen_text

    config = Config(keymap={"next-section": "f12"})
    app = DebriefApp(store=store, config=config, pm_id=demo_id)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f1")
        await pilot.pause(0.3)
        assert isinstance(app.screen, HelpScreen)
        lines = screen_text(app).splitlines()
        at = next(n for n, line in enumerate(lines) if "Next section" in line)
        assert "f12" in lines[at] and "next-section" in lines[at + 1]
        assert any("previous-section" in line for line in lines)


def test_settings_are_made_by_name_compared_by_value_and_shown_without_secrets() -> None:
    from dataclasses import replace

    from debrief.config import ServeConfig
    from debrief.config_check import Secret

    first, second = Config(), Config()
    assert first == second and first.keymap is not second.keymap  # a fresh default each
    first.keymap["help"] = "f2"
    assert first != second and second.keymap == {}
    jira = JiraConfig(url="https://jira.example.com", token="s3cret-token")
    assert isinstance(jira.token, Secret) and jira.token.get_secret_value() == "s3cret-token"
    assert "s3cret" not in repr(Config(jira=jira)) and "jira.example.com" in repr(jira)
    assert replace(ServeConfig(), max_sessions=3).max_sessions == 3
    with pytest.raises(TypeError, match="no setting 'tokn'"):
        JiraConfig(tokn="x")
    with pytest.raises(TypeError):
        hash(Config())  # mutable, like the dataclasses they are
