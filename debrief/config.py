"""Configuration: where things live, who is typing, and the integrations.

The config file is TOML (`config.toml` in the platform's config directory, or
`--config PATH`). Environment variables override it; secrets come only from here
or the environment, and are never written anywhere else.
"""

import os
import re
from dataclasses import field
from pathlib import Path
from typing import Any

from debrief.config_check import Secret, Settings, check, setting, settings_class

APP_NAME = "debrief"

DEFAULT_CLASSIFICATIONS = ("regression", "incident", "customer-reported", "near-miss")
DEFAULT_FACTOR_CATEGORIES = (
    "config change",
    "deploy",
    "capacity",
    "dependency",
    "monitoring gap",
    "process",
    "knowledge",
    "other",
)

# The one description of the settings: types, defaults, bounds and meanings. The config
# file is checked against it (debrief/config_check.py, no pydantic on the way to the first
# frame) and README's configuration reference is made from it (scripts/config_reference.py).


@settings_class
class JiraConfig(Settings):
    """The `[jira]` table."""

    url: str = setting("", "Base URL of the Jira site, e.g. https://example.atlassian.net.")
    user: str = setting(
        "",
        "Account e-mail (Cloud) or user name (Server); empty with a personal access token.",
    )
    token: Secret = setting(
        Secret(""),
        "API token (Cloud) or personal access token (Server/Data Center). "
        "Prefer DEBRIEF_JIRA_TOKEN.",
    )
    auth: str = setting(
        "basic",
        "`basic` (Cloud: e-mail + API token) or `pat` (Server/Data Center personal access token).",
    )
    project: str = setting("", "Project key tickets are created in, e.g. OPS.")
    issue_type: str = setting("Task", "Issue type of the action-item tickets.")
    labels: list[str] = setting(list, "Extra labels added to every ticket, besides `post-mortem`.")
    users: dict[str, str] = setting(
        dict,
        "Owner name → Jira account id (Cloud) or user name (Server), tried before searching.",
    )
    priorities: dict[str, str] = setting(
        dict, "debrief priority (highest/high/medium/low) → Jira priority name."
    )
    timeout: float = setting(
        60.0,
        "Seconds to wait for Jira to answer one request. A create left unanswered is never "
        "sent again before publish has looked for its ticket.",
        gt=0,
    )
    search_lag: float = setting(
        10.0,
        "Seconds Jira's search may take to show a new ticket: how long publish keeps looking "
        "for the ticket of a create whose answer was lost.",
        ge=0,
    )

    def __post_init__(self) -> None:
        self.token = Secret.of(self.token)


@settings_class
class SlackConfig(Settings):
    """The `[slack]` table."""

    webhook: Secret = setting(
        Secret(""),
        "Incoming-webhook URL for announcements and reminders. Prefer DEBRIEF_SLACK_WEBHOOK.",
    )
    bot_token: Secret = setting(
        Secret(""),
        "Bot token (xoxb-…) for `debrief ask`: the ask goes to the person directly (by their "
        "[slack.users] id), else to `channel`. Prefer DEBRIEF_SLACK_BOT_TOKEN.",
    )
    channel: str = setting(
        "", "Channel id or name a bot-token ask goes to when the person has no Slack user id."
    )
    api_url: str = setting(
        "https://slack.com/api", "Slack's Web API (chat.postMessage), for a bot token."
    )
    users: dict[str, str] = setting(
        dict, "Person name → Slack user id (U…), to mention them in an ask."
    )

    def __post_init__(self) -> None:
        self.webhook = Secret.of(self.webhook)
        self.bot_token = Secret.of(self.bot_token)


@settings_class
class ConfluenceConfig(Settings):
    """The `[confluence]` table: `debrief publish --confluence`."""

    url: str = setting(
        "",
        "Base URL of the wiki: https://example.atlassian.net/wiki (Cloud) or "
        "https://wiki.example.com (Data Center).",
    )
    user: str = setting(
        "", "Account e-mail (Cloud) or user name; empty with a personal access token."
    )
    token: Secret = setting(
        Secret(""),
        "API token (Cloud) or personal access token (Data Center). "
        "Prefer DEBRIEF_CONFLUENCE_TOKEN.",
    )
    auth: str = setting(
        "basic",
        "`basic` (e-mail or user name + token) or `pat` (Data Center personal access token).",
    )
    space: str = setting("", "Space key the pages go in, e.g. OPS.")
    parent: str = setting(
        "",
        "The parent page: its id (the number in its address) or its title; empty: the space's top.",
    )
    timeout: float = setting(30.0, "Seconds to wait for Confluence to answer one request.", gt=0)

    def __post_init__(self) -> None:
        self.token = Secret.of(self.token)


