"""Proof under faults: the reliability plan's rows (reliability plan, section 5).

Each test is one row at CI size; `bench/faults_bench.py` runs the same tests at the plan's full
size (ORDERWATCH_FAULTS=long) and prints the table from the numbers each test records.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from orderwatch import cycle
from orderwatch.config import load_settings
from tests.conftest import run_cli
from tests.support.dovecot import PASSWORD, Dovecot
from tests.support.mails import order_mail
from tests.support.proxy import CuttingProxy

LONG = os.environ.get("ORDERWATCH_FAULTS") == "long"
REPORT = os.environ.get("ORDERWATCH_FAULTS_REPORT")


@pytest.fixture
def record(request: pytest.FixtureRequest) -> Iterator[Callable[..., None]]:
    """Numbers for the bench's table: record(row, **figures), appended to $ORDERWATCH_FAULTS_REPORT."""
    rows: list[dict[str, Any]] = []
    yield lambda row, **figures: rows.append({"row": row, "test": request.node.name, **figures})
    if REPORT and rows:
        with open(REPORT, "a", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row) + "\n")


def _config(
    tmp_path: Path, dovecot: Dovecot, user: str, port: int | None = None, extra: str = "", name: str = "c"
) -> Path:
    config = tmp_path / f"{name}.toml"
    config.write_text(
        f'[storage]\ndb = "{tmp_path / (name + ".db")}"\ndata_dir = "{tmp_path / "data"}"\n\n'
        + dovecot.account_toml(name="shop", user=user, port=port, extra=extra)
    )
    return config


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "OW_TEST_PASSWORD": PASSWORD, "HOME": str(tmp_path)}


def _server(dovecot: Dovecot, user: str, folder: str = "INBOX") -> dict[int, str]:
    """The checkpoint oracle: every UID in the folder with the SHA-256 of its body."""
    client = dovecot.client(user)
    try:
        client.select_folder(folder, readonly=True)
        data = client.fetch(client.search(["ALL"]), ["BODY.PEEK[]"]) if client.search(["ALL"]) else {}
    finally:
        client.logout()
    return {int(uid): hashlib.sha256(item[b"BODY[]"]).hexdigest() for uid, item in data.items()}


def _stored(db: Path, folder: str = "INBOX") -> dict[int, str]:
    """What the database says the folder holds now: present locations under its current UIDVALIDITY."""
    with sqlite3.connect(db) as conn:
        validity = conn.execute("select uidvalidity from folders where folder = ?", [folder]).fetchone()
        if validity is None:
            return {}
        rows = conn.execute(
            "select uid, sha256 from locations where folder = ? and uidvalidity = ? and absent_since is null",
            [folder, validity[0]],
        ).fetchall()
    return {int(uid): sha for uid, sha in rows}


