"""The reader behind `orderwatch.parsers` (its docstring lists the families and their order):
raw bytes in, typed events out. Pure: no database, no network. `parse` never raises.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from orderwatch.parsers import PARSER_VERSION, helpdesks, noise, own_mail, parcels, schema_org, shops
from orderwatch.parsers import guarded as rx
from orderwatch.parsers.base import Message, Result
from orderwatch.parsers.fields import find_times
from orderwatch.parsers.fields.times import country_zone, names_zone
from orderwatch.parsers.guarded import guarded
from orderwatch.parsers.mime import Mail, MalformedMail, parse_date, parse_mail
from orderwatch.parsers.quotes import forwarded

from orderwatch.domain.model import Event

__all__ = ["FAMILIES", "PARSER_VERSION", "ParseOutcome", "parse", "understand"]

FAMILIES = (noise, schema_org, own_mail, helpdesks, shops)


@dataclass(frozen=True)
class ParseOutcome:
    status: str  # ok | failed
    reason: str | None = None
    mail: Mail | None = None
    kind: str = "unrecognised"  # what the mail is: order, shipping, desk, user, noise, ...
    parser: str | None = None
    confidence: float = 0.0
    events: list[Event] = field(default_factory=list)


def parse(raw: bytes, role: str = "inbox", received_at: datetime | None = None) -> ParseOutcome:
    """Never raises: an unreadable message gives status 'failed' and a one-line reason; a message
    that decodes but makes a parser family crash gives 'degraded' (stored, shown by `status`)."""
    try:
        mail = parse_mail(raw)
    except MalformedMail as exc:
        return ParseOutcome("failed", str(exc))
    except RecursionError:
        return ParseOutcome("failed", "MIME structure too deeply nested")
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop a sync
        return ParseOutcome("failed", f"parser error: {exc.__class__.__name__}")
    try:
        result = understand(mail, role, mail.date or received_at or datetime.now(UTC))
    except Exception as exc:  # noqa: BLE001 - keep the mail, flag the family's bug
        return ParseOutcome("degraded", f"understanding failed: {exc.__class__.__name__}", mail=mail)
    events = [dataclasses.replace(e, parser=result.parser, seq=i) for i, e in enumerate(result.events)]
    return ParseOutcome("ok", result.reason or None, mail, result.kind, result.parser, result.confidence, events)


def understand(mail: Mail, role: str, at: datetime) -> Result:
    """Run the families in precedence order and merge what they find."""
    msg = Message(mail, role, at)
    result = noise.parse(msg)
    if result is not None:
        return result
    own = own_mail.parse(msg) if role == "sent" else None
    complained = own is not None and any(e.kind == "complaint_sent" for e in own.events)
    # a complaint written over the whole order mail it answers (a phone's reply) carries that order too
    inner = _forwarded_order(msg, replies=complained)
    if complained:
        if inner is not None:  # the shop's words inside the user's own mail: marked, so they still open the order
            quoted = [dataclasses.replace(e, fields={**e.fields, "quoted": True}) for e in inner.events]
            inner = dataclasses.replace(inner, events=quoted)
        return _merge(own, inner)  # a forward of the order mail with a complaint on top: both are news
    if inner is not None:
        return inner
    markup = schema_org.parse(msg)
    if role == "sent":
        main = own
    elif helpdesks.is_desk_mail(msg) and not _order_notice(msg):
        main = helpdesks.parse(msg)
        notices = shops.parse(msg)
        # an automatic reply echoes the user's own words: it acknowledges, it reports no shipment
        acknowledging = main is not None and any(e.kind == "complaint_ack" for e in main.events)
        if main is None:  # nothing a desk says: the shop's own notice, sent from its service address
            main = notices if _may_be_notice(msg) else None
        elif notices is not None and not acknowledging:
            # a reply about a refund or a decision restates times of its own: they are no delivery promise
            # a decision, a refund or an outside body recounts the shipment: no notice of its own
            settling = any(e.kind in ("refund", "decision", "evidence_requested") for e in main.events)
            outside = any(e.fields.get("desk") == "outside" for e in main.events)
            kinds = () if settling or outside else ("shipped", "delivered", "promise")
            if any(e.kind == "promise" for e in main.events):  # "I'll post them by Friday, with a tracking number"
                kinds = ()
            extra = [e for e in notices.events if e.kind in kinds]
            main = _merge(main, Result(shops.NAME, notices.kind, extra)) if extra else main
            main = _with_order_amount(main, notices)
    else:
        main = shops.parse(msg) or (helpdesks.parse(msg) if helpdesks.is_desk_mail(msg) else None)
    merged = _merge(markup, main)
    if merged is None:
        return Result("none", "unrecognised", [], 0.0, reason=commerce_evidence(msg))
    return merged


COMMERCE = "looks like commerce"  # the prefix of a reason that puts a mail on the review list


def commerce_evidence(msg: Message) -> str:
    """Why an unrecognised mail still looks like commerce ('' when it does not), for `review`.

    Evidence: an amount with a currency, an order word in any language, a shipping or delivery
    word, a labelled order number. Two of them, or an order word in the subject, make the mail worth a person's look.
    """
    from orderwatch.parsers import cues, fields, lexicon

    found = []
    money = fields.amounts(msg.text[:20000], msg.lang)
    if money:
        found.append(f"an amount ({money[0].text()} {money[0].currency})")
    order_word = rx.search(lexicon.ORDER_WORDS + r"|purchase|receipt|购买|購買|下单|下單", msg.both, re.I)
    if order_word:
        found.append(f"the word '{order_word.group(0)}'")
    if cues.SHIPPED.search(msg.both) or cues.DELIVERED_PHYSICAL.search(msg.both):
        found.append("shipping or delivery words")
    if cues.CONFIRM.search(msg.both):
        found.append("an order confirmation phrase")
    if any(ref.score >= 3 for ref in fields.references(msg.text[:4000], msg.subject)):
        found.append("a labelled order number")  # "Numer zamówienia: 25917730" in a mail nothing else read
    in_subject = bool(order_word and rx.search(lexicon.ORDER_WORDS, msg.subject, re.I))
    if len(found) < 2 and not in_subject:
        return ""
    refs = fields.references(msg.text, msg.subject)
    named = [r.value for r in refs]
    if refs and fields.service_own(refs[0]):  # "Klarna order reference 2UVZD7AP": the shop's number is not named
        verdict = f"names only a payment service's own reference ({named[0]}), not the shop's order number"
    elif named:
        verdict = (
            f"names order {named[0]} but no order, payment, shipping, delivery, refund or problem the reader knows"
        )
    else:
        verdict = "no order reference found"
    return f"{COMMERCE}: {', '.join(found)}; {verdict}"


def _order_notice(msg: Message) -> bool:
    """A shop's own notice (confirmation, shipping), even when it carries a ticket-like marker."""
    from orderwatch.parsers import cues, fields

    if msg.mail.in_reply_to or msg.mail.references:
        return False
    # "Vielen Dank für deine Zahlung" over "Wir haben den Verkäufer informiert": the payment's own notice
    ack = cues.ACK.search(msg.both)  # the subject comes first in `both`: a match past it is the body's
    if ack and not (ack.start() > len(msg.subject) and cues.CONFIRM.search(msg.subject)):
        return False
    if helpdesks.from_outside_body(msg):
        return False  # a complaint body's mail reports a shop's failure, it is none of its own
    if cues.CONFIRM.search(msg.subject) or cues.SHIPPED.search(msg.subject):
        return True
    if _STATUS_UPDATE.search(msg.subject) and not fields.ticket_numbers(msg.subject + "\n" + msg.text):
        return True  # a shop engine's "訂單狀態更新通知 - 訂單編號: 2051", "Order Update 2051"
    if cues.RECEIPT_SUBJECT.search(msg.subject) and cues.CONFIRM.search(msg.text[:400]):
        return True  # "Your Canva receipt [#28735514]" / "Thanks for your payment": the tag is the invoice's
    # the shop's own notice that items are gone, refund and all: "items in order #… are no longer available"
    return bool(cues.affirmed(cues.FAILED, msg.text[:800]) and not fields.ticket_numbers(msg.subject + "\n" + msg.text))


