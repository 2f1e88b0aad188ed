"""Apprise: the only module that sends notifications.

Targets come from the configuration (Apprise URLs, or an Apprise YAML/TEXT config file with
tags). With none configured, the built-in `outbox://` target writes each notification to a file
in the data directory and prints it, so the embedded default shows them. URLs carry tokens:
only `url(privacy=True)` is ever shown, logged or stored, and a target is known by a hash.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from orderwatch.config import Settings
from orderwatch.errors import ConfigError
from orderwatch.safe_names import one_line
from orderwatch.secret import register_url

LOCAL_SCHEMA = "outbox"
EMAIL_SCHEMAS = ("mailto", "mailtos", "email", "smtp", "smtps")
logging.getLogger("apprise").setLevel(logging.CRITICAL)  # its messages may quote URLs with tokens
logging.getLogger("urllib3").setLevel(logging.INFO)  # its DEBUG lines quote request paths, tokens included


@lru_cache(maxsize=1)
def _apprise() -> Any:
    """Apprise, imported on first use (a command that sends nothing does not pay for its start-up),
    with the local outbox plugin registered once."""
    import apprise
    from apprise.decorators import notify as apprise_notify

    apprise_notify(on=LOCAL_SCHEMA, name="orderwatch local outbox")(_local_outbox)
    return apprise


def _local_outbox(body: str, title: str, notify_type: str, meta: dict[str, Any], *args: Any, **kwargs: Any) -> bool:
    """Write the notification to a file under the URL's path and show it on the console."""
    folder = Path("/" + str(meta.get("host") or "") + str(meta.get("fullpath") or ""))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    path = folder / f"{stamp}.txt"
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    path.chmod(0o600)
    sys.stdout.write(f"\n[notification] {title}\n{body}\n")
    return True


@dataclass(frozen=True)
class Target:
    """One place a reminder goes. `id` is a hash of the URL: stable, and not a secret."""

    id: str
    label: str
    tags: frozenset[str]
    is_email: bool
    server: Any

    def send(self, title: str, body: str, attachment: Path | None = None) -> tuple[str, str | None]:
        """Send once: 'sent', 'failed' (safe to retry) or 'unknown' (it may have arrived: do not resend).

        Apprise 1.x answers only true or false. A false that took the whole read timeout means the
        request went out and no answer came back in time: the target may well have it.
        """
        started = time.monotonic()
        try:
            attach = _apprise().AppriseAttachment(str(attachment)) if attachment and self.is_email else None
            # titles become e-mail Subject headers: one line, so nothing can be injected
            ok = bool(self.server.notify(body=body, title=one_line(title), attach=attach))
        except Exception as exc:  # noqa: BLE001 - a plugin's bug is a failed send, never a crash
            return "failed", f"{exc.__class__.__name__} sending to {self.label}"
        if ok:
            return "sent", None
        read_timeout = float(getattr(self.server, "socket_read_timeout", 0) or 0)
        if read_timeout and time.monotonic() - started >= 0.9 * read_timeout:
            return "unknown", f"{self.label} took the request but did not answer within {read_timeout:.0f} s"
        return "failed", f"{self.label} did not accept the notification"


def _label(server: Any) -> str:
    """What we show and store for a target: scheme and host only; path and query masked.

    Apprise's privacy mode masks passwords, but tokens often live in the path or the query
    (webhook keys, Bark device keys, ServerChan send keys).
    """
    parts = urlsplit(server.url(privacy=True))
    segments = [seg for seg in parts.path.split("/") if seg]
    path = "/" + "/".join(seg[:2] + "…" for seg in segments) if segments else ""
    return f"{parts.scheme}://{parts.netloc}{path}"


def local_target_url(settings: Settings) -> str:
    return f"{LOCAL_SCHEMA}://{(settings.data_dir / 'notifications').resolve()}"


def load_targets(settings: Settings) -> list[Target]:
    """The configured targets, or the local outbox when there are none."""
    bundle = _apprise().Apprise()
    for url in settings.notify_urls:
        register_url(url.reveal())
        if not bundle.add(url.reveal()):
            raise ConfigError("[notify] urls: one URL is not a valid Apprise URL (check its scheme and fields)")
    if settings.notify_config is not None:
        config = _apprise().AppriseConfig()
        if not settings.notify_config.is_file() or not config.add(str(settings.notify_config)):
            raise ConfigError(f"[notify] config: cannot read the Apprise config file {settings.notify_config}")
        bundle.add(config)
    servers = list(bundle)
    if not servers:
        bundle.add(local_target_url(settings))
        servers = list(bundle)
    targets = []
    for server in servers:
        full = server.url(privacy=False)
        register_url(full)  # URLs from an Apprise config file too
        targets.append(
            Target(
                id=hashlib.sha256(full.encode()).hexdigest()[:16],
                label=_label(server),
                tags=frozenset(str(t) for t in (server.tags or ())),
                is_email=full.split(":", 1)[0].lower() in EMAIL_SCHEMAS,
                server=server,
            )
        )
    return targets
