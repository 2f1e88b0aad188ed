"""Each clock on hand-built events: no parser, no database, no CLI.

Rows of domain.md's "The default rules, precisely" and the conversation classes: grants that
answer and start the refund clock, decisions with stated review periods, acknowledgements with
their own deadlines, outside bodies with their own clocks, workdays across holidays with make-up
days, business days across weekends, "within 24 hours" on the clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from orderwatch.domain import clocks
from orderwatch.domain.clocks import CLOCKS, Inputs
from orderwatch.domain.model import Event
from orderwatch.domain.rulebook import Rulebook
from orderwatch.domain.rules import evaluate
from orderwatch.domain.state import fold
from orderwatch.domain.timeline import Case, Facts

CN = timezone(timedelta(hours=8))
NY = timezone(timedelta(hours=-4))
RULES = Rulebook()


def at(text: str, tz: timezone = CN) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=tz)


def ev(kind: str, when: datetime, role: str = "inbox", **fields: object) -> Event:
    return Event(kind=kind, at=when, fields=fields, order_no="A1", role=role, sender="desk@shop.example")


def facts(
    paid: datetime, promised_by: datetime | None = None, kind: str = "deliver", lang: str = "zh", **extra: object
) -> Facts:
    base = {
        "amount": "100.00",
        "currency": "CNY" if lang == "zh" else "USD",
        "merchant": "shop",
        "platform_name": None,
        "marketplace": False,
        "shop_domain": "shop.example",
        "item": "item",
        "lang": lang,
        "virtual": False,
        "ordered_at": paid,
        "paid_at": paid,
        "promised_by": promised_by,
        "promise_kind": kind,
        "promise_source": "stated",
        "promise_phrase": "stated",
        "provisional": False,
    }
    return Facts(**{**base, **extra})


def due(events: list[Event], f: Facts, when: datetime) -> dict[str, datetime]:
    case = Case("A1", "shop", sorted(events, key=lambda e: e.at))
    return {d.kind: d.due_at for d in evaluate(case, f, RULES, when).dues}


def one(clock, events: list[Event], f: Facts, when: datetime):
    case = Case("A1", "shop", sorted(events, key=lambda e: e.at))
    return clock(Inputs(fold(case, f, when), f, RULES, "shop"))


PAID = at("2026-03-10 10:00")


def test_registry_lists_every_alert_kind_once() -> None:
    from orderwatch.domain.model import ALERT_KINDS

    assert sorted(c.__name__ for c in CLOCKS) == sorted(ALERT_KINDS)


# --- delivery_overdue ---------------------------------------------------------------------


def test_delivery_overdue_after_the_promise_and_not_before() -> None:
    f = facts(PAID, at("2026-03-10 10:30"))
    events = [ev("ordered", PAID)]
    assert one(clocks.delivery_overdue, events, f, at("2026-03-10 10:29")) is None
    assert one(clocks.delivery_overdue, events, f, at("2026-03-10 10:31")).due_at == at("2026-03-10 10:30")


def test_a_ship_promise_is_kept_by_a_shipment_a_deliver_promise_only_by_delivery() -> None:
    events = [ev("ordered", PAID), ev("shipped", at("2026-03-10 10:20"))]
    later = at("2026-03-11 09:00")
    assert one(clocks.delivery_overdue, events, facts(PAID, at("2026-03-10 10:30"), kind="ship"), later) is None
    assert one(clocks.delivery_overdue, events, facts(PAID, at("2026-03-10 10:30")), later) is not None


def test_a_new_delivery_promised_after_the_goods_came_is_kept_only_by_a_later_delivery() -> None:
    """A key that did not work, and the shop's "今晚21点前补发一张新的": the first key keeps no new promise."""
    first = ev("delivered", at("2026-04-21 13:06"), how="virtual")
    sent = ev("complaint_sent", at("2026-04-21 15:20"), role="sent")
    answer = ev("platform_reply", at("2026-04-21 16:02"))
    promise = ev("promise", at("2026-04-21 16:02"), by="2026-04-21T21:00:00+08:00")
    f = facts(at("2026-04-21 13:05"), at("2026-04-21 21:00"))
    late = at("2026-04-21 22:30")
    assert one(clocks.delivery_overdue, [first, sent, answer, promise], f, late).due_at == at("2026-04-21 21:00")
    again = ev("delivered", at("2026-04-21 20:52"), how="virtual")
    assert one(clocks.delivery_overdue, [first, sent, answer, promise, again], f, late) is None


