"""The `orderwatch` command: a thin shell over `service`, printing for people or as JSON.

Exit status (contract.md): 0 success; 1 the command ran but reports a problem; 2 bad usage or
bad input (one line on stderr, nothing written).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from orderwatch import service
from orderwatch.config import Account, Settings, load_settings
from orderwatch.errors import OrderwatchError, UsageError

app = typer.Typer(
    name="orderwatch",
    help="Watches your mailbox and fights for your unfinished orders.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)
DEMO_MAILDIR = Path(__file__).parent / "demo" / "maildir"


@dataclasses.dataclass
class Context:
    config: str | None
    db: str | None

    def settings(self) -> Settings:
        return load_settings(self.config, self.db)


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
    with service.opened(settings) as store:
        reports = service.sync(settings, store, account, progress=_Bar())
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
    if as_json:
        _emit_json(info)
        return
    out.print(f"database {settings.db_path}: {info['messages']} messages, {info['failed']} not parsed")
    table = Table("account/folder", "uidvalidity", "last uid", "last sync", "last error")
    for f in info["folders"]:
        table.add_row(
            f["key"], str(f["uidvalidity"] or ""), str(f["last_uid"] or ""), f["last_sync"] or "", f["last_error"] or ""
        )
    if info["folders"]:
        out.print(table)


@app.command("run-once")
def run_once(
    ctx: typer.Context,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Evaluate at this instant (ISO 8601).")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """One full cycle: sync, parse (and, as they land: check, notify). What the agent runs."""
    settings = ctx.obj.settings()
    if not settings.accounts and settings.source is None:
        settings = _demo_settings(settings, ctx.obj.db)
        if not as_json:
            out.print(
                "No configuration found: running on the bundled demo mailbox.\n"
                "To watch your own mail, write an orderwatch.toml (see the README) or pass --config."
            )
    with service.opened(settings) as store:
        reports = service.sync(settings, store, progress=_Bar())
    _print_sync(reports, as_json)
    if any(r.error for r in reports):
        raise typer.Exit(1)


def _demo_settings(settings: Settings, db_override: str | None) -> Settings:
    demo = Account(name="demo", maildir=DEMO_MAILDIR)
    db_path = Path(db_override) if db_override else settings.data_dir / "demo.db"
    return dataclasses.replace(settings, accounts=(demo,), db_path=db_path)


def main() -> None:
    """Console entry point: click handles usage errors (exit 2); we handle our own errors."""
    try:
        app()
    except OrderwatchError as exc:
        sys.stderr.write(f"error: {exc}\n")  # one line, never wrapped
        sys.exit(2 if isinstance(exc, UsageError) else 1)
