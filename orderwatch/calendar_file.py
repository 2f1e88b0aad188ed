"""Open deadlines as an iCalendar file (icalendar), so they show on the phone's calendar.

Every open deadline is listed: the alerts due now (already overdue, so the event lies in the
past and says so) and those still ahead, plus the promises not yet due. Times are written in UTC
(RFC 5545 form "…Z"), which every reader shows in the phone's own zone and which needs no
VTIMEZONE; titles and descriptions are in the order's language, for a person.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from orderwatch import cases
from orderwatch.domain.model import Alert
from orderwatch.wording import word


def write_calendar(views: list[cases.CaseView], alerts: list[Alert], at: datetime, path: Path) -> int:
    """Every open deadline at `at`: each alert (due or ahead) and each promise not yet due."""
    cal = Calendar()
    cal.add("prodid", "-//orderwatch//deadlines//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "orderwatch")
    stamp = at.astimezone(UTC)
    count = 0
    for alert in alerts:
        title = f"{_order_word(alert.lang)} {alert.order_no}: {word('alert', alert.kind, alert.lang)}"
        if alert.due_at <= at:
            title = f"{title} ({'已逾期' if alert.lang == 'zh' else 'overdue'})"
        uid = f"{alert.ref}|{alert.kind}|{alert.due_at.isoformat()}"
        cal.add_component(_event(uid, alert.due_at, title, alert.next_step, stamp))
        count += 1
    for view in views:
        o = view.order
        if o.promised_by and o.promised_by > at and o.status in ("awaiting_delivery", "shipped"):
            lang = view.facts.lang
            title = f"{_order_word(lang)} {o.order_no}: {word('alert', 'promise', lang)}"
            phrase = view.facts.promise_phrase or ""
            description = "\n".join(x for x in (phrase, o.merchant, o.item) if x)
            cal.add_component(
                _event(f"{o.ref}|promise|{o.promised_by.isoformat()}", o.promised_by, title, description, stamp)
            )
            count += 1
    path.write_bytes(cal.to_ical())
    return count


def _order_word(lang: str) -> str:
    return word("page", "order", lang)


def _event(uid: str, due: datetime, summary: str, description: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid.replace(" ", "") + "@orderwatch")
    event.add("summary", summary)
    event.add("description", description)
    event.add("dtstart", (due - timedelta(minutes=30)).astimezone(UTC))
    event.add("dtend", due.astimezone(UTC))
    event.add("dtstamp", stamp)
    return event
