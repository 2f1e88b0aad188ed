"""Use cases: the functions both the CLI and the Prefect flows call.

This is the only module that composes the adapters (store, mailbox, local mail) with the pure
parsers. Each function returns plain data that the callers print or hand back as JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

import parsers
from orderwatch import localmail
from orderwatch.config import Account, Settings
from orderwatch.errors import MailboxError
from orderwatch.mailbox import ImapMailbox
from orderwatch.store import Location, Store, content_hash, utcnow
from parsers.mime import parse_date


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


def parse_one(store: Store, sha256: str, raw: bytes, role: str) -> parsers.ParseOutcome:
    """Parse a stored message and save the outcome."""
    outcome = parsers.parse(raw, role)
    record: dict[str, Any] = {
        "status": outcome.status,
        "reason": outcome.reason,
        "parser_version": parsers.PARSER_VERSION,
        "warnings": json.dumps(list(outcome.mail.warnings) if outcome.mail else []),
    }
    mail = outcome.mail
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
    store.save_parse(sha256, record)
    return outcome


def parse_pending(store: Store, only: Iterable[str] | None = None, everything: bool = False) -> dict[str, int]:
    """Parse messages that have no current parse (or all of them, for `reparse`)."""
    pending = None if everything else store.unparsed(parsers.PARSER_VERSION)
    if only is not None:
        wanted = set(only)
        pending = [s for s in (pending or wanted) if s in wanted] if pending is not None else list(wanted)
    ok = failed = 0
    for msg in store.iter_messages(pending):
        if parse_one(store, msg.sha256, msg.raw, msg.role).status == "ok":
            ok += 1
        else:
            failed += 1
    return {"parsed": ok, "failed": failed}


# --- local files ----------------------------------------------------------------------------


def import_paths(
    store: Store, paths: list[Path], folder: str = "INBOX", progress: Progress | None = None
) -> ImportReport:
    """Ingest files, mbox files and Maildirs as if they had arrived in `folder`."""
    localmail.check_paths(paths)
    progress = progress or NoProgress()
    role = "sent" if folder.lower() in localmail.SENT_NAMES else "inbox"
    report = ImportReport()
    new_shas: list[str] = []
    progress.start(f"import into {folder}", None)
    for item in localmail.read_sources(paths):
        progress.advance()
        if item.raw is None:
            report.failed += 1
            report.failures.append({"source": item.source, "error": item.error or "unreadable"})
            continue
        sha = content_hash(item.raw)
        outcome_date = _header_date(item.raw) or item.mtime
        loc = Location(
            key=f"import:{folder}/{sha}",
            account="import",
            folder=folder,
            role=role,
            source="import",
            internaldate=outcome_date.isoformat() if outcome_date else None,
        )
        _, is_new = store.save_message(item.raw, loc, message_id=_quick_message_id(item.raw))
        if is_new:
            report.imported += 1
            new_shas.append(sha)
        else:
            report.duplicates += 1
    progress.stop()
    for sha, reason in _parse_new(store, new_shas):
        report.failed += 1
        report.failures.append({"source": f"message {sha[:12]}", "error": f"stored raw, not parsed: {reason}"})
    return report


def _parse_new(store: Store, shas: list[str]) -> list[tuple[str, str]]:
    """Parse freshly stored messages; returns (sha256, reason) for those that failed."""
    failures: list[tuple[str, str]] = []
    for msg in store.iter_messages(shas):
        outcome = parse_one(store, msg.sha256, msg.raw, msg.role)
        if outcome.status != "ok":
            failures.append((msg.sha256, outcome.reason or "unknown"))
    return failures


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


def _sync_imap_folder(
    store: Store, box: ImapMailbox, account: Account, folder: str, role: str, report: FolderReport, progress: Progress
) -> None:
    status = box.examine(folder)
    report.uidvalidity = status.uidvalidity
    state = store.folder_state(account.name, folder) or {}
    changes = int(state.get("uidvalidity_changes") or 0)
    if state.get("uidvalidity") == status.uidvalidity:
        last_uid = int(state.get("last_uid") or 0)
    else:
        last_uid = 0  # a new UIDVALIDITY voids every UID: rescan, dedupe by content
        if state.get("uidvalidity") is not None:
            changes += 1
        store.set_folder_state(
            account.name, folder, uidvalidity=status.uidvalidity, last_uid=0, uidvalidity_changes=changes
        )
    if status.uidnext is not None and status.uidnext == last_uid + 1:
        _mark_synced(store, account.name, folder)
        return  # nothing new: the server's own prediction says so
    uids = box.uids_above(last_uid)
    progress.start(f"{account.name}/{folder}", len(uids))
    prefix = f"imap:{account.name}/{folder};UIDVALIDITY={status.uidvalidity}/;UID="
    try:
        for batch in _chunks(uids, account.batch_size):
            last_uid = _sync_batch(
                store, box, account, folder, role, status.uidvalidity, prefix, batch, last_uid, report
            )
            progress.advance(len(batch))
    finally:
        progress.stop()
    _mark_synced(store, account.name, folder)


def _sync_batch(
    store: Store,
    box: ImapMailbox,
    account: Account,
    folder: str,
    role: str,
    uidvalidity: int,
    prefix: str,
    batch: list[int],
    last_uid: int,
    report: FolderReport,
) -> int:
    meta = box.fetch_meta(batch)
    known: dict[int, str] = {}
    wanted: list[int] = []
    for uid in batch:
        m = meta.get(uid)
        if m is None:
            continue
        if store.has_location(prefix + str(uid)):
            known[uid] = ""
        elif m.message_id and (sha := store.known_by_message_id(m.message_id, m.size)):
            known[uid] = sha  # same message seen elsewhere: no need to download it again
        else:
            wanted.append(uid)
    bodies = box.fetch_bodies(wanted)
    report.fetched += len(bodies)
    new_shas: list[str] = []
    source = f"imap:{account.name}/{folder}"
    with store.write():
        for uid in batch:
            m = meta.get(uid)
            if m is None or (uid not in known and uid not in bodies):
                break  # a missing answer: the mark must not pass an unstored UID
            loc = Location(
                key=prefix + str(uid),
                account=account.name,
                folder=folder,
                role=role,
                source=source,
                uidvalidity=uidvalidity,
                uid=uid,
                flags=m.flags,
                internaldate=m.internaldate.isoformat() if isinstance(m.internaldate, datetime) else None,
            )
            if uid in bodies:
                sha, is_new = store.save_message(bodies[uid], loc, message_id=m.message_id)
                if is_new:
                    new_shas.append(sha)
            elif known[uid]:
                store.save_location(known[uid], loc)
            last_uid = uid
        store.set_folder_state(account.name, folder, uidvalidity=uidvalidity, last_uid=last_uid)
    report.new += len(new_shas)
    report.failed += len(_parse_new(store, new_shas))
    return last_uid


def _mark_synced(store: Store, account: str, folder: str) -> None:
    store.set_folder_state(account, folder, last_sync=utcnow(), last_error=None)


def sync_maildir(store: Store, account: Account, progress: Progress | None = None) -> list[FolderReport]:
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
        items = localmail.read_maildir(path, skip=seen)
        for batch in _chunks_iter(items, account.batch_size):
            new_shas: list[str] = []
            with store.write():
                for item in batch:
                    if item.raw is None:
                        continue  # vanished while we read; the next sync sees it or not
                    key = item.source.rsplit("#", 1)[1]
                    loc = Location(
                        key=prefix + key,
                        account=account.name,
                        folder=name,
                        role=role,
                        source=f"imap:{account.name}/{name}",
                        internaldate=item.mtime.isoformat() if item.mtime else None,
                    )
                    report.fetched += 1
                    sha, is_new = store.save_message(item.raw, loc, message_id=_quick_message_id(item.raw))
                    if is_new:
                        new_shas.append(sha)
            report.new += len(new_shas)
            report.failed += len(_parse_new(store, new_shas))
        _mark_synced(store, account.name, name)
    return reports


# --- helpers --------------------------------------------------------------------------------


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _chunks_iter(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
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
    match = re.search(rb"(?im)^date:[ \t]*([^\r\n]+)", _header_block(raw))
    return parse_date(match.group(1).decode("ascii", "replace")) if match else None


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
        "folders": list(store.db["folders"].rows),
    }
