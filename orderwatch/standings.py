"""Each order's evaluation kept between runs, so that a check reads what changed, not everything.

An evaluation is a pure function of the order's events, the rules and the instant T, and it holds
over an interval around T (`Evaluation.holds`: until the next event, promise or deadline passes).
So each order keeps, in the store, a digest of its events, that interval and what its alerts
need. A check at T then:
- with the timeline as kept (the store's events generation and the rules unchanged): reads the
  alerting orders whose interval holds T, and re-evaluates only those whose interval does not;
- otherwise: re-links every event into orders (an event can move an order's boundaries), and
  re-evaluates only the orders whose digest changed or whose interval does not hold T.
The answer is the same as evaluating every order afresh (tests/test_standings.py holds that).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from orderwatch import advice
from orderwatch.cases import CaseView, view_of
from orderwatch.domain.model import Alert, Event
from orderwatch.domain.rulebook import Rulebook
from orderwatch.domain.rules import Evaluation
from orderwatch.domain.timeline import Case, event_order, link, without_quoted_repeats
from orderwatch.render import TEMPLATES
from orderwatch.store import Store

# What an evaluation depends on besides the events: the rule code and the next-step wording.
_CODE = [*sorted((Path(__file__).parent / "domain").glob("*.py")), Path(__file__).parent / "advice.py"]
_WORDING = TEMPLATES / "wording.toml"


def rules_key(rules: Rulebook) -> str:
    h = hashlib.sha256(orjson.dumps(rules.overrides, option=orjson.OPT_SORT_KEYS, default=str))
    for path in [*_CODE, _WORDING]:
        h.update(path.read_bytes() if path.exists() else b"")
    return h.hexdigest()[:24]


@dataclass
class Standings:
    """The orders at one instant: how many, the alerts due, and any order's full view on demand."""

    store: Store
    rules: Rulebook
    at: datetime
    orders: int
    alerts: list[Alert]
    digests: dict[str, str]  # ref -> digest of its events, for the orders alerting
    rules_key: str  # what else the evaluations rest on (`rules_key`)
    views: dict[str, CaseView] = field(default_factory=dict)  # those built in this run
    # ref -> the instant its evaluation holds from: a draft says what was known then (the second
    # complaint's number only after it came), so the same events give another draft after it
    since: dict[str, str] = field(default_factory=dict)

    def view(self, ref: str) -> CaseView:
        """One order as it stands at `at`, from its kept event ids (built once)."""
        self.load([ref])
        return self.views[ref]

    def load(self, refs: list[str]) -> None:
        """Build the views of these orders at once (one query for all their events)."""
        missing = [ref for ref in dict.fromkeys(refs) if ref not in self.views]
        if missing:
            kept = self.store.standing_events(missing)
            ids = {ref: orjson.loads(event_ids) for ref, (_, event_ids) in kept.items()}
            self.views.update(_rebuild(self.store, self.rules, self.at, ids))


def current(store: Store, rules: Rulebook, at: datetime) -> Standings:
    """The standings at `at`, from what is kept where it still holds."""
    rkey = rules_key(rules)
    with paused_collection():
        if store.get_meta("standings_key") == f"{store.events_generation()}|{rkey}":
            return _from_kept(store, rules, at, rkey)
        return _relink(store, rules, at, rkey)


