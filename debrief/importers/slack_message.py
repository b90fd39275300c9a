"""One Slack message as a timeline event, with everything people saw in Slack kept.

The instant comes from `ts` (never from the day file's name, which is a local
date); replies, edits, bot names, files and attachments are kept; channel noise
(joins, topic changes, integrations) is left out and counted.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from debrief.dates import LATEST
from debrief.event_rows import stamp_of_epoch
from debrief.importers import report as why
from debrief.importers.options import ImportOptions
from debrief.importers.record import EventRecord
from debrief.importers.report import ImportReport, bot_placeholder
from debrief.importers.slack_meta import Directory
from debrief.importers.slack_text import SlackText
from debrief.links import link_problem

_from_timestamp = datetime.fromtimestamp
_LATEST_TS = LATEST.timestamp()
NOISE = {
    "channel_join": why.JOINS,
    "channel_leave": why.JOINS,
    "group_join": why.JOINS,
    "group_leave": why.JOINS,
    "channel_topic": why.TOPICS,
    "channel_purpose": why.TOPICS,
    "channel_name": why.TOPICS,
    "group_topic": why.TOPICS,
    "group_purpose": why.TOPICS,
    "group_name": why.TOPICS,
    "bot_add": why.INTEGRATIONS,
    "bot_remove": why.INTEGRATIONS,
    "channel_archive": why.ARCHIVES,
    "channel_unarchive": why.ARCHIVES,
    "group_archive": why.ARCHIVES,
    "group_unarchive": why.ARCHIVES,
    "tombstone": why.DELETED,
    "message_deleted": why.DELETED,
}
_LABEL = re.compile(r"\|([^<>|]+)>")
BAD_LINKS = (
    "some links were not http, https or mailto URLs on one line; "
    "their messages were imported without them"
)


class BadMessage(ValueError):
    """A message that cannot become an event; the text says why."""

    def __init__(self, what: str, reason: str = why.BAD_ITEM) -> None:
        super().__init__(what)
        self.reason = reason


def instant(ts: object) -> datetime:
    """A Slack `ts` ("1459154014.000018", seconds since the epoch) as a UTC instant.

    A double holds such a value to better than half a microsecond until 2106, so
    the float path is exact to the microsecond (and twice as fast as splitting).
    """
    try:
        if isinstance(ts, str):
            seconds = float(ts)
        elif isinstance(ts, int | float) and not isinstance(ts, bool):
            seconds = ts
        else:
            seconds = -1.0
        if 0 <= seconds < _LATEST_TS:  # the accepted window (NaN is not inside)
            return _from_timestamp(seconds, UTC)
    except (ValueError, OverflowError, OSError):
        pass
    raise BadMessage(f"its ts {ts!r} is not a Slack timestamp", why.NO_TIME)


def _stamp(ts: object) -> str:
    """The stored form of a `ts` that looks like Slack writes it ("1459154014.000018");
    '' otherwise (the record's instant is then formatted when stored)."""
    if isinstance(ts, str) and len(ts) > 7 and ts[-7] == ".":
        seconds, micros = ts[:-7], ts[-6:]
        if seconds.isdigit() and micros.isdigit():
            return stamp_of_epoch(int(seconds), micros)
    return ""


class MessageReader:
    """Turns messages into events; one per import, as it learns bot names on the way."""

    def __init__(self, directory: Directory, options: ImportOptions, report: ImportReport) -> None:
        self.users = directory.users
        self.bots = directory.bots
        self.since = options.since
        self.until = options.until
        self.report = report
        self.text = SlackText(directory.users, directory.channels)

    def event(self, m: dict[str, Any], source: str, id_prefix: str) -> EventRecord | None:
        """The message's event, or None when it is noise or outside the window (counted).

        `source` is the event source (`slack #channel`), `id_prefix` the start of
        its stable source id (`slack:C123:`). This runs once per message: keep it lean.
        """
        ts = m.get("ts")
        if ts is None:
            raise BadMessage("a message without a ts", why.NO_TIME)
        at = instant(ts)
        subtype = m.get("subtype")
        if subtype is not None and subtype in NOISE:
            if subtype == "bot_add":
                self._learn_bot(m)
            self.report.skip(NOISE[subtype])
            return None
        since, until = self.since, self.until
        if (since is not None and at < since) or (until is not None and at > until):
            self.report.skip(why.OUTSIDE)
            return None
        raw = m.get("text")
        if raw and "files" not in m and "file" not in m and "attachments" not in m:
            link = ""
            if "<" in raw or "&" in raw:
                raw, urls = self.text.convert(raw)
                if urls:
                    link = urls[0]
            text = raw.strip()
        else:
            text, link = self._text_and_link(m)
        if not text:
            self.report.skip(why.EMPTY)
            return None
        if link and link_problem(link):
            link = ""
            if BAD_LINKS not in self.report.notes:
                self.report.notes.append(BAD_LINKS)
        thread = m.get("thread_ts")
        user = m.get("user")
        if subtype is None and user is not None:
            author = self.users.get(user) or self._unknown_user(m, user)
        else:
            author = self._author(m, subtype)
        return EventRecord(
            at,
            text,
            source,
            author,
            link,
            id_prefix + str(ts),
            None,
            thread is not None and thread != ts,
            "edited" in m,
            _stamp(ts),
        )

    def _text_and_link(self, m: dict[str, Any]) -> tuple[str, str]:
        raw = m.get("text") or ""
        files = m.get("files") or ([m["file"]] if m.get("file") else [])
        link = _file_link(files)
        if raw:
            text, urls = self.text.convert(raw, link)
            if urls and not link:
                link = urls[0]
            text = text.strip()
        else:
            text = ""
        attachments = m.get("attachments")
        if attachments and isinstance(attachments, list):
            if not text:
                text, urls = self._attachment_text(attachments, link)
                if urls and not link:
                    link = urls[0]
            if not link:
                link = _attachment_link(attachments)
        if not text and files:
            titles = [str(f.get("title") or f.get("name") or "a file") for f in files]
            text = f"shared {'a file' if len(titles) == 1 else 'files'}: {', '.join(titles)}"
        return text, link

    def _attachment_text(self, attachments: list[Any], link: str) -> tuple[str, list[str]]:
        parts: list[str] = []
        urls: list[str] = []
        for a in attachments:
            if not isinstance(a, dict):
                continue
            pieces = [a[k] for k in ("pretext", "text") if isinstance(a.get(k), str) and a[k]]
            if not pieces:
                pieces = [a[k] for k in ("fallback", "title") if isinstance(a.get(k), str) and a[k]]
            for piece in pieces[:2]:
                text, found = self.text.convert(piece, link or (urls[0] if urls else ""))
                parts.append(text.strip())
                urls.extend(found)
        return "\n".join(p for p in parts if p), urls

    def _author(self, m: dict[str, Any], subtype: str | None) -> str:
        user = m.get("user") or (m.get("comment") or {}).get("user")
        bot_id = m.get("bot_id")
        if subtype == "bot_message" or (bot_id and not user):
            name = (
                m.get("username")
                or (m.get("bot_profile") or {}).get("name")
                or self.bots.get(bot_id or "")
                or self.users.get(user or "")
                or _attachment_author(m.get("attachments"))
            )
            return str(name or (bot_placeholder(bot_id) if bot_id else "bot"))
        if user:
            return self.users.get(user) or self._unknown_user(m, user)
        return str(m.get("username") or "")

    def _unknown_user(self, m: dict[str, Any], user: str) -> str:
        """A user missing from users.json: the message's own profile copy, else the id."""
        profile = m.get("user_profile") or {}
        return str(profile.get("display_name") or profile.get("real_name") or user)

    def _learn_bot(self, m: dict[str, Any]) -> None:
        """`added an integration to this channel: <…|github>` names bot B… "github"."""
        bot_id = m.get("bot_id")
        labels = _LABEL.findall(m.get("text") or "")
        if bot_id and labels and bot_id not in self.bots:
            self.bots[bot_id] = self.report.bot_names[bot_id] = labels[-1]


def _file_link(files: list[Any]) -> str:
    for f in files:
        if isinstance(f, dict):
            url = f.get("permalink") or f.get("url_private") or f.get("permalink_public")
            if url:
                return str(url)
    return ""


def _attachment_link(attachments: list[Any]) -> str:
    for a in attachments:
        if isinstance(a, dict):
            for key in ("title_link", "from_url", "original_url", "image_url"):
                if a.get(key):
                    return str(a[key])
    return ""


def _attachment_author(attachments: Any) -> str:
    for a in attachments or []:
        if isinstance(a, dict) and (a.get("author_name") or a.get("service_name")):
            return str(a.get("author_name") or a.get("service_name"))
    return ""
