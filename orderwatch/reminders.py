"""Reminders: alerts -> outbox rows -> notifications, each delivered once.

One outbox row per (order, alert kind, due time, round, target). A row is claimed ('sending')
in a committed transaction before the send and finished after it, so a sent notification is
never sent again, and two runs at once never both send it. A run that dies between the two
leaves 'sending'; the next run marks it 'unknown' and shows it rather than resending blindly.
That is the remaining window: a crash after the claim and before the send also ends 'unknown'
(surfaced to the user, never silently lost).

Policy ([notify] in the configuration): `repeat_after` ("24 hours") and `repeat_max` (2) for
stronger reminders while a clock keeps running; `quiet_hours` ("22:00-08:00") holds non-urgent
ones; `urgent_within` ("12 hours"): a deadline ahead and this close is urgent. Targets tagged
`urgent` get only urgent reminders; targets tagged `digest` get one daily summary.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from orderwatch import notify, ready_drafts, render
from orderwatch.config import Settings
from orderwatch.domain.durations import Duration, parse_duration
from orderwatch.domain.model import Alert, AlertKind
from orderwatch.errors import UsageError
from orderwatch.notify import Target
from orderwatch.safe_names import one_line
from orderwatch.standings import Standings
from orderwatch.store import Store
from orderwatch.wording import word

BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2), timedelta(hours=6))
STALE_SENDING = timedelta(minutes=10)
MAX_ATTEMPTS = 8  # 1 min, 5 min, 30 min, 2 h, then every 6 h: about a day, then given up and reported
AHEAD = (
    AlertKind.EVIDENCE_DUE,
    AlertKind.APPEAL_WINDOW,
    AlertKind.COMPLAINT_WINDOW,
)  # clocks that run out later: act before

DAY = Duration(24, "hours")
HALF_DAY = Duration(12, "hours")


@dataclass(frozen=True)
class Policy:
    repeat_after: Duration = DAY
    repeat_max: int = 2
    quiet: tuple[time, time] | None = None
    urgent_within: Duration = HALF_DAY

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> Policy:
        def duration(key: str, default: Duration) -> Duration:
            return parse_duration(str(options[key])) if key in options else default

        quiet = None
        if options.get("quiet_hours"):
            start, _, end = str(options["quiet_hours"]).partition("-")
            quiet = (time.fromisoformat(start.strip()), time.fromisoformat(end.strip()))
        return cls(
            repeat_after=duration("repeat_after", cls.repeat_after),
            repeat_max=int(options.get("repeat_max", cls.repeat_max)),
            quiet=quiet,
            urgent_within=duration("urgent_within", cls.urgent_within),
        )

    def is_quiet(self, at: datetime) -> bool:
        if self.quiet is None:
            return False
        now = at.astimezone().time()
        start, end = self.quiet
        return start <= now or now < end if start > end else start <= now < end

    def quiet_ends(self, at: datetime) -> datetime:
        assert self.quiet is not None
        local = at.astimezone()
        end = datetime.combine(local.date(), self.quiet[1], local.tzinfo)
        return end if end > local else end + timedelta(days=1)


@dataclass
class Delivery:
    queued: int = 0
    sent: int = 0
    failed: int = 0
    unknown: int = 0
    held: int = 0
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "queued": self.queued,
            "sent": self.sent,
            "failed": self.failed,
            "unknown": self.unknown,
            "held": self.held,
            "errors": self.errors,
        }


def is_urgent(alert: Alert, now: datetime, policy: Policy) -> bool:
    return alert.kind in AHEAD and now <= alert.due_at <= policy.urgent_within.after(now)[0]


def _key(alert: Alert, round_no: int, target: Target) -> str:
    return f"{alert.ref}|{alert.kind}|{alert.due_at.astimezone(UTC).isoformat()}|{round_no}|{target.id}"


def _message(alert: Alert, draft: dict[str, str], round_no: int) -> tuple[str, str]:
    """A reminder's title and body (templates/notices/reminder.j2): the next step, then the draft."""
    context = {
        "lang": alert.lang,
        "what": word("reminder", alert.kind, alert.lang),
        "order_no": alert.order_no,
        "round_no": round_no,
        "next_step": alert.next_step,
        "subject": draft["subject"],
        "body": draft["body"],
    }
    return render.titled("notices/reminder.j2", context)


