"""Mail in styles the corpus does not have (Shopify, PrestaShop, a Taobao-like shop, another
发卡 engine, Zendesk, Freshdesk): the families must read them without code for any one shop.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

from orderwatch import parsers
from tests.support.mails import plain_mail

EST = timezone(timedelta(hours=-5))
CST = timezone(timedelta(hours=8))


def _events(raw: bytes, role: str = "inbox") -> dict[str, dict]:
    outcome = parsers.parse(raw, role)
    return {e.kind: {"order_no": e.order_no, "ticket_no": e.ticket_no, **e.fields} for e in outcome.events}


def test_shopify_confirmation() -> None:
    raw = plain_mail(
        "Northwind Candles <store+123@t.shopifyemail.com>",
        "Order #1234 confirmed",
        "Thank you for your purchase!\nOrder summary\nLavender soy candle × 2   $36.00\nSubtotal $36.00\n"
        "Shipping $5.99\nTotal $44.87 USD\n\nOrders usually ship within 3-5 business days.",
        datetime(2026, 8, 3, 14, 20, tzinfo=EST),
    )
    events = _events(raw)
    assert events["ordered"]["order_no"] == "1234" and events["ordered"]["amount"] == "44.87"
    assert events["ordered"]["platform"] == "northwind-candles"  # not the shared sending service
    assert events["promise"]["by"] == "2026-08-10T14:20:00-05:00"  # 5 business days, the upper bound


def test_prestashop_letter_reference() -> None:
    raw = plain_mail(
        "My Boutique <noreply@myboutique.fr>",
        "[My Boutique] Order confirmation",
        "Thank you for shopping with My Boutique!\nOrder: KHWLILZLL Placed on 08/03/2026 14:20\n"
        "Products €23.90\nShipping €7.00\nTotal paid €30.90\n"
        "We will ship your order within 48 hours after receipt of payment.",
        datetime(2026, 8, 3, 14, 20, tzinfo=timezone(timedelta(hours=2))),
    )
    events = _events(raw)
    assert events["ordered"]["order_no"] == "KHWLILZLL" and events["ordered"]["currency"] == "EUR"
    assert events["promise"]["within"] == "48 hours"


def test_taobao_like_shop() -> None:
    raw = plain_mail(
        "好运来旗舰店 <service@haoyunlai-shop.cn>",
        "【好运来旗舰店】您的订单已付款成功",
        "亲爱的顾客：\n您的订单已付款成功！\n订单编号：4318829910223\n商品：无线蓝牙耳机 降噪款 ×1\n实付款：¥189.00\n"
        "付款时间：2026-08-05 20:11:32\n卖家将在72小时内发货，请耐心等待。",
        datetime(2026, 8, 5, 20, 11, 40, tzinfo=CST),
    )
    events = _events(raw)
    assert events["paid"]["order_no"] == "4318829910223" and events["paid"]["amount"] == "189.00"
    assert events["promise"]["by"] == "2026-08-08T20:11:32+08:00"


def test_other_fakawang_engine_uses_the_default() -> None:
    raw = plain_mail(
        "彩虹发卡网 <admin@caihong-fk.com>",
        "您在彩虹发卡网的订单已完成支付",
        "尊敬的用户：\n订单编号：CH2026080512345678\n商品名称：网易云音乐年卡 兑换码\n"
        "订单金额：99.00元\n支付状态：已支付\n您购买的商品为自动发卡，如长时间未收到卡密请联系客服。",
        datetime(2026, 8, 5, 21, 0, tzinfo=CST),
    )
    events = _events(raw)
    assert events["ordered"]["delivery_mode"] == "auto" and events["ordered"]["virtual"] is True
    assert "promise" not in events and "delivered" not in events  # 30-minute default applies later


def test_zendesk_and_freshdesk_markers() -> None:
    ack = plain_mail(
        "Northwind Support <support@northwind.zendesk.com>",
        "[Request received] Order #1234 not shipped",
        "##- Please type your reply above this line -##\n\nYour request (5678) has been received and is being "
        "reviewed by our support staff.\n\nWe'll respond within 2 business days.",
        datetime(2026, 8, 12, 9, 5, tzinfo=EST),
        in_reply_to="<c2@me>",
    )
    events = _events(ack)
    assert events["complaint_ack"]["ticket_no"] == "5678" and events["complaint_ack"]["within"] == "2 workdays"
    reply = plain_mail(
        "Northwind Help <help@northwind.freshdesk.com>",
        "Re: Order #1234 not shipped [#88231]",
        "Hi Amy,\nWe are sorry for the delay. Your order has shipped today via USPS, "
        "tracking number 9400111899223344556677.",
        datetime(2026, 8, 13, 11, 0, tzinfo=EST),
        in_reply_to="<zd1@x>",
    )
    events = _events(reply)
    assert events["platform_reply"]["ticket_no"] == "88231"
    assert events["shipped"]["tracking_no"] == "9400111899223344556677"


def test_negated_shipping_is_no_shipment() -> None:
    raw = plain_mail(
        "Shop <help@shop.example>",
        "Re: Order #77 hasn't shipped",
        "Your order has not shipped yet; we are checking.",
        datetime(2026, 8, 1, tzinfo=EST),
        in_reply_to="<x@me>",
    )
    assert "shipped" not in _events(raw)


def test_a_ticket_number_followed_by_the_subject() -> None:
    """Trudesk writes "Ticket #1042-Wrong size print": the ticket is 1042, not "1042-Wrong"."""
    raw = plain_mail(
        "Print Studio Support <support@printstudio.example>",
        "Updated: Ticket #1042-Wrong size print - order #7741",
        "Comment by Sam: sorry about the size. We will send the right print.",
        datetime(2026, 11, 9, 10, 14, tzinfo=EST),
        in_reply_to="<t1042@printstudio.example>",
    )
    assert {e["ticket_no"] for e in _events(raw).values()} == {"1042"}


def test_a_conditional_threat_does_not_escalate_the_complaint() -> None:
    """ "今天没有处理的话我会向支付平台投诉" names the next rung; the complaint is still to the shop."""
    raw = plain_mail(
        "买家 <buyer@example.com>",
        "回复：Re: 代充没到账 QX8TN2WM5KR7",
        "你们昨天说今天中午12点前充好，现在还是没到账。订单号 QX8TN2WM5KR7。\n"
        "请今天内充好，今天没有处理的话我会向支付平台投诉。",
        datetime(2026, 6, 24, 15, 30, tzinfo=CST),
    )
    assert _events(raw, "sent")["complaint_sent"].get("target") is None


def test_a_top_up_reply_that_names_tomorrow_noon_is_a_new_promise() -> None:
    raw = plain_mail(
        "客服 <kf@topup.example>",
        "Re: 代充没到账 QX8TN2WM5KR7",
        "您好，订单 QX8TN2WM5KR7 已收到。渠道排队比较多，您的订单明天中午12点前给您充好。",
        datetime(2026, 6, 23, 10, 15, tzinfo=CST),
        in_reply_to="<c1@example.com>",
    )
    assert _events(raw)["promise"]["by"] == "2026-06-24T12:00:00+08:00"


def test_a_restaurant_check_number_is_the_order() -> None:
    raw = plain_mail(
        "Corner Cafe <noreply@pos.example>",
        "Online Order Receipt for $6.83 at Corner Cafe",
        "Thanks for your order!\nCheck #603\nOrdered: 11/12/26 5:45 PM\n"
        "Subtotal $5.60\nTax $0.39\nTip $0.84\nTotal $6.83",
        datetime(2026, 11, 12, 17, 45, tzinfo=EST),
    )
    assert _events(raw)["ordered"]["order_no"] == "603"


def test_a_till_receipt_is_an_order_delivered_at_once() -> None:
    """A store's e-receipt ("just like a paper receipt"): nothing is left to deliver."""
    raw = plain_mail(
        "Home Store <receipts@store.example>",
        "Your Home Store Purchase Receipt",
        "Use this just like you would a paper receipt for proof of purchase.\nOrder # : 202611073317\n"
        "Subtotal $ 82.48\nTotal $ 88.25\nStore # 2253\nTerminal # 28",
        datetime(2026, 11, 7, 21, 41, tzinfo=UTC),
    )
    events = _events(raw)
    assert events["ordered"]["order_no"] == "202611073317" and "delivered" in events


