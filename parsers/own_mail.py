"""The user's own mail (the Sent folder): complaints, evidence supplements, appeals, outside
complaints, and to whom each went. What counts as what is read from the words and the thread.
"""

from __future__ import annotations

import dataclasses
import re

from orderwatch.parsers import cues, fields, shop_events
from orderwatch.parsers import guarded as rx
from orderwatch.parsers.base import Message, Result, registrable_domain
from orderwatch.parsers.guarded import guarded
from orderwatch.parsers.quotes import new_text, quoted_text

NAME = "own_mail"


def parse(msg: Message) -> Result | None:
    if msg.role != "sent":
        return None
    text = msg.text
    subject = msg.subject
    both = subject + "\n" + text
    numbers = fields.order_numbers(both) or fields.order_numbers(quoted_text(msg.mail.text))
    tickets = fields.ticket_numbers(both) or fields.ticket_numbers(quoted_text(msg.mail.text))
    threaded = bool(msg.mail.in_reply_to or msg.mail.references)
    # no labelled number: the tokens it names tie it to an order already known ("transaction tbx-…")
    named = fields.mentions(subject + "\n" + new_text(text)) if not numbers and not tickets else []
    if not numbers and not tickets and not threaded and not named:
        return None
    has_attachments = any(a.filename for a in msg.mail.attachments)
    asked = rx.search(  # the request named in the subject replied to: "Re: … wezwanie do uzupełnienia wniosku"
        r"补充凭证|补充材料|evidence|screenshot|request for (?:further |more )?(?:information|documents)|information request|uzupe[łl]nieni|aanvullende (?:stukken|informatie)|pi[èe]ces justificatives|"
        r"unterlagen nachreichen|documentaci[óo]n adicional|documentazione integrativa|"
        r"weitere informationen|informations? compl[ée]mentaires?|m[áa]s informaci[óo]n|ulteriori informazioni|more information|"
        r"meer informatie|wi[ęe]cej informacji",
        subject + quoted_text(msg.mail.text)[:400],
        re.I,
    )
    asked = asked or cues.EVIDENCE_REQUEST.search(quoted_text(msg.mail.text))  # a reply that quotes the request
    sent_evidence = (asked and (has_attachments or cues.EVIDENCE_WORDS.search(text))) or (
        has_attachments and cues.EVIDENCE_WORDS.search(text[:300])  # "As requested, here are the photos"
    )
    if sent_evidence and not cues.APPEAL_WORDS.search(text[:200]):
        subtype = "evidence"
    elif rx.search(r"二次申诉|再次申诉|申诉请求|申诉|\bappeal\b|reconsider", subject + "\n" + text[:80], re.I):
        subtype = "appeal"
    elif cues.COMPLAINT_WORDS.search(both):
        subtype = "complaint"
    else:
        return Result(
            NAME,
            "user",
            [
                msg.event(
                    "note",
                    summary="you wrote",
                    order_no=numbers[0] if numbers else None,
                    ticket_no=tickets[0] if tickets else None,
                    mentions=named or None,
                )
            ],
            confidence=0.5,
        )
    target = None
    addressed = _without_threats(both)  # "如无答复，我将向12315投诉" names the next rung, not this one
    if cues.LEGAL_WORDS.search(addressed):
        target = "legal"
    elif (
        cues.OUTSIDE_WORDS.search(addressed)
        or cues.OUTSIDE_WORDS.search(rx.sub(r"[._-]", " ", " ".join(msg.mail.to)))  # rzecznik.konsumentow@…
        or any(
            rx.search(r"(?<!\d)(?:12315|315)(?!\d)|cca\.org", r) or cues.GOVERNMENT_ADDRESS.search(r)
            for r in msg.mail.to
        )
    ):
        target = "outside"
    elif rx.search(
        r"贵平台|向平台|平台介入|平台客服|平台投诉|marketplace|buyer protection|A-to-z|guarantee", addressed, re.I
    ):
        target = "platform"
    elif any(_RELAY.search(address) for address in msg.mail.to):
        target = "merchant"  # a marketplace's relay to the seller: "…@marketplace.amazon.co.uk", "…@members.ebay.com"
    summary = {"evidence": "you sent evidence", "appeal": "you appealed", "complaint": "you complained"}[subtype]
    # what the user says they paid ("支付宝付款45.00元", "EUR 349.00 paid by PayPal"): the order's amount when
    # no shop mail states one (a 发卡 shop's "库存不足" notice names neither order nor sum)
    paid = fields.total_amount(new_text(text), msg.lang, msg.dollar) if subtype == "complaint" and numbers else None
    event = msg.event(
        "complaint_sent",
        summary=summary,
        order_no=numbers[0] if numbers else None,
        ticket_no=tickets[0] if tickets else None,
        subtype=subtype,
        target=target,
        to=[registrable_domain(a) for a in msg.mail.to] or None,
        attachments=sum(1 for a in msg.mail.attachments if a.filename) or None,
        asks="cancel" if subtype == "complaint" and _CANCEL_REQUEST.search(text) else None,
        mentions=named or None,
        stated_amount=paid.text() if paid else None,
        stated_currency=paid.currency if paid else None,
    )
    # "两个订单的卡密都…": "1. 订单号 ORD…117 … 2. 订单号 ORD…356": one complaint about each order it names
    siblings = shop_events.sibling_orders(msg, numbers[0], any_label=True) if numbers and _SEVERAL.search(both) else []
    events = [event, *(dataclasses.replace(event, order_no=sibling) for sibling in siblings)]
    if _says_it_arrived(text):  # "the grinder stops since it arrived": a complaint about what came
        events.append(
            msg.event(
                "delivered",
                summary="you said it arrived",
                order_no=event.order_no,
                ticket_no=event.ticket_no,
                how="buyer",
            )
        )
    return Result(NAME, "user", events, confidence=0.8)


