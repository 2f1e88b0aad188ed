"""How events find their order when a mail names none: pure, on events (no mail, no store).

An outside body's acknowledgement names the trader it is against ("被投诉方"), not the order; it
joins the one order whose shop that name contains, and none when the name fits two shops or none.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from orderwatch.domain.model import Event
from orderwatch.domain.timeline import link

CN = timezone(timedelta(hours=8))


def _at(day: int) -> datetime:
    return datetime(2026, 7, day, 10, tzinfo=CN)


def _order(number: str, merchant: str, day: int = 1) -> Event:
    return Event(
        kind="ordered",
        at=_at(day),
        order_no=number,
        fields={"merchant": merchant, "platform": merchant.lower(), "amount": "168.00", "currency": "CNY"},
        role="inbox",
        sender=f"noreply@{merchant.lower()}.example",
    )


def _body_ack(respondent: str) -> Event:
    return Event(
        kind="complaint_ack",
        at=_at(23),
        fields={"desk": "outside", "within": "7 workdays", "respondent": respondent},
        role="inbox",
        sender="noreply@12315.cn",
    )


def _joined(events: list[Event]) -> dict[str, list[str]]:
    return {case.order_no: [e.kind for e in case.events] for case in link(events)}


def test_an_outside_bodys_ack_joins_the_one_order_whose_shop_it_names() -> None:
    events = [
        _order("178455683031841702", "白鲸发卡"),
        _order("55012", "Teeladen"),
        _body_ack("杭州白鲸网络科技有限公司（白鲸发卡）"),
    ]
    assert _joined(events) == {"178455683031841702": ["ordered", "complaint_ack"], "55012": ["ordered"]}
    latin = [_order("4471", "Polsterwerk Ahrens"), _body_ack("Polsterwerk  Ahrens GmbH, Detmold")]
    assert _joined(latin) == {"4471": ["ordered", "complaint_ack"]}  # spaces and case folded


def test_a_name_that_fits_two_shops_or_a_short_name_joins_nothing() -> None:
    two = [_order("1", "白鲸发卡"), _order("2", "白鲸发卡", day=2), _body_ack("白鲸发卡")]
    assert _joined(two) == {"1": ["ordered"], "2": ["ordered"]}
    short = [_order("3", "ABC"), _body_ack("ABC Trading Ltd")]  # three Latin letters say too little
    assert _joined(short) == {"3": ["ordered"]}


def _own_complaint(*mentions: str) -> Event:
    return Event(
        kind="complaint_sent",
        at=_at(5),
        fields={"subtype": "complaint", "mentions": list(mentions)},
        role="sent",
        sender="buyer@example.net",
    )


def test_the_users_mail_joins_the_one_known_order_it_mentions() -> None:
    """ "Rank not received - tbx-6390…": no label, but a token that is an order already known."""
    events = [
        _order("tbx-63904751c28e14-3b7d2a", "Tebex"),
        _order("55012", "Teeladen"),
        _own_complaint("tbx-63904751c28e14-3b7d2a", "2026"),
    ]
    assert _joined(events) == {"tbx-63904751c28e14-3b7d2a": ["ordered", "complaint_sent"], "55012": ["ordered"]}


def test_a_mail_mentioning_two_known_orders_or_none_joins_nothing() -> None:
    two = [_order("4471", "Tebex"), _order("55012", "Teeladen"), _own_complaint("4471", "55012")]
    assert _joined(two) == {"4471": ["ordered"], "55012": ["ordered"]}
    unknown = [_order("4471", "Tebex"), _own_complaint("99887766")]
    assert _joined(unknown) == {"4471": ["ordered"]}


def _refund_receipt(number: str, merchant: str, amount: str = "168.00") -> Event:
    """Stripe's 'Your refund from X #3307-1158': the receipt's own number, not the payment it repays."""
    return Event(
        kind="refund",
        at=_at(20),
        order_no=number,
        fields={"state": "received", "amount": amount, "currency": "CNY", "merchant": merchant, "platform": "stripe"},
        role="inbox",
        sender="receipts@stripe.example",
    )


