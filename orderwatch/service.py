"""Use cases: the functions both the CLI and the Prefect flows call.

This is the only module that composes the adapters (store, mailbox, local mail) with the pure
parsers. Each function returns plain data that the callers print or hand back as JSON.
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
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from orderwatch import localmail, parsers
from orderwatch.config import Account, Settings
from orderwatch.errors import MailboxError
from orderwatch.mailbox import ImapMailbox, Meta
from orderwatch.parsers.mime import parse_date, received_date
from orderwatch.store import Location, Store, StoredMessage, content_hash, event_row, utcnow

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


@dataclass
class FolderReport:
    account: str
    folder: str
    uidvalidity: int | None
    fetched: int = 0
    new: int = 0
    failed: int = 0
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        if data["error"] is None:
            del data["error"]
        return data


def open_store(settings: Settings) -> Store:
    return Store(settings.db_path)


# --- parsing --------------------------------------------------------------------------------

PARSE_BATCH = 200


def _parse_record(msg: StoredMessage) -> tuple[dict[str, Any], list[dict[str, Any]], parsers.ParseOutcome]:
    """The parse outcome of one stored message: its `parses` row and its event rows."""
    try:
        received = datetime.fromisoformat(msg.internaldate) if msg.internaldate else None
    except ValueError:
        received = None
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
    for batch in _chunks(store.iter_messages(shas), PARSE_BATCH):
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
        self.waiting: deque[tuple[Future[Any], FolderReport]] = deque()

    def submit(self, messages: list[StoredMessage], report: FolderReport) -> None:
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
        self, result: tuple[list[dict[str, Any]], list[dict[str, Any]], list[tuple[str, str]]], report: FolderReport
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
    role = "sent" if folder.lower() in localmail.SENT_NAMES else "inbox"
    report = ImportReport()
    progress.start(f"import into {folder}", None)
    for batch in _chunks(localmail.read_sources(paths), PARSE_BATCH):
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
            items.append((item.raw, loc, _quick_message_id(item.raw)))
            sources.setdefault(content_hash(item.raw), item.source)
        saved = store.save_messages(items)
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


# --- mailbox sync ---------------------------------------------------------------------------


def sync(
    settings: Settings, store: Store, account: str | None = None, progress: Progress | None = None
) -> list[FolderReport]:
    """Incremental sync of every configured account (or one), then parse what is new."""
    accounts = [settings.account(account)] if account else list(settings.accounts)
    reports: list[FolderReport] = []
    for acct in accounts:
        if acct.kind == "maildir":
            reports.extend(sync_maildir(store, acct, progress))
        else:
            reports.extend(sync_imap(store, acct, progress))
    parse_pending(store)  # anything a crash left unparsed
    return reports


PARALLEL_FROM = 400  # new messages in a folder from which parsing runs beside fetching


def sync_imap(store: Store, account: Account, progress: Progress | None = None) -> list[FolderReport]:
    reports: list[FolderReport] = []
    try:
        with ImapMailbox(account) as box:
            for ref in box.folders():
                report = FolderReport(account.name, ref.name, None)
                reports.append(report)
                try:
                    _sync_imap_folder(store, box, account, ref.name, ref.role, report, progress or NoProgress())
                except MailboxError as exc:
                    report.error = str(exc)
                    store.set_folder_state(account.name, ref.name, last_error=str(exc))
                    break  # the connection is likely gone; the next sync resumes from the mark
    except MailboxError as exc:
        reports.append(FolderReport(account.name, "*", None, error=str(exc)))
    return reports


@dataclass(frozen=True)
class _FolderCursor:
    """Where a batch belongs: enough to build its locations."""

    account: str
    folder: str
    role: str
    uidvalidity: int
    eager: bool = False  # nothing was stored when the folder's sync began: fetch bodies at once

    @property
    def prefix(self) -> str:
        return f"imap:{self.account}/{self.folder};UIDVALIDITY={self.uidvalidity}/;UID="

    def location(self, uid: int, meta: Meta) -> Location:
        return Location(
            key=self.prefix + str(uid),
            account=self.account,
            folder=self.folder,
            role=self.role,
            source=f"imap:{self.account}/{self.folder}",
            uidvalidity=self.uidvalidity,
            uid=uid,
            flags=meta.flags,
            internaldate=meta.internaldate.isoformat() if isinstance(meta.internaldate, datetime) else None,
        )


def _sync_imap_folder(
    store: Store, box: ImapMailbox, account: Account, folder: str, role: str, report: FolderReport, progress: Progress
) -> None:
    status = box.examine(folder)
    report.uidvalidity = status.uidvalidity
    state = store.folder_state(account.name, folder) or {}
    if state.get("uidvalidity") == status.uidvalidity:
        last_uid = int(state.get("last_uid") or 0)
        if state.get("validity_changes_in_a_row"):
            store.set_folder_state(account.name, folder, validity_changes_in_a_row=0)
    else:
        last_uid = 0  # a new UIDVALIDITY voids every UID: rescan, dedupe by content
        _new_validity(store, account.name, folder, state, status.uidvalidity)
    # The full UID list, not UIDNEXT: a server can report a stale UIDNEXT, and the list also
    # tells which stored messages were expunged (marked absent, never deleted).
    listed = box.all_uids()
    store.mark_absent(_FolderCursor(account.name, folder, role, status.uidvalidity).prefix, set(listed))
    uids = [u for u in listed if u > last_uid]  # `N:*` always matches the highest UID: filtered here
    if not uids:
        _mark_synced(store, account.name, folder)
        return
    cursor = _FolderCursor(account.name, folder, role, status.uidvalidity, eager=store.is_empty())
    progress.start(f"{account.name}/{folder}", len(uids))
    pipeline = ParsePipeline(store, parallel=len(uids) >= PARALLEL_FROM)
    try:
        pending = uids
        while pending:
            batch = pending[: account.batch_size]
            last_uid = _sync_batch(store, box, cursor, batch, last_uid, report, pipeline)
            progress.advance(len(batch))
            if last_uid == batch[-1]:
                pending = pending[len(batch) :]
                continue
            gap = _first_after(batch, last_uid)
            listed = set(box.all_uids())
            if gap in listed:  # the server left a UID it still has unanswered: stop; the next sync resumes
                report.error = f"{account.name}/{folder}: no answer for UID {gap}; it is fetched next time"
                break
            pending = [u for u in pending if u > last_uid and u in listed]  # expunged meanwhile: not a gap
    finally:
        pipeline.close()
        progress.stop()
    _mark_synced(store, account.name, folder)


FLAPPING = 3  # UIDVALIDITY changes on this many visits in a row: stop rather than re-download forever


def _new_validity(store: Store, account: str, folder: str, state: dict[str, Any], validity: int) -> None:
    """Record a folder's new UIDVALIDITY; stop a flapping server; remember a genuine reset for a notice."""
    if state.get("uidvalidity") is None:
        store.set_folder_state(account, folder, uidvalidity=validity, last_uid=0, uidvalidity_changes=0)
        return
    in_a_row = int(state.get("validity_changes_in_a_row") or 0) + 1
    store.set_folder_state(
        account,
        folder,
        uidvalidity=validity,
        last_uid=0,
        uidvalidity_changes=int(state.get("uidvalidity_changes") or 0) + 1,
        validity_changes_in_a_row=in_a_row,
        reset_at=utcnow(),
    )
    store.mark_folder_absent(account, folder, except_validity=validity)
    if in_a_row >= FLAPPING:
        raise MailboxError(
            f"{account}/{folder}: the server changed the folder's UIDVALIDITY on {in_a_row} visits in a row; "
            "not syncing it until it is stable (nothing stored is lost)"
        )