def test_a_seller_failure_keeps_delivery_overdue_and_a_complaint_ends_it() -> None:
    f = facts(PAID, at("2026-03-10 10:30"))
    failed = [ev("ordered", PAID), ev("problem", at("2026-03-10 10:40"), problem="failed")]
    assert one(clocks.delivery_overdue, failed, f, at("2026-03-10 12:00")) is not None
    complained = [*failed, ev("complaint_sent", at("2026-03-10 11:00"), role="sent")]
    assert one(clocks.delivery_overdue, complained, f, at("2026-03-10 12:00")) is None


def test_the_buyers_word_that_it_came_keeps_the_promise_but_answers_nothing() -> None:
    f = facts(PAID, at("2026-03-20 10:00"))
    said = at("2026-03-25 09:00")
    events = [
        ev("ordered", PAID),
        ev("complaint_sent", said, role="sent"),
        ev("delivered", said, role="sent", how="buyer"),  # "geliefert am 19.03., seitdem defekt"
    ]
    assert one(clocks.delivery_overdue, events, f, at("2026-03-30 10:00")) is None
    assert one(clocks.complaint_unanswered, events, f, at("2026-03-30 10:00")) is not None


def test_a_decision_on_the_order_after_its_promise_ends_delivery_overdue() -> None:
    f = facts(PAID, at("2026-03-11 10:00"))
    ruled = [ev("ordered", PAID), ev("decision", at("2026-03-12 16:00"), outcome="against")]  # a complaint by phone
    assert one(clocks.delivery_overdue, ruled, f, at("2026-03-13 09:00")) is None
    assert one(clocks.appeal_window, ruled, f, at("2026-03-13 09:00")) is not None


def test_a_decision_before_the_default_runs_out_ends_delivery_overdue_unless_a_time_is_given_after_it() -> None:
    """PayPal decides for the seller on a dispute about what came; the 30-day default, still running
    then, is moot. A seller's new time given after the decision runs its own clock again."""
    f = facts(PAID, at("2026-03-20 10:00"))
    ruled = [ev("ordered", PAID), ev("decision", at("2026-03-15 16:00"), outcome="against")]
    assert one(clocks.delivery_overdue, ruled, f, at("2026-03-21 09:00")) is None
    promised = [*ruled, ev("promise", at("2026-03-16 09:00"), by="2026-03-20T10:00:00+08:00")]
    assert one(clocks.delivery_overdue, promised, f, at("2026-03-21 09:00")) is not None


def test_a_dispute_opened_before_the_promise_ran_out_and_still_open_holds_delivery_overdue() -> None:
    """A PayPal dispute for an item not received, acknowledged before the 30-day default passed: the
    complaint's own clock is the step while it runs, not a second alert about the same delivery."""
    f = facts(PAID, at("2026-03-20 10:00"))
    events = [ev("ordered", PAID), ev("complaint_ack", at("2026-03-14 08:00"), desk="platform")]
    assert fold(Case("A1", "shop", events), f, at("2026-03-21 09:00")).status == "complaint_open"
    assert one(clocks.delivery_overdue, events, f, at("2026-03-21 09:00")) is None
    assert one(clocks.delivery_overdue, [ev("ordered", PAID)], f, at("2026-03-21 09:00")) is not None


# --- complaint_unanswered -----------------------------------------------------------------


def test_merchant_clock_is_24_hours_on_the_clock() -> None:
    f = facts(PAID)
    sent = ev("complaint_sent", at("2026-03-13 16:00"), role="sent")  # a Friday
    assert one(clocks.complaint_unanswered, [sent], f, at("2026-03-14 15:59")) is None
    assert one(clocks.complaint_unanswered, [sent], f, at("2026-03-14 16:01")).due_at == at("2026-03-14 16:00")


def test_platform_clock_counts_workdays_across_a_weekend() -> None:
    f = facts(PAID)
    ack = ev("complaint_ack", at("2026-03-20 16:05"), desk="platform")  # Friday; known only from the ack
    assert due([ack], f, at("2026-03-25 16:00")) == {}
    assert due([ack], f, at("2026-03-25 16:10"))["complaint_unanswered"] == at("2026-03-25 16:05")


