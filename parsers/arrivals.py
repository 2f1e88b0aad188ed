"""Arrival and dispatch estimates in shipping mail, and the times written in them: "Arriving:
Friday, September 11", "arriving tomorrow by 1 pm", "Now expected March 27 - March 28",
"Voraussichtliche Lieferung: 11.09.", "预计3月13日送达", "預計星期四（7/16）出貨", "내일(수) 11/25 도착 보장".

Weekday names, "today" and "tomorrow" are read from the mail's own date; a date without a time
ends that day; of a range or a time window, the upper bound counts.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from orderwatch.parsers import guarded as rx
from orderwatch.parsers import lexicon
from orderwatch.parsers.arrival_clocks import CLOCK as _CLOCK
from orderwatch.parsers.arrival_clocks import SLOT_LABEL as _SLOT_LABEL
from orderwatch.parsers.arrival_clocks import clock_window_today
from orderwatch.parsers.arrival_clocks import slot_end as _slot_end
from orderwatch.parsers.arrival_clocks import with_clock as _with_clock
from orderwatch.parsers.arrivals_ko import korean_arrivals
from orderwatch.parsers.base import Promise
from orderwatch.parsers.durations import DESTINATION
from orderwatch.parsers.fields import end_of_day, find_times
from orderwatch.parsers.fields.times import window_end_below
from orderwatch.parsers.guarded import guarded

from orderwatch.domain.durations import EN_UNIT, INTL_UNIT, RANGE, ZH_UNIT, duration_from

# --- arrival estimates in shipping mail -------------------------------------------------

_ARRIVAL = guarded(r"(?<!\w)(?:" + lexicon.ARRIVAL_CUES + r")(?!\w)\s*[:：]?\s*", re.I)
_ZH_ARRIVAL = guarded(r"(?:" + lexicon.ZH_ARRIVAL_CUES + r")\s*(?:为|為|是)?\s*[:：]?\s*")


def _replaced(text: str, match: re.Match[str]) -> bool:
    """The estimate a later one replaces: "livraison initialement prévue le 06/11", "Eerder verwacht:"."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    before = text[line_start : match.start()]
    before = before[before.rfind(". ") + 1 :][-16:]  # this sentence only: "…as we previously expected. Now expected:"
    after = text[match.end() : line_end if line_end >= 0 else len(text)][:16]
    return bool(_EARLIER.search(before + match.group(0) + after))


_EARLIER = guarded(
    r"initialement|pr[ée]c[ée]demment|originally|previously|ursprünglich|eerder|inizialmente|inicialmente|原定|原本|原先|"
    r"変更前|当初の|旧(?=[のお発配])|变更前|變更前|修改前|"  # "変更前の発送予定日：…" above "変更後の…"
    r"\bsebelumnya\b|trước đó|เดิม|"  # id "Perkiraan tiba sebelumnya:", vi, th
    # an attempt reports what happened, it promises nothing: "Versuchte Zustellung heute um 14:51"
    r"versuchte|attempted|tentative de|intento de|tentata|poging tot",
    re.I,
)
_ADDRESS_OF = guarded(r"adresse\s+de\s+$", re.I)
_ZH_SHIP_VERB = guarded(r"出貨|出货|发货|發貨|寄出|发放|發放")
_ZH_SHIP_LABEL = guarded(r"(?:出貨|出货|发货|發貨|寄出)(?:日期|日|時間|时间)?\s*[:：]?\s*")
# The words before an estimated DISPATCH date: "Voraussichtlich versandbereit: Do, 15.10.", "Data
# estimată de predare către curier: miercuri, 14 octombrie", "plazo hasta el miércoles 16", "預計星期四出貨".
_DISPATCH = guarded(
    r"(?:(?<!\w)(?:" + lexicon.DISPATCH_CUES + r")(?!\w)|" + lexicon.ZH_DISPATCH_CUES + r")\s*[:：]?\s*", re.I
)
# after the date, maybe its weekday ("11/10（二）"), then what happens by then
# the driver named between the promise and its day: "delivered by Dean of Parcelforce today between …"
_BY_COURIER = guarded(
    r"(?:by\s+(?:our\s+driver\s+|your\s+driver\s+)?[A-Z][\w'-]*(?:\s+(?:of|from|at)\s+[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)?)?"
    r"|[A-Z][\w'-]*\s+(?:of|from|at)\s+[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)?)\s+(?=(?:today|tomorrow|on|between)\b)"
)
_ZH_ARRIVE_AFTER = guarded(
    r"\s*(?:[（(](?:週|周|星期)?[一二三四五六日天][）)])?\s*(?:之前|以前|前)?\s*"
    r"(?:(送达|送達|到达|到達|到货|到貨|签收|簽收|抵达|抵達)|(出貨|出货|发货|發貨|寄出))"
)
_RELATIVE = guarded(
    r"^(?:on\s+|next\s+|this\s+|am\s+|le\s+|il\s+|el\s+|w\s+|we\s+|op\s+|na\s+|no\s+|p[åa]\s+|den\s+|pe\s+|ve?\s+)?(?:("
    + lexicon.DAY_AFTER
    + r")|("
    + lexicon.TODAY
    + r")|("
    + lexicon.TOMORROW
    + r")|("
    + lexicon.WEEKDAY_FULL
    + r")|(?:周|週|星期|礼拜|禮拜)([一二三四五六日天]))(?![a-zà-ÿ])",
    re.I,
)
# "11/10", and after a weekday as Amazon.co.jp writes it: "火曜日, 11/10"
_ZH_MD_SLASH = guarded(r"^(?:[月火水木金土日]曜日?[,，、]?\s*)?(\d{1,2})\s*/\s*(\d{1,2})(?!\s*/\s*\d)")


