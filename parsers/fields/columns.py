"""Tables flattened to text: a totals table column by column ("Subtotal / Versand / GESAMT" over
"€159.90 / €0.00 / €119.92"), a reference table row by row (labels over their values).

A mail's HTML table rendered as text puts each column's cells one under the other; each label is paired
with the amount at its own position, so the total is never the subtotal above it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from orderwatch.parsers import guarded as rx
from orderwatch.parsers import lexicon
from orderwatch.parsers.fields.money import _POST, _PRE, AMOUNT, Money, decimal_value, parse_amount
from orderwatch.parsers.guarded import guarded

_LABEL_LINE = guarded(r"[^\S\n]*([^\W\d][^\d\n]{0,28}?)[:：]?[^\S\n]*$")
_VALUE_LINE = guarded(
    r"[^\S\n]*-?[^\S\n]*(?:" + _PRE + r")?[^\S\n]?(?P<num>\d[\d.,\u00a0' ]*?)[^\S\n]?(?:" + _POST + r")?[^\S\n]*$", re.I
)


def stacked_columns(text: str, lang: str, dollar: str | None) -> dict[int, Money]:
    """A totals table flattened column by column: the labels' lines, then as many amounts' lines in the
    same order. Maps each label's offset to its own amount."""
    lines = [(m.start(), m.group(0)) for m in rx.finditer(r"[^\n]+", text) if m.group(0).strip()]
    out: dict[int, Money] = {}
    i = 0
    while i < len(lines) - 3:
        k = 0
        while i + k < len(lines) and _LABEL_LINE.fullmatch(lines[i + k][1]) and not AMOUNT.search(lines[i + k][1]):
            k += 1
        values = lines[i + k : i + 2 * k]
        if k < 2 or len(values) < k or not all(_VALUE_LINE.fullmatch(v) for _, v in values):
            i += max(k, 1)
            continue
        found = [(AMOUNT.search(v), v) for _, v in values]
        currency = next((m.currency for a, _ in found if a and (m := parse_amount(a, lang, dollar))), None)
        for (offset, label), (amount, line) in zip(lines[i : i + k], found, strict=True):
            money = parse_amount(amount, lang, dollar) if amount else None
            if (
                money is None
                and currency
                and (number := decimal_value(_VALUE_LINE.fullmatch(line).group("num").strip()))
            ):
                money = Money(number.quantize(Decimal("0.01")), currency)
            if money is not None:
                out[offset + len(label) - len(label.lstrip())] = money
        i += 2 * k
    return out


# A reference table: "DATE   ORDER ID   DOCUMENT NO." over "Nov 1, 2026   MT7QX4K2LP   2811…"
_CELLS = guarded(r"\S(?:\S| (?! ))*")  # a table cell: words apart by single spaces
_LABEL_CELL = guarded(r"(?:" + "|".join(lexicon.ORDER_LABELS) + r")\.?", re.I)


def under_its_label(text: str) -> list[str]:
    """Values of a receipt's column table: a row of labels, the row of values right under it."""
    lines = text.split("\n")
    found = []
    for i, line in enumerate(lines[:-1]):
        if "  " not in line:
            continue
        labels = list(_CELLS.finditer(line))
        hits = [k for k, cell in enumerate(labels) if _LABEL_CELL.fullmatch(cell.group(0))]
        if len(labels) < 2 or not hits:
            continue
        values = list(_CELLS.finditer(lines[i + 1]))
        if len(values) == len(labels):
            found.extend(values[k].group(0) for k in hits if any(ch.isdigit() for ch in values[k].group(0)))
    found.extend(m.group(1) for m in _FIRST_COLUMN.finditer(text) if not _DATE_SHAPE.match(m.group(1)))
    return found


# A column table whose cells the HTML rendering joined by single spaces: the order label heads the first
# column of a header row of plain words ("주문번호 상품명 수량 배송정보", "Order No. Item Qty Status"), and
# the next line begins with the reference ("2611171032514823 국산 …"). Only the first column lines up.
_FIRST_COLUMN = guarded(
    # (or one heading a line: "订购号\n产品名称\n数量\n配送信息\n2611071012553309")
    r"^[ \t]*(?:"
    + "|".join(lexicon.ORDER_LABELS)
    + r")\.?(?:(?:[ \t]+|[ \t]*\n[ \t]*)[^\W\d][^\s\d:：#]{0,14}){2,6}[ \t]*\n"
    r"[ \t]*((?=[A-Za-z-]*\d(?:[A-Za-z-]*\d){4})[A-Za-z0-9][A-Za-z0-9-]{5,23})(?=[ \t]|$)",
    re.I | re.M,
)
_DATE_SHAPE = guarded(r"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4})$")
