"""Which of an order's stated promises governs, and the day a later one restates."""

from __future__ import annotations

from datetime import datetime

from orderwatch.domain.model import Event


def governing(stated: list[Event]) -> Event | None:
    """The latest promise the seller states governs; the earlier ones stay on the timeline.

    A carrier's estimate is not the seller's word. It may refine a shop's estimate of the same day
    ("Livraison estimée : jeudi 12" then the carrier's "entre 14:00 et 15:00") or follow a later one, but it
    never moves a shop's deadline ("bis Mittwoch", "avant 13h") either way, and never an estimate to an
    earlier day ("livré aujourd'hui" on the 18th under "17-19")."""
    if not stated:
        return None
    latest = stated[-1]
    shops = [e for e in stated if not e.fields.get("carrier_only")]
    if not latest.fields.get("carrier_only") or not shops:
        return latest
    shop = shops[-1]
    if shop.fields.get("limit") or _by(shop).date() > _by(latest).date():
        return shop
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
