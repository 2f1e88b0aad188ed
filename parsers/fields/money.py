"""Amounts and currencies: decimal commas, thousands separators, and which dollar or yen is meant."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from orderwatch.parsers import guarded as rx
from orderwatch.parsers import lexicon
from orderwatch.parsers.fields.currency_symbols import SYMBOLS as _SYMBOLS
from orderwatch.parsers.guarded import guarded

# A number with thousands separators (",", ".", " ", "'") and maybe decimals ("," or "."):
# 1,299.00 / 1.299,00 / 1 299,00 / 107,34 / 1280
# never mid-number ("122.44000000000001 USD" is not 44000000000001 USD), and a float's printing artefact
# ("…44000000000001", "…43999999999999") belongs to the amount it rounds to
# (Indian grouping first: lakhs and crores in pairs, "₹1,24,999.00")
_NUM = r"(?<!\d)(?<!\d[.,])(\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d{1,2})?|\d{1,3}(?:[,，.\u00a0\u202f' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2}(?:(?<=\.\d\d)(?:0{5,}|9{5,})\d{0,4})?)?)(?!\d)"
_PRE = (
    r"(US\$|A\$|AU\$|C\$|CA\$|HK\$|NT\$|S\$|NZ\$|R\$|MX\$|\$|¥|￥|€|£|₩|₹|₽|₺|RMB|CNY|USD|EUR|GBP|AUD|CAD|HKD|JPY|"
    r"CHF|SGD|NZD|TWD|NTD|KRW|INR|PLN|SEK|NOK|DKK|CZK|BRL|MXN|MOP\$?|人民币|新台幣|新臺幣|港幣|港币|澳門元|澳门元|澳門幣|澳门币|"
    r"₱|PHP|Rp|IDR|RM|MYR|฿|THB|₫|VND|AED|SAR|RON|HUF|BGN|₴|UAH|ZAR|XOF|XAF|Rs\.?|₨|₦|NGN|KSh|KES|GH₵|₵|GHS|৳|BDT|₪|ILS|EGP|PKR|"
    r"(?-i:S/\.?|PEN|CLP|COP|ARS|UYU)|"
    # the rand, a capital R before a price-shaped number ("R 4,643", "R4 299", "R450.00"), never a model ("R7100")
    r"(?-i:R)(?=[^\S\n]\d{1,3}(?:[ ,]\d{3})*(?:[.,]\d{2})?(?!\w)|\d{1,3}(?:[, ]\d{3})+(?:[.,]\d{2})?(?!\w)|\d{1,6}[.,]\d{2}(?!\w)))"
)
_POST = (
    r"(元|¥|￥|€|\$|zł|zl\b|kr\b|Kč|euro(?=\b)|RMB|CNY|USD|EUR|GBP|AUD|CAD|HKD|JPY|円|CHF|SGD|NZD|TWD|NTD|KRW|INR|PLN|SEK|NOK|DKK|"
    r"CZK|BRL|MXN|MOP|澳門元|澳门元|PHP|IDR|MYR|THB|VND|₫|AED|SAR|lei\b|RON|Ft\b|HUF|лв|BGN|₴|UAH|원|₽|руб\.?|₺|TL\b|TRY|RUB|د\.إ|ر\.س|грн\.?|₸|KZT|ש[\"״]ח|שקל|"
    r"ZAR|F\s?CFA\b|CFA\b|XOF|XAF|(?-i:DH|Dhs?)\b|MAD\b|درهم|ريال|ریال|تومان|جنيه|ج\.م|₦|৳|₪|GHS|BDT|đ(?![\w])|PKR|EGP|KWD|QAR|ILS|NGN|KES|(?-i:PEN|CLP|COP|ARS|UYU)\b)"
)
# a code never starts inside a word ("Corsair RM850e"); a symbol may ("CDN$ 1,152.58")
# nor ends inside one ("©1997-2026 Audible" names no Australian dollars)
_AMOUNT_SOURCE = rf"(?:(?<![A-Za-z])|(?![A-Za-z])){_PRE}[^\S\n]?{_NUM}(?![A-Za-z])[^\S\n]?{_POST}?|{_NUM}[^\S\n]?\(?{_POST}(?![a-z]|-\d)"  # "2DH-91740356" is a reference
AMOUNT = guarded(rf"(?:{_AMOUNT_SOURCE})", re.I)  # one line; "26,400(円)"
# a label may carry a bracket: "Order total (incl. GST $17.09)  $188.00"
_TOTAL_LABELS = guarded(r"(" + "|".join(lexicon.TOTAL_LABELS) + r")(?:[^\S\n]*\([^)\n]{0,40}\))?\s*[:：]?\s*", re.I)
# "$" means the currency of the shop's country: named in the mail, else the sender's domain.
_DOLLAR_CODES = guarded(
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
    "mo": "MOP",
}


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def text(self) -> str:
        return f"{self.amount:.2f}"


# Where the shop is, as its mail says it: a tax number, an address, a place name.
_DOLLAR_PLACES = (
    ("AUD", guarded(r"\bABN\b|\bAustralia\b|\b(?:NSW|VIC|QLD)\s+\d{4}\b")),
    # Québec: its taxes (TPS, TVQ) and the French-Canadian way of writing dollars ("129,99 $")
    (
        "CAD",
        guarded(
            r"\bCanada\b|\bGST/HST\b|\bHST\b|\b[A-CEGHJ-NPR-TVXY]\d[A-Z] ?\d[A-Z]\d\b|\bQu[ée]bec\b|\bTPS\b|\bTVQ\b|\d,\d{2}\s?\$"
        ),
    ),
    ("NZD", guarded(r"\bNew Zealand\b|\bNZBN\b")),
    ("SGD", guarded(r"\bSingapore\b|\bUEN\b")),
    ("MOP", guarded(r"澳門|澳门|\bMaca[ou]\b")),
    ("HKD", guarded(r"香港|九龍|九龙|新界|Hong Kong|\bKowloon\b")),
    (
        "CLP",
        guarded(
            r"\bChile[^\S\n]*$|Vi[ñn]a del Mar|Valpara[íi]so|\bRUT\b|Tarjeta CMR|\bcomuna\b|Regi[óo]n Metropolitana|\+56[\s\d]",
            re.I | re.M,
        ),
    ),
    ("MXN", guarded(r"\bM[ée]xico[^\S\n]*$|\bCDMX\b|\bRFC\b|meses sin intereses|\bC\.P\.\s*\d{5}\b|\+52[\s(]\d", re.M)),
    ("COP", guarded(r"\bColombia[^\S\n]*$|Bogot[áa]|Medell[íi]n|\bNIT\b|\+57[\s(]\d", re.M)),
    ("ARS", guarded(r"\bArgentina[^\S\n]*$|Buenos Aires|\bCUIT\b|\bCABA\b|\+54[\s(]\d", re.M)),
    # a US address, "Arcadia, CA 91007": "$" is the dollar there even beside "台灣大白菜" on the receipt
    (
        "USD",
        guarded(
            r",\s(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)\s\d{5}(?:-\d{4})?\b"
        ),
    ),
    ("TWD", guarded(r"台灣|臺灣|台北|臺北|新北|桃園|台中|臺中|台南|臺南|高雄|統一編號|統編|超商取貨|宅配到府")),
)


# Characters only Traditional Chinese writes: a label in them ("訂單金額") or a mail full of them.
_HOSTS = guarded(r"(?:https?://|\bwww\.|[\w.+-]@)([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I)


def _host_dollar(host: str) -> str | None:
    host = host.lower()
    return next((currency for suffix, currency in _DOLLAR_TLDS.items() if host.endswith("." + suffix)), None)


_TRADITIONAL = guarded(r"[訂單總額應實計帳價貨費號發買賣據與這為關於會]")
_COUNTRY_HOSTS = ("ca", "au", "hk", "tw", "sg", "nz", "mx")  # "tw.coupang.com": the shop's country site


def dollar_currency(text: str, sender: str = "") -> str:
    """Which dollar "$" is: a currency code the mail names, else the shop's country (its host's
    country label, "tw.coupang.com", "shop.com.au", or its tax number and address), else USD."""
    named = _DOLLAR_CODES.search(text)
    if named:
        code = named.group(1) or named.group(2)
        return "TWD" if code == "NTD" else code
    host = sender.rpartition("@")[2].lower().strip(".> ")
    by_host = _host_dollar(host) or next(
        (c for x, c in _DOLLAR_TLDS.items() if host.startswith(x + ".") and x in _COUNTRY_HOSTS), None
    )
    if by_host:
        return by_host
    places = {currency for currency, pattern in _DOLLAR_PLACES if pattern.search(text)}
    if len(places) == 1:
        return places.pop()
    # a platform's mail (jumpseller.com) names the shop's own site: "www.tienda.cl", "contacto@tienda.cl"
    hosts = {_host_dollar(host) for host in _HOSTS.findall(text[:20000])} - {None}
    if len(hosts) == 1 and not places:
        return hosts.pop()
    if not places and len(_TRADITIONAL.findall(text)) >= 3:  # "$" in Traditional Chinese, not Hong Kong: NT$
        return "TWD"
    return "USD"


_KANA = guarded(r"[\u3040-\u30ff]")


def japanese_yen(money: Money | None, text: str, sender_domain: str = "") -> Money | None:
    """'¥12,980' is yen, not yuan, in Japanese mail (kana) or from a .jp shop."""
    if money is None or money.currency != "CNY" or "元" in text or "CNY" in text or "RMB" in text:
        return money
    if sender_domain.lower().endswith(".jp") or len(_KANA.findall(text[:3000])) >= 8:
        return Money(money.amount, "JPY")
    return money


_KRONE_CODES = guarded(r"\b(SEK|NOK|DKK|ISK)\b")
_KRONE_TLDS = {"no": "NOK", "dk": "DKK", "se": "SEK", "is": "ISK"}
_KRONE_PLACES = (
    ("NOK", guarded(r"\bmva\b|\bNorge\b|\bAS\b,|org\.?\s*nr", re.I)),
    ("DKK", guarded(r"\bCVR\b|\bDanmark\b|inkl\.?\s+moms|\bi alt\b", re.I)),
)


def krone(money: Money | None, text: str, sender_domain: str = "") -> Money | None:
    """'1 099 kr' is the Norwegian or Danish krone from a .no or .dk shop (or one writing 'mva' or
    'CVR'), the Swedish one otherwise, unless the mail names its currency code."""
    if money is None or money.currency != "SEK":
        return money
    named = _KRONE_CODES.search(text)
    if named:
        return Money(money.amount, named.group(1))
    tld = sender_domain.lower().rpartition(".")[2]
    if tld in _KRONE_TLDS:
        return Money(money.amount, _KRONE_TLDS[tld])
    places = [currency for currency, pattern in _KRONE_PLACES if pattern.search(text)]
    return Money(money.amount, places[0]) if len(places) == 1 else money


def local_dollar(money: Money | None, text: str, sender_domain: str = "") -> Money | None:
    """'1,158 元' from a Taiwan or Hong Kong shop's own domain is its dollar, 'Rs. 4,350' from a Pakistani,
    Sri Lankan or Nepali shop its own rupee, unless the mail names the renminbi or the Indian rupee."""
    if money is None:
        return money
    local = _LOCAL_UNIT.get((money.currency, sender_domain.lower().rpartition(".")[2]))
    if local is None or _NAMED_HOME[money.currency].search(text):
        return money
    return Money(money.amount, local)


_LOCAL_UNIT = {
    ("CNY", "tw"): "TWD",
    ("CNY", "hk"): "HKD",
    ("INR", "pk"): "PKR",
    ("INR", "lk"): "LKR",
    ("INR", "np"): "NPR",
}
_NAMED_HOME = {
    "CNY": guarded(r"人民幣|人民币|\bRMB\b|\bCNY\b|[¥￥]"),
    "INR": guarded(r"₹|\bINR\b"),
}


def local_currency(money: Money | None, text: str, sender_domain: str = "") -> Money | None:
    """The yen, krone or dollar a '¥', 'kr' or '元' means, by the mail's language, codes and the shop's domain."""
    return local_dollar(krone(japanese_yen(money, text, sender_domain), text, sender_domain), text, sender_domain)


def decimal_value(num: str) -> Decimal | None:
    """'1.299,00' -> 1299.00, '1,299.00' -> 1299.00, '107,34' -> 107.34, '1,280' -> 1280."""
    num = num.replace("，", ",").replace("\u00a0", " ").replace("\u202f", " ")
    if len(num) > 12 and rx.fullmatch(r"\d+\.\d\d(?:0{5,}|9{5,})\d{0,4}", num):
        return Decimal(num).quantize(Decimal("0.01"))
    separators = [i for i, ch in enumerate(num) if ch in ",. '"]
    if separators:
        last = separators[-1]
        decimals = len(num) - last - 1
        if num[last] in ",." and decimals in (1, 2):
            whole = rx.sub(r"[,. ']", "", num[:last])
            num = f"{whole}.{num[last + 1 :]}"
        else:
            num = rx.sub(r"[,. ']", "", num)
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


_COUNT = guarded(r"\d{1,3}\s*(?:点|個|件|개|items?\b|articles?\b|Artikel\b)", re.I)
_BARE = guarded(r"(\d{1,7}(?:\.\d{1,2})?)(?![\d.,]|\s*[%A-Za-z件个個项項张張份次天日])")


def _zh_currency(label: str, dollar: str | None) -> str:
    """A bare amount in a Chinese shop: yuan on the mainland, else the Traditional shop's dollar."""
    if _TRADITIONAL.search(label):
        return dollar if dollar in ("TWD", "HKD") else "TWD"
    return "CNY"


