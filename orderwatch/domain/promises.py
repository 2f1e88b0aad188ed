"""Which of an order's stated promises governs, and the day a later one restates."""

from __future__ import annotations

from datetime import datetime

from orderwatch.domain.model import Event


def governing(stated: list[Event]) -> Event | None:
    """The latest promise the seller states governs; the earlier ones stay on the timeline. A carrier's
    day-of estimate ("livré aujourd'hui" on the 18th) shortens no shop's promise ("17-19") to an earlier day."""
    if not stated:
        return None
    latest = stated[-1]
    shops = [e for e in stated if not e.fields.get("carrier_only")]
    if latest.fields.get("carrier_only") and shops and _by(shops[-1]).date() > _by(latest).date():
        return shops[-1]
    return latest


def restated_day(stated: list[Event], by: datetime) -> datetime:
    """ "Out for delivery today" restates a day given earlier with its window ("…, between 7am and 9pm")."""
    if (by.hour, by.minute, by.second) != (23, 59, 59):
        return by
    same_day = [
        when
        for e in stated[:-1]
        if not e.fields.get("within")  # a window written as such, not a duration counted to a minute
        and (when := _by(e)).astimezone(by.tzinfo).date() == by.date()
        and (when.hour, when.minute, when.second) != (23, 59, 59)
    ]
    return max(same_day) if same_day else by


def _by(promise: Event) -> datetime:
    return datetime.fromisoformat(str(promise.fields["by"]))
