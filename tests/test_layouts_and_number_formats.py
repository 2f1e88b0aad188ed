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


KST = timezone(timedelta(hours=9))


def test_czech_spaced_dates_and_a_carriers_notice_by_its_parcel_number() -> None:
    order = (
        "Číslo objednávky: 7001523964\nCelkem k úhradě: 12 990,00 Kč\nPředpokládané datum doručení: středa 18. 11. 2026"
    )
    raw = plain_mail(
        "Shop <obchod@shop.example.cz>", "Potvrzení objednávky", order, datetime(2026, 11, 13, 21, tzinfo=CET)
    )
    assert _events(raw)["promise"]["by"] == "2026-11-18T23:59:59+01:00"
    notice = "Vaše zásilka č. 40152238761 byla doručena.\n\nDoručeno: 18. 11. 2026 11:32"
    raw = plain_mail(
        "PPL <info@carrier.example.cz>", "Zásilka doručena", notice, datetime(2026, 11, 18, 11, 40, tzinfo=CET)
    )
    assert _events(raw)["delivered"]["tracking_no"] == "40152238761"


def test_a_slovak_cancellation_refunds_within_working_days() -> None:
    body = (
        "Vašu objednávku sme museli stornovať.\nČíslo objednávky: 3105528417\nStornovaná suma: 49,90 €\n"
        "Peniaze Vám vrátime do 5 pracovných dní na účet, z ktorého ste platili."
    )
    raw = plain_mail(
        "Shop <podpora@shop.example.sk>", "Objednávka stornovaná", body, datetime(2026, 11, 5, 16, tzinfo=CET)
    )
    assert _events(raw)["refund"]["within"] == "5 workdays"


def test_korean_arrival_labels_with_a_clock_or_a_relative_day() -> None:
    clock = "주문번호 : 2611161158384471\n도착 예정 시간 : 12:38\n결제금액 : 19,900원"
    raw = plain_mail(
        "요기요 <noreply@app.example.kr>", "주문이 접수되었습니다", clock, datetime(2026, 11, 16, 11, 58, tzinfo=KST)
    )
    assert _events(raw)["promise"]["by"] == "2026-11-16T12:38:00+09:00"
    dawn = "주문번호 : OA2611252103448812\n도착 예정 : 오늘(목) 아침 7시 전\n총 결제금액 : 36,200원"
    raw = plain_mail("마켓 <noreply@app.example.kr>", "배송 출발", dawn, datetime(2026, 11, 26, 2, 14, tzinfo=KST))
    assert _events(raw)["promise"]["by"] == "2026-11-26T07:00:00+09:00"


def test_a_korean_payment_cancellation_is_a_refund_still_on_its_way() -> None:
    body = (
        "주문번호 : 1023111312054731846\n- 순대국밥 x 2 ... 22,000원\n- 배달비 ... 2,800원\n"
        "결제 취소 금액 : 24,800원\n\n결제 취소가 완료되었습니다.\n"
        "환불은 카드사 사정에 따라 3~5영업일 소요될 수 있습니다."
    )
    raw = plain_mail(
        "앱 <noreply@app.example.kr>", "주문이 취소되었습니다", body, datetime(2026, 11, 13, 12, 24, tzinfo=KST)
    )
    refund = _events(raw)["refund"]
    assert (refund["state"], refund["within"], refund["order_amount"]) == ("granted", "5 workdays", "24800.00")


def test_a_complaint_naming_the_next_rung_is_addressed_to_its_recipient() -> None:
    body = (
        "주문번호 2611161158384471 라볶이가 빠졌습니다. 환불해 주세요.\n"
        "답변이 없으면 한국소비자원(1372 소비자상담센터)에 상담을 신청하겠습니다."
    )
    raw = plain_mail(
        "me <me@example.kr>",
        "주문 누락 문의",
        body,
        datetime(2026, 11, 16, 13, 5, tzinfo=KST),
        to="help@app.example.kr",
    )
    assert parsers.parse(raw, "sent").events[0].fields.get("target") != "outside"


def test_a_faka_delivery_that_holds_only_a_time_still_ahead_delivers_nothing() -> None:
    body = "订单号\n260514201241930857\n总计\n¥ 598.00\n发货内容\n本商品为人工代充，付款后2小时内到账。"
    raw = plain_mail(
        "小店 <shop@faka.example>", "【发货提醒】小店订单已发货", body, datetime(2026, 5, 14, 20, 13, tzinfo=CST)
    )
    events = _events(raw)
    assert "delivered" not in events and events["promise"]["within"] == "2 hours"


MSK = timezone(timedelta(hours=3))


def test_russian_shipping_tracking_delivery_and_refund() -> None:
    shipped = "Ваш заказ №1047 передан в службу доставки СДЭК.\n\nТрек-номер: 1482039571\nИтого: 3 480,00 руб."
    raw = plain_mail(
        "Лавка <shop@tea.example.ru>", "Заказ передан", shipped, datetime(2026, 11, 16, 15, 40, tzinfo=MSK)
    )
    assert _events(raw)["shipped"]["tracking_no"] == "1482039571"
    cancelled = (
        "К сожалению, мы вынуждены отменить заказ № 4107328851.\n\nДеньги в размере 8 499 ₽ вернутся на карту, "
        "с которой была произведена оплата, в течение 10 рабочих дней."
    )
    raw = plain_mail(
        "Магазин <info@shop.example.ru>", "Заказ отменён", cancelled, datetime(2026, 10, 27, 10, tzinfo=MSK)
    )
    assert _events(raw)["refund"]["within"] == "10 workdays"


