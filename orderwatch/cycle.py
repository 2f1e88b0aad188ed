"""The agent's cycle in three steps, shared by `run-once`, the Prefect flows and the tests.

1. `check_mailbox`: sync one account under its own lock, parse, and record the account's health.
2. `review`: evaluate every clock at an instant, queue and send reminders (plus a notice for a
   mailbox that has not been checked for too long).
3. `export_ready`: keep a case bundle ready for every order with an alert, rebuilt only when its
   timeline or its alerts changed.

With nothing configured, `with_demo` points everything at the demo Maildir that ships with the
package and its own database, so the agent has something to show on a fresh machine.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orderwatch.config import Account, Settings, load_settings
from orderwatch.domain.model import Alert
from orderwatch.domain.rulebook import Rulebook
from orderwatch.errors import ConfigError, UsageError
from orderwatch.store import Store

if TYPE_CHECKING:  # each side is imported where it runs: a sync needs no drafts, a check no mailbox
    from orderwatch import cases, reminders, standings
    from orderwatch.ingest import Progress
    from orderwatch.sync import FolderReport

DEMO_MAILDIR = Path(__file__).parent / "demo" / "maildir"
HEALTH_KIND = "mailbox_unchecked"


def with_demo(settings: Settings, db_override: str | None = None) -> tuple[Settings, bool]:
    """The settings to run on: the user's, or the demo mailbox when no mail source is configured."""
    if settings.accounts or settings.source is not None:
        return settings, False
    demo = Account(name="demo", maildir=DEMO_MAILDIR)
    db_path = Path(db_override) if db_override else settings.data_dir / "demo.db"
    return dataclasses.replace(settings, accounts=(demo,), db_path=db_path), True


def load(config: str | None = None, db: str | None = None) -> tuple[Settings, bool]:
    """Settings from a config path (or the usual search), with the demo when nothing is configured."""
    return with_demo(load_settings(config, db), db)


def opened(settings: Settings) -> Store:
    """The user's store, to use in a `with` block (it closes itself)."""
    return Store(settings.db_path)


def status(store: Store) -> dict[str, Any]:
    """Counts, per-folder sync state, failed and degraded parses and mailbox health, for `status`."""
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


def rulebook(settings: Settings) -> Rulebook:
    try:
        return Rulebook(settings.rules)
    except ValueError as exc:
        raise ConfigError(f"[rules]: {exc}") from None


# --- 1. the mailbox ---------------------------------------------------------------------------


@dataclass
class MailboxRun:
    account: str
    reports: list[FolderReport]
    skipped: bool = False  # another run holds this account's lock

    @property
    def error(self) -> str | None:
        return next((r.error for r in self.reports if r.error), None)

    def to_json(self) -> dict[str, object]:
        return {
            "account": self.account,
            "skipped": self.skipped,
            "error": self.error,
            "new": sum(r.new for r in self.reports),
            "folders": [r.to_json() for r in self.reports],
        }


def check_mailbox(
    settings: Settings, account: str, now: datetime | None = None, progress: Progress | None = None
) -> MailboxRun:
    """Sync one account and parse what is new; a run already holding the account is not joined."""
    from orderwatch import sync

    acct = settings.account(account)
    with _account_lock(settings, acct.name) as held:
        if not held:
            return MailboxRun(acct.name, [], skipped=True)
        with opened(settings) as store:
            reports = sync.sync(settings, store, account=acct.name, progress=progress)
            run = MailboxRun(acct.name, reports)
            record_health(store, acct.name, now or datetime.now(UTC), run.error)
    return run


def watch_mailboxes(
    settings: Settings, on_new_mail: Callable[[str], None], stop: threading.Event
) -> list[threading.Thread]:
    """IMAP IDLE on every IMAP account: `on_new_mail(account)` as soon as mail arrives."""
    from orderwatch import push

    return push.start_watchers(list(settings.accounts), on_new_mail, stop)