@settings_class
class GitConfig(Settings):
    """The `[git]` table: a docs repository the Markdown is committed to."""

    repo: str = setting("", "A local clone, a bare repository or a remote URL (`--git` wins).")
    branch: str = setting(
        "", "Branch to commit to (default: the clone's current branch, else main)."
    )
    path: str = setting("postmortems", "Folder inside the repository for the documents.")


@settings_class
class ServeConfig(Settings):
    """The `[serve]` table: who may use `debrief serve`, and how much of the host."""

    public_url: str = setting(
        "",
        "The address browsers use, e.g. https://debrief.example.com behind a reverse proxy "
        "(default: http://HOST:PORT as served).",
    )
    allowed_origins: list[str] = setting(
        list,
        "Other origins whose pages may open a session (scheme://host[:port]), e.g. a proxy's.",
    )
    max_sessions: int = setting(
        8, "Browser sessions at once; each runs one app process (about 60 MB).", ge=1, le=1000
    )
    import_root: str = setting(
        "",
        "The only folder a browser session may import timelines from (and below it); "
        "empty: no file import in the browser.",
    )
    token: Secret = setting(
        Secret(""),
        "The sign-in token every browser must give first; needed to listen beyond loopback. "
        "Prefer DEBRIEF_SERVE_TOKEN (or --token).",
    )
    user_header: str = setting(
        "",
        "A header a trusted proxy sets to the signed-in person's name (e.g. X-Forwarded-User); "
        "empty: each browser session is asked for a name.",
    )
    allow_publish: bool = setting(
        False,
        "Whether browser sessions may publish (documents, Jira tickets, Slack) with the "
        "server's credentials.",
    )

    def __post_init__(self) -> None:
        self.token = Secret.of(self.token)


@settings_class
class Config(Settings):
    """Everything debrief reads from its config file."""

    user: str = setting("", "The author name recorded on every change (DEBRIEF_USER wins).")
    db: str = setting(
        "",
        "The database: a file path, or a postgresql://user@host/dbname URL (DEBRIEF_DB and "
        "--db win).",
    )
    publish_dir: str = setting(
        "", "Where `debrief publish` writes documents (default: ./postmortems)."
    )
    theme: str = setting(
        "", 'The app\'s colour theme (e.g. "textual-light"); the app remembers the one chosen.'
    )
    keymap: dict[str, str] = setting(
        dict,
        'Binding id → keys, to remap the app\'s keys (e.g. next-section = "ctrl+down"); '
        "F1 shows each key's id.",
    )
    classifications: list[str] = setting(
        lambda: list(DEFAULT_CLASSIFICATIONS),
        "The classifications a post-mortem may have (`debrief edit --classification`).",
        max_items=50,
    )
    factor_categories: list[str] = setting(
        lambda: list(DEFAULT_FACTOR_CATEGORIES),
        "The categories a contributing factor may have (`debrief factor add`).",
        min_items=1,
        max_items=50,
    )
    jira: JiraConfig = field(default_factory=JiraConfig)
    slack: SlackConfig = field(default_factory=SlackConfig)
    confluence: ConfluenceConfig = field(default_factory=ConfluenceConfig)
    git: GitConfig = field(default_factory=GitConfig)
    serve: ServeConfig = field(default_factory=ServeConfig)
    warnings: list[str] = field(default_factory=list, compare=False, repr=False)
    """What the check found but let through (unknown keys), one sentence each."""

    @classmethod
    def model_validate(cls, data: dict[str, Any]) -> "Config":
        """The settings in `data` (a config file's tables), checked as a file's are."""
        return check(cls, data, Path("(settings)"))


class ConfigError(ValueError):
    """A config file that cannot be read."""


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME)


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME) / "debrief.db"


def default_config_path() -> Path:
    return config_dir() / "config.toml"


def templates_dir(config_path: Path | None = None) -> Path:
    base = config_path.parent if config_path else config_dir()
    return base / "templates"


_JIRA_ENV = {
    "DEBRIEF_JIRA_URL": "url",
    "DEBRIEF_JIRA_USER": "user",
    "DEBRIEF_JIRA_TOKEN": "token",
    "DEBRIEF_JIRA_PROJECT": "project",
    "DEBRIEF_JIRA_AUTH": "auth",
}


