"""An export's people and conversations: who `U…` and `B…` are, what `C…` is called."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from debrief.importers.locate import json_error
from debrief.importers.report import BAD_FILE, ImportReport
from debrief.importers.slack_archive import CONVERSATION_LISTS, MemberError, SlackArchive
from debrief.untrusted import UntrustedInput, load_json


@dataclass(frozen=True)
class Conversation:
    id: str
    name: str
    folder: str


@dataclass
class Directory:
    users: dict[str, str] = field(default_factory=dict)
    bots: dict[str, str] = field(default_factory=dict)
    channels: dict[str, str] = field(default_factory=dict)
    """Conversation id → name, for `<#C…>` references."""
    folders: dict[str, Conversation] = field(default_factory=dict)
    """Day-file folder → conversation."""
    by_id: dict[str, Conversation] = field(default_factory=dict)


def person_name(user: dict[str, Any]) -> str:
    """The name Slack shows: display name, else real name, else the user name.

    Only text counts: a damaged users.json may hold anything where a name should be.
    """
    profile = _profile(user)
    for value in (
        profile.get("display_name"),
        profile.get("real_name"),
        user.get("real_name"),
        user.get("name"),
    ):
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _profile(user: dict[str, Any]) -> dict[str, Any]:
    profile = user.get("profile")
    return profile if isinstance(profile, dict) else {}


def _load_list(archive: SlackArchive, name: str, report: ImportReport) -> list[dict[str, Any]]:
    if not archive.has(name):
        return []
    try:
        data = load_json(archive.read(name))
    except UntrustedInput as exc:
        report.problem(name, str(exc), BAD_FILE)
        return []
    except MemberError as exc:
        report.problem(name, str(exc), BAD_FILE)
        return []
    except json.JSONDecodeError as exc:
        report.problem(name, json_error(exc), BAD_FILE)
        return []
    except UnicodeDecodeError:
        report.problem(name, "not UTF-8 text", BAD_FILE)
        return []
    if not isinstance(data, list):
        report.problem(name, "line 1: expected a JSON list", BAD_FILE)
        return []
    return [item for item in data if isinstance(item, dict)]


def load_directory(archive: SlackArchive, report: ImportReport) -> Directory:
    found = Directory()
    if not archive.has("users.json"):
        report.notes.append("the export has no users.json: people are shown by their Slack id")
    for user in _load_list(archive, "users.json", report):
        user_id = user.get("id")
        if not isinstance(user_id, str):
            continue
        name = person_name(user)
        found.users[user_id] = name or user_id
        bot_id = _profile(user).get("bot_id")
        if isinstance(bot_id, str) and bot_id and name:
            found.bots[bot_id] = name
    for listing in CONVERSATION_LISTS:
        for conv in _load_list(archive, listing, report):
            conv_id = conv.get("id")
            if not isinstance(conv_id, str):
                continue
            # Channel folders are named after the channel; direct messages after the id.
            raw_name = conv.get("name")
            name = raw_name if isinstance(raw_name, str) and raw_name.strip() else conv_id
            found.channels[conv_id] = name
            found.by_id[conv_id] = found.folders[name] = Conversation(conv_id, name, name)
    return found
