"""Words and sentences for synthetic post-mortems: plausible incidents, seeded, no Textual."""

from __future__ import annotations

import random

SERVICES = (
    "checkout",
    "payments-gateway",
    "auth",
    "search-api",
    "notifications",
    "inventory",
    "orders-db",
    "cdn-edge",
    "billing",
    "mobile-api",
    "recommendations",
    "image-resizer",
)
SYMPTOMS = (
    "elevated 5xx errors",
    "p99 latency above two seconds",
    "failed card payments",
    "login timeouts",
    "stale search results",
    "duplicate notifications",
    "queue backlog growing",
    "connection pool exhaustion",
    "disk filling on the primary",
    "certificate expiry warnings",
)
TRIGGERS = (
    "a configuration change lowered the connection pool size",
    "a certificate expired on the internal load balancer",
    "a schema migration locked the orders table",
    "a dependency upgrade changed the default timeout",
    "a traffic spike from a marketing campaign",
    "a feature flag was enabled for every region at once",
    "a cron job started two copies of the reindex",
    "the cloud provider's zone lost network connectivity",
    "a retry storm after a brief DNS failure",
    "an alert threshold that had been raised during a migration",
)
FIXES = (
    "rolled back the release",
    "raised the pool size through the runtime config endpoint",
    "failed over to the replica",
    "renewed the certificate and restarted the proxies",
    "disabled the feature flag",
    "drained the queue with extra workers",
    "added a rate limit at the edge",
    "paused the reindex job",
)
WELL = (
    "Support spotted the pattern within minutes and updated the status page.",
    "The runbook for failover was current and worked first time.",
    "The on-call engineer paged the owning team early.",
    "Dashboards showed the error rate per region, which narrowed the search.",
    "The rollback path was rehearsed last quarter and took eight minutes.",
)
WRONG = (
    "The alert fired only after customers had reported the problem.",
    "The canary ran for two minutes, too short to see the effect under load.",
    "Two teams investigated the same symptom without knowing about each other.",
    "The config change was not visible in the deploy log.",
    "The status page was updated forty minutes after the start.",
)
ACTIONS = (
    "Alert on {svc} error rate above 2% for five minutes",
    "Load-test {svc} pool settings at peak traffic before rollout",
    "Show runtime config changes for {svc} in the deploy log",
    "Lengthen the {svc} canary to ten minutes at 10% of traffic",
    "Add a runbook entry for {svc} failover",
    "Expire {svc} certificates through the renewal bot, with a 30-day alert",
    "Rate-limit retries from {svc} clients",
    "Write a game day for {svc} losing its primary",
)
EVENT_TEXTS = (
    "{svc} error rate rises to {n}%",
    "Pager alert for {svc}: {symptom}",
    "On-call acknowledges the page for {svc}",
    "Support reports {n} chats about {symptom}",
    "Dashboard shows {symptom} on {svc}",
    "Deploy of {svc} v{n}.{m}.0 starts",
    "Incident channel opened; {person} is incident commander",
    "{person} {fix}",
    "{svc} latency back under 300 ms",
    "Status page updated: investigating {symptom}",
)
SOURCES = ("slack", "log", "graph", "support", "manual", "screenshot")
PEOPLE = (
    "Priya Raman",
    "Marcus Lee",
    "Ana Souza",
    "Ben Okafor",
    "Chloe Martin",
    "Dev Patel",
    "Elif Kaya",
    "Femi Adeyemi",
    "Grace Liu",
    "Hugo Moreau",
    "alice",
    "Bob Brown",
    "carol",
)
ROLES = ("facilitator", "lead investigator", "on-call", "SRE", "support", "engineering manager")
CLASSIFICATIONS = ("regression", "incident", "customer-reported", "capacity", "security")
TAGS = ("deploy", "database", "network", "config", "capacity", "third-party", "alerting")


def sentence(rng: random.Random, svc: str) -> str:
    pattern = rng.choice(
        (
            "{svc} showed {symptom} for {n} minutes.",
            "We saw {symptom} on {svc} after {trigger}.",
            "The team {fix}, and {svc} recovered within {n} minutes.",
            "About {n}% of requests to {svc} were affected.",
            "{person} noticed {symptom} on the {svc} dashboard.",
        )
    )
    return fill(rng, pattern, svc)


def fill(rng: random.Random, pattern: str, svc: str) -> str:
    return pattern.format(
        svc=svc,
        symptom=rng.choice(SYMPTOMS),
        trigger=rng.choice(TRIGGERS),
        fix=rng.choice(FIXES),
        person=rng.choice(PEOPLE),
        n=rng.randint(2, 90),
        m=rng.randint(0, 30),
    )


def paragraph(rng: random.Random, svc: str, sentences: int) -> str:
    return " ".join(sentence(rng, svc) for _ in range(sentences))


def prose(rng: random.Random, svc: str, paragraphs: int) -> str:
    return "\n\n".join(paragraph(rng, svc, rng.randint(2, 5)) for _ in range(paragraphs))


def bullets(rng: random.Random, choices: tuple[str, ...], count: int) -> str:
    return "\n".join(f"- {line}" for line in rng.sample(choices, count))


def section_body(rng: random.Random, key: str, svc: str) -> str:
    """A filled-in section of the default template."""
    if key == "trigger":
        return f"{rng.choice(TRIGGERS).capitalize()}.\n\n{paragraph(rng, svc, 2)}"
    if key == "resolution":
        return f"We {rng.choice(FIXES)}. {paragraph(rng, svc, 2)}"
    if key == "went-well":
        return bullets(rng, WELL, 3)
    if key == "went-wrong":
        return bullets(rng, WRONG, 3)
    if key == "timeline":
        return "The timeline below was assembled from the incident channel and the deploy log."
    if key in ("action-items", "if-we-have-time"):
        return "Agreed in the debrief; owners confirmed their due dates."
    if key == "root-cause":
        factors = "\n".join(f"- {rng.choice(TRIGGERS)}" for _ in range(3))
        return f"Contributing factors:\n\n{factors}\n\n{paragraph(rng, svc, 3)}"
    return prose(rng, svc, rng.randint(1, 3))


def document_text(rng: random.Random, size: int) -> str:
    """Markdown of about `size` characters, with headings, lists and some blaming wording."""
    blame = (
        "Bob should have checked the dashboard before deploying.",
        "Obviously the on-call engineer failed to notice the alert.",
        "If only Ana had followed the runbook, this would not have happened.",
        "It was human error: someone forgot to renew the certificate.",
    )
    parts: list[str] = []
    total = 0
    while total < size:
        svc = rng.choice(SERVICES)
        chunk = f"## {svc}\n\n{prose(rng, svc, 2)}\n\n{rng.choice(blame)}\n\n"
        chunk += bullets(rng, WRONG, 2) + "\n\n"
        parts.append(chunk)
        total += len(chunk)
    return "".join(parts)[:size]
