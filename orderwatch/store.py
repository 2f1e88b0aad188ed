"""SQLite storage through sqlite-utils: the only module that knows the schema.

Invariants kept here, so that every caller gets them for free:
- a raw message is stored once, keyed by the SHA-256 of its bytes, and never changed or deleted;
- where a message was seen (account, folder, UIDVALIDITY, UID) is a separate location row, so the
  same message in two folders, or again after a UIDVALIDITY change, is one message;
- a folder's high-water mark moves in the same transaction that stores the messages it covers;
- every write transaction begins IMMEDIATE with a busy timeout, so two runs never interleave
  half-done writes and never fail with "database is locked" while the other one is working.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import sqlite_utils
from sqlite_utils import Migrations

from orderwatch.domain.model import Event
from orderwatch.errors import StoreError

BUSY_TIMEOUT_S = 30.0
migrations = Migrations("orderwatch")


@migrations()
def m001_messages(db: sqlite_utils.Database) -> None:
    db["messages"].create(
        {
            "sha256": str,  # of the raw bytes: the message's identity
            "size": int,
            "message_id": str,
            "internaldate": str,  # from the first place we saw it (IMAP INTERNALDATE, file mtime)
            "first_seen": str,
            "raw": bytes,
        },
        pk="sha256",
    )
    db["messages"].create_index(["message_id"])
    db["locations"].create(
        {
            "key": str,  # imap:ACCOUNT/FOLDER;UIDVALIDITY=V/;UID=U, maildir:ACCOUNT/FOLDER/KEY, import:FOLDER/SHA
            "sha256": str,
            "account": str,
            "folder": str,
            "role": str,  # inbox | sent: whether the user received or wrote it
            "uidvalidity": int,
            "uid": int,
            "flags": str,  # JSON list, as fetched
            "internaldate": str,
            "source": str,  # imap:ACCOUNT/FOLDER | import (contract's event source)
            "seen_at": str,
        },
        pk="key",
        foreign_keys=[("sha256", "messages", "sha256")],
    )
    db["locations"].create_index(["sha256"])
    db["locations"].create_index(["account", "folder", "uidvalidity", "uid"])
    db["folders"].create(
        {
            "key": str,  # ACCOUNT/FOLDER
            "account": str,
            "folder": str,
            "uidvalidity": int,
            "last_uid": int,  # high-water mark: every UID <= this one is stored (or gone)
            "uidvalidity_changes": int,
            "last_sync": str,
            "last_error": str,
        },
        pk="key",
    )
    db["parses"].create(
        {
            "sha256": str,
            "status": str,  # ok | failed
            "reason": str,  # why it failed, in one line
            "warnings": str,  # JSON list of defects that did not stop the parse
            "parser_version": str,
            "parsed_at": str,
            "message_id": str,
            "subject": str,
            "from_addr": str,
            "from_name": str,
            "date": str,
            "in_reply_to": str,
            "references": str,  # JSON list
        },
        pk="sha256",
        foreign_keys=[("sha256", "messages", "sha256")],
    )
    db["parses"].create_index(["status"])
    db["parses"].create_index(["in_reply_to"])


@migrations()
def m002_parse_queue(db: sqlite_utils.Database) -> None:
    """`pending` marks stored-but-unparsed messages; a partial index keeps the check O(pending)."""
    db["messages"].add_column("pending", int)
    db.execute("update messages set pending = 1 where sha256 not in (select sha256 from parses)")
    db.execute("create index messages_pending on messages(sha256) where pending = 1")
    db["meta"].create({"key": str, "value": str}, pk="key")


@migrations()
def m003_events(db: sqlite_utils.Database) -> None:
    """Events found in mail (recomputed by every parse) and entered by the user (kept)."""
    db["events"].create(
        {
            "id": str,  # msg:SHA256:SEQ for parsed events, manual:UUID for the user's own
            "sha256": str,
            "kind": str,
            "at": str,  # ISO 8601 with the offset it was stated in
            "at_utc": str,  # for ordering and range queries
            "summary": str,
            "fields": str,  # JSON
            "order_no": str,
            "ticket_no": str,
            "order_ref": str,  # manual events: the order they belong to
            "message_id": str,
            "source": str,
            "role": str,
            "sender": str,
            "recipients": str,  # JSON
            "in_reply_to": str,
            "references": str,  # JSON
            "lang": str,
            "parser": str,
            "seq": int,
        },
        pk="id",
    )
    db["events"].create_index(["sha256"])
    db["events"].create_index(["order_no"])
    db["events"].create_index(["order_ref"])
    db["parses"].add_column("kind", str)
    db["parses"].add_column("parser", str)
    db["parses"].add_column("confidence", float)


@migrations()
def m004_outbox(db: sqlite_utils.Database) -> None:
    """One row per (reminder, target): what to send, and what became of it."""
    db["outbox"].create(
        {
            "key": str,  # ref|kind|due_at|round|target_id: the idempotency key
            "ref": str,
            "kind": str,
            "due_at": str,
            "round": int,  # 0: first reminder; 1..K: stronger repeats
            "target_id": str,  # a hash of the URL, never the URL
            "target_label": str,  # the URL with its secrets masked
            "urgent": int,
            "title": str,
            "body": str,
            "state": str,  # pending | sending | sent | failed | unknown
            "attempts": int,
            "last_error": str,
            "next_attempt_at": str,  # UTC
            "created_at": str,
            "sent_at": str,
        },
        pk="key",
    )
    db["outbox"].create_index(["state", "next_attempt_at"])
    db["outbox"].create_index(["ref", "kind", "due_at", "target_id"])


@migrations()
def m005_absent(db: sqlite_utils.Database) -> None:
    """A location the server no longer lists is marked, never deleted: the archive only grows.

    Folders remember how many UIDVALIDITY changes came in a row (a flapping server is stopped)
    and the last genuine reset (how many of its messages were gone), for a notice to the user.
    """
    db["locations"].add_column("absent_since", str)
    db["folders"].add_column("validity_changes_in_a_row", int)
    db["folders"].add_column("reset_at", str)
    db["folders"].add_column("reset_gone", int)


@migrations()
def m006_reviews(db: sqlite_utils.Database) -> None:
    """The user's word on mail that looked like commerce but gave no order: kept across re-parses."""
    db["reviews"].create(
        {"sha256": str, "decision": str, "order_ref": str, "decided_at": str},  # attached | not_order
        pk="sha256",
    )


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class Location:
    """Where a message was seen. `key` is its natural identity."""

    key: str
    account: str
    folder: str
    role: str
    source: str
    uidvalidity: int | None = None
    uid: int | None = None
    flags: tuple[str, ...] = ()
    internaldate: str | None = None


