"""Field extractors shared by every parser family: order numbers, amounts, times, tickets.

Pure functions of text. They know the usual *labels* of order mail in Chinese and English
("订单号：", "Order #", "Total"), never a particular shop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from orderwatch.parsers import lexicon

CJK = re.compile(r"[\u4e00-\u9fff]")

# --- language ---------------------------------------------------------------------------


def language(text: str) -> str:
    """'zh' when Chinese characters make up a real share of the letters, else 'en'."""
    sample = text[:4000]
    cjk = len(CJK.findall(sample))
    latin = len(re.findall(r"[A-Za-z]", sample))
    return "zh" if cjk >= 8 and cjk * 3 >= latin * 0.5 else "en"


# --- order numbers ----------------------------------------------------------------------

_ID = r"[#№]?\s*([A-Za-z0-9][A-Za-z0-9_.\-]{2,40}[A-Za-z0-9](?:==?(?![=\w]))?)"  # "GPA.3371-4420-…"  # "==": base64 ids
_LABELLED = re.compile(
    r"(?:" + "|".join(lexicon.ORDER_LABELS) + "|" + lexicon.ORDER_WORD_COLON + r")\s*(?:为|是|為|is|ist|est|è|es|to)?"
    r"(?:[^\S\n]+[A-Za-z][A-Za-z .]{0,18}?(?=\s*[:：]))?"  # a bilingual label: "訂單編號 Order No.："
    r"\s*[:：#]?\s*(?=[#№]?\s*(?:[A-Za-z0-9_.\-]*\d|[A-Z]{6,12}(?![A-Za-z])))" + _ID,  # a digit, or a letter reference
    re.I,
)
# A reference set apart in the subject of an order mail: "Order Confirmation（3618204759）", "[#1047]"
_SUBJECT_SET_APART = re.compile(r"[（(\[【#]\s*([A-Za-z]{0,4}\d[A-Za-z0-9\-]{5,30})\s*[）)\]】]?")
_REFERENCE_LABELLED = re.compile(
    r"(?<![A-Za-z])" + lexicon.REFERENCE_LABELS + r"\s*[:：#]?\s*([A-Z0-9][A-Z0-9\-]{4,30})(?![A-Za-z0-9\-])", re.I
)
# "订单X" / "order X" / "Bestellung X": the bare word, then a reference with a digit.
_WORDED = re.compile(
    r"(?<![A-Za-z])(?:" + lexicon.ORDER_WORDS + r")(?:\s+(?:is|was|has|von|de|del|du|di))?\s*[:：]?\s*"
    r"(?:confirmed\s*[-–:]\s*)?[(（]?[#№]?\s*((?:[A-Za-z]{1,6}-)?[A-Za-z0-9]*\d[A-Za-z0-9_\-]{2,40})(?![A-Za-z0-9_\-])",
    re.I,
)
_TRANSACTION = re.compile(
    r"(?:" + lexicon.TRANSACTION_LABELS + r")\s*[:：#]?\s*([A-Za-z0-9][A-Za-z0-9\-]{5,40}[A-Za-z0-9])(?![A-Za-z0-9\-])",
    re.I,
)
_DISPUTE = re.compile(
    r"dispute|claim|case id|chargeback|resolution cent|争议|爭議|纠纷|糾紛|拒付|投诉|投訴|申诉|申訴", re.I
)
# "Your Epic Games Receipt F2608141232184417": a receipt or order subject that ends with its reference.
_SUBJECT_TRAILING = re.compile(
    r"(?:receipt|order|invoice|purchase|订单|訂單|bestellung|commande|pedido)\b[^\n]{0,40}?\s#?([A-Z]{0,4}\d[A-Z0-9\-]{7,30})\s*$",
    re.I,
)
# "order KHWLILZLL": a letters-only reference after the bare word (kept only if named twice).
_WORDED_LETTERS = re.compile(r"(?<![A-Za-z])(?i:" + lexicon.ORDER_WORDS + r")\s*[:：#]?\s*([A-Z]{6,12})(?![A-Za-z0-9])")
# Marketplace numbers that say what they are by shape alone: 123-1234567-1234567.
_SHAPED = re.compile(r"(?<![\w-])(\d{3}-\d{7}-\d{7})(?![\w-])")
# The mail's own order page: .../order?id=123, ...?order_id=AB-12, .../orders/123456
_LINKED = re.compile(
    r"(?:order|bestellung|commande|ordine|pedido|zamowienie|訂單|订单|purchase|kupione|zakupy|achat|compra|acquist)[a-z_/]*\?(?:[^\s\"'<>]*?&(?:amp;)?)?"
    r"(?:order_?(?:id|no|number|num|sn|code)|orderid|orderno|ordernumber|id|no|sn|oid)=([A-Za-z0-9\-]{4,40})"
    r"|/(?:orders?|purchases?|kupione|zamowienia|bestellungen|commandes|pedidos|ordini)/(?:view/|detail/|details/)?"
    r"([A-Za-z0-9\-]*\d[A-Za-z0-9\-]{3,40})(?=[/?#\s\"'<>]|$)",
    re.I,
)
_NOT_ORDER = re.compile(r"^(?:\d{1,2}|19\d\d|20\d\d)$")  # a day or a year, not an order
# 24+ hex digits, or 20+ characters mixing upper and lower case: a token, not a reference a shop shows
_TOKEN = re.compile(r"^(?:[0-9a-f]{24,}|(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{20,})$")
_LETTER_REFERENCE = re.compile(r"^[A-Z]{6,12}$")  # PrestaShop-style references: KHWLILZLL
_NOT_REFERENCE = re.compile(
    r"^(?:number|confirmation|confirmed|details?|status|summary|history|date|total|nummer|numero|numéro|"
    r"is|has|was|and|the|for|from|update|updates|placed|received|shipped|cancell?ed|delivered|refunded|returned|"
    r"completed?|processing|pending|ready|invoice|receipt|tracking|dispatched|arriving|confirmation|reminder|"
    r"problem|issue|review|feedback|survey|support|request|payment|shipping|delivery|notice|alert|today|update|"
    r"versendet|zugestellt|storniert|bestätigt|eingegangen|erhalten|unterwegs|geliefert|abgeschlossen|"
    r"exp[ée]di[ée]e?|livr[ée]e?|annul[ée]e|confirm[ée]e|enviado|entregado|cancelado|spedito|consegnato|annullato|"
    r"wys[łl]ane|dostarczone|verzonden|bezorgd|geannuleerd)$",
    re.I,
)


@dataclass(frozen=True)
class Reference:
    """A candidate order reference and the evidence for it, for `explain`."""

    value: str
    score: float
    evidence: tuple[str, ...]


@lru_cache(maxsize=32)
def references(text: str, subject: str = "", links: str = "") -> tuple[Reference, ...]:
    """Candidate order references, best first, each with the evidence that named it.

    Evidence: an explicit label in any language (3), the bare word "order" (2), a marketplace
    shape (2), the mail's own order-page link (2), each further mention (+0.5), the subject (+1).
    """
    scores: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    weak: set[str] = set()
    strong: set[str] = set()

    def add(value: str, points: float, why: str, labelled: bool = False) -> None:
        hashed = value.lstrip().startswith(("#", "№"))
        value = value.strip().lstrip("#№").strip("-_")
        if len(value) < 3 or _NOT_REFERENCE.match(value):
            return
        if _NOT_ORDER.match(value) and not (hashed and len(value) == 4):  # "#2044" is an order, "2044" a year
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
            add(_with_hash(source, match), 3, f"label '{match.group(0)[:24].strip()}'")
        for match in _WORDED.finditer(source):
            if match.start() > 0 and source[match.start() - 1] in "=&/._-":
                continue
            add(_with_hash(source, match), 2, f"after '{match.group(0).split()[0]}'")
        for match in _WORDED_LETTERS.finditer(source):
            add(match.group(1), 2, f"after '{match.group(0).split()[0]}'")
        for match in _REFERENCE_LABELLED.finditer(source):
            if re.search(lexicon.ORDER_WORDS, source[max(0, match.start() - 60) : match.start()], re.I):
                add(match.group(1), 2, "reference of an order", labelled=True)
        for match in _SHAPED.finditer(source):
            add(match.group(1), 2, "marketplace number shape")
        for match in _TRANSACTION.finditer(source):
            # a store's receipt, not a payment dispute: there the transaction is the payment's, not the order's
            if any(ch.isdigit() for ch in match.group(1)) and not _DISPUTE.search(text):
                add(match.group(1), 1.5, "transaction reference")
    if re.search(
        lexicon.ORDER_WORDS + r"|purchase|receipt|" + lexicon.SHIPPING_WORDS + "|" + lexicon.REFUND_WORDS, subject, re.I
    ):
        for match in _SUBJECT_SET_APART.finditer(subject):
            add(match.group(1), 2, "set apart in the subject")
        for match in _SUBJECT_TRAILING.finditer(subject):
            add(match.group(1), 2, "ends the subject")
    for match in _LINKED.finditer(links or text):
        value = match.group(1) or match.group(2)
        if not _TOKEN.match(value):  # a session or recovery token in a link is no order number
            add(value, 2, "order-page link")
    for ticket in ticket_numbers(subject + "\n" + text):
        scores.pop(ticket, None)  # a desk's ticket number is not the order's
    for value in scores:
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


def order_numbers(text: str, subject: str = "", links: str = "") -> list[str]:
    """Order references mentioned, best first. '#' is dropped ("Order #1047" -> 1047)."""
    return [r.value for r in references(text, subject, links)]


# --- tickets and complaint numbers ------------------------------------------------------

_TICKETS = [
    re.compile(
        r"(?:投诉编号|工单号|工单编号|登记编号|受理编号|投诉单号|案件编号|申诉编号|服务单号|aktenzeichen|vorgangsnummer|fallnummer|"
        r"num[ée]ro de dossier|dossier n[°º]|numero (?:di )?pratica|n[úu]mero de expediente|sygnatura|dossiernummer)"
        r"\s*[:：]?\s*([A-Za-z0-9\-]{4,40})",
        re.I,
    ),
    re.compile(r"\[\s*(?:Ticket|Case|Request|Incident)\s*#\s*:?\s*([A-Za-z0-9\-]{2,30})\s*\]", re.I),
    re.compile(r"\b(?:Ticket|Case|Request)\s*#\s*([A-Za-z0-9\-]{2,30})", re.I),
    re.compile(r"\b(?:request|ticket|case)\s*\(\s*#?(\d{2,12})\s*\)", re.I),  # Zendesk: "Your request (5678)"
    re.compile(r"\[\s*rt\s*#\s*(\d{1,12})\s*\]", re.I),
    # payment and marketplace cases: "Case ID: PP-D-71846203", "dispute PP-R-1234567"
    re.compile(
        r"\b(?:case|dispute|claim|fall|caso|litige|sprawa)\s*(?:id|number|#|no\.?|nr\.?)?\s*[:：#]?\s*((?:[A-Z]{1,4}-){1,2}\d{5,14})\b",
        re.I,
    ),
    re.compile(r"\b(PP-[A-Z]-\d{5,14})\b"),
    re.compile(r"\[\s*#\s*([A-Za-z]{0,6}-?\d{2,12})\s*\]"),
    re.compile(r"\[\s*([a-z][a-z0-9]{1,20}-\d{1,10})\s*\]"),  # django-helpdesk [queue-123]
    re.compile(r"\b(?:ticket|case|dispute)\s+(?:number\s+|no\.?\s*|id\s*)?([a-z][a-z0-9]{1,20}-\d{1,10})\b", re.I),
]


def ticket_numbers(text: str) -> list[str]:
    found: list[str] = []
    for pattern in _TICKETS:
        for match in pattern.finditer(text):
            value = match.group(1).strip()
            if value not in found and any(ch.isdigit() for ch in value):
                found.append(value)
    return found


# --- amounts ----------------------------------------------------------------------------

_SYMBOLS = {
    "¥": "CNY",
    "￥": "CNY",
    "元": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "人民币": "CNY",
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "aud": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "cad": "CAD",
    "hk$": "HKD",
    "hkd": "HKD",
    "nt$": "TWD",
    "twd": "TWD",
    "s$": "SGD",
    "sgd": "SGD",
    "nz$": "NZD",
    "nzd": "NZD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "jpy": "JPY",
    "円": "JPY",
    "chf": "CHF",
    "₩": "KRW",
    "krw": "KRW",
    "₹": "INR",
    "inr": "INR",
}
_SYMBOLS.update(
    {
        "zł": "PLN",
        "zl": "PLN",
        "pln": "PLN",
        "kr": "SEK",
        "sek": "SEK",
        "nok": "NOK",
        "dkk": "DKK",
        "kč": "CZK",
        "czk": "CZK",
        "r$": "BRL",
        "brl": "BRL",
        "mx$": "MXN",
        "mxn": "MXN",
        "₽": "RUB",
        "₺": "TRY",
        "ntd": "TWD",
        "新台幣": "TWD",
        "新臺幣": "TWD",
        "港幣": "HKD",
        "港币": "HKD",
        "₱": "PHP",
        "php": "PHP",
        "rp": "IDR",
        "idr": "IDR",
        "rm": "MYR",
        "myr": "MYR",
        "฿": "THB",
        "thb": "THB",
        "₫": "VND",
        "vnd": "VND",
        "aed": "AED",
        "sar": "SAR",
    }
)
# A number with thousands separators (",", ".", " ", "'") and maybe decimals ("," or "."):
# 1,299.00 / 1.299,00 / 1 299,00 / 107,34 / 1280
_NUM = r"(\d{1,3}(?:[,，.\u00a0\u202f' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?!\d)"
_PRE = (
    r"(US\$|A\$|AU\$|C\$|CA\$|HK\$|NT\$|S\$|NZ\$|R\$|MX\$|\$|¥|￥|€|£|₩|₹|₽|₺|RMB|CNY|USD|EUR|GBP|AUD|CAD|HKD|JPY|"
    r"CHF|SGD|NZD|TWD|NTD|KRW|INR|PLN|SEK|NOK|DKK|CZK|BRL|MXN|人民币|新台幣|新臺幣|港幣|港币|"
    r"₱|PHP|Rp|IDR|RM|MYR|฿|THB|₫|VND|AED|SAR)"
)
_POST = (
    r"(元|¥|￥|€|\$|zł|zl\b|kr\b|Kč|RMB|CNY|USD|EUR|GBP|AUD|CAD|HKD|JPY|円|CHF|SGD|NZD|TWD|NTD|KRW|INR|PLN|SEK|NOK|DKK|"
    r"CZK|BRL|MXN|PHP|IDR|MYR|THB|VND|₫|AED|SAR)"
)
AMOUNT = re.compile(rf"(?:{_PRE}[^\S\n]?{_NUM}[^\S\n]?{_POST}?|{_NUM}[^\S\n]?{_POST})", re.I)  # one line
_TOTAL_LABELS = re.compile(r"(" + "|".join(lexicon.TOTAL_LABELS) + r")\s*[:：]?\s*", re.I)
# "$" means the currency of the shop's country: named in the mail, else the sender's domain.
_DOLLAR_CODES = re.compile(
    r"(?:\d\s?|\$\s?)(USD|CAD|AUD|HKD|TWD|NTD|SGD|NZD|MXN|ARS|CLP|COP|UYU)\b"
    r"|\b(USD|CAD|AUD|HKD|TWD|NTD|SGD|NZD|MXN|ARS|CLP|COP|UYU)\s?\$?\s?\d"
)  # a code next to an amount, not any three capitals
_DOLLAR_TLDS = {
    "ca": "CAD",
    "au": "AUD",
    "hk": "HKD",
    "tw": "TWD",
    "sg": "SGD",
    "nz": "NZD",
    "mx": "MXN",
    "ar": "ARS",
    "cl": "CLP",
    "com.co": "COP",  # never bare .co: a generic top-level domain
    "uy": "UYU",
}


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def text(self) -> str:
        return f"{self.amount:.2f}"


def dollar_currency(text: str, sender_domain: str = "") -> str:
    """Which dollar "$" is: a currency code the mail names, else the shop's country, else USD."""
    named = _DOLLAR_CODES.search(text)
    if named:
        code = named.group(1) or named.group(2)
        return "TWD" if code == "NTD" else code
    domain = sender_domain.lower()
    for suffix, currency in _DOLLAR_TLDS.items():
        if domain.endswith("." + suffix):
            return currency
    return "USD"


