"""Parcels: the tracking number a shipping notice gives, and a carrier's own notice, which names
no order, only its parcel (the timeline joins it to the order whose notice gave that number).
"""

from __future__ import annotations

import dataclasses
import re

from orderwatch.parsers import cues, lexicon
from orderwatch.parsers.base import Message, Result
from orderwatch.parsers.guarded import guarded

NAME = "shops"  # a carrier's notice is read as part of the shops family

PARTIAL_DELIVERY = guarded(
    r"\b\d+ (?:of \d+ )?items? (?:has |have )?arrived|\bpart of your order|other items in this order|remaining items?|"
    r"teillieferung|weitere artikel (?:folgen|werden)|livraison partielle|reste de votre commande|entrega parcial|"
    r"consegna parziale|部分(?:商品|包裹)(?:已)?(?:送达|签收)|其余商品|"
    r"articles? restants? [àa] exp[ée]dier|items? (?:still )?(?:to follow|(?:still )?to be (?:shipped|sent))|noch (?:zu )?versenden",
    re.I,
)
# "colis 1/2", "package 1 of 2", "Paket 1 von 3", "包裹 1/2": one parcel of several, the rest still owed
PARCEL_OF = guarded(
    r"(?:colis|package|parcel|shipment|paket|sendung|pacco|collo|paquete|bulto|paczka|przesy[łl]ka|pakket|包裹)\s*"
    r"(?:n[°o]\s*)?(\d)\s*(?:/|of|sur|von|di|de|z|van)\s*(\d)\b",
    re.I,
)


def partial_delivery(text: str) -> bool:
    """The mail delivers a part of the order: "reste de votre commande", "colis 1/2" (never "2/2")."""
    if PARTIAL_DELIVERY.search(text):
        return True
    return any(int(m.group(1)) < int(m.group(2)) for m in PARCEL_OF.finditer(text))


# "paczka ze zwrotem … dotarła do naszego magazynu", "your return has arrived at our warehouse": the buyer's
# parcel back to the shop arrived, not the order
_RETURN_PARCEL = guarded(
    r"\b(?:zwrot\w*|returns?|retour|r[üu]cksendung|reso|devoluci[óo]n|devolu[çc][ãa]o|retourzending)\b|退货|退貨", re.I
)


# The carrier takes the parcel back to the shop: the order failed, whatever the shop promised
BACK_TO_SENDER = guarded(
    r"\b(?:(?:is being |was |been )?return(?:ed|ing)? to (?:the )?sender|retour(?:n[ée]e?)? (?:[àa] l'|chez l')exp[ée]diteur|"
    r"(?:zur[üu]ck|r[üu]cksendung) an den (?:absender|versender)|(?:in )?restituzione al mittente|reso al mittente|"
    r"devuelto al remitente|en devoluci[óo]n al remitente|devolvido ao remetente|zwrot do nadawcy|zwracana do nadawcy|"
    r"retour (?:naar de )?afzender|terug naar de afzender)|退回寄件人|退回发件人|退回寄件者|已退回商家",
    re.I,
)
# A carrier came and found no one ("We hebben je gemist", "avviso di giacenza"): still on its way, not delivered
ATTEMPTED = guarded(
    r"we missed you|(?:delivery|we) attempted|could not (?:be )?deliver|konnte nicht zugestellt werden|benachrichtigungskarte|"
    r"avis de passage|nous (?:sommes|avons) pass[ée]s? |non [èe] stato possibile consegnare|avviso di giacenza|mancata consegna|"
    r"no (?:hemos podido|se ha podido) entregar|we hebben je gemist|niet thuis|awizo|nie zastali[śs]my|"
    r"未能(?:成功)?(?:派送|投递|送达)|派送失败|投递失败",
    re.I,
)


def return_arrived(text: str, delivered: re.Match[str] | None) -> bool:
    """The delivery the mail reports is of the buyer's return, named in the same sentence before it."""
    if delivered is None:
        return False
    start = max(text.rfind(".", 0, delivered.start()), text.rfind("\n\n", 0, delivered.start()), 0)
    return bool(_RETURN_PARCEL.search(text, start, delivered.start()))


