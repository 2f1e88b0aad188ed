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
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from orderwatch import cases, reminders, service
from orderwatch.config import Account, Settings, load_settings
from orderwatch.domain.model import Alert
from orderwatch.domain.rulebook import Rulebook
from orderwatch.errors import ConfigError
from orderwatch.export import export_case
from orderwatch.service import FolderReport
from orderwatch.store import Store

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
    settings: Settings, account: str, now: datetime | None = None, progress: service.Progress | None = None
) -> MailboxRun:
    """Sync one account and parse what is new; a run already holding the account is not joined."""
    acct = settings.account(account)
    with _account_lock(settings, acct.name) as held:
        if not held:
            return MailboxRun(acct.name, [], skipped=True)
        with service.opened(settings) as store:
            reports = service.sync(settings, store, account=acct.name, progress=progress)
            run = MailboxRun(acct.name, reports)
            record_health(store, acct.name, now or datetime.now(UTC), run.error)
    return run


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
        error = state.get("error") or "unknown error"
        body = (
            f"orderwatch has not been able to check the mailbox {acct.name!r} since {since:%Y-%m-%d %H:%M} UTC "
            f"(last success: {last_ok[:16].replace('T', ' ') + ' UTC' if last_ok else 'never'}).\n"
            f"What went wrong: {error}\n{_hint(error)}\n\n"
            f"orderwatch 无法检查邮箱 {acct.name!r}（自 {since:%Y-%m-%d %H:%M} UTC 起）。"
            "在恢复之前，新的订单邮件和平台回复都不会被发现，期限提醒也可能缺失。"
        )
        notices.append(
            reminders.Notice(
                key=f"health|{acct.name}|{failing_since}",
                ref=f"mailbox:{acct.name}",
                kind=HEALTH_KIND,
                title=f"[orderwatch] mailbox {acct.name!r} not checked / 邮箱未能检查",
                body=body,
            )
        )
    return notices + _reset_notices(store)


def _reset_notices(store: Store) -> list[reminders.Notice]:
    """A folder renumbered on the server with messages gone for good: they are kept here; say so once."""
    notices = []
    for folder in store.folder_states():
        if not folder.get("reset_at") or folder.get("validity_changes_in_a_row", 0) >= service.FLAPPING:
            continue
        gone = store.gone_from_server(folder["account"], folder["folder"], int(folder["uidvalidity"]))
        if gone == 0:
            continue  # only renumbered (same messages): nothing to tell
        where = f"{folder['account']}/{folder['folder']}"
        notices.append(
            reminders.Notice(
                key=f"reset|{where}|{folder['reset_at']}",
                ref=f"mailbox:{folder['account']}",
                kind="folder_reset",
                title=f"[orderwatch] folder {where} was reset on the server / 邮件夹在服务器上被重建",
                body=(
                    f"The server renumbered {where} (a new UIDVALIDITY) and {gone} message(s) orderwatch had seen "
                    "there are no longer on the server. They are kept in orderwatch's archive with their "
                    "timelines and evidence; nothing was deleted here.\n\n"
                    f"服务器重建了邮件夹 {where}，其中 {gone} 封邮件已不在服务器上；"
                    "orderwatch 已保留它们的原件和时间线。"
                ),
            )
        )
    return notices


def _hint(error: str) -> str:
    if "refused the login" in error:
        return (
            "What to do: check the password. QQ Mail, 163 and 126 want the app authorization code "
            "(授权码), which stops working when you change the account password or turn IMAP off."
        )
    if "TLS" in error or "certificate" in error.lower():
        return "What to do: the server's certificate was not accepted; check the host name and port."
    return "What to do: nothing if the server or your network was down for a while; orderwatch keeps trying."


# --- 2. the clocks ----------------------------------------------------------------------------


@dataclass
class Review:
    views: list[cases.CaseView]
    alerts: list[Alert]
    delivery: reminders.Delivery | None
    stale: list[str]  # alerting orders whose ready case bundle is missing or out of date

    def alert_rows(self, settings: Settings) -> list[dict[str, object]]:
        by_ref = {v.case.ref: v for v in self.views}
        return [
            cases.alert_json(a, cases.draft_for(by_ref[a.ref], a, templates=settings.drafts_dir, me=settings.me))
            for a in self.alerts
        ]


def review(settings: Settings, at: datetime, notify: bool = True, digest: bool = True) -> Review:
    """Evaluate every clock at `at`; with `notify`, queue and send what is due, once each."""
    rules = rulebook(settings)
    with service.opened(settings) as store:
        views = cases.load_cases(store, rules, at)
        due = cases.alerts(views, at)
        delivery = None
        if notify:
            notices = health_notices(store, settings, at)
            delivery = cases.send_reminders(store, settings, views, due, at, digest=digest, notices=notices)
        stale = _stale(store, views, due) if settings.agent.export_alerting else []
    return Review(views, due, delivery, stale)


# --- 3. case bundles --------------------------------------------------------------------------


def cases_dir(settings: Settings) -> Path:
    return settings.data_dir / "cases"


def _stale(store: Store, views: list[cases.CaseView], due: list[Alert]) -> list[str]:
    """Orders with an alert whose ready bundle is missing or older than their timeline."""
    by_ref: dict[str, list[Alert]] = {}
    for alert in due:
        by_ref.setdefault(alert.ref, []).append(alert)
    return [
        v.case.ref
        for v in views
        if v.case.ref in by_ref and store.get_meta(f"exported:{v.case.ref}") != _fingerprint(v, by_ref[v.case.ref])
    ]


def export(settings: Settings, order: str, out: Path, fmt: str, at: datetime) -> Path:
    """Write one order's case bundle under `out` (the same as `orderwatch export`)."""
    rules = rulebook(settings)
    with service.opened(settings) as store:
        view = cases.find(cases.load_cases(store, rules, at), order)
        due = cases.alerts([view], at)
        draft = cases.draft_for(view, due[0] if due else None, templates=settings.drafts_dir, me=settings.me)
        out.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = export_case(store, view, due, draft, out, fmt, at=at, zone_name=settings.me.timezone)
        if out == cases_dir(settings):
            store.set_meta(f"exported:{view.case.ref}", _fingerprint(view, due))
    return path


def _fingerprint(view: cases.CaseView, due: list[Alert]) -> str:
    parts = [f"{e.kind}|{e.at.isoformat()}|{e.sha256}|{e.summary}" for e in view.case.events]
    parts += [f"{a.kind}|{a.due_at.isoformat()}" for a in due]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