def test_a_window_of_clocks_without_a_day_is_the_mails_own_day() -> None:
    body = "Je boodschappen komen eraan! Onze runner is tussen 18:20 en 18:40 bij je.\n\nBestelnummer: 307-118-4526"
    raw = plain_mail(
        "Picnic <hallo@app.example.nl>", "Je boodschappen komen eraan", body, datetime(2026, 11, 17, 17, 22, tzinfo=CET)
    )
    assert _events(raw)["promise"]["by"] == "2026-11-17T18:40:00+01:00"


def test_a_stated_appeal_period_wrapped_onto_the_next_line() -> None:
    body = (
        "Bestellung 7390441826: Leider können wir dir in diesem Fall keine Erstattung gewähren.\n\n"
        "Du bist mit dieser Entscheidung nicht einverstanden? Du kannst innerhalb von 7 Tagen\n"
        "Widerspruch einlegen."
    )
    raw = plain_mail(
        "Käuferschutz <schutz@market.example.de>", "Entscheidung", body, datetime(2026, 11, 16, 14, 30, tzinfo=CET)
    )
    decision = _events(raw)["decision"]
    assert (decision["outcome"], decision["appeal_within"]) == ("against", "7 days")


WIB = timezone(timedelta(hours=7))


def test_a_delivery_apps_receipt_that_states_when_it_was_delivered() -> None:
    body = (
        "ID pesanan: F-2291834756\nTerima kasih telah memesan GoFood\n\nTotal harga: Rp76.000\n"
        "Total pembayaran: Rp85.000\n\nDetail pengantaran:\nDiantarkan 14 November 2026 pukul 19:31\n"
    )
    raw = plain_mail(
        "Gojek <no-reply@app.example.id>", "Pesanan makananmu", body, datetime(2026, 11, 14, 19, 33, tzinfo=WIB)
    )
    events = _events(raw)
    assert events["ordered"]["amount"] == "85000.00" and "delivered" in events


def test_a_clock_before_its_day_and_a_delivered_verb_after_a_period() -> None:
    vi = "Mã đơn hàng: 261118937402615\nDự kiến giao lúc 12:35, 18/11/2026\nTổng cộng 125.000₫"
    raw = plain_mail(
        "ShopeeFood <no-reply@app.example.vn>", "Đặt hàng thành công", vi, datetime(2026, 11, 18, 11, 52, tzinfo=WIB)
    )
    assert _events(raw)["promise"]["by"] == "2026-11-18T12:35:00+07:00"
    de = "Bestellnummer: RWDE2610081163920\nIhr Paket wird innerhalb von 8-12 Werktagen nach dem Versand zugestellt."
    raw = plain_mail(
        "Shop <service@shop.example.de>", "Ihre Bestellung wurde versandt", de, datetime(2026, 10, 13, 16, tzinfo=CET)
    )
    assert _events(raw)["promise"]["promise"] == "deliver"


IST_IL = timezone(timedelta(hours=2))


def test_hebrew_order_mail_is_read() -> None:
    order = (
        "הזמנתך התקבלה ונמצאת בטיפול.\n\nמספר הזמנה: 8812345\nמועד אספקה משוער: עד 12/11/2026\n"
        'סה"כ לתשלום: ₪1,299.90 (כולל מע"מ)'
    )
    raw = plain_mail(
        "KSP <orders@shop.example.co.il>", "אישור הזמנה", order, datetime(2026, 11, 8, 14, 22, tzinfo=IST_IL)
    )
    events = _events(raw)
    assert (events["ordered"]["order_no"], events["ordered"]["amount"], events["ordered"]["currency"]) == (
        "8812345",
        "1299.90",
        "ILS",
    )
    assert events["promise"]["by"] == "2026-11-12T23:59:59+02:00"
    cancelled = (
        'ההזמנה שלך בוטלה.\n\nמספר הזמנה: 50817\nהזיכוי על סך 2,149.00 ש"ח יבוצע לכרטיס האשראי תוך 14 ימי עסקים.'
    )
    raw = plain_mail(
        "Shop <shop@shop.example.co.il>", "ההזמנה בוטלה", cancelled, datetime(2026, 11, 2, 11, 20, tzinfo=IST_IL)
    )
    events = _events(raw)
    assert events["refund"]["within"] == "14 workdays" and "promise" not in events


def test_bulgarian_shipping_and_a_cancellation_with_its_refund_period() -> None:
    shipped = (
        "Вашата поръчка № 3719264 от Ozone.bg е изпратена.\n\nОбщо: 89,90 € (175,83 лв.)\nТоварителница: 62045781390"
    )
    raw = plain_mail(
        "Ozone <shop@shop.example.bg>", "Поръчката е изпратена", shipped, datetime(2026, 11, 5, 10, tzinfo=IST_IL)
    )
    events = _events(raw)
    assert events["shipped"]["tracking_no"] == "62045781390"
    cancelled = "Поръчка № 1187 беше анулирана.\nСумата ще бъде възстановена в рамките на 5 работни дни."
    raw = plain_mail(
        "Shop <shop@shop.example.bg>", "Поръчка 1187", cancelled, datetime(2026, 11, 12, 14, tzinfo=IST_IL)
    )
    assert _events(raw)["refund"]["within"] == "5 workdays"
