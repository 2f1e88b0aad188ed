"""The `orderwatch` command: a thin shell over the application layer (`cycle`, `ingest`,
`actions`), printing for people through `terminal` or as the contract's JSON.

Exit status (contract.md): 0 success; 1 the command ran but reports a problem; 2 bad usage or
bad input (one line on stderr, nothing written).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from orderwatch import cycle, terminal
from orderwatch.config import Settings, load_settings, write_starter_config
from orderwatch.errors import OrderwatchError, UsageError
from orderwatch.secret import RedactingFilter

if TYPE_CHECKING:  # the commands import what they use: `sync` never loads the drafts, `check --json` no mailbox
    from orderwatch import cases

app = typer.Typer(
    name="orderwatch",
    help="Watches your mailbox and fights for your unfinished orders.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = terminal.out
err = terminal.err


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


@app.command("import")
def import_(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help=".eml files, folders of them, mbox files, Maildir folders.")],
    folder: Annotated[str, typer.Option("--folder", help="INBOX (received) or Sent (written by you).")] = "INBOX",
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract's JSON.")] = False,
) -> None:
    """Ingest local mail as if it had arrived in FOLDER. Importing twice stores once."""
    from orderwatch import ingest  # the parsers and the worker pool: for the commands that read mail

    settings = ctx.obj.settings()
    with cycle.opened(settings) as store:
        report = ingest.import_paths(store, paths, folder, progress=terminal.ProgressBar())
    if as_json:
        terminal.emit_json(report.to_json())
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
    runs = [cycle.check_mailbox(settings, name, progress=terminal.ProgressBar()) for name in names]
    for run in runs:
        if run.skipped:
            err.print(f"{run.account}: another run is syncing this account right now; skipped")
    reports = [r for run in runs for r in run.reports]
    terminal.print_sync(reports, as_json)
    if any(r.error for r in reports):
        raise typer.Exit(1)


@app.command()
def reparse(ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Parse every stored message again (after the parsers improved), without fetching."""
    from orderwatch import ingest

    settings = ctx.obj.settings()
    with cycle.opened(settings) as store:
        counts = ingest.parse_pending(store, everything=True)
    if as_json:
        terminal.emit_json(counts)
    else:
        out.print(f"parsed {counts['parsed']}, failed {counts['failed']}")


@app.command()
def status(ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """What is stored: messages, folders and their sync state, messages that failed to parse."""
    from orderwatch import actions

    settings = ctx.obj.settings()
    info = actions.status(settings, datetime.now(UTC).astimezone())
    if as_json:
        terminal.emit_json(info)
        return
    terminal.print_status(settings.db_path, info)


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
    due = result.rows
    delivery = result.delivery
    if as_json:
        terminal.emit_json(
            {
                "sync": [r.to_json() for r in reports],
                "orders": result.orders,
                "alerts": due,
                "notifications": delivery.to_json() if delivery else None,
            }
        )
    else:
        terminal.print_run(reports, result.orders, due, delivery, at)
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
    from orderwatch import actions

    settings = ctx.obj.settings()
    return settings, actions.views(settings, as_of)


@app.command()
def orders(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract's JSON.")] = False,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Status at this instant (ISO 8601).")] = None,
) -> None:
    """All orders known, with their status and escalation stage."""
    from orderwatch import present

    _, views = _views(ctx, _as_of(as_of))
    if as_json:
        terminal.emit_json([present.order_json(v.order) for v in views])
        return
    terminal.print_orders(views)


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
    from orderwatch import actions

    found = actions.review(ctx.obj.settings(), datetime.now(UTC).astimezone(), attach, not_order)
    if isinstance(found, str):
        out.print(f"attached to {found}" if found else "marked: not an order", markup=False, highlight=False)
        return
    items = found
    if as_json:
        terminal.emit_json([item.to_json() for item in items])
        return
    terminal.print_review(items)


@app.command()
def timeline(
    ctx: typer.Context,
    order: Annotated[str, typer.Argument(help="The order's ref, or its bare order number.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract's JSON.")] = False,
    as_of: Annotated[Optional[str], typer.Option("--as-of")] = None,
) -> None:
    """One order's timeline, oldest first."""
    from orderwatch import cases, present

    _, views = _views(ctx, _as_of(as_of))
    view = cases.find(views, order)
    if as_json:
        terminal.emit_json(
            {"order": present.order_json(view.order), "events": [present.event_json(e) for e in view.case.events]}
        )
        return
    terminal.print_timeline(view)


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
    result = cycle.review(settings, at, notify=notify)  # the deadlines flow's own path
    rows = result.rows
    if result.delivery is not None:
        terminal.report_delivery(result.delivery)
    if as_json:
        terminal.emit_json(rows)
    elif not rows:
        out.print(f"no alerts at {terminal.short(at)}")
    else:
        for row in rows:
            terminal.print_alert(row, with_draft=drafts)
        missing = settings.me.missing()
        if missing:
            out.print(
                f"drafts leave blanks for {' and '.join(missing)}: set them in the configuration",
                highlight=False,
                markup=False,
            )
    if fail_on_alert and rows:
        raise typer.Exit(1)


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
    from orderwatch import actions
    from orderwatch.domain.drafts import EXTRA_KINDS
    from orderwatch.domain.model import ALERT_KINDS

    if lang not in (None, "zh", "en"):
        raise UsageError("--lang must be zh or en")
    known = ALERT_KINDS + EXTRA_KINDS
    if kind is not None and kind not in known:
        raise UsageError(f"--kind must be one of {', '.join(known)}")
    text = actions.draft(ctx.obj.settings(), order, _as_of(as_of), kind, lang, to_drafts, account)
    sys.stdout.write(f"Subject: {text.subject}\n\n{text.body}")
    if text.saved is not None:
        to = text.saved.recipient or "(no one yet)"
        sys.stderr.write(f"saved to {text.saved.account}/{text.saved.folder}, addressed to {to}\n")


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
    from orderwatch import actions

    when = _as_of(at)
    ref = actions.note(ctx.obj.settings(), order, kind, when, text)
    out.print(f"noted on {ref}: {kind} at {when.isoformat()}", markup=False, highlight=False)


def _set_status(ctx: typer.Context, order: str, status: str) -> None:
    from orderwatch import actions

    ref = actions.mark(ctx.obj.settings(), order, status, _as_of(None))
    out.print(f"{ref} is now {status}", markup=False, highlight=False)


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
    from orderwatch import cases

    at = _as_of(as_of)
    _, views = _views(ctx, at)
    from orderwatch.calendar_file import write_calendar  # icalendar: for this command only

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
    from orderwatch import agent as agent_process

    code = agent_process.run(settings, config, db, lambda line: out.print(line, highlight=False), port=port)
    raise typer.Exit(code)


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Where to write it.")] = Path("orderwatch.toml"),
) -> None:
    """Write a commented orderwatch.toml to fill in (never overwrites one)."""
    if path.exists():
        raise UsageError(f"{path} already exists; edit it, or pass another path")
    write_starter_config(path)
    out.print(f"Wrote {path}. Fill in your mailbox, put the password in the environment, then run the agent.")


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
        sys.stderr.write(f"error: {terminal.os_error_line(exc)}\n")
        sys.exit(2)
