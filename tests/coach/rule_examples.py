"""The built-in rules' own examples: for each rule id, wording it must flag and near-misses
it must leave alone (read by test_rules.py, beside test_families.py's and
test_rules_wording.py's tables)."""

from __future__ import annotations

# rule id → (flagged, left alone). Each flagged example must be found by that rule.
EXAMPLES: dict[str, tuple[list[str], list[str]]] = {
    "counterfactual-should-have": (
        [
            "Lee should have paused the rollout.",
            "We shouldn't have shipped on a Friday.",
            "The on-call engineer should've escalated sooner.",
            "They ought to have waited for the canary.",
        ],
        [
            "The cache should expire entries after an hour.",
            "The alert should have fired at 5% but the threshold was 50%.",
            "Every service should have an owner.",
            "What should we have known, and where was it shown?",
        ],
    ),
    "counterfactual-could-have": (
        ["Dev could have reverted the deploy.", "We could have caught this with a test."],
        [
            "We could have lost data.",
            "The primary could have run out of disk.",
            "Nobody could have predicted the interaction between the two flags.",
            "The SRE could have seen the spike if the dashboard had shown it.",
        ],
    ),
    "counterfactual-passive": (
        ["The bug should have been caught in review.", "This could have been avoided."],
        ["The on-call should have been paged by the alert.", "It could have been worse."],
    ),
    "counterfactual-if-only": (
        ["If only it were that simple."],
        ["Only if the flag is on does the job run."],
    ),
    "counterfactual-had-they": (
        ["Had Lee waited, it would have been fine.", "If the engineer had checked the logs."],
        [
            "If the alert had fired earlier, it would be shorter.",
            "Had the disk been larger.",
            "If the on-call had been paged earlier, recovery would have started sooner.",
        ],
    ),
    "hindsight-should-have-known": (
        ["You should have known the job runs at midnight.", "They should've seen it coming."],
        ["The scheduler should have run the job at midnight."],
    ),
    "omission-failed-to": (
        ["Lena failed to follow the rollback procedure.", "We failed to notice the spike."],
        ["The deploy failed to complete.", "We failed to meet the SLO."],
    ),
    "omission-failure-to": (
        ["The failure to escalate cost an hour."],
        ["A failure to start is retried three times."],
    ),
    "omission-forgot": (
        ["The operator forgot to drain the node.", "Tom neglected to update the rules."],
        ["It is easy to forget the flag.", "Don't forget to drain the node first."],
    ),
    "omission-missed": (
        ["We missed the warning in the logs."],
        [
            "We missed our SLO for the month.",
            "Monitoring missed the spike.",
            "They missed the page because their phone was on silent.",
        ],
    ),
    "omission-didnt": (
        ["The developer didn't test the change.", "Sam never checked the flag."],
        ["The dashboard did not show per-region errors.", "The cron job never ran."],
    ),
    "omission-nobody": (
        ["Nobody checked the backups.", "No one noticed the disk filling up."],
        ["Nobody was paged because of a routing rule.", "No one was on call that weekend."],
    ),
    "omission-supposed-to": (
        ["They were supposed to rotate the keys.", "Lee was supposed to check the dashboard."],
        ["The job was supposed to run nightly."],
    ),
    "blame-failure-verb": (
        ["Ana broke the build.", "Carlos ignored the alert.", "The intern is to blame."],
        ["The load balancer ignored the health check.", "Nobody is to blame for this."],
    ),
    "blame-by-person": (
        ["The outage was caused by the on-call engineer."],
        ["The outage was caused by the database running out of disk."],
    ),
    "blame-fault": (["It was Lee's fault.", "That was his fault."], ["Fault tolerance matters."]),
    "blame-word": (
        ["They blamed the reviewer.", "The blame lies with the platform team."],
        ["We don't blame anyone here.", "This is a blameless review."],
    ),
    "blame-who-responsible": (
        ["Who is responsible for this mess?", "We need to know who is to blame."],
        ["Who is responsible for owning the gateway?"],
    ),
    "human-error": (
        ["The root cause was human error.", "Somebody fat-fingered the DNS record."],
        [
            "This was not human error.",
            "The user error rate stayed flat.",
            "The human error framing doesn't help us; let's look at the interface.",
        ],
    ),
    "character": (
        ["The engineer was careless.", "That was reckless.", "The team was too lazy to test."],
        ["Lazy loading delayed start-up.", "The engineer was careful."],
    ),
    "character-know-better": (["Mike should know better."], ["Now we know better defaults."]),
    "character-attention": (
        ["Lee wasn't paying attention.", "The developers lack discipline."],
        ["The console lacks a confirmation prompt."],
    ),
    "judgement": (
        ["That was a bad call.", "The release process was poorly planned.", "A rookie mistake."],
        ["A bad call to the payments API returned 500.", "Using a cache is a bad idea here."],
    ),
    "judgement-mistake": (
        ["Someone made a mistake in the config.", "It was Hiroshi's mistake."],
        ["Mistakes in the config file are not caught by the validator."],
    ),
    "hindsight-obvious": (
        ["Obviously the config was the culprit.", "It was obvious the disk was full."],
        [
            "It was not obvious from the diff.",
            "The graph clearly shows the spike.",
            "Obviously we want the fix in before Friday's release.",
        ],
    ),
    "hindsight-everyone-knows": (
        ["Everyone knows you don't deploy on Fridays.", "Any competent engineer would know."],
        ["We make sure everybody knows who's on call.", "Everyone joined the call."],
    ),
    "hindsight-just": (
        ["He just had to run the health check.", "All she had to do was read it."],
        ["You can simply run the installer.", "We just restarted the pod."],
    ),
    "why-question": (
        ["Why didn't you check the graphs?", "What were you thinking?"],
        ["Why did the alert not fire?", "Why did replication stop?"],
    ),
    "why-passive": (
        ["Why wasn't the change tested?"],
        ["Why was the canary stage so small?"],
    ),
    "who-question": (
        ["Who approved this change?", "Who pushed the bad config?"],
        ["The person who approved it was on leave.", "Who was on call that day?"],
    ),
    "animated": (
        ["The deploy was a disaster.", "What a train wreck.", "That was stupid."],
        ["We ran a disaster recovery drill.", "The release train leaves on Tuesday."],
    ),
    "vague-vigilance": (
        ["Engineers need to be more careful.", "Pay closer attention to alerts."],
        [
            "Be careful: the script overwrites the target.",
            "We are not asking anyone to be more careful.",
        ],
    ),
    "blame-verb-family": (
        ["Kasia nuked the prod database.", "The night shift ignores the disk alerts."],
        ["The cron job wiped the temp folder as designed.", "We skipped the load test."],
    ),
    "blame-missed": (
        ["The on-call missed the alert.", "Chiara misses the warnings every week."],
        ["The pager missed the escalation.", "We missed the deadline."],
    ),
    "blame-without-review": (
        ["Kasia deployed it without asking anyone.", "Ananya deployed anyway."],
        ["Deploys without review are blocked by branch protection.", "The bot merged it."],
    ),
    "blame-passive-by": (
        ["The backups were deleted by Wojciech.", "It was pushed without review by Sam."],
        ["The flag was flipped by the automation.", "The change was reviewed by Ana."],
    ),
    "blame-idiom": (
        ["Honestly this one is on Marek.", "It's the fault of the intern.", "Is fault of Dmitry."],
        ["This is on the roadmap.", "The fix is on staging."],
    ),
    "blame-the-one-who": (
        ["It was Dariusz who skipped the dry run.", "Fenna is the one who broke it."],
        ["It was Tuesday when the alert fired."],
    ),
    "human-error-accidentally": (
        ["An engineer accidentally deleted the namespace.", "I'd accidentally run it on prod."],
        ["The pipeline was accidentally triggered by a webhook.", "We mistakenly thought it safe."],
    ),
    "human-error-by-mistake": (
        ["The operator typed the wrong hostname.", "Someone ran it on prod by mistake."],
        ["The script ran in the wrong execution mode.", "The cache served the wrong page."],
    ),
    "human-error-done-incorrectly": (
        ["A manual step was done incorrectly.", "She forgot she was connected to prod."],
        ["The step was done by hand, as the runbook says."],
    ),
    "omission-forgot-anything": (
        ["Pieter forgot the feature flag.", "The DBA forgot the index."],
        ["The job forgot its state after the restart."],
    ),
    "character-verdict": (
        ["He's not cut out for on-call.", "This is a people problem.", "He never listens."],
        ["The runbook is out of date.", "People problems are rarely about people."],
    ),
    "counterfactual-would-have": (
        ["He would've caught it if he'd run the tests.", "She would have noticed."],
        ["The canary would have caught it if it had traffic.", "We would have lost data."],
    ),
    "counterfactual-if-d": (
        ["If they'd followed the checklist we'd be fine.", "if he'd checked the graph we'd know"],
        ["If the alert had fired, we would have known."],
    ),
    "counterfactual-should-never": (
        ["The release shouldn't have been rushed.", "It should have been addressed earlier."],
        ["The flag should not be enabled in prod."],
    ),
    "hindsight-phrases": (
        ["In hindsight it's clear it was DNS.", "The spike was impossible to miss."],
        ["Reasons that seem ordinary in hindsight, like a muted channel."],
    ),
    "hindsight-passive-ignored": (
        ["Clearly the alert was ignored.", "The warnings were brushed off."],
        ["The alert was ignored by the routing rule.", "The file is ignored by git."],
    ),
    "why-question-more": (
        ["How could you miss the alert?", "Who thought it was a good idea to ship?"],
        ["How could we make the alert clearer?", "Why did the cache expire early?"],
    ),
    "vague-intention": (
        ["We need to improve our tests.", "Everyone needs to do better."],
        ["We need to add an index to orders (owner: Wei, due 2026-12-20)."],
    ),
    "vague-needs-more-care": (
        ["Release notes need more carefully studying.", "Upgrades need better testing."],
        ["Upgrades need a staging run first."],
    ),
    "vague-imperative": (
        ["Do better next time.", "Ensure this never happens again.", "Improve monitoring."],
        ["Ensure the backup job pages #db-oncall on failure (owner: Ana, due 2026-12-15)."],
    ),
    "blame-bad-work": (
        ["Wiktor pushed a broken config to prod.", "The contractor shipped untested code."],
        ["We shipped a broken build and rolled it back.", "Jenkins deployed a broken image."],
    ),
    "blame-person-acts": (
        [
            "Aiyana rushed the release.",
            "Guilherme silenced it and went back to sleep.",
            "Ken silenced the pager while he was on call.",
            "Leilani approved her own change.",
            "Chidera ignored the warning from the linter.",
        ],
        [
            "Truls silenced the alerts during the planned maintenance.",
            "Ken silenced the alert while the maintenance was in progress, as the runbook says.",
            "Inés muted the pager per the runbook before the failover.",
            "Jin ran the backfill against production, as planned and announced in #ops.",
            "Postgres ignored the new setting.",
            "We rushed the release because of the contract date.",
        ],
    ),
    "blame-possessive": (
        [
            "The outage comes down to Zofia's sloppy rollout.",
            "The real problem is that Kaito doesn't read the runbook.",
            "Thanks to Rahul we lost a day of orders.",
        ],
        ["Thanks to Rahul we had the orders replayed by noon.", "Kafka's retention ran out."],
    ),
    "blame-possessive-bad-work": (
        ["It was Mehmet's untested script that wiped the queue."],
        ["Kafka's broken partition was rebuilt.", "The team's untested idea is on the list."],
    ),
    "blame-punish": (
        ["Brigitte should be taken off the release rota.", "The on-call must be held accountable."],
        ["The node should be taken off the pool.", "It should be removed from the rota file."],
    ),
    "human-error-wrong-target": (
        ["It started with an engineer running the wrong command."],
        ["The job kept running the wrong query plan.", "We were using the wrong region."],
    ),
    "human-error-passive-run": (
        ["A maintenance process was inadvertently run against the production state data."],
        [
            "The pipeline was unintentionally triggered.",
            "It was run against production on purpose.",
        ],
    ),
    "vague-double-check": (
        ["To double and triple check.", "Triple-check everything before a release."],
        ["The deploy tool now triple-checks the region (DEP-42)."],
    ),
    "human-error-wrong-act": (
        [
            "Our hosting provider's technicians pulled the wrong cable.",
            "Mr Okafor has rebooted the wrong host.",
        ],
        ["The load balancer picked the wrong backend.", "We restarted the wrong pod first."],
    ),
    "blame-by-at-end": (
        ["The bad migration was written and merged by Ludmila.", "It was deployed by Sven."],
        [
            "The fix was merged by the bot.",
            "It was deployed by the pipeline at 14:02.",
            "The fix was deployed by Priya at 10:05.",
            "The rollback was approved by Sam.",
        ],
    ),
    "blame-it-was-who": (
        ["fwiw it was tamsyn who dropped the prod table"],
        ["it was the cron job who deleted it", "it was a cache that dropped the keys"],
    ),
    "blame-one-who-more": (
        ["Truls was the one who disabled the alerting rule."],
        ["Truls was the one who restored the backups."],
    ),
    "blame-on-a-team": (
        ["This is entirely on the database team.", "That's on the offshore folks."],
        ["This is on the platform roadmap.", "It's on the team calendar."],
    ),
    "omission-plain-english": (
        ["Mister Kowalski has not made the check before the deploy."],
        ["We have not made the change yet.", "The cache has not checked the key."],
    ),
    "omission-pronoun-not": (
        ["Is his change again, he not test it in stage."],
        ["Not he but the script ran it."],
    ),
    "hindsight-bound-to": (
        ["Clearly the retry storm was going to happen.", "That was bound to fail."],
        ["The job was going to run at noon.", "Clearly the queue grew for six hours."],
    ),
    "human-error-typo-cause": (
        ["It was a typo in the hostname.", "A wrong copy paste by the operator."],
        ["A typo in the variable name meant the default was used.", "We fixed the typo."],
    ),
    "human-error-typed": (
        ["The engineer mis-typed the cluster name.", "Someone misread the region."],
        ["The parser mis-typed the field as a string."],
    ),
    "human-error-double-check": (
        [
            "The operator didn't double check the environment.",
            "He did not double check the region.",
        ],
        ["The tool double-checks the region.", "We didn't double-check, and the tool let us."],
    ),
    "human-error-overlooked": (
        ["Anneke misjudged the replica lag."],
        ["The migration overlooked rows with a null tenant id."],
    ),
}
