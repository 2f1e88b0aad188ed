"""The dated facts a shop's mail states besides the order itself: a stated promise (its deadline,
or its start and duration) and a refund promised with a cancellation. Kept apart from `shops.py`,
which decides what a mail is; these only write what it says as events.
"""

from __future__ import annotations

import dataclasses
import re

from orderwatch.parsers import cues, fields, lexicon
from orderwatch.parsers import guarded as rx
from orderwatch.parsers.base import Message
from orderwatch.parsers.durations import stated_deadline, stated_duration
from orderwatch.parsers.fields.zones import on_local_clock
from orderwatch.parsers.guarded import guarded
from orderwatch.parsers.replies import reply_promise

from orderwatch.domain.calendar import calendar_for

# An order the buyer collects from the shop's own store: the shop promises it ready, not brought to the door.
_COLLECTED_IN_STORE = guarded(
    r"retrait (?:en |au |dans (?:votre |le )?)?magasin|click\s*(?:&|and|\+|et)\s*collect|in-?store pick-?up|"
    r"(?:store|local|curbside) pick-?up|collect (?:it )?in[- ]store|abholung im (?:markt|laden|gesch[äa]ft)|"
    r"ritiro in negozio|recogida en tienda|门店自提|到店自提|到店自取|門市自取",
    re.I,
)
# A date given as a deadline, not an estimate: "Wir liefern … bis Mittwoch", "avant 13h", "arrives by", "前送达"
_DEADLINE = guarded(
    r"\b(?:by|before|no later than|bis|sp[äa]testens|avant|au plus tard|entro|antes de[l]?|przed|uiterlijk)\b|前|までに",
    re.I,
)
_TO_THE_DOOR = guarded(r"livr|deliver|liefer|zustell|consegn|entreg|送达|送達|配達", re.I)


def promise_event(msg: Message, promise, order_no: str, start, currency: str | None, **extra: object):
    """A stated promise as a dated fact: its deadline, or `start` plus its duration."""
    if promise.by is not None:  # "le jeudi 12 novembre à 20h30", written in October: Paris's November clock
        by, provisional = on_local_clock(promise.by, msg.at, msg.mail.from_addr.rpartition("@")[2], msg.text), False
    else:
        assert promise.within is not None
        by, provisional = promise.within.after(start, calendar_for(msg.lang, currency))
    kind = promise.kind
    if kind == "deliver" and _COLLECTED_IN_STORE.search(msg.text) and not _TO_THE_DOOR.search(promise.phrase):
        kind = "ship"  # "Retrait magasin sous 3 à 5 jours ouvrés": ready to collect is the shop's part, kept by "prête"
    return msg.event(
        "promise",
        at=start,
        summary=f"promised: {promise.phrase}",
        order_no=order_no,
        by=by.isoformat(),
        promise=kind,
        phrase=" ".join(promise.phrase.split()),
        stated=True,
        provisional=provisional or None,
        within=f"{promise.within.amount} {promise.within.unit}" if promise.within else None,
        anchor=promise.anchor if promise.by is None else None,  # counted from payment or from the order
        anchor_named=(promise.anchor_named and promise.by is None) or None,
        limit=(promise.by is not None and _DEADLINE.search(promise.phrase) is not None) or None,
        **extra,
    )


