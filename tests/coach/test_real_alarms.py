"""Wording real post-mortems use that is not blame (new sentences in the same forms): each
test pairs the quiet form with the blaming one it must not hide."""

from __future__ import annotations

from debrief.coach import lint


def flagged(text: str) -> list[str]:
    return [f.text for f in lint(text)]


def test_weighing_whether_something_should_have_been_done_is_a_question() -> None:
    quiet = (
        "- Reflect whether the canary hosts should have been communicated to the teams, "
        "so they could have tested too.",
        "Discuss if the migration should have been announced earlier.",
    )
    for text in quiet:
        assert flagged(text) == [], text
    assert flagged("The canary hosts should have been communicated to the teams.") != []
    assert flagged("Ana could have tested the canary hosts too.") != []


def test_knowledge_the_sentence_says_came_later_is_not_hindsight() -> None:
    for text in (
        "Once it was clear what the problem was, the fix seemed obvious enough.",
        "After we found the leak, the remedy was obvious.",
    ):
        assert flagged(text) == [], text
    assert flagged("The fix was obvious, and the on-call should have seen it.") != []


def test_a_questions_and_answers_section_quotes_its_askers() -> None:
    text = "**Q:** Why did you not load-test the network first?\n\n**A:** We did, at a smaller scale.\n"
    assert flagged(text) == []
    assert flagged("Why did you not load-test the network first?") != []


def test_a_failure_of_a_thing_is_no_group_to_blame() -> None:
    for text in (
        "The hub restarted due to networking failure on a node.",
        "Requests timed out because of infra capacity limits.",
    ):
        assert flagged(text) == [], text
    assert flagged("The release slipped because of networking.") != []


def test_terms_of_art_and_clean_ups_are_not_blame() -> None:
    for text in (
        "The team then started the disaster response plan.",
        "@sam cleaned up all wrong pods and prowjobs again.",
    ):
        assert flagged(text) == [], text
    assert flagged("It was a disaster from start to finish.") != []
    assert flagged("Sam deployed the wrong build to production.") != []


def test_an_investigation_with_a_subject_or_a_fix_is_an_action() -> None:
    for item in (
        '- Investigate the root cause of "no space left on device" messages',
        "- Investigate and fix the memory leak in the spawner",
    ):
        assert flagged("## Action items\n\n" + item + "\n") == [], item
    assert flagged("## Action items\n\n- Investigate further\n") != []
