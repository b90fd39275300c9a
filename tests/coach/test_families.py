"""Verb families, verdicts and the person and group detector: wording the rules never
listed (other forms of a verb, names outside the names list, roles and groups, a verdict
said outright) is flagged, and the same words about systems, in other senses or in the
writers' own voice are not."""

from __future__ import annotations

from debrief.coach import Coach, coach_for, load_rules
from debrief.coach.inflect import forms, past_forms

# rule id → (flagged, left alone). Each flagged example must be found by that rule.
EXAMPLES: dict[str, tuple[list[str], list[str]]] = {
    "blame-family": (
        [
            "Kasia broke staging again.",
            "QA fumbled the handover.",
            "The SOC slept on the capacity warnings for weeks.",
            "Team B wrecked the cutover.",
            "Engineer A bricked the edge router.",
            "chidera broke the nightly export",
            "Then Priyanka sabotaged the rollout by merging early.",
        ],
        [
            "The broken link in the runbook pointed at the old wiki.",
            "The build broke after the dependency update.",
            "Postgres ignored the new setting.",
            "We skipped the canary because the fix was urgent.",
            "Investigate missing node metrics and logs.",
            "Kasia broke the problem down into three steps.",
            "The engineers broke the dependency between the queue and the alerting service.",
            "billing broke after the upgrade",
            "Nobody ignored the alert: it never fired.",
        ],
    ),
    "blame-habitual": (
        [
            "The offshore team never reads the release notes.",
            "The mobile team always breaks the API contract.",
            "Ops keeps ignoring the disk warnings.",
            "Kasia constantly pushes on Fridays.",
        ],
        [
            "The alert never fired.",
            "We never deploy on Fridays.",
            "The on-call never received the page because of the routing rule.",
            "The cron job always breaks the cache at midnight.",
        ],
    ),
    "human-error-accidentally-clause": (
        [
            "An AWS engineer debugging the billing system mistakenly removed too many servers.",
            "The intern running the cleanup script accidentally deleted the bucket.",
        ],
        [
            "The migration accidentally dropped the index.",
            "An engineer noticed the job had accidentally triggered twice.",
        ],
    ),
    "character-too-to": (
        [
            "He was too arrogant to ask for help.",
            "Some people don't seem to understand the importance of testing.",
            "She was too proud to ask for a second pair of eyes.",
            "The contractor clearly doesn't know what he's doing.",
            "She clearly can't handle on-call.",
            "They're too inexperienced for production access.",
        ],
        [
            "The disk was too small to hold the backup.",
            "The dashboard doesn't seem to load on Safari.",
            "We don't seem to understand the failure yet.",
            "The logs don't know what the job was doing at 03:00.",
            "The tool can't handle production traffic.",
            "The new engineer was too junior to be paged alone.",
        ],
    ),
    "human-error-typoed": (
        ["Someone typo'd the bucket name.", "the intern typoed the region"],
        ["The typo'd bucket name came from the template."],
    ),
    "blame-done-their-job": (
        ["Wouldn't have happened if QA had done their job.", "One person didn't do their job."],
        ["She did her job well.", "If the alert had done its job, we would have known."],
    ),
    "hindsight-for-anyone-to-see": (
        ["Clearly the warning was there for anyone to see."],
        ["It's there for everyone to see on the dashboard now."],
    ),
    "blame-verdict": (
        [
            "Kenji is the reason we were down for three hours.",
            "If you ask me, Ewa is responsible for this one.",
            "The contractor is entirely to blame.",
        ],
        [
            "Ewa is responsible for the billing service.",
            "Nobody is to blame.",
            "The cache is the reason the page was slow.",
            "We are responsible for this outage and we own the fix.",
        ],
    ),
    "blame-the-cause-was": (
        [
            "In my opinion the main problem was Alejandro, who is not careful.",
            "The change that took us down was Piotr's, and he knew it was risky.",
        ],
        [
            "The main problem was DNS.",
            "The change that took us down was the new retry policy.",
        ],
    ),
    "blame-because-of": (
        [
            "the outage is 100% because of ana, she merged it and left",
            "Because of him we lost a day.",
        ],
        [
            "Because of the timeout we lost a day.",
            "Due to Maria's quick rollback, nothing was lost.",
            "Recovery was slow due to their reliance on the same control plane.",
            "The nodes hung due to I/O errors.",
            "We lost a day because of her change.",
        ],
    ),
    "blame-not-pointing-fingers": (
        [
            "I'm not pointing fingers but Hiroshi ran the script.",
            "No offence, but that was sloppy.",
        ],
        ["We are not pointing fingers: the process let this through."],
    ),
    "blame-secrets-and-access": (
        [
            "Our contractor pushed credentials into a public repo.",
            "Sorry but Aisha should not have production access.",
            "Whoever wrote this config should not be allowed near production.",
        ],
        [
            "The service should not have write access to the bucket.",
            "The scanner found keys pushed to a public repo in 2019.",
        ],
    ),
    "blame-signed-off": (
        ["The QA people signed off without testing anything, as always.", "Ops waved it through."],
        ["We signed off without testing on staging, as the runbook allows for hotfixes."],
    ),
    "blame-without-telling": (
        [
            "Jürgen, without telling anybody in the channel, changed the TTL on the zone.",
            "He made the change by hand and did not tell anyone.",
            "Marketing launched the campaign without telling ops.",
        ],
        [
            "We restarted it without telling anyone, as agreed for night shifts.",
            "The provider shipped a breaking change without warning them.",
        ],
    ),
    "counterfactual-modal-variants": (
        [
            "she shouldnt have force pushed to main",
            "The team could easily have prevented this with five minutes of testing.",
        ],
        [
            "The tool could easily have prevented this if it had checked the region.",
            "We could easily have lost more data.",
        ],
    ),
    "hindsight-must-have-known": (
        ["They must have known the migration would lock the table."],
        ["We must have known about it since March, judging by the ticket."],
    ),
    "why-question-sarcastic": (
        [
            "Who thought deploying on friday was smart?",
            "How hard is it to read the runbook?",
            "Did anyone even bother to check the backups?",
            "Was anyone even watching the dashboards?",
            "why would u do that",
            "How did nobody notice the queue growing for six hours?",
            "How come you didn't roll back?",
            "Seriously, who deploys at 5pm on a Friday?",
        ],
        [
            "Who thought the old limit was safe, and why did it look that way?",
            "How hard is it to rotate the keys today?",
            "Did anyone check the backups before the migration?",
            "Was anyone watching the dashboards at 3am?",
            "How did the team notice the queue growing?",
            "How come the retries didn't back off?",
            "Who deploys the payments service on a Friday now?",
        ],
    ),
    "vague-remediation-anywhere": (
        [
            "Communication needs to improve.",
            "More testing.",
            "Review our processes.",
            "Educate the team about DNS.",
            "Stay alert during deploys.",
            "Double-check configs before applying.",
        ],
        [
            "Monitoring needs to improve for the payments queue (owner: Ana, due 2026-12-15).",
            "More testing of the failover path in staging.",
            "Review the process for rotating the TLS certificates in payments-api.",
            "Better monitoring caught the second spike.",
            "The tool double-checks the region before applying.",
        ],
    ),
}