def _sync_batch(
    store: Store,
    box: ImapMailbox,
    cursor: _FolderCursor,
    batch: list[int],
    last_uid: int,
    report: FolderReport,
    pipeline: ParsePipeline,
) -> int:
    """Fetch and store one batch; returns the new high-water mark (never past a missing UID)."""
    # With nothing stored there is nothing to recognise: bodies come with the metadata at once.
    eager = cursor.eager
    meta = box.fetch_meta(batch, with_body=eager)
    known: dict[int, str] = {}  # uid -> sha256 of a stored copy ("" if this very location is stored)
    wanted: list[int] = []
    for uid in batch:
        m = meta.get(uid)
        if m is None or eager:
            continue
        if store.has_location(cursor.prefix + str(uid)):
            known[uid] = ""
        elif m.message_id and (sha := store.known_by_message_id(m.message_id, m.size)):
            known[uid] = sha  # the same message seen elsewhere: no need to download it again
        else:
            wanted.append(uid)
    bodies = {uid: m.body for uid, m in meta.items() if m.body is not None} if eager else box.fetch_bodies(wanted)
    report.fetched += len(bodies)
    items: list[tuple[bytes, Location, str | None]] = []
    relinks: list[tuple[str, Location]] = []
    for uid in batch:
        m = meta.get(uid)
        if m is None or (uid not in known and uid not in bodies):
            break  # a missing answer: the mark must not pass an unstored UID
        if uid in bodies:
            items.append((bodies[uid], cursor.location(uid, m), m.message_id))
        elif known[uid]:
            relinks.append((known[uid], cursor.location(uid, m)))
        last_uid = uid
    with store.write():  # bodies, locations and the mark: all or nothing
        saved = store.save_messages(items)
        store.save_locations(relinks)
        store.set_folder_state(cursor.account, cursor.folder, uidvalidity=cursor.uidvalidity, last_uid=last_uid)
    report.new += sum(1 for _, is_new in saved if is_new)
    pipeline.submit(
        [
            StoredMessage(sha, raw, cursor.role, loc.source, loc.internaldate)
            for (sha, is_new), (raw, loc, _) in zip(saved, items, strict=True)
            if is_new
        ],
        report,
    )
    return last_uid


