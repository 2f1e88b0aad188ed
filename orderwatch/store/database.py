"""The Store: one database file, its write transactions, messages, folders, meta and events."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from orderwatch.domain.model import Event
from orderwatch.errors import StoreError
from orderwatch.store.outbox import OutboxQueries
from orderwatch.store.reads import ReadQueries
from orderwatch.store.rows import (
    _EVENT_COLUMNS,
    READ_LIMIT,
    Location,
    StoredMessage,
    _count_commit,
    _create_private,
    _tuple_event,
    content_hash,
    utcnow,
)
from orderwatch.store.schema import BUSY_TIMEOUT_S, migrations
from orderwatch.store.standings import StandingQueries

BLOB_CHUNK = 1 << 20


class Store(OutboxQueries, ReadQueries, StandingQueries):
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
                        "raw": None,  # written below, straight into the row
                    }
            if fresh:
                db["messages"].insert_all(fresh.values(), batch_size=100)
                db.conn.executemany("insert or ignore into unparsed(sha256) values (?)", [(sha,) for sha in fresh])
                for sha, (raw, _, _) in zip(shas, items, strict=True):
                    if sha in fresh:
                        self._write_raw(sha, raw)
                        fresh[sha]["raw"] = True  # once, for a message twice in the batch
            self.save_locations(list(zip(shas, (loc for _, loc, _ in items), strict=True)))
        seen: set[str] = set()
        out: list[tuple[str, bool]] = []
        for sha in shas:
            out.append((sha, sha in fresh and sha not in seen))
            seen.add(sha)
        return out

    def _write_raw(self, sha: str, raw: bytes) -> None:
        """The body into its row a megabyte at a time (incremental blob I/O): a 70 MB message is
        not copied again into a statement's parameters, which doubled the peak memory."""
        (rowid,) = self.db.execute(
            "update messages set raw = zeroblob(?) where sha256 = ? and raw is null returning rowid", [len(raw), sha]
        ).fetchone() or (None,)
        if rowid is None or not raw:
            return
        view = memoryview(raw)
        with self.db.conn.blobopen("messages", "raw", rowid) as blob:
            for start in range(0, len(view), BLOB_CHUNK):
                blob.write(view[start : start + BLOB_CHUNK])

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
                """select m.rowid, m.internaldate,
                     coalesce(max(case when l.role = 'sent' then 'sent' end), 'inbox'), min(l.source)
                   from messages m left join locations l on l.sha256 = m.sha256
                   where m.sha256 = ? group by m.sha256""",
                [sha],
            ).fetchone()
            if row is not None:
                rowid, internaldate, role, source = row
                yield StoredMessage(sha, self._head(rowid), role, source or "import", internaldate)

    def _head(self, rowid: int) -> bytes:
        """The first READ_LIMIT bytes of a body, read from its pages alone (incremental blob I/O):
        `substr(raw, …)` loads the whole blob, and a 70 MB message cost 150 MB to read 8."""
        # length() alone reads no content; any other use of the column (even `raw is null`) loads it
        (size,) = self.db.execute("select length(raw) from messages where rowid = ?", [rowid]).fetchone()
        if not size:  # an empty message (or none stored) is b"", not a crash
            return b""
        with self.db.conn.blobopen("messages", "raw", rowid, readonly=True) as blob:
            return blob.read(READ_LIMIT)

    def count(self, table: str) -> int:
        return self.db[table].count

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
                db.execute(f"delete from unparsed where sha256 in ({', '.join('?' * len(chunk))})", chunk)

    def unparsed(self, parser_version: str) -> list[str]:
        """Messages stored but not parsed (a crash between the two), or all after a parser upgrade."""
        stored = self.get_meta("parser_version")
        if stored != parser_version:
            with self.write() as db:
                if stored is not None:  # results of another parser version: redo them all
                    db.execute("insert or ignore into unparsed(sha256) select sha256 from messages")
                self.set_meta("parser_version", parser_version)
        return [r[0] for r in self.db.execute("select sha256 from unparsed")]

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