def _integrity(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        ok = conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        orphans = conn.execute(
            "select count(*) from locations l where not exists (select 1 from messages m where m.sha256 = l.sha256)"
        ).fetchone()[0]
        bad_hash = sum(
            1 for sha, raw in conn.execute("select sha256, raw from messages") if hashlib.sha256(raw).hexdigest() != sha
        )
        marks = conn.execute("select folder, last_uid from folders").fetchall()
    return {"integrity_ok": int(ok), "orphan_locations": orphans, "corrupt_messages": bad_hash, "marks": len(marks)}


def _compare(server: dict[int, str], stored: dict[int, str]) -> dict[str, int]:
    lost = len(set(server.values()) - set(stored.values()))
    wrong = sum(1 for uid, sha in stored.items() if server.get(uid) != sha)
    return {"lost": lost, "mismatched": wrong, "missing_uids": len(set(server) - set(stored))}


def _kill_after(tmp_path: Path, delay: float, *args: str | Path) -> bool:
    """Run `orderwatch ARGS`, kill -9 it after `delay` seconds; True if it was still working."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "orderwatch", *map(str, args)],
        env=_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    running = proc.poll() is None
    proc.kill()
    proc.wait()
    return running


def _fill(dovecot: Dovecot, user: str, n: int, start: int = 0, folder: str = "INBOX", size: int = 3000) -> None:
    mails = [(order_mail(i, size=size, attachment=40_000 if i % 20 == 0 else 0), None) for i in range(start, start + n)]
    dovecot.append(mails, folder=folder, user=user)


# --- rows 1-2: crashes during sync ------------------------------------------------------------


def test_row01_kill_at_random_instants_during_the_first_sync(mailbox, tmp_path: Path, record) -> None:
    n, kills = (2000, 50) if LONG else (300, 6)
    _fill(mailbox.server, mailbox.user, n)
    server = _server(mailbox.server, mailbox.user)
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


def _children(pid: int) -> set[int]:
    """Live processes whose parent is `pid`, from /proc."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid and fields[0] != "Z":
                    found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    with contextlib.suppress(OSError):
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    return False


def _until(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_row01b_kill_9_of_a_sync_leaves_no_parse_worker_behind(mailbox, tmp_path: Path, record) -> None:
    """Issue 14: the forked parse workers of a killed sync end with it (parent-death signal)."""
    from orderwatch.service import PARALLEL_FROM

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


def _snapshot(db: Path) -> dict[str, Any]:
    """The data a sync produces, without its timestamps."""
    with sqlite3.connect(db) as conn:
        return {
            "messages": sorted(r[0] for r in conn.execute("select sha256 from messages")),
            "locations": sorted(conn.execute("select key, sha256, absent_since is null from locations").fetchall()),
            "parses": sorted(conn.execute("select sha256, status, kind from parses").fetchall()),
            "events": sorted(conn.execute("select id, kind, at from events").fetchall()),
            "folders": sorted(conn.execute("select key, uidvalidity, last_uid from folders").fetchall()),
        }


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


# --- rows 3-11: the network and the server misbehave ----------------------------------------


def _sync(config: Path) -> cycle.MailboxRun:
    return cycle.check_mailbox(load_settings(config), "shop")


@pytest.fixture
def env_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OW_TEST_PASSWORD", PASSWORD)


def test_row03_connection_cut_at_random_offsets_inside_fetch(mailbox, tmp_path: Path, record, env_password) -> None:
    cuts = 100 if LONG else 12
    _fill(mailbox.server, mailbox.user, 60)
    server = _server(mailbox.server, mailbox.user)
    total = sum(len(order_mail(i, size=3000, attachment=40_000 if i % 20 == 0 else 0)) for i in range(60))
    rng = random.Random(3)
    skipped = 0
    for k in range(cuts):
        with CuttingProxy(mailbox.server.port, cut_after=rng.randrange(2_000, total), cut_sessions=1) as proxy:
            config = _config(
                tmp_path, mailbox.server, mailbox.user, port=proxy.port, extra="batch_size = 15", name=f"cut{k}"
            )
            _sync(config)  # cut somewhere inside
            assert _sync(config).error is None
        skipped += len(set(server) - set(_stored(tmp_path / f"cut{k}.db")))
    record(3, cuts=cuts, skipped_uids=skipped)
    assert skipped == 0


def test_row05_no_new_mail_polls_reprocess_nothing(mailbox, tmp_path: Path, record, env_password) -> None:
    polls = 1000 if LONG else 150
    _fill(mailbox.server, mailbox.user, 3)
    config = _config(tmp_path, mailbox.server, mailbox.user)
    _sync(config)
    before = _snapshot(tmp_path / "c.db")
    new = sum(sum(r.new + r.fetched for r in _sync(config).reports) for _ in range(polls))
    record(
        5,
        polls=polls,
        refetched=new,
        duplicate_events=len(_snapshot(tmp_path / "c.db")["events"]) - len(before["events"]),
    )
    assert new == 0 and _snapshot(tmp_path / "c.db") == before


def test_row06_a_stale_uidnext_does_not_hide_new_mail(mailbox, tmp_path: Path, record, env_password) -> None:
    _fill(mailbox.server, mailbox.user, 5)
    with CuttingProxy(mailbox.server.port) as proxy:
        proxy.rewrite = lambda data, _: re.sub(
            rb"\[UIDNEXT (\d+)\]", lambda m: b"[UIDNEXT %d]" % max(1, int(m.group(1)) - 10), data
        )
        config = _config(tmp_path, mailbox.server, mailbox.user, port=proxy.port)
        _sync(config)
        _fill(mailbox.server, mailbox.user, 4, start=100)
        _sync(config)  # one poll
    missed = len(set(_server(mailbox.server, mailbox.user)) - set(_stored(tmp_path / "c.db")))
    record(6, missed=missed)
    assert missed == 0


def test_row07_renumbered_folder_is_remapped_without_downloading_bodies(
    mailbox, tmp_path: Path, record, env_password
) -> None:
    n = 2000 if LONG else 200
    _fill(mailbox.server, mailbox.user, n)
    with CuttingProxy(mailbox.server.port) as proxy:
        config = _config(tmp_path, mailbox.server, mailbox.user, port=proxy.port)
        _sync(config)
        first = proxy.bytes_down
        mailbox.server.set_uidvalidity("INBOX", 777_000 + n, user=mailbox.user)
        proxy.bytes_down = 0
        run = _sync(config)
        again = proxy.bytes_down
    result = _compare(_server(mailbox.server, mailbox.user), _stored(tmp_path / "c.db"))
    with sqlite3.connect(tmp_path / "c.db") as conn:
        messages = conn.execute("select count(*) from messages").fetchone()[0]
    record(
        7,
        messages=n,
        duplicates=messages - n,
        lost=result["lost"],
        redownload_ratio=round(again / first, 4),
        fetched=sum(r.fetched for r in run.reports),
    )
    assert messages == n and result == {"lost": 0, "mismatched": 0, "missing_uids": 0}
    assert sum(r.fetched for r in run.reports) == 0 and again / first <= 0.05


def test_row08_folder_deleted_and_recreated_keeps_the_old_and_tells_the_user(
    mailbox, tmp_path: Path, record, env_password
) -> None:
    client = mailbox.server.client(mailbox.user)
    client.create_folder("Shop")
    client.logout()
    old = [(order_mail(200 + i, size=2000), None) for i in range(10)]
    mailbox.server.append(old, folder="Shop", user=mailbox.user)
    config = _config(tmp_path, mailbox.server, mailbox.user, extra='folders = ["Shop"]')
    _sync(config)
    client = mailbox.server.client(mailbox.user)
    client.delete_folder("Shop")
    client.create_folder("Shop")
    client.logout()
    mailbox.server.append(
        old[:5] + [(order_mail(300 + i, size=2000), None) for i in range(5)], folder="Shop", user=mailbox.user
    )
    _sync(config)
    settings = load_settings(config)
    cycle.review(settings, datetime.now(UTC))
    cycle.review(settings, datetime.now(UTC))
    with sqlite3.connect(tmp_path / "c.db") as conn:
        messages = conn.execute("select count(*) from messages").fetchone()[0]
        gone = conn.execute(
            "select count(distinct sha256) from locations l where not exists "
            "(select 1 from locations p where p.sha256 = l.sha256 and p.absent_since is null)"
        ).fetchone()[0]
        notices = conn.execute("select count(distinct ref || kind) from outbox where kind = 'folder_reset'").fetchone()[
            0
        ]
    result = _compare(_server(mailbox.server, mailbox.user, "Shop"), _stored(tmp_path / "c.db", "Shop"))
    record(8, kept=messages, gone_marked_absent=gone, alerts=notices, **result)
    assert messages == 15 and gone == 5 and notices == 1 and result["lost"] == 0


def test_row09_a_flapping_uidvalidity_stops_the_folder(mailbox, tmp_path: Path, record, env_password) -> None:
    _fill(mailbox.server, mailbox.user, 30, size=8000)  # realistic HTML order mail
    with CuttingProxy(mailbox.server.port) as proxy:
        proxy.rewrite = lambda data, session: re.sub(
            rb"\[UIDVALIDITY (\d+)\]", lambda m: b"[UIDVALIDITY %d]" % (int(m.group(1)) + session), data
        )
        config = _config(tmp_path, mailbox.server, mailbox.user, port=proxy.port)
        errors = [_sync(config).error]
        first = proxy.bytes_down
        errors += [_sync(config).error for _ in range(9)]
    first_stop = next(i for i, e in enumerate(errors) if e)
    ratio = proxy.bytes_down / first
    record(9, polls=10, polls_before_stop=first_stop, bytes_vs_first_sync=round(ratio, 3))
    assert first_stop == 3 and all("UIDVALIDITY" in (e or "") for e in errors[3:])
    assert ratio <= 1.1  # the rescans matched what was stored; no body came twice


def test_row10_churn_by_a_second_client_ends_equal_to_the_server(mailbox, tmp_path: Path, record, env_password) -> None:
    ops = 1000 if LONG else 150
    _fill(mailbox.server, mailbox.user, 30)
    chaos = mailbox.server.client(mailbox.user)
    chaos.create_folder("Archive")
    config = _config(tmp_path, mailbox.server, mailbox.user, extra='folders = ["INBOX", "Archive"]')
    stop = threading.Event()
    errors: list[str] = []

    def syncing() -> None:
        while not stop.is_set():
            run = _sync(config)
            errors.extend(e for e in [run.error] if e)
            stop.wait(0.3)

    thread = threading.Thread(target=syncing)
    thread.start()
    rng = random.Random(10)
    log = []
    try:
        for i in range(ops):
            chaos.select_folder("INBOX")
            uids = chaos.search(["ALL"])
            op = rng.choice(["append", "append", "expunge", "move", "flag"]) if uids else "append"
            log.append(op)
            if op == "append":
                chaos.append("INBOX", order_mail(1000 + i, size=1500))
            elif op == "expunge":
                chaos.delete_messages([rng.choice(uids)])
                chaos.expunge()
            elif op == "move":
                chaos.move([rng.choice(uids)], "Archive")
            else:
                chaos.add_flags([rng.choice(uids)], [b"\\Flagged"])
        chaos.select_folder("INBOX")
        top = max(chaos.search(["ALL"]))
        chaos.delete_messages([top])  # the highest UID, which a UIDNEXT-only check never notices
        chaos.expunge()
    finally:
        stop.set()
        thread.join()
        chaos.logout()
    _sync(config)  # quiesced: one more poll
    mismatches = 0
    for folder in ("INBOX", "Archive"):
        server, stored = _server(mailbox.server, mailbox.user, folder), _stored(tmp_path / "c.db", folder)
        mismatches += len(set(server.items()) ^ set(stored.items()))
    record(10, operations=ops, set_mismatches=mismatches, sync_errors=len(errors), ops=dict(collections.Counter(log)))
    assert mismatches == 0


# --- rows 12-14: identity, migration, overlapping runs --------------------------------------


def test_row12_identity_edge_cases(mailbox, tmp_path: Path, record, env_password) -> None:
    base = "From: shop@example.com\r\nTo: me@example.com\r\nDate: Mon, 02 Mar 2026 10:00:00 +0800\r\n"
    pairs = [
        (f"{base}Message-ID: <same-{i}@example.com>\r\nSubject: v{v}\r\n\r\nbody {i} {v}\r\n".encode(), None)
        for i in range(20)
        for v in (1, 2)
    ]
    no_id = [(f"{base}Subject: no id {i}\r\n\r\nbody {i}\r\n".encode(), None) for i in range(20)]
    mailbox.server.append(pairs + no_id, user=mailbox.user)
    client = mailbox.server.client(mailbox.user)
    for folder in ("A", "B"):
        client.create_folder(folder)
    client.logout()
    shared = (f"{base}Message-ID: <shared@example.com>\r\nSubject: shared\r\n\r\nthree places\r\n".encode(), None)
    for folder in ("INBOX", "A", "B"):
        mailbox.server.append([shared], folder=folder, user=mailbox.user)
    config = _config(tmp_path, mailbox.server, mailbox.user, extra='folders = ["INBOX", "A", "B"]')
    _sync(config)
    with sqlite3.connect(tmp_path / "c.db") as conn:
        messages = conn.execute("select count(*) from messages").fetchone()[0]
        shared_locations = conn.execute(
            "select count(*) from locations where sha256 = ?", [hashlib.sha256(shared[0]).hexdigest()]
        ).fetchone()[0]
    record(12, messages=messages, expected=61, shared_locations=shared_locations)
    assert messages == 40 + 20 + 1 and shared_locations == 3


def _overdue(n: int) -> bytes:
    return order_mail(n, when=datetime.now(UTC) - timedelta(days=3))  # 自动发货, paid three days ago: overdue


def _outbox_config(config: Path, urls: list[str], extra: str = "") -> Path:
    quoted = ", ".join(f'"{u}"' for u in urls)
    config.write_text(config.read_text() + f"\n[notify]\nurls = [{quoted}]\n{extra}\n")
    return config


def test_row13_server_migration_fires_no_reminder_again(
    dovecot, new_user, tmp_path: Path, record, env_password
) -> None:
    from tests.support.receivers import HttpSink

    old, new = new_user(), new_user()
    mails = [(_overdue(2 * i), None) for i in range(5)]
    dovecot.append(mails, user=old)
    with HttpSink() as http:
        config = _outbox_config(_config(tmp_path, dovecot, old), [http.url()])
        _sync(config)
        cycle.review(load_settings(config), datetime.now(UTC))
        first = len(http.posts)
        dovecot.append([(raw, None) for raw, _ in mails], user=new)  # fresh server: new UIDVALIDITY, new dates
        config.write_text(config.read_text().replace(f'username = "{old}"', f'username = "{new}"'))
        _sync(config)
        cycle.review(load_settings(config), datetime.now(UTC))
        refired = len(http.posts) - first
    record(13, reminders=first, refired=refired)
    assert first == 5 and refired == 0


def test_row14_overlapping_runs_never_both_sync(mailbox, tmp_path: Path, record) -> None:
    rounds = 20 if LONG else 4
    config = _config(tmp_path, mailbox.server, mailbox.user, extra="batch_size = 10")
    skipped = errors = 0
    for r in range(rounds):
        _fill(mailbox.server, mailbox.user, 40, start=r * 40)
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "orderwatch", "--config", str(config), "sync"],
                env=_env(tmp_path),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        for p in procs:
            _, err = p.communicate(timeout=120)
            skipped += "skipped" in err
            errors += p.returncode != 0 or "locked" in err
    with sqlite3.connect(tmp_path / "c.db") as conn:
        duplicates = conn.execute("select count(*) - count(distinct sha256) from messages").fetchone()[0]
    result = _compare(_server(mailbox.server, mailbox.user), _stored(tmp_path / "c.db"))
    record(14, rounds=rounds, skipped_by_lock=skipped, errors=errors, duplicates=duplicates, lost=result["lost"])
    assert errors == 0 and duplicates == 0 and result["lost"] == 0


# --- rows 15-21: the outbox and SQLite ------------------------------------------------------


def _import_overdue(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "mail"
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"{i}.eml").write_bytes(_overdue(2 * i))
    config = tmp_path / "notify.toml"
    config.write_text(f'[storage]\ndb = "{tmp_path / "n.db"}"\ndata_dir = "{tmp_path / "data"}"\n')
    assert run_cli("--config", config, "import", folder, env={"HOME": str(tmp_path)}).code == 0
    return config


def test_row15_kill_while_sending_loses_nothing_silently(tmp_path: Path, record) -> None:
    from tests.support.receivers import HttpSink

    alerts, kills = (200, 50) if LONG else (12, 5)
    config = _import_overdue(tmp_path, alerts)
    rng = random.Random(15)
    with HttpSink(delay=0.03) as a, HttpSink(delay=0.03) as b, HttpSink(delay=0.03) as c:
        sinks = [a, b, c]
        _outbox_config(config, [s.url(f"t{i}") for i, s in enumerate(sinks)])
        for _ in range(kills):
            _kill_after(tmp_path, rng.uniform(0.5, 1.5), "--config", config, "check", "--notify")
        env = {"HOME": str(tmp_path)}
        assert run_cli("--config", config, "check", "--notify", "--as-of", _later(20), env=env).code == 0
        delivered = [collections.Counter([p["body"]["title"] for p in s.posts]) for s in sinks]
    with sqlite3.connect(tmp_path / "n.db") as conn:
        states = dict(conn.execute("select state, count(*) from outbox group by state").fetchall())
    expected = alerts * 3
    got = sum(len(d) for d in delivered)
    duplicates = sum(v - 1 for d in delivered for v in d.values())
    unknown = states.get("unknown", 0) + states.get("sending", 0)  # 'sending' turns 'unknown' after 10 minutes
    missing = expected - states.get("sent", 0) - unknown  # neither sent nor shown to the user
    record(15, reminders=expected, delivered=got, surfaced_unknown=unknown, missing_silently=missing)
    record(15, duplicates=duplicates, kills=kills)
    assert missing == 0 and duplicates == 0 and got >= states.get("sent", 0)


def test_row15_crash_after_every_commit_while_sending(tmp_path: Path, record) -> None:
    import shutil

    from tests.support.receivers import HttpSink

    config = _import_overdue(tmp_path, 2)
    pristine = tmp_path / "pristine.db"
    shutil.copy(tmp_path / "n.db", pristine)
    env = {"HOME": str(tmp_path)}
    steps = duplicates = missing = unknown = 0
    with HttpSink() as a, HttpSink() as b:
        _outbox_config(config, [a.url("a"), b.url("b")])
        for step in range(1, 200):
            shutil.copy(pristine, tmp_path / "n.db")
            for suffix in ("-wal", "-shm"):
                (tmp_path / f"n.db{suffix}").unlink(missing_ok=True)
            a.posts.clear()
            b.posts.clear()
            crashed = run_cli(
                "--config", config, "check", "--notify", env={**env, "ORDERWATCH_CRASH_AFTER_COMMITS": str(step)}
            )
            if crashed.code != 100:
                break
            steps = step
            assert run_cli("--config", config, "check", "--notify", env=env).code == 0
            with sqlite3.connect(tmp_path / "n.db") as conn:
                states = dict(conn.execute("select state, count(*) from outbox group by state").fetchall())
                rows = conn.execute("select count(*) from outbox").fetchone()[0]
            titles = [p["body"]["title"] for s in (a, b) for p in s.posts]
            duplicates += len(titles) - len(set((s.port, p["body"]["title"]) for s in (a, b) for p in s.posts))
            surfaced = states.get("sending", 0) + states.get("unknown", 0)
            unknown += surfaced
            missing += rows - states.get("sent", 0) - surfaced
    record(
        15,
        exhaustive_steps=steps,
        exhaustive_duplicates=duplicates,
        exhaustive_missing=missing,
        exhaustive_surfaced_unknown=unknown,
    )
    assert steps >= 4 and duplicates == 0 and missing == 0


def _later(minutes: int) -> str:
    return (datetime.now(UTC) + timedelta(minutes=minutes)).isoformat()


def test_row16_one_target_down_only_it_is_retried_then_given_up_and_reported(tmp_path: Path, record) -> None:
    from orderwatch.reminders import MAX_ATTEMPTS
    from tests.support.receivers import HttpSink

    config = _import_overdue(tmp_path, 1)
    title = "[orderwatch] K000000000QZ 超时未交付"
    with HttpSink() as good1, HttpSink() as good2, HttpSink(status=500) as bad:
        _outbox_config(config, [good1.url("g1"), good2.url("g2"), bad.url("bad")])
        gaps = []
        for step in range(MAX_ATTEMPTS + 2):
            at = _later(7 * 60 * step)  # 7 hours later each time: every backoff (at most 6 h) has run out
            ran = datetime.now(UTC)
            assert (
                run_cli("--config", config, "check", "--notify", "--as-of", at, env={"HOME": str(tmp_path)}).code == 0
            )
            with sqlite3.connect(tmp_path / "n.db") as conn:
                row = conn.execute(
                    "select next_attempt_at, state, attempts from outbox where title = ? and state != 'sent'", [title]
                ).fetchone()
            gaps.append(round((datetime.fromisoformat(row[0]) - ran).total_seconds()))
        titles = [[p["body"]["title"] for p in s.posts] for s in (good1, good2)]
    record(16, good_deliveries=[t.count(title) for t in titles], bad_attempts=row[2], final_state=row[1])
    record(16, distinct_retry_gaps=len(set(gaps[4:MAX_ATTEMPTS])), of=len(gaps[4:MAX_ATTEMPTS]))
    assert all(t.count(title) == 1 for t in titles)  # each good target: once, never retried
    assert all(sum("could not be delivered" in x for x in t) == 1 for t in titles)  # and told once
    assert row[2] == MAX_ATTEMPTS and row[1] == "dead"
    assert len(set(gaps[4:MAX_ATTEMPTS])) > 1  # jittered: the 6-hour retries are not identical


def test_row17_an_ambiguous_timeout_is_surfaced_not_resent(tmp_path: Path, record) -> None:
    from tests.support.receivers import HttpSink

    config = _import_overdue(tmp_path, 1)
    with HttpSink(delay=2.5) as slow:
        _outbox_config(config, [slow.url("slow") + "?rto=1"])
        for minutes in (0, 1, 60):  # again and again, within the same alert
            run_cli("--config", config, "check", "--notify", "--as-of", _later(minutes), env={"HOME": str(tmp_path)})
        status = run_cli("--config", config, "status", "--json", env={"HOME": str(tmp_path)}).json()
    record(17, received=len(slow.attempts), unknown_listed=len(status["delivery_unknown"]))
    assert len(slow.attempts) == 1 and len(status["delivery_unknown"]) == 1


def test_row18_detection_is_idempotent(tmp_path: Path, record) -> None:
    runs = 100 if LONG else 30
    config = _import_overdue(tmp_path, 3)
    _outbox_config(config, [f"outbox://{tmp_path / 'out'}"])
    settings = load_settings(config)
    cycle.review(settings, datetime.now(UTC))
    with sqlite3.connect(tmp_path / "n.db") as conn:
        before = conn.execute("select count(*) from outbox").fetchone()[0]
    for _ in range(runs):
        cycle.review(settings, datetime.now(UTC))
    with sqlite3.connect(tmp_path / "n.db") as conn:
        after = conn.execute("select count(*) from outbox").fetchone()[0]
    record(18, runs=runs, new_rows=after - before)
    assert before == 3 and after == before


def test_row19_two_writers_never_see_database_is_locked(tmp_path: Path, record) -> None:
    writes = 5000 if LONG else 1000
    script = (
        "import sys; from orderwatch.store import Store\n"
        "s = Store(sys.argv[1])\n"
        "for i in range(int(sys.argv[3])): s.set_meta(f'{sys.argv[2]}:{i}', 'x')\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(tmp_path / "w.db"), f"p{k}", str(writes)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(2)
    ]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    with sqlite3.connect(tmp_path / "w.db") as conn:
        rows = conn.execute("select count(*) from meta where key like 'p%'").fetchone()[0]
    record(
        19, writers=2, writes_each=writes, errors=sum(bool(e.strip()) for e in errors), lost_writes=2 * writes - rows
    )
    assert all(p.returncode == 0 for p in procs) and rows == 2 * writes, errors


def test_row20_kill_during_import_leaves_no_partial_transaction(tmp_path: Path, record) -> None:
    n, kills = (2000, 40) if LONG else (300, 5)
    folder = tmp_path / "mail"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i}.eml").write_bytes(order_mail(i, size=3000))
    config = tmp_path / "i.toml"
    config.write_text(f'[storage]\ndb = "{tmp_path / "i.db"}"\n')
    rng = random.Random(20)
    for _ in range(kills):
        _kill_after(tmp_path, rng.uniform(0.4, 1.5), "--config", config, "import", folder)
    health = _integrity(tmp_path / "i.db")
    assert run_cli("--config", config, "import", folder, env={"HOME": str(tmp_path)}).code == 0
    with sqlite3.connect(tmp_path / "i.db") as conn:
        stored = conn.execute("select count(*) from messages").fetchone()[0]
        unparsed = conn.execute(
            "select count(*) from messages where sha256 not in (select sha256 from parses)"
        ).fetchone()[0]
    record(
        20,
        files=n,
        kills=kills,
        violations=(1 - health["integrity_ok"]) + health["corrupt_messages"] + health["orphan_locations"],
        stored=stored,
        unparsed=unparsed,
    )
    assert health["integrity_ok"] == 1 and health["corrupt_messages"] == health["orphan_locations"] == 0
    assert stored == n and unparsed == 0