_CARD_TAIL = guarded(
    r"(?:ending(?: in)?|ends in|last (?:4|four)(?: digits)?|尾号|尾號|末四位|[*x•]{3,})\s*[:：]?\s*\d{4}\b", re.I
)


_SYMBOL_ALONE = guarded(r"^([^\S\n]*(?:[$€£¥￥₩]|[A-Z]{1,3}\$|Rp|RM))[^\S\n]*\n[^\S\n]*(?=\d)", re.M)


def total_amount(text: str, lang: str = "en", dollar: str | None = None) -> Money | None:
    """The order total: the last amount after a total label, else the largest amount shown."""
    text = _CARD_TAIL.sub(" ", text)  # "Visa ending in 7731 $324.74": the card's last digits are no amount
    text = _SYMBOL_ALONE.sub(r"\1 ", text)  # "TOTAL" / "$" / "179.99": a narrow cell puts the symbol on its own line
    labelled: list[Money] = []
    stacked: dict[int, Money] | None = None  # read only when a label ends its line: most mail has none
    for label in _TOTAL_LABELS.finditer(text):
        if "\n" in label.group(0):  # "Subtotal / Versand / GESAMT" over "€159.90 / €0.00 / €119.92"
            if stacked is None:
                from orderwatch.parsers.fields.columns import stacked_columns  # reads amounts with this module

                stacked = stacked_columns(text, lang, dollar)
            if label.start() in stacked:
                labelled.append(stacked[label.start()])
                continue
        window = text[label.end() : label.end() + 40]
        if _COUNT.match(window):  # "合計 1 点 9,680 円": one line's subtotal, not the order's total
            continue
        # the amount right after the label, else further on its line: "Gesamtbetrag inkl. MwSt.   86,40 €"
        match = AMOUNT.match(window) or AMOUNT.search(text[label.end() : label.end() + 160].split("\n")[0])
        if match:
            money = parse_amount(match, lang, dollar)
            if money is not None:
                labelled.append(money)
        elif coded := _CODE_THEN_NUMBER.match(window):  # "Total in CHF" over "48,10": the currency in the label
            value = decimal_value(coded.group(2))
            if value is not None:
                labelled.append(Money(value, coded.group(1).upper()))
        elif (below := _AMOUNT_BELOW.match(text, label.end())) and (money := parse_amount(below, lang, dollar)):
            labelled.append(money)  # "Order total" / "View order receipt" / "$41.73": a link's words between
        elif lang == "zh" and (bare := _BARE.match(window)):  # "订单金额：86.5": a Chinese shop's own currency
            value = decimal_value(bare.group(1))
            if value is not None:
                labelled.append(Money(value, _zh_currency(label.group(1), dollar)))
    if labelled:
        return labelled[-1]
    if lang == "zh" and (priced := _unit_times_count(text, dollar)) is not None:
        return priced
    found = amounts(_FACE_VALUE.sub(" ", text), lang, dollar)
    return max(found, key=lambda m: m.amount) if found else None


