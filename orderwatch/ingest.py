"""Ingest: store raw mail first, then parse it into events, inline or in a worker process.

Mail is committed raw before it is parsed, so a parser that dies or hangs loses nothing: the
message keeps its `pending` flag and the next run parses it (`parse_pending`). Importing local
files (`import_paths`) and syncing a mailbox (`orderwatch.sync`) both end here.
"""

from __future__ import annotations

import ctypes
import dataclasses
import json
import logging
import multiprocessing
import os
import re
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from orderwatch import localmail
from orderwatch.domain.model import Role
from orderwatch.store import Location, Store, StoredMessage, content_hash, event_row

if TYPE_CHECKING:  # the parsers are imported where mail is read: a command that reads none starts faster
    from orderwatch import parsers

log = logging.getLogger(__name__)

T = TypeVar("T")


class Progress(Protocol):
    """Where long operations report how far they are (a progress bar, or nothing)."""

    def start(self, label: str, total: int | None) -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def stop(self) -> None: ...


class NoProgress:
    def start(self, label: str, total: int | None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def stop(self) -> None:
        pass


@dataclass
class ImportReport:
    imported: int = 0
    duplicates: int = 0
    failed: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class Tally(Protocol):
    """A report that counts the messages that failed to parse (a folder's sync report)."""

    failed: int


# --- parsing --------------------------------------------------------------------------------

PARSE_BATCH = 200


def _parse_record(msg: StoredMessage) -> tuple[dict[str, Any], list[dict[str, Any]], parsers.ParseOutcome]:
    """The parse outcome of one stored message: its `parses` row and its event rows."""
    try:
        received = datetime.fromisoformat(msg.internaldate) if msg.internaldate else None
    except ValueError:
        received = None
    from orderwatch import parsers

    outcome = parsers.parse(msg.raw, msg.role, received)
    mail = outcome.mail
    record: dict[str, Any] = {
        "sha256": msg.sha256,
        "status": outcome.status,
        "reason": outcome.reason,
        "parser_version": parsers.PARSER_VERSION,
        "warnings": json.dumps(list(mail.warnings) if mail else []),
        "kind": outcome.kind if outcome.status == "ok" else None,
        "parser": outcome.parser,
        "confidence": outcome.confidence,
    }
    rows: list[dict[str, Any]] = []
    if mail is not None:
        record.update(
            message_id=mail.message_id,
            subject=mail.subject,
            from_addr=mail.from_addr,
            from_name=mail.from_name,
            date=mail.date.isoformat() if mail.date else None,
            in_reply_to=mail.in_reply_to,
            references=json.dumps(list(mail.references)),
        )
        for event in outcome.events:
            event = dataclasses.replace(
                event,
                message_id=mail.message_id,
                sha256=msg.sha256,
                source=msg.source,
                role=msg.role,
                sender=mail.from_addr,
                recipients=tuple(mail.to) + tuple(mail.cc),
                in_reply_to=mail.in_reply_to,
                references=mail.references,
            )
            rows.append(event_row(event, f"msg:{msg.sha256}:{event.seq}"))
    return record, rows, outcome


def parse_stored(store: Store, shas: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """Parse stored messages (all if `shas` is None) and save outcomes and events in batches.

    Returns (sha256, reason) for each message that could not be parsed.
    """
    failures: list[tuple[str, str]] = []
    for batch in chunks(store.iter_messages(shas), PARSE_BATCH):
        records, events, failed = _parse_batch(batch)
        store.save_parses(records, events)
        failures.extend(failed)
    return failures


def _parse_batch(
    messages: list[StoredMessage],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[tuple[str, str]]]:
    """Parse a batch (in a worker process, or inline): rows to save, and the failures."""
    records: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    failures: list[tuple[str, str]] = []
    for msg in messages:
        record, rows, outcome = _parse_record(msg)
        records.append(record)
        events.extend(rows)
        if outcome.status == "failed":
            failures.append((msg.sha256, outcome.reason or "unknown"))
    return records, events, failures


class ParsePipeline:
    """Parses freshly stored batches, in a worker process while the next batch is fetched.

    Mail is committed raw before it is parsed, so a parser that dies or hangs loses nothing:
    such messages keep their `pending` flag and the next run parses them. A worker only pays
    off for large syncs on a machine with more than one core; small ones parse inline.
    """

    def __init__(self, store: Store, parallel: bool) -> None:
        self.store = store
        self.pool: ProcessPoolExecutor | None = None
        if parallel and (os.cpu_count() or 1) > 1:
            self.pool = ProcessPoolExecutor(
                max_workers=min(2, os.cpu_count() or 1),
                mp_context=multiprocessing.get_context("fork"),
                initializer=die_with_parent,
                initargs=(os.getpid(),),
            )
        self.waiting: deque[tuple[Future[Any], Tally]] = deque()

    def submit(self, messages: list[StoredMessage], report: Tally) -> None:
        if not messages:
            return
        if self.pool is None:
            self._save(_parse_batch(messages), report)
            return
        self.waiting.append((self.pool.submit(_parse_batch, messages), report))
        while self.waiting and self.waiting[0][0].done():
            self._collect()

    def _collect(self) -> None:
        future, report = self.waiting.popleft()
        try:
            result = future.result()
        except Exception as exc:  # noqa: BLE001 - a dead worker: its messages stay pending for the sweep
            log.warning("a parse worker failed (%s); its messages stay pending for the next run", type(exc).__name__)
            return
        self._save(result, report)  # a store error here is real and propagates

    def _save(
        self, result: tuple[list[dict[str, Any]], list[dict[str, Any]], list[tuple[str, str]]], report: Tally
    ) -> None:
        records, events, failures = result
        self.store.save_parses(records, events)
        report.failed += len(failures)

    def close(self) -> None:
        while self.waiting:
            self._collect()
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None


def die_with_parent(parent: int) -> None:
    """A parse worker ends when the process that started it ends, even by kill -9.

    Linux sends the worker SIGKILL when its parent dies (PR_SET_PDEATHSIG); a parent that died
    before the call is caught by the ppid check. Elsewhere the pool's own EOF handling remains.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(0)


def parse_pending(store: Store, everything: bool = False) -> dict[str, int]:
    """Parse messages with no current parse (a crash, a new parser version), or all for `reparse`."""
    from orderwatch import parsers

    shas = None if everything else store.unparsed(parsers.PARSER_VERSION)
    total = store.count("messages") if shas is None else len(shas)
    failed = len(parse_stored(store, shas)) if total else 0
    return {"parsed": total - failed, "failed": failed}


# --- local files ----------------------------------------------------------------------------


def import_paths(
    store: Store, paths: list[Path], folder: str = "INBOX", progress: Progress | None = None
) -> ImportReport:
    """Ingest files, mbox files and Maildirs as if they had arrived in `folder`."""
    localmail.check_paths(paths)
    progress = progress or NoProgress()
    role = Role.SENT if folder.lower() in localmail.SENT_NAMES else Role.INBOX
    report = ImportReport()
    progress.start(f"import into {folder}", None)
    for batch in chunks(localmail.read_sources(paths), PARSE_BATCH):
        items: list[tuple[bytes, Location, str | None]] = []
        sources: dict[str, str] = {}
        for item in batch:
            if item.raw is None:
                report.failed += 1
                report.failures.append({"source": item.source, "error": item.error or "unreadable"})
                continue
            when = _header_date(item.raw) or item.mtime
            loc = Location(
                key=f"import:{folder}/{content_hash(item.raw)}",
                account="import",
                folder=folder,
                role=role,
                source="import",
                internaldate=when.isoformat() if when else None,
            )
            items.append((item.raw, loc, quick_message_id(item.raw)))
            sources.setdefault(content_hash(item.raw), item.source)
        saved = store.save_messages(items)
        items.clear()  # the bodies are stored: let them go before parsing (a 50 MB message twice
        batch.clear()  # in memory was most of the peak); the parser reads its own head from the store
        new = [sha for sha, is_new in saved if is_new]
        report.imported += len(new)
        report.duplicates += len(saved) - len(new)
        for sha, reason in parse_stored(store, new):
            report.failed += 1
            source = sources.get(sha, f"message {sha[:12]}")
            report.failures.append({"source": source, "error": f"stored raw, not parsed: {reason}"})
        progress.advance(len(batch))
    progress.stop()
    parse_pending(store)  # what a crash or a parser upgrade left unparsed
    return report


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _header_block(raw: bytes) -> bytes:
    end = raw.find(b"\r\n\r\n")
    if end < 0:
        end = raw.find(b"\n\n")
    return raw[: end if end >= 0 else 65536][:65536]


def quick_message_id(raw: bytes) -> str | None:
    match = re.search(rb"(?im)^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]+>)", _header_block(raw))
    return match.group(1).decode("ascii", "replace") if match else None


def _header_date(raw: bytes) -> datetime | None:
    """The Date header, else the earliest Received header (never the file's or the import's time)."""
    from orderwatch.parsers.mime import parse_date, received_date

    head = _header_block(raw)
    match = re.search(rb"(?im)^date:[ \t]*([^\r\n]+)", head)
    at = parse_date(match.group(1).decode("ascii", "replace")) if match else None
    if at is None:
        found = re.findall(rb"(?im)^received:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*", head)
        at = received_date([value.decode("ascii", "replace").partition(":")[2] for value in found])
    return at