def test_a_verb_family_is_named_once_and_every_form_matches() -> None:
    assert forms("break") == ["break", "breaks", "breaking", "broke", "broken"]
    assert forms("skip") == ["skip", "skips", "skipped", "skipping"]
    assert forms("screw up") == ["screw up", "screws up", "screwed up", "screwing up"]
    assert forms("edit") == ["edit", "edits", "edited", "editing"]
    assert "committed" in forms("commit") and "panicked" in forms("panic")
    assert past_forms("fat-finger") == ["fat-fingered"]


def test_a_rule_file_of_ones_own_can_use_a_verb_family(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "mine.toml").write_text(
        "[[rules]]\n"
        'id = "blame-yeet"\n'
        'category = "blame"\n'
        'verbs = ["yeet"]\n'
        "patterns = ['''{verbs:past}\\s+the\\s+\\w+''']\n"
        'subject = "person"\n'
        "capitalised = true\n"
        'why = "Naming and blaming."\n'
        'redirects = ["What made it possible?"]\n',
        encoding="utf-8",
    )
    coach = Coach(load_rules(tmp_path), use_model=False)
    assert [f.text for f in coach.lint("Marta yeeted the config.")] == ["Marta yeeted the config"]
    assert coach.lint("Marta yeets the config.") == []  # past forms only
    assert coach.lint("The script yeeted the config.") == []


