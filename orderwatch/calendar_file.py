"""Open deadlines as an iCalendar file (icalendar), so they show on the phone's calendar."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from orderwatch import cases
from orderwatch.domain.model import Alert

AHEAD = ("evidence_due", "appeal_window", "complaint_window")


def write_calendar(views: list[cases.CaseView], alerts: list[Alert], at: datetime, path: Path) -> int:
    """Deadlines still ahead of `at`: evidence, appeal and complaint windows, and promises not yet due."""
    cal = Calendar()
    cal.add("prodid", "-//orderwatch//deadlines//EN")
    cal.add("version", "2.0")
    count = 0
    for alert in alerts:
        if alert.kind in AHEAD and alert.due_at > at:
            cal.add_component(
                _event(
                    f"{alert.ref}|{alert.kind}|{alert.due_at.isoformat()}",
                    alert.due_at,
                    f"{alert.order_no}: {alert.kind}",
                    alert.next_step,
                )
            )
            count += 1
    for view in views:
        o = view.order
        if o.promised_by and o.promised_by > at and o.status in ("awaiting_delivery", "shipped"):
            cal.add_component(
                _event(
                    f"{o.ref}|promise|{o.promised_by.isoformat()}",
                    o.promised_by,
                    f"{o.order_no}: promised by",
                    view.facts.promise_phrase or "",
                )
            )
            count += 1
    path.write_bytes(cal.to_ical())
    return count


def _event(uid: str, due: datetime, summary: str, description: str) -> Event:
    event = Event()
    event.add("uid", uid.replace(" ", "") + "@orderwatch")
    event.add("summary", summary)
    event.add("description", description)
    event.add("dtstart", due - timedelta(minutes=30))
    event.add("dtend", due)
    event.add("dtstamp", due)
    return event
