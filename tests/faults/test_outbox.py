"""Rows 15-21: the outbox and SQLite: nothing sent twice, nothing lost, no lock errors.

One test per row of the reliability plan, at CI size (ORDERWATCH_FAULTS=long: full size).
"""

from __future__ import annotations

import collections
import random
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from orderwatch import cycle
from orderwatch.config import load_settings
from tests.conftest import run_cli
from tests.support.faults import (
    LONG,
    _import_overdue,
    _integrity,
    _kill_after,
    _later,
    _outbox_config,
)
from tests.support.mails import order_mail


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
