"""Rows and the values in them: message identity, locations, events as rows and back."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from orderwatch.domain.model import Event


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