@contextlib.contextmanager
def paused_collection() -> Iterator[None]:
    """Tens of thousands of short-lived objects, none in a cycle: the garbage collector's passes
    over them find nothing and cost a third of the time. Paused here, restored after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _from_kept(store: Store, rules: Rulebook, at: datetime, rkey: str) -> Standings:
    count, summaries, stale = store.standings_at(at.timestamp())
    found = [orjson.loads(s) for s in summaries]
    views: dict[str, CaseView] = {}
    if stale:  # a deadline or a promise passed since: evaluate these again
        kept = store.standing_events(stale)
        views = _rebuild(store, rules, at, {ref: orjson.loads(ids) for ref, (_, ids) in kept.items()})
        rows = [_row(view, kept[ref][0], orjson.loads(kept[ref][1])) for ref, view in views.items()]
        store.keep_standings(rows)
        found += [orjson.loads(r["summary"]) for r in rows if r["alerting"]]
    alerts = [a for summary in found for a in _alerts(summary, at)]
    return Standings(store, rules, at, count, _sorted(alerts), _digests(found), rkey, views, _since(found))


def _row_key(event: Event) -> object:
    """A parsed event by its message and place in it (linking may complete its fields in a copy);
    an event entered by hand by itself."""
    return (event.sha256, event.seq) if event.sha256 else id(event)


def _relink(store: Store, rules: Rulebook, at: datetime, rkey: str) -> Standings:
    generation = store.events_generation()
    parsed: list[Event] = []
    manual: dict[str, list[Event]] = {}
    row_id: dict[object, str] = {}
    for rid, order_ref, event in store.events_with_ids():
        row_id[_row_key(event)] = rid
        if order_ref:
            manual.setdefault(order_ref, []).append(event)
        else:
            parsed.append(event)
    old_key = (store.get_meta("standings_key") or "|").split("|", 1)[1]
    kept = store.standing_rows() if old_key == rkey else {}
    stamp = at.timestamp()
    found: list[dict[str, Any]] = []
    views: dict[str, CaseView] = {}
    changed: list[dict[str, Any]] = []
    cases = link(parsed, manual)
    for case in cases:
        ids = orjson.dumps([row_id[_row_key(e)] for e in case.events + case.folded]).decode()
        events_digest = digest(case)
        old = kept.get(case.ref)
        if (
            old
            and old[0] == events_digest
            and (old[1] is None or old[1] < stamp)
            and (old[2] is None or stamp < old[2])
        ):
            summary = orjson.loads(old[4])
            if old[3] != ids:  # the same events under other row ids (entered again by hand)
                changed.append(
                    {
                        "ref": case.ref,
                        "digest": events_digest,
                        "event_ids": ids,
                        "low": old[1],
                        "high": old[2],
                        "alerting": int(bool(summary["dues"])),
                        "summary": old[4],
                    }
                )
        else:
            views[case.ref] = view_of(case, rules, at)
            row = _row(views[case.ref], events_digest, orjson.loads(ids))
            changed.append(row)
            summary = orjson.loads(row["summary"])
        if summary["dues"]:
            found.append(summary)
    gone = sorted(set(kept) - {c.ref for c in cases}) if kept else None
    store.keep_standings(changed, key=f"{generation}|{rkey}", drop=gone)
    alerts = [a for summary in found for a in _alerts(summary, at)]
    return Standings(store, rules, at, len(cases), _sorted(alerts), _digests(found), rkey, views, _since(found))


def _digests(summaries: list[dict[str, Any]]) -> dict[str, str]:
    return {s["ref"]: s["digest"] for s in summaries}


def _since(summaries: list[dict[str, Any]]) -> dict[str, str]:
    return {s["ref"]: str(s.get("since")) for s in summaries}


def _rebuild(store: Store, rules: Rulebook, at: datetime, ids_by_ref: dict[str, list[str]]) -> dict[str, CaseView]:
    """Orders from their kept event ids, without re-linking the rest (their boundaries are kept)."""
    events = store.events_by_id([i for ids in ids_by_ref.values() for i in ids])
    views = {}
    for ref, ids in ids_by_ref.items():
        platform, _, order_no = ref.partition(":")
        case = Case(order_no, platform)
        for event in sorted((events[i] for i in ids if i in events), key=event_order):
            case.add(event)
        case.events, case.folded = without_quoted_repeats(case.events)  # as linking left them
        views[ref] = view_of(case, rules, at)
    return views


def digest(case: Case) -> str:
    """What the order's evaluation reads: its identity and every event, field by field."""
    h = hashlib.sha256(f"{case.platform}\x00{case.order_no}".encode())
    for e in case.events:
        h.update(
            orjson.dumps(
                [
                    e.kind,
                    e.at.isoformat(),
                    e.role,
                    e.sha256,
                    e.seq,
                    e.order_no,
                    e.ticket_no,
                    e.message_id,
                    e.in_reply_to,
                    e.lang,
                    e.summary,
                    e.source,
                    e.sender,
                    e.fields,
                ],
                option=orjson.OPT_SORT_KEYS,
                default=str,
            )
        )
    return h.hexdigest()[:32]


def _summary(view: CaseView, events_digest: str) -> dict[str, Any]:
    ev: Evaluation = view.evaluation
    f = view.facts
    return {
        "ref": view.case.ref,
        "digest": events_digest,
        "order_no": view.case.order_no,
        "lang": f.lang,
        "stage": ev.stage,
        "since": ev.holds[0].isoformat() if ev.holds[0] else None,
        "dues": [
            {
                "kind": d.kind,
                "due_at": d.due_at.isoformat(),
                "provisional": d.provisional,
                "facts": d.facts,
                "next_step": advice.next_step(
                    d.kind,
                    d.due_at,
                    ev.stage,
                    f.lang,
                    {**d.facts, "marketplace": f.marketplace, "currency": f.currency},
                ),
            }
            for d in ev.dues
        ],
    }


def _row(view: CaseView, events_digest: str, ids: list[str]) -> dict[str, Any]:
    low, high = view.evaluation.holds
    return {
        "ref": view.case.ref,
        "digest": events_digest,
        "event_ids": orjson.dumps(ids).decode(),
        "low": low.timestamp() if low else None,
        "high": high.timestamp() if high else None,
        "alerting": int(bool(view.evaluation.dues)),
        "summary": orjson.dumps(_summary(view, events_digest), default=str).decode(),
    }


def _alerts(summary: dict[str, Any], at: datetime) -> list[Alert]:
    ref, order_no, stage, lang = summary["ref"], summary["order_no"], summary["stage"], summary["lang"]
    return [
        Alert(
            ref,
            order_no,
            d["kind"],
            datetime.fromisoformat(d["due_at"]),
            at,
            stage,
            d["next_step"],
            lang,
            d["provisional"],
            d["facts"],
        )
        for d in summary["dues"]
    ]


def _sorted(alerts: list[Alert]) -> list[Alert]:
    """In the order `cases.alerts` gives: by deadline, then order, then kind."""
    return sorted(alerts, key=lambda a: (a.due_at.timestamp(), a.ref, a.kind))
