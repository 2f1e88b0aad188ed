"""Which draft fits an alert, and what goes into it: the time + event + demand of domain.md.

Pure: returns a template name and a context; `render.py` turns them into text. The wording is
objective (no "骗子", "诈骗"), names a concrete demand, and keeps room to escalate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, tzinfo
from functools import lru_cache
from typing import Any

from orderwatch.domain.ladder import escalation
from orderwatch.domain.model import Alert, AlertKind, Event, Order, Role
from orderwatch.domain.regions import region_for
from orderwatch.domain.timefmt import reply_by, when, zone_label

FORBIDDEN = ("骗子", "诈骗", "scam", "fraudster")
_ZH_KIND = {
    "ordered": "下单",
    "paid": "付款",
    "promise": "商家承诺",
    "shipped": "商家发货",
    "delivered": "交付",
    "problem": "商家告知无法履约",
    "complaint_sent": "我方投诉",
    "complaint_ack": "对方受理投诉",
    "evidence_requested": "对方要求补充凭证",
    "platform_reply": "对方答复",
    "decision": "对方作出处理结果",
    "refund": "退款",
    "note": "备注",
}
_ZH_SUBTYPE = {"appeal": "我方提交申诉", "evidence": "我方补充凭证"}
_EN_KIND = {
    "ordered": "order placed",
    "paid": "I paid",
    "promise": "promised",
    "shipped": "they shipped",
    "delivered": "delivered",
    "problem": "the seller reported a problem",
    "complaint_sent": "I complained",
    "complaint_ack": "they acknowledged my complaint",
    "evidence_requested": "they asked for evidence",
    "platform_reply": "they replied",
    "decision": "they decided",
    "refund": "refund",
    "note": "note",
}
_EN_SUBTYPE = {"appeal": "I appealed", "evidence": "I sent the evidence"}


# Drafts beyond the alert kinds: the other rungs of the ladder (domain.md, "Escalation ladder").
EXTRA_KINDS = ("platform_complaint", "outside_complaint", "heimao_post", "chargeback")


def template_for(kind: str, lang: str) -> str:
    return f"drafts/{kind}.{'zh' if lang == 'zh' else 'en'}.j2"


def draft_kind(alert: Alert, order: Order, marketplace: bool) -> str:
    """Which draft fits an alert: the message for the *next* rung of the ladder.

    An unanswered complaint is not answered by writing to the same desk again: after the
    merchant comes the platform (or, for a shop on its own, the card issuer or 12315); after
    the platform or an appeal, an outside body.
    """
    if alert.kind != AlertKind.COMPLAINT_UNANSWERED:
        return alert.kind
    return escalation(str(alert.facts.get("stage") or alert.stage), marketplace, order.lang).draft


# What a draft says that moves with the instant it is written at: with `context(moving_parts=False)`
# these stand as markers, so the rest is rendered once per order state and `fill` writes them in.
MOVING = ("as_of", "reply_by", "zone", "signed_on")
_MARK = "\x00{}\x00"
_APART = "\x01"  # between texts filled together; no template writes it, no time or zone has it
_MARKS = re.compile("\x00(" + "|".join(MOVING) + ")\x00")


def moving(
    instant: datetime | None, alert: Alert | None, lang: str, zone: tzinfo | None, fallback: datetime | None = None
) -> dict[str, str]:
    """The parts of a draft that depend on the instant it is written at (`fallback` names the zone
    when there is none)."""
    as_of = alert.as_of if alert else None
    if instant is None and fallback is None:  # the zone is named at this very moment: nothing to keep
        return _moving.__wrapped__(instant, as_of, lang, zone, fallback)
    return _moving(instant, as_of, lang, zone, fallback)


@lru_cache(maxsize=64)  # a check writes thousands of drafts at one instant, in a few zones
def _moving(
    instant: datetime | None, as_of: datetime | None, lang: str, zone: tzinfo | None, fallback: datetime | None
) -> dict[str, str]:
    stamp = when(instant, lang, zone)
    return {
        "as_of": when(as_of, lang, zone) if as_of else "",
        "reply_by": when(reply_by(instant, zone), lang, zone) if instant else "",
        "zone": zone_label(zone, instant or fallback or datetime.now().astimezone()),
        "signed_on": stamp.split(" ")[0] if instant else "",
    }


def fill_many(texts: list[str], values: Mapping[str, str]) -> list[str]:
    """`fill` over many texts written at one instant in one zone: one pass over all of them."""
    if any(_APART in text for text in texts):
        return [fill(text, values) for text in texts]
    return fill(_APART.join(texts), values).split(_APART)


def fill(text: str, values: Mapping[str, str]) -> str:
    """A text rendered with `context(moving_parts=False)`, with the instant's own parts written in."""
    return _MARKS.sub(lambda m: values[m.group(1)], text) if "\x00" in text else text