def test_a_slashed_date_is_read_the_way_that_lands_near_the_mails_own_date() -> None:
    """ "11/07/26" in a mail of 7 November sent at +0000 is 7 November, not 11 July."""
    raw = plain_mail(
        "Home Store <receipts@store.example>",
        "Your order 20261107551 is confirmed",
        "Order Number: 20261107551\nOrder Date : 11/07/26 16:41:37\nTotal $ 88.25",
        datetime(2026, 11, 7, 21, 41, tzinfo=UTC),
    )
    assert _events(raw)["ordered"]["order_no"] == "20261107551"
    ordered = parsers.parse(raw, "inbox").events[0]
    assert (ordered.at.month, ordered.at.day) == (11, 7)


def test_a_shops_cancellation_that_will_pay_back_grants_a_refund() -> None:
    raw = plain_mail(
        "相機店 <service@camera.example>",
        "【相機店】訂單取消通知 #20261102211402873",
        "您訂購的商品因原廠缺貨，我們已將您的訂單取消。\n訂單編號：20261102211402873\n"
        "已經付款者，我們會把款項 NT$3,290 退給您（原信用卡刷退）。",
        datetime(2026, 11, 5, 11, 2, tzinfo=CST),
    )
    assert _events(raw)["refund"]["state"] == "granted"


