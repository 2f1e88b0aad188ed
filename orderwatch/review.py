"""Nothing silently missed: mail that looks like commerce but gave no order, for a person's look.

Three sources, each with its reason: mail the parsers could not read although it carries the
evidence of commerce (an amount, an order word, shipping words); unrecognised mail from a shop the
user has ordered from; and events that name an order or ticket no order mail opened. One command
attaches such a mail to an order, or marks it not an order; the choice is kept in the store apart
from the parse, so it survives every re-parse.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from orderwatch.cases import CaseView, add_manual, find
from orderwatch.errors import UsageError
from orderwatch.store import Store

ATTACHED = "attached"
NOT_ORDER = "not_order"


@dataclass(frozen=True)
class ReviewItem:
    sha256: str
    date: str | None
    sender: str
    subject: str
    reason: str

    def to_json(self) -> dict[str, str | None]:
        return asdict(self)


def pending(store: Store, views: list[CaseView]) -> list[ReviewItem]:
    """Every commerce-looking mail that gave no order and that the user has not decided on."""
    decided = store.reviews()
    on_orders = {e.sha256 for v in views for e in v.case.events if e.sha256}
    reasons: dict[str, tuple[dict, str]] = {}
    for row in store.commerce_without_order():
        reasons[row["sha256"]] = (row, row["reason"])
    for row in store.unrecognised_from_shops():
        reasons.setdefault(row["sha256"], (row, "unrecognised mail from a shop you ordered from"))
    orphans: dict[str, str] = {}
    for order_ref, event in store.events():
        if order_ref or not event.sha256 or event.sha256 in on_orders or event.sha256 in orphans:
            continue
        if event.fields.get("carrier_only"):
            continue  # a carrier's notice for a parcel no order shipped is noise (domain.md)
        named = event.order_no or event.ticket_no
        what = f"names {'order' if event.order_no else 'ticket'} {named}" if named else "names no order or ticket"
        orphans[event.sha256] = (
            f"a {event.kind.replace('_', ' ')} that joined no order: {what}, which no order mail opened"
        )
    for row in store.parse_rows(sorted(set(orphans) - set(reasons))):
        reasons[row["sha256"]] = (row, orphans[row["sha256"]])
    items = [
        ReviewItem(sha, row.get("date"), row.get("from_addr") or "", row.get("subject") or "", reason)
        for sha, (row, reason) in reasons.items()
        if sha not in decided
    ]
    return sorted(items, key=lambda i: (i.date or "", i.sha256))


def _message(store: Store, prefix: str) -> str:
    found = store.find_message(prefix.lower()) if len(prefix) >= 6 else []
    if len(found) != 1:
        raise UsageError(f"no single stored message starts with {prefix!r} (see `orderwatch review`)")
    return found[0]


def attach(store: Store, views: list[CaseView], prefix: str, order: str, at: datetime) -> str:
    """Put a mail on an order's timeline (as a note that names it) and take it off the list."""
    sha = _message(store, prefix)
    view = find(views, order)
    row = next(iter(store.parse_rows([sha])), {})
    when = datetime.fromisoformat(row["date"]) if row.get("date") else at
    add_manual(store, view, "note", when, f"attached by you: {row.get('subject') or sha[:12]} ({sha[:12]})")
    store.decide_review(sha, ATTACHED, view.case.ref)
    return view.case.ref


def dismiss(store: Store, prefix: str) -> str:
    """Mark a mail as not an order: it leaves the list for good."""
    sha = _message(store, prefix)
    store.decide_review(sha, NOT_ORDER, None)
    return sha