def test_outside_body_seven_workdays_across_labour_day_with_the_make_up_saturday() -> None:
    f = facts(PAID)
    ack = ev("complaint_ack", at("2026-04-28 20:00"), desk="outside")
    # Wed 29, Thu 30, (May 1-5 off), Wed 6, Thu 7, Fri 8, Sat 9 (make-up), Mon 11
    assert due([ack], f, at("2026-05-11 21:00"))["complaint_unanswered"] == at("2026-05-11 20:00")
    assert "complaint_unanswered" not in due([ack], f, at("2026-05-11 19:00"))


def test_a_stated_handling_time_beats_the_default() -> None:
    ack = ev("complaint_ack", at("2026-03-12 09:05"), desk="platform", within="48 hours")
    assert due([ack], facts(PAID), at("2026-03-14 09:06"))["complaint_unanswered"] == at("2026-03-14 09:05")


@pytest.mark.parametrize("answer", ["platform_reply", "evidence_requested", "decision", "refund"])
def test_an_answer_from_that_side_ends_the_clock(answer: str) -> None:
    events = [ev("complaint_sent", at("2026-03-13 16:00"), role="sent"), ev(answer, at("2026-03-13 18:00"))]
    assert "complaint_unanswered" not in due(events, facts(PAID), at("2026-03-20 10:00"))


def test_an_outside_bodys_answer_does_not_answer_the_merchant() -> None:
    events = [
        ev("complaint_sent", at("2026-03-13 16:00"), role="sent"),
        ev("platform_reply", at("2026-03-13 18:00"), desk="outside"),
    ]
    assert "complaint_unanswered" in due(events, facts(PAID), at("2026-03-15 10:00"))


def test_money_granted_through_an_outside_body_settles_the_complaint_to_the_merchant_too() -> None:
    """Fair Trading relays "the trader has agreed to a full refund within 5 business days": the trader has
    answered through the body; the refund's own clock runs on."""
    events = [
        ev("complaint_sent", at("2026-03-13 16:00"), role="sent"),
        ev("complaint_ack", at("2026-03-16 10:00"), desk="outside"),
        ev("refund", at("2026-03-18 14:00"), desk="outside", state="granted", within="5 workdays"),
    ]
    found = due(events, facts(PAID, lang="en"), at("2026-03-30 10:00"))
    assert "complaint_unanswered" not in found and "refund_overdue" in found


def test_an_escalation_after_a_clock_ran_out_starts_a_new_clock_and_leaves_the_old_one_owing() -> None:
    events = [
        ev("complaint_sent", at("2026-03-13 16:00"), role="sent"),  # the merchant's 24 h end 03-14 16:00
        ev("complaint_sent", at("2026-03-15 09:00"), role="sent", target="outside"),  # a new clock, 7 workdays
    ]
    # domain.md: only an answer from that side ends a clock; the merchant still owes one
    assert due(events, facts(PAID), at("2026-03-16 10:00")) == {"complaint_unanswered": at("2026-03-14 16:00")}
    answered = [*events, ev("platform_reply", at("2026-03-16 11:00"))]
    assert due(answered, facts(PAID), at("2026-03-16 12:00")) == {}  # the outside body's runs to 03-24


def test_the_same_complaint_to_two_sides_runs_two_clocks_and_the_first_overdue_alerts() -> None:
    events = [
        ev("complaint_sent", at("2026-03-13 16:00"), role="sent"),  # merchant: due 03-14 16:00
        ev("complaint_sent", at("2026-03-13 16:05"), role="sent", target="outside"),  # 7 workdays
    ]
    assert "complaint_unanswered" not in due(events, facts(PAID), at("2026-03-14 12:00"))
    assert due(events, facts(PAID), at("2026-03-14 18:00"))["complaint_unanswered"] == at("2026-03-14 16:00")
    # the merchant's answer ends its own clock only; the outside body's keeps running
    answered = [*events, ev("platform_reply", at("2026-03-14 17:00"))]
    assert "complaint_unanswered" not in due(answered, facts(PAID), at("2026-03-16 10:00"))
    late = due(answered, facts(PAID), at("2026-03-30 10:00"))
    assert late["complaint_unanswered"] > at("2026-03-20 00:00")  # the 12315-style 7 workdays


# --- evidence_due -------------------------------------------------------------------------


