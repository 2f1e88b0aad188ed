"""Rows 12-14: message identity, server migration, overlapping runs.

One test per row of the reliability plan, at CI size (ORDERWATCH_FAULTS=long: full size).
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from orderwatch import cycle
from orderwatch.config import load_settings
from tests.support.faults import (
    LONG,
    _compare,
    _config,
    _env,
    _fill,
    _outbox_config,
    _overdue,
    _server,
    _stored,
    _sync,
)


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
