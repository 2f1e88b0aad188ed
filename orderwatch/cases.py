"""Use cases over the stored timeline: orders, one order's timeline, the alerts due at an
instant, and the events the user enters by hand. Called by the CLI and the flows alike.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

from orderwatch import notify, reminders, render
from orderwatch.config import Me, Settings
from orderwatch.domain import advice, drafts
from orderwatch.domain.model import EVENT_KINDS, Alert, Event, Order
from orderwatch.domain.rulebook import Rulebook
from orderwatch.domain.rules import Evaluation, evaluate
from orderwatch.domain.timefmt import user_zone
from orderwatch.domain.timeline import Case, Facts, facts, link
from orderwatch.errors import UsageError
from orderwatch.safe_names import one_line
from orderwatch.store import Store, event_row

MANUAL_KINDS = ("promise", "complaint_sent", "platform_reply", "problem", "note", "delivered", "refund", "shipped")


@dataclass(frozen=True)
class CaseView:
    case: Case
    facts: Facts
    evaluation: Evaluation
    order: Order


def load_cases(store: Store, rules: Rulebook, as_of: datetime) -> list[CaseView]:
    """Every order with its facts and its evaluation at `as_of`."""
    parsed: list[Event] = []
    manual: dict[str, list[Event]] = {}
    for order_ref, event in store.events():
        if order_ref:
            manual.setdefault(order_ref, []).append(event)
        else:
            parsed.append(event)
    views = []
    for case in link(parsed, manual):
        f = facts(case, rules)
        ev = evaluate(case, f, rules, as_of)
        views.append(CaseView(case, f, ev, _order(case, f, ev)))
    return views


def _order(case: Case, f: Facts, ev: Evaluation) -> Order:
    return Order(
        ref=case.ref,
        order_no=case.order_no,
        platform=case.platform,
        merchant=f.merchant,
        item=f.item,
        amount=f.amount,
        currency=f.currency,
        ordered_at=f.ordered_at,
        paid_at=f.paid_at,
        promised_by=f.promised_by,
        promise_kind=f.promise_kind,
        promise_source=f.promise_source,
        delivered_at=ev.delivered_at,
        shipped_at=ev.shipped_at,
        status=ev.status,
        stage=ev.stage,
        complaint_no=ev.complaint_no,
        lang=f.lang,
        virtual=f.virtual,
        events=tuple(case.events),
        provisional=f.provisional,
        promise_phrase=f.promise_phrase if f.promise_source == "stated" else None,
    )


def find(views: list[CaseView], key: str) -> CaseView:
    """An order by its ref, or by its bare order number when that is unique."""
    for view in views:
        if view.case.ref == key:
            return view
    matches = [v for v in views if v.case.order_no == key.lstrip("#")]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UsageError(f"order number {key} is ambiguous: use one of {', '.join(v.case.ref for v in matches)}")
    raise UsageError(f"no order {key!r} (see `orderwatch orders`)")


def alerts(views: list[CaseView], as_of: datetime) -> list[Alert]:
    out = []
    for view in views:
        for due in view.evaluation.dues:
            out.append(
                Alert(
                    ref=view.case.ref,
                    order_no=view.case.order_no,
                    kind=due.kind,
                    due_at=due.due_at,
                    as_of=as_of,
                    stage=view.evaluation.stage,
                    next_step=advice.next_step(
                        due.kind,
                        due.due_at,
                        view.evaluation.stage,
                        view.facts.lang,
                        {**due.facts, "marketplace": view.facts.marketplace},
                    ),
                    lang=view.facts.lang,
                    provisional=due.provisional,
                    facts=due.facts,
                )
            )
    return sorted(out, key=lambda a: (a.due_at, a.ref, a.kind))


def add_manual(store: Store, view: CaseView, kind: str, at: datetime, text: str, status: str | None = None) -> Event:
    """An event the user enters: a phone call, a chat promise, a complaint on a web form."""
    if kind not in EVENT_KINDS or kind not in MANUAL_KINDS:
        raise UsageError(f"--kind must be one of {', '.join(MANUAL_KINDS)}")
    fields: dict[str, Any] = {"entered_by": "user"}
    if status:
        fields["status"] = status
    if kind == "promise":
        fields.update(by=at.isoformat(), promise="deliver", phrase=text, stated=True)
    if kind == "complaint_sent":
        fields.update(subtype="complaint")
    role = "sent" if kind == "complaint_sent" else "inbox"
    event = Event(
        kind=kind,
        at=at,
        summary=text,
        fields=fields,
        order_no=view.case.order_no,
        source="manual",
        role=role,
        lang=view.facts.lang,
        parser="manual",
    )
    store.add_manual_event(event_row(event, f"manual:{uuid.uuid4().hex}", order_ref=view.case.ref))
    return event


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
        "as_of": alert.as_of.isoformat(),
        "stage": alert.stage,
        "next_step": alert.next_step,
        "provisional": alert.provisional,
        "draft": draft,
    }


def _iso(at: datetime | None) -> str | None:
    return at.isoformat() if at else None


def send_reminders(
    store: Store,
    settings: Settings,
    views: list[CaseView],
    due: list[Alert],
    at: datetime,
    digest: bool = True,
    notices: list[reminders.Notice] | None = None,
) -> reminders.Delivery:
    """Queue and send the reminders for the alerts due at `at` (and any notices), each once per step."""
    targets = notify.load_targets(settings)
    try:
        policy = reminders.Policy.from_options(settings.notify_options)
    except ValueError as exc:
        raise UsageError(f"[notify]: {exc}") from None
    by_ref = {v.case.ref: v for v in views}
    pairs = [(a, draft_for(by_ref[a.ref], a, templates=settings.drafts_dir, me=settings.me)) for a in due]
    report = reminders.plan(store, pairs, targets, at, policy, digest=digest)
    report.queued += reminders.plan_notices(store, notices or [], targets, at)
    return reminders.deliver(store, targets, at, report)


def draft_for(
    view: CaseView,
    alert: Alert | None,
    lang: str | None = None,
    kind: str | None = None,
    templates: Path | None = None,
    me: Me | None = None,
) -> dict[str, str]:
    """The ready-to-send text for an alert (or the order's current next step), signed by [me]."""
    lang = lang or view.facts.lang
    me = me or Me()
    if kind is None:
        kind = drafts.draft_kind(alert, view.order, view.facts.marketplace) if alert else _default_kind(view)
    o = view.order
    zone = user_zone(me.timezone, o.paid_at, o.ordered_at, o.promised_by, *(e.at for e in o.events))
    signer = {"name": me.name, "contact": me.contact}
    text = render.render(drafts.template_for(kind, lang), drafts.context(o, alert, lang, zone, signer), templates)
    subject, body = drafts.split(text)
    return {"lang": lang, "kind": kind, "subject": subject, "body": body}


def _default_kind(view: CaseView) -> str:
    """Without a due alert: the draft for the order's next step on the ladder."""
    stage = view.evaluation.stage
    if stage == "none":
        return "delivery_overdue"
    if stage in ("merchant", "platform"):
        return "complaint_unanswered"
    return "appeal_window" if stage == "appeal" else "complaint_unanswered"


def draft_message(store: Store, view: CaseView, draft: dict[str, str], sender: str) -> tuple[bytes, str]:
    """The draft as an RFC 5322 reply to the other side of the order's thread: (bytes, recipient)."""
    inbound = [e for e in view.case.events if e.role == "inbox" and e.sender and e.message_id]
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