def test_evidence_due_is_active_before_and_after_its_stated_time() -> None:
    request = ev("evidence_requested", at("2026-03-18 11:00"), due="2026-03-19T18:00:00+08:00")
    assert due([request], facts(PAID), at("2026-03-18 12:00"))["evidence_due"] == at("2026-03-19 18:00")
    assert "evidence_due" in due([request], facts(PAID), at("2026-03-20 12:00"))


def test_evidence_default_is_24_hours_and_sending_anything_ends_it() -> None:
    request = ev("evidence_requested", at("2026-03-18 11:00"))
    assert due([request], facts(PAID), at("2026-03-18 12:00"))["evidence_due"] == at("2026-03-19 11:00")
    sent = ev("complaint_sent", at("2026-03-18 20:00"), role="sent", subtype="evidence")
    assert "evidence_due" not in due([request, sent], facts(PAID), at("2026-03-18 21:00"))


def test_a_decision_after_the_request_spends_it() -> None:
    """The desk asked for screenshots, then decided without them: the decision's window counts, not the request."""
    request = ev("evidence_requested", at("2026-10-23 09:15"), due="2026-10-25T09:15:00+08:00")
    decision = ev("decision", at("2026-10-27 16:30"), outcome="against", appeal_within="3 days")
    clocks = due([request, decision], facts(PAID), at("2026-10-28 12:00"))
    assert "evidence_due" not in clocks
    assert clocks["appeal_window"] == at("2026-10-30 16:30")
    assert "evidence_due" in due([request], facts(PAID), at("2026-10-28 12:00"))


# --- appeal_window ------------------------------------------------------------------------


def test_appeal_window_is_open_for_24_hours_after_a_decision_against() -> None:
    decision = ev("decision", at("2026-03-07 09:30"), outcome="against")
    assert due([decision], facts(PAID), at("2026-03-08 09:29"))["appeal_window"] == at("2026-03-08 09:30")
    assert "appeal_window" not in due([decision], facts(PAID), at("2026-03-08 09:31"))


def test_a_stated_review_period_beats_the_default_and_an_appeal_closes_it() -> None:
    decision = ev("decision", at("2026-08-25 10:14", NY), outcome="against", appeal_within="10 days")
    f = facts(PAID, lang="en")
    assert due([decision], f, at("2026-08-27 09:00", NY))["appeal_window"] == at("2026-09-04 10:14", NY)
    appeal = ev("complaint_sent", at("2026-08-26 09:00", NY), role="sent", subtype="appeal")
    assert "appeal_window" not in due([decision, appeal], f, at("2026-08-27 09:00", NY))


def test_a_partial_decision_that_grants_money_opens_the_appeal_window_and_the_refund_clock() -> None:
    decision = ev("decision", at("2026-03-20 17:10"), outcome="partial", appeal_within="3 days")
    grant = ev("refund", at("2026-03-20 17:10"), state="granted", within="3 workdays")
    found = due([decision, grant], facts(PAID), at("2026-03-25 17:11"))
    assert found == {"refund_overdue": at("2026-03-25 17:10")}  # the 3-day window closed on the 23rd
    assert "appeal_window" in due([decision, grant], facts(PAID), at("2026-03-22 20:00"))


# --- refund_overdue -----------------------------------------------------------------------


def test_a_granted_refund_answers_the_complaint_and_starts_the_refund_clock() -> None:
    sent = ev("complaint_sent", at("2026-04-15 09:05", NY), role="sent")
    grant = ev("refund", at("2026-04-16 11:40", NY), state="granted", within="5 workdays")
    f = facts(PAID, lang="en")
    state = fold(Case("A1", "shop", [sent, grant]), f, at("2026-04-24 09:00", NY))
    assert state.status == "refund_pending"
    found = due([sent, grant], f, at("2026-04-24 09:00", NY))  # Thu 16 + 5 business days = Thu 23
    assert found == {"refund_overdue": at("2026-04-23 11:40", NY)}


