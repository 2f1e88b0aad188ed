"""Clocks in arrival estimates: a delivery slot under its own label ("Delivery time: 7:00pm and
8:00pm", "配送時段：14:00-18:00"), a window of clocks without a day ("is tussen 18:20 en 18:40 bij
je"), and a clock read onto a day ("晚上8:30" is 20:30). Split from `arrivals` to keep it readable.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from orderwatch.parsers import lexicon
from orderwatch.parsers.guarded import guarded

CLOCK = guarded(
    r"(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|uhr|h(?![a-z0-9])|点|點|時|时)|(\d{1,2})(?:[:：]|h(?=\d{2}))(\d{2})",
    re.I,
)

AFTERNOON = guarded(r"(?:下午|晚上|傍晚|夜間|夜间|晚間|晚间)\s*$")


def with_clock(day: datetime, clock: re.Match[str], before: str = "") -> datetime | None:
    hour = int(clock.group(1) or clock.group(4))
    minute = int(clock.group(2) or clock.group(5) or 0)
    marker = (clock.group(3) or "").lower().replace(".", "").replace(" ", "")
    if (marker == "pm" or AFTERNOON.search(before)) and hour < 12:  # "晚上8:30": 20:30
        hour += 12
    if marker == "am" and hour == 12:
        hour = 0
    if hour >= 24 or minute >= 60:
        return None
    return day.replace(hour=hour, minute=minute, second=0)


# A delivery slot given on a line of its own: "Delivery time: 7:00pm and 8:00pm", "配送時段：14:00-18:00".
SLOT_LABEL = guarded(
    r"(?:delivery|arrival)\s+(?:time|slot|window)|time\s*slot|(?:liefer|zustell)?zeitfenster|zustellzeit|tijdvak|tijdslot|cr[ée]neau(?:\s+de\s+livraison)?|"
    r"we(?:'ll| will) deliver (?:your|the) (?:parcel|package|order)(?=\s*:)|"  # Evri: "We'll deliver your parcel: / Between 4pm and 6pm"
    r"franja horaria|fascia oraria|teslimat saati|teslimat aral[ıi][ğg][ıi]|przedzia[łl] czasowy|godzina dostawy|配送時段|配送时段|配送時間|配送时间|送貨時段|送货时段|送貨時間|送货时间|お届け時間帯|배송\s*시간|(?:время|интервал)\s+доставки|(?<!\w)время(?=\s*[:：])|חלון\s+(?:ה)?משלוח|שעות\s+(?:ה)?אספקה",
    re.I,
)
# A slot in Chinese hours: "上午10時至下午1時", "下午2点-6点"
_ZH_HOUR = guarded(r"(上午|中午|下午|晚上)?\s*(\d{1,2})\s*[時时點点](?:\s*(\d{1,2})\s*分)?")


def slot_end(text: str, day: datetime) -> datetime | None:
    """The end of the delivery slot a separate label states, on the day an arrival label gave."""
    label = SLOT_LABEL.search(text)
    if label is None:
        return None
    lines = text[label.end() : label.end() + 80].split("\n")
    line = lines[1] if len(lines) > 1 and not lines[0].strip(" \t:：") else lines[0]  # the slot on the next line
    clocks = list(CLOCK.finditer(line))
    if not clocks:
        hours = list(_ZH_HOUR.finditer(line))
        if not hours:
            return None
        half, hour, minute = hours[-1].groups()
        hour = int(hour) + (12 if half in ("下午", "晚上") and int(hour) < 12 else 0)
        return day.replace(hour=hour, minute=int(minute or 0), second=0) if hour < 24 else None
    last = clocks[-1]
    at = with_clock(day, last, line[: last.start()])
    afternoon = any((c.group(3) or "").lower().startswith("p") for c in clocks) or bool(
        AFTERNOON.search(line[: clocks[0].start()])  # "下午 2:00 - 6:00": the half-day named once, before both
    )
    if at is not None and not last.group(3) and afternoon and at.hour < 12:
        at += timedelta(hours=12)  # "7:00pm - 8:00": the slot's end is in the afternoon too
    return at


_CLOCK_WINDOW = guarded(
    r"\s*(?:between|tussen|zwischen|entre)\s+\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?|uhr)?\s*(?:and|en|und|y|et|e|[-–—~])\s*(\d{1,2}[:.h]\d{2})",
    re.I,
)
_DAY_WORD = guarded(
    r"\d|\b(?:today|tomorrow|vandaag|morgen|heute|hoy|mañana|aujourd|demain|on)\b|" + lexicon.WEEKDAY_FULL, re.I
)


def clock_window_today(window: str, reference: datetime) -> tuple[datetime, int] | None:
    """The later clock of a window named without a day, on the mail's own day (within 12 hours)."""
    clocks = _CLOCK_WINDOW.match(window)
    if clocks is None or _DAY_WORD.search(re.split(r"[.\r\n]", window[clocks.end() :])[0]):
        return None
    later = with_clock(reference, CLOCK.match(window, clocks.start(1)))
    return (later, clocks.end()) if later is not None and reference < later < reference + timedelta(hours=12) else None
