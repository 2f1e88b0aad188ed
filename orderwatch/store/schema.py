"""The tables and their migrations, in order: the only place that creates or changes one."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils import Migrations

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


@migrations()
def m007_standings(db: sqlite_utils.Database) -> None:
    """Each order's evaluation kept between runs, and the drafts rendered for its alerts.

    `standings` holds one row per order: a digest of its events, the open interval (UTC epoch
    seconds, null for unbounded) in which its evaluation holds, and what its alerts need. Every
    change to `events` bumps meta 'events_generation' (triggers, so no writer can forget): a run
    that finds the generation it kept reads the rows; any other re-links the timeline first.
    """
    db["standings"].create(
        {"ref": str, "digest": str, "event_ids": str, "low": float, "high": float, "alerting": int, "summary": str},
        pk="ref",
    )
    db["standings"].create_index(["alerting"])
    db["kept_drafts"].create(
        {"key": str, "ref": str, "digest": str, "setting": str, "subject": str, "body": str, "zone": str}, pk="key"
    )
    db["kept_drafts"].create_index(["ref"])
    db.execute("insert or ignore into meta(key, value) values ('events_generation', '0')")
    for action in ("insert", "update", "delete"):
        db.execute(
            f"""create trigger events_{action}_generation after {action} on events begin
                  update meta set value = cast(value as integer) + 1 where key = 'events_generation';
                end"""
        )


@migrations()
def m008_unparsed(db: sqlite_utils.Database) -> None:
    """Stored-but-unparsed messages in a table of their own, no longer a column of `messages`:
    SQLite rewrites a whole row to change one column, so clearing the flag of a 70 MB message
    copied its body twice in memory. (The old column stays, unused.)"""
    db.execute("create table unparsed (sha256 text primary key)")
    db.execute("insert into unparsed(sha256) select sha256 from messages where pending = 1")
