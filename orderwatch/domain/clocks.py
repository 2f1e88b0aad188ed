"""The six clocks of domain.md ("Alerts due at an instant T"), one small function each.

Each clock reads the folded `OrderState`, the order's `Facts` and the rule book, and returns the
alert it owes at T (a `Due`) or None. `CLOCKS` lists them; `rules.evaluate` runs them in order.
Adding a clock is one function here, one line in `CLOCKS`, and its unit tests on events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from orderwatch.domain.durations import Duration, earliest_reaching
from orderwatch.domain.model import AlertKind
from orderwatch.domain.rulebook import Rulebook
from orderwatch.domain.state import OrderState, duration_field
from orderwatch.domain.timeline import Facts


@dataclass(frozen=True)
class Due:
    """One alert before it is worded: kind, deadline, and what the wording needs."""

    kind: str
    due_at: datetime
    provisional: bool = False
    facts: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Inputs:
    """What every clock reads."""

    state: OrderState
    facts: Facts
    rules: Rulebook
    platform: str
    edges: list[datetime] = field(default_factory=list)  # the instants T was compared with

    @property
    def at(self) -> datetime:
        return self.state.at

    def past(self, t: datetime) -> bool:
        """T > t; the answer changes at t, which `edges` keeps (see `rules.Evaluation.holds`)."""
        self.edges.append(t)
        return self.at > t

    def before(self, t: datetime) -> bool:
        """T < t, remembered as `past` is."""
        self.edges.append(t)
        return self.at < t

    def reaches(self, target: datetime, duration: Duration) -> bool:
        """Is `target` within `duration` of T? True from the first instant it is, which `edges` keeps."""
        self.edges.extend(earliest_reaching(target, duration, self.facts.calendar()))
        return target <= duration.after(self.at, self.facts.calendar())[0]

    def after(self, start: datetime, duration: Duration) -> tuple[datetime, bool]:
        return duration.after(start, self.facts.calendar())

    def rule(self, key: str) -> Duration:
        return self.rules.get(key, self.platform)


def delivery_overdue(i: Inputs) -> Due | None:
    """The promise ran out, is not kept, and no complaint about the order was sent since."""
    s, f = i.state, i.facts
    if not s.overdue or s.status == "refund_pending" or f.promised_by is None:
        return None
    if any(c.at > f.promised_by for c in s.complaints):  # the user already acted on this promise
        return None
    if s.status == "complaint_open" and s.complaints:  # a dispute opened before it ran out is still running
        return None
    # a desk ruled on the order (a complaint made by phone), and no new time was given since: the
    # decision's own window is the step now
    decided = s.last_decision
    if decided is not None and (decided.at > f.promised_by or s.last_promise is None or s.last_promise.at < decided.at):
        return None
    return Due(AlertKind.DELIVERY_OVERDUE, f.promised_by, f.provisional, {"promise": f.promise_phrase})


def complaint_unanswered(i: Inputs) -> Due | None:
    """A complaint has no answer from its side after the stated time, else the stage's default.

    Each side the user wrote to has its own clock, and a complaint one rung higher starts a new
    clock without ending the lower one (domain.md): the earliest one overdue is the alert.
    """
    overdue = []
    for clock in i.state.clocks:
        if clock.answered_at is not None:
            continue
        if clock.due_at is not None:
            due_at, provisional = clock.due_at, False
        else:
            due_at, provisional = i.after(clock.start, clock.stated or i.rule(f"sla_{clock.stage}"))
        if i.past(due_at):
            overdue.append((due_at, provisional, clock))
    if not overdue:
        return None
    due_at, provisional, clock = min(overdue, key=lambda o: o[0])
    facts = {"stage": clock.stage, "since": clock.start.isoformat(), "stated": bool(clock.stated or clock.due_at)}
    return Due(AlertKind.COMPLAINT_UNANSWERED, due_at, provisional, facts)


def evidence_due(i: Inputs) -> Due | None:
    """Evidence was asked for and nothing was sent since: active before and after its deadline."""
    request = i.state.last_request
    if request is None or i.state.sent_since(request.at):
        return None
    decided = i.state.last_decision
    if decided is not None and decided.at > request.at:
        return None  # the desk decided after asking: the request is spent, the decision's own window counts
    stated = request.fields.get("due")
    if stated:
        due_at, provisional = datetime.fromisoformat(str(stated)), False
    else:
        due_at, provisional = i.after(request.at, i.rule("evidence"))
    return Due(AlertKind.EVIDENCE_DUE, due_at, provisional, {"requested": request.at.isoformat()})


def appeal_window(i: Inputs) -> Due | None:
    """A decision went against the buyer (or only partly for), no appeal yet, the window open."""
    decision = i.state.last_decision
    if decision is None or decision.fields.get("outcome") not in ("against", "partial"):
        return None
    if i.state.sent_since(decision.at):
        return None
    if decision.fields.get("appeal_by"):  # "you may contest it until 25 November"
        due_at, provisional = datetime.fromisoformat(str(decision.fields["appeal_by"])), False
    else:
        window = duration_field(decision.fields.get("appeal_within")) or i.rule("appeal_window")
        due_at, provisional = i.after(decision.at, window)
    if i.past(due_at):
        return None
    return Due(
        AlertKind.APPEAL_WINDOW,
        due_at,
        provisional,
        {"decided": decision.at.isoformat(), "outcome": decision.fields.get("outcome")},
    )


def refund_overdue(i: Inputs) -> Due | None:
    """A refund was granted or promised and has not arrived by the stated time or the default."""
    grant = i.state.last_grant
    if grant is None or not i.state.refund_outstanding:
        return None
    if grant.fields.get("due"):  # a date the grant states
        due_at, provisional = datetime.fromisoformat(str(grant.fields["due"])), False
    else:
        due_at, provisional = i.after(grant.at, duration_field(grant.fields.get("within")) or i.rule("refund"))
    if not i.past(due_at):
        return None
    facts = {
        "granted": grant.at.isoformat(),
        "amount": grant.fields.get("amount"),
        "currency": grant.fields.get("currency"),
    }
    return Due(AlertKind.REFUND_OVERDUE, due_at, provisional, facts)


def complaint_window(i: Inputs) -> Due | None:
    """The order has a problem, no complaint was sent, and the platform's window closes within
    the notice period (48 h) of T: order completion (delivery, else payment) + 7 days."""
    s = i.state
    if not (s.overdue or s.seller_problem is not None) or s.complaints:
        return None
    completion = (s.delivered.at if s.delivered else None) or i.facts.start
    if completion is None:
        return None
    closes, provisional = i.after(completion, i.rule("complaint_window"))
    if not (i.before(closes) and i.reaches(closes, i.rule("complaint_window_notice"))):
        return None
    window = i.rule("complaint_window")
    facts = {"completion": completion.isoformat(), "window_zh": window.text("zh"), "window_en": window.text("en")}
    return Due(AlertKind.COMPLAINT_WINDOW, closes, provisional, facts)


Clock = Callable[[Inputs], "Due | None"]
CLOCKS: tuple[Clock, ...] = (
    delivery_overdue,
    complaint_unanswered,
    evidence_due,
    appeal_window,
    refund_overdue,
    complaint_window,
)