def _first_after(batch: list[int], last_uid: int) -> int:
    return next(uid for uid in batch if uid > last_uid)


def _mark_synced(store: Store, account: str, folder: str) -> None:
    store.set_folder_state(account, folder, last_sync=utcnow(), last_error=None)


def sync_maildir(store: Store, account: Account, progress: Progress | None = None) -> list[FolderReport]:
    """A local Maildir account: new files are new messages; the file's unique name is its UID."""
    assert account.maildir is not None
    reports: list[FolderReport] = []
    try:
        folders = localmail.maildir_folders(account.maildir, account.folders)
    except MailboxError as exc:
        return [FolderReport(account.name, "*", None, error=str(exc))]
    for name, role, path in folders:
        report = FolderReport(account.name, name, None)
        reports.append(report)
        prefix = f"maildir:{account.name}/{name}/"
        seen = {k[len(prefix) :] for k in store.location_keys(prefix)}
        for batch in _chunks(localmail.read_maildir(path, skip=seen), account.batch_size):
            items = [
                (
                    item.raw,
                    Location(
                        key=prefix + item.source.rsplit("#", 1)[1],
                        account=account.name,
                        folder=name,
                        role=role,
                        source=f"imap:{account.name}/{name}",
                        internaldate=item.mtime.isoformat() if item.mtime else None,
                    ),
                    _quick_message_id(item.raw),
                )
                for item in batch
                if item.raw is not None  # vanished while we read: the next sync sees it, or not
            ]
            report.fetched += len(items)
            new = [sha for sha, is_new in store.save_messages(items) if is_new]
            report.new += len(new)
            report.failed += len(parse_stored(store, new))
        _mark_synced(store, account.name, name)
    return reports


# --- helpers --------------------------------------------------------------------------------


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
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


def _quick_message_id(raw: bytes) -> str | None:
    match = re.search(rb"(?im)^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]+>)", _header_block(raw))
    return match.group(1).decode("ascii", "replace") if match else None


def _header_date(raw: bytes) -> datetime | None:
    """The Date header, else the earliest Received header (never the file's or the import's time)."""
    head = _header_block(raw)
    match = re.search(rb"(?im)^date:[ \t]*([^\r\n]+)", head)
    at = parse_date(match.group(1).decode("ascii", "replace")) if match else None
    if at is None:
        found = re.findall(rb"(?im)^received:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*", head)
        at = received_date([value.decode("ascii", "replace").partition(":")[2] for value in found])
    return at


@contextmanager
def opened(settings: Settings) -> Iterator[Store]:
    store = open_store(settings)
    try:
        yield store
    finally:
        store.close()


def status(store: Store) -> dict[str, Any]:
    """Counts and per-folder sync state, for `orderwatch status`."""
    return {
        "messages": store.count("messages"),
        "failed": len(store.parse_failures()),
        "failures": store.parse_failures(),
        "degraded": store.parse_degraded(),
        "unrecognised": store.unrecognised_from_shops(),
        "notifications": store.outbox_counts(),
        "delivery_unknown": [
            {k: r[k] for k in ("ref", "kind", "due_at", "round", "target_label", "last_error")}
            for r in store.outbox_unknown()
        ],
        "folders": store.folder_rows(),
        "mailboxes": {name: json.loads(value) for name, value in store.meta_with_prefix("health:").items()},
    }
