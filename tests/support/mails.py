"""Realistic test messages built in code (the scenario corpus lives in tests/scenarios)."""

from __future__ import annotations

import base64
import os
import random
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime


def plain_mail(
    sender: str,
    subject: str,
    body: str,
    when: datetime | str,
    in_reply_to: str | None = None,
    to: str = "buyer@example.com",
) -> bytes:
    """One plain-text message, as a unit test of the readers writes it by hand."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    msg["Date"] = when if isinstance(when, str) else format_datetime(when)
    msg["Message-ID"] = f"<{abs(hash((sender, subject, body)))}@test>"
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    msg.set_content(body)
    return bytes(msg)


SHOPS = ["星河数卡", "云栈卡盟", "Lumen Print Studio", "Tidewater Coffee", "优品汇商城"]


def order_mail(n: int, size: int = 8000, attachment: int = 0, when: datetime | None = None) -> bytes:
    """A plausible HTML order confirmation of about `size` bytes, optionally with an attachment.

    Like real shop mail, its size is mostly markup (tables, inline styles); the visible text is
    a few hundred characters. Even numbers are Chinese 发卡网-style mail, odd ones English.
    """
    when = when or datetime(2026, 3, 1, 9, 0, tzinfo=UTC) + timedelta(minutes=n)
    shop = SHOPS[n % len(SHOPS)]
    amount = f"{(n % 500) + 9}.00"
    if n % 2 == 0:
        order_no = f"K{n:09d}QZ"
        rows = [
            ("订单号", order_no),
            ("商品名称", f"会员月卡 {n % 12 + 1} 个月（自动发货）"),
            ("购买数量", "1"),
            ("总价", f"{amount} ¥"),
            ("支付时间", when.strftime("%Y-%m-%d %H:%M")),
            ("发货方式", "自动发货"),
        ]
        intro = "您的订单已支付成功，商品将通过自动发货方式发送到本邮箱，请留意查收。"
        subject = f"【{shop}】订单支付成功通知"
    else:
        order_no = f"{100000 + n}"
        rows = [
            ("Order", f"#{order_no}"),
            ("Item", f"Print no. {n % 40} x 1"),
            ("Subtotal", f"${amount}"),
            ("Total", f"${amount}"),
        ]
        intro = "Thank you for your order. Your payment went through and it ships within 2 business days."
        subject = "Your order has been confirmed!"
    cell = '<td style="padding:6px 0;color:#8a8f98;width:96px;font-family:Arial,sans-serif;font-size:14px;">'
    table = "".join(f"<tr>{cell}{k}</td>{cell}{v}</td></tr>\n" for k, v in rows)
    html = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0;padding:0}</style></head>'
        f'<body style="background:#f2f4f7;"><table width="600" cellpadding="0" cellspacing="0"><tr><td>{shop}</td></tr>'
        f"<tr><td><p>{intro}</p><table>{table}</table></td></tr></table>"
    )
    spacer = (
        '<tr><td style="padding:0;height:1px;line-height:1px;font-size:1px;border-bottom:1px solid #eaecef;">'
        "&nbsp;</td></tr>\n"
    )
    html += "<table>" + spacer * max(0, (size - len(html) - 900) // len(spacer)) + "</table></body></html>"
    body = base64.encodebytes(html.encode("utf-8")).decode("ascii")
    head = (
        f"From: =?utf-8?B?{base64.b64encode(shop.encode()).decode()}?= <shop{n % 7}@example.com>\r\n"
        f"To: buyer@example.org\r\n"
        f"Subject: =?utf-8?B?{base64.b64encode(subject.encode()).decode()}?=\r\n"
        f"Date: {format_datetime(when)}\r\n"
        f"Message-ID: <order-{n}-{os.getpid()}@example.com>\r\n"
        "MIME-Version: 1.0\r\n"
    )
    if not attachment:
        return (
            head + "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + body
        ).encode()
    blob = base64.encodebytes(random.Random(n).randbytes(attachment)).decode("ascii")
    return (
        head
        + 'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        + "--b1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + body
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
