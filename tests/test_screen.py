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
