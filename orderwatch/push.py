"""Push mode: IMAP IDLE on INBOX, so a mailbox run starts within seconds of new mail.

The poll stays the safety net: IDLE connections die silently (NAT timeouts, server restarts),
so each IDLE lasts at most `renew` seconds and is then ended and restarted, which needs a round
trip; a dead socket fails there within the account's timeout, and we reconnect with backoff.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from orderwatch.config import Account
from orderwatch.errors import MailboxError
from orderwatch.mailbox import ImapMailbox

log = logging.getLogger("orderwatch.push")
BACKOFF = (1.0, 2.0, 5.0, 15.0, 30.0, 60.0)


def watch_inbox(
    account: Account,
    on_new_mail: Callable[[], None],
    stop: threading.Event,
    renew: float = 300.0,
    backoff: tuple[float, ...] = BACKOFF,
) -> None:
    """Call `on_new_mail` whenever INBOX announces mail, until `stop` is set. Never raises."""
    failures = 0
    while not stop.is_set():
        try:
            with ImapMailbox(account) as box:
                box.examine("INBOX")
                on_new_mail()  # (re)connected: mail may have come while we were away
                failures = 0
                while not stop.is_set():
                    if box.idle(renew, stop.is_set):
                        on_new_mail()
        except MailboxError as exc:
            delay = backoff[min(failures, len(backoff) - 1)]
            failures += 1
            log.warning("IDLE on %s stopped (%s); reconnecting in %.0f s", account.name, exc, delay)
            stop.wait(delay)
        except Exception:  # a bug here must not kill the agent; the poll still runs
            log.exception("IDLE watcher for %s failed; reconnecting", account.name)
            stop.wait(backoff[-1])


def start_watchers(
    accounts: list[Account], on_new_mail: Callable[[str], None], stop: threading.Event
) -> list[threading.Thread]:
    """One daemon thread per IMAP account (local Maildirs have nothing to IDLE on)."""
    threads = []
    for acct in accounts:
        if acct.kind != "imap":
            continue
        thread = threading.Thread(
            target=watch_inbox,
            args=(acct, lambda name=acct.name: on_new_mail(name), stop),
            name=f"idle-{acct.name}",
            daemon=True,
        )
        thread.start()
        threads.append(thread)
    return threads
