"""Mail understanding: raw bytes in, a parse outcome out. Pure: no database, no network.

`parse(raw, role)` is the one entry point. Families of senders plug in through `registry.py`
(the mail-understanding issue); this layer guarantees that any input yields an outcome, never
an exception, so ingestion can store the raw message, flag the reason and move on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from parsers.mime import Mail, MalformedMail, parse_mail

# Bump when parsing changes meaningfully: `orderwatch reparse` and the next sync redo older results.
PARSER_VERSION = "1"


@dataclass(frozen=True)
class ParseOutcome:
    status: str  # ok | failed
    reason: str | None = None
    mail: Mail | None = None
    events: list[dict[str, Any]] = field(default_factory=list)


def parse(raw: bytes, role: str = "inbox") -> ParseOutcome:
    """Never raises: an unreadable message gives status 'failed' and a one-line reason."""
    try:
        mail = parse_mail(raw)
    except MalformedMail as exc:
        return ParseOutcome("failed", str(exc))
    except RecursionError:
        return ParseOutcome("failed", "MIME structure too deeply nested")
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop a sync
        return ParseOutcome("failed", f"parser error: {exc.__class__.__name__}")
    return ParseOutcome("ok", mail=mail)
