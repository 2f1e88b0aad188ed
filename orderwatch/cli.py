"""The `orderwatch` command: a thin shell over `service`, printing for people or as JSON.

Exit status (contract.md): 0 success; 1 the command ran but reports a problem; 2 bad usage or
bad input (one line on stderr, nothing written).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.padding import Padding
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from orderwatch import agent as agent_process
from orderwatch import cases, cycle, render, service
from orderwatch import review as review_list
from orderwatch.calendar_file import write_calendar
from orderwatch.config import Settings, load_settings
from orderwatch.domain.drafts import EXTRA_KINDS
from orderwatch.domain.model import ALERT_KINDS
from orderwatch.errors import OrderwatchError, UsageError
from orderwatch.mailbox import ImapMailbox
from orderwatch.secret import RedactingFilter

app = typer.Typer(
    name="orderwatch",
    help="Watches your mailbox and fights for your unfinished orders.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)


@dataclasses.dataclass
class Context:
    config: str | None
    db: str | None
    demo: bool = False

    def settings(self, announce: bool = True) -> Settings:
        """One rule for every command and the agent: nothing configured means the demo mailbox and its database."""
        settings, self.demo = cycle.with_demo(load_settings(self.config, self.db), self.db)
        if self.demo and self.db is None and announce:
            sys.stderr.write("demo mailbox — run `orderwatch init` to watch yours\n")
        return settings


@app.callback()
def _global(
    ctx: typer.Context,
    config: Annotated[Optional[str], typer.Option("--config", help="Configuration file (TOML).")] = None,
    db: Annotated[Optional[str], typer.Option("--db", help="SQLite database, overriding the configuration.")] = None,
) -> None:
    ctx.obj = Context(config, db)


class _Bar:
    """service.Progress on a rich progress bar, shown only when a terminal is attached."""

    def __init__(self) -> None:
        self.progress: Progress | None = None
        self.task: Any = None

    def start(self, label: str, total: int | None) -> None:
        if not err.is_terminal:
            return
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        )
        self.progress.start()
        self.task = self.progress.add_task(label, total=total)

    def advance(self, n: int = 1) -> None:
        if self.progress is not None:
            self.progress.advance(self.task, n)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def _emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.command("import")
def import_(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help=".eml files, folders of them, mbox files, Maildir folders.")],
    folder: Annotated[str, typer.Option("--folder", help="INBOX (received) or Sent (written by you).")] = "INBOX",
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract's JSON.")] = False,
) -> None:
    """Ingest local mail as if it had arrived in FOLDER. Importing twice stores once."""
    settings = ctx.obj.settings()
    with service.opened(settings) as store:
        report = service.import_paths(store, paths, folder, progress=_Bar())
    if as_json:
        _emit_json(report.to_json())
        return
    out.print(f"imported {report.imported}, duplicates {report.duplicates}, failed {report.failed}")
    for failure in report.failures:
        sys.stderr.write(f"  {failure['source']}: {failure['error']}\n")


@app.command()
def sync(
    ctx: typer.Context,
    account: Annotated[Optional[str], typer.Option("--account", help="Only this account.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract's JSON.")] = False,
) -> None:
    """Fetch new mail from every configured account, then parse it."""
    settings = ctx.obj.settings()
    names = [settings.account(account).name] if account else [a.name for a in settings.accounts]
    runs = [cycle.check_mailbox(settings, name, progress=_Bar()) for name in names]
    for run in runs:
        if run.skipped:
            err.print(f"{run.account}: another run is syncing this account right now; skipped")
    reports = [r for run in runs for r in run.reports]
    _print_sync(reports, as_json)
    if any(r.error for r in reports):
        raise typer.Exit(1)


def _print_sync(reports: list[service.FolderReport], as_json: bool) -> None:
    if as_json:
        _emit_json([r.to_json() for r in reports])
        return
    if not reports:
        out.print("no accounts configured: nothing to sync (see `orderwatch --help` and the README)")
        return
    for r in reports:
        if r.error:
            sys.stderr.write(f"{r.account}/{r.folder}: {r.error}\n")
    fetched = sum(r.fetched for r in reports)
    new = sum(r.new for r in reports)
    failed = sum(r.failed for r in reports)
    errors = sum(1 for r in reports if r.error)
    out.print(f"synced {len(reports)} folder(s): fetched {fetched}, new {new}, failed {failed}, errors {errors}")


@app.command()
def reparse(ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Parse every stored message again (after the parsers improved), without fetching."""
    settings = ctx.obj.settings()
    with service.opened(settings) as store:
        counts = service.parse_pending(store, everything=True)
    if as_json:
        _emit_json(counts)
    else:
        out.print(f"parsed {counts['parsed']}, failed {counts['failed']}")