_STATUS_UPDATE = guarded(
    r"\border (?:status )?update\b|(?:訂單|订单)(?:狀態|状态)?更新|bestellstatus|statut de (?:votre )?commande|estado (?:de tu |del )?pedido|"
    r"stato (?:del(?:l')?)?ordine|status (?:van )?(?:je |uw )?bestelling|status zam[óo]wienia",
    re.I,
)


def _may_be_notice(msg: Message) -> bool:
    """A complaint body sells nothing: its mail is a shop's notice only when its subject says so (a
    state mint's order confirmation), never because its text lists "the order confirmation" it wants."""
    from orderwatch.parsers import cues

    if not helpdesks.from_outside_body(msg):
        return True
    posted = parcels.labelled_tracking(msg.both) and cues.DELIVERED_PHYSICAL.search(msg.text[:800])  # post.gov.tw
    return bool(cues.CONFIRM.search(msg.subject) or cues.SHIPPED.search(msg.subject) or posted)


def _with_order_amount(main: Result, notices: Result) -> Result:
    """The order's amount the shop's reading found ("实付金额：89.00元"), kept on the desk's events."""
    shown = next((e.fields for e in notices.events if e.fields.get("amount") and e.fields.get("currency")), None)
    if shown is None or any(e.fields.get("order_amount") for e in main.events):
        return main
    extra = {"order_amount": shown["amount"], "order_currency": shown["currency"]}
    events = [dataclasses.replace(e, fields={**e.fields, **extra}) if e.order_no else e for e in main.events]
    return dataclasses.replace(main, events=events)


