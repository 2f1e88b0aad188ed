"""Working days: the calendar arithmetic every deadline rests on (durations: `durations.py`).

Chinese mail counts Chinese working days: weekends and public holidays off, make-up working days
(调休) on, from `chinese-calendar`. That package covers the years the State Council has
published; for a later year (2027 as of late 2026) we fall back to the `holidays` package, which
knows the holidays but not the make-up days, and mark the result provisional. Other mail counts
Monday-Friday business days. "N workdays from T" keeps T's time of day (domain.md).
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


@lru_cache(maxsize=16)
def _china_holidays(year: int) -> holidays.HolidayBase:
    import holidays  # only for years chinese-calendar does not cover yet

    return holidays.China(years=year)


BUSINESS_DAYS = WorkdayCalendar()
CHINESE_WORKDAYS = ChineseWorkdays()


def calendar_for(lang: str | None, currency: str | None = None) -> WorkdayCalendar:
    """Chinese working days for Chinese-language mail and CNY orders; business days otherwise."""
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