@app.command()
def status(ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """What is stored: messages, folders and their sync state, messages that failed to parse."""
    settings = ctx.obj.settings()
    with service.opened(settings) as store:
        info = service.status(store)
        views = cases.load_cases(store, cycle.rulebook(settings), datetime.now(UTC).astimezone())
        info["review"] = [item.to_json() for item in review_list.pending(store, views)]
    if as_json:
        _emit_json(info)
        return
    out.print(f"database {settings.db_path}: {info['messages']} messages, {info['failed']} not parsed")
    for row in info["degraded"]:
        out.print(
            f"not understood ({row['reason']}; reparse after an update): {row['subject'] or row['sha256']}",
            markup=False,
            highlight=False,
        )
    table = Table("account/folder", "uidvalidity", "last uid", "last sync", "last error")
    for f in info["folders"]:
        table.add_row(
            f["key"], str(f["uidvalidity"] or ""), str(f["last_uid"] or ""), f["last_sync"] or "", f["last_error"] or ""
        )
    if info["folders"]:
        out.print(table)
    for name, health in info["mailboxes"].items():
        if health.get("failing_since"):
            out.print(
                f"mailbox {name}: not checked successfully since {health['failing_since']}: {health['error']}",
                markup=False,
                highlight=False,
            )
    for row in info["unrecognised"]:
        out.print(
            f"unrecognised mail from a shop you ordered from: {row['date']} {row['from_addr']} {row['subject']}",
            markup=False,
            highlight=False,
        )
    if info["review"]:
        out.print(f"{len(info['review'])} mail(s) look like commerce but gave no order: see `orderwatch review`")


@app.command("run-once")
def run_once(
    ctx: typer.Context,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Evaluate at this instant (ISO 8601).")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    notify: Annotated[bool, typer.Option("--notify/--no-notify", help="Send reminders (default: yes).")] = True,
) -> None:
    """One full cycle: sync, parse, check, send reminders. What the scheduled agent runs."""
    settings = ctx.obj.settings(announce=False)
    if ctx.obj.demo and not as_json:
        out.print(DEMO_NOTE)
    at = _as_of(as_of)
    runs = [cycle.check_mailbox(settings, acct.name, at) for acct in settings.accounts]
    reports = [r for run in runs for r in run.reports]
    result = cycle.review(settings, at, notify=notify)
    due = result.alert_rows(settings)
    delivery = result.delivery
    if as_json:
        _emit_json(
            {
                "sync": [r.to_json() for r in reports],
                "orders": len(result.views),
                "alerts": due,
                "notifications": delivery.to_json() if delivery else None,
            }
        )
    else:
        _print_sync(reports, False)
        out.print(f"{len(result.views)} order(s); {len(due)} alert(s) due at {_short(at)}")
        if delivery is not None:
            _report_delivery(delivery)
        for row in due:
            _print_alert(row, with_draft=False)
    if any(r.error for r in reports):
        raise typer.Exit(1)


DEMO_NOTE = (
    "No configuration found: running on the bundled demo mailbox.\n"
    "To watch your own mail: `orderwatch init` writes a commented orderwatch.toml to fill in."
)


def _as_of(value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC).astimezone()
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of must be ISO 8601, e.g. 2026-03-14T11:00:00+08:00 (got {value!r})") from None
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _views(ctx: typer.Context, as_of: datetime) -> tuple[Settings, list[cases.CaseView]]:
    settings = ctx.obj.settings()
    with service.opened(settings) as store:
        return settings, cases.load_cases(store, cycle.rulebook(settings), as_of)


@app.command()
def orders(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract's JSON.")] = False,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Status at this instant (ISO 8601).")] = None,
) -> None:
    """All orders known, with their status and escalation stage."""
    _, views = _views(ctx, _as_of(as_of))
    if as_json:
        _emit_json([cases.order_json(v.order) for v in views])
        return
    if not views:
        out.print("no orders yet: import or sync some mail first")
    for v in views:  # a block per order: the ref is never cut, whatever the terminal's width
        o = v.order
        facts = [o.merchant, f"{o.amount} {o.currency or ''}".strip() if o.amount else ""]
        if o.promised_by:
            facts.append(f"promised by {_short(o.promised_by)}")
        out.print(f"[bold]{o.ref}[/bold]  {o.status} · stage {o.stage}", highlight=False, soft_wrap=True)
        _para(" · ".join(f for f in facts if f))


@app.command()
def review(
    ctx: typer.Context,
    attach: Annotated[
        Optional[tuple[str, str]], typer.Option("--attach", help="MESSAGE ORDER: put this mail on that order.")
    ] = None,
    not_order: Annotated[Optional[str], typer.Option("--not-order", help="MESSAGE: this mail is no order.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Mail that looks like commerce but gave no order, each with the reason; attach or dismiss it."""
    settings = ctx.obj.settings()
    now = datetime.now(UTC).astimezone()
    with service.opened(settings) as store:
        views = cases.load_cases(store, cycle.rulebook(settings), now)
        if attach:
            ref = review_list.attach(store, views, attach[0], attach[1], now)
            out.print(f"attached to {ref}", markup=False, highlight=False)
            return
        if not_order:
            review_list.dismiss(store, not_order)
            out.print("marked: not an order", markup=False, highlight=False)
            return
        items = review_list.pending(store, views)
    if as_json:
        _emit_json([item.to_json() for item in items])
        return
    if not items:
        out.print("nothing to review: every commerce-looking mail gave an order")
    for item in items:
        out.print(
            f"{item.sha256[:12]}  {_short_text(item.date)}  {item.sender}\n    {item.subject}\n    why: {item.reason}",
            markup=False,
            highlight=False,
        )


def _short_text(iso: str | None) -> str:
    return _short(datetime.fromisoformat(iso)) if iso else "(no date)"


@app.command()
def timeline(
    ctx: typer.Context,
    order: Annotated[str, typer.Argument(help="The order's ref, or its bare order number.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract's JSON.")] = False,
    as_of: Annotated[Optional[str], typer.Option("--as-of")] = None,
) -> None:
    """One order's timeline, oldest first."""
    _, views = _views(ctx, _as_of(as_of))
    view = cases.find(views, order)
    if as_json:
        _emit_json({"order": cases.order_json(view.order), "events": [cases.event_json(e) for e in view.case.events]})
        return
    o = view.order
    out.print(f"[bold]{o.ref}[/bold]  {o.status} · stage {o.stage}", highlight=False, soft_wrap=True)
    _para(" · ".join(x for x in (o.merchant, f"{o.amount or ''} {o.currency or ''}".strip()) if x))
    for e in view.case.events:
        who = " (entered by you)" if e.manual else ""
        _para(f"{_short(e.at)}  {e.kind:<18} {e.summary}{who}")
        if e.message_id or e.source:
            _para("from " + " ".join(x for x in (e.source, e.message_id) if x), indent=6)


@app.command()
def check(
    ctx: typer.Context,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Evaluate at this instant (ISO 8601).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract's JSON.")] = False,
    notify: Annotated[bool, typer.Option("--notify/--no-notify", help="Send the alerts to the targets.")] = False,
    fail_on_alert: Annotated[bool, typer.Option("--fail-on-alert", help="Exit 1 when any alert is due.")] = False,
    drafts: Annotated[bool, typer.Option("--drafts/--no-drafts", help="Print each alert's draft under it.")] = True,
) -> None:
    """Every clock of the rules, evaluated at an instant: the alerts due, each with its ready draft."""
    at = _as_of(as_of)
    settings = ctx.obj.settings()
    with service.opened(settings) as store:
        views = cases.load_cases(store, cycle.rulebook(settings), at)
        by_ref = {v.case.ref: v for v in views}
        due = cases.alerts(views, at)
        rows = [
            cases.alert_json(a, cases.draft_for(by_ref[a.ref], a, templates=settings.drafts_dir, me=settings.me))
            for a in due
        ]
        if notify:
            _report_delivery(cases.send_reminders(store, settings, views, due, at))
    if as_json:
        _emit_json(rows)
    elif not rows:
        out.print(f"no alerts at {_short(at)}")
    else:
        for row in rows:
            _print_alert(row, with_draft=drafts)
        missing = settings.me.missing()
        if missing:
            out.print(
                f"drafts leave blanks for {' and '.join(missing)}: set them in the configuration",
                highlight=False,
                markup=False,
            )
    if fail_on_alert and rows:
        raise typer.Exit(1)


def _para(text: str, indent: int = 2) -> None:
    """Plain text, wrapped to the terminal with its indent kept on every line (CJK-width aware)."""
    out.print(Padding(Text(text), (0, 0, 0, indent), expand=False))


def _print_alert(row: dict[str, Any], with_draft: bool) -> None:
    """An alert for a person: what, which order, by when, what to do, and the draft to send."""
    out.print(f"[bold]{row['kind']}[/bold]  {row['ref']}", highlight=False, soft_wrap=True)
    _para(f"due {_short(datetime.fromisoformat(row['due_at']))}")
    _para(row["next_step"])
    draft = row.get("draft")
    if with_draft and draft:
        _para(f"── draft ──\nSubject: {draft['subject']}\n\n{draft['body'].rstrip()}", indent=4)
        out.print("")


def _report_delivery(report: object) -> None:
    data = report.to_json()  # type: ignore[attr-defined]
    sys.stderr.write(
        f"notifications: queued {data['queued']}, sent {data['sent']}, failed {data['failed']}, "
        f"unknown {data['unknown']}, held for quiet hours {data['held']}\n"
    )
    for error in data["errors"]:
        sys.stderr.write(f"  {error}\n")


@app.command()
def draft(
    ctx: typer.Context,
    order: Annotated[str, typer.Argument(help="The order's ref, or its bare order number.")],
    kind: Annotated[Optional[str], typer.Option("--kind", help="Which draft (an alert kind).")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", help="zh or en (default: the order's mail).")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of")] = None,
    to_drafts: Annotated[
        bool, typer.Option("--to-drafts", help="Also save it in the mailbox's Drafts folder.")
    ] = False,
    account: Annotated[
        Optional[str], typer.Option("--account", help="Which IMAP account's Drafts (default: first).")
    ] = None,
) -> None:
    """Print the ready-to-send text for the order's next step (and put it in Drafts)."""
    if lang not in (None, "zh", "en"):
        raise UsageError("--lang must be zh or en")
    known = ALERT_KINDS + EXTRA_KINDS
    if kind is not None and kind not in known:
        raise UsageError(f"--kind must be one of {', '.join(known)}")
    at = _as_of(as_of)
    settings = ctx.obj.settings()
    with service.opened(settings) as store:
        view = cases.find(cases.load_cases(store, cycle.rulebook(settings), at), order)
        due = [a for a in cases.alerts([view], at) if kind is None or a.kind == kind or kind in EXTRA_KINDS]
        text = cases.draft_for(
            view, due[0] if due else None, lang=lang, kind=kind, templates=settings.drafts_dir, me=settings.me
        )
        sys.stdout.write(f"Subject: {text['subject']}\n\n{text['body']}")
        if to_drafts:
            imap = [a for a in settings.accounts if a.kind == "imap" and (account is None or a.name == account)]
            if not imap:
                raise UsageError("--to-drafts needs an IMAP account in the configuration")
            raw, recipient = cases.draft_message(store, view, text, imap[0].username)
            with ImapMailbox(imap[0]) as box:
                folder = box.append_draft(raw)
            sys.stderr.write(f"saved to {imap[0].name}/{folder}, addressed to {recipient or '(no one yet)'}\n")


@app.command()
def note(
    ctx: typer.Context,
    order: Annotated[str, typer.Argument(help="The order's ref, or its bare order number.")],
    text: Annotated[str, typer.Argument(help="What happened, in your words.")],
    kind: Annotated[
        str, typer.Option("--kind", help="promise, complaint_sent, platform_reply, problem or note.")
    ] = "note",
    at: Annotated[Optional[str], typer.Option("--at", help="When (ISO 8601; default now).")] = None,
) -> None:
    """Add an event that is not in mail: a chat promise, a phone call, a web-form complaint."""
    when = _as_of(at)
    settings = ctx.obj.settings()
    with service.opened(settings) as store:
        view = cases.find(cases.load_cases(store, cycle.rulebook(settings), when), order)
        cases.add_manual(store, view, kind, when, text)
    out.print(f"noted on {view.case.ref}: {kind} at {when.isoformat()}", markup=False, highlight=False)


def _set_status(ctx: typer.Context, order: str, status: str) -> None:
    when = _as_of(None)
    settings = ctx.obj.settings()
    with service.opened(settings) as store:
        view = cases.find(cases.load_cases(store, cycle.rulebook(settings), when), order)
        cases.add_manual(store, view, "note", when, f"marked {status} by you", status=status)
    out.print(f"{view.case.ref} is now {status}", markup=False, highlight=False)


@app.command()
def resolve(ctx: typer.Context, order: Annotated[str, typer.Argument()]) -> None:
    """Mark an order resolved: its clocks stop."""
    _set_status(ctx, order, "resolved")


@app.command()
def cancel(ctx: typer.Context, order: Annotated[str, typer.Argument()]) -> None:
    """Mark an order cancelled by you: nothing is owed, its clocks stop."""
    _set_status(ctx, order, "cancelled")


@app.command()
def export(
    ctx: typer.Context,
    order: Annotated[str, typer.Argument(help="The order's ref, or its bare order number.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Where to write the bundle.")],
    fmt: Annotated[str, typer.Option("--format", help="dir or zip.")] = "dir",
    as_of: Annotated[Optional[str], typer.Option("--as-of")] = None,
) -> None:
    """Write the case bundle: timeline, evidence (originals), manifest, page and PDF."""
    if fmt not in ("dir", "zip"):
        raise UsageError("--format must be dir or zip")
    path = cycle.export(ctx.obj.settings(), order, out_dir, fmt, _as_of(as_of))
    sys.stdout.write(f"{path}\n")


@app.command()
def calendar(
    ctx: typer.Context,
    out_file: Annotated[Path, typer.Option("--out", help="The .ics file to write.")],
    as_of: Annotated[Optional[str], typer.Option("--as-of")] = None,
) -> None:
    """Every open deadline as a calendar event, for the phone's calendar."""
    at = _as_of(as_of)
    _, views = _views(ctx, at)
    count = write_calendar(views, cases.alerts(views, at), at, out_file)
    sys.stdout.write(f"{out_file}: {count} deadline(s)\n")


@app.command()
def agent(
    ctx: typer.Context,
    port: Annotated[Optional[int], typer.Option("--port", help="Local Prefect server port ([agent] port).")] = None,
) -> None:
    """The scheduled personal agent on Prefect, until Ctrl+C: a local server unless PREFECT_API_URL is set."""
    settings = ctx.obj.settings(announce=False)
    if ctx.obj.demo:
        out.print(DEMO_NOTE)
        notes, bundles = settings.data_dir / "notifications", cycle.cases_dir(settings)
        out.print(f"Reminders go to {notes}; case bundles to {bundles}.")
    config = str(settings.source.resolve()) if settings.source else None
    db = str(Path(ctx.obj.db).resolve()) if ctx.obj.db else None
    code = agent_process.run(settings, config, db, lambda line: out.print(line, highlight=False), port=port)
    raise typer.Exit(code)


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Where to write it.")] = Path("orderwatch.toml"),
) -> None:
    """Write a commented orderwatch.toml to fill in (never overwrites one)."""
    if path.exists():
        raise UsageError(f"{path} already exists; edit it, or pass another path")
    text = (render.TEMPLATES / "config" / "orderwatch.toml").read_text(encoding="utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    out.print(f"Wrote {path}. Fill in your mailbox, put the password in the environment, then run the agent.")


def _short(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M %z") if at else ""


def main() -> None:
    """Console entry point: click handles usage errors (exit 2); we handle our own errors."""
    if os.environ.get("ORDERWATCH_LOG"):  # e.g. DEBUG: every library's log on stderr (secrets stay out)
        logging.basicConfig(level=os.environ["ORDERWATCH_LOG"].upper(), stream=sys.stderr)
        for handler in logging.getLogger().handlers:
            handler.addFilter(RedactingFilter())
    try:
        app()
    except OrderwatchError as exc:
        sys.stderr.write(f"error: {exc}\n")  # one line, never wrapped
        sys.exit(2 if isinstance(exc, UsageError) else 1)
    except OSError as exc:  # an unwritable --out, a full disk, a vanished file: one line, exit 2
        sys.stderr.write(f"error: {os_error_line(exc)}\n")
        sys.exit(2)


def os_error_line(exc: OSError) -> str:
    """'cannot write /proc/x: No such file or directory', never a traceback."""
    where = exc.filename if exc.filename is not None else ""
    reason = exc.strerror or exc.__class__.__name__
    return f"{reason}: {where}" if where else reason
