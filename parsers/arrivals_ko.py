"""Korean arrival and dispatch dates: "내일(수) 11/25 도착 보장", "11.24(화) 도착 예정",
"발송예정일 2026.11.18(수)", "도착 예정일: 11.24 14시~17시".

Korean writes the date first and what happens on it after, or a label and then the date, so
it is read apart from the European and Chinese forms in `arrivals`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from orderwatch.parsers.base import Promise
from orderwatch.parsers.fields import end_of_day
from orderwatch.parsers.guarded import guarded

# Korean: the date first, then what happens on it ("내일(수) 11/25 도착 보장", "11.24(화) 도착 예정"),
# or a label, then the date ("발송예정일 2026.11.18(수)", "도착 예정일: 11.24").
_SP = r"[^\S\n]*"  # spaces on one line: a date on the line above belongs to another label
_KO_DAY = _SP + r"(?:\([월화수목금토일]\))?" + _SP
_KO_DATE = (
    r"(?:(\d{4})"
    + _SP
    + r"[.\-/년]"
    + _SP
    + r")?(\d{1,2})"
    + _SP
    + r"[./\-월]"  # "2026-10-30(금)" as well as "11.24", "11/25", "11월 24일"
    + _SP
    + r"(\d{1,2})"
    + _SP
    + r"일?"
    + _KO_DAY
)
_KO_CLOCK = r"(?:(새벽|오전|오후|아침|저녁|밤)" + _SP + r")?(\d{1,2})" + _SP + r"시" + _SP + r"(?:전|까지|이전)?" + _SP
_KO_BEFORE = guarded(
    r"(?:(오늘|내일|모레)" + _KO_DAY + r")?(?:" + _KO_DATE + r")?(?:" + _KO_CLOCK + r")?"
    r"(도착\s*(?:보장|예정)|배송\s*예정|발송\s*예정)(?!일)"
)
# after the label's date ("오늘(목)", "2026.11.20 (금)", or none: the mail's day), maybe a time ("아침 7시 전",
# "19:52") or a slot ("14시~17시"): its upper bound counts
_KO_LABEL = guarded(
    r"(도착\s*예정(?:일|\s*시[간각])?|배송\s*예정일?|발송\s*예정일?)\s*[:：]?\s*"
    + r"(?:(오늘|내일|모레)"
    + _KO_DAY
    + "|"
    + _KO_DATE
    + r")?(?:(새벽|오전|오후|아침|저녁|밤)"
    + _SP
    + r")?(?:(\d{1,2})(?::(\d{2})|"
    + _SP
    + r"시)(?:"
    + _SP
    + r"[~\-〜～]"
    + _SP
    + r"(\d{1,2})"
    + _SP
    + r"시)?)?"
)


_KO_EARLIER = guarded(r"(?:변경\s*전|기존|당초|원래)\s*$")
# a weekday, maybe its day of the month, then the shop's act: "다음 주 화요일(17일)에 … 일괄 발송해 드리려고 합니다"
_KO_WEEKDAY_ACT = guarded(
    r"(다음\s*주|이번\s*주)?\s*([월화수목금토일])요일\s*(?:\((\d{1,2})일\))?\s*에[^.\n]{0,30}?(발송|출고|배송|도착)"
)
_KO_WEEKDAYS = "월화수목금토일"


def korean_arrivals(text: str, reference: datetime) -> list[tuple[int, Promise]]:
    """Every Korean arrival or dispatch date in text, with its position."""
    found: list[tuple[int, Promise]] = []
    base = reference.replace(hour=0, minute=0, second=0, microsecond=0)
    for match in _KO_BEFORE.finditer(text):
        relative, year, month, day, part, hour, verb = match.groups()
        if month:
            at = _ko_day(base, year, month, day)
        elif relative:
            at = base + timedelta(days={"오늘": 0, "내일": 1, "모레": 2}[relative])
        else:
            continue
        if at is None:
            continue
        at = _at_hour(at, part, int(hour) if hour else None)
        kind = "ship" if verb.startswith("발송") else "deliver"
        found.append((match.start(), Promise(kind, match.group(0).strip(), by=at)))
    for match in _KO_LABEL.finditer(text):
        if _KO_EARLIER.search(text[max(0, match.start() - 8) : match.start()]):
            continue  # "변경 전 도착 예정일 : 10월 14일(수)": the date the next line replaces
        verb, relative, year, month, day, part, hour, minute, until = match.groups()
        if month:
            at = _ko_day(base, year, month, day)
        elif relative or minute:  # "도착 예정 : 오늘(목) 아침 7시 전"; "도착 예정 시간 : 12:38", the mail's own day
            at = base + timedelta(days={"오늘": 0, "내일": 1, "모레": 2}.get(relative or "오늘", 0))
        else:
            continue
        if at is None:
            continue
        # "14시~17시": the slot's end; "아침 7시 전": that hour
        at = _at_hour(at, part, int(until or hour) if (until or hour) else None)
        if minute and not until:
            at = at.replace(minute=int(minute))
            if not (month or relative) and at < reference:  # a clock before the mail's own time: the next day
                at += timedelta(days=1)
        kind = "ship" if verb.startswith("발송") else "deliver"
        found.append((match.start(), Promise(kind, match.group(0).strip(), by=at)))
    for match in _KO_WEEKDAY_ACT.finditer(text):
        week, weekday, day, verb = match.groups()
        if day:  # the day of the month it names, this month or the next
            at = base.replace(day=1) + timedelta(days=int(day) - 1) if int(day) <= 31 else None
            if at is not None and at < base:
                at = (base.replace(day=28) + timedelta(days=4)).replace(day=1) + timedelta(days=int(day) - 1)
        else:
            ahead = (_KO_WEEKDAYS.index(weekday) - base.weekday()) % 7 or 7
            if week and week.startswith("다음") and ahead < 7 - base.weekday():
                ahead += 7
            at = base + timedelta(days=ahead)
        if at is not None:
            kind = "ship" if verb in ("발송", "출고") else "deliver"
            found.append((match.start(), Promise(kind, match.group(0).strip(), by=_at_hour(at, None, None))))
    return found


def _at_hour(day: datetime, part: str | None, hour: int | None) -> datetime:
    """That day at the hour named ("오후 6시" is 18:00), or its end when no hour (or no real one) is named."""
    if hour is None or hour >= 24:
        return end_of_day(day)
    hour += 12 if part in ("오후", "저녁", "밤") and hour < 12 else 0
    return day.replace(hour=hour % 24) if hour < 24 else end_of_day(day)


def _ko_day(base: datetime, year: str | None, month: str, day: str) -> datetime | None:
    try:
        at = base.replace(year=int(year) if year else base.year, month=int(month), day=int(day))
    except ValueError:
        return None
    if not year and (base - at).days > 183:
        at = at.replace(year=at.year + 1)
    return at


# A deadline the mail sets: "11월 19일(목) 오후 6시까지", "2026.11.20까지"
_KO_UNTIL = guarded(
    _KO_DATE + r"(?:(새벽|오전|오후|아침|저녁|밤)" + _SP + r")?(?:(\d{1,2})" + _SP + r"시" + _SP + r")?까지"
)


def korean_deadline(text: str, reference: datetime) -> datetime | None:
    """The first future date the text sets as a deadline with "까지" (a day without an hour ends at midnight)."""
    base = reference.replace(hour=0, minute=0, second=0, microsecond=0)
    for match in _KO_UNTIL.finditer(text):
        year, month, day, part, hour = match.groups()
        at = _ko_day(base, year, month, day)
        if at is None:
            continue
        at = _at_hour(at, part, int(hour) if hour else None)
        if at > reference:
            return at
    return None