# "Order total" / "View order receipt" / "$41.73": one or two short lines (a link's words) between
_AMOUNT_BELOW = guarded(
    r"[^\S\n]*\n?(?:[^\S\n]*[^\d\n:：]{1,30}\n){1,2}?[^\S\n]*(?:" + _AMOUNT_SOURCE + r")[^\S\n]*$", re.I | re.M
)
# A card's face value in its name is not the price paid: "Razer Gold 禮品卡 USD 20", "Steam 錢包序號 NT$1000",
# "$50 Gift Card" (only where no label states the total)
_FACE_VALUE = guarded(
    r"(?:gift\s*card|e-?gift|voucher|wallet|禮品卡|礼品卡|點卡|点卡|充值卡|儲值卡|储值卡|錢包序號|钱包序号|序號|序号|卡密)"
    r"(?:[^\S\n]*(?:[A-Z]{3}|NT\$|US\$|HK\$|\$|€|£)[^\S\n]?\d[\d,.]*|[^\S\n]*\d[\d,.]*[^\S\n]*(?:元|美元|港元|台幣))"  # "充值卡 100元"
    r"|(?:[A-Z]{3}|NT\$|US\$|HK\$|\$|€|£)[^\S\n]?\d[\d,.]*[^\S\n]*(?:gift\s*card|e-?gift|voucher|禮品卡|礼品卡|點卡|点卡|充值卡|儲值卡)",
    re.I,
)
_CODE_THEN_NUMBER = guarded(
    # "Total in PLN (incl. VAT)  79.49": a bracket may follow the code
    r"[^\S\n]*(?:in[^\S\n]+|\()?(CHF|EUR|USD|GBP|SEK|NOK|DKK|PLN|CZK|HUF|CAD|AUD|NZD)\)?(?:[^\S\n]*\([^)\n]{1,30}\))?"
    r"[^\S\n]*[:：]?[^\S\n]*\n?[^\S\n]*"
    r"(\d{1,3}(?:['’.,\s]?\d{3})*(?:[.,]\d{2})?)(?![\d.,])"
)
_UNIT_PRICE = guarded(r"(单价|單價)\s*[:：]\s*[￥¥]?\s*(\d+(?:\.\d{1,2})?)\s*(?:元)?\s*$", re.M)
_COUNT_LABEL = guarded(r"(?:购买|購買|商品)?(?:数量|數量)\s*[:：]\s*(\d{1,4})\s*(?:张|張|个|個|件|份)?\s*$", re.M)


