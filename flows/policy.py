"""The retry policy shared by the flows' I/O tasks: retry what time can fix, nothing else."""

from __future__ import annotations

from typing import Any

from orderwatch.errors import MailboxError, NotifyError

RETRY_DELAYS = [60, 300]  # the outbox's own first two backoff steps: a retry finds the rows due again
JITTER = 0.3


def transient(task: Any, task_run: Any, state: Any) -> bool:
    """A mailbox that could not be reached or a target that refused: yes; a config error or a bug: no."""
    try:
        state.result()
    except (MailboxError, NotifyError):
        return True
    except Exception:  # noqa: BLE001 - anything else is not worth repeating
        return False
    return False
