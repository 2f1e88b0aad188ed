"""What the user asks of the stored orders, one function per command: the orders and alerts at an
instant, a draft, an event entered by hand, a status set by hand, the review list. Each opens the
store, does one thing, and returns plain data for the CLI (or a flow) to print.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from orderwatch import cases, cycle
from orderwatch import review as review_list
from orderwatch.config import Settings
from orderwatch.domain.drafts import EXTRA_KINDS


def views(settings: Settings, at: datetime) -> list[cases.CaseView]:
    """Every order as it stands at `at`."""
    with cycle.opened(settings) as store:
        return cases.load_cases(store, cycle.rulebook(settings), at)


def status(settings: Settings, now: datetime) -> dict[str, Any]:
    """`cycle.status` plus the mail waiting on the review list."""
    with cycle.opened(settings) as store:
        info = cycle.status(store)
        pending = review_list.pending(store, cases.load_cases(store, cycle.rulebook(settings), now))
    info["review"] = [item.to_json() for item in pending]
    return info


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str
    saved: cycle.SavedDraft | None = None


def draft(
    settings: Settings,
    order: str,
    at: datetime,
    kind: str | None = None,
    lang: str | None = None,
    to_drafts: bool = False,
    account: str | None = None,
) -> Draft:
    """The text for the order's next step (or the kind asked), and where it was saved."""
    with cycle.opened(settings) as store:
        view = cases.find(cases.load_cases(store, cycle.rulebook(settings), at), order)
        due = [a for a in cases.alerts([view], at) if kind is None or a.kind == kind or kind in EXTRA_KINDS]
        text = cases.draft_for(
            view, due[0] if due else None, lang=lang, kind=kind, templates=settings.drafts_dir, me=settings.me
        )
        saved = cycle.save_draft(settings, store, view, text, account) if to_drafts else None
    return Draft(text["subject"], text["body"], saved)


def note(settings: Settings, order: str, kind: str, at: datetime, text: str, status: str | None = None) -> str:
    """Enter an event that is not in mail (a call, a chat promise, a web-form complaint); its order's ref."""
    with cycle.opened(settings) as store:
        view = cases.find(cases.load_cases(store, cycle.rulebook(settings), at), order)
        cases.add_manual(store, view, kind, at, text, status=status)
    return view.case.ref


def mark(settings: Settings, order: str, status: str, at: datetime) -> str:
    """Mark an order resolved or cancelled by the user: its clocks stop."""
    return note(settings, order, "note", at, f"marked {status} by you", status=status)


def review(
    settings: Settings, now: datetime, attach: tuple[str, str] | None = None, not_order: str | None = None
) -> str | list[review_list.ReviewItem]:
    """The review list; or put one of its mails on an order (the ref), or dismiss it ('')."""
    with cycle.opened(settings) as store:
        found = cases.load_cases(store, cycle.rulebook(settings), now)
        if attach:
            return review_list.attach(store, found, attach[0], attach[1], now)
        if not_order:
            review_list.dismiss(store, not_order)
            return ""
        return review_list.pending(store, found)
