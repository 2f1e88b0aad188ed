"""SQLite storage through sqlite-utils: the only module that knows the schema.

Invariants kept here, so that every caller gets them for free:
- a raw message is stored once, keyed by the SHA-256 of its bytes, and never changed or deleted;
- where a message was seen (account, folder, UIDVALIDITY, UID) is a separate location row, so the
  same message in two folders, or again after a UIDVALIDITY change, is one message;
- a folder's high-water mark moves in the same transaction that stores the messages it covers;
- every write transaction begins IMMEDIATE with a busy timeout, so two runs never interleave
  half-done writes and never fail with "database is locked" while the other one is working.

The package: `schema` (tables and migrations), `rows` (identity, locations, events as rows),
`database` (the Store: transactions, messages, folders, meta, events) and the query mixins
`outbox` and `reads`. Callers import from `orderwatch.store` only.
"""

from orderwatch.store.database import Store
from orderwatch.store.rows import READ_LIMIT, Location, StoredMessage, content_hash, event_row, utcnow

__all__ = ["READ_LIMIT", "Location", "Store", "StoredMessage", "content_hash", "event_row", "utcnow"]
