"""Shops and marketplaces: order confirmations, payment notices, shipping and delivery notices,
card-key receipts, failure reports, credit memos. Chinese (发卡网 / 卡盟 engines such as
dujiaoka, ECShop, ECMall, Taobao-like) and English (WooCommerce, Magento, EverShop, Vendure,
Shopify-like) alike: the family reads the labels and phrases these engines share.
"""

from __future__ import annotations

import dataclasses
import re

from orderwatch.parsers import cues, fields, lexicon, parcels, shop_events
from orderwatch.parsers import guarded as rx
from orderwatch.parsers.assertions import unwrapped
from orderwatch.parsers.base import Message, Result, domain_slug
from orderwatch.parsers.guarded import guarded
from orderwatch.parsers.items import item_name
from orderwatch.parsers.order_sections import order_sections

NAME = "shops"

_ORDER_TIME = lexicon.ORDER_TIME_LABELS
_PAID_TIME = lexicon.PAID_TIME_LABELS
_ZH_MERCHANT = [
    guarded(r"店铺\s*[“\"「『]([^”\"」』\n]{1,30})[”\"」』]"),
    guarded(r"(?:店铺名称|店铺|卖家|商家)\s*[:：]\s*([^\s，。,\n]{1,30})"),
]
_EN_MERCHANT = [
    guarded(
        r"\bsold (?:and shipped |& shipped )?by\s*[:：]?\s*([A-Za-z0-9_.\-&' ]{2,40}?)(?:\s*$|\s*[\n,.;])", re.I | re.M
    ),
    # "the seller has listed …" names nobody
    guarded(
        r"\bthe seller\s+(?!(?:has|have|had|is|was|will|would|should|shall|may|might|can|could|must|did|does|hasn|isn|"
        r"didn|doesn|wasn|couldn|wouldn|shouldn|cannot|won|and|or|to|of|for|with|who|that|first|directly|again|immediately|know|about|if|as|in|on|"
        r"at|by|from|a|an|the|you|your|it|they|their|via|through|before|after|so|but|needs?|wants?|agrees?|refuses?)\b)"
        r"([A-Za-z0-9_.\-&']{2,40})",
        re.I,
    ),
    guarded(
        r"(?<!\w)(?:seller|paid to|sprzedaj[ąa]cy|verk[äa]ufer(?:in)?|vendeur|venditore|vendedor|verkoper|продавец|продавець)[^\S\n]*[:：][^\S\n]*([A-Za-z0-9_.\-&' ]{2,40}?)(?:[^\S\n]*$|[^\S\n]*[,.;(])",
        re.I | re.M,
    ),
]
_HOSTED = guarded(r"入驻\s*([^\s，。,（(\n]{2,20}?)(?:平台)?[，。,（(\s]")
_CARRIER = guarded(
    # "Carrier: UPS", a table's "Carrier UPS"; never prose ("the carrier now expects it to arrive …")
    r"(?:(?:物流公司|快递公司|承运商|shipped (?:by|with|via))\s*[:：]?|carrier\s*[:：]|(?<![^\n])[ \t]*carrier[ \t]+(?=(?-i:[A-Z0-9])))\s*(?!the (?:seller|merchant|shop|store|vendor)|us\b|our\b)([^\n,;]{2,30})",
    re.I,
)
_ORDER_LABEL = guarded(r"^label '(?:[\w ]*\b)?(?:order|订单|訂單|commande|bestell|pedido|ordine|zam[óo]wieni)", re.I)
_ZH_FAIL_REASON = guarded(r"(?:失败原因|原因|备注)\s*[:：]\s*([^\n]{2,60})")


