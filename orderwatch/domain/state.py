"""An order's timeline folded into one state at an instant T: status, stage, the open complaint,
the pending request, the last decision and grant. One pure step; the clocks read only this.

Read it top to bottom: `fold` walks the events up to T once, in time order, and `_status` names
the status from what the fold found (domain.md, "Order status").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

from orderwatch.domain.durations import Duration
from orderwatch.domain.ladder import RANK
from orderwatch.domain.model import Event, Role
from orderwatch.domain.timeline import Case, Facts

# What the other side sends that answers an open complaint.
ANSWERS = ("platform_reply", "evidence_requested", "decision", "refund", "shipped", "delivered", "problem")
TERMINAL = ("refunded", "resolved", "cancelled")


def duration_field(text: object) -> Duration | None:
    """'24 hours' as parsers store a stated time; None when absent or unreadable."""
    if not text:
        return None
    amount, _, unit = str(text).partition(" ")
    try:
        return Duration(int(amount), unit)
    except ValueError:
        return None


@dataclass
class Clock:
    """An open complaint: when it was made, at which stage, and the time the other side stated."""

    stage: str
    start: datetime
    stated: Duration | None = None
    answered_at: datetime | None = None
    due_at: datetime | None = None  # a date the other side was given to answer by ("has until Mar 17")


@dataclass
class OrderState:
    """Everything the clocks need to know about one order at one instant."""

    at: datetime
    status: str = "awaiting_delivery"
    stage: str = "none"
    complaint_no: str | None = None
    clocks: list[Clock] = field(default_factory=list)  # one per complaint and side, oldest first
    complaints: list[Event] = field(default_factory=list)
    last_request: Event | None = None
    last_decision: Event | None = None
    last_grant: Event | None = None
    refund_received: Event | None = None
    delivered: Event | None = None
    shipped: Event | None = None
    seller_problem: Event | None = None
    buyer_cancelled: Event | None = None  # the shop confirms the buyer's own cancellation: nothing owed
    last_promise: Event | None = None  # the latest time the seller (or its carrier) gave
    last_delivered: Event | None = None  # the latest delivery: a key re-sent after a complaint
    overdue: bool = False
    manual_status: str | None = None

    @property
    def clock(self) -> Clock | None:
        """The complaint the user waits on now: the latest one still open, else the latest."""
        open_ones = [c for c in self.clocks if c.answered_at is None]
        return (open_ones or self.clocks or [None])[-1]

    def open_clock(self, stage: str) -> Clock | None:
        return next((c for c in reversed(self.clocks) if c.stage == stage and c.answered_at is None), None)

    def sent_since(self, at: datetime) -> bool:
        """Has the user written to anyone (complaint, evidence, appeal) after `at`, or taken a step in a
        platform's app that the platform confirms ("已申请平台介入")?"""
        return any((c.kind == "complaint_sent" or c.fields.get("own_step")) and c.at > at for c in self.complaints)

    @property
    def refund_outstanding(self) -> bool:
        return self.last_grant is not None and (
            self.refund_received is None or self.refund_received.at < self.last_grant.at
        )


def fold(case: Case, facts: Facts, at: datetime) -> OrderState:
    """The state of the order at `at`, from its events up to then."""
    state = OrderState(at)
    stage_by_message: dict[str, str] = {}
    request_stage: str | None = None
    for event in (e for e in case.events if e.at <= at):
        kind = event.kind
        if kind == "delivered" and not event.fields.get("partial"):
            state.last_delivered = event
        if kind == "note" and event.manual and event.fields.get("status"):
            state.manual_status = str(event.fields["status"])
        elif kind == "complaint_sent":
            _complaint_sent(state, event, facts, stage_by_message, request_stage)
        elif kind == "complaint_ack":
            _complaint_ack(state, event, facts, stage_by_message)
        else:
            # a desk that only closes the ticket ("Ticket gesloten") has not answered it
            # nor has a carrier sending the parcel back: no one wrote to the buyer about the complaint
            carriers = kind == "problem" and event.fields.get("carrier_only")
            if event.role == Role.INBOX and kind in ANSWERS and not event.fields.get("closed_only") and not carriers:
                _answer(state, event, stage_by_message)
            if kind == "evidence_requested":
                state.last_request = event
                request_stage = str(event.fields.get("desk") or (state.clock.stage if state.clock else "platform"))
            elif kind == "decision":
                state.last_decision = event
            elif kind == "refund":
                if event.fields.get("state") == "received":
                    state.refund_received = event
                elif not _already_paid(event, state.refund_received):
                    state.last_grant = event
            elif kind == "delivered" and state.delivered is None and not event.fields.get("partial"):
                state.delivered = event  # a delivery of part of the order keeps no promise
            elif kind == "shipped" and state.shipped is None:
                state.shipped = event
            elif kind == "promise":
                state.last_promise = event
            elif kind == "problem" and _buyers_cancellation(state, event):
                state.buyer_cancelled = state.buyer_cancelled or event
            elif kind == "problem" and state.seller_problem is None:
                state.seller_problem = event
    if state.delivered is not None and _parcels_still_out(case, at):
        state.delivered = None  # one parcel of two came: the order is not delivered yet
    kept = state.delivered is not None or (facts.promise_kind == "ship" and state.shipped is not None)
    if kept and _promised_again(state):
        kept = state.last_delivered is not None and state.last_delivered.at >= state.last_promise.at

    cancelled = state.buyer_cancelled is not None
    state.overdue = facts.promised_by is not None and at > facts.promised_by and not kept and not cancelled
    state.status = _status(state)
    return state