def test_a_key_resent_after_the_complaint_leaves_the_order_delivered() -> None:
    """The first key was used; the desk answers with a new one: the re-delivery, not the first, counts."""
    first = ev("delivered", at("2026-07-10 15:31"), how="virtual")
    sent = ev("complaint_sent", at("2026-07-10 16:05"), role="sent")
    answer = ev("platform_reply", at("2026-07-10 17:48"))
    again = ev("delivered", at("2026-07-10 17:48"), how="virtual")
    f = facts(PAID)
    assert fold(Case("A1", "shop", [first, sent, answer]), f, at("2026-07-11 09:00")).status == "complaint_open"
    assert fold(Case("A1", "shop", [first, sent, answer, again]), f, at("2026-07-11 09:00")).status == "delivered"


def test_refund_default_three_workdays_across_spring_festival_with_make_up_saturday() -> None:
    grant = ev("refund", at("2026-02-12 11:00"), state="granted")  # a Thursday
    # Fri 13 (1), Sat 14 make-up workday (2), Feb 15-23 off, Tue 24 (3)
    assert due([grant], facts(PAID), at("2026-02-24 10:59")) == {}
    assert due([grant], facts(PAID), at("2026-02-24 11:01"))["refund_overdue"] == at("2026-02-24 11:00")


def test_refund_received_ends_the_refund_clock() -> None:
    grant = ev("refund", at("2026-03-13 10:00"), state="granted")
    received = ev("refund", at("2026-03-16 10:00"), state="received")
    assert due([grant, received], facts(PAID), at("2026-03-30 10:00")) == {}


def test_a_desks_grant_that_trails_the_refund_mail_owes_nothing_more() -> None:
    """The shop's "has been refunded" mail, then the agent's "I've refunded the full 27.50": paid."""
    received = ev("refund", at("2026-11-09 10:12", NY), state="received", amount="27.50", currency="GBP")
    grant = ev("refund", at("2026-11-09 10:14", NY), state="granted", amount="27.50", currency="GBP")
    f = facts(PAID, lang="en")
    assert fold(Case("A1", "shop", [received, grant]), f, at("2026-11-20 12:00", NY)).status == "refunded"
    assert due([received, grant], f, at("2026-11-20 12:00", NY)) == {}


def test_a_later_grant_of_more_money_or_weeks_later_is_still_owed() -> None:
    received = ev("refund", at("2026-11-09 10:12", NY), state="received", amount="10.00", currency="GBP")
    more = ev("refund", at("2026-11-09 12:00", NY), state="granted", amount="27.50", currency="GBP")
    later = ev("refund", at("2026-11-20 12:00", NY), state="granted", amount="10.00", currency="GBP")
    f = facts(PAID, lang="en")
    assert fold(Case("A1", "shop", [received, more]), f, at("2026-11-12 12:00", NY)).status == "refund_pending"
    assert fold(Case("A1", "shop", [received, later]), f, at("2026-11-21 12:00", NY)).status == "refund_pending"


def test_within_24_hours_runs_on_the_clock_across_a_weekend() -> None:
    grant = ev("refund", at("2026-05-08 16:00", NY), state="granted", within="24 hours")  # a Friday
    assert due([grant], facts(PAID, lang="en"), at("2026-05-09 16:01", NY)) == {
        "refund_overdue": at("2026-05-09 16:00", NY)
    }


# --- complaint_window ---------------------------------------------------------------------


def test_complaint_window_warns_within_48_hours_of_its_close() -> None:
    f = facts(PAID, at("2026-03-10 10:30"))
    events = [ev("ordered", PAID)]
    assert "complaint_window" not in due(events, f, at("2026-03-14 10:00"))  # closes in 72 h
    assert due(events, f, at("2026-03-16 10:00"))["complaint_window"] == at("2026-03-17 10:00")
    assert "complaint_window" not in due(events, f, at("2026-03-17 10:01"))  # closed


def test_complaint_window_needs_a_problem_and_no_complaint() -> None:
    f = facts(PAID, at("2026-03-20 10:30"))  # not overdue at T
    assert "complaint_window" not in due([ev("ordered", PAID)], f, at("2026-03-16 10:00"))
    failed = [ev("ordered", PAID), ev("problem", at("2026-03-10 11:00"))]
    assert "complaint_window" in due(failed, f, at("2026-03-16 10:00"))
    complained = [*failed, ev("complaint_sent", at("2026-03-11 11:00"), role="sent")]
    assert "complaint_window" not in due(complained, f, at("2026-03-16 10:00"))