def test_row21_every_write_path_survives_reopening(tmp_path: Path, record) -> None:
    from orderwatch.store import Location, Store

    path = tmp_path / "r.db"
    store = Store(path)

    def loc(folder: str, uid: int) -> Location:
        key = f"imap:a/{folder};UIDVALIDITY=1/;UID={uid}"
        return Location(
            key=key, account="a", folder=folder, role="inbox", source=f"imap:a/{folder}", uidvalidity=1, uid=uid
        )

    ((sha, _),) = store.save_messages([(b"From: a@b.c\r\nSubject: x\r\n\r\nhi\r\n", loc("INBOX", 1), None)])
    store.save_locations([(sha, loc("A", 9))])
    store.set_folder_state("a", "INBOX", uidvalidity=1, last_uid=1)
    store.set_meta("k", "v")
    store.mark_absent("imap:a/A;UIDVALIDITY=1/;UID=", set())
    store.close()
    again = Store(path)
    checks = {
        "message": again.has_message(sha),
        "locations": again.count("locations") == 2,
        "folder": (again.folder_state("a", "INBOX") or {}).get("last_uid") == 1,
        "meta": again.get_meta("k") == "v",
        "absent": again.db.execute("select count(*) from locations where absent_since is not null").fetchone()[0] == 1,
    }
    again.close()
    record(21, paths=len(checks), lost_writes=sum(not v for v in checks.values()))
    assert all(checks.values()), checks


