"""The delivery-promise grammar: "10分钟内自动发卡", "预计48小时内发货", "1-3个工作日内",
"ships within 2 business days", "delivered by Friday 8 May", "预计3月13日18:00前发货".

Date parsers find almost none of these phrases, so this is a small grammar of its own: a
duration or a date, the verb that says what is promised (to ship, or to deliver), and what it
counts from. A range ("1-3个工作日") means its upper bound (domain.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from orderwatch.domain.calendar import Duration
from parsers.fields import end_of_day, find_times, number

_NUM = r"(\d{1,3}|[一二两三四五六七八九十]{1,3}|one|two|three|four|five|six|seven|ten|twelve|twenty-four|forty-eight|seventy-two|a|an)"
_RANGE = _NUM + r"(?:\s*(?:-|–|—|~|～|至|到|to|or)\s*" + _NUM + r")?"

# Chinese: (付款后)N(个)(工作日|小时|分钟|天)内 + verb
_ZH_UNITS = {
    "分钟": "minutes",
    "分": "minutes",
    "小时": "hours",
    "个小时": "hours",
    "h": "hours",
    "H": "hours",
    "工作日": "workdays",
    "个工作日": "workdays",
    "天": "days",
    "日": "days",
    "个自然日": "days",
    "自然日": "days",
    "周": "weeks",
    "星期": "weeks",
    "个星期": "weeks",
}
_ZH_SHIP = "发货|发出|寄出|出库|揽收"
_ZH_DELIVER = "发卡|自动发卡|到账|开通|充值|送达|交付|发放|完成充值|完成发货|处理完毕|处理|办理|完成|发送"
_ZH_DURATION = re.compile(
    r"(付款后|支付后|下单后|拍下后|购买后|成功后)?\s*"
    + _RANGE
    + r"\s*(个工作日|工作日|个小时|小时|分钟|个自然日|自然日|个星期|星期|周|天|日|h|H|分)\s*"
    r"(?:之内|以内|内)\s*(?:[,，]?\s*(?:系统|商家|卖家|客服|我们)?\s*(?:将|会|即可|就会|可)?\s*(?:为您|给您)?\s*)?"
    r"(自动)?\s*(" + _ZH_SHIP + "|" + _ZH_DELIVER + ")"
)
# English: verb ... within N (business) units / verb ... by DATE
_EN_SHIP = r"ships?|shipped|shipping|dispatch(?:ed|es)?|leaves?|leave|sent out|send out|goes out|go out|handed (?:over )?to|posted|processed and shipped"
_EN_DELIVER = r"deliver(?:ed|s|y)?|arrives?|arrive|arriving|emailed|e-mailed|sent to you|receive|received|activated|credited|available"
_EN_UNITS = {
    "minute": "minutes",
    "min": "minutes",
    "hour": "hours",
    "hr": "hours",
    "day": "days",
    "business day": "workdays",
    "working day": "workdays",
    "weekday": "workdays",
    "week": "weeks",
}
_EN_WITHIN = re.compile(
    r"\b("
    + _EN_SHIP
    + "|"
    + _EN_DELIVER
    + r")\b([^.\n!?]{0,80}?)\b(?:within|in)\s+"
    + _RANGE
    + r"\s+(business\s+days?|working\s+days?|weekdays?|minutes?|mins?|hours?|hrs?|days?|weeks?)\b([^.\n]{0,40})",
    re.I,
)
_EN_BY = re.compile(
    r"\b(" + _EN_SHIP + "|" + _EN_DELIVER + r")\b[^.\n!?]{0,50}?\b(?:by|on or before|no later than|before)\s+", re.I
)
_EN_ESTIMATE = re.compile(
    r"\b(estimated|expected)\s+(delivery|arrival|ship(?:ping)?\s+date|dispatch)(?:\s+date)?\s*[:：]?\s*", re.I
)


@dataclass(frozen=True)
class Promise:
    """What the seller promised: to ship or to deliver, by a date or within a duration."""

    kind: str  # ship | deliver
    phrase: str
    by: datetime | None = None  # an absolute deadline
    within: Duration | None = None  # else a duration from `anchor`
    anchor: str = "payment"  # payment | order


def _duration(low: str, high: str | None, unit: str) -> Duration | None:
    amount = number(high or low)
    if amount is None or amount <= 0:
        return None
    if unit == "weeks":
        return Duration(amount * 7, "days")
    return Duration(amount, unit)


def find_promise(text: str, reference: datetime) -> Promise | None:
    """The first delivery promise in the text, if any. `reference` supplies year and zone."""
    found: list[tuple[int, Promise]] = []
    for match in _ZH_DURATION.finditer(text):
        anchor_word, low, high, unit_word, _auto, verb = match.groups()
        unit = _ZH_UNITS.get(unit_word)
        duration = _duration(low, high, unit) if unit else None
        if duration is None:
            continue
        kind = "ship" if re.fullmatch(_ZH_SHIP, verb) else "deliver"
        anchor = "order" if anchor_word in ("下单后", "拍下后") else "payment"
        found.append((match.start(), Promise(kind, match.group(0).strip(), within=duration, anchor=anchor)))
    for t in find_times(text, reference):
        tail = text[t.end : t.end + 12]
        m = re.match(r"\s*(?:之前|以前|前)\s*(?:为您)?\s*(" + _ZH_SHIP + "|" + _ZH_DELIVER + ")", tail)
        if m:
            kind = "ship" if re.fullmatch(_ZH_SHIP, m.group(1)) else "deliver"
            by = t.at if t.has_time else end_of_day(t.at)
            found.append((t.start, Promise(kind, text[max(0, t.start - 4) : t.end + m.end()].strip(), by=by)))
    for match in _EN_WITHIN.finditer(text):
        verb, middle, low, high, unit_word, tail = match.groups()
        unit_key = re.sub(r"s$", "", unit_word.lower().replace("  ", " "))
        unit_key = {"min": "minute", "hr": "hour"}.get(unit_key, unit_key)
        unit = _EN_UNITS.get(re.sub(r"\s+", " ", unit_key))
        if unit is None or re.search(r"\b(refund|return|reply|respond|contact|appeal|dispute)", middle, re.I):
            continue
        duration = _duration(low, high, unit)
        if duration is None:
            continue
        kind = "ship" if re.fullmatch(_EN_SHIP, verb, re.I) else "deliver"
        anchor = "order" if re.search(r"of (?:your )?order|after (?:you )?order", tail, re.I) else "payment"
        found.append((match.start(), Promise(kind, match.group(0).strip(), within=duration, anchor=anchor)))
    for pattern in (_EN_BY, _EN_ESTIMATE):
        for match in pattern.finditer(text):
            times = [t for t in find_times(text[match.end() : match.end() + 60], reference) if t.start < 12]
            if not times:
                continue
            upper = times[-1] if len(times) > 1 and times[1].start - times[0].end < 6 else times[0]
            by = upper.at if upper.has_time else end_of_day(upper.at)
            verb = match.group(1).lower()
            kind = (
                "ship"
                if re.fullmatch(_EN_SHIP, verb, re.I) or "ship" in match.group(0).lower() or "dispatch" in verb
                else "deliver"
            )
            if pattern is _EN_ESTIMATE:
                kind = "ship" if re.search(r"ship|dispatch", match.group(2), re.I) else "deliver"
            found.append((match.start(), Promise(kind, text[match.start() : match.end() + upper.end].strip(), by=by)))
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    return found[0][1]
