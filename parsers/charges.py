"""The charge a card issuer's dispute mail names instead of an order: the merchant's descriptor and
the amount ("Merchant: BIRCH & BRAMBLE", "Amount: $236.50"), by which the domain finds the order."""

from __future__ import annotations

import re

from orderwatch.parsers import fields
from orderwatch.parsers.guarded import guarded

_CHARGE_MERCHANT = guarded(
    r"^\s*(?:merchant(?: name)?|payee|retailer|商户名称|商戶名稱|商家名称|commerçant|händler|comercio|esercente|winkel|"
    r"sprzedawca|estabelecimento|loja)\s*[:：]\s*(.{2,60})$",
    re.I | re.M,
)
_CHARGE_AMOUNT = guarded(
    r"^\s*(?:(?:charge|transaction|disputed)?\s*amount|交易金额|交易金額|montant|betrag|importe(?: reclamado)?|importo|bedrag|kwota|valor)"
    r"\s*[:：]\s*(.{2,40})$",
    re.I | re.M,
)


def charged(text: str, lang: str) -> dict[str, object]:
    """The charge a dispute mail names, to find its order by merchant and amount."""
    merchant, amount = _CHARGE_MERCHANT.search(text), _CHARGE_AMOUNT.search(text)
    money = fields.amounts(amount.group(1), lang) if amount else []
    if merchant is not None and money:
        return {"charge_merchant": merchant.group(1).strip(), "charge_amount": money[0].text()}
    for at in _AMOUNT_AT.finditer(text):  # "your chargeback for € 219.00 at DUINWERK SURF SUPPLY"
        money = fields.amounts(text[max(0, at.start() - 24) : at.start()], lang)
        if money:
            return {"charge_merchant": at.group(1).strip(), "charge_amount": money[-1].text()}
    for line in _DESCRIPTOR_LINE.finditer(text):  # the descriptor on its line, the amount a line or two below
        below = text[line.end() : line.end() + 80].split("\n")[1:4]
        money = next((m for row in below if (m := fields.amounts(row.strip()[:24], lang))), [])
        if money and sum(ch.isalpha() for ch in line.group(1)) >= 3:
            return {"charge_merchant": line.group(1).strip(), "charge_amount": money[0].text()}
    return {}


# A card statement's merchant descriptor: capitals, on their own line or after "at".
_DESCRIPTOR = r"([A-Z0-9][A-Z0-9&'.*# -]{2,40}[A-Z0-9])"
_AMOUNT_AT = guarded(r"\s(?:at|to|from|bei|chez|à|em|en)\s+" + _DESCRIPTOR + r"(?![A-Za-z0-9])")
_DESCRIPTOR_LINE = guarded(r"^[ \t]*" + _DESCRIPTOR + r"[ \t]*$", re.M)
