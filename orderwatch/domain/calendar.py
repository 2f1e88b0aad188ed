"""Working days: the calendar arithmetic every deadline rests on (durations: `durations.py`).

Chinese mail counts Chinese working days: weekends and public holidays off, make-up working days
(调休) on, from `chinese-calendar`. That package covers the years the State Council has
published; for a later year (2027 as of late 2026) we fall back to the `holidays` package, which
knows the holidays but not the make-up days, and mark the result provisional. Other mail counts
Monday-Friday business days; a Taiwanese, Hong Kong or Macau order (by its currency) counts that region's
own public holidays off. "N workdays from T" keeps T's time of day (domain.md).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import holidays


class WorkdayCalendar:
    name = "business"

    def is_workday(self, day: date) -> bool:
        return day.weekday() < 5

    def is_provisional(self, day: date) -> bool:
        return False


class ChineseWorkdays(WorkdayCalendar):
    name = "cn"

    def is_workday(self, day: date) -> bool:
        import chinese_calendar  # imported on first use: most runs count no Chinese workdays

        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            return day.weekday() < 5 and day not in _china_holidays(day.year)

    def is_provisional(self, day: date) -> bool:
        import chinese_calendar

        try:
            chinese_calendar.is_workday(day)
        except NotImplementedError:
            return True
        return False


class RegionWorkdays(WorkdayCalendar):
    """Monday-Friday without one region's public holidays: Taiwan's, Hong Kong's, Macau's, which the
    mainland calendar gets wrong (教師節 and 光復節 off in Taiwan; no 国庆 week in Hong Kong)."""

    def __init__(self, region: str, categories: tuple[str, ...] = ("public",)) -> None:
        self.name = region.lower()
        self.region = region
        self.categories = categories

    def is_workday(self, day: date) -> bool:
        return day.weekday() < 5 and day not in _region_holidays(self.region, self.categories, day.year)


@lru_cache(maxsize=16)
def _china_holidays(year: int) -> holidays.HolidayBase:
    import holidays  # only for years chinese-calendar does not cover yet

    return holidays.China(years=year)


@lru_cache(maxsize=32)
def _region_holidays(region: str, categories: tuple[str, ...], year: int) -> holidays.HolidayBase:
    import holidays

    return holidays.country_holidays(region, years=year, categories=categories)


BUSINESS_DAYS = WorkdayCalendar()
CHINESE_WORKDAYS = ChineseWorkdays()
# the currencies of the Chinese-writing regions that keep their own holidays
# (Macau's "public" holidays are the few an employer must give; offices and banks close on the government's too)
_REGION_OF_CURRENCY = {
    "TWD": RegionWorkdays("TW"),
    "HKD": RegionWorkdays("HK"),
    "MOP": RegionWorkdays("MO", ("public", "government")),
}


def calendar_for(lang: str | None, currency: str | None = None) -> WorkdayCalendar:
    """A Taiwanese, Hong Kong or Macau order's own working days; Chinese working days for other
    Chinese-language mail and CNY orders; business days otherwise."""
    if currency in _REGION_OF_CURRENCY:
        return _REGION_OF_CURRENCY[currency]
    return CHINESE_WORKDAYS if lang == "zh" or currency == "CNY" else BUSINESS_DAYS


def add_workdays(start: datetime, n: int, calendar: WorkdayCalendar) -> tuple[datetime, bool]:
    """The n-th working day after start's date, at start's time of day."""
    day = start.date()
    provisional = False
    counted = 0
    while counted < n:
        day += timedelta(days=1)
        provisional = provisional or calendar.is_provisional(day)
        if calendar.is_workday(day):
            counted += 1
    return datetime.combine(day, start.timetz()), provisional