def _unit_times_count(text: str, dollar: str | None) -> Money | None:
    """'商品单价：28.00 / 购买数量：1' with no total line (a 发卡 engine's mail): price times count."""
    price, count = _UNIT_PRICE.search(text), _COUNT_LABEL.search(text)
    if price is None or count is None:
        return None
    value = decimal_value(price.group(2))
    return Money(value * int(count.group(1)), _zh_currency(price.group(1), dollar)) if value is not None else None


# Labels that name the order's own total, never a refund's or a fee's: a desk's or a refund
# notice's "订单金额：￥86.00" gives the order its amount even when the confirmation is missing.
_ORDER_TOTAL_LABELS = guarded(
    r"((?:您)?已(?:支付|付)的?(?:货款|金额|款项)|订单金额|订单总额|订单总价|訂單金額|訂單總額|实付(?:金额|款)?|實付(?:金額)?|付款金额|付款金額|支付金额|支付金額|(?:通过|透過)\S{1,6}?支付(?=\s*[¥￥]?\s*\d)|order\s+(?:total|amount|value)|total\s+(?:de\s+la\s+)?commande|"
    r"montant\s+de\s+(?:la\s+)?commande|bestellwert|bestellsumme|importe\s+del\s+pedido|totale\s+(?:dell')?ordine|"
    r"(?:ご)?注文金額|ご請求金額|お支払(?:い)?(?:総額|金額)|合計金額|キャンセル金額合計|"
    r"warto[śs][ćc]\s+zam[óo]wienia|bestelwaarde|sipari[şs]\s+tutar[ıi]|(?:총\s*)?(?:결제|주문)\s*금액|t[ổo]ng\s+c[ộo]ng|t[ổo]ng\s+thanh\s+to[áa]n|total\s+pembayaran|ยอดชำระ(?:ทั้งหมด|สุทธิ)|"
    # a case form's own line: "Amount: PHP 50.00", "Amount paid: ₹349" (a refund's line says so)
    r"(?<![^\n])[^\S\n]*(?:amount(?:\s+paid)?|total\s+paid|transaction\s+amount|valor(?:\s+pago)?|monto(?:\s+pagado)?)(?=\s*[:：]))"
    r"\s*[:：]?\s*",
    re.I,
)


