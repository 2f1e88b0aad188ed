"""What the domain talks about: events on an order's timeline, the order, and alerts.

Plain frozen dataclasses. Times are timezone-aware; each keeps the offset it was stated in,
so a deadline prints in the zone of the mail that set it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class EventKind(StrEnum):
    """What a fact on a timeline is. Parsers state these; the rules fold them."""

    ORDERED = "ordered"
    PAID = "paid"
    PROMISE = "promise"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    PROBLEM = "problem"
    COMPLAINT_SENT = "complaint_sent"
    COMPLAINT_ACK = "complaint_ack"
    EVIDENCE_REQUESTED = "evidence_requested"
    PLATFORM_REPLY = "platform_reply"
    DECISION = "decision"
    REFUND = "refund"
    NOTE = "note"


class Status(StrEnum):
    AWAITING_DELIVERY = "awaiting_delivery"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    PROBLEM = "problem"
    COMPLAINT_OPEN = "complaint_open"
    REFUND_PENDING = "refund_pending"
    REFUNDED = "refunded"
    RESOLVED = "resolved"
    CANCELLED = "cancelled"


class Stage(StrEnum):
    """The rungs of domain.md's escalation ladder, lowest first (`NONE`: no complaint yet)."""

    NONE = "none"
    MERCHANT = "merchant"
    PLATFORM = "platform"
    APPEAL = "appeal"
    OUTSIDE = "outside"
    LEGAL = "legal"


class AlertKind(StrEnum):
    """The six clocks of domain.md, each an alert when it runs out."""

    DELIVERY_OVERDUE = "delivery_overdue"
    COMPLAINT_UNANSWERED = "complaint_unanswered"
    EVIDENCE_DUE = "evidence_due"
    APPEAL_WINDOW = "appeal_window"
    COMPLAINT_WINDOW = "complaint_window"
    REFUND_OVERDUE = "refund_overdue"


class Role(StrEnum):
    """Who wrote a mail: received (`INBOX`) or written by the user (`SENT`)."""

    INBOX = "inbox"
    SENT = "sent"


EVENT_KINDS = tuple(EventKind)
STATUSES = tuple(Status)
STAGES = tuple(Stage)
ALERT_KINDS = tuple(AlertKind)


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
    role: str = Role.INBOX
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