def find_arrivals(text: str, reference: datetime) -> list[tuple[int, Promise]]:
    """Estimated arrivals: "Arriving: Friday, September 11", "arriving tomorrow by 1 pm", "Now
    expected March 27 - March 28", "Voraussichtliche Lieferung: 11.09.", "预计3月13日送达".

    Weekday names, "today" and "tomorrow" are read from the mail's own date (`reference`); a date
    without a time ends that day; of a range or a time window, the upper bound counts.
    """
    found: list[tuple[int, Promise]] = []
    slots: list[re.Match[str]] = []
    for pattern, kind in ((_ARRIVAL, "deliver"), (_ZH_ARRIVAL, "deliver"), (_DISPATCH, "ship")):
        for match in pattern.finditer(text):
            if _replaced(text, match):
                continue  # "livraison initialement prévue le 06/11", "Eerder verwacht": the date it replaces
            if _ADDRESS_OF.search(text, max(0, match.start() - 12), match.start()):
                continue  # "remis à l'adresse de livraison le 15 juillet": the address, then a past day
            if kind == "deliver" and _SLOT_LABEL.search(match.group(0)) and _CLOCK.match(text, match.end()):
                slots.append(match)  # "Delivery time: 9:00am and 10:00am": the slot of a date given elsewhere
                continue
            window = " ".join(text[match.end() : match.end() + 120].split("\n")[:3])
            verb = _ZH_SHIP_VERB.search(window) if kind == "ship" else None
            verb_end = 0
            if verb and match.group(0).startswith(("预计", "預計")):
                label = _ZH_SHIP_LABEL.match(window)
                if verb.start() == 0 and label:  # "預計出貨日：2026/07/16": a label, the date after it
                    window = " " * label.end() + window[label.end() :]
                else:  # "预计星期四（7/16）出貨": the date stands before the verb, which the phrase keeps
                    window, verb_end = window[: verb.start()], verb.end()
            courier = _BY_COURIER.match(window)  # "is due to be delivered by Dean of Parcelforce today between …"
            if courier:
                window = " " * courier.end() + window[courier.end() :]
            at, used = arrival_time(
                window.lstrip() if courier else window, reference, text[match.end() : match.end() + 120]
            )
            used += (len(window) - len(window.lstrip())) if courier else 0
            slot = None
            if kind == "deliver" and at is not None and (at.hour, at.minute, at.second) == (23, 59, 59):
                slot = _SLOT_LABEL.search(text)  # "Delivery date: Thursday 5 November" + "Delivery time: 7pm and 8pm"
                at = _slot_end(text, at) or window_end_below(text, match.end(), at) or at
            if at is not None:
                phrase = " ".join(text[match.start() : match.end() + max(used, verb_end)].split())
                if slot is not None and at.second == 0:  # the slot's own line belongs to the promise quoted
                    phrase += " " + text[slot.start() :].split("\n")[0].strip()
                found.append((match.start(), Promise(kind, phrase, by=at)))
                continue
            if kind == "ship":
                continue
            span = _ARRIVAL_SPAN.match(window)  # "Estimated delivery time: 3–5 business days"
            unit = span and (span.group(3) or span.group(4) or span.group(5))
            within = duration_from(span.group(1), span.group(2), unit) if span else None
            if within is not None:
                phrase = " ".join(text[match.start() : match.end() + span.end()].split())
                found.append((match.start(), Promise("deliver", phrase, within=within)))
    for t in find_times(text, reference):  # "预计3月13日送达", "3月13日前送达", "將於 11/10（二）出貨"
        tail = _ZH_ARRIVE_AFTER.match(text[t.end : t.end + 12])
        head = text[max(0, t.start - 6) : t.start]
        if tail and rx.search(r"预计|預計|将于|將於|将在|將在|可于|可於", head):
            by = t.at if t.has_time else end_of_day(t.at)
            kind = "deliver" if tail.group(1) else "ship"
            found.append((t.start, Promise(kind, text[max(0, t.start - 2) : t.end + tail.end()].strip(), by=by)))
        elif (ja := _JA_BY_DATE.match(text, t.end)) is not None:  # "発売日（2026年10月24日）に発送いたします"
            by = t.at if t.has_time else end_of_day(t.at)
            kind = "ship" if ja.group(1) else "deliver"
            start = max(text.rfind("\n", 0, t.start) + 1, t.start - 12)  # the phrase from its line's start
            found.append((t.start, Promise(kind, text[start : ja.end()].strip(), by=by)))
    for match in _DAY_THEN_DELIVERED.finditer(text):  # "Je pakket wordt morgen bezorgd door DHL"
        day = reference + timedelta(days=2 if match.group(1) else 0 if match.group(2) else 1)
        found.append((match.start(), Promise("deliver", match.group(0), by=end_of_day(day))))
    for match in _ZH_RELATIVE_ARRIVAL.finditer(text):  # "預計明天送達"
        offset = {"今": 0, "明": 1, "后": 2, "後": 2}[match.group(1)[0]]
        day = reference + timedelta(days=offset)
        found.append((match.start(), Promise("deliver", match.group(0), by=end_of_day(day))))
    found.extend(korean_arrivals(text, reference))
    for match in _ZH_SLASH_ARRIVAL.finditer(text):  # "預計 9/15 送達", "將於 11/10（二）出貨"
        try:
            day = reference.replace(month=int(match.group(1)), day=int(match.group(2)))
        except ValueError:
            continue
        kind = "ship" if match.group(3) else "deliver"
        found.append((match.start(), Promise(kind, match.group(0), by=end_of_day(day))))
    for match in _ZH_CLOCK_ARRIVAL.finditer(text):
        at = reference.replace(hour=int(match.group(1)) % 24, minute=int(match.group(2)) % 60, second=0, microsecond=0)
        at += timedelta(days=1) if at < reference - timedelta(hours=12) else timedelta(0)  # "预计00:20送达" at 23:50
        found.append((match.start(), Promise("deliver", match.group(0), by=at)))
    if slots and not found:  # no date anywhere: a meal's "Estimated delivery time: 19:35 - 19:50" is the mail's own day
        at = _slot_end(text[slots[0].start() :], reference)
        if at is not None and at > reference:
            line = text[slots[0].start() :].split("\n")[0].strip()
            found.append((slots[0].start(), Promise("deliver", line, by=at)))
    return found