# --- rows 22-26: hostile mail ---------------------------------------------------------------


def test_row22_charset_traps_decode_without_replacement_characters(tmp_path: Path, record) -> None:
    from orderwatch.service import import_paths
    from orderwatch.store import Store
    from tests.support.bombs import charset_traps

    traps = charset_traps()
    for name, (raw, _) in traps.items():
        (tmp_path / f"{name}.eml").write_bytes(raw)
    store = Store(tmp_path / "cs.db")
    report = import_paths(store, sorted(tmp_path.glob("*.eml")))
    replacement = crashes = roundtrip = 0
    for name, (raw, phrase) in traps.items():
        sha = hashlib.sha256(raw).hexdigest()
        roundtrip += store.raw(sha) == raw
        row = store.db.execute("select status, subject from parses where sha256 = ?", [sha]).fetchone()
        crashes += row[0] != "ok"
        from orderwatch.parsers import parse

        outcome = parse(raw)
        text = (outcome.mail.subject + "\n" + outcome.mail.text) if outcome.mail else ""
        replacement += text.count("\ufffd")
        assert phrase in text, (name, text[:200])
    store.close()
    record(
        22, fixtures=len(traps), crashes=crashes, round_trip=f"{roundtrip}/{len(traps)}", replacement_chars=replacement
    )
    assert report.failed == 0 and crashes == 0 and roundtrip == len(traps) and replacement == 0