def context(
    order: Order,
    alert: Alert | None,
    lang: str,
    zone: tzinfo | None = None,
    me: Mapping[str, str] | None = None,
    now: datetime | None = None,
    moving_parts: bool = True,
) -> dict[str, Any]:
    """Everything a draft says, every time written in `zone` (named once, as `zone`).

    With `moving_parts` False (an alert's draft only), the parts in MOVING stay markers for `fill`.
    """
    me = me or {}

    def at(t: datetime | None) -> str:
        return when(t, lang, zone)

    events = [e for e in order.events if e.role == Role.SENT and e.kind == "complaint_sent"]
    history = [
        {"when": at(e.at), "what": describe(e, lang), "kind": e.kind}
        for e in order.events
        # the buyer's own word that it came is said by the complaint line itself
        if e.kind not in ("promise", "ordered") and not (e.kind == "delivered" and e.role == Role.SENT)
    ]
    amount = (
        f"{order.amount} {order.currency or ''}".strip() if order.amount else ("货款" if lang == "zh" else "the price")
    )
    if lang == "zh" and order.currency == "CNY" and order.amount:
        amount = f"{order.amount}元"
    first = min((e.at for e in order.events), default=None)
    instant = alert.as_of if alert else (now or max((e.at for e in order.events), default=None))
    if moving_parts or alert is None:
        now_parts = moving(instant, alert, lang, zone, order.paid_at)
    else:
        now_parts = {key: _MARK.format(key) for key in MOVING}
    stated = order.promise_source != "default" and bool(order.promise_phrase)
    return {
        "order_no": order.order_no,
        "item": order.item or ("商品" if lang == "zh" else "the item"),
        "merchant": order.merchant,
        "amount": amount,
        "paid_at": at(order.paid_at or order.ordered_at or first),
        "promised_by": at(order.promised_by),
        "promise_default": order.promise_source == "default",
        "promise_ship": order.promise_kind == "ship",
        "promise_phrase": (order.promise_phrase or "").strip() if stated else "",
        "virtual": order.virtual,
        "shipped": order.shipped_at is not None,  # shipped and not delivered: ask for delivery, not a tracking number
        # one parcel of several came ("colis 1/2"): the rest is what is missing, not the whole order
        "partly_delivered": any(e.kind == "delivered" and e.fields.get("partial") for e in order.events),
        # the shop answered once (a new date, an excuse): the draft holds it to that, never "no explanation"
        "answered": any(e.kind == "platform_reply" and e.role == Role.INBOX for e in order.events),
        "complaint_no": order.complaint_no,
        "complained_at": at(events[-1].at) if events else "",
        "due_at": at(alert.due_at) if alert else "",
        **now_parts,
        "stage": alert.stage if alert else order.stage,
        "refund_amount": _refund_amount(order, alert, lang),
        "clock_stage": str(alert.facts.get("stage") or alert.stage) if alert else order.stage,
        "history": history,
        "large": _large(order),
        **_region(order.currency),
        "signer_name": me.get("name", ""),
        "signer_contact": me.get("contact", ""),
    }


def describe(event: Event, lang: str) -> str:
    """One line of the draft's history, in the draft's language."""
    if event.manual:
        return event.summary
    if lang != "zh":
        what = _EN_SUBTYPE.get(str(event.fields.get("subtype")), _EN_KIND.get(event.kind, event.kind))
        if event.kind == "refund":
            what = "refund received" if event.fields.get("state") == "received" else "they agreed to refund"
        if event.kind == "decision":
            what += {"against": " against me", "partial": " partly in my favour", "for_buyer": " in my favour"}.get(
                str(event.fields.get("outcome")), ""
            )
        amount = event.fields.get("amount")
        if event.kind in ("paid", "refund") and amount:
            what += f" {amount}"
        return what + (f" (ref. {event.ticket_no})" if event.ticket_no else "")
    what = _ZH_SUBTYPE.get(str(event.fields.get("subtype")), _ZH_KIND.get(event.kind, event.kind))
    amount = event.fields.get("amount")
    currency = str(event.fields.get("currency") or "CNY")
    money = f" {amount}元" if currency == "CNY" else f" {amount} {currency}"  # "1350.00 TWD", never 元 for NT$
    if event.kind in ("paid", "refund") and amount:
        what += money
    if event.kind == "refund":
        what = ("退款已到账" if event.fields.get("state") == "received" else "对方同意退款") + (money if amount else "")
    if event.kind == "decision":
        what += {"against": "（驳回）", "partial": "（部分支持）", "for_buyer": "（支持）"}.get(
            str(event.fields.get("outcome")), ""
        )
    if event.ticket_no:
        what += f"，编号 {event.ticket_no}"
    return what


def _refund_amount(order: Order, alert: Alert | None, lang: str) -> str:
    """The refund promised (the alert knows it), else the whole amount paid."""
    value = alert.facts.get("amount") if alert else None
    if not value:
        return ""
    currency = str((alert.facts.get("currency") if alert else None) or order.currency or "")
    return f"{value}元" if lang == "zh" and currency == "CNY" else f"{value} {currency}".strip()


def _region(currency: str | None) -> dict[str, str]:
    """What a Chinese draft names by the buyer's region: the outside body (short, "12315", and in
    full), the steps after it (a regulator, a court), the payment desk, and which law to cite (`region`)."""
    r = region_for(currency)
    return {
        "region": r.key,
        "outside_body": r.outside_body,
        "outside_bodies": r.outside_bodies,
        "report": r.report,
        "sue": r.sue,
        "payment_desk": r.payment_desk,
    }


def _large(order: Order) -> bool:
    """Over 5,000 yuan: the regulator or a court becomes a sensible next step (domain.md)."""
    try:
        return order.currency == "CNY" and float(order.amount or 0) > 5000
    except ValueError:
        return False


def split(text: str) -> tuple[str, str]:
    """A rendered draft's first line is 'Subject: …'; the rest is the body."""
    first, _, body = text.partition("\n")
    subject = first.removeprefix("Subject:").removeprefix("主题：").removeprefix("主題：").strip()
    return subject, body.strip() + "\n"


def is_clean(text: str) -> bool:
    return not any(word in text for word in FORBIDDEN)