def _buyers_cancellation(state: OrderState, event: Event) -> bool:
    """The shop cancels as the buyer asked: said so ("as requested"), or after the buyer's own request."""
    what = event.fields.get("problem")
    asked = any(c.kind == "complaint_sent" and c.fields.get("asks") == "cancel" for c in state.complaints)
    return what == "cancelled_by_buyer" or (what == "cancelled" and asked)


def _complaint_sent(
    state: OrderState, event: Event, facts: Facts, stage_by_message: dict[str, str], request_stage: str | None
) -> None:
    state.complaints.append(event)
    stage = _stage_of_sent(event, facts, stage_by_message, request_stage)
    state.stage = max(state.stage, stage, key=RANK.__getitem__)
    if state.open_clock(stage) is None:
        state.clocks.append(Clock(stage, event.at))  # each side has its own clock; the same side keeps its own
    if event.message_id:
        stage_by_message[event.message_id] = stage


def _complaint_ack(state: OrderState, event: Event, facts: Facts, stage_by_message: dict[str, str]) -> None:
    state.complaints.append(event)
    side = _side_of_desk(event, facts, state.clock)
    stated = duration_field(event.fields.get("within"))
    due = event.fields.get("due")
    due_at = datetime.fromisoformat(str(due)) if due else None
    state.stage = max(state.stage, side, key=RANK.__getitem__)
    clock = state.open_clock(side)
    if clock is not None:
        clock.stated = stated or clock.stated
        clock.due_at = due_at or clock.due_at
    else:
        state.clocks.append(Clock(side, event.at, stated, due_at=due_at))  # known only from its acknowledgement
    if event.ticket_no:
        state.complaint_no = event.ticket_no
    if event.message_id:
        stage_by_message[event.message_id] = side


def _parcels_still_out(case: Case, at: datetime) -> bool:
    """Parcels shipped under their own tracking numbers, and the delivery notices name only some."""
    events = [e for e in case.events if e.at <= at]
    sent = {str(e.fields["tracking_no"]) for e in events if e.kind == "shipped" and e.fields.get("tracking_no")}
    came = {str(e.fields["tracking_no"]) for e in events if e.kind == "delivered" and e.fields.get("tracking_no")}
    return bool(came) and len(sent) > 1 and bool(sent - came)


def _answer(state: OrderState, event: Event, stage_by_message: dict[str, str]) -> None:
    side = event.fields.get("desk")
    clock = state.clock
    own = state.open_clock(str(side)) if side else None
    settles = event.kind == "refund"
    for open_one in [own] if own is not None and event.at >= own.start and not settles else state.clocks:
        if open_one.answered_at is not None or event.at < open_one.start:
            continue
        # an outside body answers its own clock; money granted settles the dispute on every rung ("the trader
        # has agreed to refund $189.00", relayed by Fair Trading, answers the complaint to the trader too)
        if (side == "outside") == (open_one.stage == "outside") or settles:
            open_one.answered_at = event.at
    if event.ticket_no and event.kind != "shipped":
        state.complaint_no = event.ticket_no
    if event.message_id:
        stage_by_message[event.message_id] = str(side or (clock.stage if clock else "merchant"))


# How long a desk's word may trail the shop's own refund mail: the refund notice and the agent's
# "I've refunded the full £27.50" are sent minutes or hours apart, in either order.
_GRANT_TRAILS_REFUND = timedelta(days=2)