def test_a_refund_date_the_grant_states_beats_the_default() -> None:
    grant = ev("refund", at("2026-05-15 10:00"), state="granted", due="2026-05-22T23:59:59+08:00")
    assert due([grant], facts(PAID), at("2026-05-22 23:00")) == {}
    assert due([grant], facts(PAID), at("2026-05-23 09:00"))["refund_overdue"] == at("2026-05-22 23:59:59")


# --- this session's domain rules, on events ----------------------------------------------


def test_one_parcel_of_two_delivered_keeps_the_delivery_promise_open() -> None:
    f = facts(PAID, at("2026-03-12 23:59"))
    parcels = [
        ev("ordered", PAID),
        ev("shipped", at("2026-03-10 12:00"), tracking_no="DHL001"),
        ev("shipped", at("2026-03-10 13:00"), tracking_no="HRM002"),
        ev("delivered", at("2026-03-11 10:00"), tracking_no="DHL001"),
    ]
    assert one(clocks.delivery_overdue, parcels, f, at("2026-03-13 10:00")) is not None
    both = [*parcels, ev("delivered", at("2026-03-12 18:00"), tracking_no="HRM002")]
    assert one(clocks.delivery_overdue, both, f, at("2026-03-13 10:00")) is None
    unnamed = [*parcels[:3], ev("delivered", at("2026-03-11 10:00"))]  # a notice naming no parcel delivers the order
    assert one(clocks.delivery_overdue, unnamed, f, at("2026-03-13 10:00")) is None


def test_a_ticket_only_closed_answers_no_complaint() -> None:
    f = facts(PAID)
    sent = ev("complaint_sent", at("2026-03-13 09:00"), role="sent")
    closed = ev("platform_reply", at("2026-03-13 12:00"), closed_only=True)
    assert "complaint_unanswered" in due([sent, closed], f, at("2026-03-14 10:00"))
    answered = ev("platform_reply", at("2026-03-13 12:00"))
    assert "complaint_unanswered" not in due([sent, answered], f, at("2026-03-14 10:00"))


def test_a_decision_against_after_a_partial_credit_opens_the_appeal_window() -> None:
    f = facts(PAID)
    events = [
        ev("complaint_sent", at("2026-03-11 09:00"), role="sent"),
        ev("refund", at("2026-03-12 09:00"), state="received", amount="30.00"),
        ev("decision", at("2026-03-15 09:00"), outcome="against"),
    ]
    assert due(events, f, at("2026-03-15 20:00"))["appeal_window"] == at("2026-03-16 09:00")
    earlier = [events[0], events[2], ev("refund", at("2026-03-15 10:00"), state="received", amount="100.00")]
    assert "appeal_window" not in due(earlier, f, at("2026-03-15 20:00"))  # the money came after: settled


# --- the order's status after a complaint ---------------------------------------------------


@pytest.mark.parametrize(
    ("shipped_at", "status"), [("2026-03-20 15:00", "shipped"), ("2026-03-19 15:00", "complaint_open")]
)
def test_a_complaint_the_shop_settles_by_shipping_leaves_the_order_shipped(shipped_at: str, status: str) -> None:
    """The buyer asked where the parcel is and the shop shipped it after, which answers: nothing is
    still contested. A complaint about a parcel that had already gone out stays open."""
    sent = ev("complaint_sent", at("2026-03-20 09:00"), role="sent")
    shipped = ev("shipped", at(shipped_at), tracking_no="906722015518")
    f = facts(PAID, at("2026-03-15 23:59"), kind="ship")
    state = fold(Case("A1", "shop", [sent, shipped]), f, at("2026-03-22 10:00"))
    assert state.status == status


def test_a_new_time_given_in_answer_to_a_complaint_and_missed_makes_a_problem() -> None:
    """The shop answered the complaint with a new date and let it pass: the complaint is spent and
    the order is overdue again (a problem), not a complaint still waiting for its answer."""
    sent = ev("complaint_sent", at("2026-03-20 09:00"), role="sent")
    answer = ev("platform_reply", at("2026-03-20 15:00"))
    new_time = ev("promise", at("2026-03-20 15:00"), by="2026-03-24T23:59:59+08:00")
    f = facts(PAID, at("2026-03-24 23:59"), kind="ship")
    state = fold(Case("A1", "shop", [sent, answer, new_time]), f, at("2026-03-26 10:00"))
    assert state.status == "problem"
    unanswered = fold(Case("A1", "shop", [sent, new_time]), f, at("2026-03-26 10:00"))
    assert unanswered.status == "complaint_open"  # a time given with no answer to the complaint leaves it open


