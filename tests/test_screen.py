"""The RE2 screen never hides a match: wherever `re` finds one, the screen lets `re` run.

The screen only makes the readers faster; its one way to be wrong is a false "no match here".
These tests look for that on the scenario corpus (every long cue pattern, on real systems' mail)
and on the Unicode corners where RE2 and Python's `re` read a pattern differently.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from orderwatch.parsers import cues, lexicon, screen
from orderwatch.parsers.base import Message
from orderwatch.parsers.guarded import guarded
from orderwatch.parsers.mime import MalformedMail, parse_mail

SCENARIOS = Path(__file__).resolve().parent / "scenarios"
PAD = "|x" * 30  # long enough to be screened
SCREENED = {name: value for name, value in vars(cues).items() if isinstance(value, screen.Screened)}


def _texts() -> list[str]:
    texts = []
    for path in sorted(SCENARIOS.glob("*/*.eml"))[::7]:
        try:
            message = Message(parse_mail(path.read_bytes()), "inbox", None)
        except MalformedMail:
            continue
        texts.extend((message.both, message.prose))
    return texts


def test_the_long_cue_lists_are_screened() -> None:
    assert screen.re2 is not None, "google-re2 is a dependency: the readers run without their screen"
    assert len(SCREENED) >= 40  # ACK, CONFIRM, SHIPPED, REFUND_GRANTED, ...


def test_no_cue_is_hidden_on_the_corpus() -> None:
    texts = _texts()
    assert len(texts) > 400
    hidden = [
        (name, text[:80])
        for name, pattern in SCREENED.items()
        for text in texts
        if pattern.full.search(text) and not pattern.possible(text)
    ]
    assert hidden == []


@pytest.mark.parametrize(
    ("pattern", "flags", "text"),
    [
        (r"order\s+no\.?\s*\d{4,}" + PAD, re.I, "ORDER\u3000NO.\u00a012345 and some words"),
        (r"(?:istanbul|kargo)\s+teslim" + PAD, re.I, "İSTANBUL teslim edildi, pad"),
        (r"(?:caso|ſtraße|strasse)\b" + PAD, re.I, "STRASSE and ſtraße and Kelvin \u212a, pad"),
        (r"\d{2,}\s*個工作天" + PAD, 0, "預計１２個工作天內出貨，padding padding padding padding padding"),
        (r"(?<![已未])發貨(?=\s*通知)" + PAD, 0, "您的訂單發貨 通知：pad"),
        (r"\bref\s*[:#]\s*([A-Z]{2}-\d+)\b.*?\1" + PAD, 0, "ref: AB-123 and again AB-123, pad"),
        (r"[^\S\n]+total[\w ]{0,40}?€" + PAD, re.I, "\u2003TOTAL à payer €, pad"),
    ],
)
def test_unicode_corners_are_widened_not_narrowed(pattern: str, flags: int, text: str) -> None:
    text += " ." * 40  # long enough for the screen to be asked
    compiled = guarded(pattern, flags)
    assert isinstance(compiled, screen.Screened)
    assert re.compile(pattern, flags).search(text)
    assert compiled.possible(text)
    assert compiled.search(text) is not None


def test_a_text_without_the_words_is_answered_by_the_screen_alone() -> None:
    text = "Newsletter: this week's best deals on garden furniture and barbecue tools. " * 20
    assert cues.ACK.possible(text) is False
    assert cues.ACK.search(text) is None and list(cues.ACK.finditer(text)) == []
    assert cues.ACK.sub("-", text) == text


def test_lone_surrogates_go_to_re_unscreened() -> None:
    text = "Your refund has been completed \udcff " + "x" * 80
    assert cues.REFUND_RECEIVED.possible(text)
    assert cues.REFUND_RECEIVED.search(text) is not None


def test_lexicon_built_patterns_are_screened_too() -> None:
    labelled = guarded("(?:" + "|".join(lexicon.ORDER_LABELS) + r")\s*[:：]?\s*(\d{4,})", re.I)
    assert isinstance(labelled, screen.Screened)
    assert labelled.search("Bestellnummer: 104482 " + "x" * 80).group(1) == "104482"


def _spans(matches) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in matches]


def test_re_starts_where_the_screen_finds_a_candidate_with_the_same_answers() -> None:
    """search, match and finditer begin `re` at RE2's first candidate: the matches are `re`'s own,
    in ASCII and in Chinese, Polish or Hungarian mail (RE2 counts bytes, `re` characters)."""
    texts = _texts()[::3]
    compared = 0
    for name, pattern in SCREENED.items():
        for text in texts:
            positions = (0, len(text) // 3, len(text) - 5)
            found = _spans(pattern.finditer(text))
            assert found == _spans(pattern.full.finditer(text)), name
            for pos in positions:
                assert _spans(filter(None, [pattern.search(text, pos)])) == _spans(
                    filter(None, [pattern.full.search(text, pos)])
                ), (name, pos)
            for (start, _end), _groups in found[:3]:
                assert pattern.match(text, start).span() == pattern.full.match(text, start).span(), name
                assert pattern.match(text, start + 1) == pattern.full.match(text, start + 1) or (
                    pattern.match(text, start + 1).span() == pattern.full.match(text, start + 1).span()
                ), name
            compared += 1
    assert compared > 5000


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        # a look-behind sees the text before `pos`, as with `re` alone
        (r"(?<!un)(?:paid|shipped)\b" + PAD, "unpaid ... shipped, and paid " + "." * 60, ["shipped", "paid"]),
        # empty matches: `re`'s own iteration takes over
        (r"(?:订单|order)?(?=号)" + PAD, "订单号 1 order号 2 号 " + "。" * 60, ["订单", "", "order"]),
        # a character after many multi-byte ones: offsets are characters, not bytes
        (
            r"(?:発送|shipped)\s*(\d{4,})" + PAD,
            "ご注文の商品を発送しました。" * 5 + "発送 12345 / shipped 67890" + "。" * 40,
            ["発送 12345", "shipped 67890"],
        ),
    ],
)
def test_finditer_from_the_screen_candidates_matches_re(pattern: str, text: str, expected: list[str]) -> None:
    compiled = guarded(pattern, re.I)
    assert isinstance(compiled, screen.Screened)
    plain = re.compile(pattern, re.I)
    assert [m.group(0) for m in compiled.finditer(text)] == [m.group(0) for m in plain.finditer(text)]
    assert [m.group(0) for m in compiled.finditer(text)][: len(expected)] == expected


def test_a_look_ahead_that_ends_the_pattern_narrows_its_screen() -> None:
    """ "(\\d{8,16})(?=\\s+számú csomag)": RE2 looks for the words after the number, not for any digit."""
    pattern = guarded(lexicon.TRACKING_NUMBER_FIRST, re.I)
    assert isinstance(pattern, screen.Screened)
    digits_only = "Rendelés 2026-10-12, összeg 12 990 Ft, 1234567890 " + "x " * 40
    assert not pattern.possible(digits_only)
    named = "A(z) 67148822913 számú csomagját kézbesítettük. " + "x " * 40
    assert pattern.search(named).group(1) == "67148822913"
    # inside the pattern a look-ahead still only narrows `re`: RE2 drops it
    inner = guarded(r"(?:order|commande|bestellung|zamówienie|pedido|ordine)(?=\s*n[°º])\s*n[°º]?\s*(\d+)", re.I)
    assert isinstance(inner, screen.Screened)
    assert inner.search("commande n 4412 " + "x " * 40) is None
    assert inner.possible("commande n 4412 " + "x " * 40)


def test_no_long_reader_pattern_has_a_screen_that_passes_every_text() -> None:
    """A branch that can match nothing but a look-around (an empty label) makes a screen pass every
    mail, and `re` then tries each alternative at every position: such a branch needs its own pattern."""
    import gc

    neutral = ("zzzz qqqq " * 8).encode()
    open_screens = [
        obj.pattern[:80]
        for obj in gc.get_objects()
        if isinstance(obj, screen.Screened)
        and "{24,}" not in obj.pattern  # a token's shape, read on values of a few characters only
        and obj.screen.Match(screen._UNANCHORED, neutral, 0, len(neutral))[0] != screen._NO_MATCH
    ]
    assert open_screens == []


def test_exact_re2_finds_what_re_finds_in_every_corpus_html() -> None:
    """The attribute URLs of each HTML body: RE2 with every case `re` folds together and Python's \\s."""
    from orderwatch.parsers import base

    source = r"""(?:href|src|action)\s*=\s*["']?([^"'\s>]+)"""
    assert not isinstance(base._ATTRIBUTE_URL, re.Pattern)  # RE2 reads it
    plain = re.compile(source, re.I)
    compared = 0
    for path in sorted(SCENARIOS.glob("*/*.eml"))[::4]:
        try:
            html = parse_mail(path.read_bytes()).html
        except MalformedMail:
            continue
        if html:
            assert base._ATTRIBUTE_URL.findall(html) == plain.findall(html), path.name
            compared += 1
    assert compared > 200
    corners = "<A HREF=\u00a0'x1'> <img ſrc=y2> <form ACTİON=z3> <a href=\u3000w4>"
    assert base._ATTRIBUTE_URL.findall(corners) == plain.findall(corners) == ["x1", "y2", "z3", "w4"]


@pytest.mark.parametrize("pattern", [r"(?<!un)paid\s+(\d+)", r"\bref\s+(\w+)", r"[^a-z]{2}", r"(\d)-\1", r"x{2,9}"])
def test_exact_re2_leaves_to_re_what_re2_would_read_otherwise(pattern: str) -> None:
    assert isinstance(screen.exact_re2(pattern, re.I), re.Pattern)
