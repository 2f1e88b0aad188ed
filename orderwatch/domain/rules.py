"""The clocks of domain.md ("The default rules, precisely"), evaluated at an instant T.

`evaluate(case, facts, rules, T)` reads the timeline up to T and returns the order's status, its
escalation stage, and the alerts due. Pure: the same events, rules and T always give the same
answer. A deadline stated in a mail beats the default; workdays follow the order's calendar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from orderwatch.domain.calendar import Duration
from orderwatch.domain.model import Event
from orderwatch.domain.rulebook import Rulebook
from orderwatch.domain.timeline import Case, Facts

RANK = {"none": 0, "merchant": 1, "platform": 2, "appeal": 3, "outside": 4, "legal": 5}
ANSWERS = ("platform_reply", "evidence_requested", "decision", "refund", "shipped", "delivered", "problem")
TERMINAL = ("refunded", "resolved", "cancelled")


def _duration(text: object) -> Duration | None:
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


@dataclass(frozen=True)
class Due:
    """One alert before it is worded: kind, deadline, and what the wording needs."""

    kind: str
    due_at: datetime
    provisional: bool = False
    facts: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Evaluation:
    status: str
    stage: str
    complaint_no: str | None
    delivered_at: datetime | None
    shipped_at: datetime | None
    dues: list[Due]


def _stage_of_sent(event: Event, facts: Facts, stage_by_message: dict[str, str], last_request_stage: str | None) -> str:
    target = event.fields.get("target")
    if target in ("legal", "outside"):
        return str(target)
    if event.fields.get("subtype") == "appeal":
        return "appeal"
    if target == "platform":
        return "platform"
    if event.fields.get("subtype") == "evidence" and last_request_stage:
        return last_request_stage
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


def evaluate(case: Case, facts: Facts, rules: Rulebook, at: datetime) -> Evaluation:
    events = [e for e in case.events if e.at <= at]
    calendar = facts.calendar()
    platform = case.platform

    def after(start: datetime, duration: Duration) -> tuple[datetime, bool]:
        return duration.after(start, calendar)

    clock: Clock | None = None
    stage = "none"
    stage_by_message: dict[str, str] = {}
    complaint_no: str | None = None
    last_request: Event | None = None
    last_request_stage: str | None = None
    last_decision: Event | None = None
    last_grant: Event | None = None
    refund_received: Event | None = None
    complaints: list[Event] = []
    manual_status: str | None = None
    for event in events:
        kind = event.kind
        if kind == "note" and event.manual and event.fields.get("status"):
            manual_status = str(event.fields["status"])
        if kind == "complaint_sent":
            complaints.append(event)
            sent_stage = _stage_of_sent(event, facts, stage_by_message, last_request_stage)
            stage = max(stage, sent_stage, key=RANK.__getitem__)
            if clock is None or clock.answered_at is not None or RANK[sent_stage] > RANK[clock.stage]:
                clock = Clock(sent_stage, event.at)
            if event.message_id:
                stage_by_message[event.message_id] = sent_stage
            continue
        if kind == "complaint_ack":
            complaints.append(event)
            side = _side_of_desk(event, facts, clock)
            stated = _duration(event.fields.get("within"))
            stage = max(stage, side, key=RANK.__getitem__)
            if clock is not None and clock.answered_at is None and side == clock.stage:
                clock.stated = stated or clock.stated
            elif clock is None or clock.answered_at is not None or RANK[side] > RANK[clock.stage]:
                clock = Clock(side, event.at, stated)  # known only from the acknowledgement
            if event.ticket_no:
                complaint_no = event.ticket_no
            if event.message_id:
                stage_by_message[event.message_id] = side
            continue
        if event.role == "inbox" and kind in ANSWERS:
            side = event.fields.get("desk")
            if clock is not None and clock.answered_at is None and event.at >= clock.start:
                separate = (side == "outside") != (clock.stage == "outside")
                if not separate:
                    clock.answered_at = event.at
            if event.ticket_no and kind != "shipped":
                complaint_no = event.ticket_no
            if event.message_id:
                stage_by_message[event.message_id] = str(side or (clock.stage if clock else "merchant"))
        if kind == "evidence_requested":
            last_request = event
            last_request_stage = str(event.fields.get("desk") or (clock.stage if clock else "platform"))
        elif kind == "decision":
            last_decision = event
        elif kind == "refund":
            if event.fields.get("state") == "received":
                refund_received = event
            else:
                last_grant = event

    delivered = next((e for e in events if e.kind == "delivered"), None)
    shipped = next((e for e in events if e.kind == "shipped"), None)
    seller_problem = next((e for e in events if e.kind == "problem"), None)
    kept = delivered is not None or (facts.promise_kind == "ship" and shipped is not None)
    overdue = facts.promised_by is not None and at > facts.promised_by and not kept
    latest_complaint = complaints[-1] if complaints else None

    if manual_status in ("cancelled", "resolved"):
        status = manual_status
    elif refund_received is not None and (last_grant is None or refund_received.at >= last_grant.at):
        status = "refunded"
    elif last_grant is not None:
        status = "refund_pending"
    elif last_decision is not None and last_decision.fields.get("outcome") == "for_buyer":
        status = "resolved"
    elif latest_complaint is not None and (last_decision is None or latest_complaint.at > last_decision.at):
        status = "complaint_open"
    elif last_decision is not None or seller_problem is not None or overdue:
        status = "problem"
    elif delivered is not None:
        status = "delivered"
    elif shipped is not None:
        status = "shipped"
    else:
        status = "awaiting_delivery"

    dues: list[Due] = []
    if status in TERMINAL:
        return Evaluation(
            status, stage, complaint_no, delivered.at if delivered else None, shipped.at if shipped else None, dues
        )

    if overdue and not complaints and status != "refund_pending":
        assert facts.promised_by is not None
        dues.append(Due("delivery_overdue", facts.promised_by, facts.provisional, {"promise": facts.promise_phrase}))

    if clock is not None and clock.answered_at is None:
        rule_key = f"sla_{clock.stage}"
        duration = clock.stated or rules.get(rule_key, platform)
        due_at, provisional = after(clock.start, duration)
        if at > due_at:
            dues.append(
                Due(
                    "complaint_unanswered",
                    due_at,
                    provisional,
                    {"stage": clock.stage, "since": clock.start.isoformat(), "stated": bool(clock.stated)},
                )
            )

    if last_request is not None and not any(c.kind == "complaint_sent" and c.at > last_request.at for c in complaints):
        stated = last_request.fields.get("due")
        if stated:
            due_at, provisional = datetime.fromisoformat(str(stated)), False
        else:
            due_at, provisional = after(last_request.at, rules.get("evidence", platform))
        dues.append(Due("evidence_due", due_at, provisional, {"requested": last_request.at.isoformat()}))

    appealable = last_decision is not None and last_decision.fields.get("outcome") in ("against", "partial")
    if appealable and not any(c.kind == "complaint_sent" and c.at > last_decision.at for c in complaints):
        window = _duration(last_decision.fields.get("appeal_within")) or rules.get("appeal_window", platform)
        due_at, provisional = after(last_decision.at, window)
        if at <= due_at:
            dues.append(
                Due(
                    "appeal_window",
                    due_at,
                    provisional,
                    {"decided": last_decision.at.isoformat(), "outcome": last_decision.fields.get("outcome")},
                )
            )

    if last_grant is not None and (refund_received is None or refund_received.at < last_grant.at):
        within = _duration(last_grant.fields.get("within")) or rules.get("refund", platform)
        due_at, provisional = after(last_grant.at, within)
        if at > due_at:
            dues.append(
                Due(
                    "refund_overdue",
                    due_at,
                    provisional,
                    {"granted": last_grant.at.isoformat(), "amount": last_grant.fields.get("amount")},
                )
            )

    has_problem = overdue or seller_problem is not None
    completion = (delivered.at if delivered else None) or facts.start
    if has_problem and not complaints and completion is not None:
        closes, provisional = after(completion, rules.get("complaint_window", platform))
        notice = rules.get("complaint_window_notice", platform)
        notice_delta = timedelta(hours=notice.amount) if notice.unit == "hours" else (after(at, notice)[0] - at)
        if at < closes <= at + notice_delta:
            dues.append(Due("complaint_window", closes, provisional, {"completion": completion.isoformat()}))

    return Evaluation(
        status, stage, complaint_no, delivered.at if delivered else None, shipped.at if shipped else None, dues
    )