def parse(msg: Message) -> Result | None:
    text = msg.both
    found = fields.references(msg.text, msg.subject, msg.links)
    payee = cues.PAYMENT_TO_PAYEE.search(msg.text[:1500]) if found else None
    if len(found) > 1 and payee:
        # a payment processor's receipt: the merchant's "Order ID" is the order, not the processor's own invoice
        found = tuple(sorted(found, key=lambda r: not any(_ORDER_LABEL.search(why) for why in r.evidence)))
    # a pay-later service's own record of the order ("Klarna order reference") is no order of the shop (domain.md);
    # nor is a payment service's transaction alone ("You authorized $84.37 USD payment to …"): the review lists it
    paid_through = bool(found) and set(found[0].evidence) == {"transaction reference"} and bool(payee)
    numbers = [] if found and (fields.service_own(found[0]) or paid_through) else [r.value for r in found]
    if not numbers:
        return parcels.carrier_notice(msg) or _unnamed_delivery(msg)
    if len(numbers) >= 2 and (sections := order_sections(msg, numbers)):  # one mail, each order its own section
        parts = [part for _, section in sections if (part := parse(section)) is not None]
        if parts:
            return Result(NAME, parts[0].kind, [e for part in parts for e in part.events], confidence=0.8)
    order_no = numbers[0]
    lang = msg.lang
    events = []
    confirm = cues.CONFIRM.search(text)
    money = fields.local_currency(  # the body's total, else the subject's: "订单支付成功-金额：￥28，订单号[…]"
        fields.total_amount(msg.text, lang, msg.dollar) or fields.total_amount(msg.subject, lang, msg.dollar),
        msg.text,
        msg.sender_domain,
    )
    virtual = cues.virtual_goods(msg.prose)
    kind = "order"
    # Any shop mail that names the order opens it (or joins it) with what it says of the shop.
    opening = _opening_fields(msg, money, virtual)
    notice_only = _is_notice_only(msg)
    if confirm and not notice_only:  # the amount is optional (domain.md)
        events.extend(_order_events(msg, order_no, money, virtual))
    else:
        kind = "shipping"
    delivered_subject = cues.affirmed(cues.DELIVERED_PHYSICAL, msg.subject)
    shipped_subject = cues.affirmed(cues.SHIPPED, msg.subject)
    if delivered_subject and parcels.arrives_later(msg):
        delivered_subject = None  # "a été livrée" over "Livraison prévue le mardi 10 novembre": a shipment
        shipped_subject = True
    shipped_text = (not confirm or notice_only) and cues.affirmed(cues.SHIPPED, msg.text)
    if shipped_text and _ANNOUNCED.search(msg.text[max(0, shipped_text.start() - 60) : shipped_text.start()]):
        shipped_text = None  # "We'll let you know when your rider is on the way": not yet
    if not shipped_text and not confirm and not virtual and cues.affirmed(cues.ORDER_COMPLETED, msg.text):
        # a shop engine's "order … is complete" with the carrier's tracking link: the goods left
        shipped_text = parcels.TRACKING_LINK.search(msg.links or msg.mail.text)
    if (shipped_subject or shipped_text) and not cues.unconditional(cues.FAILED, text):
        carrier = _CARRIER.search(msg.text)
        tracking = parcels.find_tracking(msg.text)
        events.append(
            msg.event(
                "shipped",
                summary="shipped",
                order_no=order_no,
                carrier=carrier.group(1).strip() if carrier else None,
                tracking_no=parcels.tracking_number(tracking, msg),
                **opening,
            )
        )
    receipt_of_delivery = bool(cues.affirmed(cues.DELIVERED_RECEIPT, text)) or bool(
        not virtual and cues.affirmed(cues.ORDER_COMPLETED, msg.text) and parcels.PICKUP_METHOD.search(msg.text)
    )  # a pickup order marked completed: collected
    if receipt_of_delivery:  # what the receipt restates of the delivery day is no new promise
        events = [e for e in events if e.kind != "promise"]
    if (
        delivered_subject
        or (not confirm and _delivered_in_text(msg) and not parcels.arrives_later(msg))
        or receipt_of_delivery
    ):
        partial = parcels.partial_delivery(msg.subject + "\n" + msg.text) or None  # the rest is still owed
        events.append(
            msg.event(
                "delivered",
                summary="delivered",
                order_no=order_no,
                how="carrier",
                partial=partial,
                tracking_no=parcels.tracking_number(parcels.find_tracking(msg.text), msg),  # which parcel came
                **opening,
            )
        )
    elif (
        (
            cues.affirmed(cues.DELIVERED_VIRTUAL, msg.text)
            or cues.affirmed(cues.TOPPED_UP, msg.subject)
            or ((virtual or _from_storefront(msg)) and cues.affirmed(cues.AVAILABLE_NOW, text))
            or (virtual and cues.affirmed(cues.ORDER_COMPLETED, msg.text))
        )
        and not cues.unconditional(cues.FAILED, text)  # "如遇卡密异常…并提供充值失败截图": advice, not news
        and not cues.REFUND_RECEIVED.search(text)  # "the amount is now available in your wallet": money back
        and not cues.STILL_PROCESSING.search(msg.text)
    ):
        events.append(
            msg.event(
                "delivered",
                summary="delivered (key, code or top-up in the mail)",
                order_no=order_no,
                how="virtual",
                **opening,
            )
        )
    if not any(e.kind in ("ordered", "paid") for e in events):
        events.extend(_stated_payment(msg, order_no, opening))
    if _storefront_receipt(msg, events):
        events.append(
            msg.event("delivered", summary="delivered with the store's receipt", order_no=order_no, how="virtual")
        )
    if not any(e.kind == "ordered" for e in events) and not any(e.kind == "delivered" for e in events):
        events.extend(_notice_promise(msg, order_no, opening))
    siblings = (
        shop_events.sibling_orders(msg, order_no, shipment=not any(e.kind == "ordered" for e in events))
        if any(e.kind in ("ordered", "promise") for e in events)
        else []
    )
    if siblings:
        events = shop_events.for_each_order(events, order_no, siblings)
    delivered = any(e.kind == "delivered" for e in events)
    if (
        cues.unconditional(cues.FAILED, text)  # "如部分商品因缺货未能配送，我们会…退款": a policy, not news
        and not cues.REFUND_RECEIVED.search(text)
        and not (delivered and rx.search(r"out of stock|sold out|not available|缺货|无货", text, re.I))
    ):  # an item out of stock in a delivered order is a substitution, not a failed order
        reason = _ZH_FAIL_REASON.search(msg.text)
        parties = {k: v for k, v in opening.items() if k not in ("amount", "currency")}
        total = fields.order_total(msg.text, lang)  # "Sipariş Tutarı: 1.249,90 TL" over a cancellation
        if total is not None:
            parties.update(order_amount=total.text(), order_currency=total.currency)
        what = shop_events.problem_kind(text)
        events.append(
            msg.event(
                "problem",
                summary=f"seller reports: {what}",
                order_no=order_no,
                problem=what,
                reason=reason.group(1).strip() if reason else None,
                **parties,
            )
        )
        events.extend(shop_events.restock_promise(msg, order_no))  # "补货后…会在今天18:00前把卡密发到您的邮箱"
        kind = "problem"
    plain = unwrapped(text)  # "le remboursement … relatif à votre\ncommande … a été effectué"
    received = cues.REFUND_RECEIVED.search(plain)
    if (
        received
        and received.start() <= len(msg.subject)
        and not cues.refund_received(msg.text)
        and cues.granted(msg.text)
    ):
        received = None  # "… cancelled and refunded" over "allow 5-10 business days for the refund to show"
    # a credit memo is the refund made, unless its own comment says the money is still to come
    memo = cues.CREDIT_MEMO.search(msg.subject) and not (cues.granted(msg.text) and not cues.refund_received(msg.text))
    if (received and not cues.still_to_arrive(plain, received)) or memo:
        total = fields.total_amount(msg.text, lang)
        refund = fields.refund_amount(msg.text, lang, msg.dollar) or total
        # the order's own total: labelled so, or the mail's total when it is the sum refunded (a whole refund)
        whole = fields.order_total(msg.text, lang, msg.dollar) or (
            refund if refund is not None and total == refund else None
        )
        events.append(
            msg.event(
                "refund",
                summary="refund received",
                order_no=order_no,
                order_amount=whole.text() if whole else None,
                order_currency=whole.currency if whole else None,
                state="received",
                amount=refund.text() if refund else None,
                currency=refund.currency if refund else None,
                **{k: v for k, v in opening.items() if k not in ("amount", "currency")},
            )
        )
        kind = "refund"
    elif (any(e.kind == "problem" for e in events) or not confirm) and cues.granted(text):
        events.append(
            shop_events.refund_grant(msg, order_no, opening)
        )  # "cancelled; your money is returned within 3 days"
    if not events:
        return None
    return Result(NAME, kind, events, confidence=0.8 if confirm else 0.7)