@contextlib.contextmanager
def _account_lock(settings: Settings, account: str) -> Iterator[bool]:
    """An advisory lock per account (as mbsync keeps one): two runs never sync one mailbox at once."""
    folder = settings.data_dir / "locks"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    digest = hashlib.sha256(f"{settings.db_path.resolve()}|{account}".encode()).hexdigest()[:16]
    fd = os.open(folder / f"{digest}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:  # a POSIX record lock: not inherited by the forked parse workers, so it dies with us
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing releases the lock


def record_health(store: Store, account: str, at: datetime, error: str | None) -> None:
    """Remember the last successful check and, while failing, since when and why."""
    state = health(store, account)
    state["checks"] = int(state.get("checks") or 0) + 1  # attempts, for `status` and the scale test
    if error is None:
        state.update(last_ok=at.astimezone(UTC).isoformat(), failing_since=None, error=None)
    else:
        state["failing_since"] = state.get("failing_since") or at.astimezone(UTC).isoformat()
        state["error"] = error
    store.set_meta(f"health:{account}", json.dumps(state))


def health(store: Store, account: str) -> dict[str, Any]:
    """The account's last successful check, how many checks ran, and while failing since when and why."""
    raw = store.get_meta(f"health:{account}")
    return json.loads(raw) if raw else {"last_ok": None, "failing_since": None, "error": None}


def health_notices(store: Store, settings: Settings, now: datetime) -> list[reminders.Notice]:
    from orderwatch import reminders, render

    """One notice per outage: a mailbox not checked successfully for `[agent] health_after`."""
    notices = []
    for acct in settings.accounts:
        state = health(store, acct.name)
        failing_since = state.get("failing_since")
        if not failing_since:
            continue
        since = datetime.fromisoformat(state.get("last_ok") or failing_since)
        if now - since < settings.agent.health_after:
            continue
        last_ok = state.get("last_ok")
        context = {
            "account": repr(acct.name),
            "since": f"{since:%Y-%m-%d %H:%M}",
            "last_ok": last_ok[:16].replace("T", " ") + " UTC" if last_ok else None,
            "error": state.get("error") or "unknown error",
        }
        title, body = render.titled("notices/mailbox_unchecked.j2", context)
        notices.append(
            reminders.Notice(
                key=f"health|{acct.name}|{failing_since}",
                ref=f"mailbox:{acct.name}",
                kind=HEALTH_KIND,
                title=title,
                body=body,
            )
        )
    return notices + _reset_notices(store)


def _reset_notices(store: Store) -> list[reminders.Notice]:
    from orderwatch import reminders, render
    from orderwatch.sync import FLAPPING

    """A folder renumbered on the server with messages gone for good: they are kept here; say so once."""
    notices = []
    for folder in store.folder_states():
        if not folder.get("reset_at") or folder.get("validity_changes_in_a_row", 0) >= FLAPPING:
            continue
        gone = store.gone_from_server(folder["account"], folder["folder"], int(folder["uidvalidity"]))
        if gone == 0:
            continue  # only renumbered (same messages): nothing to tell
        where = f"{folder['account']}/{folder['folder']}"
        title, body = render.titled("notices/folder_reset.j2", {"where": where, "gone": gone})
        notices.append(
            reminders.Notice(
                key=f"reset|{where}|{folder['reset_at']}",
                ref=f"mailbox:{folder['account']}",
                kind="folder_reset",
                title=title,
                body=body,
            )
        )
    return notices


# --- 2. the clocks ----------------------------------------------------------------------------


@dataclass
class Review:
    orders: int
    alerts: list[Alert]
    delivery: reminders.Delivery | None
    stale: list[str]  # alerting orders whose ready case bundle is missing or out of date
    rows: list[dict[str, object]]  # with `drafts`: each alert as the contract's JSON, with its draft


def review(
    settings: Settings,
    at: datetime,
    notify: bool = True,
    digest: bool = True,
    drafts: bool = True,
    bundles: bool = False,
) -> Review:
    """Evaluate every clock at `at`; with `notify`, queue and send what is due, once each; with
    `drafts`, each alert's draft; with `bundles`, which orders' ready case bundles are stale."""
    from orderwatch import present, ready_drafts, reminders, standings

    rules = rulebook(settings)
    with opened(settings) as store, standings.paused_collection():
        now = standings.current(store, rules, at)
        delivery = None
        if notify:
            notices = health_notices(store, settings, at)
            delivery = reminders.send(store, settings, now, at, digest=digest, notices=notices)
        stale = _stale(store, now) if bundles and settings.agent.export_alerting else []
        rows = []
        if drafts:
            texts = ready_drafts.drafts_for(now, now.alerts, settings)
            rows = [present.alert_json(a, text) for a, text in zip(now.alerts, texts, strict=True)]
    return Review(now.orders, now.alerts, delivery, stale, rows)


@dataclass(frozen=True)
class SavedDraft:
    account: str
    folder: str
    recipient: str | None


def save_draft(
    settings: Settings, store: Store, view: cases.CaseView, text: dict[str, str], account: str | None = None
) -> SavedDraft:
    """Put a draft in the Drafts folder of an IMAP account (the first, or the one named)."""
    imap = [a for a in settings.accounts if a.kind == "imap" and (account is None or a.name == account)]
    if not imap:
        raise UsageError("--to-drafts needs an IMAP account in the configuration")
    from orderwatch import present
    from orderwatch.mailbox import ImapMailbox

    raw, recipient = present.draft_message(store, view, text, imap[0].username)
    with ImapMailbox(imap[0]) as box:
        folder = box.append_draft(raw)
    return SavedDraft(imap[0].name, folder, recipient)


# --- 3. case bundles --------------------------------------------------------------------------


def cases_dir(settings: Settings) -> Path:
    return settings.data_dir / "cases"


def _stale(store: Store, now: standings.Standings) -> list[str]:
    """Orders with an alert whose ready bundle is missing or older than their timeline."""
    by_ref: dict[str, list[Alert]] = {}
    for alert in now.alerts:
        by_ref.setdefault(alert.ref, []).append(alert)
    kept = store.meta_with_prefix("exported:")
    return [ref for ref, due in by_ref.items() if kept.get(ref) != _fingerprint(now.digests[ref], due)]


def export(settings: Settings, order: str, out: Path, fmt: str, at: datetime) -> Path:
    """Write one order's case bundle under `out` (the same as `orderwatch export`)."""
    from orderwatch import cases, standings
    from orderwatch.export import export_case  # PDF and page rendering: only when exporting

    rules = rulebook(settings)
    with opened(settings) as store:
        view = cases.find(cases.load_cases(store, rules, at), order)
        due = cases.alerts([view], at)
        draft = cases.draft_for(view, due[0] if due else None, templates=settings.drafts_dir, me=settings.me)
        out.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = export_case(store, view, due, draft, out, fmt, at=at, zone_name=settings.me.timezone)
        if out == cases_dir(settings):
            store.set_meta(f"exported:{view.case.ref}", _fingerprint(standings.digest(view.case), due))
    return path


def _fingerprint(digest: str, due: list[Alert]) -> str:
    """An order's events (their digest) and its alerts: a bundle made from other ones is stale."""
    parts = [digest] + [f"{a.kind}|{a.due_at.isoformat()}" for a in due]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