_ARRIVAL_SPAN = guarded(
    # "Standard Delivery (3-5 Business Days)", "Delivery time to Ireland: 3-5 working days"
    rf"\s*(?:time|times|period)?{DESTINATION}\s*[:：]?\s*\(?(?:in\s+|within\s+|about\s+|approx\.?\s+)?"
    + RANGE
    + r"\s*(?:"
    + EN_UNIT
    + r"|"
    + INTL_UNIT  # "Beräknad leveranstid: 2–5 arbetsdagar"
    + r"|"
    + ZH_UNIT  # "Estimated delivery: 2-3 個工作天"
    + r")(?:\b|(?<=[^\x00-\x7f]))",
    re.I,
)
# Japanese: a date, then what the shop does on it: "（2026年10月24日）に発送いたします", "11月5日にお届け予定"
_JA_BY_DATE = guarded(
    r"\s*[）)]?\s*(?:頃|ごろ)?\s*(?:に|までに)\s*(?:(発送|出荷)|(?:お届け|配達|到着))"
    r"(?:いたします|致します|します|させていただきます|予定|の予定)"
)
_ZH_RELATIVE_ARRIVAL = guarded(
    r"(?:预计|預計|将于|將於|将在|將在)\s*(今天|今日|明天|明日|后天|後天)\s*(?:[（(][^）)\n]{0,16}[）)])?\s*(?:之前|以前|前|内|內)?\s*"
    r"(?:送达|送達|到货|到貨|抵达|抵達|到达|到達|签收|簽收|投遞|投递)"  # "預計明天投遞至 i郵箱"
)
# The day named between "is" and "delivered": "Je pakket wordt morgen bezorgd", "wird heute zugestellt"
_DAY_THEN_DELIVERED = guarded(
    r"\b(?:wordt|worden|wird|werden|sera|seront|verr[àa]|verranno|ser[áa]n?)\s+(?:("
    + lexicon.DAY_AFTER
    + r")|("
    + lexicon.TODAY
    + r")|("
    + lexicon.TOMORROW
    + r"))\s+(?:(?:bij je |bei dir |chez vous )?(?:bezorgd|geleverd|zugestellt|geliefert|livr[ée]e?s?|consegnat[oaie]|entregad[oa]s?))\b",
    re.I,
)
_ZH_SLASH_ARRIVAL = guarded(
    r"(?:预计|預計|将于|將於|将在|將在)\s*(?:(?:出貨|出货|送達|送达|到貨|到货|發貨|发货)(?:日期|日)?\s*[:：]\s*)?(\d{1,2})\s*/\s*(\d{1,2})(?!\s*/)(?:\s*[（(](?:週|周|星期)?[一二三四五六日天][）)])?\s*(?:之前|以前|前)?\s*"
    r"(?:送达|送達|到货|到貨|抵达|抵達|到达|到達|(出貨|出货|发货|發貨|寄出))"
)
# An app's estimate by the clock alone ("商家已接单，预计21:35送达", "预计08:10-08:40送达"): that time
# (a window's end) next, from the mail's own.
_ZH_CLOCK_ARRIVAL = guarded(
    r"(?:预计|預計)\s*(?:\d{1,2}[:：]\d{2}\s*[-~～—–至到]\s*)?(\d{1,2})[:：](\d{2})\s*(?:之前|以前|前)?\s*(?:送达|送達|到达|到達|抵达|抵達)"
)


