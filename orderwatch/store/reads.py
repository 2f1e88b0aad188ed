"""What was read: parse results, the review list, failures and degraded messages."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from orderwatch.store.rows import utcnow


class ReadQueries:
    """Mixed into Store (orderwatch.store.database), which gives it `db` and `write()`."""

    db: sqlite_utils.Database
    write: Any

    def subject_of(self, sha256: str) -> str:
        """The decoded subject the parser stored for a message ('' when none)."""
        row = self.db.execute("select subject from parses where sha256 = ?", [sha256]).fetchone()
        return (row[0] if row else "") or ""

    def is_empty(self) -> bool:
        return self.db.execute("select 1 from messages limit 1").fetchone() is None

    def unrecognised_from_shops(self) -> list[dict[str, Any]]:
        """Mail that no parser understood, from a domain that has sent an order: worth a look."""
        domains = {
            r[0]
            for r in self.db.execute(
                "select distinct json_extract(fields, '$.shop_domain') from events where kind = 'ordered'"
            )
            if r[0]
        }
        rows = self.db.query(
            "select sha256, from_addr, subject, date from parses where kind = 'unrecognised' and status = 'ok'"
        )
        return (
            [r for r in rows if (r["from_addr"] or "").rpartition("@")[2].endswith(tuple(domains))] if domains else []
        )

    def commerce_without_order(self) -> list[dict[str, Any]]:
        """Parsed mail whose reason says it looks like commerce although it named no order."""
        return list(
            self.db.query(
                "select sha256, from_addr, subject, date, reason from parses"
                " where status = 'ok' and reason like 'looks like commerce%'"
            )
        )

    def parse_rows(self, shas: list[str]) -> list[dict[str, Any]]:
        if not shas:
            return []
        marks = ", ".join("?" * len(shas))
        return list(
            self.db.query(f"select sha256, from_addr, subject, date from parses where sha256 in ({marks})", shas)
        )

    def reviews(self) -> dict[str, dict[str, Any]]:
        return {r["sha256"]: r for r in self.db.query("select * from reviews")}

    def decide_review(self, sha: str, decision: str, order_ref: str | None) -> None:
        with self.write() as db:
            db["reviews"].upsert(
                {"sha256": sha, "decision": decision, "order_ref": order_ref, "decided_at": utcnow()}, pk="sha256"
            )

    def find_message(self, prefix: str) -> list[str]:
        """Stored messages whose sha256 starts with `prefix` (what `review` shows)."""
        return [
            r[0]
            for r in self.db.execute(
                "select sha256 from messages where sha256 >= ? and sha256 < ? limit 2", [prefix, prefix + "g"]
            )
        ]

    def parse_failures(self) -> list[dict[str, Any]]:
        return list(self.db.query("select sha256, reason from parses where status = 'failed'"))

    def parse_degraded(self) -> list[dict[str, Any]]:
        """Messages a parser family crashed on: stored and decoded, but not understood."""
        return list(self.db.query("select sha256, subject, reason from parses where status = 'degraded'"))
