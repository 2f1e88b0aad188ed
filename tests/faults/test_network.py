"""Rows 3-11: the network and the IMAP server misbehave (cuts, short fetches, UIDVALIDITY, churn).

One test per row of the reliability plan, at CI size (ORDERWATCH_FAULTS=long: full size).
"""

from __future__ import annotations

import collections
import random
import re
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from orderwatch import cycle
from orderwatch.config import load_settings
from tests.support.faults import (
    LONG,
    _compare,
    _config,
    _fill,
    _server,
    _snapshot,
    _stored,
    _sync,
)
from tests.support.mails import order_mail
from tests.support.proxy import CuttingProxy


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