def test_a_refund_receipt_under_its_own_number_joins_the_one_order_of_that_shop_and_amount() -> None:
    cases = link([_order("1492-7730", "Hollin & Reed"), _refund_receipt("3307-1158", "Hollin & Reed")])
    assert [(c.order_no, [e.kind for e in c.events]) for c in cases] == [("1492-7730", ["ordered", "refund"])]
    other_amount = link([_order("1492-7730", "Hollin & Reed"), _refund_receipt("3307-1158", "Hollin & Reed", "9.00")])
    assert sorted(c.order_no for c in other_amount) == ["1492-7730", "3307-1158"]  # a partial refund stays apart
    two = link(
        [_order("A1", "Hollin & Reed"), _order("A2", "Hollin & Reed", 2), _refund_receipt("R9", "Hollin & Reed")]
    )
    assert sorted(c.order_no for c in two) == ["A1", "A2", "R9"]  # which of two? neither


def _complaint_to_shop(day: int, order_no: str) -> Event:
    return Event(
        kind="complaint_sent",
        at=_at(day),
        order_no=order_no,
        fields={"subtype": "complaint"},
        role="sent",
        sender="buyer@example.net",
    )


def _unnamed_body_ack(day: int) -> Event:
    """12315's SMS: "您于…提交的投诉（登记编号：…）已分送至…" names neither the order nor the trader."""
    return Event(
        kind="complaint_ack",
        at=_at(day),
        ticket_no="110105202607230417",
        fields={"desk": "outside"},
        role="inbox",
        sender="sms-relay@example.net",
    )


def test_a_bodys_ack_naming_nothing_escalates_the_one_order_complained_about() -> None:
    complained = _complaint_to_shop(5, "34621187520")
    events = [_order("34621187520", "当当"), _order("55012", "Teeladen"), complained, _unnamed_body_ack(23)]
    assert _joined(events) == {
        "34621187520": ["ordered", "complaint_sent", "complaint_ack"],
        "55012": ["ordered"],
    }


def test_an_unnamed_ack_joins_nothing_when_two_orders_or_none_were_complained_about() -> None:
    first, second = _complaint_to_shop(5, "1"), _complaint_to_shop(6, "2")
    two = [_order("1", "当当"), _order("2", "Teeladen"), first, second, _unnamed_body_ack(23)]
    assert _joined(two) == {"1": ["ordered", "complaint_sent"], "2": ["ordered", "complaint_sent"]}
    none = [_order("1", "当当"), _unnamed_body_ack(23)]
    assert _joined(none) == {"1": ["ordered"]}


def test_a_carrier_calling_another_orders_parcel_its_order_joins_that_order() -> None:
    shipped = Event(
        kind="shipped",
        at=_at(16),
        order_no="1047",
        fields={"tracking_no": "1482039571", "platform": "baikho"},
        role="inbox",
        sender="shop@baikho.example",
    )
    carrier = Event(
        kind="delivered",
        at=_at(19),
        order_no="1482039571",  # "Заказ № 1482039571 … вручён получателю": the carrier's own word for its parcel
        fields={"how": "carrier", "platform": "cdek"},
        role="inbox",
        sender="noreply@cdek.example",
    )
    assert _joined([shipped, carrier]) == {"1047": ["shipped", "delivered"]}


def test_a_payment_receipts_prefixed_invoice_number_joins_the_shops_order() -> None:
    receipt = Event(
        kind="ordered",
        at=_at(2),
        order_no="WC-10457",  # a shop engine's invoice prefix before its order number
        fields={"payment_service": True, "amount": "47.49", "currency": "EUR", "platform": "paypal"},
        role="inbox",
        sender="service@paypal.example",
    )
    assert _joined([_order("10457", "Pixelkasse"), receipt]) == {"10457": ["ordered", "ordered"]}
