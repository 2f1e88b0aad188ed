"""The rules of domain.md ("The default rules, precisely") evaluated at an instant T.

`evaluate` is a fold plus the clock registry: the order's events up to T become one
`OrderState` (state.py), and each clock in `clocks.CLOCKS` says whether it owes an alert.
Pure: the same events, rules and T always give the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from orderwatch.domain.clocks import CLOCKS, Due, Inputs, appeal_window
from orderwatch.domain.rulebook import Rulebook
from orderwatch.domain.state import TERMINAL, OrderState, fold
from orderwatch.domain.timeline import Case, Facts

__all__ = ["Due", "Evaluation", "evaluate"]


@dataclass(frozen=True)
class Evaluation:
    status: str
    stage: str
    complaint_no: str | None
    delivered_at: datetime | None
    shipped_at: datetime | None
    dues: list[Due]
    # The open interval of instants around T at which this same evaluation holds (None: unbounded):
    # bounded by the instants T was compared with (the order's events, its promise, each clock's
    # deadline), so a kept evaluation is reused until the first of them passes.
    holds: tuple[datetime | None, datetime | None] = (None, None)

    def holds_at(self, t: datetime) -> bool:
        low, high = self.holds
        return (low is None or low < t) and (high is None or t < high)


def evaluate(case: Case, facts: Facts, rules: Rulebook, at: datetime) -> Evaluation:
    state = fold(case, facts, at)
    dues: list[Due] = []
    inputs = Inputs(state, facts, rules, case.platform)
    if state.status not in TERMINAL:
        dues = [due for clock in CLOCKS if (due := clock(inputs)) is not None]
    elif state.status == "refunded" and _partly_decided(state):
        # A partial decision paid out is settled only for the part granted: the rest may be appealed.
        dues = [due for due in (appeal_window(inputs),) if due is not None]
    return Evaluation(
        state.status,
        state.stage,
        state.complaint_no,
        state.delivered.at if state.delivered else None,
        state.shipped.at if state.shipped else None,
        dues,
        _holds(at, [e.at for e in case.events] + [facts.promised_by] + inputs.edges),
    )


def _holds(at: datetime, edges: list[datetime | None]) -> tuple[datetime | None, datetime | None]:
    if at in edges:
        return at, at  # on an edge itself: holds at no other instant
    low = max((e for e in edges if e is not None and e < at), default=None)
    high = min((e for e in edges if e is not None and e > at), default=None)
    return low, high


def _partly_decided(state: OrderState) -> bool:
    """A partial decision, or one against the buyer after a part of the money came back (a bank keeps
    the merchant's partial credit and decides the rest against the buyer): the rest may be appealed."""
    decision = state.last_decision
    if decision is None:
        return False
    outcome = decision.fields.get("outcome")
    received = state.refund_received
    return outcome == "partial" or (outcome == "against" and received is not None and received.at < decision.at)