def _promised_again(state: OrderState) -> bool:
    """A new delivery promised, in answer to a complaint, after the goods came ("今晚21点前补发一张新的"
    for a key that did not work): the first delivery does not keep it, only one after it."""
    promise, delivered = state.last_promise, state.delivered
    if promise is None or delivered is None or promise.at <= delivered.at:
        return False
    return any(delivered.at <= c.at <= promise.at for c in state.complaints)  # given in answer to a complaint


def _already_paid(grant: Event, received: Event | None) -> bool:
    """Whether a grant only reports a refund the user has already been told of: the same sum or
    less, received shortly before it (a later grant of more money is still owed)."""
    if received is None or grant.at - received.at > _GRANT_TRAILS_REFUND:
        return False
    try:
        granted, paid = Decimal(str(grant.fields["amount"])), Decimal(str(received.fields["amount"]))
    except (KeyError, InvalidOperation):
        return False
    return grant.fields.get("currency") == received.fields.get("currency") and granted <= paid


def _status(state: OrderState) -> str:
    decision, grant, complaint = state.last_decision, state.last_grant, state.complaints[-1:] or [None]
    latest = complaint[0]
    if state.manual_status in ("cancelled", "resolved"):
        return state.manual_status
    # the buyer writes again after the money came: "I do not accept this partial refund" keeps it open
    sent = [c for c in state.complaints if c.kind == "complaint_sent"]
    disputed = bool(sent) and state.refund_received is not None and sent[-1].at > state.refund_received.at
    if (
        state.refund_received is not None
        and (grant is None or state.refund_received.at >= grant.at)
        and not (disputed and not _spent(state, sent[-1]))
    ):
        return "refunded"
    if grant is not None:
        return "refund_pending"
    if state.buyer_cancelled is not None and (latest is None or latest.at < state.buyer_cancelled.at):
        return "cancelled"
    if decision is not None and decision.fields.get("outcome") == "for_buyer":
        return "resolved"
    if latest is not None and (decision is None or latest.at > decision.at) and not _spent(state, latest):
        return "complaint_open"
    request = state.last_request  # a case known only from the desk asking for evidence ("申訴受理 … 請上傳截圖")
    if latest is None and request is not None and (decision is None or decision.at < request.at):
        return "complaint_open"
    # "库存不足，未发货" then the restocked key: the problem the seller reported ended in the delivery
    problem = state.seller_problem
    mended = problem is not None and state.last_delivered is not None and state.last_delivered.at > problem.at
    if decision is not None or (problem is not None and not mended) or state.overdue:
        return "problem"
    if state.delivered is not None:
        return "delivered"
    if state.shipped is not None:
        return "shipped"
    return "awaiting_delivery"


def _spent(state: OrderState, complaint: Event) -> bool:
    """Every side has answered the complaint, and since then the seller either shipped or delivered,
    or let the new time its answer gave run out: the order's own stage says where it stands."""
    if not all(c.answered_at is not None for c in state.clocks):
        return False
    if state.last_delivered is not None and state.last_delivered.at > complaint.at:
        return True  # delivered (or a key re-sent) after the complaint
    performed = state.delivered or state.shipped
    if performed is not None and performed.at > complaint.at:
        return True
    return state.overdue and state.last_promise is not None and state.last_promise.at > complaint.at


def _stage_of_sent(event: Event, facts: Facts, stage_by_message: dict[str, str], request_stage: str | None) -> str:
    target = event.fields.get("target")
    if target in ("legal", "outside"):
        return str(target)
    if event.fields.get("subtype") == "appeal":
        return "appeal"
    if target in ("platform", "merchant"):
        return str(target)
    if event.fields.get("subtype") == "evidence" and request_stage:
        return request_stage
    recipients = [str(d) for d in event.fields.get("to") or []]
    if facts.shop_domain and facts.shop_domain in recipients:
        return "platform" if facts.marketplace else "merchant"
    if event.in_reply_to and event.in_reply_to in stage_by_message:
        return stage_by_message[event.in_reply_to]
    return "merchant"


def _side_of_desk(event: Event, facts: Facts, clock: Clock | None) -> str:
    desk = event.fields.get("desk")
    if desk in ("outside", "platform"):
        return str(desk)
    if clock is not None and clock.answered_at is None:
        return clock.stage
    sender_domain = event.sender.rpartition("@")[2]
    if facts.shop_domain and sender_domain.endswith(facts.shop_domain):
        return "platform" if facts.marketplace else "merchant"
    return "merchant"
