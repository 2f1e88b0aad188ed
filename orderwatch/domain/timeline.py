"""Events -> orders: link every event to its order, and read the order's facts off its timeline.

Linking, in order of trust: the order number the mail names; a ticket or complaint number seen
before on that order; the thread (In-Reply-To / References to a message already on the order).
Any shop or marketplace mail that names a purchase opens its order (domain.md, "Which mail makes
an order"): the confirmation first, else a payment, shipping, delivery, failure or refund notice
(a mailbox often holds only those). A complaint about an unknown number opens it only when answered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from orderwatch.domain import joining, promises
from orderwatch.domain.calendar import calendar_for
from orderwatch.domain.durations import Duration, parse_duration
from orderwatch.domain.model import Event, Role
from orderwatch.domain.rulebook import Rulebook

CREATING = ("ordered",)
# A shop's notice opens an order only when no confirmation named that number (any platform).
OPENING = (
    "paid",
    "shipped",
    "delivered",
    "problem",
    "refund",
    "promise",
    "decision",
    "platform_reply",
    "complaint_ack",
    "evidence_requested",
)
# What the order's facts read from whichever mail gives them, the confirmation first.
ORDER_FIELDS = (
    "amount",
    "currency",
    "merchant",
    "platform_name",
    "marketplace",
    "shop_domain",
    "item",
    "virtual",
    "delivery_mode",
)


@dataclass
class Case:
    """One order's events, oldest first, and what identifies the order."""

    order_no: str
    platform: str
    events: list[Event] = field(default_factory=list)
    message_ids: set[str] = field(default_factory=set)
    folded: list[Event] = field(default_factory=list)  # quoted repeats whose facts completed the shop's own
    tickets: set[str] = field(default_factory=set)

    @property
    def ref(self) -> str:
        return f"{self.platform}:{self.order_no}"

    def first(self, kind: str) -> Event | None:
        return next((e for e in self.events if e.kind == kind), None)

    def all(self, kind: str) -> list[Event]:
        return [e for e in self.events if e.kind == kind]

    def add(self, event: Event) -> None:
        self.events.append(event)
        if event.message_id:
            self.message_ids.add(event.message_id)
        if event.ticket_no:
            self.tickets.add(event.ticket_no)


def from_shop(event: Event) -> bool:
    """Received mail, or the shop's mail the user's own reply quotes whole (`quoted`): the shop's words."""
    return event.role == Role.INBOX or bool(event.fields.get("quoted"))


# the prefix a shop engine puts before its order number in the payment service's invoice ("WC-10457")
_INVOICE_PREFIX = re.compile(r"^[A-Za-z]{1,4}[-_#]")


def _second_hand(event: Event) -> bool:
    return bool(event.fields.get("payment_service") or event.fields.get("quoted"))


def without_quoted_repeats(events: list[Event]) -> tuple[list[Event], list[Event]]:
    """The shop's mail quoted in the user's own repeats what the shop's mail here says: keep the shop's
    event, completed with what only the quote adds ("虚拟卡信息": virtual goods), and drop the repeat.
    Returns (the events kept, the repeats dropped)."""
    if not any(e.fields.get("quoted") for e in events):  # nearly every order: nothing to fold
        return events, []
    first: dict[str, int] = {}
    for index, event in enumerate(events):
        if event.role == Role.INBOX:
            first.setdefault(event.kind, index)
    kept = list(events)
    repeats = [e for e in events if e.fields.get("quoted") and e.kind in first]
    for event in repeats:
        own = kept[first[event.kind]]
        extra = {k: v for k, v in event.fields.items() if v and k != "quoted" and not own.fields.get(k)}
        if extra:
            kept[first[event.kind]] = replace(own, fields={**own.fields, **extra})
    dropped = {id(e) for e in repeats}
    return [e for e in kept if id(e) not in dropped], repeats


