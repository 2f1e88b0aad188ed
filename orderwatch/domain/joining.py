"""How a mail that names no known order still finds its order: the one order its site sold, a charge's
amount and descriptor, a refund receipt's amount, a body's respondent, a token the user named, the one
order the user complained about before a body acknowledged a complaint."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from orderwatch.domain.addresses import HOSTED_SENDERS, PERSONAL_MAILBOXES, registrable_domain
from orderwatch.domain.model import Event, Role

if TYPE_CHECKING:
    from orderwatch.domain.timeline import Case

# A desk's mail that names no order, no ticket and no thread ("已收到您的退款申请", a refund to the
# wallet) joins the order its site sold, when that site sold exactly one in the last 90 days.
_UNNAMED_JOINERS = frozenset(
    {"complaint_ack", "platform_reply", "decision", "refund", "evidence_requested", "delivered"}
)


def only_order_from(event: Event, by_site: dict[str, list[Case]]) -> Case | None:
    if event.kind not in _UNNAMED_JOINERS or event.role != Role.INBOX or event.in_reply_to:
        return None
    if event.kind == "delivered" and event.fields.get("how") != "virtual":
        return None  # a carrier's notice joins by its tracking number only; a shop's "keys are out" by its site
    recent = [
        case
        for case in by_site.get(site(event.sender), [])
        if case.events and timedelta(0) <= event.at - case.events[0].at <= timedelta(days=90)
    ]
    return recent[0] if len(recent) == 1 else None


def mentioned_order(event: Event, by_number: dict[str, list[Case]]) -> Case | None:
    """The user's own mail names no labelled order but a token that is one ("Rank not received - tbx-…"):
    it joins that order when exactly one known order is named."""
    named = {str(token) for token in event.fields.get("mentions") or () if str(token) in by_number}
    if event.role != Role.SENT or len(named) != 1:
        return None
    candidates = by_number[named.pop()]
    return candidates[0] if len(candidates) == 1 else None


def charged_order(event: Event, cases: Iterable[Case]) -> Case | None:
    """A card issuer's dispute mail names the charge ("Merchant: BIRCH & BRAMBLE", "$236.50"), not the
    order: it joins the one order of that amount whose shop's name shares a word with the descriptor."""
    amount, descriptor = event.fields.get("charge_amount"), _words(str(event.fields.get("charge_merchant") or ""))
    if event.kind not in _UNNAMED_JOINERS or not amount or not descriptor:
        return None
    matching = [
        case
        for case in cases
        if any(e.fields.get("amount") == amount for e in case.events)
        and any(descriptor & _words(str(e.fields.get("merchant") or "")) for e in case.events)
    ]
    return matching[0] if len(matching) == 1 else None


def refunded_order(event: Event, openers: list[tuple[Case, Event]]) -> Case | None:
    """A payment service's refund receipt numbered on its own ("Receipt #3307-1158", "Refund for payment on
    May 14"): the one earlier order of the same shop whose opening mail charged that very amount."""
    amount, shop = event.fields.get("amount"), _words(str(event.fields.get("merchant") or ""))
    if event.kind != "refund" or not amount or not shop:
        return None
    matching = {
        id(case): case
        for case, opener in openers
        if opener.at <= event.at
        and opener.fields.get("amount") == amount
        and shop & _words(str(opener.fields.get("merchant") or ""))
    }
    return next(iter(matching.values())) if len(matching) == 1 else None


def respondent_order(event: Event, cases: Iterable[Case]) -> Case | None:
    """An outside body names the trader, not the order ("被投诉方：杭州白鲸网络科技有限公司（白鲸发卡）"): the
    case joins the one order whose shop that name contains."""
    named = _folded(str(event.fields.get("respondent") or ""))
    if event.kind not in _UNNAMED_JOINERS or not named:
        return None

    def names(case: Case) -> bool:
        shops = {_folded(str(e.fields.get("merchant") or "")) for e in case.events}
        return any((len(shop) >= 4 or (len(shop) >= 2 and not shop.isascii())) and shop in named for shop in shops)

    matching = [case for case in cases if names(case)]
    return matching[0] if len(matching) == 1 else None


def escalated_order(event: Event, cases: Iterable[Case]) -> Case | None:
    """An outside body's acknowledgement that names neither the order nor the trader (12315's SMS:
    "您于…提交的投诉（登记编号：…）已分送至…"): the complaint was filed on the body's own site, so it
    escalates the one order the user complained about in the 60 days before."""
    if event.kind != "complaint_ack" or event.fields.get("desk") != "outside" or event.fields.get("respondent"):
        return None

    def complained(case: Case) -> bool:
        return any(
            e.kind == "complaint_sent" and timedelta(0) <= event.at - e.at <= timedelta(days=60) for e in case.events
        )

    matching = [case for case in cases if complained(case)]
    return matching[0] if len(matching) == 1 else None


def _folded(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).lower().split())


_FILLER = frozenset({"the", "and", "ltd", "llc", "inc", "shop", "store"})


def _words(name: str) -> set[str]:
    """ "Cerámica Albaicín" and the card statement's "CERAMICA ALBAICIN" share their words."""
    plain = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    return {w for w in re.findall(r"[a-z0-9]{3,}", plain) if w not in _FILLER}


def site(address: str) -> str:
    """example.co.uk for mail@shop.example.co.uk; the whole address for a shop that mails from a personal
    mailbox (a 发卡 shop's 1593028746@qq.com); '' for a shared sending service."""
    site = registrable_domain(address)
    if site in PERSONAL_MAILBOXES:
        return address.strip().lower()
    return "" if site in HOSTED_SENDERS or "." not in site else site
