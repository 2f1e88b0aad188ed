"""Mailbox sync: fetch what is new from IMAP or a local Maildir, store it raw, hand it to ingest.

A folder's high-water mark moves in the same transaction as the messages it covers, never past a
UID the server did not answer; a new UIDVALIDITY rescans and dedupes by content; a server that
keeps changing it is stopped (`FLAPPING`) rather than downloaded from forever.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from orderwatch import localmail
from orderwatch.config import Account, Settings
from orderwatch.errors import MailboxError
from orderwatch.ingest import NoProgress, ParsePipeline, Progress, chunks, parse_pending, parse_stored, quick_message_id
from orderwatch.mailbox import ImapMailbox, Meta
from orderwatch.store import Location, Store, StoredMessage, utcnow


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
        for batch in chunks(localmail.read_maildir(path, skip=seen), account.batch_size):
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
                    quick_message_id(item.raw),
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