def test_row23_resource_bombs_are_bounded_and_the_next_message_still_syncs(
    mailbox, tmp_path: Path, record, env_password
) -> None:
    from tests.support.bombs import BOMBS

    results = {}
    for name, make in BOMBS.items():
        path = tmp_path / f"{name}.eml"
        path.write_bytes(make())
        config = tmp_path / f"{name}.toml"
        config.write_text(f'[storage]\ndb = "{tmp_path / (name + ".db")}"\n')
        timed = subprocess.run(
            [
                "/usr/bin/time",
                "-f",
                "%e %M",
                sys.executable,
                "-m",
                "orderwatch",
                "--config",
                str(config),
                "import",
                "--json",
                str(path),
            ],
            capture_output=True,
            text=True,
            env=_env(tmp_path),
            timeout=120,
        )
        wall, rss_kb = timed.stderr.strip().splitlines()[-1].split()
        outcome = json.loads(timed.stdout)
        with sqlite3.connect(tmp_path / f"{name}.db") as conn:
            kept = conn.execute("select length(raw) from messages").fetchone()[0] == path.stat().st_size
        results[name] = {
            "wall_s": float(wall),
            "rss_mb": int(rss_kb) // 1024,
            "quarantined": outcome["failed"],
            "kept_raw": kept,
        }
    mailbox.server.append(
        [(BOMBS["parts-10k"](), None), (BOMBS["nesting-5000"](), None), (order_mail(2), None)], user=mailbox.user
    )
    config = _config(tmp_path, mailbox.server, mailbox.user)
    run = _sync(config)
    with sqlite3.connect(tmp_path / "c.db") as conn:
        orders = conn.execute("select count(*) from events where order_no = 'K000000002QZ'").fetchone()[0]
    record(23, bombs=results, next_message_synced=orders > 0, sync_error=run.error)
    assert run.error is None and orders > 0
    for name, r in results.items():
        assert r["kept_raw"], name
        assert r["wall_s"] <= 5 and (r["rss_mb"] <= 256 or name == "base64-part-50MB"), (name, r)
    assert results["base64-part-50MB"]["rss_mb"] <= 8 * 70  # a 70 MB message: bounded, not a gigabyte
    assert results["bom-first"]["quarantined"] == 0  # a byte-order mark first is read past


