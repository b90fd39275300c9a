"""Creates whose answer never came: look for their tickets before ever sending them again.

A create that timed out, lost its connection, was answered 5xx, or whose process
was killed may be stored by Jira all the same, and later than its answer would have
come: a slow Jira goes on working after the client stops waiting. Jira's search then
shows a new ticket only after a lag. So before such an item is sent again, its label
is searched for, with backoff, for at most `search_lag` seconds:

- found: its ticket is adopted (the oldest, when there are several);
- not found, and the create is *settled*: it is sent again. A create is settled once
  nothing can still make its ticket appear: `search_lag` after Jira answered it
  (Jira is done with a request it answered), or `timeout + search_lag` after it was
  sent when no answer came (Jira may go on for as long as we would wait for one);
- not found and not settled: its outcome is unknown. Nothing is sent; publish exits 1
  and asks to be run again, which looks again (and, once settled, creates it).

This holds one ticket per item as long as Jira stores a create within `timeout`
seconds of receiving it and indexes it within `search_lag` more: both are settings
([jira] timeout and search_lag), and a Jira slower than that is the one way left to
get a duplicate.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from debrief.publish import jira_api

if TYPE_CHECKING:
    from jira.resources import Issue

    from debrief.publish.jira_api import JiraSession

FIRST_LOOK = 0.5
"""Seconds before the second search; each wait after doubles."""


@dataclass
class Looked:
    """What looking for a set of labels found."""

    found: dict[str, list[Issue]] = field(default_factory=dict)
    settled: list[str] = field(default_factory=list)
    """Not found, and no earlier create can still make them appear: safe to create."""
    unknown: dict[str, float] = field(default_factory=dict)
    """Not found, not settled: label → seconds until it will be."""
    spent: float = 0.0
    """Seconds the looking took."""


def settle_after_sent(sent_at: datetime, now: datetime, timeout: float, lag: float) -> float:
    """Seconds until a create sent at `sent_at` (by an earlier run) is settled."""
    return timeout + lag - (now - sent_at).total_seconds()


def look_for(session: JiraSession, settle_in: dict[str, float], budget: float) -> Looked:
    """Search for each label until found or settled, for at most `budget` seconds.

    `settle_in`: label → seconds from now until it is settled (0 or less: already).
    Time is counted as the searches took plus the waits asked for, so a test that
    records the waits instead of sleeping runs through the same steps.
    """
    looked = Looked()
    left = dict(settle_in)
    search = list(left)
    spent, wait = 0.0, FIRST_LOOK
    while search:
        started = time.monotonic()
        hits = session.find_by_labels(search)
        spent += time.monotonic() - started
        for label in search:
            if label in hits:
                looked.found[label] = hits[label]
                del left[label]
        search = [label for label, settle in left.items() if settle - spent > 0]
        if not search or spent >= budget:
            break
        step = min(wait, budget - spent, max(left[label] for label in search) - spent)
        jira_api.sleep(step)
        spent += step
        wait *= 2
    for label, settle in left.items():
        if settle - spent > 0:
            looked.unknown[label] = settle - spent
        else:
            looked.settled.append(label)
    looked.spent = spent
    return looked


def unknown_note(seconds: float) -> str:
    """Why an item has no ticket yet, and when to look again."""
    return (
        "Jira did not confirm its create and no ticket carries its label yet; "
        f"publish again in {when(seconds)} to look again (it is not created twice)"
    )


def when(seconds: float) -> str:
    if seconds <= 60:
        return f"{max(1, math.ceil(seconds))} s"
    return f"{math.ceil(seconds / 60)} min"
