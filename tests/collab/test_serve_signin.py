"""The sign-in cookie of `debrief serve`: only this server's, unexpired and untampered
cookies name a person; names are kept to one plain line; the token never shows."""

from __future__ import annotations

import time

from debrief.serve_signin import MAX_AGE_S, SignIn, clean_name

TOKEN = "c0ffee-and-a-long-enough-secret"


def test_a_cookie_names_its_person_on_the_server_that_made_it_only():
    server = SignIn(token=TOKEN)
    cookie = server.cookie_for("Ana Souza")
    assert server.name_in(cookie) == "Ana Souza"
    assert TOKEN not in cookie
    assert SignIn(token=TOKEN).name_in(cookie) is None  # restarted: a new key


def test_a_tampered_or_expired_cookie_names_nobody():
    server = SignIn(token=TOKEN)
    expires, name, mac = server.cookie_for("Ana").split(".")
    forged_name = server.cookie_for("Eve").split(".")[1]
    assert server.name_in(f"{expires}.{forged_name}.{mac}") is None
    assert server.name_in(f"{int(expires) + 999}.{name}.{mac}") is None
    assert server.name_in("garbage") is None and server.name_in("") is None
    old = server.cookie_for("Ana", now=time.time() - MAX_AGE_S - 1)
    assert server.name_in(old) is None


def test_names_are_one_plain_line():
    assert clean_name("  Ana\n Souza\x1b[31m ") == "Ana Souza\u241b[31m"  # ESC shown, not run
    assert "\n" not in clean_name("a\nb") and len(clean_name("x" * 500)) == 60


def test_the_token_stays_out_of_its_representation():
    assert TOKEN not in repr(SignIn(token=TOKEN)) and "set" in repr(SignIn(token=TOKEN))