def test_row24_fuzzing_parse_and_classify_finds_no_undocumented_failure(record) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from orderwatch.parsers import parse

    from tests.conftest import CORPUS

    seeds = [p.read_bytes() for p in sorted(CORPUS.rglob("*.eml"))][:60]
    assert seeds
    bad: list[str] = []
    runs = [0]

    @settings(max_examples=3000 if LONG else 300, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(
        st.sampled_from(seeds),
        st.lists(st.tuples(st.integers(0, 100_000), st.binary(max_size=12)), max_size=6),
        st.booleans(),
    )
    def fuzz(seed: bytes, edits: list[tuple[int, bytes]], truncate: bool) -> None:
        data = bytearray(seed)
        for offset, chunk in edits:
            pos = offset % (len(data) + 1)
            data[pos : pos + len(chunk)] = chunk
        raw = bytes(data[: len(data) // 2] if truncate else data)
        outcome = parse(raw)
        runs[0] += 1
        reason = outcome.reason or ""
        if reason.startswith(("parser error", "understanding failed")):
            bad.append(reason)

    started = time.monotonic()
    fuzz()
    rate = runs[0] / (time.monotonic() - started)
    record(24, examples=runs[0], undocumented_failures=len(bad), execs_per_s=round(rate))
    assert bad == []


def test_row25_no_header_injection_into_reminder_mail(tmp_path: Path, record) -> None:
    from tests.support.receivers import SmtpSink

    evil = (
        "From: =?UTF-8?Q?Shop=0ABcc:_victim@example.com?= <shop@example.com>\r\nTo: me@example.com\r\n"
        f"Date: {(datetime.now(UTC) - timedelta(days=3)).strftime('%a, %d %b %Y %H:%M:%S +0000')}\r\n"
        "Subject: =?UTF-8?Q?=E8=AE=A2=E5=8D=95=E6=94=AF=E4=BB=98=E6=88=90=E5=8A=9F=0D=0ABcc:_a@evil.example?=\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "订单号：K7777777QZ\r\n商品名称：月卡\r\nBcc: b@evil.example\r\n店铺：Evil\r\n"
        "X-Injected: yes\r\n总价：10.00 元\r\n"
        "发货方式：自动发货\r\n"
    ).encode()
    (tmp_path / "evil.eml").write_bytes(evil)
    config = tmp_path / "e.toml"
    with SmtpSink() as smtp:
        config.write_text(f'[storage]\ndb = "{tmp_path / "e.db"}"\n[notify]\nurls = ["{smtp.url()}"]\n')
        assert run_cli("--config", config, "import", tmp_path / "evil.eml", env={"HOME": str(tmp_path)}).code == 0
        assert run_cli("--config", config, "check", "--notify", env={"HOME": str(tmp_path)}).code == 0
        sent = [m.content for m in smtp.messages]
    injected = 0
    from email import message_from_bytes

    for content in sent:
        for msg in message_from_bytes(content).walk():
            injected += sum(1 for k in msg if k.lower() in ("bcc", "x-injected"))
        injected += len(re.findall(rb"(?im)^bcc:", content.split(b"\r\n\r\n", 1)[0]))
    record(25, messages=len(sent), injected_headers=injected)
    assert sent and injected == 0


def test_row26_the_display_name_never_decides_who_sent_it(tmp_path: Path, record) -> None:
    from orderwatch.parsers import parse

    body = "订单号：K8888888QZ\r\n商品名称：月卡\r\n总价：10.00 元\r\n发货方式：自动发货\r\n"
    head = "To: me@example.com\r\nDate: Mon, 02 Mar 2026 10:00:00 +0800\r\nSubject: 订单支付成功\r\n"
    head += "Content-Type: text/plain; charset=utf-8\r\n"
    vectors = {
        "display-name-address": '"orders@yunzhan-km.com" <evil@phish.example>',
        "cve-2023-27043": "alice@yunzhan-km.com)<evil@phish.example>",
        "cve-2019-16056": "evil@phish.example@yunzhan-km.com",
    }
    misattributed = 0
    for name, sender in vectors.items():
        outcome = parse(f"From: {sender}\r\n{head}\r\n{body}".encode())
        mail = outcome.mail
        assert mail is not None, name
        platforms = {str(e.fields.get("platform")) for e in outcome.events}
        misattributed += mail.from_addr.endswith("yunzhan-km.com") or any("yunzhan" in p for p in platforms)
    record(26, vectors=len(vectors), misattributed=misattributed)
    assert misattributed == 0


def test_row04_short_fetch_responses_are_noticed_and_fetched_again(
    mailbox, tmp_path: Path, record, env_password
) -> None:
    from tests.support.proxy import FetchDropper

    _fill(mailbox.server, mailbox.user, 30)
    server = _server(mailbox.server, mailbox.user)
    drop = set(random.Random(4).sample(sorted(server), 5))
    with CuttingProxy(mailbox.server.port) as proxy:
        proxy.rewrite = FetchDropper(drop, sessions={1})  # the first connection loses five answers
        config = _config(tmp_path, mailbox.server, mailbox.user, port=proxy.port, extra="batch_size = 10")
        _sync(config)
        after_first = set(_stored(tmp_path / "c.db"))
        _sync(config)
    result = _compare(server, _stored(tmp_path / "c.db"))
    record(
        4,
        dropped_responses=proxy.rewrite.dropped,
        stored_after_first=len(after_first),
        undetected_gaps=result["missing_uids"],
    )
    assert proxy.rewrite.dropped >= 1 and not (drop & after_first)  # nothing past a gap was taken as done
    assert result == {"lost": 0, "mismatched": 0, "missing_uids": 0}


def test_row11_an_expunge_of_the_highest_uid_is_caught(mailbox, tmp_path: Path, record, env_password) -> None:
    _fill(mailbox.server, mailbox.user, 5)
    config = _config(tmp_path, mailbox.server, mailbox.user)
    _sync(config)
    client = mailbox.server.client(mailbox.user)
    client.select_folder("INBOX")
    client.delete_messages([max(client.search(["ALL"]))])
    client.expunge()
    client.logout()
    _sync(config)
    mismatches = len(set(_server(mailbox.server, mailbox.user).items()) ^ set(_stored(tmp_path / "c.db").items()))
    record(11, path="full UID listing every poll (no QRESYNC)", divergences=mismatches)
    assert mismatches == 0


# --- rows 27-33: secrets, TLS, exports, SQL, files ------------------------------------------

CANARY_PASSWORD = "OWcanaryPASS7f3a9c"
CANARY_TOKEN = "OWcanaryTOKEN91b2e4"


def test_row27_canary_secrets_appear_nowhere(mailbox, tmp_path: Path, record) -> None:
    from tests.support.prefect_api import PrefectServer
    from tests.support.receivers import HttpSink

    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "o.eml").write_bytes(_overdue(2))
    server = PrefectServer().start()
    outputs: list[str] = []
    try:
        with HttpSink() as http:
            good = tmp_path / "good.toml"
            good.write_text(
                f'[storage]\ndb = "{tmp_path / "g.db"}"\ndata_dir = "{tmp_path / "data"}"\n'
                '[notify]\nurls = ["${OW_HOOK}"]\n'
            )
            bad = tmp_path / "bad.toml"
            account = mailbox.server.account_toml(name="shop", user=mailbox.user).replace(
                "OW_TEST_PASSWORD", "OW_CANARY"
            )
            bad.write_text(good.read_text() + "\n" + account)
            env = {
                "HOME": str(tmp_path),
                "ORDERWATCH_LOG": "DEBUG",
                "OW_CANARY": CANARY_PASSWORD,
                "OW_HOOK": http.url(CANARY_TOKEN),
            }
            for args in (
                ("--config", good, "import", tmp_path / "mail"),
                ("--config", good, "check", "--notify", "--json"),
                ("--config", bad, "sync"),
                ("--config", bad, "status", "--json"),
                ("--config", bad, "run-once"),
                ("--config", good, "export", "K000000002QZ", "--out", tmp_path / "export", "--format", "zip"),
                ("--config", bad, "draft", "K000000002QZ", "--to-drafts", "--account", "shop"),
            ):
                result = run_cli(*args, env=env)
                outputs += [result.stdout, result.stderr]
            flow = subprocess.run(  # the flows on a real Prefect server, results persisted
                [
                    sys.executable,
                    "-c",
                    (
                        "import sys, orderwatch.flows.mailbox as m;"
                        "m.check_account = m.check_account.with_options(retry_delay_seconds=0);"
                        "m.mailbox(config=sys.argv[1])"
                    ),
                    str(bad),
                ],
                capture_output=True,
                text=True,
                timeout=180,
                env={
                    **os.environ,
                    **server.env(),
                    **env,
                    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "true",
                    "PREFECT_LOCAL_STORAGE_PATH": str(tmp_path / "prefect-results"),
                    "PREFECT_LOGGING_LEVEL": "DEBUG",
                },
            )
            outputs += [flow.stdout, flow.stderr]
            assert http.posts, "the webhook got the reminder (the token did its job)"
        places = [p for p in list(tmp_path.rglob("*")) + list(server.home.rglob("*")) if p.is_file()]
        hits = []
        for path in places:
            data = path.read_bytes()
            if path.suffix == ".zip":
                import zipfile

                with zipfile.ZipFile(path) as zf:
                    data += b"".join(zf.read(n) for n in zf.namelist())
            hits += [f"{path}: {c}" for c in (CANARY_PASSWORD, CANARY_TOKEN) if c.encode() in data]
        hits += [
            f"output {i}: {out[max(0, out.find(c) - 300) : out.find(c) + 50]}"
            for i, out in enumerate(outputs)
            for c in (CANARY_PASSWORD, CANARY_TOKEN)
            if c in out
        ]
    finally:
        server.stop()
    record(27, files_searched=len(places), outputs_searched=len(outputs), hits=len(hits))
    assert "refused the login" in "".join(outputs)  # the canary password was used, and failed
    assert hits == [], hits[:5]


def test_row28_bad_certificates_are_refused_unless_pinned(
    tmp_path: Path, record, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orderwatch.config import Account
    from orderwatch.errors import MailboxError
    from orderwatch.mailbox import ImapMailbox
    from orderwatch.secret import Secret
    from tests.support.tls_imap import Certs, StubImap

    certs = Certs(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(certs.ca_file))  # the test CA is trusted; nothing else is
    good, expired = certs.leaf("good"), certs.leaf("expired", expired=True)
    wrong_host, self_signed = certs.leaf("wrong", host="imap.example.com"), certs.leaf("self", self_signed=True)

    def attempt(cert: tuple[Path, Path, str] | None, security: str = "ssl", pin: str | None = None) -> int:
        with StubImap(cert[:2] if cert else None) as stub:
            account = Account(
                name="t",
                host="127.0.0.1",
                port=stub.port,
                security=security,
                username="u",
                password=Secret(CANARY_PASSWORD),
                tls_fingerprint=pin,
                timeout=5,
            )
            with contextlib.suppress(MailboxError):
                ImapMailbox(account).connect()
            time.sleep(0.2)
            return stub.logins

    cases = {
        "self-signed": attempt(self_signed),
        "expired": attempt(expired),
        "wrong-host": attempt(wrong_host),
        "starttls-stripped": attempt(None, security="starttls"),
    }
    control = {
        "trusted": attempt(good),
        "pinned-self-signed": attempt(self_signed, pin=self_signed[2]),
        "pinned-but-different": attempt(wrong_host, pin=self_signed[2]),
    }
    record(28, accepted_bad=sum(cases.values()), cases=len(cases), control=control)
    assert cases == {"self-signed": 0, "expired": 0, "wrong-host": 0, "starttls-stripped": 0}
    assert control == {"trusted": 1, "pinned-self-signed": 1, "pinned-but-different": 0}


HOSTILE_NAMES = [
    "../../etc/passwd",
    "/etc/shadow",
    "C:\\Windows\\system32\\x.dll",
    "..\\..\\boot.ini",
    "a\x00b.txt",
    "invoice\u202efdp.txt",
    "x" * 300 + ".pdf",
    "dup.txt",
    "dup.txt",
    "DUP.TXT",
    "CON",
    "con.txt",
    "NUL.png",
    "COM1.txt",
    "LPT9",
    "AUX.jpg",
    ".",
    "..",
    "...",
    "",
    " ",
    ".hidden",
    "~/.ssh/id_rsa",
    "a/b/c.txt",
    "a\\b\\c.txt",
    "file:///etc/hosts",
    "http://x/y.png",
    "%2e%2e%2fetc%2fpasswd",
    "..%2f..%2fx",
    "名字.txt",
    "emoji-😀.png",
    "tab\tname.txt",
    'quote".txt',
    "star*.txt",
    "pipe|.txt",
    "q?.txt",
    "colon:stream.txt",
    "trailing.dot.",
    "trailing space ",
    "<script>.txt",
    "a;rm -rf ~.sh",
    "$(reboot).txt",
    "`id`.txt",
    "\u200bzero-width.txt",
    "CLOCK$",
    "very/" * 40 + "deep.txt",
    "\\\\server\\share\\x",
    "COM¹.txt",
    "ends-with-slash/",
    "rfc2231-encoded",
]


def test_row29_hostile_attachment_names_never_escape_the_bundle(tmp_path: Path, record) -> None:
    import zipfile
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "shop@example.com"
    msg["To"] = "me@example.com"
    msg["Subject"] = "Order #4242 confirmed"
    msg["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    msg.set_content("Thank you for your order!\nOrder #4242\nTotal $19.00\nYour payment went through.")
    for i, name in enumerate(HOSTILE_NAMES):
        msg.add_attachment(f"file {i}".encode(), maintype="application", subtype="octet-stream", filename=name or "x")
    raw = bytes(msg).replace(b'filename="rfc2231-encoded"', b"filename*=UTF-8''..%2F..%2Fescaped.txt")
    (tmp_path / "h.eml").write_bytes(raw)
    config = tmp_path / "h.toml"
    config.write_text(f'[storage]\ndb = "{tmp_path / "h.db"}"\n')
    assert run_cli("--config", config, "import", tmp_path / "h.eml", env={"HOME": str(tmp_path)}).code == 0
    escapes = 0
    for fmt in ("dir", "zip"):
        out = tmp_path / f"out-{fmt}"
        before = {p for p in tmp_path.rglob("*") if p.is_file()}
        result = run_cli(
            "--config", config, "export", "4242", "--out", out, "--format", fmt, env={"HOME": str(tmp_path)}
        )
        assert result.code == 0, result.stderr
        new = {p for p in tmp_path.rglob("*") if p.is_file()} - before
        escapes += sum(1 for p in new if out not in p.parents)
    with zipfile.ZipFile(next((tmp_path / "out-zip").glob("*.zip"))) as zf:
        names = zf.namelist()
    root = names[0].split("/")[0]
    bad_entries = [
        n for n in names if n.startswith("/") or ".." in n.split("/") or not n.startswith(root + "/") or "\\" in n
    ]
    evidence = [n for n in names if "/evidence/" in n]
    record(
        29,
        names=len(HOSTILE_NAMES),
        escapes=escapes + len(bad_entries),
        evidence_files=len(evidence),
        unique=len(set(evidence)) == len(evidence),
    )
    assert escapes == 0 and bad_entries == [] and len(set(evidence)) == len(evidence) >= len(HOSTILE_NAMES)


def _xss_payloads(sink: str) -> list[str]:
    base = [
        "<script>document.body.setAttribute('data-pwned','1')</script>",
        "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">",
        f"<img src={sink}/img>",
        f"<svg onload=\"fetch('{sink}/svg')\"></svg>",
        f"<iframe src={sink}/frame></iframe>",
        f"<link rel=stylesheet href={sink}/css>",
        f'<div style="background:url({sink}/bg)">x</div>',
        "<a href=\"javascript:document.body.setAttribute('data-pwned','1')\">x</a>",
        f"<math><mtext><table><mglyph><style><img src={sink}/mxss>",
        f"<object data={sink}/obj></object>",
        f"<embed src={sink}/embed>",
        f"<video><source onerror=\"fetch('{sink}/video')\"></video>",
        f'<meta http-equiv=refresh content="0;url={sink}/meta">',
        f"<base href={sink}/><img src=rel>",
        f"<form action={sink}/form><button>x</button></form>",
        "\"><script>document.body.setAttribute('data-pwned','1')</script>",
        f"<style>@import '{sink}/import';</style>",
        "<body onload=\"document.body.setAttribute('data-pwned','1')\">",
        f'<img srcset="{sink}/srcset 1x">',
        f"<input autofocus onfocus=\"fetch('{sink}/focus')\">",
    ]
    wraps = [
        lambda p: p,
        lambda p: p.upper(),
        lambda p: f"订单 {p} 已支付",
        lambda p: f"</title>{p}",
        lambda p: f"<!--{p}-->{p}",
    ]
    return [w(p) for w in wraps for p in base]


@pytest.mark.timeout(180)
def test_row30_xss_payloads_stay_text_in_chromium(tmp_path: Path, record) -> None:
    import shutil

    from tests.support.receivers import HttpSink

    with HttpSink() as sink:
        payloads = _xss_payloads(f"http://127.0.0.1:{sink.port}")
        folder = tmp_path / "mail"
        folder.mkdir()
        head = "From: shop@example.com\r\nTo: me@example.com\r\nContent-Type: text/plain; charset=utf-8\r\n"
        (folder / "0.eml").write_bytes(
            (
                head + "Subject: Order #5150 confirmed\r\nDate: Mon, 02 Mar 2026 10:00:00 +0000\r\n\r\n"
                "Thank you for your order!\r\nOrder #5150\r\nTotal $19.00\r\n"
            ).encode()
        )
        for i, payload in enumerate(payloads, 1):
            (folder / f"{i}.eml").write_bytes(
                (
                    head + f"Subject: Re: Order #5150 {payload}\r\nDate: Tue, 03 Mar 2026 10:{i % 60:02d}:00 +0000\r\n"
                    f"Message-ID: <x{i}@example.com>\r\n\r\nAbout order #5150: {payload}\r\n"
                ).encode()
            )
        config = tmp_path / "x.toml"
        config.write_text(f'[storage]\ndb = "{tmp_path / "x.db"}"\n')
        assert run_cli("--config", config, "import", folder, env={"HOME": str(tmp_path)}).code == 0
        result = run_cli("--config", config, "export", "5150", "--out", tmp_path / "out", env={"HOME": str(tmp_path)})
        assert result.code == 0, result.stderr
        page = Path(result.stdout.strip()) / "index.html"
        dom = subprocess.run(
            [
                shutil.which("chromium") or "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                f"--user-data-dir={tmp_path / 'p'}",
                "--virtual-time-budget=3000",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout
        requests = len(sink.attempts)
    record(30, payloads=len(payloads), executions=dom.count('data-pwned="1"'), network_requests=requests)
    assert dom and 'data-pwned="1"' not in dom and requests == 0


def test_row31_sql_metacharacters_from_mail_change_nothing(tmp_path: Path, record) -> None:
    nasty = [
        "'; DROP TABLE messages; --",
        '" OR 1=1 --',
        "]) ; DELETE FROM events; --",
        "a' || (select raw from messages) || '",
        "NEAR(x y) OR *",
    ]
    folder = tmp_path / "mail"
    folder.mkdir()
    for i, s in enumerate(nasty):
        (folder / f"{i}.eml").write_bytes(
            (
                "From: shop@example.com\r\nTo: me@example.com\r\nDate: Mon, 02 Mar 2026 10:00:00 +0000\r\n"
                f"Subject: Order #77{i} {s}\r\nMessage-ID: <{s.replace(' ', '')}{i}@x>\r\n"
                "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                f"Thank you for your order!\r\nOrder #77{i}\r\nTotal $19.00\r\nNote: {s}\r\n"
            ).encode()
        )
    config = tmp_path / "q.toml"
    config.write_text(f'[storage]\ndb = "{tmp_path / "q.db"}"\n')
    env = {"HOME": str(tmp_path)}
    assert run_cli("--config", config, "import", folder, env=env).code == 0

    def schema() -> list[tuple[str, str]]:
        with sqlite3.connect(tmp_path / "q.db") as conn:
            return conn.execute("select name, sql from sqlite_master order by name").fetchall()

    before = schema()
    orders = run_cli("--config", config, "orders", "--json", env=env).json()
    for s in nasty:
        run_cli("--config", config, "timeline", s, env=env)
        run_cli("--config", config, "draft", s, env=env)
        run_cli("--config", config, "note", s, "--kind", "note", "--at", "2026-03-03T10:00:00+00:00", s, env=env)
    for order in orders:
        assert run_cli("--config", config, "timeline", order["ref"], "--json", env=env).code == 0
    status = run_cli("--config", config, "status", "--json", env=env).json()
    record(
        31, strings=len(nasty), schema_diffs=int(schema() != before), orders=len(orders), messages=status["messages"]
    )
    assert schema() == before and len(orders) == len(nasty) and status["messages"] == len(nasty)


def test_row32_everything_is_created_private_under_umask_022(tmp_path: Path, record) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "o.eml").write_bytes(_overdue(2))
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "share")}

    def run(*args: str | Path) -> None:
        proc = subprocess.run(
            [sys.executable, "-m", "orderwatch", *map(str, args)],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            preexec_fn=lambda: os.umask(0o022),
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr

    run("init", tmp_path / "cfg" / "orderwatch.toml")
    run("--db", home / "share" / "orderwatch" / "ow.db", "import", tmp_path / "mail")
    run("--db", home / "share" / "orderwatch" / "ow.db", "check", "--notify")
    run("--db", home / "share" / "orderwatch" / "ow.db", "export", "K000000002QZ", "--out", tmp_path / "exports")
    run(
        "--db",
        home / "share" / "orderwatch" / "ow.db",
        "export",
        "K000000002QZ",
        "--out",
        tmp_path / "exports",
        "--format",
        "zip",
    )
    from orderwatch import agent
    from orderwatch.config import load_settings as load

    previous = os.umask(0o022)
    try:
        agent.environment(load(None, home / "share" / "orderwatch" / "ow.db"), "http://127.0.0.1:1/api")
    finally:
        os.umask(previous)
    checked = [p for root in (home / "share" / "orderwatch", tmp_path / "exports") for p in [root, *root.rglob("*")]]
    checked.append(tmp_path / "cfg" / "orderwatch.toml")
    wrong = [f"{p} {oct(p.stat().st_mode & 0o777)}" for p in checked if p.stat().st_mode & 0o077]
    names = {p.name for p in checked}
    record(32, files_checked=len(checked), wrong_mode=len(wrong))
    assert {"ow.db", "ow.db-wal"} & names and any(p.suffix == ".txt" for p in checked)  # db, outbox files
    assert wrong == [], wrong


def test_row33_no_secret_is_ever_saved(tmp_path: Path, record) -> None:
    """orderwatch has no keyring fallback to get wrong: secrets come only from the environment
    (${VAR} in the config) and are never written. `init` writes a placeholder, not a password."""
    config = tmp_path / "orderwatch.toml"
    assert run_cli("init", config, env={"HOME": str(tmp_path)}).code == 0
    text = config.read_text()
    record(33, plaintext_secrets_written=0 if "${ORDERWATCH_IMAP_PASSWORD}" in text else 1)
    assert "${ORDERWATCH_IMAP_PASSWORD}" in text and 'password = "' + "${" in text
