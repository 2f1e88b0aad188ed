"""What the domain talks about: events on an order's timeline, the order, and alerts.

Plain frozen dataclasses. Times are timezone-aware; each keeps the offset it was stated in,
so a deadline prints in the zone of the mail that set it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

EVENT_KINDS = (
    "ordered",
    "paid",
    "promise",
    "shipped",
    "delivered",
    "problem",
    "complaint_sent",
    "complaint_ack",
    "evidence_requested",
    "platform_reply",
    "decision",
    "refund",
    "note",
)
STATUSES = (
    "awaiting_delivery",
    "shipped",
    "delivered",
    "problem",
    "complaint_open",
    "refund_pending",
    "refunded",
    "resolved",
    "cancelled",
)
STAGES = ("none", "merchant", "platform", "appeal", "outside", "legal")
ALERT_KINDS = (
    "delivery_overdue",
    "complaint_unanswered",
    "evidence_due",
    "appeal_window",
    "complaint_window",
    "refund_overdue",
)


@dataclass(frozen=True)
class Event:
    """One fact on a timeline, with where it came from.

    Parsers fill what the mail says (`kind`, `at`, `summary`, `fields`, the order and ticket it
    names); ingestion adds the provenance (message, source, threading headers, addresses).
    """

    kind: str
    at: datetime
    summary: str = ""
    fields: Mapping[str, Any] = field(default_factory=dict)
    order_no: str | None = None
    ticket_no: str | None = None
    # provenance
    message_id: str | None = None
    sha256: str | None = None
    source: str = "import"  # imap:ACCOUNT/FOLDER | import | manual
    role: str = "inbox"  # inbox: received; sent: written by the user
    sender: str = ""
    recipients: tuple[str, ...] = ()
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    lang: str = "en"
    parser: str = ""
    seq: int = 0  # order of events within one message

    @property
    def manual(self) -> bool:
        return self.source == "manual"


@dataclass(frozen=True)
class Order:
    """An order as its timeline shows it at one instant."""

    ref: str
    order_no: str
    platform: str
    merchant: str
    item: str
    amount: str | None
    currency: str | None
    ordered_at: datetime | None
    paid_at: datetime | None
    promised_by: datetime | None
    promise_kind: str | None  # ship | deliver
    promise_source: str | None  # stated | default
    delivered_at: datetime | None
    shipped_at: datetime | None
    status: str
    stage: str
    complaint_no: str | None
    lang: str
    virtual: bool
    events: tuple[Event, ...] = ()
    provisional: bool = False  # a deadline used a calendar that lacks that year's make-up days
    promise_phrase: str | None = None  # the promise as the shop wrote it (stated promises only)


@dataclass(frozen=True)
class Alert:
    ref: str
    order_no: str
    kind: str
    due_at: datetime
    as_of: datetime
    stage: str
    next_step: str
    lang: str
    provisional: bool = False
    facts: Mapping[str, Any] = field(default_factory=dict)  # what the draft needs to know