def plan(
    store: Store,
    alerts: list[Alert],
    draft_of: Callable[[list[Alert]], list[dict[str, str]]],
    targets: list[Target],
    now: datetime,
    policy: Policy,
    digest: bool = True,
) -> Delivery:
    """Queue what is due now: first reminders, stronger repeats, and (with `digest`) the daily digest.

    Drafts are written only for the reminders not queued before (`draft_of`, for those alerts).
    The agent queues the digest only from its daily run; `run-once` (cron) queues it whenever
    it runs, at most once a day per target.
    """
    report = Delivery()
    sent_first = _first_sent(store)
    steps: list[tuple[str, Alert, int, Target, bool]] = []
    for alert in alerts:
        urgent = is_urgent(alert, now, policy)
        for target in targets:
            if "digest" in target.tags or ("urgent" in target.tags and not urgent):
                continue
            first = sent_first.get((alert.ref, alert.kind, alert.due_at.astimezone(UTC).isoformat(), target.id))
            rounds = [0]
            repeat_at = first
            for round_no in range(1, policy.repeat_max + 1 if first is not None else 1):
                repeat_at = policy.repeat_after.after(repeat_at)[0]  # "1 workday" is the next working day
                if now >= repeat_at:
                    rounds.append(round_no)
            steps += [(_key(alert, round_no, target), alert, round_no, target, urgent) for round_no in rounds]
    queued = store.outbox_keys([key for key, *_ in steps])
    steps = [step for step in steps if step[0] not in queued]
    needing = list({id(alert): alert for _, alert, *_ in steps}.values())
    drafts = {id(alert): text for alert, text in zip(needing, draft_of(needing), strict=True)}
    rows: list[dict[str, Any]] = []
    for key, alert, round_no, target, urgent in steps:
        title, body = _message(alert, drafts[id(alert)], round_no)
        held = not urgent and policy.is_quiet(now)
        rows.append(_row(key, alert, round_no, target, urgent, title, body, policy.quiet_ends(now) if held else now))
    digest_targets = [t for t in targets if "digest" in t.tags] if digest else []
    if digest_targets and alerts:
        day = now.astimezone().date().isoformat()
        title, text = render.titled("notices/digest.j2", {"alerts": alerts, "day": day})
        for target in digest_targets:
            rows.append(
                {
                    **_row(f"digest|{day}|{target.id}", alerts[0], 0, target, False, title, text, now),
                    "ref": "digest",
                    "kind": "digest",
                }
            )
    report.queued = store.add_outbox(rows)
    report.held = sum(1 for r in rows if r["next_attempt_at"] > now.astimezone(UTC).isoformat())
    return report


@dataclass(frozen=True)
class Notice:
    """A message about orderwatch itself (a mailbox that cannot be checked), sent once per `key`."""

    key: str
    ref: str
    kind: str
    title: str
    body: str


def plan_notices(store: Store, notices: list[Notice], targets: list[Target], now: datetime) -> int:
    """Queue notices for every target (digest-only targets too: they need to know)."""
    now_utc = now.astimezone(UTC).isoformat()
    rows = [
        _outbox_row(f"{n.key}|{t.id}", n.ref, n.kind, now_utc, 0, t, True, n.title, n.body, now)
        for n in notices
        for t in targets
    ]
    return store.add_outbox(rows)


def _row(
    key: str, alert: Alert, round_no: int, target: Target, urgent: bool, title: str, body: str, when: datetime
) -> dict[str, Any]:
    due = alert.due_at.isoformat()
    return _outbox_row(key, alert.ref, alert.kind, due, round_no, target, urgent, title, body, when)


def _outbox_row(
    key: str,
    ref: str,
    kind: str,
    due_at: str,
    round_no: int,
    target: Target,
    urgent: bool,
    title: str,
    body: str,
    when: datetime,
) -> dict[str, Any]:
    return {
        "key": key,
        "ref": ref,
        "kind": kind,
        "due_at": due_at,
        "round": round_no,
        "target_id": target.id,
        "target_label": target.label,
        "urgent": int(urgent),
        "title": title,
        "body": body,
        "state": "pending",
        "attempts": 0,
        "last_error": None,
        "next_attempt_at": when.astimezone(UTC).isoformat(),
        "created_at": datetime.now(UTC).isoformat(),
        "sent_at": None,
    }


