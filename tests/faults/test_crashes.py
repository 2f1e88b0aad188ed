"""Rows 1-2: kill -9 and crashes during the first sync; the run resumes to the same database.

One test per row of the reliability plan, at CI size (ORDERWATCH_FAULTS=long: full size).
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import run_cli
from tests.support.faults import (
    LONG,
    _alive,
    _children,
    _compare,
    _config,
    _env,
    _fill,
    _integrity,
    _kill_after,
    _server,
    _snapshot,
    _stored,
    _until,
)


def test_row01_kill_at_random_instants_during_the_first_sync(mailbox, tmp_path: Path, record) -> None:
    n, kills = (2000, 50) if LONG else (300, 6)
    _fill(mailbox.server, mailbox.user, n)
    server = _server(mailbox.server, mailbox.user)
    # the first run in this HOME also builds the readers' pattern cache: time a sync that finds it ready,
    # as every killed run does, or the random kill instants fall after most syncs have ended
    warm = _config(tmp_path, mailbox.server, mailbox.user, extra="batch_size = 25", name="warm")
    assert run_cli("--config", warm, "sync", env={"HOME": str(tmp_path)}).code == 0
    reference = _config(tmp_path, mailbox.server, mailbox.user, extra="batch_size = 25", name="ref")
    started = time.monotonic()
    assert run_cli("--config", reference, "sync", env={"HOME": str(tmp_path)}).code == 0
    duration = time.monotonic() - started
    rng = random.Random(1)
    totals = {"interrupted": 0, "lost": 0, "mismatched": 0, "missing_uids": 0, "duplicated": 0, "bad_db": 0}
    for k in range(kills):  # a kill at a random instant of a first sync, then the restart
        config = _config(tmp_path, mailbox.server, mailbox.user, extra="batch_size = 25", name=f"k{k}")
        totals["interrupted"] += _kill_after(tmp_path, rng.uniform(0.3, duration), "--config", config, "sync")
        assert run_cli("--config", config, "sync", env={"HOME": str(tmp_path)}).code == 0
        db = tmp_path / f"k{k}.db"
        for key, value in _compare(server, _stored(db)).items():
            totals[key] += value
        health = _integrity(db)
        totals["bad_db"] += (1 - health["integrity_ok"]) + health["orphan_locations"] + health["corrupt_messages"]
        with sqlite3.connect(db) as conn:
            totals["duplicated"] += conn.execute("select count(*) - count(distinct sha256) from messages").fetchone()[0]
        db.unlink()
    record(1, messages=n, kills=kills, first_sync_s=round(duration, 2), **totals)
    assert totals["interrupted"] >= kills // 2
    assert not any(v for k, v in totals.items() if k != "interrupted")


def test_row01b_kill_9_of_a_sync_leaves_no_parse_worker_behind(mailbox, tmp_path: Path, record) -> None:
    """Issue 14: the forked parse workers of a killed sync end with it (parent-death signal)."""
    from orderwatch.sync import PARALLEL_FROM

    n, kills = (2000, 50) if LONG else (PARALLEL_FROM + 100, 3)
    _fill(mailbox.server, mailbox.user, n, size=1500)
    server = _server(mailbox.server, mailbox.user)
    totals = {"killed_with_workers": 0, "left_behind": 0, "lost": 0, "mismatched": 0, "missing_uids": 0}
    for k in range(kills):
        config = _config(tmp_path, mailbox.server, mailbox.user, extra="batch_size = 50", name=f"w{k}")
        proc = subprocess.Popen(
            [sys.executable, "-m", "orderwatch", "--config", str(config), "sync"],
            env=_env(tmp_path),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        workers: set[int] = set()
        try:
            assert _until(lambda p=proc: bool(_children(p.pid)) or p.poll() is not None, 120)
            workers = _children(proc.pid)
            totals["killed_with_workers"] += bool(workers)
            proc.kill()
            proc.wait()
            _until(lambda ws=workers: not any(_alive(w) for w in ws), 10)  # a condition, not a fixed sleep
            left = [w for w in workers if _alive(w)]
            totals["left_behind"] += len(left)
        finally:
            for pid in [w for w in workers if _alive(w)]:  # the test owns every process it caused
                with contextlib.suppress(OSError):
                    os.kill(pid, 9)
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        assert run_cli("--config", config, "sync", env={"HOME": str(tmp_path)}).code == 0
        for key, value in _compare(server, _stored(tmp_path / f"w{k}.db")).items():
            totals[key] += value
    record("1b", messages=n, kills=kills, **totals)
    assert totals["killed_with_workers"] >= 1
    assert totals["left_behind"] == 0 and totals["lost"] == 0 and totals["mismatched"] == 0


def test_row02_crash_after_every_commit_resumes_to_the_same_database(mailbox, tmp_path: Path, record) -> None:
    n = 200 if LONG else 40
    _fill(mailbox.server, mailbox.user, n)
    client = mailbox.server.client(mailbox.user)  # expunge a few, as the plan's mailbox has
    client.select_folder("INBOX")
    client.delete_messages([3, 7, 11])
    client.expunge()
    client.logout()
    reference = _config(tmp_path, mailbox.server, mailbox.user, extra="batch_size = 10", name="ref")
    assert run_cli("--config", reference, "sync", env={"HOME": str(tmp_path)}).code == 0
    expected = _snapshot(tmp_path / "ref.db")
    mismatches = rerun_changes = 0
    steps = 0
    for step in range(1, 500):
        config = _config(tmp_path, mailbox.server, mailbox.user, extra="batch_size = 10", name=f"n{step}")
        crashed = run_cli(
            "--config", config, "sync", env={"HOME": str(tmp_path), "ORDERWATCH_CRASH_AFTER_COMMITS": str(step)}
        )
        if crashed.code == 0:
            break  # the run has fewer commits than this: every step is covered
        assert crashed.code == 100, crashed.stderr
        steps = step
        assert run_cli("--config", config, "sync", env={"HOME": str(tmp_path)}).code == 0
        mismatches += _snapshot(tmp_path / f"n{step}.db") != expected
        assert run_cli("--config", config, "sync", env={"HOME": str(tmp_path)}).code == 0
        rerun_changes += _snapshot(tmp_path / f"n{step}.db") != expected
        (tmp_path / f"n{step}.db").unlink()
    record(2, messages=n, steps_covered=steps, mismatches=mismatches, rerun_changes=rerun_changes)
    assert steps >= 5 and mismatches == 0 and rerun_changes == 0