def test_a_reminder_restating_a_time_from_payment_counts_from_the_payment_not_from_itself() -> None:
    from orderwatch.domain.timeline import facts as facts_of

    paid = at("2026-06-08 21:13")
    promised = {"promise": "deliver", "within": "72 hours", "anchor": "payment", "stated": True}
    first = ev("promise", paid, by="2026-06-11T21:13:00+08:00", **promised)
    reminder = at("2026-06-10 09:02")  # "慢充订单将在支付成功后72小时内到账", restated in a progress reminder
    events = [ev("ordered", paid), ev("paid", paid), first]
    later = ev("promise", reminder, by="2026-06-13T09:02:00+08:00", anchor_named=True, **promised)
    case = Case("A1", "shop", [*events, later])
    assert facts_of(case, RULES).promised_by == at("2026-06-11 21:13")
    unnamed = ev("promise", reminder, by="2026-06-13T09:02:00+08:00", **promised)  # "72小时内" counted from the mail
    assert facts_of(Case("A1", "shop", [*events, unnamed]), RULES).promised_by == at("2026-06-13 09:02")


def test_out_for_delivery_today_keeps_the_window_an_earlier_mail_gave_for_that_day() -> None:
    from orderwatch.domain.promises import restated_day

    window = ev("promise", at("2026-11-10 19:32"), by="2026-11-12T21:00:00+08:00", phrase="12 November, 7am-9pm")
    today = ev("promise", at("2026-11-12 07:05"), by="2026-11-12T23:59:59+08:00", phrase="delivery today")
    assert restated_day([window, today], at("2026-11-12 23:59:59")) == at("2026-11-12 21:00")
    counted = ev("promise", at("2026-11-10 19:32"), by="2026-11-12T20:31:07+08:00", within="2 workdays")
    assert restated_day([counted, today], at("2026-11-12 23:59:59")) == at("2026-11-12 23:59:59")
    later = ev("promise", at("2026-11-12 07:05"), by="2026-11-13T23:59:59+08:00")
    assert restated_day([window, later], at("2026-11-13 23:59:59")) == at("2026-11-13 23:59:59")


def test_a_carriers_day_of_estimate_shortens_no_shops_window_to_an_earlier_day() -> None:
    """Round GX: the shop's 'entre le 17.11 et le 19.11', then Colissimo's 'livré aujourd'hui' on the 18th."""
    from orderwatch.domain.promises import governing

    shop = ev("promise", at("2026-11-13 08:52"), by="2026-11-19T23:59:59+08:00")
    carrier = ev("promise", at("2026-11-18 07:46"), by="2026-11-18T23:59:59+08:00", carrier_only=True)
    assert governing([shop, carrier]) is shop
    slot = ev("promise", at("2026-11-19 07:46"), by="2026-11-19T15:00:00+08:00", carrier_only=True)
    assert governing([shop, slot]) is slot  # the same day, narrowed to its slot
    delay = ev("promise", at("2026-11-19 07:46"), by="2026-11-21T23:59:59+08:00", carrier_only=True)
    assert governing([shop, delay]) is delay and governing([]) is None


def test_a_carrier_moves_no_shops_deadline_either_way() -> None:
    """Round HB: the shop's 'bis Mittwoch' or 'avant 13h' binds; DHL's 'heute zwischen 10:00 - 14:00' narrows
    it no more than a carrier's later day extends it."""
    from orderwatch.domain.promises import governing

    deadline = ev("promise", at("2026-11-16 17:05"), by="2026-11-18T23:59:59+08:00", limit=True)
    slot = ev("promise", at("2026-11-18 07:41"), by="2026-11-18T14:00:00+08:00", carrier_only=True)
    later = ev("promise", at("2026-11-18 20:17"), by="2026-11-19T23:59:59+08:00", carrier_only=True)
    assert governing([deadline, slot]) is deadline and governing([deadline, later]) is deadline
    shops_new_word = ev("promise", at("2026-11-19 09:00"), by="2026-11-20T23:59:59+08:00")
    assert governing([deadline, slot, shops_new_word]) is shops_new_word  # the shop's own later word still governs
    assert governing([slot]) is slot  # a carrier's word alone is all there is
