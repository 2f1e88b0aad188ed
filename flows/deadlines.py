"""The deadline flow: evaluate every clock, send the reminders due, keep case bundles ready.

Runs after each mailbox run, and daily from the `orderwatch-digest` deployment with `digest`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from orderwatch.flows.export import export_case
from orderwatch.flows.policy import JITTER, RETRY_DELAYS, transient
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from orderwatch import cycle
from orderwatch.errors import NotifyError


@task(
    cache_policy=NO_CACHE,
    retries=len(RETRY_DELAYS),
    retry_delay_seconds=RETRY_DELAYS,
    retry_jitter_factor=JITTER,
    retry_condition_fn=transient,
)
def remind(config: str | None, db: str | None, at: str, digest: bool, notify: bool) -> dict[str, Any]:
    """Evaluate and send; a refused notification stays queued, and this task retries after its backoff."""
    settings, _ = cycle.load(config, db)
    result = cycle.review(settings, datetime.fromisoformat(at), notify=notify, digest=digest, bundles=True)
    logger = get_run_logger()
    rows = result.rows
    logger.info("%d order(s); %d alert(s) due", result.orders, len(rows))
    for row in rows:
        logger.info("%s %s (due %s): %s", row["kind"], row["ref"], row["due_at"], row["next_step"])
    delivery = result.delivery.to_json() if result.delivery else None
    if result.delivery and result.delivery.failed:
        raise NotifyError(f"{result.delivery.failed} notification(s) not accepted; queued for retry")
    return {"orders": result.orders, "alerts": rows, "notifications": delivery, "stale": result.stale}


@flow(name="deadlines")
def deadlines(
    config: str | None = None,
    db: str | None = None,
    as_of: str | None = None,
    digest: bool = False,
    notify: bool = True,
) -> dict[str, Any]:
    """Check every clock at `as_of` (default: now) and send what is due."""
    at = as_of or datetime.now(UTC).isoformat()
    summary = remind(config, db, at, digest, notify)
    summary["exported"] = [export_case(order=ref, config=config, db=db, as_of=at) for ref in summary.pop("stale")]
    return summary