_REFUND_LINE = guarded(
    lexicon.REFUND_WORDS
    + r"|退回|退還|返金|払い?戻|rembours|refunded|s[ốo] ti[ềe]n ho[àa]n|환불|취소\s*금액|คืนเงิน|dikembalikan",
    re.I,
)


def refund_amount(text: str, lang: str = "en", dollar: str | None = None) -> Money | None:
    """The first amount on a line that speaks of the refund: "退款金额：89.00元", "a refund of $23.17";
    or under a "Refund" heading alone on its line: "Refund" / "Mastercard" / "- €186,60"."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if _REFUND_LINE.search(line):
            found = amounts(line, lang, dollar)
            if found:
                return found[0]
            if _REFUND_HEADING.match(line):
                for below in [ln for ln in lines[index + 1 : index + 7] if ln.strip()][:2]:
                    if found := amounts(below, lang, dollar):
                        return found[0]
    return None


_REFUND_HEADING = guarded(
    r"^\s*(?:refund(?: total| amount)?|total refund|remboursement|rückerstattung|reembolso|rimborso)\s*:?\s*$", re.I
)


# A refund of the whole price: its sum is the order's ("已为您办理全额退款¥256.00", "a full refund of $41.20").
_FULL_REFUND = guarded(
    r"全[额額](?:退款|退还|退還|退回)|\bfull refund\b|\brefund(?:ed)? in full\b|\bfully refund|"
    r"remboursement (?:int[ée]gral|total)|vollst[äa]ndige (?:r[üu]ck)?erstattung|reembolso (?:total|completo|[íi]ntegro)|"
    r"rimborso (?:totale|completo|integrale)",
    re.I,
)


def full_refund_total(text: str, refund: Money | None) -> Money | None:
    """The order's amount when the mail refunds it whole, else None."""
    return refund if refund is not None and _FULL_REFUND.search(text) else None


