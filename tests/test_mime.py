"""The guarded MIME layer: pure, no I/O."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from orderwatch.parsers.mime import (
    MalformedMail,
    decode_bytes,
    decode_header_value,
    html_to_text,
    parse_mail,
    received_date,
)

from orderwatch import parsers
from tests.conftest import CORPUS
from tests.support.mails import gbk_8bit_subject_mail, hostile_headers_mail, not_a_message


def test_every_corpus_message_parses() -> None:
    files = sorted(CORPUS.glob("*/*.eml"))
    assert len(files) >= 100
    for path in files:
        mail = parse_mail(path.read_bytes())
        # a From naming several addresses (real phishing: "EXPRESS, jehd <…>") is left empty on purpose, and
        # an empty one ("Verzendingsupdate <>") is said
        unnamed = {"AmbiguousFrom", "NoFromAddress"} & set(mail.warnings)
        assert mail.subject and (mail.from_addr or unnamed) and mail.date is not None, path
        # only bytes no charset reads are replaced, and the mail says so (a captured spam's broken UTF-8)
        assert "\ufffd" not in mail.subject + mail.text or "UndecodableBytes" in mail.warnings, path


def test_gb2312_label_with_gbk_characters() -> None:
    assert decode_bytes("镕".encode("gbk"), "gb2312") == "镕"
    assert (
        decode_header_value("=?GB2312?B?" + __import__("base64").b64encode("镕".encode("gbk")).decode() + "?=") == "镕"
    )


def test_wrong_label_falls_back() -> None:
    assert decode_bytes("订单 café".encode(), "iso-8859-1") == "订单 café"  # UTF-8 behind a Latin label
    assert decode_bytes("été ça".encode("latin-1"), "iso-8859-1") == "été ça"  # real Latin-1 stays Latin-1
    assert decode_bytes("订单".encode(), "no-such-charset") == "订单"  # an unknown label falls back
    assert decode_bytes("订单".encode("gbk"), "utf-8") == "订单"


def test_raw_8bit_gbk_headers() -> None:
    mail = parse_mail(gbk_8bit_subject_mail())
    assert mail.subject.startswith("【星河数卡】") and mail.from_name == "星河数卡"
    assert "镕" in mail.text


def test_hostile_headers_do_not_raise() -> None:
    mail = parse_mail(hostile_headers_mail())
    assert mail.date is None  # 31 Feb is no date
    assert mail.from_addr == "a@b.example"
    assert mail.message_id == "<hostile@b.example>"


@pytest.mark.parametrize("raw", [b"", b"   \r\n", not_a_message()])
def test_not_a_message(raw: bytes) -> None:
    with pytest.raises(MalformedMail):
        parse_mail(raw)
    assert parsers.parse(raw).status == "failed"


def test_too_many_parts_is_refused() -> None:
    parts = b"".join(b"--b\r\nContent-Type: text/plain\r\n\r\nx\r\n" for _ in range(600))
    raw = b'From: a@b.c\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n' + parts + b"--b--\r\n"
    outcome = parsers.parse(raw)
    assert outcome.status == "failed" and "MIME parts" in (outcome.reason or "")


def test_html_to_text_keeps_structure() -> None:
    text = html_to_text(
        "<html><head><style>p{}</style></head><body><p>订单号：<b>123</b></p><table><tr><td>金额</td><td>¥5.00</td></tr></table><script>x()</script></body></html>"
    )
    assert text.splitlines() == ["订单号：123", "金额 ¥5.00"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_an_outcome(raw: bytes) -> None:
    outcome = parsers.parse(raw)
    assert outcome.status in ("ok", "failed")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["utf-8", "gbk", "gb2312", "big5", "latin-1", "bogus", ""]))
def test_any_header_decodes(text: str, charset: str) -> None:
    try:
        encoded = text.encode(charset or "utf-8")
    except (UnicodeEncodeError, LookupError):
        encoded = text.encode("utf-8")
    raw = b"From: x@y.z\r\nSubject: " + encoded.replace(b"\r", b"").replace(b"\n", b"") + b"\r\n\r\nbody\r\n"
    outcome = parsers.parse(raw)
    assert outcome.status == "ok"


def test_html_sent_as_text_plain_is_read_as_html() -> None:
    raw = (
        "From: shop@faka.example\r\nSubject: =?UTF-8?B?6K6i5Y2V6YCa55+l?=\r\nDate: Wed, 06 May 2026 10:03:27 +0800\r\n"
        "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
        '<meta charset="UTF-8"><div style="color:#000"><span>下单成功，请等待订单发货。</span>'
        "<p>订单编号：2026050610025138417</p></div>\r\n"
    ).encode()
    mail = parse_mail(raw)
    assert "<div" not in mail.text and "<p>" not in mail.text
    assert "订单编号：2026050610025138417" in mail.text


def test_a_mail_without_date_takes_the_senders_zone_not_the_recipients_provider() -> None:
    """Gmail stamps Pacific time on what it takes in; the shop's own relay stamped UTC: the mail's zone
    is the sender's (its 'end of day' is the shop's), the instant the first hop's."""
    hops = [
        "by 2002:a05:7300:6c2a::90 with SMTP id d42csp; Fri, 9 Oct 2026 07:22:10 -0700 (PDT)",
        "from smtp-out.shop.example by mx.google.com with ESMTPS id 5b1f; Fri, 09 Oct 2026 07:22:09 -0700 (PDT)",
        "from web-worker-2 by smtp-out.shop.example (Postfix) id 8F2C; Fri, 9 Oct 2026 14:22:07 +0000 (UTC)",
    ]
    at = received_date(hops)
    assert at is not None and at.isoformat() == "2026-10-09T14:22:07+00:00"
    relayed = [  # a worker stamping UTC behind the shop's relay in local time: the relay's zone
        "from relay.shop.example by mx.google.com; Fri, 9 Oct 2026 07:22:10 -0700 (PDT)",
        "from worker by relay.shop.example; Fri, 9 Oct 2026 16:22:08 +0200",
        "from localhost by worker; Fri, 9 Oct 2026 14:22:07 +0000",
    ]
    assert received_date(relayed).isoformat() == "2026-10-09T16:22:07+02:00"
