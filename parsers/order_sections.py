"""One mail, several orders: a marketplace's confirmation that lists each order with its own arrival
date and total ("Order #111-… … Order Total: $64.72", then "Order #111-… … Order Total: $17.34").

Each order is read from its own section, so that one order's promise and total are never another's.
A section ends with its total; it belongs to the order whose reference it names last (a summary at
the top may list every order first).
"""

from __future__ import annotations

import dataclasses
import re

from orderwatch.parsers import cues
from orderwatch.parsers import guarded as rx
from orderwatch.parsers.base import Message
from orderwatch.parsers.fields.money import AMOUNT
from orderwatch.parsers.fields.refs import reference_shape
from orderwatch.parsers.guarded import guarded

# An order's total, its amount on the label's line or the next one: "Order Total: $64.72", "Grand Total:\n265.99 USD"
_TOTAL_LINE = guarded(
    r"^[^\S\n]*(?:order total|grand total|importe total(?: del pedido)?|total|gesamtbetrag|gesamtsumme|total de la commande|totale ordine|total del pedido|totale)"
    # "Totale IVA inclusa (ove applicabile):", "Gesamtsumme (inkl. MwSt.)", "Total TTC"
    r"(?:[^\S\n]+(?:iva inclusa|iva incluida|iva incluido|incl\.? vat|inkl\.? mwst\.?|ttc))?(?:[^\S\n]*\([^)\n]{0,30}\))?"
    r"[^\S\n]*[:：]?[^\S\n]*(?:<br\s*/?>[^\S\n]*)?(?:\n[^\S\n]*)?(?=[^\n]*\d)[^\n]*$",  # a stray "<br/>" in a text part
    re.I | re.M,
)


def order_sections(msg: Message, references: list[str]) -> list[tuple[str, Message]]:
    """(reference, the mail as that order's section alone) for a mail listing two or more orders, each
    closed by its own total; [] for any other mail."""
    if len(references) < 2:
        return []
    text = msg.mail.text
    ends = [m.end() for m in _TOTAL_LINE.finditer(text) if AMOUNT.search(m.group(0))]
    if len(ends) < 2:
        return []
    sections: list[tuple[str, Message]] = []
    confirmed = cues.CONFIRM.search(msg.both)
    # "Pedido nº 407-…143 / Pedido nº 407-…751" listed once at the top, then one section per order in that
    # order, none naming its own: the sections follow the list
    present = [ref for ref in references if ref in text]  # not a link's: a session number shaped like one
    listed = sorted(present, key=text.find) if all(text.count(ref) == 1 for ref in present) else []
    start = 0
    for index, end in enumerate(ends):
        part = text[start:end]
        named = [(part.rfind(ref), ref) for ref in references if ref in part]
        if len(listed) == len(ends):
            named = [(0, listed[index])]
        start = end
        if not named:
            continue
        own = max(named)[1]  # the order the section names last: its own header, after any summary
        if any(own == ref for ref, _ in sections):
            continue
        others = [ref for ref in references if ref != own]
        alone = rx.sub("|".join(re.escape(ref) for ref in others), " ", part) if others else part
        if own not in alone:  # a listed order: its line in the list heads its section ("Pedido nº 407-…")
            alone = _line_of(text, text.find(own)) + "\n" + alone
        if confirmed and not cues.CONFIRM.search(alone):  # the mail's "Order Confirmation" confirms each order
            alone = confirmed.group(0) + "\n" + alone
        mail = dataclasses.replace(msg.mail, text=alone, html="")
        sections.append((own, Message(mail, msg.role, msg.at)))
    # several orders of one shop share their number's shape ("111-3904417-2286530", "111-7261093-4408817");
    # an invoice or a parcel number beside the order's does not make a second order
    shapes = {reference_shape(ref) for ref, _ in sections}
    return sections if len(sections) >= 2 and len(shapes) == 1 else []


def _line_of(text: str, at: int) -> str:
    """The whole line of `text` that holds position `at`."""
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1 : len(text) if end < 0 else end]