def event_order(event: Event) -> tuple[datetime, str, int]:
    return (event.at, event.sha256 or event.message_id or "", event.seq)


def link(events: Iterable[Event], manual: dict[str, list[Event]] | None = None) -> list[Case]:
    """Group events into cases. `manual` maps an order ref to events the user entered."""
    ordered = sorted(events, key=event_order)
    cases: dict[tuple[str, str], Case] = {}
    by_number: dict[str, list[Case]] = {}
    # a payment service's receipt, or the shop's mail quoted in the user's own, opens the order only
    # when no mail of the shop does
    by_payer = sorted(ordered, key=_second_hand)
    openers: list[tuple[Case, Event]] = []  # each case with the mail that opened it
    # a carrier that calls its parcel number an order ("Заказ № 1482039571 … вручён") names another order's parcel
    parcels = {str(e.fields["tracking_no"]) for e in ordered if e.fields.get("tracking_no") and e.order_no}
    parcels -= {e.order_no for e in ordered if e.order_no and str(e.fields.get("tracking_no") or "") == e.order_no}
    for kinds in (CREATING, OPENING):
        for event in by_payer if kinds is CREATING else ordered:
            if event.kind not in kinds or not event.order_no or not from_shop(event) or event.order_no in parcels:
                continue
            if kinds is OPENING and (event.order_no in by_number or not event.fields.get("platform")):
                continue
            if _second_hand(event) and event.order_no in by_number:
                continue
            bare = _INVOICE_PREFIX.sub("", event.order_no)
            if _second_hand(event) and bare != event.order_no and bare in by_number:
                by_number[event.order_no] = by_number[bare]  # a payment receipt's "WC-10457": order 10457, prefixed
                continue
            if kinds is OPENING and (twin := joining.refunded_order(event, openers)) is not None:
                by_number[event.order_no] = [twin]  # a refund receipt under its own number joins the order it repays
                continue
            platform = str(event.fields.get("platform") or "mail")
            key = (platform, event.order_no)
            if key not in cases:
                cases[key] = Case(event.order_no, platform)
                by_number.setdefault(event.order_no, []).append(cases[key])
            openers.append((cases[key], event))
    _open_from_answered_complaints(ordered, cases, by_number)
    by_message: dict[str, Case] = {}
    by_ticket: dict[str, Case] = {}
    by_tracking: dict[str, Case] = {}
    by_site: dict[str, list[Case]] = {}
    unplaced: list[Event] = []
    for event in ordered:
        case = _find(event, by_number, by_ticket, by_message)
        tracking = str(event.fields.get("tracking_no") or "")
        if case is None and tracking and not event.order_no:
            case = by_tracking.get(tracking)  # a carrier's notice joins the order that shipped it
        if case is None and event.order_no in parcels:
            case = by_tracking.get(str(event.order_no))
        if case is None and not event.order_no:  # a ticket seen for the first time names no order either
            by_site_order = None if event.ticket_no else joining.only_order_from(event, by_site)
            case = (
                by_site_order
                or joining.charged_order(event, cases.values())
                or joining.respondent_order(event, cases.values())
                or joining.mentioned_order(event, by_number)
                or joining.escalated_order(event, cases.values())
            )
        if case is None:
            if event.ticket_no and not event.order_no:
                unplaced.append(event)
            continue
        case.add(event)
        if event.message_id:
            by_message.setdefault(event.message_id, case)
        if event.ticket_no:
            by_ticket.setdefault(event.ticket_no, case)
        if tracking and event.order_no:
            by_tracking.setdefault(tracking, case)
        site = joining.site(event.sender)
        if event.order_no and event.role == Role.INBOX and site and case not in by_site.setdefault(site, []):
            by_site[site].append(case)
    for event in unplaced:  # the case's first mail named only its number; a later one tied it to the order
        if (case := by_ticket.get(str(event.ticket_no))) is not None:
            case.add(event)
    result = sorted(cases.values(), key=lambda c: (c.events[0].at if c.events else datetime.min, c.ref))
    for case in result:
        case.events, case.folded = without_quoted_repeats(case.events)
        for extra in (manual or {}).get(case.ref, []):
            case.add(extra)
        case.events.sort(key=event_order)
    return result