_KANA = re.compile(r"[\u3040-\u30ff]")


def japanese_yen(money: Money | None, text: str, sender_domain: str = "") -> Money | None:
    """'¥12,980' is yen, not yuan, in Japanese mail (kana) or from a .jp shop."""
    if money is None or money.currency != "CNY" or "元" in text or "CNY" in text or "RMB" in text:
        return money
    if sender_domain.lower().endswith(".jp") or len(_KANA.findall(text[:3000])) >= 8:
        return Money(money.amount, "JPY")
    return money


def decimal_value(num: str) -> Decimal | None:
    """'1.299,00' -> 1299.00, '1,299.00' -> 1299.00, '107,34' -> 107.34, '1,280' -> 1280."""
    num = num.replace("，", ",").replace("\u00a0", " ").replace("\u202f", " ")
    separators = [i for i, ch in enumerate(num) if ch in ",. '"]
    if separators:
        last = separators[-1]
        decimals = len(num) - last - 1
        if num[last] in ",." and decimals in (1, 2):
            whole = re.sub(r"[,. ']", "", num[:last])
            num = f"{whole}.{num[last + 1 :]}"
        else:
            num = re.sub(r"[,. ']", "", num)
    try:
        return Decimal(num)
    except InvalidOperation:
        return None


def parse_amount(match: re.Match[str], lang: str = "en", default_currency: str | None = None) -> Money | None:
    pre, num1, post1, num2, post2 = match.groups()
    num = num1 or num2
    symbol = (pre or post1 or post2 or "").lower()
    value = decimal_value(num or "")
    if value is None:
        return None
    currency = default_currency if symbol == "$" and default_currency else _SYMBOLS.get(symbol) or default_currency
    if symbol in ("¥", "￥") and lang != "zh" and default_currency == "JPY":
        currency = "JPY"
    if currency is None:
        return None
    return Money(value.quantize(Decimal("0.01")), currency)