_ANNOUNCED = guarded(
    r"(?:let you know|notify you|e-?mail you|tell you|text you)\s+(?:as soon as|when|once)\b[^.\n]*$|\b(?:once|when) (?:your|the|it)\b[^.\n]*$"
    r"|\b(?:zodra|sobald|d[èe]s que|en cuanto|non appena|assim que|as soon as)\b[^.\n]*$",
    re.I,
)


def _stated_payment(msg: Message, order_no: str, opening: dict[str, object]) -> list:
    """A notice (shipped, delivered) that states when the order was paid: the payment is a fact
    of the order, and the clocks that count from payment need it when the confirmation is missing."""
    paid_at = fields.labelled_time(msg.text, _PAID_TIME, msg.at)
    if paid_at is None or paid_at > msg.at:
        return []
    parties = {k: v for k, v in opening.items() if k not in ("amount", "currency")}  # a voucher alone opens the order
    amount, currency = opening.get("amount"), opening.get("currency")
    return [
        msg.event(
            "paid",
            at=paid_at,
            summary="paid (stated in a later notice)",
            order_no=order_no,
            amount=amount,
            currency=currency,
            **parties,
        )
    ]


def _from_storefront(msg: Message) -> bool:
    sender = msg.mail.from_addr.lower()
    return msg.sender_domain in cues.STOREFRONT_DOMAINS or bool(cues.STOREFRONT_SENDERS.search(sender))