def _first_sent(store: Store) -> dict[tuple[str, str, str, str], datetime]:
    out: dict[tuple[str, str, str, str], datetime] = {}
    for row in store.first_reminders_sent():
        due = datetime.fromisoformat(row["due_at"]).astimezone(UTC).isoformat()
        out[(row["ref"], row["kind"], due, row["target_id"])] = datetime.fromisoformat(row["sent_at"])
    return out


def deliver(store: Store, targets: list[Target], now: datetime, report: Delivery | None = None) -> Delivery:
    """Send every queued row that is due, each at most once; a target that keeps refusing is given up."""
    report = report or Delivery()
    report.unknown += store.mark_unknown((datetime.now(UTC) - STALE_SENDING).isoformat())
    by_id = {t.id: t for t in targets}
    dead: list[dict[str, Any]] = []
    due = store.outbox_due(now.astimezone(UTC).isoformat())
    for row in due:
        target = by_id.get(row["target_id"])
        if target is None:
            continue  # a target removed from the configuration: its rows wait, unsent
        if not store.claim(row["key"]):
            continue  # another run is sending it
        with tempfile.TemporaryDirectory(prefix="ow-draft-") as tmp:
            attachment = _draft_eml(row, Path(tmp)) if target.is_email else None
            outcome, error = target.send(row["title"], row["body"], attachment)
        _crash_point("after-send")
        backoff = BACKOFF[min(row["attempts"], len(BACKOFF) - 1)] * random.uniform(0.85, 1.15)  # jitter
        if outcome == "failed" and row["attempts"] + 1 >= MAX_ATTEMPTS:
            outcome = "dead"
            dead.append(row)
        store.finish(row["key"], outcome, error, (datetime.now(UTC) + backoff).isoformat())
        if outcome == "sent":
            report.sent += 1
        elif outcome == "unknown":
            report.unknown += 1
            report.errors.append(error or "delivery unknown")
        else:
            report.failed += 1
            report.errors.append(error or "failed")
    if dead:  # the notices are new rows; a second pass sends them (nothing else is due again yet)
        _tell_others(store, dead, targets, now)
        deliver(store, targets, now, report)
    return report


def _tell_others(store: Store, dead: list[dict[str, Any]], targets: list[Target], now: datetime) -> None:
    """A target that refused every attempt: the other targets hear of it (once per reminder)."""
    for row in dead:
        others = [t for t in targets if t.id != row["target_id"]]
        context = {
            "target": row["target_label"],
            "attempts": MAX_ATTEMPTS,
            "error": row["last_error"],
            "title": row["title"],
            "body": row["body"],
        }
        title, body = render.titled("notices/target_failed.j2", context)
        notice = Notice(key=f"dead|{row['key']}", ref=row["ref"], kind="target_failed", title=title, body=body)
        plan_notices(store, [notice], others, now)


def _draft_eml(row: dict[str, Any], folder: Path) -> Path:
    """The reminder's draft as an .eml file, attached to e-mail notifications."""
    msg = EmailMessage()
    body = row["body"]
    subject = next(
        (line.split(":", 1)[1].strip() for line in body.splitlines() if line.startswith(("主题:", "Subject:"))), ""
    )
    msg["Subject"] = one_line(subject)
    msg.set_content(body.split("\n\n", 2)[-1] if "\n\n" in body else body)
    path = folder / "draft.eml"
    path.write_bytes(bytes(msg))
    return path


def _crash_point(name: str) -> None:
    """Tests set ORDERWATCH_CRASH_AT=<name> to kill the process at that instant (crash tests)."""
    import os

    if os.environ.get("ORDERWATCH_CRASH_AT") == name:
        os._exit(137)


def send(
    store: Store,
    settings: Settings,
    standings: Standings,
    at: datetime,
    digest: bool = True,
    notices: list[Notice] | None = None,
) -> Delivery:
    """Queue and send the reminders for the alerts due at `at` (and any notices), each once per step."""
    targets = notify.load_targets(settings)
    try:
        policy = Policy.from_options(settings.notify_options)
    except ValueError as exc:
        raise UsageError(f"[notify]: {exc}") from None

    def draft_of(alerts: list[Alert]) -> list[dict[str, str]]:
        return ready_drafts.drafts_for(standings, alerts, settings)

    report = plan(store, standings.alerts, draft_of, targets, at, policy, digest=digest)
    report.queued += plan_notices(store, notices or [], targets, at)
    return deliver(store, targets, at, report)
