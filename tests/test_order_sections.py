"""One mail that lists two orders, each with its own arrival date and total, is read order by order."""

from __future__ import annotations

from email.message import EmailMessage

from orderwatch.parsers import parse

_BODY = """Amazon.com Order Confirmation
Order #111-3904417-2286530
Order #111-7261093-4408817

Thank you for shopping with us.

Order Details
Order #111-3904417-2286530
Placed on today, May 22

     Your guaranteed delivery date is:
               Tuesday, May 26

               Heat Shrink Tubing 1", 29 Feet Roll
               $33.99

              Order Total: $64.72

=======================================

Order #111-7261093-4408817
Placed on today, May 22

     Your estimated delivery date is:
               Wednesday, May 27- Thursday, May 28

               2 x Silicone O-Ring 53mm
               $7.90

              Order Total: $17.34

=======================================
"""


def _mail(body: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = '"Amazon.com" <auto-confirm@amazon.com>'
    msg["To"] = "owen@example.com"
    msg["Subject"] = 'Your Amazon.com order of "Heat Shrink Tubing..." and 3 more items.'
    msg["Date"] = "Fri, 22 May 2026 22:24:16 +0000"
    msg.set_content(body)
    return msg.as_bytes()


def _orders(body: str) -> tuple[dict[str, object], dict[str, str]]:
    """Each order's total and promised day, as the reader gives them."""
    events = parse(_mail(body), role="inbox").events
    totals = {e.order_no: e.fields.get("amount") for e in events if e.kind == "ordered"}
    promised = {e.order_no: e.fields.get("by", "")[:10] for e in events if e.kind == "promise"}
    return totals, promised


def test_each_order_keeps_its_own_total_and_arrival_date() -> None:
    totals, promised = _orders(_BODY)
    assert totals == {"111-3904417-2286530": "64.72", "111-7261093-4408817": "17.34"}
    assert promised == {"111-3904417-2286530": "2026-05-26", "111-7261093-4408817": "2026-05-28"}


def test_a_mail_with_one_total_is_not_split() -> None:
    one = _BODY.split("=======================================")[0]
    events = parse(_mail(one), role="inbox").events
    assert {e.order_no for e in events if e.kind == "ordered"} == {"111-3904417-2286530"}


def test_a_vat_inclusive_total_ends_each_orders_section_not_its_subtotal() -> None:
    """Amazon.it: "Totale parziale" then "Totale IVA inclusa (ove applicabile):" with the amount below."""
    body = (
        "Conferma ordine\nGli articoli acquistati sono stati suddivisi in 2 ordini.\n"
        "Ordine n°405-1112223-3334445\nTotale parziale degli articoli:\nEUR 30,00\nCosti di spedizione:\nEUR 3,50\n"
        "Totale IVA inclusa (ove applicabile):\nEUR 33,50\n"
        "Ordine n°405-6667778-8889990\nTotale parziale degli articoli:\nEUR 45,59\nConfezione regalo:\nEUR 2,99\n"
        "Totale IVA inclusa (ove applicabile):\nEUR 48,58\n"
    )
    totals, _ = _orders(body)
    assert totals == {"405-1112223-3334445": "33.50", "405-6667778-8889990": "48.58"}


def test_orders_listed_once_at_the_top_take_the_sections_below_in_their_order() -> None:
    """Amazon.es: "Pedido nº A / Pedido nº B" at the top, then one section per order naming neither,
    the second ending "Importe total del pedido (IVA incluido si corresponde): <br/>" over its amount."""
    body = (
        "Confirmación de tu pedido de Amazon.es\nPedido nº 407-1112223-3334445\nPedido nº 407-6667778-8889990\n\n"
        "Hemos dividido tu compra en 2 pedidos.\n\n     Entrega:\n          jueves, junio 23\n"
        "     Importe total del pedido:                      EUR 26,95\n"
        "==========\n     Entrega:\n          viernes, junio 24 -\n          lunes, junio 27\n"
        "     Importe total del pedido (IVA incluido si corresponde):       <br/>\n                    EUR 8,49\n"
    )
    totals, promised = _orders(body)
    assert totals == {"407-1112223-3334445": "26.95", "407-6667778-8889990": "8.49"}
    assert promised == {"407-1112223-3334445": "2026-06-23", "407-6667778-8889990": "2026-06-27"}


def test_one_box_with_items_from_two_orders_ships_and_promises_each() -> None:
    """A shipping notice for a box that "contains items from 2 orders": each 'Order #' gets the shipment and
    the arrival date, and the box's total is no one order's."""
    body = (
        "Your package is on its way!\n\nArriving:\nMonday, May 25\n\nThis contains items from 2 orders\n\n"
        "Order #111-4829157-3306248\n  Anker USB C Charger\n  Quantity: 1\n\n"
        "Order #111-7715203-9948261\n  AmazonBasics AA Batteries\n  Quantity: 1\n\nShipment total: $37.48\n"
    )
    events = parse(_mail(body), role="inbox").events
    shipped = {e.order_no: e.fields.get("amount") for e in events if e.kind == "shipped"}
    promised = {e.order_no: e.fields.get("by", "")[:10] for e in events if e.kind == "promise"}
    assert shipped == {"111-4829157-3306248": None, "111-7715203-9948261": None}
    assert promised == {"111-4829157-3306248": "2026-05-25", "111-7715203-9948261": "2026-05-25"}
