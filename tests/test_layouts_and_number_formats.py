"""Layouts and number formats the cold-start rounds of session 25 found unread or misread: lakh
grouping, a label over its value, a broken promise told after the fact, a store pickup's date,
and long runs of blanks (a link blanked out, a flattened table) after a label or a date.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from orderwatch.parsers.fields import references
from orderwatch.parsers.fields.money import amounts

from orderwatch import parsers
from tests.support.mails import plain_mail

IST = timezone(timedelta(hours=5, minutes=30))
JST = timezone(timedelta(hours=9))
CST = timezone(timedelta(hours=8))
CET = timezone(timedelta(hours=1))


def _events(raw: bytes) -> dict[str, dict]:
    return {e.kind: {"order_no": e.order_no, **e.fields} for e in parsers.parse(raw).events}


def test_indian_grouping_in_lakhs_and_crores() -> None:
    found = [(str(m.amount), m.currency) for m in amounts("Order Total ₹1,24,999.00, earlier Rs. 12,34,567")]
    assert found == [("124999.00", "INR"), ("1234567.00", "INR")]
    # three-digit groups and a decimal comma still read as before
    assert [str(m.amount) for m in amounts("$1,299.00 and 1,24 €")] == ["1299.00", "1.24"]


def test_a_flea_markets_ship_time_under_its_label() -> None:
    body = "■取引ID\npf-2611052114-58820\n■お支払い金額\n3,480円\n■発送までの日数\n2〜3日\n"
    raw = plain_mail(
        "Yahoo!フリマ <noreply@example.jp>", "購入手続きが完了しました", body, datetime(2026, 11, 5, 21, 14, tzinfo=JST)
    )
    promise = _events(raw)["promise"]
    assert promise["promise"] == "ship" and promise["within"] == "3 days"


def test_a_promise_broken_and_told_after_the_fact_is_no_new_promise() -> None:
    body = "很抱歉，您购买的商品卖家未在48小时内发货，订单已自动关闭。\n订单编号：1764390215588201473\n退款：¥1,350.00"
    raw = plain_mail("转转 <notice@example.cn>", "订单已关闭", body, datetime(2026, 4, 2, 20, 6, tzinfo=CST))
    assert "promise" not in _events(raw)


def test_a_store_pickups_expected_date_is_the_shops_promise() -> None:
    body = (
        "Bestellnummer: 118944723305\nAbholung im Markt\n\n"
        "Voraussichtlich abholbereit am: Mittwoch, 18.11.2026\n\nGesamtsumme: 1.299,00 €"
    )
    raw = plain_mail(
        "Markt <service@markt.example>", "Deine Bestellung", body, datetime(2026, 11, 16, 9, 12, tzinfo=CET)
    )
    assert _events(raw)["promise"]["by"].startswith("2026-11-18T23:59:59")


def test_long_runs_of_blanks_after_a_label_or_a_date_read_as_before() -> None:
    blanks = " " * 80
    text = f"Order #1458\n\nView your order:{blanks}\nTotal: $20.00{blanks}\nShipped Nov 12{blanks}\n"
    assert [ref.value for ref in references(text, "")][:1] == ["1458"]
    raw = plain_mail(
        "Shop <orders@shop.example>", "Your order is on the way", text, datetime(2026, 11, 12, 9, tzinfo=CET)
    )
    assert _events(raw)["shipped"]["order_no"] == "1458"


def test_a_parcel_held_for_open_shipping_costs_is_a_lure() -> None:
    body = (
        "Ihr Paket mit der Bestellnummer DM-88412 konnte nicht zugestellt werden, da\n"
        "Versandkosten in Höhe von 1,99 € offen sind.\nBitte begleichen Sie den Betrag innerhalb von 24 Stunden:\n"
        "  https://versand-zahlung.example/paket?id=88412\n"
    )
    raw = plain_mail(
        "Versand <versand@apotheke-versand.example>", "Ihr Paket wartet", body, datetime(2026, 11, 22, tzinfo=CET)
    )
    assert parsers.parse(raw).kind == "noise"


ART = timezone(timedelta(hours=-3))


def test_a_delivery_apps_spanish_cancellation_refund_and_delivery() -> None:
    cancelled = (
        "Tu pedido fue cancelado\n\nPedido N° 1187362045\n"
        "No te preocupes: ya solicitamos el reembolso de $ 12.500 a tu Visa.\n"
        "El reembolso se verá reflejado en un plazo de 5 a 10 días hábiles.\n\nBuenos Aires, Argentina"
    )
    raw = plain_mail(
        "App <no-reply@app.example>", "Tu pedido fue cancelado", cancelled, datetime(2026, 11, 2, 21, tzinfo=ART)
    )
    refund = _events(raw)["refund"]
    assert (refund["amount"], refund["currency"], refund["within"]) == ("12500.00", "ARS", "10 workdays")
    delivered = "¡Tu pedido fue entregado!\n\nPedido #2194837561\nTotal pagado: $ 48.900"
    raw = plain_mail(
        "App <no-reply@app.example>", "¡Tu pedido fue entregado!", delivered, datetime(2026, 11, 14, 13, tzinfo=ART)
    )
    assert _events(raw)["delivered"]["order_no"] == "2194837561"


def test_a_japanese_delivery_time_and_a_bracketed_refund_amount() -> None:
    order = "■注文番号：1104827361\n■お届け予定時刻：2026年11月10日（火）19:40\nお支払い金額：￥3,280"
    raw = plain_mail(
        "出前館 <info@app.example.jp>", "ご注文が確定しました", order, datetime(2026, 11, 10, 19, 2, tzinfo=JST)
    )
    assert _events(raw)["promise"]["by"] == "2026-11-10T19:40:00+09:00"
    cancel = (
        "ご注文のキャンセル処理が完了いたしました。\n【ご注文番号】26110800214\n【ご返金額】26,800円（税込）\n"
        "ご入金いただいた代金は、2026年11月20日（金）までにご登録の口座へお振込みにてご返金いたします。"
    )
    raw = plain_mail(
        "通販 <shop@shop.example.jp>", "キャンセル受付", cancel, datetime(2026, 11, 12, 16, 30, tzinfo=JST)
    )
    assert (_events(raw)["refund"]["amount"], _events(raw)["refund"]["currency"]) == ("26800.00", "JPY")
