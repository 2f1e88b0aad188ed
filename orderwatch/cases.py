"""Use cases over the stored timeline: orders, one order's timeline, the alerts due at an
instant, and the events the user enters by hand. Called by the CLI and the flows alike.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from orderwatch import advice, hanzi, render
from orderwatch.config import Me
from orderwatch.domain import drafts
from orderwatch.domain.model import EVENT_KINDS, Alert, AlertKind, Event, EventKind, Order, Role, Stage
from orderwatch.domain.regions import region_for
from orderwatch.domain.rulebook import Rulebook
from orderwatch.domain.rules import Evaluation, evaluate
from orderwatch.domain.timefmt import user_zone
from orderwatch.domain.timeline import Case, Facts, facts, link
from orderwatch.errors import UsageError
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
    return [view_of(case, rules, as_of) for case in link(parsed, manual)]


def view_of(case: Case, rules: Rulebook, as_of: datetime) -> CaseView:
    """One order's facts and its evaluation at `as_of`."""
    f = facts(case, rules)
    ev = evaluate(case, f, rules, as_of)
    return CaseView(case, f, ev, _order(case, f, ev))


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
                        {**due.facts, "marketplace": view.facts.marketplace, "currency": view.facts.currency},
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
    role = Role.SENT if kind == EventKind.COMPLAINT_SENT else Role.INBOX
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


@dataclass(frozen=True)
class Skeleton:
    """A draft rendered with the parts that move with the instant (drafts.MOVING) left as markers."""

    lang: str
    kind: str
    subject: str
    body: str
    zone: tzinfo | None

    def filled(self, alert: Alert | None) -> dict[str, str]:
        """The ready-to-send text, written at the alert's instant."""
        if alert is None:
            return {"lang": self.lang, "kind": self.kind, "subject": self.subject, "body": self.body}
        values = drafts.moving(alert.as_of, alert, self.lang, self.zone)
        subject, body = drafts.fill_many([self.subject, self.body], values)
        return {"lang": self.lang, "kind": self.kind, "subject": subject, "body": body}


def draft_for(
    view: CaseView,
    alert: Alert | None,
    lang: str | None = None,
    kind: str | None = None,
    templates: Path | None = None,
    me: Me | None = None,
) -> dict[str, str]:
    """The ready-to-send text for an alert (or the order's current next step), signed by [me]."""
    return skeleton(view, alert, lang, kind, templates, me).filled(alert)


def skeleton(
    view: CaseView,
    alert: Alert | None,
    lang: str | None = None,
    kind: str | None = None,
    templates: Path | None = None,
    me: Me | None = None,
) -> Skeleton:
    """The draft for an alert as rendered once per order state (see `Skeleton`)."""
    lang = lang or view.facts.lang
    me = me or Me()
    if kind is None:
        kind = drafts.draft_kind(alert, view.order, view.facts.marketplace) if alert else _default_kind(view)
    o = view.order
    zone = user_zone(me.timezone, o.paid_at, o.ordered_at, o.promised_by, *(e.at for e in o.events))
    signer = {"name": me.name, "contact": me.contact}
    context = drafts.context(o, alert, lang, zone, signer, moving_parts=False)
    text = render.render(drafts.template_for(kind, lang), context, templates)
    if lang == "zh":  # a Taiwanese or Hong Kong buyer's draft in their own characters
        text = hanzi.written_in(text, region_for(o.currency).script)
    subject, body = drafts.split(text)
    return Skeleton(lang, kind, subject, body, zone)


def _default_kind(view: CaseView) -> str:
    """Without a due alert: the draft for the order's next step on the ladder."""
    stage = view.evaluation.stage
    if stage == "none":
        return AlertKind.DELIVERY_OVERDUE
    if stage in ("merchant", "platform"):
        return AlertKind.COMPLAINT_UNANSWERED
    return AlertKind.APPEAL_WINDOW if stage == Stage.APPEAL else AlertKind.COMPLAINT_UNANSWERED
