"""`python -m orderwatch.flows.deploy`: register the deployments on a work pool, for workers on any host.

The scale path (README): a Prefect server (PostgreSQL for many writers), one set of deployments
per mailbox, each with its own orderwatch.toml and SQLite file, and `prefect worker start --pool
NAME` on as many hosts as you like. Each scheduled run is claimed by exactly one worker, and the
deployment's concurrency limit keeps one run per mailbox at a time.

(Prefect 3.8.8's `prefect deploy --all` registers the first deployment, then fails asking the
server for the pool's workers: a 422 on `limit: null`. This does the same registration through
the Python API, from the same prefect.yaml.)
"""

from __future__ import annotations

import argparse

from orderwatch.flows.deployments import deployments


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m orderwatch.flows.deploy", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pool", default="orderwatch", help="the work pool (create it: prefect work-pool create NAME --type process)"
    )
    parser.add_argument("--config", help="this mailbox's orderwatch.toml, as the workers see it")
    parser.add_argument("--db")
    parser.add_argument("--suffix", default="", help="appended to each deployment's name, e.g. -qq")
    parser.add_argument("--only", action="append", help="deploy only this one (repeatable), e.g. orderwatch-mailbox")
    args = parser.parse_args(argv)
    for deployment in deployments(args.config, args.db, args.suffix, set(args.only or ())):
        deployment.apply(work_pool_name=args.pool)
        print(f"deployed {deployment.flow_name}/{deployment.name} on work pool {args.pool!r}")


if __name__ == "__main__":
    main()