def _open_from_answered_complaints(
    ordered: list[Event], cases: dict[tuple[str, str], Case], by_number: dict[str, list[Case]]
) -> None:
    """The user's complaint names an order no shop mail here names, and the shop answers in its thread
    ("OPPO商城客服回复" In-Reply-To the complaint): the answer makes that number an order."""
    asked = {e.message_id: e for e in ordered if e.role == Role.SENT and e.order_no and e.message_id}
    for event in ordered:
        complaint = asked.get(event.in_reply_to or "")
        if complaint is None or event.order_no or event.kind not in OPENING or not from_shop(event):
            continue
        number = str(complaint.order_no)
        if number not in by_number:
            key = (str(event.fields.get("platform") or joining.site(event.sender) or "mail"), number)
            cases[key] = Case(number, key[0])
            by_number.setdefault(number, []).append(cases[key])


def _find(
    event: Event, by_number: dict[str, list[Case]], by_ticket: dict[str, Case], by_message: dict[str, Case]
) -> Case | None:
    if event.order_no and event.order_no in by_number:
        candidates = by_number[event.order_no]
        if len(candidates) == 1:
            return candidates[0]
        platform = event.fields.get("platform")
        return next((c for c in candidates if c.platform == platform), candidates[0])
    if event.ticket_no and event.ticket_no in by_ticket:
        return by_ticket[event.ticket_no]
    for parent in (event.in_reply_to, *reversed(event.references)):
        if parent and parent in by_message:
            return by_message[parent]
    return None


@dataclass(frozen=True)
class Facts:
    """What an order is, as its order mail says, and what was promised."""

    amount: str | None
    currency: str | None
    merchant: str
    platform_name: str | None
    marketplace: bool
    shop_domain: str
    item: str
    lang: str
    virtual: bool
    ordered_at: datetime | None
    paid_at: datetime | None
    promised_by: datetime | None
    promise_kind: str | None
    promise_source: str | None
    promise_phrase: str | None
    provisional: bool
    first_seen: datetime | None = None

    @property
    def start(self) -> datetime | None:
        return self.paid_at or self.ordered_at or self.first_seen

    def calendar(self):
        return calendar_for(self.lang, self.currency)


