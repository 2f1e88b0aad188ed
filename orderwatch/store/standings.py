"""The kept evaluations and drafts: what `check` reuses while an order's events stay the same."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlite_utils

from orderwatch.domain.model import Event
from orderwatch.store.rows import _EVENT_COLUMNS, _tuple_event

CHUNK = 500  # SQLite binds at most 999 parameters in older builds


class StandingQueries:
    """Mixed into Store (orderwatch.store.database), which gives it `db` and `write()`."""

    db: sqlite_utils.Database
    write: Any

    def events_generation(self) -> str:
        """Bumped by a trigger on every change to `events`: equal values mean the same timeline."""
        row = self.db.execute("select value from meta where key = 'events_generation'").fetchone()
        return str(row[0]) if row else "0"

    def events_with_ids(self) -> list[tuple[str, str | None, Event]]:
        """Every event as (row id, order_ref of a manual event or None, event), oldest first."""
        columns = ", ".join(_EVENT_COLUMNS)
        cursor = self.db.execute(f"select id, order_ref, {columns} from events order by at_utc, sha256, seq")
        return [(row[0], row[1], _tuple_event(row[2:])) for row in cursor]

    def events_by_id(self, ids: list[str]) -> dict[str, Event]:
        columns = ", ".join(_EVENT_COLUMNS)
        found: dict[str, Event] = {}
        for i in range(0, len(ids), CHUNK):
            chunk = ids[i : i + CHUNK]
            marks = ", ".join("?" * len(chunk))
            for row in self.db.execute(f"select id, {columns} from events where id in ({marks})", chunk):
                found[row[0]] = _tuple_event(row[1:])
        return found

    def standing_rows(self) -> dict[str, tuple[str, float | None, float | None, str, str]]:
        """ref -> (digest, low, high, event_ids JSON, summary JSON) for every kept order."""
        rows = self.db.execute("select ref, digest, low, high, event_ids, summary from standings")
        return {r[0]: (r[1], r[2], r[3], r[4], r[5]) for r in rows}

    def standings_at(self, at: float) -> tuple[int, list[str], list[str]]:
        """How many orders are kept; the summaries of those alerting whose evaluation holds at `at`
        (epoch seconds); the refs of those it does not hold for."""
        count = self.db.execute("select count(*) from standings").fetchone()[0]
        holds = "(low is null or low < :t) and (high is null or :t < high)"
        alerting = [
            r[0] for r in self.db.execute(f"select summary from standings where alerting = 1 and {holds}", {"t": at})
        ]
        stale = [r[0] for r in self.db.execute(f"select ref from standings where not ({holds})", {"t": at})]
        return count, alerting, stale

    def standing_events(self, refs: list[str]) -> dict[str, tuple[str, str]]:
        """ref -> (digest, event_ids JSON) of these kept orders."""
        found: dict[str, tuple[str, str]] = {}
        for i in range(0, len(refs), CHUNK):
            chunk = refs[i : i + CHUNK]
            marks = ", ".join("?" * len(chunk))
            for r in self.db.execute(f"select ref, digest, event_ids from standings where ref in ({marks})", chunk):
                found[r[0]] = (r[1], r[2])
        return found

    def keep_standings(
        self, rows: Iterable[dict[str, Any]], key: str | None = None, drop: list[str] | None = None
    ) -> None:
        """Save evaluations, and with `key` the timeline and rules they hold for. After a re-link,
        `drop` names the orders gone; a key without `drop` means other rules: forget them all."""
        with self.write() as db:
            if drop is None and key is not None:
                db.execute("delete from standings")  # kept under other rules: none of it holds
            for i in range(0, len(drop or []), CHUNK):
                chunk = (drop or [])[i : i + CHUNK]
                db.execute(f"delete from standings where ref in ({', '.join('?' * len(chunk))})", chunk)
            db["standings"].upsert_all(rows, pk="ref", batch_size=500)
            if key is not None:
                db.execute(
                    "insert into meta(key, value) values ('standings_key', ?) on conflict(key) do update set value = ?",
                    [key, key],
                )

    def kept_drafts(self, keys: list[str], setting: str) -> dict[str, tuple[str, str, str]]:
        """key -> (subject, body, zone) of drafts kept for these keys (rendered under `setting`)."""
        found: dict[str, tuple[str, str, str]] = {}
        if len(keys) > CHUNK:  # most of them: one pass over the table beats many lookups
            wanted = set(keys)
            rows = self.db.execute("select key, subject, body, zone from kept_drafts where setting = ?", [setting])
            return {r[0]: (r[1], r[2], r[3]) for r in rows if r[0] in wanted}
        for i in range(0, len(keys), CHUNK):
            chunk = keys[i : i + CHUNK]
            marks = ", ".join("?" * len(chunk))
            for r in self.db.execute(f"select key, subject, body, zone from kept_drafts where key in ({marks})", chunk):
                found[r[0]] = (r[1], r[2], r[3])
        return found

    def keep_drafts(self, rows: list[dict[str, Any]], setting: str) -> None:
        """Keep rendered drafts, dropping those of an order whose events changed since, or rendered
        under other templates or signature (`setting`)."""
        if not rows:
            return
        with self.write() as db:
            db["kept_drafts"].upsert_all(rows, pk="key", batch_size=500)
            db.execute(
                """delete from kept_drafts where setting != ? or not exists
                   (select 1 from standings s where s.ref = kept_drafts.ref and s.digest = kept_drafts.digest)""",
                [setting],
            )