def refund_grant(msg: Message, order_no: str, opening: dict[str, object]):
    """A refund the seller promises along with a cancellation or failure, with its stated time."""
    within = stated_duration(msg.text, lexicon.REFUND_VERBS_ZH, lexicon.REFUND_VERBS_EN, lexicon.REFUND_INTL_WORDS)
    deadline = stated_deadline(msg.text, msg.at)
    money = fields.local_currency(fields.refund_amount(msg.text, msg.lang, msg.dollar), msg.text, msg.sender_domain)
    total = fields.order_total(msg.text, msg.lang, msg.dollar)  # "全额退还订单金额¥2350.00": the order's own amount
    total = total or fields.full_refund_total(msg.text, money)  # "已为您办理全额退款¥256.00"
    sums = [
        fields.local_currency(m, msg.text, msg.sender_domain) for m in fields.amounts(msg.text, msg.lang, msg.dollar)
    ]
    others = [m for m in sums if m != money]
    if (
        total is None
        and money is not None
        and (
            not others  # a cancellation whose every sum is the refund's ("Importe: 329,00 €" … "a reembolsar: 329,00 €")
            or (
                len({m.currency for m in others} | {money.currency}) == 1
                and sum(m.amount for m in others) == money.amount
            )
        )
    ):  # or whose lines add up to it: every line of the order cancelled and paid back
        total = money
    return msg.event(
        "refund",
        summary="refund promised",
        order_amount=total.text() if total else None,
        order_currency=total.currency if total else None,
        order_no=order_no,
        state="granted",
        amount=money.text() if money else None,
        currency=money.currency if money else None,
        within=f"{within.amount} {within.unit}" if within else None,
        due=deadline.isoformat() if deadline else None,
        **{k: v for k, v in opening.items() if k not in ("amount", "currency")},
    )


def restock_promise(msg: Message, order_no: str | None) -> list:
    """The new time a failure notice commits to ("会在今天18:00前把卡密发到您的邮箱"): a promise event."""
    promised = reply_promise(msg.text, msg.at)
    if promised is None:
        return []
    return [msg.event("promise", summary=f"promised: {promised['phrase']}", order_no=order_no, **promised)]


def problem_kind(text: str) -> str:
    """What went wrong, as the seller (or its desk) tells it: out of stock, cancelled (by the buyer's
    own request, or not), or failed."""
    if rx.search(r"缺货|无货|库存|out of stock|sold out", text, re.I):
        return "out_of_stock"
    if not cues.CANCELLED.search(text):
        return "failed"
    return "cancelled_by_buyer" if cues.BUYER_CANCELLED.search(text) else "cancelled"


def sibling_orders(msg: Message, order_no: str, any_label: bool = False, shipment: bool = False) -> list[str]:
    """The other orders one mail names under the same label and in the same shape: a marketplace's
    basket from two sellers is two orders ("Order number : 15-14388-20417" … "…20418"). With
    `any_label`, any label will do: a complaint about several ("1. 订单号 ORD…117 … 2. 订单号 ORD…356")."""
    found = fields.references(msg.text, msg.subject, msg.links)
    first = next((r for r in found if r.value == order_no), None)
    if first is None:
        return []
    listed = first.evidence[0].startswith("after '") and fields.plural_word(first.evidence[0])
    if not (any_label or first.evidence[0].startswith("label") or listed):  # "Bestellungen 412 und 415"
        return []
    label = _label(first.evidence[0], shipment)
    return [
        r.value
        for r in found
        if r.value != order_no
        and (r.evidence[0].startswith("label") if any_label else _label(r.evidence[0], shipment) == label)
        and fields.reference_shape(r.value) == fields.reference_shape(order_no)
    ]


def _label(evidence: str, shipment: bool) -> str:
    """The label a reference was read under: "label 'Order number " of "label 'Order number : 15-14388-20417'";
    in a shipment, a hashed one without the number it quotes ("label 'Order #111-77152…'" -> "label 'order #"),
    so that one box's "Order #111-…" lines name its orders alike."""
    if shipment and "#" in evidence:
        return rx.sub(r"#\s*\d.*$", "#", evidence).casefold()
    return evidence.split(":")[0]


def for_each_order(events: list, order_no: str, siblings: list[str]) -> list:
    """The confirmation's facts for every order it names; its total is the basket's, no one order's."""
    shared = []
    for event in events:
        if event.order_no == order_no and event.kind in ("ordered", "paid", "shipped", "delivered"):
            event = dataclasses.replace(event, fields={**event.fields, "amount": None, "currency": None})
        shared.append(event)
    # a box "contains items from 2 orders": its shipping, arrival and delivery are each order's
    copies = [
        dataclasses.replace(event, order_no=sibling)
        for sibling in siblings
        for event in shared
        if event.order_no == order_no and event.kind in ("ordered", "paid", "promise", "shipped", "delivered")
    ]
    return shared + copies
