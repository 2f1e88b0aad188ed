"""Mail on disk: single .eml files, folders of them, mbox files and Maildir folders.

`import` reads any of these; a `maildir = PATH` account is synced like an IMAP folder, for users
whose mail already arrives on disk through mbsync, getmail or fetchmail.
"""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from orderwatch.errors import MailboxError, UsageError

MAIL_SUFFIXES = {".eml", ".mbox", ".mbx", ".msg822"}  # in folders; a named file is read whatever its name
SENT_NAMES = {"sent", "sent messages", "sent items", "sent mail", "已发送", "已发送邮件", "发件箱"}


@dataclass(frozen=True)
class LocalMessage:
    """One message read from disk, or the reason it could not be read."""

    source: str  # a path, or path#key inside an mbox or Maildir
    raw: bytes | None
    mtime: datetime | None = None
    error: str | None = None


def is_maildir(path: Path) -> bool:
    return path.is_dir() and all((path / sub).is_dir() for sub in ("cur", "new"))


def is_mbox(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(5) == b"From "
    except OSError:
        return False


def check_paths(paths: list[Path]) -> None:
    """Fail before anything is written if a path does not exist."""
    for path in paths:
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")


def read_sources(paths: list[Path]) -> Iterator[LocalMessage]:
    """Every message under the given paths, in a stable order."""
    for path in paths:
        if is_maildir(path):
            yield from read_maildir(path)
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
                if any(part in ("cur", "new", "tmp") for part in child.relative_to(path).parts[:-1]):
                    continue  # handled as a Maildir below
                if child.suffix.lower() in MAIL_SUFFIXES or is_mbox(child):
                    yield from _read_file(child)
            for sub in sorted(p for p in path.rglob("*") if is_maildir(p)):
                yield from read_maildir(sub)
        else:
            yield from _read_file(path)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _read_file(path: Path) -> Iterator[LocalMessage]:
    if is_mbox(path):
        yield from read_mbox(path)
        return
    try:
        raw = path.read_bytes()
        mtime = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError as exc:
        yield LocalMessage(str(path), None, error=exc.strerror or exc.__class__.__name__)
        return
    yield LocalMessage(str(path), raw, mtime)


def read_mbox(path: Path) -> Iterator[LocalMessage]:
    try:
        box = mailbox.mbox(str(path), create=False)
        keys = list(box.keys())
    except (OSError, mailbox.Error) as exc:
        yield LocalMessage(str(path), None, error=f"unreadable mbox: {exc.__class__.__name__}")
        return
    try:
        for key in keys:
            try:
                raw = box.get_bytes(key)
            except (OSError, mailbox.Error, KeyError) as exc:
                yield LocalMessage(f"{path}#{key}", None, error=exc.__class__.__name__)
                continue
            yield LocalMessage(f"{path}#{key}", raw, None)
    finally:
        box.close()


def read_maildir(path: Path, skip: set[str] | None = None) -> Iterator[LocalMessage]:
    """Messages of one Maildir folder (not its subfolders), keyed by their unique names."""
    box = mailbox.Maildir(str(path), factory=None, create=False)
    for key in sorted(box.keys()):
        if key.startswith(".") or (skip is not None and key in skip):
            continue  # the Maildir spec: names starting with a dot are not messages
        try:
            sub = box._toc[key]
            full = path / sub
            raw = full.read_bytes()
            mtime = datetime.fromtimestamp(full.stat().st_mtime, UTC)
        except (OSError, KeyError) as exc:  # vanished between listing and reading
            yield LocalMessage(f"{path}#{key}", None, error=getattr(exc, "strerror", None) or exc.__class__.__name__)
            continue
        yield LocalMessage(f"{path}#{key}", raw, mtime)


def maildir_folders(root: Path, wanted: tuple[str, ...] | None) -> list[tuple[str, str, Path]]:
    """(folder name, role, path) for a Maildir++ tree: INBOX is the root, `.Sent` a subfolder."""
    if not is_maildir(root):
        raise MailboxError(f"{root} is not a Maildir folder (it needs cur/ and new/)")
    subs = {p.name[1:]: p for p in sorted(root.iterdir()) if p.name.startswith(".") and is_maildir(p)}
    out: list[tuple[str, str, Path]] = []
    for want in wanted or ("INBOX", "Sent"):
        if want.upper() == "INBOX":
            out.append(("INBOX", "inbox", root))
            continue
        match = subs.get(want) or next(
            (p for n, p in subs.items() if n.lower() in SENT_NAMES and want.lower() in SENT_NAMES), None
        )
        if match is None:
            if wanted:
                raise MailboxError(f"{root}: no Maildir folder named {want!r}")
            continue
        name = match.name[1:]
        out.append((name, "sent" if name.lower() in SENT_NAMES else "inbox", match))
    return out
