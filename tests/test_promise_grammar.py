"""The delivery-promise grammar, tested hard: generated phrasings, ranges, dates, and traps."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

import pytest
from orderwatch.parsers.promise import find_promise

from orderwatch.domain.durations import Duration

REF = datetime(2026, 3, 10, 10, 0, tzinfo=timezone(timedelta(hours=8)))

ZH_NUMBERS = [("10", 10), ("三", 3), ("两", 2), ("十二", 12), ("48", 48), ("1", 1)]
ZH_UNITS = [
    ("分钟", "minutes"),
    ("小时", "hours"),
    ("个小时", "hours"),
    ("个工作日", "workdays"),
    ("工作日", "workdays"),
    ("天", "days"),
]
ZH_VERBS = [
    ("发货", "ship"),
    ("发出", "ship"),
    ("自动发卡", "deliver"),
    ("到账", "deliver"),
    ("开通", "deliver"),
    ("送达", "deliver"),
    ("完成充值", "deliver"),
]
ZH_FRAMES = [
    "{n}{u}内{v}",
    "付款后{n}{u}内{v}",
    "我们将在{n}{u}内{v}",
    "系统将在{n}{u}内为您{v}",
    "预计{n}{u}内{v}，请耐心等待",
    "卖家承诺：付款后{n}{u}内{v}",
]

EN_NUMBERS = [("2", 2), ("1", 1), ("24", 24), ("three", 3), ("5", 5)]
EN_UNITS = [
    ("business days", "workdays"),
    ("working days", "workdays"),
    ("hours", "hours"),
    ("days", "days"),
    ("minutes", "minutes"),
]
EN_VERBS = [
    ("ships", "ship"),
    ("is dispatched", "ship"),
    ("leaves our warehouse", "ship"),
    ("will be delivered", "deliver"),
    ("will be emailed to you", "deliver"),
    ("arrives", "deliver"),
]
EN_FRAMES = [
    "Your order {v} within {n} {u}.",
    "Every order {v} within {n} {u} of payment.",
    "Good news: it {v} within {n} {u}!",
]

ZH_CASES = [
    (frame.format(n=n, u=u, v=v), amount, unit, kind)
    for frame, (n, amount), (u, unit), (v, kind) in itertools.product(ZH_FRAMES, ZH_NUMBERS, ZH_UNITS, ZH_VERBS)
]
EN_CASES = [
    (frame.format(n=n, u=u, v=v), amount, unit, kind)
    for frame, (n, amount), (u, unit), (v, kind) in itertools.product(EN_FRAMES, EN_NUMBERS, EN_UNITS, EN_VERBS)
]


def test_there_are_hundreds() -> None:
    assert len(ZH_CASES) + len(EN_CASES) > 500


@pytest.mark.parametrize(("text", "amount", "unit", "kind"), ZH_CASES + EN_CASES)
def test_durations(text: str, amount: int, unit: str, kind: str) -> None:
    promise = find_promise(text, REF)
    assert promise is not None, text
    assert promise.within == Duration(amount, unit), text
    assert promise.kind == kind, text


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("预计1-3个工作日内发货", 3, "workdays"),
        ("1~2天内发货", 2, "days"),
        ("3至5个工作日内送达", 5, "workdays"),
        ("ships within 3-5 business days", 5, "workdays"),
        ("usually arrives in 2 to 4 business days", 4, "workdays"),
        ("24h内发货", 24, "hours"),
        ("1周内发货", 7, "days"),
        ("ships in two to three weeks", 21, "days"),
        ("Votre commande sera prête dans 2h.", 2, "hours"),
        ("賣家承諾移交時間：付款後 1 小時內", 1, "hours"),
        ("运费支付成功后，仓库将在3个工作日内完成打包并发出。", 3, "workdays"),
        ("電子票券序號將於付款完成後24小時內以Email及簡訊發送", 24, "hours"),
    ],
)
def test_ranges_mean_the_upper_bound(text: str, amount: int, unit: str) -> None:
    promise = find_promise(text, REF)
    assert promise is not None and promise.within == Duration(amount, unit)


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("预计3月13日18:00前发货", "2026-03-13T18:00:00+08:00", "ship"),
        ("最晚2026年3月20日前送达", "2026-03-20T23:59:59+08:00", "deliver"),
        ("Your order will be delivered by Friday 8 May 2026.", "2026-05-08T23:59:59+08:00", "deliver"),
        ("It arrives by 12 March.", "2026-03-12T23:59:59+08:00", "deliver"),
        ("Estimated delivery: Mar 12 - Mar 15", "2026-03-15T23:59:59+08:00", "deliver"),
        ("We will ship it no later than March 14, 2026 5:00 pm", "2026-03-14T17:00:00+08:00", "ship"),
        ("Expected ship date: 16 March 2026", "2026-03-16T23:59:59+08:00", "ship"),
        # a pickup slot promises the goods ready by its end; a window by the clock ends at its end
        ("Retrait : samedi 14 mars 2026 entre 10h00 et 11h00", "2026-03-14T11:00:00+08:00", "ship"),
        ("配送员预计10:10-10:40送达，请保持电话畅通。", "2026-03-10T10:40:00+08:00", "deliver"),
        ("廠商已重新安排配送，預計3/16（一）前送達。", "2026-03-16T23:59:59+08:00", "deliver"),
        ("目前確定將於 3/16（一）出貨。", "2026-03-16T23:59:59+08:00", "ship"),
        ("Livraison estimée : entre le mercredi 11/03 et le samedi 14/03", "2026-03-14T23:59:59+08:00", "deliver"),
        ("elle vous sera livrée au plus tard le jeudi 12 mars.", "2026-03-12T23:59:59+08:00", "deliver"),
        ("ils vous seront envoyés par e-mail au plus tard le\n15 mars 2026.", "2026-03-15T23:59:59+08:00", "deliver"),
        ("預計配達日：2026/03/18（三）", "2026-03-18T23:59:59+08:00", "deliver"),
        (
            "Your parcel is due to be delivered by Dean of Parcelforce today between 09:25 and 10:25.",
            "2026-03-10T10:25:00+08:00",
            "deliver",
        ),
    ],
)
def test_dates(text: str, expected: str, kind: str) -> None:
    promise = find_promise(text, REF)
    assert promise is not None and promise.by is not None, text
    assert promise.by == datetime.fromisoformat(expected)
    assert promise.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "订单完成后7天内如遇未发货、卡密无效等问题，可提交投诉",
        "如结果与您的需求不符，请在24小时内联系客服",
        "请在24小时内点击链接设置新密码",
        "You can open a dispute from your order page within 7 days of delivery.",
        "Refunds are processed within 5 business days.",
        "We reply within 24 hours on business days.",
        "Complete your order in the next 24 hours and shipping is on us.",
        "Please confirm your address within 48 hours, otherwise the parcel will be returned.",
        "全场卡密8折，单笔订单满200元再减5元",
        "If you disagree, you can appeal this decision within 24 hours.",
        "Un produit abîmé ou manquant ? Signalez-le depuis votre espace client sous 48h.",
    ],
)
def test_adversarial_phrases_are_not_promises(text: str) -> None:
    assert find_promise(text, REF) is None, text


def test_first_promise_wins() -> None:
    promise = find_promise("本商品10分钟内自动发卡。如遇高峰，24小时内发货。", REF)
    assert promise is not None and promise.within == Duration(10, "minutes")


def test_a_labelled_handling_deadline_is_read_without_a_closing_word() -> None:
    from orderwatch.parsers.durations import stated_deadline

    found = stated_deadline("處理期限：115/11/10（一般案件自收件次一工作天起六個工作天）", REF)
    assert found == datetime.fromisoformat("2026-11-10T23:59:59+08:00")


def test_next_week_in_a_reply_is_next_week() -> None:
    from orderwatch.parsers.replies import reply_promise

    friday = datetime(2026, 11, 13, 22, 47, tzinfo=timezone(timedelta(hours=8)))
    found = reply_promise("这两天在核对打包，下周三前给您发出。", friday)
    assert found is not None and found["by"] == "2026-11-18T23:59:59+08:00" and found["promise"] == "ship"
    monday = datetime(2026, 11, 9, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    found = reply_promise("下周三前给您发出。", monday)
    assert found is not None and found["by"] == "2026-11-18T23:59:59+08:00"  # not this week's Wednesday


def test_a_gift_from_someone_is_no_quoted_header_block() -> None:
    from orderwatch.parsers.quotes import new_text

    gift = "Your eGift Card is here!\nFrom: Hannah Clarke\nMessage: Treat yourself :)\nOrder number: 2481"
    assert "Order number: 2481" in new_text(gift)
    quoted = "Thanks!\n\nFrom: Shop <a@shop.example>\nSent: Monday\nTo: me\nSubject: Order 1\n\nold text"
    assert "old text" not in new_text(quoted)


def test_a_us_zone_in_brackets_is_that_zone_on_that_day() -> None:
    from orderwatch.parsers.fields import find_times

    pacific = datetime(2026, 7, 1, 19, 42, tzinfo=timezone(timedelta(hours=-7)))
    (summer,) = find_times("Scheduled - July 3, 2026, 8:00 AM (ET)", pacific)
    assert summer.at.utcoffset() == timedelta(hours=-4)
    (winter,) = find_times("Scheduled - December 3, 2026, 8:00 AM (ET)", pacific)
    assert winter.at.utcoffset() == timedelta(hours=-5)
    assert all(
        t.at.utcoffset() == timedelta(hours=-7) for t in find_times("entre 10h00 et 11h00 le 3 juillet 2026", pacific)
    )


@pytest.mark.parametrize(
    ("text", "amount", "unit", "kind"),
    [
        ("Every candle is hand-poured, so please allow 3-5 working days for dispatch.", 5, "workdays", "ship"),
        ("Please allow up to 10 business days for your order to arrive.", 10, "workdays", "deliver"),
    ],
)
def test_the_patience_a_shop_asks_for_is_its_promise(text: str, amount: int, unit: str, kind: str) -> None:
    promise = find_promise(text, REF)
    assert promise is not None and promise.within == Duration(amount, unit) and promise.kind == kind


def test_the_time_a_refund_takes_is_no_delivery_promise() -> None:
    assert find_promise("Please allow 5-10 business days for the refund to appear.", REF) is None


def test_a_revised_estimate_named_on_its_own_line_wins() -> None:
    text = (
        "Original estimated shipping time: Ships by May 15, 2026\n"
        "Updated estimated shipping time: Ships by June 5, 2026"
    )
    promise = find_promise(text, REF)
    assert promise is not None and promise.by is not None and (promise.by.month, promise.by.day) == (6, 5)


def test_a_delivery_slot_in_chinese_hours_ends_the_promise() -> None:
    text = "送貨日期：2026年8月8日（星期六）\n送貨時間：上午10時至下午1時\n送貨地址：荃灣"
    promise = find_promise(text, REF)
    assert promise is not None and promise.by is not None and (promise.by.day, promise.by.hour) == (8, 13)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("預計出貨日：11/6（五）前出貨，出貨後將寄送出貨通知", 6),
        ("預購說明：預計 2026/11/20 前陸續出貨。", 20),
    ],
)
def test_taiwanese_ship_dates_with_a_weekday_or_an_adverb(text: str, day: int) -> None:
    promise = find_promise(text, REF.replace(month=11, day=2))
    assert promise is not None and promise.kind == "ship" and promise.by is not None and promise.by.day == day


def test_a_sentence_wrapped_at_72_columns_still_promises_but_a_new_line_does_not_join() -> None:
    wrapped = find_promise("Orders are printed and shipped\nwithin 2-7 business days.", REF)
    assert wrapped is not None and wrapped.within == Duration(7, "workdays")
    label = find_promise("Selected shipping type: Royal Mail Tracked 48\r\nDispatched within 1 working day.", REF)
    assert label is not None and label.phrase.startswith("Dispatched")


@pytest.mark.parametrize(
    ("text", "hour", "minute"),
    [
        ("VOTRE RETRAIT\nmardi 17 mars 2026 entre 18h00 et 18h30\nE.Leclerc DRIVE", 18, 30),
        ("We're delivering it today.\nWe'll deliver your parcel:\nBetween 4pm and 6pm", 18, 0),
        ("Your shipment is scheduled for delivery TODAY by End of Day.", 23, 59),
    ],
)
def test_slots_and_carriers_days_end_where_they_say(text: str, hour: int, minute: int) -> None:
    promise = find_promise(text, REF)
    assert promise is not None and promise.by is not None and (promise.by.hour, promise.by.minute) == (hour, minute)


def test_a_day_of_the_month_is_no_duration_and_a_day_count_needs_no_nei() -> None:
    dated = find_promise("預計11月20日送達", REF)
    assert dated is not None and dated.within is None and dated.by is not None and dated.by.day == 20
    counted = find_promise("商品將於付款後 3~5 個工作天送達門市", REF)
    assert counted is not None and counted.within == Duration(5, "workdays")
    assert find_promise("24h 到貨", REF) is None  # a service's name, not a count of days


def test_a_day_named_twice_keeps_the_slot_that_names_its_hour() -> None:
    monday = REF.replace(day=9)  # Monday 9 March 2026: tomorrow is the Tuesday the slot names
    promise = find_promise("Your delivery is tomorrow\nDelivery: Tuesday, 7am - 11am\nOur team", monday)
    assert promise is not None and promise.by is not None and promise.by.hour == 11


def test_an_estimate_in_chinese_working_days_after_an_english_label() -> None:
    promise = find_promise("預計送貨 Estimated delivery: 2-3 個工作天 working days", REF)
    assert promise is not None and promise.within == Duration(3, "workdays")


def test_a_forwarders_arrival_range_with_a_fullwidth_dash_ends_on_its_last_day() -> None:
    promise = find_promise("集運線路：淘寶集運-香港\n預計到港派送：6月12日－6月14日", REF.replace(month=6, day=9))
    assert promise is not None and promise.by is not None and (promise.by.month, promise.by.day) == (6, 14)


def test_a_reply_that_will_ship_by_a_day_promises_and_one_that_shipped_reports() -> None:
    from orderwatch.parsers.replies import reply_promise

    thursday = datetime(2026, 11, 12, 16, 48, tzinfo=timezone(timedelta(hours=1)))
    found = reply_promise("Votre produit sera expédié au plus tard le lundi 16 novembre.", thursday)
    assert found is not None and found["by"] == "2026-11-16T23:59:59+01:00" and found["promise"] == "ship"
    assert reply_promise("Votre produit a été expédié lundi.", thursday) is None
    assert reply_promise("Votre produit ne sera pas expédié avant lundi.", thursday) is None


def test_a_clock_written_before_its_date_is_the_deadline_time() -> None:
    from orderwatch.parsers.durations import stated_deadline

    sydney = datetime(2026, 4, 17, 15, 12, tzinfo=timezone(timedelta(hours=10)))
    found = stated_deadline("Please provide this information by 5pm AEST on Friday 24 April 2026.", sydney)
    assert found == datetime.fromisoformat("2026-04-24T17:00:00+10:00")
    found = stated_deadline("Reply before 09:30 on 24 April 2026, please.", sydney)
    assert found == datetime.fromisoformat("2026-04-24T09:30:00+10:00")
    # a bare number before the date is no clock: the end of that day
    assert stated_deadline("Please reply by 24 April 2026.", sydney) == datetime.fromisoformat(
        "2026-04-24T23:59:59+10:00"
    )


@pytest.mark.parametrize(
    ("text", "amount", "unit", "kind"),
    [
        ("Delivery time to Ireland: 3-5 working days", 5, "workdays", "deliver"),
        ("Estimated delivery to Canada: 5-7 business days", 7, "workdays", "deliver"),
        ("Lieferzeit nach Österreich: 3-5 Werktage", 5, "workdays", "deliver"),
        ("Bring – Pakke i postkassen (levering innen 1–3 virkedager)", 3, "workdays", "deliver"),
        ("Leverans inom 3-5 arbetsdagar", 5, "workdays", "deliver"),
        ("Varene sendes innen 2 virkedager", 2, "workdays", "ship"),
    ],
)
def test_a_delivery_time_for_a_country_and_the_nordic_within(text: str, amount: int, unit: str, kind: str) -> None:
    found = find_promise(text, REF)
    assert found is not None and found.kind == kind and found.within == Duration(amount, unit)


def test_a_desks_nordic_reply_time_is_no_promise() -> None:
    assert find_promise("Vi svarer innen 2 virkedager.", REF) is None


@pytest.mark.parametrize(
    ("text", "kind", "by"),
    [
        ("经与工厂确认，全部回报的发货时间延期至2026年12月20日前，届时将按支持顺序分批发出", "ship", "2026-12-20"),
        ("Thời gian nhận hàng dự kiến: Trước 20:00, Thứ Tư, 11/11/2026", "deliver", "2026-11-11T20:00"),
    ],
)
def test_a_moved_dispatch_date_and_a_clock_before_its_day(text: str, kind: str, by: str) -> None:
    found = find_promise(text, REF)
    assert found is not None and found.kind == kind and found.by is not None and found.by.isoformat().startswith(by)


def test_an_estimate_used_as_its_label_is_a_duration() -> None:
    found = find_promise("预计到账：付款后30分钟内", REF)
    assert found is not None and found.kind == "deliver" and found.within == Duration(30, "minutes")
    thai = find_promise("สินค้าจะจัดส่งภายใน 3-5 วันทำการ หลังจากได้รับการชำระเงิน", REF)
    assert thai is not None and thai.kind == "ship" and thai.within == Duration(5, "workdays")


@pytest.mark.parametrize(
    ("text", "kind", "amount"),
    [
        ("Säljaren har 7 dagar på sig att skicka din vara.", "ship", 7),
        ("Säljaren har 4 dagar på sig att lämna in paketet.", "ship", 4),
        ("Sælger skal sende varen inden 4 dage.", "ship", 4),
        ("Selgeren må sende varen innen 5 dager.", "ship", 5),
    ],
)
def test_a_marketplaces_time_for_the_seller_in_the_nordic_languages(text: str, kind: str, amount: int) -> None:
    found = find_promise(text, REF)
    assert found is not None and found.kind == kind and found.within == Duration(amount, "days")