TRACKING = guarded(
    r"(?:" + lexicon.TRACKING_LABELS + r")(?:[^\S\n]+[A-Za-z][A-Za-z .]{0,18}?(?=\s*[:：]))?[\]】］*]?\s*[:：#]?\s*"
    r"((?=[A-Z.-]*\d)[A-Z0-9](?:[A-Z0-9]|[-.](?=[A-Z0-9])){7,40})(?![A-Za-z0-9])",  # a digit: not the next word
    re.I,
)
# Parcel numbers that say what they are by their shape: UPU S10 (RA123456789CN), UPS (1Z…).
# A carrier's follow-up link names the parcel: ".../suivre-vos-envois?code=6A23489170352".
TRACKING_LINK = guarded(
    r"https?://[^\s\"'<>]*(?:laposte|colissimo|chronopost|mondialrelay|dhl|ups|fedex|usps|gls|dpd|hermes|myhermes|"
    r"royalmail|evri|postnl|bpost|correos|seur|brt|poste|inpost|sf-express|kuaidi100|t-cat|kerrytj|"
    r"posten|bring|postnord|posti|ppl|zasilkovna|packeta|fancourier|sameday|foxpost|sendle|parcelforce|startrack|"
    r"couriersplease|intelcom|ontrac|lasership|aramex|nacex|mrw|correosexpress|envialia|tipsa|zeleris|cttexpress|ctt)[^\s\"'<>]*?"
    r"(?:[?&#](?:" + lexicon.TRACKING_QUERY_KEYS + r"|code|number|p1|match|ref|albaran|envio|objeto)="
    r"|/(?:sporing|tracking|track|seuranta|sledovani|tracktrace|track-and-trace|lahetys|sendung|parcels|tracking-results)/)([A-Z0-9]{6,34})\b",
    re.I,
)
# A tracking table turned into text, one cell a line: "Provider / Tracking Number / Date / Evri /
# H01DKA0041379265" (WooCommerce Shipment Tracking): the first parcel-shaped cell under the label.
_TRACKING_BLOCK = guarded(
    r"tracking (?:number|information|details|no\.?)[^\n]*\n(?:[^\n]{0,30}\n){0,5}?[^\S\n]*"
    r"((?=[A-Z-]*\d)(?=[0-9-]*[A-Z])[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){9,34})[^\S\n]*$",
    re.I | re.M,
)
# The same table flattened into one row: "Provider Tracking Number Date / Sendle SZ4K9P 10 November 2026 Track":
# the carrier's name, then a code of capitals and digits.
_TRACKING_ROW = guarded(
    r"^[^\S\n]*(?:provider[^\S\n]+tracking (?:number|no\.?)|versanddienstleister[^\S\n]+sendungsnummer|transporteur[^\S\n]+num[ée]ro de suivi)[^\n]*\n[^\S\n]*[A-Za-z][\w&.'-]*(?:[^\S\n]+[A-Za-z][\w&.'-]*){0,3}?[^\S\n]+"
    r"((?=[A-Z]*\d)(?:(?=\d*[A-Z])[A-Z0-9]{6,34}|\d{10,34}))(?![\w-])",
    re.I | re.M,
)


# Digits printed in groups of four, as 黑貓 and others write them: "黑貓宅急便單號 9067 2201 5518".
_TRACKING_GROUPED = guarded(
    r"(?:" + lexicon.TRACKING_LABELS + r")[\]】］*]?\s*[:：#]?\s*(\d{3,4}(?:[^\S\n]\d{3,4}){2,4})(?![\dA-Za-z])", re.I
)


_TRACKING_NUMBER_FIRST = guarded(lexicon.TRACKING_NUMBER_FIRST, re.I)


def labelled_tracking(text: str) -> re.Match[str] | None:
    """A tracking number named by its label, or by its noun after it (hu): group 1 is the number."""
    return TRACKING.search(text) or _TRACKING_NUMBER_FIRST.search(text)


def find_tracking(text: str) -> re.Match[str] | None:
    """The tracking number a notice names: after its label, else under it in a table."""
    return (
        labelled_tracking(text)
        or _TRACKING_GROUPED.search(text)
        or _TRACKING_BLOCK.search(text)
        or _TRACKING_ROW.search(text)
    )


TRACKING_SHAPE = guarded(r"(?<![A-Za-z0-9])([A-Z]{2}\d{9}[A-Z]{2}|1Z[0-9A-Z]{16})(?![A-Za-z0-9])")


def tracking_number(labelled: re.Match[str] | None, msg: Message) -> str | None:
    """The parcel number a shipping notice gives: after its label, else in the carrier's link."""
    if labelled is not None:
        number = labelled.group(1)  # Swiss Post writes "99.00.104277.50396182", 黑貓 "9067 2201 5518"
        return "".join(number.split()).replace("-", "").replace(".", "")
    link = TRACKING_LINK.search(msg.links or msg.mail.text)
    return link.group(1) if link else None


