"""The outbox queries: notifications queued, claimed and finished, each delivered at most once."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from orderwatch.store.rows import utcnow


class OutboxQueries:
    """Mixed into Store (orderwatch.store.database), which gives it `db` and `write()`."""

    db: sqlite_utils.Database
    write: Any

    def add_outbox(self, rows: list[dict[str, Any]]) -> int:
        """Queue notifications; a key already queued (or sent) is left alone. Returns how many are new."""
        if not rows:
            return 0
        with self.write() as db:
            before = db["outbox"].count
            db["outbox"].insert_all(rows, pk="key", ignore=True)
            return db["outbox"].count - before

    def outbox_keys(self, keys: list[str]) -> set[str]:
        """Which of these keys are queued already (in any state)."""
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            found.update(r[0] for r in self.db.execute(f"select key from outbox where key in ({marks})", chunk))
        return found

    def _outbox(self, where: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        return list(self.db.query(f"select * from outbox where {where} order by created_at, key", params or []))

    def outbox_rows(self) -> list[dict[str, Any]]:
        """Every notification row, oldest first."""
        return self._outbox("1")

    def first_reminders_sent(self) -> list[dict[str, Any]]:
        """The first reminder of each step that went out (repeats count from its time)."""
        return self._outbox("round = 0 and state = 'sent'")

    def outbox_due(self, now: str) -> list[dict[str, Any]]:
        """Rows waiting to be sent (new, or failed and due for a retry) at `now` (UTC ISO)."""
        return self._outbox("state in ('pending', 'failed') and next_attempt_at <= ?", [now])

    def outbox_unknown(self) -> list[dict[str, Any]]:
        """Rows whose send was interrupted: delivered or not, nobody knows, so never resent."""
        return self._outbox("state = 'unknown'")

    def outbox_counts(self) -> dict[str, int]:
        return {
            row["state"]: row["n"] for row in self.db.query("select state, count(*) as n from outbox group by state")
        }

    def claim(self, key: str) -> bool:
        """Mark a row 'sending' before the send; False if another run got it first."""
        with self.write() as db:
            cursor = db.execute(
                "update outbox set state = 'sending', attempts = attempts + 1, next_attempt_at = ? "
                "where key = ? and state in ('pending', 'failed')",
                [utcnow(), key],
            )
            return cursor.rowcount == 1

    def finish(self, key: str, state: str, error: str | None, next_attempt_at: str | None) -> None:
        """Record a send's outcome: sent, failed (retried at next_attempt_at), unknown or dead (never resent)."""
        with self.write() as db:
            if state == "sent":
                db.execute(
                    "update outbox set state = 'sent', sent_at = ?, last_error = null where key = ?", [utcnow(), key]
                )
            else:
                db.execute(
                    "update outbox set state = ?, last_error = ?, next_attempt_at = ? where key = ?",
                    [state, error, next_attempt_at, key],
                )

    def mark_unknown(self, older_than: str) -> int:
        """Rows left 'sending' by a run that died: delivery unknown, surfaced and not resent blindly."""
        with self.write() as db:
            cursor = db.execute(
                "update outbox set state = 'unknown', last_error = 'the run stopped while sending: delivery unknown' "
                "where state = 'sending' and coalesce(next_attempt_at, '') < ?",
                [older_than],
            )
            return cursor.rowcount
