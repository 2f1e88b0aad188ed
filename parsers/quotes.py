"""Quoted and forwarded text: what is new in a reply, and what a forward carries.

A reply that quotes the order mail must not create a second order, and a forward of the user's
own order counts once, with the times of the forwarded mail, not of the forward.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line that starts the quoted part of a reply, in the clients buyers use.
_QUOTE_START = re.compile(
    r"^(?:"
    r"-{2,}\s*(?:原始邮件|Original Message|Forwarded message|转发邮件|Weitergeleitete Nachricht)\s*-{2,}"
    r"|_{10,}"
    r"|在\s*.{4,80}(?:写道|wrote)\s*[:：]"
    r"|On\s.{4,200}wrote:"
    r"|Am\s.{4,120}schrieb.*:"
    r"|Le\s.{4,120}a écrit\s*:"
    r"|-{2,}\s*Reply above this line\s*-{2,}"
    r"|#{2,}\s*(?:Please type your reply above this line|请在此线以上回复).*"
    r"|(?:From|发件人)\s*[:：].{3,200}$"
    r")",
    re.I | re.M,
)
_FORWARD_SUBJECT = re.compile(r"^\s*(?:fw|fwd|转发|轉寄|tr)\s*[:：]", re.I)
_HEADER_LINE = re.compile(
    r"^\s*(From|Sent|Date|To|Cc|Subject|发件人|发送时间|日期|收件人|抄送|主题)\s*[:：]\s*(.*)$", re.I
)


def new_text(text: str) -> str:
    """The part of a reply written now: everything above the first quote marker, and no '>' lines."""
    match = _QUOTE_START.search(text)
    head = text[: match.start()] if match else text
    lines = [line for line in head.splitlines() if not line.lstrip().startswith(">")]
    return "\n".join(lines).strip()


def quoted_text(text: str) -> str:
    match = _QUOTE_START.search(text)
    return text[match.start() :] if match else ""


@dataclass(frozen=True)
class Forwarded:
    """The original mail inside a forward: its header fields and its text."""

    headers: dict[str, str]
    text: str


def forwarded(subject: str, text: str) -> Forwarded | None:
    """The forwarded mail, if this is a forward ("FW:", "Fwd:", "转发:") with a header block."""
    if not _FORWARD_SUBJECT.match(subject or ""):
        return None
    match = _QUOTE_START.search(text)
    if not match:
        return None
    rest = text[match.start() :].splitlines()
    headers: dict[str, str] = {}
    body_start = None
    for index, line in enumerate(rest[:20]):
        header = _HEADER_LINE.match(line)
        if header:
            key = header.group(1).lower()
            key = {
                "发件人": "from",
                "发送时间": "date",
                "sent": "date",
                "日期": "date",
                "收件人": "to",
                "抄送": "cc",
                "主题": "subject",
            }.get(key, key)
            headers[key] = header.group(2).strip()
        elif headers and not line.strip():
            body_start = index + 1
            break
    if not headers or body_start is None:
        return None
    return Forwarded(headers, "\n".join(rest[body_start:]).strip())
