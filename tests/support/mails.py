"""Realistic test messages built in code (the scenario corpus lives in ../shared/corpus)."""

from __future__ import annotations

import base64
import os
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

SHOPS = ["星河数卡", "云栈卡盟", "Lumen Print Studio", "Tidewater Coffee", "优品汇商城"]


def order_mail(n: int, size: int = 8000, attachment: int = 0, when: datetime | None = None) -> bytes:
    """A plausible order confirmation, about `size` bytes, optionally with a binary attachment."""
    when = when or datetime(2026, 3, 1, 9, 0, tzinfo=UTC) + timedelta(minutes=n)
    shop = SHOPS[n % len(SHOPS)]
    order_no = f"2026{n:010d}"
    body = (
        f"您好！您在{shop}的订单 {order_no} 已支付成功，金额 ¥{(n % 500) + 9}.00。\n"
        f"Thank you for your order #{order_no}. It ships within 2 business days.\n"
    )
    filler = ("订单详情 order details line. " * 40 + "\n") * max(1, (size - 600) // 1200)
    text = base64.encodebytes((body + filler).encode("utf-8")).decode("ascii")
    head = (
        f"From: =?utf-8?B?{base64.b64encode(shop.encode()).decode()}?= <shop{n % 7}@example.com>\r\n"
        f"To: buyer@example.org\r\n"
        f"Subject: =?utf-8?B?{base64.b64encode(f'订单 {order_no} 支付成功'.encode()).decode()}?=\r\n"
        f"Date: {format_datetime(when)}\r\n"
        f"Message-ID: <order-{n}-{os.getpid()}@example.com>\r\n"
        "MIME-Version: 1.0\r\n"
    )
    if not attachment:
        return (
            head + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + text
        ).encode()
    blob = base64.encodebytes(random.Random(n).randbytes(attachment)).decode("ascii")
    return (
        head
        + 'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + text
        + '\r\n--b1\r\nContent-Type: image/png; name="receipt.png"\r\n'
        + 'Content-Disposition: attachment; filename="receipt.png"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
        + blob
        + "\r\n--b1--\r\n"
    ).encode()


def gbk_8bit_subject_mail() -> bytes:
    """Raw 8-bit GBK bytes in the Subject and From headers, labelled gb2312 in the body."""
    subject = "【星河数卡】订单支付成功通知 — 镕".encode("gbk")  # 镕 is GBK, not GB2312
    name = "星河数卡".encode("gbk")
    body = "您的订单 2026031100001 已支付成功，金额 52.00 元。镕".encode("gbk")
    return (
        b"From: " + name + b" <notice@xinghe.example>\r\n"
        b"To: buyer@example.org\r\n"
        b"Subject: " + subject + b"\r\n"
        b"Date: Wed, 11 Mar 2026 19:40:18 +0800\r\n"
        b"Message-ID: <gbk-8bit@xinghe.example>\r\n"
        b"MIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=gb2312\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\n" + body + b"\r\n"
    )


def hostile_headers_mail() -> bytes:
    """Headers that make Python's email package raise when read naively."""
    return (
        b"From: =?x-no-such-charset?B?5pif5rKz?= <a@b.example>\r\n"
        b"To: :;\r\n"
        b"Subject: =?utf-8?B?broken base64!?= and =?gbk?Q?=D0=C7?=\r\n"
        b"Date: Thu, 31 Feb 2026 25:61:00 +9999\r\n"
        b"Message-ID: <hostile@b.example>\r\n"
        b'Content-Type: multipart/mixed; boundary="never-closed"\r\n\r\n'
        b'--never-closed\r\nContent-Type: text/plain; charset="utf-8"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n"
    )


def not_a_message() -> bytes:
    """Bytes with no header at all: stored raw, flagged, never parsed."""
    return b"this is not an email at all, just a line of text\r\n" * 20
