"""`debrief.store.Store` opens as the lighter OpenedStore (the connection and what the
first frames read)
and becomes the whole Store on first use of anything else: it must answer exactly as
the whole Store would have, before and after."""

from __future__ import annotations

import inspect
import subprocess
import sys

from debrief.models import Factor
from debrief.store import Store
from debrief.store.opened import OpenedStore
from debrief.store.store import Store as WholeStore


def test_what_the_opened_store_answers_itself_is_what_the_whole_store_would():
    """Every method an opened store runs without becoming whole is the one the whole
    Store runs (a mixin overriding one must be handled in OpenedStore, as
    delete_postmortem is)."""
    own = set(vars(OpenedStore))
    for name, function in inspect.getmembers(OpenedStore, inspect.isfunction):
        if name in own or name.startswith("__"):
            continue
        assert getattr(WholeStore, name) is function, name


def test_a_freshly_opened_store_deletes_a_postmortem_with_its_factors(db_location, template):
    writer = Store(db_location, author="tester")
    pm = writer.create_postmortem("Checkout down", template)
    writer.add_factor(pm.id, Factor(text="Pool too small"))
    writer.close()

    store = Store(db_location, author="tester")
    assert type(store) is OpenedStore  # listing does not need the rest
    assert [p.id for p in store.list_postmortems()] == [pm.id]
    store.delete_postmortem(pm.id)
    assert isinstance(store, WholeStore)
    assert store.count_postmortems() == 0
    assert store.factors(pm.id) == []
    store.close()


def test_first_use_of_an_entity_makes_the_store_whole(db_location, template):
    store = Store(db_location, author="tester")
    pm = store.create_postmortem("Checkout down", template)
    assert type(store) is OpenedStore
    factor = store.add_factor(pm.id, Factor(text="Pool too small"))
    assert type(store) is WholeStore and isinstance(store, Store)
    assert [f.text for f in store.factors(pm.id)] == [factor.text]
    store.close()


def test_the_opened_class_answers_for_the_whole_store():
    assert OpenedStore.import_document is WholeStore.import_document
    assert not hasattr(OpenedStore, "no_such_method")
    assert not hasattr(WholeStore, "no_such_method")


def test_importing_the_store_leaves_the_entities_for_later():
    code = (
        "import sys, debrief.store; "
        "print(sorted(m for m in sys.modules if m.startswith('debrief.store.')))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    # A post-mortem's first frame reads its meetings, asked questions and conflicts.
    for entity in ("timeline", "factors", "actions", "publishing", "store"):
        assert f"debrief.store.{entity}'" not in shown, entity