_SEVERAL = guarded(
    r"(?:两|兩|几|幾|多)(?:个|個|笔|筆)?(?:订单|訂單|单|單)|\b(?:both|two|several|multiple|\d) orders\b|"
    r"\bbeide(?:n)? bestellungen\b|\b(?:les )?deux commandes\b|\bdos pedidos\b|\bdue ordini\b",
    re.I,
)


def _says_it_arrived(text: str) -> bool:
    own = new_text(text)
    return bool(cues.affirmed(cues.BUYER_RECEIVED, own)) and not cues.BUYER_NOT_RECEIVED.search(own)


# The buyer asks to cancel: the shop's cancellation that follows is the buyer's own, not a failure
_CANCEL_REQUEST = guarded(
    r"please cancel|(?:i|we) (?:would like|want|wish) to cancel|bitte stornieren|(?:m[öo]chte|will) (?:meine bestellung |die bestellung )?stornieren|"
    r"(?:souhaite|voudrais|veux) annuler|merci d'annuler|quiero cancelar|(?:por favor,? )?cancel(?:en|ad) (?:mi|el) pedido|vorrei annullare|"
    r"(?:vi prego di |per favore )?annullate|quero cancelar|prosz[ęe] o anulowanie|chc[ęe] anulowa[ćc]|(?:请|請)(?:帮我|幫我)?取消|我要取消|要求取消",
    re.I,
)
_RELAY = guarded(r"@(?:marketplace\.amazon\.|members\.ebay\.|m2m\.ebay\.|reply\.etsy\.|messages?\.)", re.I)


# A sentence that keeps room to escalate: "if this is not resolved I will complain to 12315".
_THREAT = guarded(
    r"如无|如果|若|否则|不然|届时|的话|(?:我|本人)?(?:就|便)?(?:将|会|會|要)(?:会|會)?(?:向|通过|透過|到|去)|保留.{0,8}权利|"
    r"\bif\b|\bunless\b|\botherwise\b|\bI(?: will|'ll|’ll| shall) (?:escalate|complain|take|raise|report|contact|file|open|go|dispute|lodge)|"
    r"\bsinon\b|\bsi\b|à défaut|faute de quoi|je (?:saisirai|me verrai|d[ée]poserai|porterai)|sans r[ée]ponse|failing (?:which|that)|without (?:a )?(?:reply|response)|\bsonst\b|\bfalls\b|\bwenn\b|\bse\b|\banders\b|\bjeśli\b|"
    r"\bcaso\b|\bcaso contr[áa]rio\b|\bde lo contrario\b|\ben caso de\b|\bde no (?:recibir|obtener|tener)\b|"
    r"\b(?:presentar|acudir|interpondr|denunciar|recurrir|escalar|registrar|recorrer|acionar)[ée]i?\b|\baltrimenti\b|\bvou (?:registrar|abrir|recorrer|acionar)\b|"
    r"\bandernfalls\b|w przeciwnym (?:razie|wypadku)|в случае|\bесли\b|\bиначе\b|буду вынужден|оставляю за собой право|"
    r"aksi (?:halde|takdirde)|\bdurumunda\b|وإلا|في حال|في حالة|"
    r"없으면|않으면|안\s*되면|(?:신청|접수|제기|신고)하겠습니다|場合は|なければ|ない場合|"
    r"אם לא|אפנה ל|ако не|ще подам|якщо|буду змушен",
    re.I,
)


def _without_threats(text: str) -> str:
    """The text without the sentences that only say where the user will turn next."""
    sentences = re.split(r"(?<=[。！？!?\n])|(?<=\.)\s", text)
    return " ".join(s for s in sentences if not _THREAT.search(s))
