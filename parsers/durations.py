"""Stated times that are not delivery promises: "将在48小时内处理", "退款将在1-3个工作日内原路返回",
"可在收到本通知后24小时内...申诉", "we reply within 24 hours", "appeal within 24 hours",
"by 18 June 2026, 15:47 CEST".
"""

from __future__ import annotations

import re
from datetime import datetime

from orderwatch.parsers.fields import end_of_day, find_times, number

from orderwatch.domain.calendar import Duration

_NUM = r"(\d{1,3}|[一二两三四五六七八九十]{1,3}|one|two|three|four|five|seven|ten|fourteen|thirty|a|an)"
_RANGE = _NUM + r"(?:\s*(?:-|–|—|~|～|至|到|to|à|bis|y|do|tot)\s*" + _NUM + r")?"
_ZH_UNIT = (
    r"(个工作日|個工作日|工作日|個工作天|个工作天|工作天|个小时|個小時|小时|小時|分钟|分鐘|天|日|个自然日|自然日|h|H)"
)
_EN_UNIT = r"(business\s+days?|working\s+days?|hours?|hrs?|days?|minutes?|weeks?)"
_ZH_UNITS = {
    "个工作日": "workdays",
    "工作日": "workdays",
    "个小时": "hours",
    "小时": "hours",
    "h": "hours",
    "H": "hours",
    "分钟": "minutes",
    "分鐘": "minutes",
    "小時": "hours",
    "個小時": "hours",
    "個工作日": "workdays",
    "工作天": "workdays",
    "個工作天": "workdays",
    "个工作天": "workdays",
    "天": "days",
    "日": "days",
    "个自然日": "days",
    "自然日": "days",
}


def _unit(word: str) -> str | None:
    word = re.sub(r"\s+", " ", word.lower()).rstrip("s")
    if word in _ZH_UNITS:
        return _ZH_UNITS[word]
    return {
        "business day": "workdays",
        "working day": "workdays",
        "hour": "hours",
        "hr": "hours",
        "day": "days",
        "minute": "minutes",
        "week": "weeks",
    }.get(word) or _ZH_UNITS.get(word)


def _make(low: str, high: str | None, unit_word: str) -> Duration | None:
    unit = _unit(unit_word)
    amount = number(high or low)
    if unit is None or amount is None or amount <= 0:
        return None
    return Duration(amount * 7, "days") if unit == "weeks" else Duration(amount, unit)


def stated_duration(text: str, zh_verbs: str, en_verbs: str) -> Duration | None:
    """'N unit 内 ... verb' (Chinese) or 'verb ... within N unit' (English) for the given verbs."""
    zh = re.compile(
        _RANGE + r"\s*" + _ZH_UNIT + r"\s*(?:之内|以内|内|之內|以內|內)[^。；;\n]{0,24}?(?:" + zh_verbs + ")"
    )
    for match in zh.finditer(text):
        duration = _make(match.group(1), match.group(2), match.group(3))
        if duration:
            return duration
    zh_after = re.compile(
        r"(?:" + zh_verbs + r")[^。；;\n]{0,12}?" + _RANGE + r"\s*" + _ZH_UNIT + r"\s*(?:之内|以内|内|之內|以內|內)"
    )
    for match in zh_after.finditer(text):
        duration = _make(match.group(1), match.group(2), match.group(3))
        if duration:
            return duration
    en = re.compile(r"\b(?:" + en_verbs + r")\b[^.\n!?]{0,60}?\bwithin\s+" + _RANGE + r"\s+" + _EN_UNIT, re.I)
    for match in en.finditer(text):
        duration = _make(match.group(1), match.group(2), match.group(3))
        if duration:
            return duration
    en_have = re.compile(  # "you have 10 days to appeal", "the seller has 10 days to respond"
        r"\b(?:have|has|get|gets)\s+" + _RANGE + r"\s+" + _EN_UNIT + r"\s+(?:\w+\s+){0,4}?to\s+(?:" + en_verbs + r")\b",
        re.I,
    )
    for match in en_have.finditer(text):
        duration = _make(match.group(1), match.group(2), match.group(3))
        if duration:
            return duration
    en_allow = re.compile(  # "please allow 5-10 business days for the refund to appear", "can take up to 5 days"
        r"\b(?:allow|take|takes|takes up to|take up to)\s+(?:up to\s+)?"
        + _RANGE
        + r"\s+"
        + _EN_UNIT
        + r"[^.\n!?]{0,50}?\b(?:"
        + en_verbs
        + r")\b",
        re.I,
    )
    for match in en_allow.finditer(text):
        duration = _make(match.group(1), match.group(2), match.group(3))
        if duration:
            return duration
    en_before = re.compile(
        r"\bwithin\s+" + _RANGE + r"\s+" + _EN_UNIT + r"[^.\n!?]{0,40}?\b(?:" + en_verbs + r")\b", re.I
    )
    for match in en_before.finditer(text):
        duration = _make(match.group(1), match.group(2), match.group(3))
        if duration:
            return duration
    return None


def stated_deadline(text: str, reference: datetime) -> datetime | None:
    """An explicit date written as a deadline: '请于2026年3月19日18:00前', 'by 18 June 2026, 15:47 CEST'."""
    for t in find_times(text, reference):
        before = text[max(0, t.start - 20) : t.start]
        after = text[t.end : t.end + 6]
        if re.search(r"(?:请于|请在|請於|請在|截止|最晚|于|於|在)\s*$", before) and re.match(
            r"\s*(?:或之前|或以前|之前|以前|前)", after
        ):
            return t.at if t.has_time else end_of_day(t.at)
        if re.search(r"\b(?:by|before|no later than|until|deadline[:]?)\s*$", before, re.I):
            return t.at if t.has_time else end_of_day(t.at)
    return None