_AND_WEEKDAY = guarded(
    r"\s*(?:and|und|et|y|e|en|i|a|to|bis|au|al|[-–—])\s*(?:le\s+|el\s+|il\s+)?("
    + lexicon.WEEKDAY_FULL
    + r")(?![a-zà-ÿ])",
    re.I,
)
_BETWEEN = guarded(r"\s*(?:between|entre|tussen|zwischen|tra|fra|mi[eę]dzy)\b", re.I)


def arrival_time(window: str, reference: datetime, lines: str = "") -> tuple[datetime | None, int]:
    """The latest instant the estimate in `window` allows, and how many characters it used.

    `lines` is the window as written (its line breaks): a time is read on the day's own line only,
    never from the next line ("Llega el jueves" over "Despacho a domicilio - entre 9:00 y 21:00")."""
    day: datetime | None = None
    if (later := clock_window_today(window, reference)) is not None:  # "is tussen 18:20 en 18:40 bij je"
        return later
    lead = _LEAD.match(window)  # "by 11:59am today", "bis morgen", "entro venerdì"
    used = lead.end() if lead else 0
    clock_first = _CLOCK.match(window, used) if lead or _CLOCK.match(window) else None
    if clock_first:  # the time named before the day: "11:59am today"
        rest_at, rest_used = arrival_time(window[clock_first.end() :].lstrip(" ,"), reference)
        if rest_at is not None and (rest_at.hour, rest_at.minute) == (23, 59):
            return _with_clock(rest_at, clock_first), len(window) - len(
                window[clock_first.end() :].lstrip(" ,")
            ) + rest_used
        if rest_at is None and clock_first.group(3):  # "arrive by 11:59am": a clock with am/pm and no day
            # "ETA 7:25 PM–7:35 PM": a range ends at its later clock
            dash = _RANGE_DASH.match(window, clock_first.end())
            later = _CLOCK.match(window, dash.end()) if dash else None
            if later is not None and later.group(3):
                clock_first = later
            same_day = _with_clock(reference, clock_first)
            if same_day is not None and same_day > reference:
                return same_day, clock_first.end()
        if rest_at is None:  # "Estimated arrival: 19:35 - 19:50": a window later the same day
            clocks = list(_CLOCK.finditer(window.split("\n")[0]))
            same_day = _with_clock(reference, clocks[-1]) if clocks else None
            if same_day is not None and same_day > reference and (same_day - reference) < timedelta(hours=12):
                return same_day, clocks[-1].end()
    window = window[used:]
    offset_used = used
    used = 0
    reach = 48 if _BETWEEN.match(window) else 24  # "entre el miércoles 18 y el viernes 20 de noviembre"
    all_times = find_times(window, reference)
    times = [t for t in all_times if t.start < reach]
    between = _BETWEEN.match(window)  # "zwischen Samstag und Montag": two weekday names, the later one counts
    rel_start = len(window) - len(window[between.end() :].lstrip()) if between else 0
    relative = _RELATIVE.match(window[rel_start:])
    zh_slash = _ZH_MD_SLASH.match(window)
    if times:
        first = times[0]
        upper = first
        for later in all_times[all_times.index(first) + 1 :]:  # a range: "March 27 - March 28", "between 9/11 and 9/14"
            gap = " ".join(window[upper.end : later.start].split())  # "junio 24 -\n     lunes, junio 27"
            if len(gap) <= 8 and rx.search(
                r"[-–—~～〜－]|to|and|bis|au|al|et|y|do|至|到|s/d|hingga|sampai|đến|\b(?:e|och|og|ja|és|și|a|ao|até|und|en|tot|i)\b",
                gap,
                re.I,
            ):
                upper = later
        day, used = upper.at, upper.end
        morning = rx.match(r"\s*(?:の)?\s*午前中", window[used:])  # "11月21日(土) 午前中": by noon
        if morning and not upper.has_time:
            return day.replace(hour=12, minute=0, second=0), offset_used + used + morning.end()
        span = rx.match(r"\s*[-–—]\s*(\d{1,2})(?!\d|[:./]\d)", window[upper.end :])  # "September 11-13"
        if span and not upper.has_time:
            try:
                day = day.replace(day=int(span.group(1)))
                used += span.end()
            except ValueError:
                pass
        if upper.has_time:  # "14:00 - 18:00": a slot ends at its later time
            slot = rx.match(r"\s*(?:[-–~～〜至到]|to|bis)\s*(\d{1,2})(?:[:：](\d{2})|\s*[時时点])", window[used:], re.I)
            if slot and int(slot.group(1)) < 24:  # "14:00 - 18:00", "14時〜16時", "7:00pm - 8:00pm"
                hour, minute = int(slot.group(1)), int(slot.group(2) or 0)
                marker = rx.match(r"\s*([ap])\.?\s?m\b\.?", window[used + slot.end() :], re.I)
                if hour < 12 and ((marker and marker.group(1).lower() == "p") or (not marker and day.hour >= 12)):
                    hour += 12  # the slot's end is in the afternoon, as said or as its start was
                end = used + slot.end() + (marker.end() if marker else 0)
                return day.replace(hour=hour, minute=minute), offset_used + end
            return day, offset_used + used
    elif relative:
        base = reference.astimezone(reference.tzinfo)
        after, today, tomorrow, weekday, zh_day = relative.groups()
        if after:
            offset = 2
        elif today:
            offset = 0
        elif tomorrow:
            offset = 1
        else:
            target = lexicon.WEEKDAYS[weekday.lower()] if weekday else lexicon.ZH_WEEKDAYS[zh_day]
            offset = (target - base.weekday()) % 7
        used = rel_start + relative.end()
        dated = rx.match(
            r"\s+\d{1,2}[./]\d{1,2}(?![./]?\d)", window[used:]
        )  # "mercredi 14/10": the date confirms the day
        if dated and weekday:
            used += dated.end()
        later = _AND_WEEKDAY.match(window[used:])
        if later and weekday:  # "between Saturday and Monday": the Monday after that Saturday
            upper = (lexicon.WEEKDAYS[later.group(1).lower()] - base.weekday()) % 7
            offset = upper if upper > offset else upper + 7
            used += later.end()
            dated = rx.match(r"\s+\d{1,2}[./]\d{1,2}(?![./]?\d)", window[used:])
            used += dated.end() if dated else 0
        day = (base + timedelta(days=offset)).replace(hour=0, minute=0, second=0, microsecond=0)
    elif _DAY_MONTH.match(window):  # "mer 14.10 – ven 16.10": day and month, no year
        pairs = list(_DAY_MONTH_ANY.finditer(window[:40]))
        between = window[pairs[0].end() : pairs[1].start()] if len(pairs) > 1 else ""
        last = pairs[-1] if len(pairs) > 1 and rx.search(r"[-–—]|bis|al|au", between) else pairs[0]
        try:
            day = reference.replace(month=int(last.group(2)), day=int(last.group(1)), hour=0, minute=0, second=0)
        except ValueError:
            return None, 0
        if (reference - day).days > 183:
            day = day.replace(year=day.year + 1)
        used = last.end()
    elif zh_slash:
        try:
            day = reference.replace(
                month=int(zh_slash.group(1)), day=int(zh_slash.group(2)), hour=0, minute=0, second=0
            )
        except ValueError:
            return None, 0
        used = zh_slash.end()
    if day is None:
        return None, 0
    reach = used + 40
    # from the day's last character: the date's pattern may have eaten the line break after it
    line_end = _line_end(lines, max(0, offset_used + used - 1)) if lines else -1
    if line_end >= 0:
        reach = min(reach, line_end - offset_used)
    clocks = list(_CLOCK.finditer(window[used:reach]))
    if clocks:  # "by 1 pm", "5 p.m. - 10 p.m.", "bis 20:00 Uhr": the last time named
        timed = _with_clock(day, clocks[-1], window[used : used + clocks[-1].start()])
        if timed is not None:
            return timed, offset_used + used + clocks[-1].end()
    return end_of_day(day), offset_used + used


def _line_end(lines: str, start: int) -> int:
    """Where the sentence's line ends: a line wrapped mid-sentence ("mellan\nkl. 08:00") goes on."""
    end = lines.find("\n", start)
    while end > 0 and _WRAP.match(lines, end - 1):
        end = lines.find("\n", end + 1)
    return end


_WRAP = guarded(r"[\w,][ \t]*\n[ \t]*[a-zà-ÿ\d]")
_DAY_MONTH = guarded(r"^\s*(?:[A-Za-zà-ÿ]{2,10}\.?,?\s+)?(\d{1,2})\.(\d{1,2})(?![\d.])")
_DAY_MONTH_ANY = guarded(r"(?<![\d.])(\d{1,2})\.(\d{1,2})(?![\d])")
_RANGE_DASH = guarded(r"\s*(?:[-–—~]|to)\s*", re.I)
_LEAD = guarded(
    r"(?:by|before|until|no later than|eta|bis(?:\s+zum)?|vor|avant(?:\s+le)?|au plus tard(?:\s+le)?|d'ici|entro|antes\s+del?|do|tr[ưu][ớo]c|sebelum|(?:vào )?lúc|pukul|עד|до)\s+",
    re.I,
)