def test_the_order_number_beats_the_receipt_number_of_the_subject() -> None:
    raw = plain_mail(
        "App Store <do_not_reply@store.example>",
        "Your receipt #560213847702",
        "Apple Receipt\nOrder Number: QT7RWK2M9P\nReceipt Date: 10/08/26\nOrder Total: $8.95\n",
        datetime(2026, 10, 9, 5, 33, tzinfo=UTC),
    )
    assert _events(raw)["ordered"]["order_no"] == "QT7RWK2M9P"


def test_a_payment_services_receipt_naming_only_its_transaction_opens_no_order() -> None:
    """ "You authorized $84.37 USD payment to STORE.COM", "Transaction ID …": the shop's order is elsewhere."""
    raw = plain_mail(
        "service@pay.example",
        "Receipt from STORE.COM for your $84.37 USD purchase",
        "You authorized $84.37 USD payment to STORE.COM.\nTransaction details\nTransaction ID\n7XK20461QW8825013\n"
        "Total payment to seller\n$84.37 USD\n",
        datetime(2026, 11, 16, 13, 26, tzinfo=EST),
    )
    assert "ordered" not in _events(raw)


def test_a_complaint_sites_confirmation_of_the_buyers_filing_is_an_acknowledgement() -> None:
    raw = plain_mail(
        "短信转发 <relay@example.com>",
        "【短信】1069009617",
        "【黑猫投诉】您发起的投诉「某会员站订单QM20261116200533付款未充值」已提交成功，投诉编号17371200000，平台审核中。",
        datetime(2026, 11, 18, 10, 12, tzinfo=CST),
    )
    assert "complaint_ack" in _events(raw)


def test_an_indonesian_voucher_receipt_orders_and_delivers() -> None:
    raw = plain_mail(
        "Voucher Store <cs@voucher.example>",
        "Voucher Receipt",
        "Terima Kasih Atas Pembelian Anda! :)\nNomor Transaksi S3095561742\nTipe Voucher 66 Shells\n"
        "Nominal Transaksi IDR 20.000\nVoucher Serial : 305817000\nPIN : 7719204400000000\n"
        "Gunakan Serial dan PIN di atas untuk menukarkan voucher Anda.",
        datetime(2026, 7, 28, 19, 34, tzinfo=timezone(timedelta(hours=7))),
    )
    events = _events(raw)
    assert events["ordered"]["order_no"] == "S3095561742" and "delivered" in events


def _htmlplain_mail(subject: str, html: str, when: datetime) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "Shop <orders@shop.example>", "buyer@example.com", subject
    msg["Date"], msg["Message-ID"] = format_datetime(when), f"<{abs(hash(subject))}@test>"
    msg.set_content(html, subtype="html")
    return bytes(msg)


def test_an_html_mails_wrapped_words_and_bare_date_range_give_the_promise() -> None:
    """Source line breaks inside one element, a preheader opening with "If", "between 19/11 and 23/11"."""
    html = (
        "<p>If you have problems viewing this email, click here</p><p>Thank you for your order</p>"
        "<p>Order number</p><p>5120930000001</p>\n<div>\n      Estimated\n      delivery\n      between\n"
        "      19/11 and 23/11.\n</div><p>Order total</p><p>\n£\n</p><p>1,350.00</p>"
    )
    events = _events(_htmlplain_mail("Thank you for your order", html, datetime(2026, 11, 16, 18, 30, tzinfo=UTC)))
    assert events["promise"]["by"] == "2026-11-23T23:59:59+00:00"
    assert events["ordered"]["amount"] == "1350.00"


