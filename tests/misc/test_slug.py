"""Published file names from titles in any script: transliterated, never just "post-mortem"."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from debrief.publish.documents import SLUG_LIMIT, slug


def test_cyrillic_and_japanese_titles_slug_to_their_words():
    assert slug("Оплата не проходит: 5xx") == "oplata-ne-prokhodit-5xx"
    japanese = slug("決済サービスの障害")
    assert japanese not in ("", "post-mortem") and japanese.isascii()
    assert slug("チェックアウト停止") not in ("", "post-mortem")


def test_latin_titles_keep_their_old_slugs():
    assert slug("Checkout: 5xx!") == "checkout-5xx"
    assert slug("Café checkout 5xx — again") == "cafe-checkout-5xx-again"
    assert slug("🙂") == "post-mortem"


@given(st.text(max_size=200))
def test_a_slug_is_always_a_safe_short_file_name(title):
    name = slug(title)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name)
    assert len(name) <= SLUG_LIMIT
