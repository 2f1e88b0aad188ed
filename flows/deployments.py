"""The deployments, built from prefect.yaml for both ways of running them.

- `orderwatch agent` serves them from one process (`flows.serve`);
- the scale path registers them on a work pool for workers on any host (`orderwatch.flows.deploy`).

prefect.yaml gives the deployments and their defaults; the schedules come from [agent] in the
mailbox's orderwatch.toml (the personal agent runs on the user's clock: the digest in this
machine's time zone unless `timezone` says otherwise).
"""

from __future__ import annotations

import importlib
import os
from datetime import timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml
from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.deployments.runner import EntrypointType, RunnerDeployment
from prefect.schedules import Cron, Interval, Schedule

from orderwatch import cycle
from orderwatch.config import AgentOptions

# The checkout's top-level prefect.yaml; an installed wheel carries it inside orderwatch.flows.
PREFECT_YAML = Path(str(files("orderwatch.flows"))) / "prefect.yaml"
MAILBOX = "orderwatch-mailbox"


def local_zone() -> str:
    """This machine's IANA time zone name (for the daily digest's cron)."""
    if os.environ.get("TZ"):
        return os.environ["TZ"].lstrip(":")
    target = os.path.realpath("/etc/localtime")
    return target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "UTC"


def schedules(spec: dict[str, Any], agent: AgentOptions) -> list[Schedule]:
    """prefect.yaml's schedules, with the mailbox poll and the digest time taken from [agent]."""
    out: list[Schedule] = []
    for entry in spec.get("schedules") or []:
        slug = entry.get("slug")
        if slug == "mailbox-poll":
            out.append(Interval(agent.mailbox_every, slug=slug))
        elif slug == "daily-digest":
            hour, minute = agent.digest_at.split(":")
            out.append(Cron(f"{int(minute)} {int(hour)} * * *", timezone=agent.timezone or local_zone(), slug=slug))
        elif "interval" in entry:
            out.append(Interval(timedelta(seconds=entry["interval"]), slug=slug))
        elif "cron" in entry:
            out.append(Cron(entry["cron"], timezone=entry.get("timezone"), slug=slug))
    return out


def deployments(
    config: str | None, db: str | None, suffix: str = "", only: set[str] | None = None
) -> list[RunnerDeployment]:
    """prefect.yaml's deployments (or `only` those), named with `suffix` (one set per mailbox)."""
    settings, _ = cycle.load(config, db)
    spec = yaml.safe_load(PREFECT_YAML.read_text(encoding="utf-8"))
    out = []
    for entry in spec["deployments"]:
        if only and entry["name"] not in only:
            continue
        path, name = entry["entrypoint"].split(":")
        module = importlib.import_module("orderwatch." + path.removesuffix(".py").replace("/", "."))
        limit = entry.get("concurrency_limit")
        out.append(
            getattr(module, name).to_deployment(
                name=entry["name"] + suffix,
                description=entry.get("description"),
                tags=entry.get("tags"),
                parameters={**(entry.get("parameters") or {}), "config": config, "db": db},
                schedules=schedules(entry, settings.agent),
                concurrency_limit=ConcurrencyLimitConfig(
                    limit=limit["limit"], collision_strategy=ConcurrencyLimitStrategy(limit["collision_strategy"])
                )
                if limit
                else None,
                entrypoint_type=EntrypointType.MODULE_PATH,  # the package is installed: no working directory needed
            )
        )
    return out