def amounts(text: str, lang: str = "en", dollar: str | None = None) -> list[Money]:
    out = []
    for match in AMOUNT.finditer(text):
        money = parse_amount(match, lang, dollar)
        if money is not None:
            out.append(money)
    return out


def total_amount(text: str, lang: str = "en", dollar: str | None = None) -> Money | None:
    """The order total: the last amount after a total label, else the largest amount shown."""
    labelled: list[Money] = []
    for label in _TOTAL_LABELS.finditer(text):
        window = text[label.end() : label.end() + 40]
        match = AMOUNT.match(window) or AMOUNT.search(window.split("\n")[0])
        if match:
            money = parse_amount(match, lang, dollar)
            if money is not None:
                labelled.append(money)
    if labelled:
        return labelled[-1]
    found = amounts(text, lang, dollar)
    return max(found, key=lambda m: m.amount) if found else None


# --- times in text ----------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)
}
_ZONES = {
    "utc": 0,
    "gmt": 0,
    "bst": 1,
    "cet": 1,
    "cest": 2,
    "eet": 2,
    "eest": 3,
    "msk": 3,
    "ist": 5.5,
    "cst": 8,
    "hkt": 8,
    "sgt": 8,
    "awst": 8,
    "jst": 9,
    "kst": 9,
    "aest": 10,
    "aedt": 11,
    "nzst": 12,
    "nzdt": 13,
    "est": -5,
    "edt": -4,
    "cdt": -5,
    "mst": -7,
    "mdt": -6,
    "pst": -8,
    "pdt": -7,
    "北京时间": 8,
}
_ZONE_RE = r"(?:\(?\s*(UTC|GMT|BST|CET|CEST|EET|EEST|MSK|HKT|SGT|AWST|JST|KST|AEST|AEDT|NZST|NZDT|EST|EDT|CDT|MST|MDT|PST|PDT)\s*\)?|(北京时间))?"
_TIME = r"(?:\s*(?:,|at|um|à)?\s*(上午|下午|晚上|早上|中午|凌晨)?\s*(\d{1,2})\s*[:：点时]\s*(\d{2})?(?:[:：](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?)?"
_WEEKDAY = r"(?:\s*[(（]?\s*(?:星期|周|礼拜)[一二三四五六日天][)）]?)?"
_ISO = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
    + _WEEKDAY
    + r"(?:T|\s)*"
    + _TIME
    + r"\s*"
    + _ZONE_RE,
    re.I,
)
_ZH_MD = re.compile(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]" + _WEEKDAY + _TIME + _ZONE_RE)
# A weekday name before a date belongs to its span; it is looked for behind each match, since an
# optional alternation of every language's weekdays at the head of a pattern is tried at every position.
_DAYNAME_BEFORE = re.compile(
    r"(?<![\w.])(?:" + "|".join(sorted(map(re.escape, lexicon.WEEKDAYS), key=len, reverse=True)) + r")\.?,?\s+$", re.I
)
_EN_DMY = re.compile(
    r"(?<![\w.])"
    r"(?:le\s+|den\s+|il\s+|el\s+)?(\d{1,2})(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+)?("
    + lexicon.MONTH_NAMES
    + r")\.?(?![a-zà-ÿ])(?:,?\s*(?:de\s+)?(\d{4}))?"
    + _TIME
    + r"\s*"
    + _ZONE_RE,
    re.I,
)
_EN_MDY = re.compile(
    r"(?<![\w.])("
    + lexicon.MONTH_NAMES
    + r")\.?(?![a-zà-ÿ])\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s*(\d{4}))?"
    + _TIME
    + r"\s*"
    + _ZONE_RE,
    re.I,
)
# 11.09.2026 / 11.09. (day first, as Europe writes it); 09/11/2026 (month first in the Americas)
_NUMERIC = re.compile(r"(?<![\d.,/])(\d{1,2})([./])(\d{1,2})(?:\2(\d{4})|\.)(?![\d])" + _TIME + r"\s*" + _ZONE_RE, re.I)