def facts(case: Case, rules: Rulebook) -> Facts:
    # the shop's own mail before a payment service's receipt of it (whose server's zone is not the buyer's)
    receipts = {e.message_id for e in case.events if _second_hand(e)}
    ordered, paid = (
        next((e for e in case.events if e.kind == kind and e.message_id not in receipts), None) or case.first(kind)
        for kind in ("ordered", "paid")
    )
    f = _order_fields(case, ordered)
    lang = ordered.lang if ordered else (case.events[0].lang if case.events else "en")
    virtual = bool(f.get("virtual"))
    # Without an order or payment mail (a mailbox holding only the shipping notice), the order
    # was placed no later than its first mail: the default clocks count from that.
    first_seen = next((e.at for e in case.events if from_shop(e) and not e.manual), None)
    start = (paid.at if paid else None) or (ordered.at if ordered else None) or first_seen
    # The latest promise the seller states governs; the earlier ones stay on the timeline.
    stated = [e for e in case.events if e.kind == "promise" and e.fields.get("by") and from_shop(e)]
    promise = promises.governing(stated)
    promised_by = None
    kind = None
    source = None
    phrase = None
    provisional = False
    if promise is not None and _counts_from_payment(promise) and _awaiting_payment(case, f):
        promise = None  # "24 小時內出貨 after payment" of an order never paid: no clock runs, stated or default
    elif promise is not None:
        promised_by = promises.restated_day(stated, datetime.fromisoformat(str(promise.fields["by"])))
        named = bool(promise.fields.get("anchor_named"))  # "支付成功后72小时内" restated in a later reminder
        if paid is not None and _counts_from_payment(promise) and (paid.at > promise.at or named):
            # stated before the payment arrived (an ATM transfer, a gateway's later notice): from the payment
            promised_by, _ = parse_duration(str(promise.fields["within"])).after(
                paid.at, calendar_for(lang, f.get("currency"))
            )
        kind = str(promise.fields.get("promise") or "deliver")
        source, phrase = "stated", str(promise.fields.get("phrase") or "")
        provisional = bool(promise.fields.get("provisional"))
    if promise is None and start is not None and not _awaiting_payment(case, f):
        mode = f.get("delivery_mode")
        rule = {"auto": "auto_delivery", "manual": "manual_delivery"}.get(str(mode), "other_delivery")
        duration: Duration = rules.get(rule, case.platform)
        promised_by, provisional = duration.after(start, calendar_for(lang, f.get("currency")))
        kind, source, phrase = "deliver", "default", f"default: {duration.text(lang)}"
    if virtual:
        kind = "deliver"  # every virtual good is kept only by its delivery (domain.md)
    return Facts(
        amount=f.get("amount"),
        currency=f.get("currency"),
        merchant=str(f.get("merchant") or ""),
        platform_name=f.get("platform_name"),
        marketplace=bool(f.get("marketplace")),
        shop_domain=str(f.get("shop_domain") or ""),
        item=str(f.get("item") or ""),
        lang=lang,
        virtual=virtual,
        ordered_at=ordered.at if ordered else None,
        paid_at=paid.at if paid else None,
        promised_by=promised_by,
        promise_kind=kind,
        promise_source=source,
        promise_phrase=phrase,
        provisional=provisional,
        first_seen=first_seen,
    )


def _counts_from_payment(promise: Event) -> bool:
    """A duration the shop counts from the payment ("付款後3個工作天內出貨"), not a date."""
    return promise.fields.get("anchor") == "payment" and bool(promise.fields.get("within"))


def _awaiting_payment(case: Case, f: dict[str, object]) -> bool:
    """An order placed but never paid (the mail asks for payment): no default delivery clock runs."""
    return bool(f.get("unpaid")) and not any(e.kind in ("paid", "shipped", "delivered") for e in case.events)


_AMOUNT_KINDS = ("paid", "shipped", "delivered", "ordered", "promise")  # a refund's amount is not the order's


def _order_fields(case: Case, ordered: Event | None) -> dict[str, object]:
    """The order's fields: the confirmation's, completed from the other shop mail in time order."""
    merged: dict[str, object] = dict(ordered.fields) if ordered else {}
    for event in case.events:
        if not from_shop(event) or (event.kind == "refund" and event is not ordered):
            continue
        for key in ORDER_FIELDS:
            if merged.get(key) in (None, "") and event.fields.get(key) not in (None, ""):
                if key in ("amount", "currency") and event.kind not in _AMOUNT_KINDS:
                    continue
                merged[key] = event.fields[key]
    if merged.get("amount") in (None, ""):  # a notice that states the order's total ("订单金额") completes it
        stated = next((e for e in case.events if from_shop(e) and e.fields.get("order_amount")), None)
        if stated is not None:
            merged["amount"] = stated.fields["order_amount"]
            merged["currency"] = merged.get("currency") or stated.fields.get("order_currency")
    if merged.get("amount") in (None, ""):  # no shop mail states it: what the user said they paid, in their complaint
        told = next((e for e in case.events if e.role == Role.SENT and e.fields.get("stated_amount")), None)
        if told is not None:
            merged["amount"], merged["currency"] = told.fields["stated_amount"], told.fields.get("stated_currency")
    return merged
