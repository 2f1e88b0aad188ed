"""How a case leaves the program: the contract's JSON of orders, events and alerts, and a draft
as a mail (RFC 5322) addressed as a reply in the order's thread, for the Drafts folder.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from functools import lru_cache
from typing import Any

from orderwatch.cases import CaseView
from orderwatch.domain.model import Alert, Event, Order, Role
from orderwatch.safe_names import one_line
from orderwatch.store import Store


def order_json(order: Order) -> dict[str, Any]:
    return {
        "ref": order.ref,
        "order_no": order.order_no,
        "platform": order.platform,
        "merchant": order.merchant,
        "item": order.item,
        "amount": order.amount,
        "currency": order.currency,
        "ordered_at": _iso(order.ordered_at),
        "paid_at": _iso(order.paid_at),
        "promised_by": _iso(order.promised_by),
        "promise_kind": order.promise_kind,
        "promise_source": order.promise_source,
        "delivered_at": _iso(order.delivered_at),
        "shipped_at": _iso(order.shipped_at),
        "status": order.status,
        "stage": order.stage,
        "complaint_no": order.complaint_no,
        "lang": order.lang,
        "provisional": order.provisional,
    }


def event_json(event: Event) -> dict[str, Any]:
    return {
        "at": event.at.isoformat(),
        "kind": event.kind,
        "summary": event.summary,
        "message_id": event.message_id,
        "source": event.source,
        "fields": dict(event.fields),
        "entered_by_user": event.manual,
    }


def alert_json(alert: Alert, draft: dict[str, str] | None) -> dict[str, Any]:
    return {
        "ref": alert.ref,
        "order_no": alert.order_no,
        "kind": alert.kind,
        "due_at": alert.due_at.isoformat(),
        "as_of": _instant(alert.as_of),
        "stage": alert.stage,
        "next_step": alert.next_step,
        "provisional": alert.provisional,
        "draft": draft,
    }


@lru_cache(maxsize=4)  # every alert of a check shares one instant
def _instant(at: datetime) -> str:
    return at.isoformat()


def _iso(at: datetime | None) -> str | None:
    return at.isoformat() if at else None


def draft_message(store: Store, view: CaseView, draft: dict[str, str], sender: str) -> tuple[bytes, str]:
    """The draft as an RFC 5322 reply to the other side of the order's thread: (bytes, recipient)."""
    inbound = [e for e in view.case.events if e.role == Role.INBOX and e.sender and e.message_id]
    desk = [
        e for e in inbound if e.kind in ("complaint_ack", "platform_reply", "evidence_requested", "decision", "refund")
    ]
    parent = (desk or inbound)[-1] if (desk or inbound) else None
    msg = EmailMessage()
    msg["From"] = one_line(sender)
    subject = draft["subject"]
    if parent is not None:
        msg["To"] = one_line(parent.sender)
        original = store.subject_of(parent.sha256) or subject
        subject = original if re.match(r"^\s*(re|回复)\s*[:：]", original, re.I) else f"Re: {original}"
        ticket = view.evaluation.complaint_no
        if ticket and ticket not in subject:
            subject += f" [{ticket}]"
        msg["In-Reply-To"] = parent.message_id
        msg["References"] = " ".join([*parent.references, parent.message_id])
    msg["Subject"] = one_line(subject)
    msg["Date"] = format_datetime(datetime.now().astimezone())
    msg["Message-ID"] = make_msgid(domain="orderwatch.invalid")
    msg.set_content(draft["body"])
    return bytes(msg), str(msg["To"] or "")