def _storefront_receipt(msg: Message, events: list) -> bool:
    """A paid receipt from a digital storefront (App Store, Google Play, Epic, Steam...) for
    something already in the buyer's library; a pre-order is delivered on its release instead."""
    bought = any(e.kind in ("paid", "ordered") for e in events)  # a storefront charges when the order is placed
    delivered = any(e.kind in ("delivered", "promise") for e in events)  # an arrival estimate: goods that travel
    if not bought or delivered or not _from_storefront(msg):  # most mail stops here, before the line scan
        return False
    # a pre-order names itself; the refund policy at the foot of every receipt mentions pre-purchases
    preorder = any(cues.PREORDER.search(line) and not cues.POLICY_LINE.search(line) for line in msg.both.splitlines())
    return not preorder and not cues.SHIP_TO.search(msg.text)


def _opening_fields(msg: Message, money: fields.Money | None, virtual: bool) -> dict[str, object]:
    """What a notice says of the order it names, so that it can open the order by itself."""
    merchant, platform_name, marketplace = _parties(msg)
    return {
        "merchant": merchant,
        "platform_name": platform_name,
        "marketplace": marketplace or None,
        "platform": domain_slug(msg.mail.from_addr, platform_name or merchant),
        "shop_domain": msg.sender_domain,
        "item": item_name(msg.text),
        "amount": money.text() if money else None,
        "currency": money.currency if money else None,
        "virtual": virtual or None,
        # a notice that names its engine's automatic delivery ("发货方式 自动发货"): the order's default clock
        # or that hands over the code itself ("卡密：Q7RTM-…"): a key is delivered automatically (domain.md)
        "delivery_mode": "auto"
        if virtual
        and (
            cues.AUTO_DELIVERY.search(msg.both)
            or (cues.CODE_GOODS.search(msg.prose) and cues.affirmed(cues.DELIVERED_VIRTUAL, msg.text))
        )
        else None,
        "payment_service": bool(cues.PAYMENT_TO_PAYEE.search(msg.text[:1500])) or None,
    }


def _notice_promise(msg: Message, order_no: str, opening: dict[str, object]) -> list:
    """An arrival or dispatch estimate in a shipping notice: counted from the notice itself."""
    promise = msg.promise
    if promise is None:
        return []
    fields_of_order = {k: v for k, v in opening.items() if k != "currency"}
    currency = str(opening.get("currency") or "")
    event = shop_events.promise_event(
        msg, promise, order_no, msg.at, currency, **fields_of_order
    )  # it opens the order too
    return [dataclasses.replace(event, fields={**event.fields, "currency": currency or None})]


def _is_notice_only(msg: Message) -> bool:
    """A shipping notice or credit memo that repeats the order's total is not a new order.

    Said by its subject, or by a body that reports the parcel sent *with its tracking number*
    (a confirmation may thank for the order, but it has no parcel number yet).
    """
    if cues.SHIPPED.search(msg.subject) or cues.REFUND_RECEIVED.search(msg.subject) or cues.FAILED.search(msg.subject):
        return True
    if cues.CONFIRM.search(msg.subject):
        return False
    return bool(cues.affirmed(cues.SHIPPED, msg.text) and parcels.find_tracking(msg.text))


