"""The export flow: one order's case bundle (timeline, originals, manifest, page and PDF)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger

from orderwatch import cycle


@flow(name="export-case")
def export_case(
    order: str,
    config: str | None = None,
    db: str | None = None,
    out: str | None = None,
    fmt: str = "dir",
    as_of: str | None = None,
) -> str:
    """Write the bundle under `out` (default: the data directory's cases/) and return its path."""
    settings, _ = cycle.load(config, db)
    at = datetime.fromisoformat(as_of) if as_of else datetime.now(UTC)
    path = cycle.export(settings, order, Path(out) if out else cycle.cases_dir(settings), fmt, at)
    get_run_logger().info("case bundle for %s: %s", order, path)
    return str(path)
