"""Local mail through the contract: .eml files, folders, mbox, Maildir; `maildir =` accounts."""

from __future__ import annotations

import mailbox as stdlib_mailbox
import os
import shutil
import sqlite3
from pathlib import Path

from tests.conftest import CORPUS
from tests.support.mails import hostile_headers_mail, not_a_message, order_mail

SCENARIO = CORPUS / "zh-kameng-ack-48h-overdue"


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def test_import_eml_twice_stores_once(cli, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = cli("--db", db, "import", "--json", SCENARIO / "01-payment.eml")
    assert first.code == 0, first.stderr
    assert first.json() == {"imported": 1, "duplicates": 0, "failed": 0, "failures": []}
    again = cli("--db", db, "import", "--json", SCENARIO / "01-payment.eml")
    assert again.json() == {"imported": 0, "duplicates": 1, "failed": 0, "failures": []}
    assert _count(db, "select count(*) from messages") == 1


def test_import_folder_takes_mail_files_only(cli, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    result = cli("--db", db, "import", "--json", SCENARIO)  # holds scenario.json too
    assert result.json()["imported"] == 2
    assert result.json()["failed"] == 0


def test_import_sent_marks_the_users_own_mail(cli, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    cli("--db", db, "import", "--folder", "Sent", SCENARIO / "01-payment.eml")
    assert _count(db, "select count(*) from locations where role = 'sent' and source = 'import'") == 1


def test_import_mbox_and_maildir(cli, tmp_path: Path) -> None:
    mbox_path = tmp_path / "archive.mbox"
    box = stdlib_mailbox.mbox(str(mbox_path))
    for i in range(3):
        box.add(order_mail(i))
    box.flush()
    box.close()
    maildir = stdlib_mailbox.Maildir(str(tmp_path / "Maildir"), create=True)
    for i in range(3, 5):
        maildir.add(order_mail(i))
    db = tmp_path / "s.db"
    result = cli("--db", db, "import", "--json", mbox_path, tmp_path / "Maildir")
    assert result.json()["imported"] == 5
    assert _count(db, "select count(*) from parses where status = 'ok'") == 5


def test_import_keeps_bad_mail_raw_and_reports_it(cli, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.eml").write_bytes(hostile_headers_mail())
    (tmp_path / "in" / "b.eml").write_bytes(not_a_message())
    (tmp_path / "in" / "c.eml").write_bytes(order_mail(1))
    db = tmp_path / "s.db"
    result = cli("--db", db, "import", "--json", tmp_path / "in")
    assert result.code == 0
    data = result.json()
    assert (data["imported"], data["failed"]) == (3, 1)
    assert "no header fields" in data["failures"][0]["error"]
    assert _count(db, "select count(*) from messages") == 3


def test_import_missing_path_is_bad_input_and_writes_nothing(cli, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    result = cli("--db", db, "import", SCENARIO / "01-payment.eml", tmp_path / "missing.eml")
    assert result.code == 2
    assert "no such file" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not db.exists() or _count(db, "select count(*) from messages") == 0


def test_unknown_option_is_usage_error(cli, tmp_path: Path) -> None:
    assert cli("--db", tmp_path / "s.db", "import", "--bogus").code == 2


def test_database_is_private(cli, tmp_path: Path) -> None:
    db = tmp_path / "private" / "s.db"
    cli("--db", db, "import", SCENARIO / "01-payment.eml")
    assert os.stat(db).st_mode & 0o777 == 0o600
    assert os.stat(db.parent).st_mode & 0o777 == 0o700


def test_maildir_account_syncs_incrementally(cli, tmp_path: Path) -> None:
    root = tmp_path / "Mail"
    inbox = stdlib_mailbox.Maildir(str(root), create=True)
    sent = inbox.add_folder("Sent")
    for i in range(4):
        inbox.add(order_mail(i))
    sent.add(order_mail(100))
    config = tmp_path / "orderwatch.toml"
    config.write_text(f'[storage]\ndb = "s.db"\n\n[[accounts]]\nname = "local"\nmaildir = "{root}"\n')
    first = {r["folder"]: r for r in cli("--config", config, "sync", "--json").json()}
    assert first["INBOX"]["new"] == 4 and first["Sent"]["new"] == 1
    inbox.add(order_mail(5))
    second = {r["folder"]: r for r in cli("--config", config, "sync", "--json").json()}
    assert (second["INBOX"]["fetched"], second["INBOX"]["new"]) == (1, 1)
    assert second["Sent"]["fetched"] == 0
    db = tmp_path / "s.db"  # relative paths in the config are relative to the config file
    assert _count(db, "select count(*) from messages") == 6
    assert _count(db, "select count(*) from locations where role = 'sent'") == 1


def test_reparse_recomputes_without_fetching(cli, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    cli("--db", db, "import", SCENARIO)
    with sqlite3.connect(db) as conn:
        conn.execute("update parses set subject = 'stale', parser_version = 'old'")
    result = cli("--db", db, "reparse", "--json")
    assert result.json() == {"parsed": 2, "failed": 0}
    assert _count(db, "select count(*) from parses where subject = 'stale'") == 0


def test_run_once_without_config_uses_the_demo(cli, tmp_path: Path) -> None:
    result = cli("run-once")
    assert result.code == 0, result.stderr
    assert "demo mailbox" in result.stdout
    demo_db = tmp_path / "home" / ".local/share/orderwatch/demo.db"
    shipped = sum(len(list((Path(p) / "cur").iterdir())) for p in _demo_folders())
    assert _count(demo_db, "select count(*) from locations") == shipped
    again = cli("run-once")
    assert "fetched 0, new 0" in again.stdout


def _demo_folders() -> list[Path]:
    root = Path(__file__).resolve().parent.parent / "orderwatch" / "demo" / "maildir"
    return [root, root / ".Sent"]


def test_config_from_environment_variable(cli, tmp_path: Path) -> None:
    config = tmp_path / "elsewhere.toml"
    config.write_text(f'[storage]\ndb = "{tmp_path / "env.db"}"\n')
    shutil.copy(SCENARIO / "01-payment.eml", tmp_path / "m.eml")
    result = cli("import", tmp_path / "m.eml", env={"ORDERWATCH_CONFIG": str(config)})
    assert result.code == 0
    assert _count(tmp_path / "env.db", "select count(*) from messages") == 1


def test_parser_upgrade_reparses_once(cli, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    cli("--db", db, "import", SCENARIO)
    first_parse = _count(db, "select count(*) from parses where parsed_at is not null")
    with sqlite3.connect(db) as conn:
        conn.execute("update meta set value = 'an older version' where key = 'parser_version'")
        conn.execute("update parses set subject = 'stale'")
    cli("--db", db, "import", SCENARIO / "01-payment.eml")  # any run notices the upgrade
    assert first_parse == 2
    assert _count(db, "select count(*) from parses where subject = 'stale'") == 0
    assert _count(db, "select count(*) from unparsed") == 0


def test_unrecognised_mail_from_a_known_shop_is_flagged(cli, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    cli("--db", db, "import", SCENARIO / "01-payment.eml")
    odd = (
        "From: shop-notice@yunzhan-km.com\r\nTo: me@qq.com\r\nSubject: =?utf-8?B?5ZWG5ZOB5LiK5paw?=\r\n"
        "Date: Thu, 12 Mar 2026 10:00:00 +0800\r\nMessage-ID: <odd@x>\r\n\r\nhello\r\n"
    )
    (tmp_path / "odd.eml").write_text(odd)
    cli("--db", db, "import", tmp_path / "odd.eml")
    info = cli("--db", db, "status", "--json").json()
    assert [u["from_addr"] for u in info["unrecognised"]] == ["shop-notice@yunzhan-km.com"]
