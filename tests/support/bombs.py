"""Hostile mail: resource bombs and charset traps, built in code (reliability plan rows 22-23)."""

from __future__ import annotations

import base64
import os

HEAD = b"From: shop@example.com\r\nTo: me@example.com\r\nDate: Mon, 02 Mar 2026 10:00:00 +0800\r\n"


def nested(depth: int) -> bytes:
    """multipart inside multipart, `depth` levels."""
    parts = [HEAD + b"Subject: nested\r\nMIME-Version: 1.0\r\n"]
    for i in range(depth):
        parts.append(f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n'.encode())
    parts.append(b"Content-Type: text/plain\r\n\r\ndeep\r\n")
    for i in reversed(range(depth)):
        parts.append(f"--b{i}--\r\n".encode())
    return b"".join(parts)


def many_recipients(n: int = 16_000) -> bytes:
    to = ",\r\n ".join(f"user{i}@example.com" for i in range(n)).encode()
    return b"From: shop@example.com\r\nTo: " + to + b"\r\nSubject: many\r\n\r\nhello\r\n"


def many_parts(n: int = 10_000) -> bytes:
    body = b"".join(b"--x\r\nContent-Type: text/plain\r\n\r\npart\r\n" for _ in range(n))
    head = HEAD + b'Subject: parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n'
    return head + body + b"--x--\r\n"


def long_header(size: int = 1_000_000) -> bytes:
    return HEAD + b"Subject: " + b"A" * size + b"\r\n\r\nbody\r\n"


def big_part(megabytes: int = 50) -> bytes:
    payload = base64.encodebytes(os.urandom(megabytes * 1024 * 1024)).replace(b"\n", b"\r\n")
    return (
        HEAD
        + b'Subject: big\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="y"\r\n\r\n'
        + b"--y\r\nContent-Type: text/plain\r\n\r\n\xe8\xae\xa2\xe5\x8d\x95\r\n"
        + b"--y\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
        + b'Content-Disposition: attachment; filename="big.bin"\r\n\r\n'
        + payload
        + b"--y--\r\n"
    )


def bom_first() -> bytes:
    return b"\xef\xbb\xbf" + HEAD + b"Subject: bom\r\n\r\nbody\r\n"


BOMBS = {
    "nesting-1000": lambda: nested(1000),
    "nesting-5000": lambda: nested(5000),
    "to-16k-addresses": many_recipients,
    "parts-10k": many_parts,
    "header-line-1MB": long_header,
    "base64-part-50MB": big_part,
    "bom-first": bom_first,
}


def charset_traps() -> dict[str, tuple[bytes, str]]:
    """(raw message, a phrase its decoded subject or body must contain)."""

    def mail(charset: str, subject: str, body: str, encoding: str | None = None) -> bytes:
        enc = encoding or charset
        subj = base64.b64encode(subject.encode(enc)).decode()
        return (
            HEAD
            + f"Subject: =?{charset}?B?{subj}?=\r\nMIME-Version: 1.0\r\n".encode()
            + f"Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n".encode()
            + body.encode(enc)
            + b"\r\n"
        )

    return {
        "gb2312-label-gbk-chars": (mail("gb2312", "订单发货通知", "您的订单已发货，镕铧", "gbk"), "镕铧"),
        "big5": (mail("big5", "訂單通知", "您的訂單已出貨", "big5"), "訂單已出貨"),
        "shift_jis": (mail("shift_jis", "ご注文の確認", "ご注文ありがとうございます", "shift_jis"), "ご注文"),
        "iso-2022-jp": (mail("iso-2022-jp", "ご注文の発送", "発送しました", "iso-2022-jp"), "発送"),
        "raw-8bit-header": (
            HEAD + "Subject: 订单号 K1 已支付\r\n\r\n已支付\r\n".encode("gbk"),
            "已支付",
        ),
        "broken-encoded-word": (
            HEAD + b"Subject: =?utf-8?B?6K6i5Y2V5Y+3?= =?utf-8?Q?=E5=8F=91=E8=B4=A7?= =?gbk?B?broken!!?=\r\n\r\nok\r\n",
            "订单号",
        ),
    }