def test_names_from_many_languages_are_people_even_in_chat() -> None:
    coach = Coach(load_rules(), use_model=False)
    for text in (
        "Tomasz missed the regression.",
        "nikhil missed the regression",
        "Søren overlooked the lag.",
        "Jörg missed the page.",
    ):
        assert coach.lint(text) != [], text
    assert coach.lint("Kubernetes missed the liveness deadline on three pods.") == []


def test_vague_items_under_any_heading_and_good_ones_pass() -> None:
    doc = (
        "# Incident 42\n\n## Lessons learned\n\n- Communication needs to improve.\n"
        "- Add a canary stage to the payments pipeline (owner: Ravi, by 2026-12-20).\n\n"
        "## Next steps\n\n1. More testing.\n2. Stay alert during deploys.\n"
    )
    coach = Coach(load_rules(), use_model=False)
    assert [(f.line, f.text) for f in coach.lint(doc)] == [
        (5, "Communication needs to improve"),
        (10, "More testing"),
        (11, "Stay alert"),
    ]


def test_a_role_on_duty_is_the_subject() -> None:
    coach = Coach(load_rules(), use_model=False)
    found = coach.lint("The SRE on duty failed to notice the alert.")
    assert [f.text for f in found] == ["SRE on duty failed to notice"]
    assert coach.lint("The job on call rotation failed to start.") == []


def test_every_verb_family_rule_has_examples() -> None:
    assert {r.id for r in coach_for().rules.rules if r.verbs} <= set(EXAMPLES)


def test_a_pattern_is_tried_only_where_it_can_start() -> None:
    from debrief.coach.prefix import first_words

    assert first_words(r"did\s+(?:a|an)\s+bad\s+job") == {"did"}
    assert first_words(r"(?:was|were|got|been)\s+ignored") == {"was", "were", "got", "been"}
    assert first_words(r"(?:didn'?t|did\s+not)\s+check") == {"did"}
    assert first_words(r"fat-?fingered\b") == {"fat"}
    # the start can't be told: tried at every trigger of the rule
    assert first_words(r"fail(?:ed|s)?\s+to") is None
    assert first_words(r"(?:(?<=it\s)was|it's)\s+on") is None
    assert first_words(r"(?:is|was)?\s*fine") is None
    assert first_words(r"[a-z]+ly\s+broke") is None
    assert first_words(r"why'?d\s+you") is None  # "whyd" is keyed as a word of its own
    assert first_words(r"should'?ve\s+known") == {"should"}
    coach = Coach(load_rules(), use_model=False)
    assert "did" not in {m.pattern.pattern[:3] for m in coach._alternatives["were"].members}
    assert [f.rule for f in coach.lint("They did a terrible job.")] == ["judgement"]


def test_a_subject_before_an_aside_is_the_subject() -> None:
    coach = Coach(load_rules(), use_model=False)
    long_subject = "An engineer, tired and debugging a replication issue at 11pm, ran rm -rf on the wrong host."
    assert [f.text for f in coach.lint(long_subject)] == ["wrong host"]
    assert coach.lint("Kasia, our newest SRE, broke staging.") != []
    for text in (
        "Ana, the cache is on the wrong host.",  # someone addressed, a system's clause
        "When Maria arrived, the job ran on the wrong host.",
        "In staging, ran the migration on the wrong database.",
        "The cron job, after the upgrade, ran on the wrong host.",
    ):
        assert coach.lint(text) == [], text


def test_changed_built_in_rules_keep_their_hard_negatives() -> None:
    coach = Coach(load_rules(), use_model=False)
    assert [f.rule for f in coach.lint("The deploy should never have gone out on a Friday.")] == [
        "counterfactual-should-never"
    ]
    assert [f.rule for f in coach.lint("Hamid ran the migration against the wrong database.")] == [
        "human-error-by-mistake"
    ]
    assert coach.lint("Hamid found the wrong index in the query plan.") == []
    assert coach.lint("The pool should never drop below 20 idle connections.") == []
