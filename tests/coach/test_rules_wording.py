"""Rules for wording met in news reports, inquiries and forum threads about outages: each
with sentences it must flag and near-misses it must leave alone; and the near-misses the
older rules now leave alone (talk about blame, human error in general, adjectives on
code)."""

from __future__ import annotations

# rule id → (flagged, left alone). Each flagged example must be found by that rule.
EXAMPLES: dict[str, tuple[list[str], list[str]]] = {
    "blame-by-at-end": (
        [
            "The cache was flushed in the middle of peak traffic by Oyelaran.",
            "The rules were edited by hand on the primary by Grzegorz.",
        ],
        [
            "The cache was flushed after the deploy by Oyelaran.",
            "The wrong flag was flipped back by Ana at 10:20.",
        ],
    ),
    "hindsight-evident": (
        [
            "With hindsight it's crystal clear the canary was failing from minute one.",
            "The writing was on the wall the moment the vendor deprecated the API.",
            "It was an accident waiting to happen and we all knew it.",
            "Frankly the disk usage trend was a dead giveaway.",
            "Experts have been warning about crumbling infrastructure for years.",
            "You could see it coming from a mile off.",
        ],
        [
            "The signs were there in the data, but spread across four dashboards.",
            "The runbook gives a clear step for the failover.",
            "The dashboard now shows the trend plainly.",
            "A warning was added to the deploy tool last week.",
        ],
    ),
    "vague-improve": (
        [
            "Follow best practices.",
            "We need to do a better job of reviewing each other's code.",
            "Engineers should think twice before touching prod.",
            "The new hires need more training.",
            "Better handover between shifts.",
            "Increase test coverage",
        ],
        [
            "Because the only way you can make everyone aware is to write it down.",
            "The best practices page now links the runbook.",
            "Increase the pool size from 20 to 40 - Priya, by Dec 4.",
            "The test more than doubled in length.",
        ],
    ),
    "why-question-who": (
        [
            "Who the hell merged this?",
            "Who reviewed these designs?",
            "What possessed you to run that on production?",
            "how come nobody rolled back for 40 minutes",
            "How could the senior engineer on the call not know about the failover switch?",
            "Why wasn't the handover done properly by the day shift?",
            "Why didnt Osagie page the DBA when replication stopped",
        ],
        [
            "how come the alert didnt page? the route only covered business hours",
            "Who reviewed the change, and what did the diff show them?",
            "Why was the page sent by the old routing rule?",
            "How did the cache not warm after the restart?",
        ],
    ),
    "blame-not-following": (
        [
            "The vendor's staff were not following the runbook.",
            "The ops team from the vendor was not following the procedure we gave them.",
        ],
        [
            "We were not following the runbook, because it was out of date.",
            "The runbook was not following the current layout.",
            "The script was not following redirects.",
        ],
    ),
    "blame-failure-of-group": (
        [
            "It seems like this was a failure of management, not the intern.",
            "It is actually the failure of upper executive management to plan for growth.",
            "Inadequate training and expertise among bank employees played a crucial role.",
            "The report lists weak leadership as a complicating factor.",
        ],
        [
            "The failure of the primary database took the API down.",
            "Poor management of connections in the pool exhausted the database.",
            "A lack of training data made the classifier unreliable.",
        ],
    ),
    "blame-fault-lies-with": (
        [
            "In the end, the fault comes back to Boeing.",
            "So yes, I'd assign them blame.",
            "The fault lies squarely with the vendor.",
        ],
        [
            "The fault lies with the retry logic, which doubled the load.",
            "Nobody assigned blame in the review.",
            "The fault goes to the standby node after thirty seconds.",
        ],
    ),
    "blame-let-lapse": (
        [
            "The cloud team left the bucket public, for the second time this year.",
            "The night shift let the queue grow for six hours.",
            "Equifax allowed over 300 security certificates to expire.",
        ],
        [
            "The migration left the bucket public for an hour.",
            "We let the queue grow while the consumers restarted.",
            "The tool allowed the certificates to expire because its clock was wrong.",
        ],
    ),
    "omission-had-not": (
        [
            "And they still had not patched the hole in May.",
            "The vendor had never tested the failover.",
        ],
        [
            "We had not patched the hole yet; the fix was scheduled for Monday.",
            "The servers had not been patched since March.",
        ],
    ),
    "blame-habit-again": (
        [
            "Bjarke, once again, changed the schema without a migration.",
            "The platform team, once again, changed the limits.",
        ],
        [
            "Once again, the disk filled up overnight.",
            "We restarted the pods, once again, at 14:10.",
        ],
    ),
    "blame-habit-opening": (
        [
            "Per usual, Jasper deployed on top of someone else's change.",
            "Once again, Kofi pushed straight to main.",
        ],
        ["As usual, the nightly job ran at 02:00.", "Once again, we restarted the pods."],
    ),
    "counterfactual-would-not-have-happened": (
        [
            "The crash would not have happened if the system had been properly designed.",
            "A little more time in testing could have helped avoid this expensive failure.",
            "If Equifax had been prompt in updating its software, the breach was avoidable.",
        ],
        [
            "It could have been worse.",
            "The outage happened when the breaker tripped.",
            "If the cache had been warm, the latency would have been fine.",
        ],
    ),
    "blame-telltale": (
        [
            "The incident started when Greta disabled the rate limiter to speed up her tests.",
            "Klara changed the alert threshold to 100% so it would stop paging her.",
            "Giedre decided to do the cutover an hour early by herself.",
            "We owe this outage to Radu's quick fix.",
            "Everything points to Wanjiru, she was the only one with write access.",
        ],
        [
            "The on-call ran the restore from her laptop because the bastion was down.",
            "Everything points to the DNS change.",
            "The job speeds up the tests by caching the images.",
        ],
    ),
    "blame-responsible-for": (
        [
            "Mr. Adeyemi is responsible for the deletion of the customer table.",
            "Kasia was personally responsible for the data loss.",
        ],
        [
            "The cleanup job is responsible for the deletion of old snapshots.",
            "Nobody is responsible for the outage; the process is.",
        ],
    ),
    "human-error-told": (
        [
            "The wrong button was pushed during the drill.",
            "But the employee mistook the form of measurement.",
            "In other words, to err is human.",
            "The chaos happened after a trader made a keyboard entry mistake.",
            "The report says an error by Rogers staff during the upgrade caused the flood.",
            "The engineer who made the error did not realise what had happened.",
        ],
        [
            "The form shows an input error message when the date is empty.",
            "An error by the load balancer dropped the connections.",
            "Input errors are now caught by the schema before the job runs.",
        ],
    ),
    "character-insult": (
        [
            "We watched people running around like headless chickens for three hours.",
            "That level of fecklessness and ineptitude is hard to believe.",
            "It was the hubris of the new management.",
        ],
        [
            "Nobody here is inept; the console hid the region.",
            "The chicken-and-egg problem between the two services blocked the restart.",
        ],
    ),
    "hindsight-no-surprise": (
        [
            "This is documented, common knowledge.",
            "It would have been picked up by even the most cursory of checks.",
            "The very first test you would write is whether the file exists.",
            "And you're still surprised?",
        ],
        [
            "The first test you would make on a new board is a smoke test.",
            "The common knowledge base moved to the wiki.",
            "We were surprised by how fast the queue drained.",
        ],
    ),
    "blame-cover-up": (
        [
            "Boeing then tried to mask the instability with a software system.",
            "They refuse to see the connection between letting go of people and outages.",
        ],
        [
            "The proxy tried to hide the error from the client.",
            "We refused to accept the vendor's patch until it was tested.",
            "The maintenance page masked the error for two hours.",
        ],
    ),
    "blame-criticised-for": (
        [
            "The FCC criticized AT&T for failing to adhere to best practices.",
            "The company was slammed for having such a simplistic password.",
            "TSB Bank is set to be criticised for failing to prepare for the migration.",
        ],
        [
            "The regulator fined the bank for reporting late.",
            "The design was criticised in review, and changed.",
            "Users criticised the new layout for its small fonts.",
        ],
    ),
    "blame-group-conduct": (
        [
            "And the devs completely suck for not validating the config file at all.",
            "Kaveh went rogue and migrated the database by himself.",
            "The night shift did nothing for six hours.",
        ],
        [
            "The vacuum sucks up IO during the night.",
            "The job did nothing for an hour because the queue was empty.",
            "The runbook was not following the current layout.",
        ],
    ),
}