def _order_events(msg: Message, order_no: str, money: fields.Money | None, virtual: bool) -> list:
    text = msg.both
    paid_at = fields.labelled_time(msg.text, _PAID_TIME, msg.at)
    ordered_at = fields.labelled_time(msg.text, _ORDER_TIME, msg.at) or paid_at or msg.at
    if paid_at is None and cues.PAID.search(text) and not cues.UNPAID.search(text):
        paid_at = ordered_at
    merchant, platform_name, marketplace = _parties(msg)
    mode = "auto" if cues.AUTO_DELIVERY.search(text) else ("manual" if cues.MANUAL_DELIVERY.search(text) else None)
    if mode is None and virtual and cues.CODE_GOODS.search(msg.prose):
        mode = "auto"  # a key, card or PIN is delivered automatically unless the shop says otherwise (domain.md)
    amount, currency = (money.text(), money.currency) if money else (None, None)
    common = {
        "order_no": order_no,
        "amount": amount,
        "currency": currency,
        "merchant": merchant,
        "platform_name": platform_name,
        "marketplace": marketplace,
        "platform": domain_slug(msg.mail.from_addr, platform_name or merchant),
        "shop_domain": msg.sender_domain,
        "item": item_name(msg.text),
        "virtual": virtual or mode is not None,
        "delivery_mode": mode,
        "unpaid": (paid_at is None and bool(cues.UNPAID.search(text))) or None,  # nothing is owed before payment
        "payment_service": bool(cues.PAYMENT_TO_PAYEE.search(msg.text[:1500])) or None,
    }
    price = f"{amount} {currency}" if money else "amount not stated"
    events = [msg.event("ordered", at=ordered_at, summary=f"order {order_no}: {price}", **common)]
    if paid_at is not None:
        events.append(
            msg.event("paid", at=paid_at, summary=f"paid {price}", order_no=order_no, amount=amount, currency=currency)
        )
    promise = msg.promise  # the mail's own time anchors a missing year and zone
    if promise is not None:
        start = paid_at or ordered_at if promise.anchor == "payment" else ordered_at
        events.append(shop_events.promise_event(msg, promise, order_no, start, currency))
    return events


# A text message relayed by mail opens with its sender's number and signature ("10690571888 【大麦】您已
# 成功购买…"): the shop is the signature, not the app or mailbox that relayed it.
_SMS_SIGNATURE = guarded(r"\A\W{0,3}(?:\+?\d[\d\s-]{3,20}?\s*)?【([^】\n]{1,12})】")


def _parties(msg: Message) -> tuple[str, str | None, bool]:
    """(merchant, platform name, is a marketplace) from the mail's wording and sender."""
    text = msg.text
    relayed = _RELAYED_SELLER.match(msg.mail.from_name or "")  # "Fahrradteile Mühlbauer - Amazon Marketplace"
    if relayed:
        return relayed.group(1).strip(), relayed.group(2).strip(), True
    sender_name = rx.sub(r"\s+via\s+.*$", "", msg.mail.from_name or "").strip()
    bracket = rx.match(r"\s*[【\[]([^】\]]{1,20})[】\]]", msg.subject)
    signature = _SMS_SIGNATURE.match(text)
    own_name = (signature.group(1) if signature else "") or sender_name or (bracket.group(1) if bracket else "")
    own_name = own_name or msg.sender_domain
    for pattern in _ZH_MERCHANT + _EN_MERCHANT:
        match = pattern.search(text)
        if match:
            seller = match.group(1).strip()
            if seller and seller != own_name:
                return seller, own_name, True
    hosted = _HOSTED.search(text)
    if hosted:
        return own_name, hosted.group(1).strip(), True
    return own_name, None, False


# A seller writing through a marketplace's relay: "Shop - Amazon Marketplace", "Shop via eBay"
_RELAYED_SELLER = guarded(
    r"^\s*\"?(.{2,60}?)\s+(?:-|–|via)\s+((?:Amazon|eBay|Etsy|Cdiscount|Rakuten|Allegro|Kaufland)(?:\.\w{2,3})?)(?:\s+Marketplace)?\"?\s*$",
    re.I,
)


def _unnamed_delivery(msg: Message) -> Result | None:
    """A shop's notice that the keys are out, naming no order ("卡密信息已更新到您的订单中心"): it joins
    the one order that shop sold lately (the timeline decides)."""
    if (
        msg.role != "inbox"
        or not cues.affirmed(cues.DELIVERED_VIRTUAL, msg.text)
        or cues.STILL_PROCESSING.search(msg.text)
    ):
        return None
    return Result(
        NAME, "delivered", [msg.event("delivered", summary="delivered (keys out; no order named)", how="virtual")]
    )


def _delivered_in_text(msg: Message) -> bool:
    """The text reports the goods delivered, and not the buyer's return arrived back at the shop."""
    delivered = cues.affirmed(cues.DELIVERED_PHYSICAL, msg.text)
    return bool(delivered) and not parcels.return_arrived(msg.text, delivered)
