"""Times written in mail text (2026年3月10日 22:45, Friday, September 11, 11/06 08:00), in the mail's zone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from orderwatch.parsers import guarded as rx
from orderwatch.parsers import lexicon
from orderwatch.parsers.fields.zones import country_zone
from orderwatch.parsers.guarded import guarded

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
    "mez": 1,
    "mesz": 2,
    "北京时间": 8,
    "wib": 7,  # Indonesia: western, central, eastern
    "wita": 8,
    "wit": 9,
    "pht": 8,
    "ict": 7,
    "myt": 8,
}
# A zone named after a time: an offset ("GMT+8"), "Z", or an abbreviation (never a word's head: "10:00 Estimated")
_ZONE_RE = (
    r"(?:\(?\s*((?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|(?<=\d)Z|UTC|GMT|BST|CET|CEST|EET|EEST|MSK|HKT|SGT|AWST|JST|KST|"
    r"AEST|AEDT|NZST|NZDT|EST|EDT|CDT|MST|MDT|PST|PDT|MESZ|MEZ|WITA|WIB|WIT|PHT|ICT|MYT|(?-i:(?<=\()(?:ET|CT|MT|PT)(?=\)))|(?-i:(?<=[AP]M )(?:ET|CT|MT|PT)(?![A-Za-z])))(?![A-Za-z])\s*\)?|(北京时间))?"
)
# US time named without its season, in brackets or after AM/PM ("8:00 AM (ET)", "12:38 PM ET"): the zone's offset that day
_US_ZONES = {"et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver", "pt": "America/Los_Angeles"}
_US_ABBREVIATIONS = frozenset((*_US_ZONES, "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt"))
_OFFSET = guarded(r"(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.I)
# (each run of spaces taken whole: what follows one never starts with a space, and a date before a
# long run of blanks would otherwise be tried with every split of the run between them)
_TIME = r"(?:\s*+(?:,|at|um|à|alle(?: ore)?|a las|às|om|pukul|jam|lúc|kl\.?|klo)?\s*+(上午|下午|晚上|早上|中午|凌晨)?\s*+(\d{1,2})\s*+[:：点时時]\s*+(\d{2})?(?:[:：](\d{2}))?\s*+(am|pm|a\.m\.|p\.m\.)?)?"
_WEEKDAY = r"(?:\s*[(（]?\s*(?:星期|周|礼拜)[一二三四五六日天][)）]?|\s*[(（][月火水木金土日월화수목금토일][)）])?"
_ROC = guarded(r"(?<![\d/.])(?:民國\s*)?(1[01]\d)\s*([/.年])\s*(\d{1,2})\s*(?:\2|月)\s*(\d{1,2})(?![\d/.])\s*日?")
_ISO = guarded(
    r"(?<![\d/.])(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"  # not the year ending "10/27/2026 - 10/30"
    + _WEEKDAY
    + r"(?:T|\s)*"
    + _TIME
    + r"\s*+"
    + _ZONE_RE,
    re.I,
)
_ZH_MD = guarded(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]" + _WEEKDAY + _TIME + _ZONE_RE)
# A weekday name before a date belongs to its span; it is looked for behind each match, since an
# optional alternation of every language's weekdays at the head of a pattern is tried at every position.
_DAYNAME_BEFORE = guarded(
    r"(?<![\w.])(?:" + "|".join(sorted(map(re.escape, lexicon.WEEKDAYS), key=len, reverse=True)) + r")\.?,?\s+$", re.I
)
_EN_DMY = guarded(
    r"(?<![\w.])"
    r"(?:le\s+|den\s+|il\s+|el\s+)?(\d{1,2})(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+)?("
    + lexicon.MONTH_NAMES
    + r")\.?(?![a-zà-ÿ])(?:,?\s*(?:de\s+)?(\d{4}))?"
    + _TIME
    + r"\s*+"
    + _ZONE_RE,
    re.I,
)
_EN_MDY = guarded(
    r"(?<![\w.])("
    + lexicon.MONTH_NAMES
    + r")\.?(?![a-zà-ÿ])\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s*(\d{4}))?"
    + _TIME
    + r"\s*+"
    + _ZONE_RE,
    re.I,
)
# 11.09.2026 / 11.09. (day first, as Europe writes it); 09/11/2026 (month first in the Americas)
# a two-digit year as Swiss and German shops print it: "Delivery 14.03.26 19:00-19:30"
_NUMERIC = guarded(
    r"(?<![\d.,/])(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2}(?![\d.,]))|\.|(?<=/\d)(?=[^\S\n]|$)|(?<=/\d\d)(?=[^\S\n]|$))(?![\d])"
    + _TIME
    + r"\s*+"
    + _ZONE_RE,
    re.I,
)


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
    offset = _OFFSET.fullmatch(abbr.strip()) if abbr else None
    if offset:
        sign = -1 if offset.group(1) == "-" else 1
        return timezone(sign * timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3) or 0)))
    key = (abbr or zh or "").lower()
    if key == "z":
        return UTC
    if key in _ZONES:
        return timezone(timedelta(hours=_ZONES[key]))
    if key in _US_ZONES:
        return ZoneInfo(_US_ZONES[key])
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


# An Italian, Spanish or French weekday cut short before a day and its month: "ven 9 ott - mar 13 ott",
# "mar, 13 oct", "mer. 11 nov" (blanked, same length, so offsets hold)
_ROMANCE_WEEKDAY = guarded(
    r"\b(?:lun|mar|mer|mié|mie|gio|jue|ven|vie|sab|sáb|sam|dom|dim)\.?,?\s+(?=\d{1,2}\.?\s+(?:"
    + lexicon.MONTH_NAMES
    + r")\b)",
    re.I,
)


_SPACED_DMY = guarded(r"(?<![\d.])(\d{1,2})\.[ \u00a0](\d{1,2})\.[ \u00a0](\d{4})(?!\d)")


@lru_cache(maxsize=32)
def find_times(text: str, reference: datetime) -> tuple[TextTime, ...]:
    """Dates and times written in the text, in the reference's zone unless one is named.

    A year left out is the reference's year (or the next one, if that puts the date more than
    half a year in the past). Cached: the promise, arrival and deadline readers ask for the
    same mail's times several times.
    """
    tz = reference.tzinfo or UTC
    out: list[TextTime] = []
    text = _ROMANCE_WEEKDAY.sub(lambda m: " " * len(m.group(0)), text)  # "mar 13 ott" is Tuesday, not March
    # Czech and Slovak space a date's parts: "18. 11. 2026" reads as "18.11.2026", its spaces moved behind it
    text = _SPACED_DMY.sub(lambda m: f"{m[1]}.{m[2]}.{m[3]}" + " " * (len(m[0]) - len(m[1] + m[2] + m[3]) - 2), text)

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
    for match in _ROC.finditer(text):  # Taiwan's 民國 years: "115/11/06" is 2026-11-06
        build(int(match.group(1)) + 1911, int(match.group(3)), int(match.group(4)), *(None,) * 7, match.span())
    for match in _ZH_MD.finditer(text):
        if any(t.start <= match.start() < t.end for t in out):
            continue
        mo, d, zp, h, mi, s, ap, ab, zz = match.groups()
        build(None, int(mo), int(d), zp, h, mi, s, ap, ab, zz, match.span())
    for pattern, order in ((_EN_DMY, "dmy"), (_EN_MDY, "mdy")):
        for match in pattern.finditer(text):
            if any(t.start <= match.start() < t.end for t in out):
                continue
            if order == "mdy" and _DAY_OF_NUMERIC.match(text, match.end()):
                continue  # "mar. 03.11.": mardi 3 November, the weekday's abbreviation before a numeric date
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
    # month first in North America (-10 to -4 h); not at -3 h (Brazil, Argentina, Chile's summer write the day first)
    month_first = offset is not None and timedelta(hours=-11) <= offset < timedelta(hours=-3)
    for match in _NUMERIC.finditer(text):
        if any(t.start <= match.start() < t.end for t in out):
            continue
        a, sep, b, y, zp, h, mi, s, ap, ab, zz = match.groups()
        if sep == "/" and y is None and not _BEFORE_BARE_DATE.search(text[max(0, match.start() - 10) : match.start()]):
            continue  # "24/7", "1/2": a bare "a/b" is a date only after a word that leads to one ("between 19/11")
        american = month_first or (ab or "").lower() in _US_ABBREVIATIONS
        day, month = (int(b), int(a)) if sep == "/" and american else (int(a), int(b))
        if month > 12 >= day:  # "16/10/2026" from a US sender is still 16 October: no 16th month
            day, month = month, day
        if h is not None and mi is None and not ap:
            h = None
        year = (2000 + int(y) if len(y) == 2 else int(y)) if y else None
        if (
            sep == "/"
            and year
            and day != month <= 12
            and day <= 12
            and not ab
            and _nearer_swapped(year, month, day, reference)
        ):
            day, month = month, day  # "Order Date : 11/07/26" in a mail of 7 November (sent at +0000) is 7 November
        build(year, month, day, zp, h, mi, s, ap, ab, zz, _with_dayname(text, match))
    out.sort(key=lambda t: t.start)
    return tuple(out)


_DAY_OF_NUMERIC = guarded(r"\.\d{1,2}\.")
_BEFORE_BARE_DATE = guarded(
    r"\b(?:between|and|by|on|until|till|before|from|to|entre|et|du|au|le|zwischen|und|bis|am|vom|tra|e|il|dal|al|y|el)\s+$",
    re.I,
)


def _nearer_swapped(year: int, month: int, day: int, reference: datetime) -> bool:
    """Whether "a/b/year", read the other way round, lands far nearer the mail's own date: a mail
    speaks of its own weeks, so "11/07/26" in a mail of 7 November is month first whatever its zone."""
    try:
        read = datetime(year, month, day, tzinfo=reference.tzinfo)
        swapped = datetime(year, day, month, tzinfo=reference.tzinfo)
    except ValueError:
        return False
    return abs(swapped - reference) + timedelta(days=14) < abs(read - reference)


def labelled_time(text: str, labels: str, reference: datetime) -> datetime | None:
    """The time written right after one of the labels ("支付时间：", "Placed on:")."""
    for match in rx.finditer(rf"(?:{labels})\s*[:：]?\s*", text, re.I):
        window = text[match.end() : match.end() + 60].split("\n")[0]
        times = [t for t in find_times(window, reference) if t.start < 4 and t.has_time]
        if times:  # a bare date says less than the mail's own timestamp
            at = times[0].at
            if (
                at > reference + timedelta(minutes=5)
                and reference.utcoffset() == timedelta(0)
                and not names_zone(window)
            ):
                # a payment written after the mail that reports it: the shop's wall clock, not the server's UTC
                # stamp ("支付时间：2026-10-16 21:14:08" in a mail dated 13:14 +0000)
                local = at.replace(tzinfo=country_zone("", text, reference.tzinfo or UTC))
                return local if local <= reference + timedelta(minutes=5) else None
            # a time after the mail that states it is no order's or payment's: an event's ("Date: Sat 25 Jul")
            # (unless it names its zone: a forward quotes its mail's time without one, "12:38:20 PM ET" is exact)
            return at if at <= reference + timedelta(minutes=5) or names_zone(window) else None
    return None


# A clock written before its date: "by 5pm AEST on Friday 24 April 2026", "before 17:00 on 3 May"
_CLOCK_BEFORE_DATE = guarded(
    r"\b(?:by|before|no later than|until)\s+(\d{1,2})(?:[:.](\d{2}))?\s*([ap]\.?m\.?)?\s*(?:\(?([A-Z]{2,5})\)?\s*)?,?\s*(?:on\s+)?(?:the\s+)?$",
    re.I,
)


def clock_before(before: str, day: datetime) -> datetime | None:
    """`day` at the clock written just before it ("by 5pm AEST on"), in the zone named there; None without one."""
    found = _CLOCK_BEFORE_DATE.search(before)
    if found is None or not (found.group(2) or found.group(3)):  # "by 24 April": a bare number is no clock
        return None
    hour = _hour(found.group(1), found.group(3), None)
    minute = int(found.group(2) or 0)
    if hour is None or hour > 23 or minute > 59:
        return None
    zone = _zone(found.group(4), None, day.tzinfo or UTC)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def end_of_day(at: datetime) -> datetime:
    return datetime.combine(at.date(), time(23, 59, 59), at.tzinfo)


_NAMED_ZONE = guarded(r"[+-]\d{2}:?\d{2}\b|" + _ZONE_RE.removesuffix(")?") + ")")


def names_zone(text: str) -> bool:
    """Whether a written time says its zone ("+0100", "GMT+8", "EDT", "MEZ", "北京时间")."""
    return any(m.group(0).strip() for m in _NAMED_ZONE.finditer(text))


# A window a few lines under the date, unlabelled ("Donnerstag, 07.05.2026" over "zwischen 14:00 und 18:00 Uhr")
_WINDOW_LINE = guarded(
    r"^[ \t]*(?:zwischen|between|entre|tra le|tussen|mi[ęe]dzy)\s+\d{1,2}(?:[:.h]\d{2})?\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)?\s*"
    r"(?:und|and|et|e|y|en|a)\s+(\d{1,2})(?:[:.h](\d{2}))?\s*(uhr|h|am|pm|a\.m\.|p\.m\.)?[ \t.]*$",
    re.I | re.M,
)
# "Your delivery is on track to arrive between 6:00am and 8:00pm": the same window said in a sentence
_WINDOW_SENTENCE = guarded(
    r"\b(?:arrive|be delivered|deliver|delivery)\s+(?:between|from)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*"
    r"(?:and|to|-|–)\s+(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?![\w:])",
    re.I,
)


def window_end_below(text: str, after: int, day: datetime) -> datetime | None:
    """The end of a bare time window in the next few lines after an arrival date, on that date."""
    below = "\n".join(text[after : after + 200].split("\n")[:6])
    window = _WINDOW_LINE.search(below) or _WINDOW_SENTENCE.search(below)
    if window is None:
        return None
    hour, minute = int(window.group(1)), int(window.group(2) or 0)
    if (window.group(3) or "").lower().startswith("p") and hour < 12:
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)