_CONFLUENCE_ENV = {
    "DEBRIEF_CONFLUENCE_URL": "url",
    "DEBRIEF_CONFLUENCE_USER": "user",
    "DEBRIEF_CONFLUENCE_TOKEN": "token",
    "DEBRIEF_CONFLUENCE_SPACE": "space",
    "DEBRIEF_CONFLUENCE_AUTH": "auth",
}


def config_file(path: Path | None = None, env: dict[str, str] | None = None) -> Path:
    """The config file in use: `path`, else DEBRIEF_CONFIG, else the platform's."""
    env = dict(os.environ) if env is None else env
    return path or Path(env.get("DEBRIEF_CONFIG") or default_config_path())


_TOP_THEME = re.compile(r"^[ \t]*theme[ \t]*=.*$")
_TABLE = re.compile(r"^[ \t]*\[")


def save_theme(path: Path, name: str) -> None:
    """Set the top-level `theme = "name"` in the config file, touching no other line:
    the existing `theme =` line is replaced, or one is added before the first table."""
    import json

    line = f"theme = {json.dumps(name)}"
    try:
        with path.open(encoding="utf-8", newline="") as file:  # line endings as they are
            lines = file.read().splitlines(keepends=True)
    except FileNotFoundError:
        lines = []
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    replaced = False
    after_keys = 0  # just after the last top-level line that is not blank or a comment
    for i, text in enumerate(lines):
        if _TABLE.match(text):
            break
        if _TOP_THEME.match(text):
            lines[i] = line + text[len(text.rstrip("\r\n")) :]
            replaced = True
            break
        if text.strip() and not text.lstrip().startswith("#"):
            after_keys = i + 1
    if not replaced:
        if after_keys and not lines[after_keys - 1].endswith("\n"):
            lines[after_keys - 1] += newline
        lines.insert(after_keys, line + newline)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8", newline="")


def load_config(path: Path | None = None, env: dict[str, str] | None = None) -> Config:
    """The config file (if any) with the environment's overrides applied."""
    env = dict(os.environ) if env is None else env
    explicit = path is not None or bool(env.get("DEBRIEF_CONFIG"))
    target = config_file(path, env)
    data: dict[str, Any] = {}
    if target.is_file():
        import tomllib  # only when there is a file to read (not on the way to a first frame)

        from debrief.untrusted import UntrustedInput, load_toml

        try:
            data = load_toml(target.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, UntrustedInput) as exc:
            reason = " ".join(str(exc).split())
            raise ConfigError(f"cannot read config file {target}: {reason}") from exc
    elif explicit:
        raise ConfigError(f"config file {target} does not exist")
    jira = _table(data, "jira", target)
    for var, key in _JIRA_ENV.items():
        if env.get(var):
            jira[key] = env[var]
    data["jira"] = jira
    slack = _table(data, "slack", target)
    if env.get("DEBRIEF_SLACK_WEBHOOK"):
        slack["webhook"] = env["DEBRIEF_SLACK_WEBHOOK"]
    if env.get("DEBRIEF_SLACK_BOT_TOKEN"):
        slack["bot_token"] = env["DEBRIEF_SLACK_BOT_TOKEN"]
    data["slack"] = slack
    confluence = _table(data, "confluence", target)
    for var, key in _CONFLUENCE_ENV.items():
        if env.get(var):
            confluence[key] = env[var]
    data["confluence"] = confluence
    return check(Config, data, target)


def _table(data: dict[str, Any], name: str, target: Path) -> dict[str, Any]:
    """The `[name]` table of the config (empty when absent); ConfigError when not a table."""
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"config file {target} is invalid at {name}: it must be a [{name}] table")
    return dict(value)


def named_user(config: Config | None = None, env: dict[str, str] | None = None) -> str:
    """The person's name when one is given: DEBRIEF_USER, then the config ('' if neither;
    the store then records the database role on PostgreSQL, else the OS user)."""
    env = dict(os.environ) if env is None else env
    if env.get("DEBRIEF_USER", "").strip():
        return env["DEBRIEF_USER"].strip()
    return config.user.strip() if config is not None else ""


def current_user(config: Config | None = None, env: dict[str, str] | None = None) -> str:
    """Who is making changes: DEBRIEF_USER, then the config, then the OS user."""
    named = named_user(config, env)
    if named:
        return named
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
