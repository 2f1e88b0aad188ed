"""Field extractors shared by every parser family: references, amounts, times, tickets.

Pure functions of text. They know the usual *labels* of order mail in many languages
("订单号：", "Order #", "Total", "Bestellnummer"), never a particular shop. One module per kind
of field: `refs`, `money`, `times`; this package lists what the parsers use.
"""

from __future__ import annotations

from orderwatch.parsers import guarded as rx
from orderwatch.parsers.fields.money import (
    AMOUNT,
    Money,
    amount_beside,
    amounts,
    decimal_value,
    dollar_currency,
    full_refund_total,
    japanese_yen,
    krone,
    local_currency,
    order_total,
    parse_amount,
    refund_amount,
    total_amount,
)
from orderwatch.parsers.fields.refs import (
    Reference,
    mentions,
    order_numbers,
    plural_word,
    reference_shape,
    references,
    service_own,
)
from orderwatch.parsers.fields.tickets import ticket_numbers
from orderwatch.parsers.fields.times import TextTime, end_of_day, find_times, labelled_time
from orderwatch.parsers.guarded import guarded

__all__ = [
    "AMOUNT",
    "CJK",
    "Money",
    "Reference",
    "TextTime",
    "amount_beside",
    "amounts",
    "decimal_value",
    "dollar_currency",
    "end_of_day",
    "find_times",
    "full_refund_total",
    "japanese_yen",
    "krone",
    "labelled_time",
    "language",
    "local_currency",
    "mentions",
    "order_numbers",
    "order_total",
    "parse_amount",
    "plural_word",
    "reference_shape",
    "references",
    "refund_amount",
    "service_own",
    "ticket_numbers",
    "total_amount",
]

CJK = guarded(r"[\u4e00-\u9fff]")

# --- language ---------------------------------------------------------------------------


_KANA = guarded(r"[\u3040-\u30ff]")


def language(text: str) -> str:
    """'zh' when Chinese characters make up a real share of the letters, else 'en'.

    Japanese writes Chinese characters too, but between kana: its mail gets English drafts and
    Monday-Friday business days, never the Chinese holiday calendar or a Chinese complaint."""
    sample = text[:4000]
    cjk = len(CJK.findall(sample))
    latin = len(rx.findall(r"[A-Za-z]", sample))
    if cjk >= 8 and len(_KANA.findall(sample)) * 4 >= cjk:
        return "en"
    return "zh" if cjk >= 8 and cjk * 3 >= latin * 0.5 else "en"