# rule id → sentences the rule used to flag and now leaves alone
LEFT_ALONE: dict[str, list[str]] = {
    "blame-word": [
        "But maybe blaming an intern was not the best approach.",
        "Blaming the intern seems like a serious shift of responsibility.",
        "Blaming them for making those mistakes doesn't help prevent mistakes.",
        "Spokespeople appear to be steering the conversation towards blaming the operator.",
    ],
    "human-error": [
        "Any resilient system should account for human errors.",
        "The fat-finger check in the deploy tool now asks for the replica count twice.",
        "User error in the API logs means a 4xx response.",
        "Process can free us from tedious work and prevent human mistakes.",
        "Managers often find it difficult to deal with human errors.",
    ],
    "judgement-mistake": [
        "The simple fact is that people make mistakes.",
        "Everyone makes mistakes.",
        "Today one of my mistakes was caught early.",
    ],
    "character": [
        "The reckless retry pattern in the SDK is now fixed in version 2.4.",
        "The sloppy matching in the routing rule sent EU traffic to the US.",
        "The careless defaults in the library made the insecure path the easy one.",
        "The ORM's lazy relationships caused an N+1 query on the order page.",
    ],
    "blame-person-acts": [
        "Tobias silenced the flapping alert so that the real one would stand out.",
        "ops muted that alert in july because it was firing on a decommissioned host",
    ],
    "hindsight-phrases": [
        "Nobody was watching the deploy because the pipeline is normally fully automatic.",
    ],
    "omission-nobody": [
        "The tests had no review step, so no one noticed the old code still ran on one server.",
    ],
    "hindsight-obvious": [
        "Obviously-named flags like disable_everything are now blocked by the linter.",
        "The first alert was obvious only to someone who knew the cluster's history.",
    ],
    "animated": [
        "In disasters, there is rarely one main thing that causes critical failure.",
        "Thirty minutes after the disaster, the database went back online.",
    ],
}

# sentences the older rules still flag, next to the ones they now leave alone
STILL_FLAGGED: dict[str, list[str]] = {
    "blame-word": ["They blamed the intern for the outage.", "Stop blaming the intern."],
    "human-error": ["The root cause was human error.", "A human mistake."],
    "judgement-mistake": ["The reviewer made a mistake and approved the wrong pull request."],
    "character": ["A careless mistake during the config change took out the load balancer."],
    "blame-passive-by": ["The cutover was botched by the migration team."],
    "counterfactual-passive": [
        "The update should have been rolled out incrementally.",
        "This could have been resolved many hours earlier.",
    ],
    "blame-person-acts": ["Tobias silenced the flapping alert and went to lunch."],
    "hindsight-phrases": ["Nobody was watching the deploy."],
    "omission-nobody": [
        "The alert fired twice and nobody noticed.",
        "No one paid our domain renewal bill, so the domain expired.",
    ],
    "hindsight-obvious": ["Obviously the disk was going to fill up."],
    "animated": ["What a disaster of a rollout."],
    "blame-without-review": ["Kasia enabled the feature without asking."],
    "blame-punish": ["A lot of management people need to be terminated."],
}
