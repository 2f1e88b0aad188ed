"""The mailbox flow: check every account (or one), then run the deadline flow."""

from __future__ import annotations

from typing import Any

from orderwatch.flows.deadlines import deadlines
from orderwatch.flows.policy import JITTER, transient
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from orderwatch import cycle
from orderwatch.errors import MailboxError


@task(
    cache_policy=NO_CACHE,
    retries=2,
    retry_delay_seconds=[10, 30],
    retry_jitter_factor=JITTER,
    retry_condition_fn=transient,
)
def check_account(config: str | None, db: str | None, account: str) -> dict[str, Any]:
    """Sync one account; an unreachable mailbox raises so the task retries (the sync resumes, never repeats)."""
    settings, _ = cycle.load(config, db)
    run = cycle.check_mailbox(settings, account)
    if run.skipped:
        get_run_logger().info("%s: another run is checking this mailbox; skipped", account)
    elif run.error:
        raise MailboxError(run.error)
    else:
        get_run_logger().info("%s: %d new message(s)", account, sum(r.new for r in run.reports))
    return run.to_json()


@flow(name="mailbox")
def mailbox(
    config: str | None = None, db: str | None = None, account: str | None = None, notify: bool = True
) -> dict[str, Any]:
    """Check the mailboxes, then the clocks. One failing account never keeps the others or the clocks back."""
    settings, _ = cycle.load(config, db)
    names = [account] if account else [a.name for a in settings.accounts]
    checked, failed = [], []
    for name in names:
        state = check_account(config, db, name, return_state=True)
        if state.is_completed():
            checked.append(state.result())
        else:
            failed.append(name)
    summary = deadlines(config=config, db=db, notify=notify)
    if failed:
        raise MailboxError(f"could not check {', '.join(failed)} (the health notice says why)")
    return {"accounts": checked, **summary}