def arrives_later(msg: Message) -> bool:
    """The mail names an arrival still to come: it reports no delivery, whatever its subject says."""
    promise = msg.promise
    if promise is None or promise.kind != "deliver" or promise.by is None:
        return False
    return promise.by.astimezone(msg.at.tzinfo).date() > msg.at.date()  # "arrived on Thursday" is today's report


def carrier_notice(msg: Message) -> Result | None:
    """A carrier's notice names no order, only its tracking number: it joins the order whose
    shipping notice gave that number (the timeline links it), and opens none by itself."""
    tracking = (
        labelled_tracking(msg.both)
        or _TRACKING_GROUPED.search(msg.both)  # DPD: "Your parcel: 1550 6021 438 907"
        or TRACKING_SHAPE.search(msg.both)
        or TRACKING_LINK.search(msg.links or msg.mail.text)  # "…?piececode=00340434161094023781"
    )
    shipper_ref = _SHIPPER_REFERENCE.search(msg.text)  # the shop's own order number, as the carrier shows it
    if tracking is None or not any(ch.isdigit() for ch in tracking.group(1)):
        if shipper_ref is None:
            return None
        tracking = None
    number = (tracking_number(tracking, msg) or tracking.group(1)) if tracking else None
    promise = msg.promise
    if promise is None or promise.by is None:  # the carrier says it in the subject: "Dein GLS Paket kommt heute!"
        from orderwatch.parsers.promise import find_promise  # promise.py imports this module's neighbours

        promise = find_promise(msg.subject, msg.at) or promise
    delivered = cues.affirmed(cues.DELIVERED_PHYSICAL, msg.both)
    if delivered and promise is not None and promise.by is not None:  # "Data consegna: 05/03/2026": today's report
        delivered = None if promise.by.astimezone(msg.at.tzinfo).date() > msg.at.date() else delivered
    if (
        not delivered
        and promise is not None
        and promise.kind == "deliver"
        and promise.by is not None
        and promise.by > msg.at
    ):
        # the carrier's own slot: "sera livré aujourd'hui, jeudi 12/11/2026, entre 14:00 et 15:00"
        event = msg.event(
            "promise",
            summary=f"promised: {promise.phrase}",
            by=promise.by.isoformat(),
            promise="deliver",
            phrase=" ".join(promise.phrase.split()),
            stated=True,
            tracking_no=number,
            carrier_only=True,
        )
    elif delivered:
        event = msg.event(
            "delivered", summary="delivered (carrier)", tracking_no=number, how="carrier", carrier_only=True
        )
    elif BACK_TO_SENDER.search(msg.both):
        event = msg.event(
            "problem",
            summary="returned to the sender (carrier)",
            problem="returned",
            tracking_no=number,
            carrier_only=True,
        )
    elif cues.affirmed(cues.SHIPPED, msg.both) or ATTEMPTED.search(msg.both):
        event = msg.event(
            "shipped", summary="in transit (carrier)", tracking_no=number, how="carrier", carrier_only=True
        )
    else:
        return None
    if shipper_ref and shipper_ref.group(1) != number:
        event = dataclasses.replace(event, order_no=shipper_ref.group(1))
    return Result(NAME, "carrier", [event], confidence=0.5)


# "Referencia del remitente: QHVTMBXWD", "Sender reference: 4126358790", "Referenz: 4126358790"
_SHIPPER_REFERENCE = guarded(
    r"(?:referencia del? (?:remitente|cliente|env[íi]o)|sender(?:'s)? reference|shipper(?:'s)? reference|customer reference|"
    r"r[ée]f[ée]rence (?:exp[ée]diteur|client)|riferimento (?:mittente|cliente)|refer[êe]ncia (?:do )?(?:remetente|cliente)|"
    r"(?:absender|kunden)?referenz(?:nummer)?|referencja (?:nadawcy|klienta)|(?:orderreferentie|referentie)(?: afzender)?|(?<![\w ])referencia)\s*[:：]\s*"
    r"((?-i:[A-Z0-9][A-Z0-9-]{3,30}))\b",  # a code in capitals or digits, never the next word
    re.I,
)


# A pickup order the shop marks completed was collected: it can know no other way ("運送方式：7-11 超商取貨").
PICKUP_METHOD = guarded(
    r"超商取貨|超商取货|門市取貨|门店自提|店到店|到店取貨|自提|click (?:&|and) collect|in-store pick-?up|store pick-?up|"
    r"retrait (?:en magasin|au magasin)|abholung im (?:markt|gesch[äa]ft)|ritiro in negozio|recogida en tienda",
    re.I,
)