@dataclass(frozen=True)
class StoredMessage:
    sha256: str
    raw: bytes
    role: str
    source: str
    internaldate: str | None


class Store:
    """A handle on one orderwatch database file."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        try:
            _create_private(self.path)
            while True:
                try:
                    self._open()
                    break
                except sqlite3.OperationalError as exc:
                    # Two processes creating one new file: switching it to WAL answers "locked"
                    # at once, without waiting on the busy timeout. Try again, for as long.
                    if "locked" not in str(exc) or time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the database {self.path}: {exc}") from None
        except OSError as exc:
            raise StoreError(f"cannot create the database {self.path}: {exc.strerror}") from None

    def _open(self) -> None:
        conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            self.db = sqlite_utils.Database(conn, execute_plugins=False)
            _ = self.db.supports_on_conflict  # probe once now, not inside a later transaction
            with self.write():
                migrations.apply(self.db)
        except BaseException:
            conn.close()
            raise

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """One write transaction, taken IMMEDIATE so concurrent writers queue instead of failing."""
        conn = self.db.conn
        if conn.in_transaction:  # nested: sqlite-utils uses savepoints inside
            yield self.db
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            conn.rollback()
            raise
        else:
            conn.commit()
            _count_commit()

    # --- messages and where they were seen -------------------------------------------------

    def has_message(self, sha256: str) -> bool:
        return bool(self.db.execute("select 1 from messages where sha256 = ?", [sha256]).fetchone())

    def known_by_message_id(self, message_id: str, size: int) -> str | None:
        """A stored message with this Message-ID and size, if any (lets a rescan skip a body fetch)."""
        row = self.db.execute(
            "select sha256 from messages where message_id = ? and size = ? limit 1", [message_id, size]
        ).fetchone()
        return row[0] if row else None

    def has_location(self, key: str) -> bool:
        return bool(self.db.execute("select 1 from locations where key = ?", [key]).fetchone())

    def location_keys(self, prefix: str) -> set[str]:
        rows = self.db.execute("select key from locations where key >= ? and key < ?", [prefix, prefix + "\uffff"])
        return {r[0] for r in rows}

    def save_messages(self, items: list[tuple[bytes, Location, str | None]]) -> list[tuple[str, bool]]:
        """Store a batch of (raw, location, Message-ID) in one transaction, each body once.

        Returns (sha256, is_new) per item, in order. Bulk statements: per-row upserts cost
        sqlite-utils a table introspection each, which dominated the sync time.
        """
        if not items:
            return []
        shas = [content_hash(raw) for raw, _, _ in items]
        now = utcnow()
        with self.write() as db:
            known = self._existing_shas(shas)
            fresh: dict[str, dict[str, Any]] = {}
            for sha, (raw, loc, message_id) in zip(shas, items, strict=True):
                if sha not in known and sha not in fresh:
                    fresh[sha] = {
                        "sha256": sha,
                        "size": len(raw),
                        "message_id": message_id,
                        "internaldate": loc.internaldate,
                        "first_seen": now,
                        "raw": raw,
                        "pending": 1,  # until its parse result is saved
                    }
            if fresh:
                db["messages"].insert_all(fresh.values(), batch_size=100)
            self.save_locations(list(zip(shas, (loc for _, loc, _ in items), strict=True)))
        seen: set[str] = set()
        out: list[tuple[str, bool]] = []
        for sha in shas:
            out.append((sha, sha in fresh and sha not in seen))
            seen.add(sha)
        return out

    def save_message(self, raw: bytes, location: Location, message_id: str | None = None) -> tuple[str, bool]:
        return self.save_messages([(raw, location, message_id)])[0]

    def save_locations(self, pairs: list[tuple[str, Location]]) -> None:
        if not pairs:
            return
        now = utcnow()
        rows = [
            {
                "key": loc.key,
                "sha256": sha,
                "account": loc.account,
                "folder": loc.folder,
                "role": loc.role,
                "uidvalidity": loc.uidvalidity,
                "uid": loc.uid,
                "flags": json.dumps(list(loc.flags)),
                "internaldate": loc.internaldate,
                "source": loc.source,
                "seen_at": now,
            }
            for sha, loc in pairs
        ]
        with self.write() as db:
            db["locations"].upsert_all(rows, pk="key", batch_size=200)

    def mark_absent(self, prefix: str, present: set[int]) -> int:
        """Locations under `prefix` (one folder and UIDVALIDITY) whose UID the server no longer lists."""
        rows = self.db.execute(
            "select key, uid from locations where key >= ? and key < ? and absent_since is null",
            [prefix, prefix + "\uffff"],
        ).fetchall()
        gone = [key for key, uid in rows if uid not in present]
        if gone:
            now = utcnow()
            with self.write():
                for i in range(0, len(gone), 500):
                    chunk = gone[i : i + 500]
                    marks = ", ".join("?" * len(chunk))
                    self.db.execute(f"update locations set absent_since = ? where key in ({marks})", [now, *chunk])
        return len(gone)

    def mark_folder_absent(self, account: str, folder: str, except_validity: int) -> int:
        """Every location of a folder under another UIDVALIDITY: void once the folder was renumbered."""
        with self.write():
            cur = self.db.execute(
                "update locations set absent_since = ? where account = ? and folder = ? and uidvalidity != ? "
                "and absent_since is null and key like 'imap:%'",
                [utcnow(), account, folder, except_validity],
            )
        return cur.rowcount

    def gone_from_server(self, account: str, folder: str, validity: int) -> int:
        """Messages of a folder's old UIDVALIDITY that are present nowhere now (gone from the server)."""
        row = self.db.execute(
            "select count(distinct l.sha256) from locations l where l.account = ? and l.folder = ? "
            "and l.uidvalidity != ? and not exists (select 1 from locations p where p.sha256 = l.sha256 "
            "and p.absent_since is null)",
            [account, folder, validity],
        ).fetchone()
        return int(row[0])

    def _existing_shas(self, shas: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(shas), 500):
            chunk = shas[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            found.update(r[0] for r in self.db.execute(f"select sha256 from messages where sha256 in ({marks})", chunk))
        return found

    def raw(self, sha256: str) -> bytes:
        row = self.db.execute("select raw from messages where sha256 = ?", [sha256]).fetchone()
        if row is None:
            raise StoreError(f"no message {sha256[:12]}")
        return bytes(row[0])

    def iter_messages(self, only: Iterable[str] | None = None) -> Iterator[StoredMessage]:
        """Stored messages with their role, one at a time (memory stays flat).

        The id list is read first and each body fetched on its own, so no read cursor stays open
        while the caller writes parse results on the same connection.
        """
        if only is None:
            shas = [r[0] for r in self.db.execute("select sha256 from messages order by internaldate, sha256")]
        else:
            shas = list(only)
        for sha in shas:
            row = self.db.execute(
                """select substr(m.raw, 1, ?), m.internaldate,
                     coalesce(max(case when l.role = 'sent' then 'sent' end), 'inbox'), min(l.source)
                   from messages m left join locations l on l.sha256 = m.sha256
                   where m.sha256 = ? group by m.sha256""",
                [READ_LIMIT, sha],
            ).fetchone()
            if row is not None:
                raw, internaldate, role, source = row
                # SQLite gives NULL for substr() of an empty blob: an empty message is b"", not a crash
                yield StoredMessage(sha, bytes(raw or b""), role, source or "import", internaldate)

    def count(self, table: str) -> int:
        return self.db[table].count

    # --- folder sync state -------------------------------------------------------------------

    def folder_rows(self) -> list[dict[str, Any]]:
        """Every folder's sync state, for `status`."""
        return list(self.db["folders"].rows)

    def folder_state(self, account: str, folder: str) -> dict[str, Any] | None:
        rows = list(self.db["folders"].rows_where("key = ?", [f"{account}/{folder}"]))
        return rows[0] if rows else None

    def folder_states(self) -> list[dict[str, Any]]:
        return list(self.db["folders"].rows)

    def set_folder_state(self, account: str, folder: str, **fields: Any) -> None:
        with self.write() as db:
            db["folders"].upsert(
                {"key": f"{account}/{folder}", "account": account, "folder": folder, **fields}, pk="key"
            )

    # --- parse results ---------------------------------------------------------------------

    def save_parses(self, records: list[dict[str, Any]], events: list[dict[str, Any]] | None = None) -> None:
        """Upsert parse results (each with its sha256) and replace their events, in one transaction."""
        if not records:
            return
        now = utcnow()
        with self.write() as db:
            shas = [r["sha256"] for r in records]
            for i in range(0, len(shas), 500):
                chunk = shas[i : i + 500]
                db.execute(f"delete from events where sha256 in ({', '.join('?' * len(chunk))})", chunk)
            if events:
                db["events"].insert_all(events, pk="id", batch_size=200)
            db["parses"].upsert_all(({"parsed_at": now, **r} for r in records), pk="sha256", batch_size=200)
            for i in range(0, len(shas), 500):
                chunk = shas[i : i + 500]
                db.execute(f"update messages set pending = null where sha256 in ({', '.join('?' * len(chunk))})", chunk)

    def unparsed(self, parser_version: str) -> list[str]:
        """Messages stored but not parsed (a crash between the two), or all after a parser upgrade."""
        stored = self.get_meta("parser_version")
        if stored != parser_version:
            with self.write() as db:
                if stored is not None:  # results of another parser version: redo them all
                    db.execute("update messages set pending = 1")
                self.set_meta("parser_version", parser_version)
        return [r[0] for r in self.db.execute("select sha256 from messages where pending = 1")]

    def events(self) -> list[tuple[str | None, Event]]:
        """Every event as (order_ref of a manual event or None, event), oldest first."""
        columns = ", ".join(_EVENT_COLUMNS)
        cursor = self.db.execute(f"select order_ref, {columns} from events order by at_utc, sha256, seq")
        return [(row[0], _tuple_event(row[1:])) for row in cursor]

    def add_manual_event(self, row: dict[str, Any]) -> None:
        with self.write() as db:
            db["events"].insert(row, pk="id")

    def message_rows(self, shas: list[str]) -> list[dict[str, Any]]:
        """Stored messages with their first location, for export."""
        if not shas:
            return []
        marks = ", ".join("?" * len(shas))
        return list(
            self.db.query(
                f"""select m.sha256, m.size, m.message_id, m.internaldate,
                      min(l.folder) as folder, min(l.source) as source
                    from messages m left join locations l on l.sha256 = m.sha256
                    where m.sha256 in ({marks}) group by m.sha256""",
                shas,
            )
        )

    # --- the outbox ---------------------------------------------------------------------

    def add_outbox(self, rows: list[dict[str, Any]]) -> int:
        """Queue notifications; a key already queued (or sent) is left alone. Returns how many are new."""
        if not rows:
            return 0
        with self.write() as db:
            before = db["outbox"].count
            db["outbox"].insert_all(rows, pk="key", ignore=True)
            return db["outbox"].count - before

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

    def subject_of(self, sha256: str) -> str:
        """The decoded subject the parser stored for a message ('' when none)."""
        row = self.db.execute("select subject from parses where sha256 = ?", [sha256]).fetchone()
        return (row[0] if row else "") or ""

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

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("select value from meta where key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.write():
            self.db.execute(
                "insert into meta(key, value) values (?, ?) on conflict(key) do update set value = ?",
                [key, value, value],
            )

    def meta_with_prefix(self, prefix: str) -> dict[str, str]:
        rows = self.db.execute("select key, value from meta where key >= ? and key < ?", [prefix, prefix + "\uffff"])
        return {key[len(prefix) :]: value for key, value in rows.fetchall()}

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


_commits = 0
READ_LIMIT = 8 * 1024 * 1024 + 1  # parsers read this much of a message at most (parsers.mime.MAX_READ_BYTES)


def _count_commit() -> None:
    """Crash tests (isync's -Ts idea): ORDERWATCH_CRASH_AFTER_COMMITS=N exits right after the N-th commit."""
    global _commits
    limit = os.environ.get("ORDERWATCH_CRASH_AFTER_COMMITS")
    if limit:
        _commits += 1
        if _commits >= int(limit):
            os._exit(100)


def _create_private(path: Path) -> None:
    """Database files hold the user's mail: create the folder 0700 and the file 0600."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def event_row(event: Event, row_id: str, order_ref: str | None = None) -> dict[str, Any]:
    """A domain event as an `events` row."""
    return {
        "id": row_id,
        "sha256": event.sha256,
        "kind": event.kind,
        "at": event.at.isoformat(),
        "at_utc": event.at.astimezone(UTC).isoformat(),
        "summary": event.summary,
        "fields": json.dumps(dict(event.fields), ensure_ascii=False, default=str),
        "order_no": event.order_no,
        "ticket_no": event.ticket_no,
        "order_ref": order_ref,
        "message_id": event.message_id,
        "source": event.source,
        "role": event.role,
        "sender": event.sender,
        "recipients": json.dumps(list(event.recipients)),
        "in_reply_to": event.in_reply_to,
        "references": json.dumps(list(event.references)),
        "lang": event.lang,
        "parser": event.parser,
        "seq": event.seq,
    }


def _json(text: str | None, empty: Any) -> Any:
    return orjson.loads(text) if text and text not in ("[]", "{}") else empty


_EVENT_COLUMNS = (
    "kind",
    "at",
    "summary",
    "fields",
    "order_no",
    "ticket_no",
    "message_id",
    "sha256",
    "source",
    "role",
    "sender",
    "recipients",
    "in_reply_to",
    '"references"',
    "lang",
    "parser",
    "seq",
)


def _tuple_event(r: tuple[Any, ...]) -> Event:
    """An `events` row (in _EVENT_COLUMNS order) as a domain event."""
    return Event(
        kind=r[0],
        at=datetime.fromisoformat(r[1]),
        summary=r[2] or "",
        fields=_json(r[3], {}),
        order_no=r[4],
        ticket_no=r[5],
        message_id=r[6],
        sha256=r[7],
        source=r[8] or "import",
        role=r[9] or "inbox",
        sender=r[10] or "",
        recipients=tuple(_json(r[11], ())),
        in_reply_to=r[12],
        references=tuple(_json(r[13], ())),
        lang=r[14] or "en",
        parser=r[15] or "",
        seq=r[16] or 0,
    )
