"""`python -m orderwatch.flows.serve`: serve orderwatch's deployments from one process (the agent's runner).

`orderwatch agent` starts this once a Prefect API is up. The deployments and their defaults come
from prefect.yaml; the schedules from [agent] in orderwatch.toml (the personal agent runs on the
user's clock: the digest in the machine's time zone unless `timezone` says otherwise). The first
mailbox run starts at once; with `[agent] idle`, IMAP IDLE starts one within seconds of new mail.
Schedules are not paused on shutdown, so they survive restarts.
"""

from __future__ import annotations

import argparse
import logging
import threading
import time
from uuid import UUID

from orderwatch.flows.deployments import MAILBOX, deployments
from prefect import get_client, serve
from prefect.deployments import run_deployment

from orderwatch import cycle


class Trigger:
    """Starts mailbox runs for IDLE's news: one at a time per account, again if one was turned away."""

    def __init__(self, deployment_id: UUID) -> None:
        self.deployment_id = deployment_id
        self.pending: set[str] = set()
        self.wake = threading.Condition()

    def __call__(self, account: str) -> None:
        with self.wake:
            self.pending.add(account)
            self.wake.notify()

    def loop(self, stop: threading.Event) -> None:
        while not stop.is_set():
            with self.wake:
                self.wake.wait_for(lambda: bool(self.pending) or stop.is_set(), timeout=1.0)
                accounts, self.pending = sorted(self.pending), set()
            for account in accounts:
                if not self._run(account, stop):
                    self(account)  # cancelled by the concurrency limit (a run was in progress): again
                    stop.wait(1.0)

    def _run(self, account: str, stop: threading.Event) -> bool:
        run = run_deployment(self.deployment_id, parameters={"account": account}, timeout=0, as_subflow=False)
        with get_client(sync_client=True) as client:
            while not stop.is_set():
                state = client.read_flow_run(run.id).state
                if state is not None and state.is_final():
                    return not state.is_cancelled()
                time.sleep(0.5)
        return True


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m orderwatch.flows.serve")
    parser.add_argument("--config")
    parser.add_argument("--db")
    args = parser.parse_args(argv)
    # On a restart, runs that fell due while the agent was down are turned away by the one-run-per-
    # mailbox limit; Prefect reports each as "Aborted submission … CANCELLED" at INFO, which reads
    # like an error and is the limit working. Warnings and errors from the runner still show.
    logging.getLogger("prefect.runner.state_proposer").setLevel(logging.WARNING)
    settings, _ = cycle.load(args.config, args.db)
    deps = deployments(args.config, args.db)
    ids = {d.name: d.apply() for d in deps}
    stop = threading.Event()
    if settings.agent.idle:
        trigger = Trigger(ids[MAILBOX])
        threading.Thread(target=trigger.loop, args=(stop,), name="idle-trigger", daemon=True).start()
        cycle.watch_mailboxes(settings, trigger, stop)
    else:
        run_deployment(ids[MAILBOX], timeout=0, as_subflow=False)  # the first check now, not in 5 minutes
    try:
        serve(*deps, pause_on_shutdown=False, print_starting_message=False)
    finally:
        stop.set()


if __name__ == "__main__":
    main()
