"""Incremental IMAP sync against a real Dovecot: nothing lost, nothing doubled, nothing marked read."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from tests.conftest import Mailbox
from tests.support.mails import gbk_8bit_subject_mail, hostile_headers_mail, not_a_message, order_mail
from tests.support.proxy import CuttingProxy


def _sync(cli, mailbox: Mailbox, *extra: str):
    result = cli("--config", mailbox.config, "sync", "--json", *extra)
    return result


def _by_folder(result) -> dict[str, dict]:
    return {row["folder"]: row for row in result.json()}


def _count(db, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def test_first_sync_then_nothing_new(cli, mailbox: Mailbox) -> None:
    mailbox.append([(order_mail(i), None) for i in range(120)])
    first = _sync(cli, mailbox)
    assert first.code == 0, first.stderr
    inbox = _by_folder(first)["INBOX"]
    assert (inbox["fetched"], inbox["new"], inbox["failed"]) == (120, 120, 0)
    assert inbox["uidvalidity"] > 0 and inbox["account"] == "test"
    assert set(_by_folder(first)) == {"INBOX", "Sent"}  # \Sent special-use found by default

    second = _by_folder(_sync(cli, mailbox))["INBOX"]
    assert (second["fetched"], second["new"]) == (0, 0)
    assert _count(mailbox.db, "select count(*) from messages") == 120
    assert _count(mailbox.db, "select count(*) from parses where status = 'ok'") == 120


def test_new_mail_between_syncs_is_fetched_once(cli, mailbox: Mailbox) -> None:
    mailbox.append([(order_mail(i), None) for i in range(10)])
    _sync(cli, mailbox)
    mailbox.append([(order_mail(i), None) for i in range(10, 15)])
    inbox = _by_folder(_sync(cli, mailbox))["INBOX"]
    assert (inbox["fetched"], inbox["new"]) == (5, 5)
    assert _count(mailbox.db, "select count(*) from messages") == 15


def test_sync_never_marks_mail_read(cli, mailbox: Mailbox) -> None:
    mailbox.append([(order_mail(i), None) for i in range(3)])
    _sync(cli, mailbox)
    client = mailbox.server.client(mailbox.user)
    client.select_folder("INBOX", readonly=True)
    assert client.search(["UNSEEN"]) == client.search(["ALL"])
    client.logout()


def test_uidvalidity_reset_rescans_without_duplicates(cli, mailbox: Mailbox) -> None:
    mailbox.append([(order_mail(i), None) for i in range(40)])
    before = _by_folder(_sync(cli, mailbox))["INBOX"]
    mailbox.server.set_uidvalidity("INBOX", before["uidvalidity"] + 1000, user=mailbox.user)
    mailbox.append([(order_mail(99), None)])
    after = _by_folder(_sync(cli, mailbox))["INBOX"]
    assert after["uidvalidity"] == before["uidvalidity"] + 1000
    assert after["new"] == 1  # only the message that arrived with the change
    assert after["fetched"] == 1  # the others were recognised by Message-ID and size
    assert _count(mailbox.db, "select count(*) from messages") == 41
    with sqlite3.connect(mailbox.db) as conn:
        changes = conn.execute("select uidvalidity_changes from folders where folder = 'INBOX'").fetchone()[0]
    assert changes == 1


def test_same_message_in_two_folders_is_stored_once(cli, mailbox: Mailbox) -> None:
    raw = order_mail(7)
    mailbox.append([(raw, None)], folder="INBOX")
    mailbox.append([(raw, None)], folder="Sent")
    result = _by_folder(_sync(cli, mailbox))
    assert result["INBOX"]["new"] + result["Sent"]["new"] == 1
    assert _count(mailbox.db, "select count(*) from messages") == 1
    assert _count(mailbox.db, "select count(*) from locations") == 2
    assert _count(mailbox.db, "select count(*) from locations where role = 'sent'") == 1


def test_connection_cut_mid_fetch_loses_nothing(cli, mailbox: Mailbox, tmp_path) -> None:
    mailbox.append([(order_mail(i, size=20_000), None) for i in range(200)])
    with CuttingProxy(mailbox.server.port, cut_after=1_500_000) as proxy:
        config = tmp_path / "via-proxy.toml"
        config.write_text(
            f'[storage]\ndb = "{mailbox.db}"\n\n'
            + mailbox.server.account_toml(user=mailbox.user, port=proxy.port, extra="batch_size = 50")
        )
        cut = cli("--config", config, "sync", "--json")
        assert proxy.cuts == 1
    assert cut.code == 1  # the run reports the broken connection
    assert any("error" in row for row in cut.json())
    stored = _count(mailbox.db, "select count(*) from messages")
    assert 0 < stored < 200  # whole batches before the cut were committed
    mark = _count(mailbox.db, "select last_uid from folders where folder = 'INBOX'")
    assert mark == _count(mailbox.db, "select max(uid) from locations where folder = 'INBOX'")

    resumed = _by_folder(_sync(cli, mailbox))["INBOX"]
    assert resumed["new"] == 200 - stored
    assert _count(mailbox.db, "select count(*) from messages") == 200
    assert _count(mailbox.db, "select count(distinct uid) from locations where folder = 'INBOX'") == 200


def test_gbk_8bit_subject_is_decoded(cli, mailbox: Mailbox) -> None:
    mailbox.append([(gbk_8bit_subject_mail(), datetime(2026, 3, 11, 11, 40, tzinfo=UTC))])
    _sync(cli, mailbox)
    with sqlite3.connect(mailbox.db) as conn:
        subject, sender, status = conn.execute("select subject, from_name, status from parses").fetchone()
    assert status == "ok"
    assert subject == "【星河数卡】订单支付成功通知 — 镕"
    assert sender == "星河数卡"


def test_bad_mail_is_stored_flagged_and_does_not_stop_the_sync(cli, mailbox: Mailbox) -> None:
    mailbox.append(
        [(order_mail(1), None), (hostile_headers_mail(), None), (not_a_message(), None), (order_mail(2), None)]
    )
    result = _sync(cli, mailbox)
    assert result.code == 0, result.stderr
    inbox = _by_folder(result)["INBOX"]
    assert (inbox["fetched"], inbox["new"], inbox["failed"]) == (4, 4, 1)
    with sqlite3.connect(mailbox.db) as conn:
        rows = dict(conn.execute("select status, count(*) from parses group by status").fetchall())
        reason = conn.execute("select reason from parses where status = 'failed'").fetchone()[0]
        raw_kept = conn.execute("select count(*) from messages where length(raw) > 0").fetchone()[0]
    assert rows == {"ok": 3, "failed": 1}
    assert reason == "no header fields"
    assert raw_kept == 4


def test_bad_password_is_a_clear_error_without_the_password(cli, mailbox: Mailbox) -> None:
    result = cli("--config", mailbox.config, "sync", "--json", env={"OW_TEST_PASSWORD": "wrong-password-xyz"})
    assert result.code == 1
    assert "refused the login" in result.json()[0]["error"]
    assert "wrong-password-xyz" not in result.stdout + result.stderr


def test_two_thousand_messages_sync_once_and_survive_uidvalidity_change(cli, mailbox: Mailbox) -> None:
    """The issue's acceptance check: 2,000 stored once, 0 fetched again, no duplicate after a reset."""
    mailbox.append([(order_mail(i, size=6000), None) for i in range(2000)])
    first = _by_folder(_sync(cli, mailbox))["INBOX"]
    assert (first["fetched"], first["new"]) == (2000, 2000)
    again = _by_folder(_sync(cli, mailbox))["INBOX"]
    assert again["fetched"] == 0
    mailbox.server.set_uidvalidity("INBOX", first["uidvalidity"] + 1, user=mailbox.user)
    rescan = _by_folder(_sync(cli, mailbox))["INBOX"]
    assert rescan["new"] == 0
    assert _count(mailbox.db, "select count(*) from messages") == 2000
