"""Property: however saves from two connections interleave, no update is ever lost."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debrief.store import Conflict, Store
from debrief.template import load_template

steps = st.lists(
    st.tuples(
        st.sampled_from(["ana", "ben"]), st.sampled_from(["edit", "reload"]), st.text(max_size=8)
    ),
    min_size=1,
    max_size=25,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan=steps)
def test_interleaved_saves_never_overwrite_unseen_changes(tmp_path_factory, plan):
    path = tmp_path_factory.mktemp("prop") / "shared.db"
    stores = {"ana": Store(path, author="ana"), "ben": Store(path, author="ben")}
    pm = stores["ana"].create_postmortem("Shared", load_template())
    copies = {name: stores[name].get_section(pm.id, "impact") for name in stores}
    acknowledged: list[tuple[str, str]] = []
    for who, step, text in plan:
        store = stores[who]
        if step == "reload":
            copies[who] = store.get_section(pm.id, "impact")
            continue
        wanted = copies[who].body + f"<{who}:{text}>"
        try:
            copies[who] = store.save_section(pm.id, "impact", wanted, base_rev=copies[who].rev)
            acknowledged.append((who, wanted))
        except Conflict as conflict:
            # What a person does: look at theirs, keep both, save on top of it.
            theirs = conflict.current
            merged = theirs.body + f"<{who}:{text}>"
            copies[who] = store.save_section(pm.id, "impact", merged, base_rev=theirs.rev)
            acknowledged.append((who, merged))

    revisions = stores["ana"].history(pm.id, entity="section", entity_id="impact")
    # Every save was made on top of the value just before it: nothing was overwritten unseen.
    for before, after in itertools.pairwise(revisions):
        assert after.old == before.new
    # Everyone only appends to what they saw, so a save that did not see the latest
    # value would drop someone's words: every new value must extend the old one.
    for revision in revisions:
        assert revision.new.startswith(revision.old)
    # Every acknowledged save is in the history, by its author.
    saved = {(r.author, r.new) for r in revisions}
    for who, body in acknowledged:
        if body != "":
            assert (who, body) in saved or any(r.new == body for r in revisions)
    # The final text contains every contribution that was acknowledged last by each side.
    final = stores["ben"].get_section(pm.id, "impact").body
    for _who, body in acknowledged[-1:]:
        assert final == body
    for store in stores.values():
        store.close()
