"""The item an order mail names, for the drafts ("I ordered \"Pad See Ew (Chicken)\"").

Apart from `shops` to keep each module readable: a labelled product name, a count-first order line,
a priced line (never the card that paid), or the line under a table's column labels.
"""

from __future__ import annotations

import re

from orderwatch.parsers import guarded as rx
from orderwatch.parsers.guarded import guarded

_ZH_ITEM = guarded(
    r"(?:商品名称|商品名|产品名称|宝贝名称|商品)[^\S\n]*[:：][^\S\n]*([^\n]{2,80})"
)  # an empty label is no item
_ZH_ITEM_QUOTED = guarded(r"购买(?:的商品)?\s*[“\"「]([^”\"」\n]{2,80})[”\"」]")
_PRICE_LINE = guarded(
    # never the card that paid: "Mastercard ending in 2208  $38.47"
    r"^(?!\s*(?:sub-?total|total|grand total|shipping|tax|vat|discount|订单|合计|总|配送|运费|visa\b|master\s?card|amex\b|"
    r"american express|discover\b|paypal|apple pay|google pay|[^\n]{0,30}\b(?:ending|ends) (?:in|with)\b))"
    r"(.{3,90}?)\s+(?:x\s*)?\d+\s+\S*\d+[.,]\d{2}",
    re.I | re.M,
)
_COUNT_FIRST = guarded(
    r"^[ \t]*\d{1,3}(?:[ \t]{2,}|[ \t]*[x×][ \t]+)([^\d\s][^\n]{2,80}?)[ \t]{2,}\S{0,4}\d+[.,]\d{2}[ \t]*$", re.M
)
_LABEL_LINE = guarded(r"^[^:：]{2,40}[:：]\s*\S")


# The lines about the sale around a product's name: "Verkauf durch Werkzeug Hoffmann KG", "Commande n° 3004… du …"
_NOT_A_PRODUCT = guarded(
    r"(?:verkauf durch|verkauft von|sold by|vendu par|venduto da|vendido por|sprzedawca|commande n|order\s*(?:#|no\b|number)|bestellung\b|merci\b|bonjour\b|bonsoir\b|hello\b|hi\b|dear\b|hallo\b|guten tag|sehr geehrte|ciao\b|hola\b|buongiorno\b|dzie[ńn] dobry|thank you|thanks\b|danke\b|grazie\b|gracias\b|dzi[ęe]kujemy)",
    re.I,
)


def item_name(text: str) -> str | None:
    """The product a shop's mail names: its labelled name, else the first priced line."""
    for pattern in (_ZH_ITEM, _ZH_ITEM_QUOTED):
        match = pattern.search(text)
        if match:
            return match.group(1).strip()
    if counted := _COUNT_FIRST.search(text):  # "1  Pad See Ew (Chicken)  $14.95"
        return counted.group(1).strip()
    lines = text.splitlines()
    for match in _PRICE_LINE.finditer(text):
        # the quantity's own label left at the end: "…165Hz   כמות:", "Lampe  Menge: 1", "Wool, mustard · Qty"
        candidate = rx.sub(
            r"(?:\s+(?:x|×)|(?:\s*[·•|,–-])?\s+(?:qty|quantity|menge|anzahl|quantit[ée]|cantidad|כמות|количество|кол-во|ποσ[όο]τητα|数量|수량)"
            r"\s*[:：]?\s*\d*)\s*$",
            "",
            match.group(1).strip(),
            flags=re.I,
        )
        if rx.match(
            r"^(?:montant|total|sous-total|subtotal|summe|gesamt|zwischensumme|totale|importe|suma)\b", candidate, re.I
        ):
            continue  # "Montant total de la commande 1 299,00 DH": the total's label, not a product
        if rx.match(
            r"^(?:qty|quantity|数量|sku|anzahl|menge|quantit[ée]|qt[ée]|cantidad|quantit[àa]|ilo[śs][ćc]|aantal|antal)\b",
            candidate,
            re.I,
        ):
            line_no = text[: match.start()].count("\n")
            previous = [  # the product's name, not the label lines under it ("Estimated Delivery Date: Oct 07")
                rx.sub(r"\s*<https?://[^>]*>\s*$", "", ln.strip().lstrip("*•-· ")).strip()
                for ln in lines[:line_no]
                if ln.strip()
                and not rx.match(r"^sku\b", ln.strip(), re.I)
                and not _LABEL_LINE.match(ln.strip())
                and not _NOT_A_PRODUCT.match(ln.strip())
            ]
            if previous:
                return previous[-1]
            continue
        return candidate
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if rx.match(r"^\s*(?:商品|Product|Item)s?\b.*(?:数量|Qty|Quantity)", line, re.I) and index + 1 < len(lines):
            candidate = rx.sub(r"\s+\S*\d+[.,]\d{2}.*$", "", lines[index + 1]).strip()
            if candidate:
                return candidate
    return None
