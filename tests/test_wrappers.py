"""Mail clients' wrappers on hand-written text: what a forward or a reply quotes, whose it is and
when it was written, and that the shop's words quoted in the user's own mail open an order only
when no mail of the shop does. No CLI, no database."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

from orderwatch.parsers import cues, parse
from orderwatch.parsers.arrivals import find_arrivals
from orderwatch.parsers.assertions import unconditional
from orderwatch.parsers.durations import stated_duration
from orderwatch.parsers.fields.times import country_zone, names_zone
from orderwatch.parsers.quotes import forwarded, new_text

from orderwatch.domain.model import Event
from orderwatch.domain.timeline import link
from tests.support.mails import plain_mail

UTC0 = UTC


def test_outlook_header_block_without_a_rule_starts_the_quote() -> None:
    text = (
        "Sehr geehrter Herr S.,\nDie Zustellung erfolgt bis Mittwoch.\n\nVon: Tobias <t@example.de>\n"
        "Gesendet: Montag, 9. November 2026 08:31\nBetreff: Re: Bestellung\n\nBitte liefern."
    )
    assert new_text(text) == "Sehr geehrter Herr S.,\nDie Zustellung erfolgt bis Mittwoch."


def test_dutch_outlook_separator_starts_the_quote() -> None:
    text = (
        "Hoi Femke,\nWe hebben je feedback doorgegeven.\n\n-----Oorspronkelijk bericht-----\n"
        "Van: F <f@x.nl>\nVerzonden: vrijdag 16 oktober 2026 20:31\n"
    )
    assert "Verzonden" not in new_text(text)


def test_yahoo_run_on_header_line_is_read_as_headers() -> None:
    text = (
        "Kevin, can you look into it?\n\n   ----- Forwarded Message ----- From: Lenovo <orders@lenovo.com>To: "
        '"m@yahoo.com" <m@yahoo.com>Sent: Monday, October 19, 2026, 02:22:47 PM EDTSubject: Order #4612038857\n'
        " Thank you for shopping at Lenovo!\n"
    )
    fw = forwarded("Fw: Order #4612038857", text)
    assert fw is not None
    assert fw.headers["from"] == "Lenovo <orders@lenovo.com>"
    assert fw.headers["date"] == "Monday, October 19, 2026, 02:22:47 PM EDT"
    assert fw.text.startswith("Thank you for shopping")


def test_gmail_attribution_names_the_quoted_sender_and_time_in_a_reply() -> None:
    text = (
        "Wo bleibt die SSD?\n\nAm Di., 3. Nov. 2026 um 10:12 Uhr schrieb ALTERNATE <bestellung@alternate.de>:\n\n"
        "> Bestellnummer: 84729361\n"
    )
    assert forwarded("Re: Ihre Bestellung", text) is None  # a reply is read only when asked for
    fw = forwarded("Re: Ihre Bestellung", text, replies=True)
    assert fw is not None and fw.headers["from"] == "ALTERNATE <bestellung@alternate.de>"
    assert "10:12" in fw.headers["date"] and fw.text == "Bestellnummer: 84729361"


def test_a_zone_less_quoted_time_takes_the_shops_country_then_its_language() -> None:
    assert names_zone("Mon, 2 Nov 2026 18:40:12 +0100") and names_zone("19:12:44 MEZ")
    assert not names_zone("Donnerstag, 5. November 2026 21:47")
    november = datetime(2026, 11, 5, 12, tzinfo=UTC0)
    assert november.astimezone(country_zone("thalia.de", "", UTC0)).utcoffset() == timedelta(hours=1)
    french = "Votre commande a été expédiée, livraison prévue jeudi, merci"
    assert november.astimezone(country_zone("oxybul.com", french, UTC0)).utcoffset() == timedelta(hours=1)
    eastern = timezone(timedelta(hours=-5))  # a writer's own offset is kept: only a +0000 stamp says nothing
    assert country_zone("oxybul.com", french, eastern) is eastern


def test_a_stated_clock_time_after_a_clock_change_keeps_the_writers_wall_clock() -> None:
    """Ticketac, 20 October (+02:00): "le jeudi 12 novembre 2026 à 20h30" is 20:30 in Paris, then at +01:00."""
    from orderwatch.parsers.fields.zones import on_local_clock

    cest = timezone(timedelta(hours=2))
    mail_at = datetime(2026, 10, 20, 12, 31, tzinfo=cest)
    french = "Votre commande est confirmée, merci pour votre réservation"
    show = on_local_clock(datetime(2026, 11, 12, 20, 30, tzinfo=cest), mail_at, "ticketac.com", french)
    assert show.isoformat() == "2026-11-12T20:30:00+01:00"
    end_of_day = datetime(2026, 10, 27, 23, 59, 59, tzinfo=cest)  # a bare date's end keeps the mail's offset
    assert on_local_clock(end_of_day, mail_at, "ticketac.com", french) == end_of_day
    summer = datetime(2026, 10, 22, 18, tzinfo=cest)  # no change of clock in between: as it was
    assert on_local_clock(summer, mail_at, "ticketac.com", french).utcoffset() == timedelta(hours=2)
    athens = timezone(timedelta(hours=3))  # an offset Paris does not keep: the writer is elsewhere
    assert on_local_clock(
        datetime(2026, 11, 12, 20, 30, tzinfo=athens), mail_at.astimezone(athens), "x.com", french
    ).utcoffset() == timedelta(hours=3)


def _event(kind: str, platform: str, hour: int, **fields: object) -> Event:
    when = datetime(2026, 7, 3, hour, tzinfo=timezone(timedelta(hours=8)))
    return Event(kind=kind, at=when, order_no="260703", fields={"platform": platform, **fields}, role="inbox")


def test_the_shops_mail_quoted_in_the_users_own_opens_an_order_only_without_the_shops_mail() -> None:
    quoted = dataclasses.replace(_event("ordered", "xhjs-notice", 21, quoted=True), role="sent")
    assert [c.platform for c in link([quoted])] == ["xhjs-notice"]
    shop = _event("ordered", "星河寄售", 21)
    cases = link([quoted, shop])
    assert [c.platform for c in cases] == ["星河寄售"]
    assert cases[0].events == [shop]  # the repeat is dropped: the shop's own mail says it
    richer = dataclasses.replace(quoted, fields={**quoted.fields, "virtual": True, "platform": "other"})
    (kept,) = link([richer, shop])[0].events
    assert kept.fields["platform"] == "星河寄售" and kept.fields["virtual"] is True  # only what the quote adds


def test_a_dispatch_date_ends_at_its_line_and_a_republic_year_is_read() -> None:
    taipei = timezone(timedelta(hours=8))
    sent = datetime(2026, 11, 2, 9, 41, tzinfo=taipei)
    text = "預計出貨日：2026/11/06\n商品出貨後將通知您。宅配時間為週一至週五 8:00-18:00"
    ((_, promise),) = find_arrivals(text, sent)
    assert promise.kind == "ship" and promise.by == datetime(2026, 11, 6, 23, 59, 59, tzinfo=taipei)
    ((_, promise),) = find_arrivals("預計出貨日：115/11/06", sent)
    assert promise.by == datetime(2026, 11, 6, 23, 59, 59, tzinfo=taipei)


def test_a_free_mail_invoice_that_wants_a_phone_call_is_a_callback_scam() -> None:
    lure = (
        b'From: "Geek Squad Protection" <invoice.gsdept@outlook.com>\r\nTo: m@example.com\r\n'
        b"Subject: Order Confirmation #GSQ-7741-2093\r\nDate: Thu, 12 Nov 2026 14:33:11 +0000\r\n"
        b"Message-ID: <x1@example.com>\r\n\r\nOrder No.: GSQ-7741-2093\r\nAmount: $349.99\r\n"
        b"If you wish to cancel this renewal and claim a full refund, call our Support Desk\r\n"
        b"within 24 hours: +1 (833) 555-0186.\r\n"
    )
    outcome = parse(lure)
    assert outcome.kind == "noise" and not outcome.events and "callback" in (outcome.reason or "")
    shop = lure.replace(b"invoice.gsdept@outlook.com", b"orders@geeksquad.example")
    assert parse(shop).kind != "noise"  # the shop's own domain: read as the shop's mail


def test_an_offer_after_a_condition_grants_nothing_and_weekends_excluded_count_workdays() -> None:
    offer = "기다리기 어려우시면 말씀해 주세요. 바로 주문 취소 및 전액 환불 처리해 드리겠습니다."
    assert unconditional(cues.REFUND_GRANTED, offer) is None
    assert unconditional(cues.REFUND_GRANTED, "Sorry for the wait. We will refund you in full today.") is not None
    centre = "回答は相談受付後、おおむね2〜3日以内（土、日、国民の祝日及び休日、\n年末年始を除く）にいたします。"
    within = stated_duration(centre, "回答", "reply")
    assert within is not None and (within.amount, within.unit) == (3, "workdays")


def test_swiss_posts_dotted_parcel_number_is_one_number_in_the_shops_and_the_carriers_mail() -> None:
    def mail(sender: str, subject: str, body: str) -> bytes:
        head = f"From: {sender}\r\nTo: m@example.ch\r\nSubject: {subject}\r\nDate: Wed, 04 Nov 2026 10:02:11 +0100\r\n"
        return (head + "Message-ID: <p1@example.ch>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body).encode()

    number = "Numéro d'envoi  99.00.104277.50396182\n"
    shop = mail("Shop <noreply@shop.ch>", "Votre commande n° 9002183746 est en route", number)
    post = mail("La Poste <noreply@post.ch>", "Votre envoi a été distribué", "Votre envoi a été distribué.\n" + number)
    shipped = next(e for e in parse(shop).events if e.kind == "shipped")
    delivered = next(e for e in parse(post).events if e.kind == "delivered")
    assert shipped.fields["tracking_no"] == delivered.fields["tracking_no"] == "990010427750396182"


_WED = "Wed, 04 Nov 2026 09:10:33 +0100"


def test_outlooks_spanish_date_line_dates_the_forwarded_original() -> None:
    """Outlook 2019 in Spanish writes 'Enviado el:'; the cancellation's clocks count from it, not the forward."""
    body = (
        "Papá, te reenvío la cancelación.\n\n________________________________\n"
        "De: Tienda <pedidos@tienda.example>\nEnviado el: lunes, 2 de noviembre de 2026 18:20\n"
        "Para: Lucía <lucia@example.net>\nAsunto: Cancelación de tu pedido n.º 2611025471936\n\n"
        "Te confirmamos que tu pedido n.º 2611025471936 ha sido cancelado.\nImporte: 329,00 €\n"
        "Importe total a reembolsar: 329,00 €\n"
        "Procederemos al reembolso en el mismo medio de pago en un plazo máximo de 5 días hábiles.\n"
    )
    events = parse(
        plain_mail("Lucía <lucia@example.net>", "RV: Cancelación de tu pedido", body, _WED), role="inbox"
    ).events
    refund = next(e for e in events if e.kind == "refund")
    assert refund.at.isoformat() == "2026-11-02T18:20:00+01:00"
    # a cancellation whose every sum is the refund's: the refund is the order's whole amount
    assert (refund.fields.get("order_amount"), refund.fields.get("amount")) == ("329.00", "329.00")


def test_the_users_own_complaint_states_the_amount_when_no_shop_mail_does() -> None:
    complaint = plain_mail(
        "Buyer <buyer@example.net>",
        "催单",
        "您好：\n我在贵店购买会员季卡，订单号zlkb2026052013020863190，支付宝付款45.00元，至今仍未收到激活码。\n请今天内补发。\n",
        "Wed, 20 May 2026 15:10:24 +0800",
    )
    sent = next(e for e in parse(complaint, role="sent").events if e.kind == "complaint_sent")
    assert (sent.fields.get("stated_amount"), sent.fields.get("stated_currency")) == ("45.00", "CNY")
