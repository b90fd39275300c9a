"""`debrief stats`: counts, median and p90 times from the milestones, action items and
factors, over a window and by a grouping; JSON, text and an HTML page with SVG charts."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from debrief.kinds import ActionStatus, FactorKind, Milestone
from debrief.models import ActionItem, Factor, TimelineEvent
from debrief.stats import percentile, stats_report

both = pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)

T0 = datetime(2026, 9, 1, 10, 0, tzinfo=UTC)


def incident(store, template, title, start, detect_min, *, cls="", services=(), cats=()):
    pm = store.create_postmortem(title, template, started_at=start, classification=cls)
    if services:
        store.update_postmortem(pm.id, services=list(services))
    store.add_event(
        pm.id,
        TimelineEvent(
            at=start + timedelta(minutes=detect_min), text="alert", milestone=Milestone.detected
        ),
    )
    for cat in cats:
        store.add_factor(pm.id, Factor(category=cat, text=f"{cat} factor"))
    return pm


@pytest.fixture
def filled(store, template):
    a = incident(store, template, "A", T0, 10, cls="regression", services=["api"], cats=["deploy"])
    store.add_event(
        a.id,
        TimelineEvent(at=T0 + timedelta(hours=2), text="fixed", milestone=Milestone.resolved),
    )
    incident(
        store, template, "B", T0 + timedelta(days=3), 20, cls="regression", services=["api", "db"]
    )
    c = incident(
        store,
        template,
        "C",
        T0 + timedelta(days=40),
        60,
        cls="incident",
        cats=["deploy", "capacity"],
    )
    store.add_factor(c.id, Factor(kind=FactorKind.lucky, category="other", text="quiet night"))
    done = store.add_action(
        a.id, ActionItem(title="Fix canary", owner="ana", due=date(2026, 12, 1))
    )
    store.update_action(a.id, done.id, {"status": ActionStatus.done})
    store.add_action(a.id, ActionItem(title="Alert on lag", owner="bo", due=date(2026, 11, 1)))
    store.add_action(c.id, ActionItem(title="Later", owner="cy", due=date(2027, 1, 1)))
    store.add_action(c.id, ActionItem(title="Someday", aspirational=True))
    return store


@both
def test_the_report_counts_times_actions_and_factors(filled):
    report = stats_report(filled)
    assert report["postmortems"] == 3
    detect = report["times"]["detect"]
    assert detect == {"count": 3, "median_seconds": 1200.0, "p90_seconds": 3120.0}
    assert report["times"]["resolve"]["median_seconds"] == 7200.0
    assert report["times"]["mitigate"]["count"] == 0
    actions = report["actions"]
    assert (actions["done"], actions["open"], actions["overdue"]) == (1, 2, 1)
    assert actions["median_days_to_done"] == 0.0  # done the day it was filed (frozen clock)
    assert report["factors"]["by_category"] == {"deploy": 2, "capacity": 1}
    assert report["factors"]["lucky"] == 1
    assert report["by_month"] == {"2026-09": 2, "2026-10": 1}
    assert report["by_classification"] == {"regression": 2, "incident": 1}


@both
def test_without_a_resolved_milestone_the_end_time_resolves(store, template):
    pm = incident(store, template, "D", T0, 5)
    store.update_postmortem(pm.id, ended_at=T0 + timedelta(hours=3))
    assert stats_report(store)["times"]["resolve"] == {
        "count": 1,
        "median_seconds": 10800.0,
        "p90_seconds": 10800.0,
    }


@both
def test_a_window_keeps_the_incidents_started_inside_it(filled):
    report = stats_report(filled, since="2026-09-02T00:00:00Z", until="2026-10-01T00:00:00Z")
    assert report["postmortems"] == 1
    assert report["times"]["detect"]["median_seconds"] == 1200.0
    assert report["actions"]["total"] == 0


@both
@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("service", {"api": 2, "(none)": 1, "db": 1}),
        ("category", {"deploy": 2, "(none)": 1, "capacity": 1}),
        ("month", {"2026-09": 2, "2026-10": 1}),
        ("classification", {"regression": 2, "incident": 1}),
    ],
)
def test_groups_hold_the_same_figures_for_their_post_mortems(filled, by, expected):
    report = stats_report(filled, by=by)
    assert {g["key"]: g["postmortems"] for g in report["groups"]} == expected
    assert list(report["groups"][0]) == ["key", "postmortems", "times", "actions", "factors"]


def test_percentiles_interpolate_between_ranks():
    assert percentile([], 50) is None
    assert percentile([5.0], 90) == 5.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5


@both
def test_the_cli_prints_json_text_and_writes_html(cli, filled, tmp_path):
    data = json.loads(cli("stats", "--json", "--by", "month").stdout)
    assert data["postmortems"] == 3 and data["by"] == "month"
    text = cli("stats").stdout
    assert "3 post-mortems" in text and "Time to detect: median 20m" in text
    page = tmp_path / "stats.html"
    result = cli("stats", "--html", str(page))
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert html.count("<svg") >= 4 and "Contributing factors by category" in html
    assert "<rect" in html


@both
def test_bad_options_say_what_is_wrong(cli, filled):
    wrong = cli("stats", "--by", "weekday")
    assert wrong.exit_code == 2 and "--by must be one of" in wrong.stderr
    when = cli("stats", "--since", "yesterday-ish")
    assert when.exit_code == 1 and "is not a time" in when.stderr
    order = cli("stats", "--since", "2026-10-01", "--until", "2026-09-01")
    assert order.exit_code == 1 and "--until must be after --since" in order.stderr


@both
def test_labels_in_the_html_are_neutralised_and_escaped(store, template, cli, tmp_path):
    incident(store, template, "X", T0, 5, cls="<script>alert(1)</script>\x1b[31m")
    page = tmp_path / "s.html"
    cli("stats", "--html", str(page))
    html = page.read_text(encoding="utf-8")
    assert "<script>" not in html and "\x1b" not in html