def test_a_pipe_tables_row_gives_its_label_and_value() -> None:
    """A receipt's text part set as a table of pipes ("| Transaction ID | 17304528816"): the row is a label."""
    raw = plain_mail(
        "Team Resale <no-reply@resale.example>",
        "Your receipt for “Wool coat”",
        "Thanks for your purchase! Here's your receipt.\n\n| Order |\nWool coat\n| Paid | £22.49\n\n"
        "| Seller | attic_edit\n| Transaction ID | 17304528816\n\nThe seller has 5 working days to send your item.",
        datetime(2026, 10, 6, 19, 12, tzinfo=timezone(timedelta(hours=1))),
    )
    events = _events(raw)
    assert events["ordered"]["order_no"] == "17304528816" and events["ordered"]["amount"] == "22.49"
    assert events["promise"]["by"] == "2026-10-13T19:12:00+01:00"  # 5 working days to ship


def test_a_carriers_notice_of_a_return_to_the_sender_is_a_failed_order_and_a_missed_visit_is_no_delivery() -> None:
    cet = timezone(timedelta(hours=1))
    back = plain_mail(
        "Corriere <noreply@corriere.example>",
        "Aggiornamento spedizione",
        "la spedizione 1UW1084526731 è in restituzione al mittente: indirizzo incompleto.",
        datetime(2026, 11, 12, 18, 40, tzinfo=cet),
    )
    assert _events(back)["problem"] == {
        "order_no": None, "ticket_no": None, "problem": "returned", "tracking_no": "1UW1084526731",
        "carrier_only": True,
    }  # fmt: skip
    missed = plain_mail(
        "Bezorger <noreply@bezorger.example>",
        "We hebben je gemist",
        "We hebben vandaag geprobeerd je pakket te bezorgen, maar je was niet thuis.\n\nBarcode: 3SLGHM8841207",
        datetime(2026, 11, 17, 15, 38, tzinfo=cet),
    )
    assert set(_events(missed)) == {"shipped"}  # on its way still, never "delivered"


def test_a_ticket_order_keeps_its_venue_code_and_an_events_date_is_no_order_time() -> None:
    """Ticketmaster's '62-48157/BER'; a confirmation's 'Date: Sat 25 Jul 2026' is the show's, after the mail."""
    raw = plain_mail(
        "Tickets <noreply@tickets.example>",
        "Deine Bestellbestätigung 62-48157/BER",
        "Bestellnummer: 62-48157/BER\nVeranstaltung: Nina Chuba\nDate: Sat 25 Jul 2026, 20:00\n"
        "Gesamtbetrag: 148,50 €\nDanke für deinen Einkauf!",
        datetime(2026, 7, 2, 22, 5, tzinfo=timezone(timedelta(hours=1))),
    )
    ordered = _events(raw)["ordered"]
    assert ordered["order_no"] == "62-48157/BER"
    assert parsers.parse(raw).events[0].at == datetime(2026, 7, 2, 22, 5, tzinfo=timezone(timedelta(hours=1)))


def test_a_duration_counted_back_from_the_event_is_no_promise_from_the_payment() -> None:
    from orderwatch.parsers.promise import find_promise

    paris = timezone(timedelta(hours=2))
    at = datetime(2026, 10, 20, 12, 31, tzinfo=paris)
    before_show = find_promise(
        "Vos e-billets vous seront envoyés par e-mail au plus tard 48 heures avant la représentation.", at
    )
    assert before_show is None or before_show.within is None
    stated = find_promise(
        "Vos e-billets vous seront envoyés par e-mail au plus tard 48 heures avant la représentation, "
        "soit au plus tard le jeudi 12 novembre 2026 à 20h30.",
        at,
    )
    assert stated is not None and stated.by == datetime(2026, 11, 12, 20, 30, tzinfo=paris)


def test_a_japanese_stores_reply_names_its_new_shipping_day() -> None:
    from orderwatch.parsers.replies import reply_promise

    at = datetime(2026, 11, 12, 16, 40, tzinfo=timezone(timedelta(hours=9)))
    promised = reply_promise("仕入れ先からの入荷が遅れております。\n11月16日（月）には必ず発送いたします。", at)
    assert promised is not None and promised["promise"] == "ship" and promised["by"] == "2026-11-16T23:59:59+09:00"
    done = reply_promise("業者已於115年11月6日以黑貓宅急便寄出，並致歉。", at)
    assert done is None  # a report of a shipment, not a promise


