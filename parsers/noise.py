"""Mail that is never about an order: bounces, account mail, marketing, phishing lures.

Runs first, so order-shaped noise ("Order Shipped -- Order #…" with a zip, a promo that says
"订单满100元", a bounce whose returned headers carry an order number) creates nothing.
"""

from __future__ import annotations

from parsers import cues, fields
from parsers.base import Message, Result

NAME = "noise"


def parse(msg: Message) -> Result | None:
    mail = msg.mail
    ctype = mail.headers.get("content-type", "").lower()
    sender = mail.from_addr.lower()
    if (
        "multipart/report" in ctype
        or sender.split("@")[0] in ("mailer-daemon", "postmaster")
        or cues.BOUNCE.search(msg.subject)
    ):
        return Result(NAME, "noise", reason="bounce")
    if msg.role == "sent":
        return None
    if cues.ACCOUNT_NOISE.search(msg.subject) or (
        cues.ACCOUNT_NOISE.search(msg.text) and not fields.order_numbers(msg.both)
    ):
        return Result(NAME, "noise", reason="account")
    if any(cues.DANGEROUS_ATTACHMENT.search(a.filename or "") for a in mail.attachments):
        return Result(NAME, "noise", reason="dangerous attachment (likely phishing)")
    bulk = "list-unsubscribe" in mail.headers or mail.headers.get("precedence", "").lower() in ("bulk", "list")
    if (bulk or cues.MARKETING.search(msg.text)) and not _transactional(msg):
        return Result(NAME, "noise", reason="marketing")
    return None


def _transactional(msg: Message) -> bool:
    """An order, shipping or desk mail, which may still carry an unsubscribe footer."""
    text = msg.both
    return bool(
        cues.CONFIRM.search(text)
        or cues.SHIPPED.search(msg.subject)
        or cues.ACK.search(text)
        or msg.mail.in_reply_to
        # a newsletter never names the reader's order in its subject; an order update does
        or any(ref.score >= 3 for ref in fields.references("", msg.subject))
    )
