"""Order, reference and ticket numbers, found by their evidence: a label, the subject, a link, a shape."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from orderwatch.parsers import guarded as rx
from orderwatch.parsers import lexicon
from orderwatch.parsers.fields import columns
from orderwatch.parsers.fields.tickets import ticket_numbers
from orderwatch.parsers.guarded import guarded

# "GPA.3371-4420-…"; "==": base64 ids; "2026/48213": a year and a serial (never a date's "2026/11/16")
# Ticketmaster's "62-48157/BER": a number, a slash and the venue's or region's code in capitals
_SLASH_CODE = r"(?:/(?-i:[A-Z]{2,4}\d?)(?![\w/]))?"
_ID = (
    r"[#№【「\[(（]?\s*([A-Za-z0-9][A-Za-z0-9_.\-]{1,40}[A-Za-z0-9](?:==?(?![=\w])|/\d{3,12}(?![\w/])|"
    + _SLASH_CODE[3:-2]
    + r")?)"
)
_LABELLED = guarded(
    f"(?:{'|'.join(lexicon.ORDER_LABELS)}|{lexicon.ORDER_WORD_COLON})"
    r"[\]】］＞>〉》]?(?:\s*+[(（][^)）\n]{1,16}[)）])?\s*+(?:(?:为|是|為|(?:is|ist|est|è|es|to)(?=\s))\s*+)?"  # "Номер заказа (счёта):"
    # a bilingual or double label: "訂單編號 Order No.：", "Ordernummer / factuurnummer:"
    # (runs of spaces taken whole: a link blanked to 70 spaces after "order:" is not split every way)
    r"(?:(?:[^\S\n]*/[^\S\n]*|(?<=[^\S\n]))[^\W\d_](?:[^\W\d_]|[ .]){0,18}?(?=\s*[:：])\s*+)?"
    r"(?:[:：#]\s*+)?(?=[#№【「\[(（]?\s*(?:[A-Za-z0-9_.\-]*\d|[A-Z]{6,12}(?![A-Za-z])))"
    + _ID,  # a digit, or a letter reference
    re.I,
)
# A booking's reference: the order of a ticket or a stay, below an order number the mail also gives.
_BOOKING = guarded(
    r"(?:"
    + lexicon.BOOKING_LABELS
    + r")\s*[:：#]?\s*(?=[#№【「\[(（]?\s*(?:[A-Za-z0-9_.\-]*\d|[A-Z]{6,12}(?![A-Za-z])))"
    + _ID,
    re.I,
)
# A reference set apart in the subject of an order mail: "Order Confirmation（3618204759）", "[#1047]"
_SUBJECT_SET_APART = guarded(r"[（(\[【#]\s*([A-Za-z]{0,4}\d[A-Za-z0-9\-]{5,30})\s*[）)\]】]?")
_REFERENCE_LABELLED = guarded(
    r"(?<![A-Za-z])" + lexicon.REFERENCE_LABELS + r"\s*[:：#]?\s*([A-Z0-9][A-Z0-9\-]{4,30})(?![A-Za-z0-9\-])", re.I
)
# "订单X" / "order X" / "Bestellung X": the bare word, then a reference with a digit.
_WORDED = guarded(
    # the plural names several: "Ihre Bestellungen 000000412 und 000000415", "orders #2041 and #2042"
    r"(?<![A-Za-z])(?:"
    + lexicon.ORDER_WORDS
    + r")(?:(?<=[a-z])(?:s|en|es)(?![a-z]))?(?:\s+(?:is|was|has|von|de|del|du|di))?\s*[:：]?\s*"
    r"(?:confirmed\s*[-–:]\s*)?(?:n[.°º]\s*|nr\.\s*)?[(（【「\[]?[#№]?\s*((?:[A-Za-z]{1,6}-){0,2}[A-Za-z0-9]*\d[A-Za-z0-9_\-]{2,40}"
    + _SLASH_CODE
    + r")(?![A-Za-z0-9_\-])",
    re.I,
)
_TRANSACTION = guarded(
    r"(?:"
    + lexicon.TRANSACTION_LABELS
    + r")\s*[:：#]?\s*([A-Za-z0-9][A-Za-z0-9_\-]{5,40}[A-Za-z0-9])(?![A-Za-z0-9_\-])",
    re.I,
)
_INVOICE = guarded(
    r"(?:" + lexicon.INVOICE_LABELS + r")\s*[:：#]?\s*([A-Za-z0-9][A-Za-z0-9\-]{5,30}[A-Za-z0-9])(?![A-Za-z0-9\-])",
    re.I,
)
# The invoice number a payment service repeats from the shop, in any language: "Rechnungsnummer #1384"
_INVOICE_NAMED = guarded(
    r"(?:rechnungsnummer|rechnungs-?nr\.?|num[ée]ro\s+de\s+facture|n[úu]mero\s+de\s+factura|numero\s+(?:di\s+)?fattura|"
    r"numer\s+faktury|factuurnummer|fakturanummer|[čc][íi]slo\s+faktury|invoice\s*(?:id|no\.?|number))\s*[:：]?\s*(#?[A-Za-z0-9][A-Za-z0-9\-]{2,30}[A-Za-z0-9])(?![A-Za-z0-9\-])",
    re.I,
)
# A purchase id (a UUID) on the line that names the purchase: "Dotyczy zakupu z 16.09.2026 9d7e2c14-95b1-…"
_UUID_OF_PURCHASE = guarded(
    r"(?i:" + lexicon.ORDER_WORDS + r"|zakup\w*|purchase|kauf|achat|acquisto)[^\n]{0,60}?"
    r"(?<![\w/=.-])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])"  # never a link's parameter
)
_ITEM = guarded(
    r"(?:" + lexicon.ITEM_LABELS + r")\s*[:：#]?\s*([A-Za-z0-9][A-Za-z0-9\-]{5,30}[A-Za-z0-9])(?![A-Za-z0-9\-])", re.I
)
_DISPUTE = guarded(
    r"dispute|claim|case id|chargeback|resolution cent|争议|爭議|纠纷|糾紛|拒付|投诉|投訴|申诉|申訴", re.I
)
_ORDER_COMPLAINT = guarded(r"订单投诉|訂單投訴|投诉订单|投訴訂單")
# "Your Epic Games Receipt F2608141232184417": a receipt or order subject that ends with its reference.
# A code in dashed groups named in the subject: "Garantie réparation OR-069-2610-00418 - tactile HS"
_SUBJECT_DASHED = guarded(r"(?<![\w-])([A-Z]{1,4}-\d{2,6}(?:-\d{2,6}){1,3})(?![\w-])")
_SUBJECT_TRAILING = guarded(
    r"(?:receipt|order|invoice|purchase|订单|訂單|bestellung|commande|pedido)\b[^\n]{0,40}?\s#?([A-Z]{0,4}\d[A-Z0-9\-]{7,30})\s*$",
    re.I,
)
# "order KHWLILZLL": a letters-only reference after the bare word (kept only if named twice).
_WORDED_LETTERS = guarded(r"(?<![A-Za-z])(?i:" + lexicon.ORDER_WORDS + r")\s*[:：#]?\s*([A-Z]{6,12})(?![A-Za-z0-9])")
# Marketplace numbers that say what they are by shape alone: 123-1234567-1234567.
# Marketplace shapes: Amazon's 3-7-7 digits; an Indonesian marketplace invoice "INV/20261005/MPL/3456789012";
# a number before its label, as Turkish writes it ("10485529317 numaralı sipariş")
_SHAPED = guarded(
    r"(?<![\w-])(\d{3}-\d{7}-\d{7})(?![\w-])|(?<![\w/])(INV/\d{8}/[A-Z]{2,6}/\d{6,14})(?![\w/])"
    r"|(?<![\w-])(\d{6,20})\s+numaral[ıi]\s+(?:\w+\s+){0,2}?sipari[şs]"
)
# A link target shown in the prose ("Shop [https://…]"): a tracker's path holds letter-digit runs
# that a label's abbreviation inside it would name ("…tntf6NroxehYs…": 'Nr' then a token).
_LINK_TEXT = guarded(r"\bhttps?://[^\s\]>)\"']+")
# The mail's own order page: .../order?id=123, ...?order_id=AB-12, .../orders/123456
_LINKED = guarded(
    # The lookahead names every first character the two branches can start with: most positions of
    # a 10 KB HTML body fail on it at once, instead of trying each branch (3.5x faster, same matches).
    r"(?=[obcpz訂订ka/])(?:"
    r"(?:order|bestellung|commande|ordine|pedido|zamowienie|訂單|订单|purchase|kupione|zakupy|achat|compra|acquist)[a-z_/]*\?(?:[^\s\"'<>]*?&(?:amp;)?)?"
    r"(?:order_?(?:id|no|number|num|sn|code)|orderid|orderno|ordernumber|id|no|sn|oid)=([A-Za-z0-9\-]{4,40})"
    r"|/(?:orders?|order[_-]?status|purchases?|buys?|kupione|zamowienia|bestellungen|commandes|pedidos|ordini|siparislerim)/"
    r"(?:view/|detail/|details/|detay/)?"
    r"([A-Za-z0-9\-]*\d[A-Za-z0-9\-]{3,40})(?=[/?#\s\"'<>]|$))",
    re.I,
)
# Any page's query that names the order: "tracking/index.html?tradeOrderId=8204988314470562"
_ORDER_QUERY = guarded(r"[?&](?:[a-z]{0,12}order_?(?:id|no|number|sn))=(\d[A-Za-z0-9\-]{5,40})(?=[&#\s\"'<>]|$)", re.I)
_TRACKING_LABELLED = guarded(
    # "Nº de seguimiento GLS 1352098817": the carrier's name may stand between label and number
    r"(?:"
    + lexicon.TRACKING_LABELS
    + r")\s*[:：#]?\s*(?:(?-i:[A-Z]{2,5})\s+)?([A-Za-z0-9][A-Za-z0-9\-]{5,40})(?![A-Za-z0-9])",
    re.I,
)
_TRACKING_NUMBER_FIRST = guarded(lexicon.TRACKING_NUMBER_FIRST, re.I)
# A code alone on its own line: a capital, then at least four digits with a letter after one: "A0009F2LXC"
_ALONE_ON_LINE = guarded(r"^[ \t]*((?-i:[A-Z](?=(?:[A-Z]*\d){4})(?=[A-Z0-9]*\d[A-Z])[A-Z0-9]{7,11}))[ \t]*$", re.M)
# A 发卡 engine's number alone on the line under its purchase sentence: "您在X购买的商品已自动发货。" / "1784556830…"
_UNDER_PURCHASE_LINE = guarded(r"(?:购买|購買|下单|下單|订单|訂單)[^\n]{0,60}\n[ \t]*(\d{14,22})[ \t]*(?=\n|$)")
# A prefixed code heading a table row flattened to a line: "BS-28417736 発送元：千葉配送センター 発送：2026/10/22"
_HEADS_ITS_ROW = guarded(r"^[ \t]*((?-i:[A-Z]{1,4}-\d{6,12}))(?=[ \t]+[^\s:：]{1,12}[:：])", re.M)
# A carrier's tracking page names the parcel in its query: "?piececode=00340434161094227318", "?objects=DX…PT"
_TRACKING_QUERY = guarded(r"[?&](?:" + lexicon.TRACKING_QUERY_KEYS + r")=([A-Za-z0-9]{8,40})\b", re.I)
_NUMBERED = guarded(r"(?:n[°º]|no\.|nr\.|#|№|nummer|num[ée]ro|number|編號|编号|番号|번호)\s*[:：]?\s*\d{4}\b", re.I)
_NOT_ORDER = guarded(r"^(?:\d{1,2}|19\d\d|20\d\d)$")  # a day or a year, not an order
# 24+ hex digits, or 20+ characters mixing upper and lower case: a token, not a reference a shop shows
_TOKEN = guarded(r"^(?:[0-9a-f]{24,}|(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{20,})$")
_LETTER_REFERENCE = guarded(r"^[A-Z]{6,12}$")  # PrestaShop-style references: KHWLILZLL
_NOT_REFERENCE = guarded(
    r"^(?:number|confirmation|confirmed|details?|status|documents?|dokument|summary|history|date|total|nummer|numero|numéro|"
    r"is|has|was|and|the|for|from|update|updates|placed|received|shipped|cancell?ed|delivered|refunded|returned|"
    r"completed?|processing|pending|ready|invoice|receipt|tracking|dispatched|arriving|confirmation|reminder|"
    r"problem|issue|review|feedback|survey|support|request|payment|shipping|delivery|notice|alert|today|update|"
    r"versendet|zugestellt|storniert|bestätigt|eingegangen|erhalten|unterwegs|geliefert|abgeschlossen|"
    r"exp[ée]di[ée]e?|livr[ée]e?|annul[ée]e|confirm[ée]e|enviado|entregado|cancelado|spedito|consegnato|annullato|"
    r"wys[łl]ane|dostarczone|verzonden|bezorgd|geannuleerd)$"
    # a calendar date is a date: "… on 2026-04-15", "2026/04/15", "15-04-2026"
    r"|^(?:(?:19|20)\d\d([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\2(?:19|20)\d\d)$",
    re.I,
)


# A company's own registration or tax number in a footer is no order's.
_REGISTRATION = guarded(
    r"(?:registered in\b[^.\n]{0,40}?|company\s+(?:registration\s+)?|vat\s+(?:registration\s+|reg\.?\s+)?|"
    r"registration\s+|companies house\s+)(?:no\.?|number|nr\.?|#)\s*[:.]?\s*((?:GB)?\d[\d ]{4,12}\d)",
    re.I,
)


# The number before the word: "您的编号为：2026110905872的订单已取消"
_NUMBER_OF_THE_ORDER = guarded(
    r"编号(?:为|是)?\s*[:：]?\s*([A-Za-z0-9][A-Za-z0-9-]{3,40})(?=\s*的(?:订单|訂單))"
    r"|(?<![\w-])([A-Za-z0-9-]*\d{4,}[A-Za-z0-9-]*)\s+sz[áa]m[úu]\s+rendel[ée]s",  # hu: "A 400512837 számú rendelésed"
    re.I,
)
# A plural order word, then the next reference of a list: "orders 2041 and 2042", "Bestellungen 412 (…) und 415"
_PLURAL = guarded(r"[a-z](?:s|en|es)$", re.I)
_AND_NEXT = guarded(
    r"(?:[^\S\n]*[(（][^)）\n]{0,40}[)）])?[^\S\n]*(?:,|und|and|et|y|e|en|i|&)[^\S\n]*[#№]?[^\S\n]*"
    r"([A-Za-z0-9]*\d[A-Za-z0-9_\-]{2,40})(?![A-Za-z0-9_\-])"
)


def plural_word(evidence: str) -> bool:
    """The evidence "after 'Bestellungen'" names a plural order word: a list of orders follows."""
    return bool(_PLURAL.search(evidence.rstrip("'")))


def reference_shape(value: str) -> str:
    """Digits as 9, letters as A: two references of one list share it."""
    return "".join("9" if ch.isdigit() else "A" if ch.isalpha() else ch for ch in value)


# The confirmation document's own number, not the order's label: "Order confirmation #1788973960412"
_DOCUMENT_HEADING = guarded(
    r"(?:order|bestell|zamówieni[ea])\w*\s+(?:confirmation|bestätigung|potwierdzenie)|bestellbestätigung|"
    r"confirmation de (?:la )?commande|confirmación del? pedido|conferma (?:dell['’])?ordine|"
    r"receipt\s*(?:#|no\.?|number)",  # "Your receipt #1440…" beside "Order Number: MK4T…"
    re.I,
)
# A forwarder's consolidated shipment: several orders in one box, each order still its own.
_CONSOLIDATION = guarded(r"集運|集运")
# A label that says the number is the shop's own, in a payment service's or a marketplace's mail.
_PAYMENT_SYSTEMS_OWN = guarded(r"(?:系统|系統|平台|支付|网关|網關|渠道|交易)$")
# A pay-later or payment service names its own record of the order: "Klarna order reference", "Afterpay order ID".
_PAY_LATER_OWN = guarded(
    r"(?<![\w.])(?:klarna|afterpay|clearpay|affirm|sezzle|scalapay|ratepay|riverty|laybuy|atome|zip|paypal|alipay|支付宝|支付寶|微信支付|易支付)[^\S\n]*\Z",  # on the label's own line
    re.I,
)
_MERCHANT_WORDS = (
    r"(?:retailer|merchant|store|shop|seller|vendor|h[äa]ndler|marchand|commer[çc]ant|boutique|esercente|negozio|"
    r"venditore|comercio|tienda|vendedor|loja|商户|商戶|商家|卖家|賣家|店铺|店舖)"
)
_MERCHANTS_OWN = guarded(_MERCHANT_WORDS + r"(?:['’]s)?\s*$", re.I)  # "Retailer order number:", "商户 订单号"


@dataclass(frozen=True)
class Reference:
    """A candidate order reference and the evidence for it, for `explain`."""

    value: str
    score: float
    evidence: tuple[str, ...]


# a wallet or a top-up store sells the load itself: its reference names the purchase
_TOP_UP_WORDS = (
    r"|\b(?:buy |mobile |prepaid )?load\b|top-?up|recharge|reload|\be-?pin\b|充值|充值中心"
    r"|\btrajet|\bvoyage|\br[ée]serv[ée]e?s?\b|\be-?billets?\b|\btrip\b|\bjourney\b|\bitinerary\b|行程|车票|車票|机票|機票"  # a ticket's booking
)
_PURCHASE = guarded(r"\b(?:your|this) purchase\b|buyer protection|käuferschutz|protection (?:des )?acheteurs?", re.I)


@lru_cache(maxsize=32)
def references(text: str, subject: str = "", links: str = "") -> tuple[Reference, ...]:
    """Candidate order references, best first, each with the evidence that named it.

    Evidence: an explicit label in any language (3), the bare word "order" (2), a marketplace
    shape (2), the mail's own order-page link (2), each further mention (+0.5), the subject (+1).
    """
    scores: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    pages = links or text  # the mail's links, read below as links; in the prose they are blanked
    text = _LINK_TEXT.sub(lambda m: " " * len(m.group(0)), text) if "://" in text else text
    weak: set[str] = set()
    strong: set[str] = set()

    def add(value: str, points: float, why: str, labelled: bool = False) -> None:
        hashed = value.lstrip().startswith(("#", "№"))
        value = value.strip().lstrip("#№").strip("-_")
        if len(value) < 3 or _NOT_REFERENCE.match(value):
            return
        # "#2044" and "commande n° 2045" are orders, a bare "2044" a year
        numbered = len(value) == 4 and why.startswith("label") and bool(_NUMBERED.search(why))
        if _NOT_ORDER.match(value) and not ((hashed or numbered) and len(value) == 4):
            return
        if not any(ch.isdigit() for ch in value):
            if not _LETTER_REFERENCE.match(value):
                return
            if points < 3 and not labelled:
                weak.add(value)  # "order KHWLILZLL": kept only if named again (the subject, a label)
            else:
                strong.add(value)
        scores[value] = scores.get(value, 0.0) + (points if value not in scores else 0.5)
        evidence.setdefault(value, []).append(why)

    for source in (subject, text):
        for match in _LABELLED.finditer(source):
            if match.start() > 0 and source[match.start() - 1] in "=&/":
                continue  # a URL parameter is read as a link below
            if _CONSOLIDATION.search(match.group(0)):
                # "集運單號：JY2026…" beside "包含淘寶訂單：4012…": the forwarder's box, not the buyer's order
                add(_with_hash(source, match), 1, "a forwarder's consolidation number")
                continue
            before = source[max(0, match.start() - 24) : match.start()]
            # the merchant named before the label, or in it: "Retailer order number", "商户订单号", "Merchant reference"
            mine = _MERCHANTS_OWN.search(before) or rx.search(
                _MERCHANT_WORDS, source[match.start() : match.start(1)], re.I
            )
            if _PAY_LATER_OWN.search(before) and not mine:
                # "Klarna order reference 2UVZD7AP": the payment service's record of the order, not the shop's number
                add(
                    _with_hash(source, match),
                    1,
                    f"label '{before.split()[-1]} {match.group(0)[:20].strip()}' (a payment service's own)",
                )
                continue
            if _PAYMENT_SYSTEMS_OWN.search(before) and not mine:
                # a payment gateway's "系统订单号" beside the "商户订单号": the gateway's record, not the order
                add(_with_hash(source, match), 1.5, f"label '{before[-4:]}{match.group(0)[:20].strip()}' (a gateway's)")
                continue
            # "Clearpay order number: 4005…" / "Retailer order number: #4391": the shop's is the order;
            # "Order confirmation #1788…" numbers the document, and loses to an "Order ID" beside it
            document = not mine and _DOCUMENT_HEADING.match(match.group(0))
            why = f"label '{match.group(0)[:24].strip()}'" + (" (the document's)" if document else "")
            add(_with_hash(source, match), 4.5 if mine else 2.5 if document else 3, why)
        for match in _BOOKING.finditer(source):
            add(_with_hash(source, match), 2.5, f"label '{match.group(0)[:24].strip()}' (a booking)", labelled=True)
        for match in _WORDED.finditer(source):
            if match.start() > 0 and source[match.start() - 1] in "=&/._-":
                continue
            add(_with_hash(source, match), 2, f"after '{match.group(0).split()[0]}'")
            if _PLURAL.search(match.group(0).split()[0]):  # "Bestellungen 412 (Brett) und 415": each is one
                end = match.end()
                while (more := _AND_NEXT.match(source, end)) and reference_shape(more.group(1)) == reference_shape(
                    match.group(1)
                ):
                    add(more.group(1), 2, f"after '{match.group(0).split()[0]}'")
                    end = more.end()
        for match in _NUMBER_OF_THE_ORDER.finditer(source):
            add(match.group(1) or match.group(2), 3, "numbers 'the order'", labelled=True)
        for match in _WORDED_LETTERS.finditer(source):
            add(match.group(1), 2, f"after '{match.group(0).split()[0]}'")
        for match in _REFERENCE_LABELLED.finditer(source):
            near = source[max(0, match.start() - 60) : match.start()]
            # "Your order with X is delivered" over "(Number: 10412)"
            if (
                rx.search(lexicon.ORDER_WORDS + _TOP_UP_WORDS, near, re.I)
                or (source is text and rx.search(lexicon.ORDER_WORDS + _TOP_UP_WORDS, subject, re.I))
                or _PURCHASE.search(text[:3000])  # "Your purchase is covered by Buyer Protection": a marketplace trade
            ):
                add(match.group(1), 2, "reference of an order", labelled=True)
        for match in _SHAPED.finditer(source):
            # "PURCHASE ORDER NUMBER 8437 / REFERENCE 113-4821907-5530617": a carrier's notice names the
            # seller's own purchase order beside the buyer's marketplace order, whose shape tells it apart
            add(next(g for g in match.groups() if g), 2, "marketplace number shape")
        # both forms may read the same "Invoice ID: …": one mention, not two
        invoices = [m.group(1) for m in (*_INVOICE.finditer(source), *_INVOICE_NAMED.finditer(source))]
        for value in dict.fromkeys(v.lstrip("#") for v in invoices):
            if any(ch.isdigit() for ch in value) or _LETTER_REFERENCE.match(value):  # PrestaShop's "KXQWPBTRZ"
                add(value, 2, "the merchant's invoice", labelled=True)
        for match in _UUID_OF_PURCHASE.finditer(source):
            add(match.group(1), 2, "a purchase id on the purchase's line")
        for match in _ITEM.finditer(source):
            item = match.group(1)  # a post office's "Item No.: CP038526471HK" is a parcel (UPU shape), no listing
            if any(ch.isdigit() for ch in item) and not rx.fullmatch(r"[A-Z]{2}\d{9}[A-Z]{2}", item):
                add(item, 1.5, "listing item number")
        for match in _TRANSACTION.finditer(source):
            # a store's receipt, not a payment dispute: there the transaction is the payment's, not the order's;
            # a complaint about the order itself names the trade ("您已提交订单投诉：Netflix 会员（交易号 id_1794…）")
            if any(ch.isdigit() for ch in match.group(1)) and (
                not _DISPUTE.search(text) or _ORDER_COMPLAINT.search(text)
            ):
                add(match.group(1), 1.5, "transaction reference")
    if rx.search(
        lexicon.ORDER_WORDS
        + r"|purchase|receipt|\bbought\b|r[ée]paration|repair|garantie|warranty|维修|維修|"
        + lexicon.SHIPPING_WORDS
        + "|"
        + lexicon.REFUND_WORDS,
        subject,
        re.I,
    ):
        for match in _SUBJECT_SET_APART.finditer(subject):
            add(match.group(1), 2, "set apart in the subject")
        for match in _SUBJECT_TRAILING.finditer(subject):
            add(match.group(1), 2, "ends the subject")
        for match in _SUBJECT_DASHED.finditer(subject):
            add(match.group(1), 2, "a dashed code in the subject")
    linked = [match.group(1) or match.group(2) for match in _LINKED.finditer(pages)]
    linked += [m.group(1) for m in _ORDER_QUERY.finditer(pages) if m.group(1) not in linked]
    if "%3d" in pages.lower():  # a redirect wraps the order page: "…&U=https%3A%2F%2F…%3ForderID%3D306-…"
        pages = unquote(pages)
        wrapped = [match.group(1) or match.group(2) for match in _LINKED.finditer(pages)]
        wrapped += [next(g for g in match.groups() if g) for match in _SHAPED.finditer(pages)]
        linked += [value for value in dict.fromkeys(wrapped) if value not in linked and value not in scores]
    for value in linked:
        if not _TOKEN.match(value):  # a session or recovery token in a link is no order number
            add(value, 2, "order-page link")
    for match in _ALONE_ON_LINE.finditer(text):  # bol.com's footer: the order number alone under the address
        add(match.group(1), 1.5, "alone on its line")
    for match in _HEADS_ITS_ROW.finditer(text):
        add(match.group(1), 1.5, "heads its row")
    for match in _UNDER_PURCHASE_LINE.finditer(text):
        add(match.group(1), 2, "alone under the purchase line")
    # "DATE   ORDER ID   DOCUMENT NO." over "Nov 1, 2026   MT7QX4K2LP   2811…"
    for value in columns.under_its_label(text):
        add(value, 3, "under its column label", labelled=True)
    for ticket in ticket_numbers(subject + "\n" + text):
        # a desk's ticket number is not the order's, unless the mail labels it as the order or invoice
        # ("Your Canva receipt [#28735514]" over "Invoice number: 28735514")
        if not any(why.startswith(("label", "the merchant's invoice")) for why in evidence.get(ticket, ())):
            scores.pop(ticket, None)
    for company in _REGISTRATION.finditer(text):  # "Registered in England & Wales No. 732993": the company's
        scores.pop(company.group(1).replace(" ", ""), None)
    parcels = (*_TRACKING_LABELLED.finditer(text), *_TRACKING_NUMBER_FIRST.finditer(text)) if scores else ()
    for parcel in parcels:  # "mã vận đơn GYKD7Q2M": the parcel's, unless labelled an order
        value = parcel.group(1)
        if value in scores and not any(why.startswith("label") for why in evidence[value]):
            scores.pop(value)
    for parcel in _TRACKING_QUERY.finditer(pages):  # "…verfolgen.html?piececode=0034…": the parcel's own
        if parcel.group(1) in scores and "marketplace number shape" not in evidence[parcel.group(1)]:
            scores.pop(parcel.group(1))
    ordered = any(w.startswith("label") and "(the document's)" not in w for v in scores for w in evidence[v])
    for value in scores:
        if ordered and any("(the document's)" in why for why in evidence[value]):
            scores[value] -= 2  # "Your receipt #1440…" over "Order Number: MK4T…": the document's, not the order's
        if "marketplace number shape" in evidence[value]:
            scores[value] += 1.5  # however it was named first, the shape alone says "an order of a marketplace"
        if subject and value in subject:
            scores[value] += 1
            evidence[value].append("in the subject")
    others = [v for v in scores if any(ch.isdigit() for ch in v)]
    for value in weak - strong:
        if scores.get(value, 0.0) < 3.5 and others:  # named twice, once in the subject; or the only candidate
            scores.pop(value, None)
    ranked = sorted(scores, key=lambda v: -scores[v])
    return tuple(Reference(v, scores[v], tuple(evidence[v])) for v in ranked)


def _with_hash(source: str, match: re.Match[str]) -> str:
    """The captured reference, with the '#' written right before it kept as evidence."""
    before = source[max(0, match.start(1) - 2) : match.start(1)]
    return ("#" + match.group(1)) if "#" in before or "№" in before else match.group(1)


# Any reference-shaped token: letters, digits and dashes with at least four digits ("tbx-6390475…", "20417")
_MENTION = guarded(r"(?<![\w/.@#=&%-])#?([A-Za-z0-9_-]*\d[A-Za-z0-9_-]*)(?![\w@/]|\.\w)")


def mentions(text: str) -> list[str]:
    """Every reference-shaped token the text names, unlabelled: a user's own mail about an order ("transaction
    tbx-…", "Rank not received - 63904751") is tied to it when one of them is an order number already known."""
    found = (m.group(1).strip("-_") for m in _MENTION.finditer(text))
    shaped = (v for v in found if 5 <= len(v) <= 50 and sum(ch.isdigit() for ch in v) >= 4)
    return list(dict.fromkeys(v for v in shaped if not _NOT_ORDER.match(v)))[:12]


def service_own(reference: Reference) -> bool:
    """Named only as a payment service's own record of the order ("Klarna order reference 2UVZD7AP")."""
    return any("a payment service's own" in why for why in reference.evidence) and not any(
        why.startswith("label") and "a payment service's own" not in why for why in reference.evidence
    )


def order_numbers(text: str, subject: str = "", links: str = "") -> list[str]:
    """Order references mentioned, best first. '#' is dropped ("Order #1047" -> 1047)."""
    return [r.value for r in references(text, subject, links)]