def test_a_pre_orders_month_and_a_meals_time_of_day_are_promises() -> None:
    from orderwatch.parsers.promise import find_promise

    tokyo = timezone(timedelta(hours=9))
    month = find_promise("1.GALHolic深青（2026年9月〜10月順次発送予定）", datetime(2026, 7, 12, 21, 44, tzinfo=tokyo))
    assert month is not None and month.kind == "ship" and month.by == datetime(2026, 10, 31, 23, 59, 59, tzinfo=tokyo)
    late = find_promise("预计10月下旬发货", datetime(2026, 11, 2, 9, 0, tzinfo=tokyo))
    assert late is not None and late.by == datetime(2027, 10, 31, 23, 59, 59, tzinfo=tokyo)  # next October's end
    hk = timezone(timedelta(hours=8))
    meal = find_promise("預計送達時間 Estimated delivery time：19:35 - 19:50", datetime(2026, 11, 27, 19, 2, tzinfo=hk))
    assert meal is not None and meal.by == datetime(2026, 11, 27, 19, 50, tzinfo=hk)


def test_a_post_offices_item_number_is_a_parcel_not_an_order() -> None:
    raw = plain_mail(
        "Hongkong Post <noreply@hongkongpost.example>",
        "郵件追蹤電郵通知 Mail Tracking Email Notification",
        "閣下登記追蹤的郵件狀態已更新：\n郵件編號 Item No.：CP038526471HK\n"
        "最新狀態 Latest status：郵件已於 2026年11月25日 派遞。\nThe item was delivered on 25-Nov-2026.",
        datetime(2026, 11, 25, 17, 6, tzinfo=timezone(timedelta(hours=8))),
    )
    events = parsers.parse(raw).events
    assert [e.order_no for e in events] == [None] and events[0].fields["tracking_no"] == "CP038526471HK"


def test_an_engines_chinese_mall_columns_and_a_pick_up_clock_before_its_date() -> None:
    cst = timezone(timedelta(hours=8))
    shipped = plain_mail(
        "首尔美妆小屋 <noreply@mall.example>",
        "[首尔美妆小屋] 您订购的产品已发送。",
        "您订购的产品已发送。\n产品配送信息\n订购号\n产品名称\n数量\n配送信息\n"
        "2611071012553309\n爱茉莉 洗发水\n3\n顺丰速运\nSF1468203957716",
        datetime(2026, 11, 8, 9, 0, tzinfo=cst),
    )
    assert _events(shipped)["shipped"]["order_no"] == "2611071012553309"
    from orderwatch.parsers.promise import find_promise

    nz = timezone(timedelta(hours=13))
    ready = find_promise(
        "Your order will be ready for pick up by 5pm Friday 27 November.", datetime(2026, 11, 26, 20, 48, tzinfo=nz)
    )
    assert ready is not None and ready.by == datetime(2026, 11, 27, 17, 0, tzinfo=nz)


# Shop engines' Chinese translations: (sender, subject, body, event kind, field, value it must carry)
_ENGINE_TRANSLATIONS = [
    (
        "小森選物 <shop@komori.example>",
        "[小森選物] 包裹運送中",
        "訂單編號 KQWHRZTEB - 運輸中\n\n您的訂單，編號為 KQWHRZTEB，正在運輸途中。\n\n您包裹的運單編號為905174336820。",
        ("shipped", "order_no", "KQWHRZTEB"),
    ),
    (
        "北岸户外 <shop@beian.example>",
        "[北岸户外] 已取消",
        "订单编号 MZPDYXLQA - 订单被取消\n\n您在 北岸户外 的订单（ MZPDYXLQA）已被商戶取消。",
        ("problem", "problem", "cancelled"),
    ),
    (
        "像素工坊 <shop@pixel.example>",
        "[像素工坊] 订单完成/下载链接",
        "您的订单已完成。\n订单： #1536\nLightroom 预设包\n"
        "下载: https://pixel.example/?download_file=412 1 ¥149.00\n订单合计： ¥199.00",
        ("delivered", "how", "virtual"),
    ),
]


def test_engine_translations_in_chinese_ship_cancel_and_deliver() -> None:
    at = datetime(2026, 11, 5, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    for sender, subject, body, (kind, field, value) in _ENGINE_TRANSLATIONS:
        assert _events(plain_mail(sender, subject, body, at))[kind][field] == value, subject
