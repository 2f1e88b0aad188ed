"""schema.org Order / ParcelDelivery / Invoice markup (JSON-LD), read before any heuristics.

Registered senders embed it for Gmail; when present it is the most reliable source of the order
number, the carrier and tracking number, and `expectedArrivalUntil` (a promise to deliver).
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from orderwatch.parsers.base import Message, Result
from orderwatch.parsers.guarded import guarded

NAME = "schema_org"
_SCRIPT = guarded(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.S | re.I)


def _items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [d for item in data for d in _items(item)]
    if isinstance(data, dict):
        if "@graph" in data:
            return _items(data["@graph"])
        return [data]
    return []


def _type(item: dict[str, Any]) -> str:
    value = item.get("@type", "")
    return str(value[0] if isinstance(value, list) and value else value)


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("name")
    return str(value) if value else None


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


def _ordered(msg: Message, item: dict[str, Any], order_no: str | None):
    """An `ordered` event from an Order with a number and a price."""
    offers = item.get("acceptedOffer") or []
    offers = offers if isinstance(offers, list) else [offers]
    price = item.get("price") or (item.get("priceSpecification") or {}).get("price")
    currency = item.get("priceCurrency") or (item.get("priceSpecification") or {}).get("priceCurrency")
    if price is None and offers:
        price = sum(
            float(o.get("price", 0) or 0) * float(o.get("eligibleQuantity", {}).get("value", 1) or 1) for o in offers
        )
        currency = currency or offers[0].get("priceCurrency")
    if not order_no or price is None or not currency:
        return None
    item_name = next((_name(o.get("itemOffered")) for o in offers if o.get("itemOffered")), None)
    return msg.event(
        "ordered",
        at=_time(item.get("orderDate")) or msg.at,
        summary=f"order {order_no} (schema.org)",
        order_no=order_no,
        amount=f"{float(price):.2f}",
        currency=str(currency).upper(),
        merchant=_name(item.get("seller") or item.get("merchant")),
        item=item_name,
    )


def parse(msg: Message) -> Result | None:
    if "ld+json" not in msg.mail.html:
        return None
    events = []
    for block in _SCRIPT.findall(msg.mail.html):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        for item in _items(data):
            kind = _type(item)
            if kind == "ParcelDelivery":
                order = item.get("partOfOrder") or {}
                order_no = str(order.get("orderNumber") or "").lstrip("#") or None
                until = _time(item.get("expectedArrivalUntil"))
                if until is not None:
                    events.append(
                        msg.event(
                            "promise",
                            summary="expected arrival (schema.org)",
                            order_no=order_no,
                            by=until.isoformat(),
                            promise="deliver",
                            phrase="expectedArrivalUntil",
                            stated=True,
                        )
                    )
                tracking = item.get("trackingNumber")
                status = str(
                    item.get("deliveryStatus", {}).get("@type", "")
                    if isinstance(item.get("deliveryStatus"), dict)
                    else item.get("deliveryStatus", "")
                )
                if "Delivered" in status:
                    events.append(
                        msg.event("delivered", summary="delivered (schema.org)", order_no=order_no, how="carrier")
                    )
                elif tracking or item.get("carrier"):
                    events.append(
                        msg.event(
                            "shipped",
                            summary="shipped (schema.org)",
                            order_no=order_no,
                            carrier=_name(item.get("carrier")),
                            tracking_no=tracking,
                        )
                    )
            elif kind == "Order":
                order_no = str(item.get("orderNumber") or "").lstrip("#") or None
                status = str(item.get("orderStatus", ""))
                ordered = _ordered(msg, item, order_no)
                if ordered is not None:
                    events.append(ordered)
                if order_no and "OrderDelivered" in status:
                    events.append(
                        msg.event("delivered", summary="delivered (schema.org)", order_no=order_no, how="carrier")
                    )
                elif order_no and "OrderInTransit" in status:
                    events.append(msg.event("shipped", summary="shipped (schema.org)", order_no=order_no))
    if not events:
        return None
    return Result(NAME, "shipping", events, confidence=0.95)
