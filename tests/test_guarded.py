"""The first-character guard speeds patterns up without changing a single match."""

from __future__ import annotations

import re

import pytest
from orderwatch.parsers import guarded as rx
from orderwatch.parsers.guarded import guard_text, guarded

TEXT = (
    "Ihre Bestellnummer: 4471-2290 ist unterwegs. ORDER #1047 shipped; order no. 88.\n"
    "订单编号：K000000001QZ 已发货。Kelvin \u212a and long \u017f. R 4,643 and R7100.\n"
    "  Numéro de commande 2231 — commande n° 99, Zamówienie nr 12 (Wys\u0142ane)."
)

CASES = [
    (r"bestellnummer|order\s*(?:#|no\.?)|numéro de commande|zam[óo]wienie", re.I),
    (r"(?i)order|commande", 0),  # global inline flags stay first
    (r"(?<![A-Za-z])(?i:order|kelvin|long)\s*\S+", 0),  # scoped case-insensitivity in a case-sensitive pattern
    (r"(?-i:R)(?=\s?\d)\s?\d[\d,]*", re.I),  # a case-sensitive part inside a case-insensitive pattern
    (r"\s*(?:订单|訂單)编号\s*[:：]\s*(\w+)", 0),  # an optional first item: what follows may come first
    (r"\d{2,}|[#№]\d+", 0),  # categories in the first position
    (r"k|s", re.I),  # Unicode case folding: K (Kelvin sign) and ſ (long s) match too
    (r"x*", 0),  # may match the empty string: no guard possible
    (r"[^a-z]+order", re.I),  # a negated class: no guard possible
]


@pytest.mark.parametrize(("pattern", "flags"), CASES)
def test_a_guarded_pattern_matches_exactly_what_the_plain_one_does(pattern: str, flags: int) -> None:
    plain, fast = re.compile(pattern, flags), guarded(pattern, flags)
    assert [m.span() for m in fast.finditer(TEXT)] == [m.span() for m in plain.finditer(TEXT)]
    assert [m.groups() for m in fast.finditer(TEXT)] == [m.groups() for m in plain.finditer(TEXT)]
    for at in range(len(TEXT)):
        assert bool(fast.match(TEXT, at)) == bool(plain.match(TEXT, at))


def test_the_guard_names_the_first_characters_only_where_re_has_no_prefix_of_its_own() -> None:
    assert guard_text(r"bestellnummer|order no", re.I).startswith("(?=[")
    assert guard_text(r"(?i)order|commande").startswith("(?i)(?=[")
    assert guard_text(r"order_id=(\d+)") == r"order_id=(\d+)"  # a literal prefix: re scans for it already
    assert guard_text(r"x*") == "x*"
    assert guard_text(r"[^a-z]+order", re.I) == r"[^a-z]+order"


def test_the_pattern_functions_behave_like_re_s() -> None:
    assert rx.search(r"order\s*#(\d+)", TEXT, re.I).group(1) == "1047"
    assert rx.findall(r"\d{4}", TEXT) == re.findall(r"\d{4}", TEXT)
    assert rx.sub(r"\s+", " ", TEXT) == re.sub(r"\s+", " ", TEXT)
    assert rx.fullmatch(r"R\s?\d+", "R 12") is not None
    assert rx.match(r"ihre", TEXT, re.I) is not None
