"""Kept evaluations and drafts give exactly what evaluating everything afresh gives.

`check` reads each order's kept evaluation while it holds (orderwatch/standings.py) and each
alert's kept draft while its order and the templates are unchanged (orderwatch/ready_drafts.py).
These tests hold both to the plain path (`cases.load_cases`, `cases.alerts`, `cases.draft_for`)
on scenarios of the corpus, at a sweep of instants, across new events and changed rules.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from orderwatch import cases, cycle, ingest, ready_drafts, standings
from orderwatch.config import Settings
from orderwatch.domain.rulebook import Rulebook
from orderwatch.domain.rules import evaluate
from orderwatch.domain.timeline import facts
from orderwatch.store import Store
from tests.conftest import CORPUS
from tests.support.corpus import Scenario

ALL = sorted(p for p in CORPUS.iterdir() if (p / "scenario.json").is_file())
SAMPLE = ALL[::12]  # about fifty, spread over the systems by name


def _load(path: Path, db: Path) -> Scenario:
    scenario = Scenario.load(path)
    with Store(db) as store:
        for folder in ("INBOX", "Sent"):
            if scenario.files(folder):
                ingest.import_paths(store, scenario.files(folder), folder)
    return scenario


def _instants(as_of: datetime) -> list[datetime]:
    """Before, at and after the scenario's instant, out of order on purpose, and back again."""
    return [
        as_of - timedelta(days=12),
        as_of,
        as_of - timedelta(days=2, hours=5),
        as_of + timedelta(hours=1),
        as_of + timedelta(days=3),
        as_of + timedelta(days=40),
        as_of,
    ]


def _fresh(store: Store, rules: Rulebook, at: datetime) -> list:
    return cases.alerts(cases.load_cases(store, rules, at), at)


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.name)
def test_kept_evaluations_and_drafts_match_a_fresh_evaluation(path: Path, tmp_path: Path) -> None:
    scenario = _load(path, tmp_path / "o.db")
    settings = Settings(db_path=tmp_path / "o.db", data_dir=tmp_path)
    rules = Rulebook()
    as_of = datetime.fromisoformat(scenario.as_of)
    with Store(tmp_path / "o.db") as store:
        for at in _instants(as_of):
            now = standings.current(store, rules, at)
            fresh = _fresh(store, rules, at)
            assert now.alerts == fresh, at
            assert now.orders == len(cases.load_cases(store, rules, at))
            views = {v.case.ref: v for v in cases.load_cases(store, rules, at)}
            expected = [cases.draft_for(views[a.ref], a) for a in fresh]
            assert ready_drafts.drafts_for(now, now.alerts, settings) == expected, at
        # A new event (entered by hand) and other rules: kept rows that no longer hold are redone.
        views = cases.load_cases(store, rules, as_of)
        if views:
            cases.add_manual(store, views[0], "complaint_sent", as_of - timedelta(hours=30), "where is my order?")
        stricter = Rulebook({"sla_merchant": "2 hours", "evidence": "3 hours", "refund": "1 workdays"})
        for at, book in ((as_of, rules), (as_of, stricter), (as_of + timedelta(days=1), stricter)):
            assert standings.current(store, book, at).alerts == _fresh(store, book, at), (at, book)


def test_the_sample_exercises_every_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept rows reused, rows redone when their interval passed, drafts kept and not rendered again."""
    rendered = []
    real = cases.skeleton
    monkeypatch.setattr(cases, "skeleton", lambda *a, **k: rendered.append(1) or real(*a, **k))
    counts = {"reused": 0, "redone": 0, "drafts kept": 0, "alerts": 0}
    for i, path in enumerate(SAMPLE[:20]):
        db = tmp_path / f"{i}.db"
        scenario = _load(path, db)
        settings = Settings(db_path=db, data_dir=tmp_path)
        as_of = datetime.fromisoformat(scenario.as_of)
        with Store(db) as store:
            first = standings.current(store, Rulebook(), as_of)
            ready_drafts.drafts_for(first, first.alerts, settings)
            again = standings.current(store, Rulebook(), as_of + timedelta(seconds=1))
            counts["reused"] += again.orders - len(again.views)
            before = len(rendered)
            texts = ready_drafts.drafts_for(again, again.alerts, settings)
            assert len(rendered) == before or len(again.views) > 0  # nothing rendered again unless redone
            counts["drafts kept"] += store.count("kept_drafts")
            counts["alerts"] += len(texts)
            earlier = standings.current(store, Rulebook(), as_of - timedelta(days=12))
            counts["redone"] += len(earlier.views)
    assert all(n > 0 for n in counts.values()), counts


@pytest.mark.parametrize("path", ALL[::20], ids=lambda p: p.name)
def test_an_evaluation_holds_over_its_interval(path: Path, tmp_path: Path) -> None:
    """The domain's promise the kept rows rest on: the same answer anywhere inside `holds`."""
    _load(path, tmp_path / "o.db")
    rules, rng = Rulebook(), random.Random(path.name)
    with Store(tmp_path / "o.db") as store:
        built = cases.load_cases(store, rules, datetime.fromisoformat(Scenario.load(path).as_of))
    bounded = 0
    for view in built:
        f = facts(view.case, rules)
        t = min(e.at for e in view.case.events) - timedelta(days=1)
        end = t + timedelta(days=80)
        while t < end:
            ev = evaluate(view.case, f, rules, t)
            low, high = ev.holds
            if low is not None and low == high:  # T on an edge itself: holds at T alone
                assert low == t
                probes = []
            else:
                probes = [
                    p for p in (low and low + timedelta(microseconds=1), high and high - timedelta(microseconds=1)) if p
                ]
            if low and high and low < high:
                probes.append(low + (high - low) * rng.random())
            for probe in probes:
                other = evaluate(view.case, f, rules, probe)
                assert dataclasses.replace(other, holds=ev.holds) == ev, (view.case.ref, t, probe)
            bounded += high is not None
            t += timedelta(hours=rng.randint(1, 40))
    assert bounded or not built


def test_review_without_drafts_gives_the_same_alerts(tmp_path: Path) -> None:
    """The agent's tick (no drafts wanted) and `check` (drafts) see the same alerts."""
    path = next(p for p in SAMPLE if Scenario.load(p).expect.get("alerts"))
    scenario = _load(path, tmp_path / "o.db")
    settings = Settings(db_path=tmp_path / "o.db", data_dir=tmp_path)
    at = datetime.fromisoformat(scenario.as_of)
    bare = cycle.review(settings, at, notify=False, drafts=False)
    full = cycle.review(settings, at, notify=False)
    assert bare.alerts == full.alerts and bare.alerts
    assert bare.rows == [] and [r["kind"] for r in full.rows] == [a.kind for a in full.alerts]
    assert all(r["draft"]["body"] for r in full.rows)
