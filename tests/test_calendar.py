"""Workday arithmetic against chinese-calendar's own answers, and across the 2026/2027 boundary."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import chinese_calendar
from hypothesis import given, settings
from hypothesis import strategies as st

from orderwatch.domain.calendar import BUSINESS_DAYS, CHINESE_WORKDAYS, add_workdays, calendar_for
from orderwatch.domain.durations import Duration, parse_duration
from orderwatch.domain.rulebook import Rulebook

CST = timezone(timedelta(hours=8))


def test_domain_examples() -> None:
    # 3 workdays from Wed 2026-09-30 15:06: National Day off, Sat 10-10 a make-up workday
    assert add_workdays(datetime(2026, 9, 30, 15, 6, tzinfo=CST), 3, CHINESE_WORKDAYS)[0] == datetime(
        2026, 10, 10, 15, 6, tzinfo=CST
    )
    # Friday 16:45 + 2 business days = Tuesday 16:45
    fri = datetime(2026, 5, 1, 16, 45, tzinfo=timezone(timedelta(hours=-4)))
    assert add_workdays(fri, 2, BUSINESS_DAYS)[0] == fri + timedelta(days=4)
    # Spring Festival 2026: 02-13 (1), Sat 02-14 make-up (2), 02-24 (3)
    assert add_workdays(datetime(2026, 2, 12, 11, 0, tzinfo=CST), 3, CHINESE_WORKDAYS)[0].date() == date(2026, 2, 24)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(2010, 1, 1), max_value=date(2026, 11, 30)), st.integers(min_value=1, max_value=15))
def test_matches_chinese_calendar(start: date, n: int) -> None:
    at = datetime(start.year, start.month, start.day, 9, 30, tzinfo=CST)
    result, provisional = add_workdays(at, n, CHINESE_WORKDAYS)
    expected = start
    counted = 0
    while counted < n:
        expected += timedelta(days=1)
        if chinese_calendar.is_workday(expected):
            counted += 1
    assert result.date() == expected and result.timetz() == at.timetz()
    assert provisional is False


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(2026, 12, 1), max_value=date(2027, 12, 20)), st.integers(min_value=1, max_value=10))
def test_2027_falls_back_and_says_so(start: date, n: int) -> None:
    at = datetime(start.year, start.month, start.day, 12, 0, tzinfo=CST)
    result, provisional = add_workdays(at, n, CHINESE_WORKDAYS)  # must not raise
    assert result > at
    assert provisional is (result.year >= 2027)
    if result.year >= 2027:
        assert CHINESE_WORKDAYS.is_workday(result.date())


def test_2027_holidays_are_off() -> None:
    assert not CHINESE_WORKDAYS.is_workday(date(2027, 1, 1))  # New Year's Day
    assert not CHINESE_WORKDAYS.is_workday(date(2027, 2, 8))  # Spring Festival


@given(st.integers(min_value=1, max_value=500), st.sampled_from(["minutes", "hours", "days"]))
def test_clock_durations_are_exact(amount: int, unit: str) -> None:
    start = datetime(2026, 3, 1, tzinfo=CST)
    result, provisional = Duration(amount, unit).after(start)
    assert result - start == timedelta(**{unit: amount}) and not provisional


def test_calendar_choice() -> None:
    assert calendar_for("zh") is CHINESE_WORKDAYS
    assert calendar_for("en", "CNY") is CHINESE_WORKDAYS
    assert calendar_for("en", "USD") is BUSINESS_DAYS


def test_rulebook_overrides() -> None:
    rules = Rulebook({"sla_platform": "5 workdays", "platforms": {"yunzhan-km": {"evidence": "48 hours"}}})
    assert rules.get("sla_platform") == Duration(5, "workdays")
    assert rules.get("evidence", "yunzhan-km") == Duration(48, "hours")
    assert rules.get("evidence", "other") == Duration(24, "hours")
    assert parse_duration("3 business days") == Duration(3, "workdays")
    for bad in ({"sla_nowhere": "1 hours"}, {"evidence": "soon"}):
        try:
            Rulebook(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad} accepted")


def test_taiwan_hong_kong_and_macau_orders_count_their_own_holidays() -> None:
    """東森購物's '3個工作天內' from Thu 2026-09-24: 中秋 (Fri 09-25) and 教師節 (Mon 09-28) are off in
    Taiwan, so the third working day is Thu 10-01; the mainland calendar would say Wed 09-30."""
    thu = datetime(2026, 9, 24, 16, 50, tzinfo=CST)
    assert calendar_for("zh", "TWD").name == "tw"
    assert add_workdays(thu, 3, calendar_for("zh", "TWD"))[0].date() == date(2026, 10, 1)
    assert add_workdays(thu, 3, calendar_for("zh", "CNY"))[0].date() == date(2026, 9, 30)
    # Hong Kong: the day after Chung Yeung (Mon 2026-10-19) is off; 5 working days from Tue 10-13 end Wed 10-21
    assert add_workdays(datetime(2026, 10, 13, 11, 0, tzinfo=CST), 5, calendar_for("zh", "HKD"))[0].date() == date(
        2026, 10, 21
    )
    assert calendar_for("zh", "MOP").name == "mo" and calendar_for("en", "USD") is BUSINESS_DAYS