def _merge(first: Result | None, second: Result | None) -> Result | None:
    if first is None:
        return second
    if second is None:
        return first
    kinds = {(e.kind, e.order_no) for e in first.events}
    events = first.events + [e for e in second.events if (e.kind, e.order_no) not in kinds]
    return Result(f"{first.parser}+{second.parser}", second.kind, events, max(first.confidence, second.confidence))


def _forwarded_order(msg: Message, replies: bool = False, depth: int = 0) -> Result | None:
    """A forward of an order mail (with `replies`, also the order mail a reply quotes whole): read
    the original, with the original's sender and times; a forward of a forward, down to the shop's."""
    fw = forwarded(msg.subject, msg.mail.text, replies)
    if fw is None:
        return _attached_order(msg) if depth == 0 else None
    name, _, addr = fw.headers.get("from", "").rpartition("<")
    from_addr = addr.strip().rstrip(";").rstrip(">").strip().lower() or msg.mail.from_addr  # QQ Mail: "<x@y>;"
    stamp = fw.headers.get("date", "")
    # Outlook writes "Sent: 01 June 2026 10:04" without a zone: the shop's country's, else the forward's.
    reference = msg.at
    if not names_zone(stamp) and msg.at.tzinfo is not None:
        reference = msg.at.astimezone(country_zone(from_addr.rpartition("@")[2], fw.text, msg.at.tzinfo))
    found = find_times(stamp, reference)
    when = found[0].at if found and found[0].has_time else parse_date(stamp)
    original = dataclasses.replace(
        msg.mail,
        subject=fw.headers.get("subject", ""),
        text=fw.text,
        from_name=name.strip().strip('"') or fw.headers.get("from", ""),
        from_addr=from_addr,
        in_reply_to=None,
        references=(),
        date=when or msg.at,
    )
    inner = Message(original, "inbox", when or msg.at)
    deeper = _forwarded_order(inner, depth=depth + 1) if depth < 3 else None
    # a desk's or platform's mail forwarded to keep it ("转发：【短信】…申请已受理"): read as that desk's own
    desk = None if deeper else (helpdesks.parse(inner) if helpdesks.is_desk_mail(inner) else None)
    return _as_forwarded(deeper or shops.parse(inner) or desk)


def _as_forwarded(result: Result | None) -> Result | None:
    """Any shop notice inside (an order, a shipment, a delivery), as read through the wrapper."""
    if result is None or not result.events:
        return None
    parser = "forwarded+" + result.parser.removeprefix("forwarded+")
    return Result(parser, result.kind, result.events, result.confidence * 0.9)


def _attached_order(msg: Message) -> Result | None:
    """A forward as attachment (message/rfc822): the attached mail read with its own headers."""
    for raw in msg.mail.embedded:
        try:
            inner_mail = parse_mail(raw)
        except MalformedMail:
            continue
        result = _as_forwarded(shops.parse(Message(inner_mail, "inbox", inner_mail.date or msg.at)))
        if result is not None:
            return result
    return None