def order_total(text: str, lang: str = "en", dollar: str | None = None) -> Money | None:
    """The amount after a label that names the order's total (not a refund's), if any."""
    for label in _ORDER_TOTAL_LABELS.finditer(text):
        match = AMOUNT.match(text, label.end()) or AMOUNT.search(text[label.end() : label.end() + 40].split("\n")[0])
        if match:
            return parse_amount(match, lang, dollar)
    return None


def amount_beside(text: str, reference: str, lang: str = "en", dollar: str | None = None) -> Money | None:
    """The amount in the bracket right after the order's reference: "订单 184593…（古老夢華×1980，NT$990）",
    "order No. 1835… (Genesis Crystal x6480, 99.99 USD, …)": a desk restating the order it speaks of."""
    at = text.find(reference)
    if at < 0:
        return None
    after = text[at + len(reference) : at + len(reference) + 120]
    bracket = rx.match(r"\s*[（(]([^)）]{1,110})[)）]", after)
    found = amounts(bracket.group(1).replace("\n", " "), lang, dollar) if bracket else []
    if not found and (opened := rx.search(r"[（(][^)）(（]{0,40}$", text[max(0, at - 40) : at])):
        # "Zahlung an Sohlenwerk über 189,95 € EUR (Rechnungsnummer SW-30582)": the amount the bracket follows
        start = max(0, at - 40) + opened.start()
        before = text[max(0, start - 40) : start].split("\n")[-1]
        found = (
            amounts(before, lang, dollar)[-1:] if rx.search(r"\d[.,]\d{2}[^\w\n]{0,3}(?:[A-Z]{3})?\s*$", before) else []
        )
    return found[0] if len(found) == 1 else None
