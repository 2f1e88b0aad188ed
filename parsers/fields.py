"""Field extractors shared by every parser family: order numbers, amounts, times, tickets.

Pure functions of text. They know the usual *labels* of order mail in Chinese and English
("订单号：", "Order #", "Total"), never a particular shop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation

CJK = re.compile(r"[\u4e00-\u9fff]")

# --- language ---------------------------------------------------------------------------


def language(text: str) -> str:
    """'zh' when Chinese characters make up a real share of the letters, else 'en'."""
    sample = text[:4000]
    cjk = len(CJK.findall(sample))
    latin = len(re.findall(r"[A-Za-z]", sample))
    return "zh" if cjk >= 8 and cjk * 3 >= latin * 0.5 else "en"


# --- order numbers ----------------------------------------------------------------------

_ID = r"#?\s*([A-Za-z0-9][A-Za-z0-9_\-]{2,40}[A-Za-z0-9])"
_ORDER_LABELS = [
    # Chinese labels: 订单号：X, 订单编号 X, 关联订单：X, 订单X (a bare number right after 订单)
    re.compile(r"(?:订单号码|订单编号|订单号|关联订单|订\s*单\s*号)\s*(?:为|是)?\s*[:：]?\s*" + _ID),
    re.compile(r"订单\s*[:：]?\s*#?\s*([A-Za-z0-9]*\d[A-Za-z0-9]{5,40})"),
    # English labels: Order #X, Order # X, Order ID X, Order code: X, order number X, order X
    re.compile(
        r"\border\s*(?:(?:#|no\.?|number|num\.?|id|code|ref(?:erence)?)\s*[:#]?|[:：])\s*" + _ID,
        re.I,
    ),
    re.compile(r"\border\s+(?:is\s+)?(?:confirmed\s*[-–:]\s*)?#?\s*([A-Za-z0-9]*\d[A-Za-z0-9_\-]{2,40})\b", re.I),
]
_NOT_ORDER = re.compile(r"^(?:\d{1,2}|19\d\d|20\d\d)$")  # a day or a year, not an order
_LETTER_REFERENCE = re.compile(r"^[A-Z]{6,12}$")  # PrestaShop-style references: KHWLILZLL
_LABELLED = (0, 2)  # the patterns above whose label is explicit enough for a reference without digits


def order_numbers(text: str) -> list[str]:
    """Order numbers mentioned, most mentioned first. '#' is dropped ("Order #1047" -> 1047)."""
    counts: dict[str, int] = {}
    for index, pattern in enumerate(_ORDER_LABELS):
        for match in pattern.finditer(text):
            value = match.group(1).strip().lstrip("#")
            has_digit = any(ch.isdigit() for ch in value)
            if not has_digit and not (index in _LABELLED and _LETTER_REFERENCE.match(value)):
                continue
            if _NOT_ORDER.match(value):
                continue
            if match.start() > 0 and text[max(0, match.start() - 1)] in "=&/":
                continue  # a URL parameter
            counts[value] = counts.get(value, 0) + 1
    return sorted(counts, key=lambda v: -counts[v])


# --- tickets and complaint numbers ------------------------------------------------------

_TICKETS = [
    re.compile(
        r"(?:投诉编号|工单号|工单编号|登记编号|受理编号|投诉单号|案件编号|申诉编号|服务单号)\s*[:：]?\s*([A-Za-z0-9\-]{4,40})"
    ),
    re.compile(r"\[\s*(?:Ticket|Case|Request|Incident)\s*#\s*:?\s*([A-Za-z0-9\-]{2,30})\s*\]", re.I),
    re.compile(r"\b(?:Ticket|Case|Request)\s*#\s*([A-Za-z0-9\-]{2,30})", re.I),
    re.compile(r"\b(?:request|ticket|case)\s*\(\s*#?(\d{2,12})\s*\)", re.I),  # Zendesk: "Your request (5678)"
    re.compile(r"\[\s*rt\s*#\s*(\d{1,12})\s*\]", re.I),
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
_NUM = r"(\d{1,3}(?:[,，]\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)"
_PRE = r"(US\$|A\$|AU\$|C\$|CA\$|HK\$|NT\$|S\$|NZ\$|\$|¥|￥|€|£|₩|₹|RMB|CNY|USD|EUR|GBP|AUD|CAD|HKD|JPY|CHF|SGD|NZD|TWD|KRW|INR|人民币)"
_POST = r"(元|¥|￥|RMB|CNY|USD|EUR|GBP|AUD|CAD|HKD|JPY|円|CHF|SGD|NZD|TWD|KRW|INR)"
AMOUNT = re.compile(rf"(?:{_PRE}\s?{_NUM}\s?{_POST}?|{_NUM}\s?{_POST})", re.I)
_TOTAL_LABELS = re.compile(
    r"(总价|订单总价|订单总额|订单金额|实付款|实付金额|实付|支付金额|付款金额|应付金额|合计|总计|总金额|退款金额|"
    r"(?<![Ss]ub)(?<![Ss]ub-)(?<![Bb]asket )(?:grand\s+)?total(?:\s+paid|\s+due|\s*\([^)]{0,40}\))?|"
    r"order\s+total|amount\s+paid|amount\s+charged|total\s+charged)\s*[:：]?\s*",
    re.I,
)


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def text(self) -> str:
        return f"{self.amount:.2f}"


def parse_amount(match: re.Match[str], lang: str = "en", default_currency: str | None = None) -> Money | None:
    pre, num1, post1, num2, post2 = match.groups()
    num = num1 or num2
    symbol = (pre or post1 or post2 or "").lower()
    try:
        value = Decimal(num.replace(",", "").replace("，", ""))
    except (InvalidOperation, AttributeError):
        return None
    currency = _SYMBOLS.get(symbol) or default_currency
    if symbol in ("¥", "￥") and lang != "zh" and default_currency == "JPY":
        currency = "JPY"
    if currency is None:
        return None
    return Money(value.quantize(Decimal("0.01")), currency)


def amounts(text: str, lang: str = "en") -> list[Money]:
    out = []
    for match in AMOUNT.finditer(text):
        money = parse_amount(match, lang)
        if money is not None:
            out.append(money)
    return out


def total_amount(text: str, lang: str = "en") -> Money | None:
    """The order total: the last amount after a total label, else the largest amount shown."""
    labelled: list[Money] = []
    for label in _TOTAL_LABELS.finditer(text):
        window = text[label.end() : label.end() + 40]
        match = AMOUNT.match(window) or AMOUNT.search(window.split("\n")[0])
        if match:
            money = parse_amount(match, lang)
            if money is not None:
                labelled.append(money)
    if labelled:
        return labelled[-1]
    found = amounts(text, lang)
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
_EN_DMY = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*(\d{4})?"
    + _TIME
    + r"\s*"
    + _ZONE_RE,
    re.I,
)
_EN_MDY = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})?"
    + _TIME
    + r"\s*"
    + _ZONE_RE,
    re.I,
)


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


def find_times(text: str, reference: datetime) -> list[TextTime]:
    """Dates and times written in the text, in the reference's zone unless one is named.

    A year left out is the reference's year (or the next one, if that puts the date more than
    half a year in the past).
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
            build(int(y) if y else None, _MONTHS[mon.lower()[:3]], int(d), zp, h, mi, s, ap, ab, zz, match.span())
    out.sort(key=lambda t: t.start)
    return out


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


# --- numbers in words ---------------------------------------------------------------------

_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_EN_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty-eight": 48,
    "seventy-two": 72,
    "a": 1,
    "an": 1,
    "one-two": 2,
}


def number(word: str) -> int | None:
    """'3', '三', '十二', 'two' -> int."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    if word in _EN_NUMBERS:
        return _EN_NUMBERS[word]
    if word and all(ch in _ZH_DIGITS or ch == "十" for ch in word):
        if "十" in word:
            tens, _, ones = word.partition("十")
            return (_ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + (_ZH_DIGITS.get(ones, 0) if ones else 0)
        value = 0
        for ch in word:
            value = value * 10 + _ZH_DIGITS[ch]
        return value
    return None
