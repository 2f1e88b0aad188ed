"""The scale path on Prefect itself: deployments from our prefect.yaml registered on a work pool
(`python -m orderwatch.flows.deploy`), one set per mailbox (each with its own orderwatch.toml and SQLite
file), one process work pool, two workers on loopback. Each schedule tick processes each
account exactly once: never twice, never by both workers."""

from __future__ import annotations

import collections
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.support.dovecot import PASSWORD
from tests.support.health import checks
from tests.support.mails import order_mail
from tests.support.prefect_api import PrefectServer
from tests.test_agent import prefect_server, wait_for  # noqa: F401 - the module's server fixture

ROOT = Path(__file__).resolve().parent.parent
POOL = "orderwatch-scale"
INTERVAL = 10


def _run(env: dict[str, str], *args: str) -> None:
    proc = subprocess.run([sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]


_checks = checks


def _where_it_stood(exc: AssertionError, server: PrefectServer, deployments, dbs, tmp_path: Path) -> str:
    states = {
        n: collections.Counter(r["state_name"] for r in server.flow_runs(d["id"])) for n, d in deployments.items()
    }
    counts = {n: _checks(db, n) for n, db in dbs.items()}
    logs = "".join((tmp_path / f"worker-{i}.log").read_text(errors="replace")[-2500:] for i in (1, 2))
    return f"{exc}; runs by state {states}; checks {counts}\n{logs}"


def test_two_workers_process_each_account_once_per_tick(
    prefect_server: PrefectServer,  # noqa: F811
    dovecot,
    new_user,
    tmp_path: Path,
) -> None:
    configs, dbs = {}, {}
    for name in ("a", "b"):
        user = new_user()
        dovecot.append([(order_mail(20 + 2 * len(configs)), None)], user=user)
        dbs[name] = tmp_path / name / "ow.db"
        configs[name] = tmp_path / f"{name}.toml"
        configs[name].write_text(
            f'[storage]\ndb = "{dbs[name]}"\ndata_dir = "{tmp_path / name}"\n\n'
            + dovecot.account_toml(name=name, user=user)
            + f'\n[agent]\nmailbox_every = "{INTERVAL} seconds"\n'
        )
    env = {
        **os.environ,
        **prefect_server.env(),
        "OW_TEST_PASSWORD": PASSWORD,
        "PREFECT_WORKER_QUERY_SECONDS": "1",
        "HOME": str(tmp_path),
    }
    _run(env, "-m", "prefect", "work-pool", "create", POOL, "--type", "process")
    for name, config in configs.items():
        pool, only = ["--pool", POOL], ["--only", "orderwatch-mailbox"]
        _run(env, "-m", "orderwatch.flows.deploy", *pool, "--config", str(config), f"--suffix=-{name}", *only)

    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "prefect", "worker", "start", "--pool", POOL, "--name", f"worker-{i}"],
            env=env,
            cwd=tmp_path,
            stdout=(tmp_path / f"worker-{i}.log").open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        for i in (1, 2)
    ]
    deployments = {n: prefect_server.deployment("mailbox", f"orderwatch-mailbox-{n}") for n in configs}
    try:
        try:
            wait_for(lambda: all(_checks(dbs[n], n) >= 2 for n in configs), 240, "two ticks per mailbox")
        except AssertionError as exc:  # say where it stood: runs by state, checks, the workers' last words
            raise AssertionError(_where_it_stood(exc, prefect_server, deployments, dbs, tmp_path)) from None
        for dep in deployments.values():  # no new ticks; let the running ones finish
            prefect_server.call("PATCH", f"/deployments/{dep['id']}", {"paused": True})
        wait_for(
            lambda: (
                not any(
                    r["state_type"] in ("PENDING", "RUNNING")
                    for d in deployments.values()
                    for r in prefect_server.flow_runs(d["id"])
                )
            ),
            60,
            "the runs in flight",
        )
    finally:
        for w in workers:
            os.killpg(w.pid, signal.SIGTERM)
        for w in workers:
            try:
                w.wait(30)
            except subprocess.TimeoutExpired:  # a worker's graceful shutdown can stall on 2 busy cores
                os.killpg(w.pid, signal.SIGKILL)
                w.wait(30)
    logs = "".join((tmp_path / f"worker-{i}.log").read_text(errors="replace") for i in (1, 2))
    for name, dep in deployments.items():
        runs = prefect_server.flow_runs(dep["id"])
        done = [r for r in runs if r["state_type"] == "COMPLETED"]
        ticks = collections.Counter(r["expected_start_time"] for r in done)
        assert ticks and max(ticks.values()) == 1, ticks  # no tick ran twice
        assert _checks(dbs[name], name) == len(done), (name, len(done), logs[-3000:])  # each run synced once
        assert not any(r["state_type"] in ("FAILED", "CRASHED") for r in runs), logs[-3000:]
    with sqlite3.connect(dbs["a"]) as conn:
        assert conn.execute("select count(*) from messages").fetchone()[0] == 1  # a's mail in a's file only
    runs = [r for d in deployments.values() for r in prefect_server.flow_runs(d["id"])]
    states = collections.Counter(r["state_type"] for r in runs)
    ran = {w: logs.count(f"Worker 'worker-{w}' submitting") for w in (1, 2)}
    print(f"\nscale: runs by state {dict(states)}; submissions per worker {ran}")
    prefect_server.delete_deployments()