def _with_dayname(text: str, match: re.Match[str]) -> tuple[int, int]:
    """The match's span, widened to a weekday name written right before it ("Fr., 11.09.")."""
    start, end = match.span()
    before = _DAYNAME_BEFORE.search(text[max(0, start - 16) : start])
    return (start - len(before.group(0)) if before else start), end


@dataclass(frozen=True)
class TextTime:
    """A time found in text: `at` is aware; `has_time` False means a bare date (end of day)."""

    at: datetime
    has_time: bool
    start: int
    end: int


def _zone(abbr: str | None, zh: str | None, default: tzinfo) -> tzinfo:
    key = (abbr or zh or "").lower()
    if key in _ZONES:
        return timezone(timedelta(hours=_ZONES[key]))
    return default


def _hour(h: str | None, ampm: str | None, zh_part: str | None) -> int | None:
    if h is None:
        return None
    hour = int(h)
    marker = (ampm or "").lower().replace(".", "")
    if marker == "pm" and hour < 12:
        hour += 12
    if marker == "am" and hour == 12:
        hour = 0
    if zh_part in ("下午", "晚上") and hour < 12:
        hour += 12
    if zh_part == "中午" and hour < 11:
        hour += 12
    return hour


@lru_cache(maxsize=32)
def find_times(text: str, reference: datetime) -> tuple[TextTime, ...]:
    """Dates and times written in the text, in the reference's zone unless one is named.

    A year left out is the reference's year (or the next one, if that puts the date more than
    half a year in the past). Cached: the promise, arrival and deadline readers ask for the
    same mail's times several times.
    """
    tz = reference.tzinfo or UTC
    out: list[TextTime] = []

    def build(year: int | None, month: int, day: int, zh_part, h, m, s, ampm, abbr, zhz, span) -> None:
        if year is None:
            year = reference.year
            try:
                candidate = datetime(year, month, day, tzinfo=tz)
            except ValueError:
                return
            if (reference - candidate).days > 183:
                year += 1
        hour = _hour(h, ampm, zh_part)
        try:
            if hour is None:
                at = datetime(year, month, day, tzinfo=_zone(abbr, zhz, tz))
            else:
                at = datetime(year, month, day, hour, int(m or 0), int(s or 0), tzinfo=_zone(abbr, zhz, tz))
        except ValueError:
            return
        out.append(TextTime(at, hour is not None, span[0], span[1]))

    for match in _ISO.finditer(text):
        y, mo, d, zp, h, mi, s, ap, ab, zz = match.groups()
        build(int(y), int(mo), int(d), zp, h, mi, s, ap, ab, zz, match.span())
    for match in _ZH_MD.finditer(text):
        if any(t.start <= match.start() < t.end for t in out):
            continue
        mo, d, zp, h, mi, s, ap, ab, zz = match.groups()
        build(None, int(mo), int(d), zp, h, mi, s, ap, ab, zz, match.span())
    for pattern, order in ((_EN_DMY, "dmy"), (_EN_MDY, "mdy")):
        for match in pattern.finditer(text):
            if any(t.start <= match.start() < t.end for t in out):
                continue
            g = match.groups()
            if order == "dmy":
                d, mon, y = g[0], g[1], g[2]
            else:
                mon, d, y = g[0], g[1], g[2]
            zp, h, mi, s, ap, ab, zz = g[3:]
            if h is not None and mi is None and not ap:
                h = None  # "8 May 2026 10" is no time
            month = lexicon.MONTHS.get(mon.lower()) or _MONTHS.get(mon.lower()[:3])
            if month:
                build(int(y) if y else None, month, int(d), zp, h, mi, s, ap, ab, zz, _with_dayname(text, match))
    offset = tz.utcoffset(reference) if hasattr(tz, "utcoffset") else None
    month_first = offset is not None and timedelta(hours=-11) <= offset <= timedelta(hours=-3)  # the Americas
    for match in _NUMERIC.finditer(text):
        if any(t.start <= match.start() < t.end for t in out):
            continue
        a, sep, b, y, zp, h, mi, s, ap, ab, zz = match.groups()
        if sep == "/" and y is None:
            continue
        day, month = (int(b), int(a)) if sep == "/" and month_first else (int(a), int(b))
        if h is not None and mi is None and not ap:
            h = None
        build(int(y) if y else None, month, day, zp, h, mi, s, ap, ab, zz, _with_dayname(text, match))
    out.sort(key=lambda t: t.start)
    return tuple(out)


def labelled_time(text: str, labels: str, reference: datetime) -> datetime | None:
    """The time written right after one of the labels ("支付时间：", "Placed on:")."""
    for match in re.finditer(rf"(?:{labels})\s*[:：]?\s*", text, re.I):
        window = text[match.end() : match.end() + 60].split("\n")[0]
        times = [t for t in find_times(window, reference) if t.start < 4 and t.has_time]
        if times:
            return times[0].at  # a bare date says less than the mail's own timestamp
    return None


def end_of_day(at: datetime) -> datetime:
    return datetime.combine(at.date(), time(23, 59, 59), at.tzinfo)
