"""The CLI as a person reads it: the demo database, offline commands without secrets, 80 columns."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "tests" / "scenarios" / "en-woo-ships-late"
AS_OF = "2026-04-22T09:00:00-04:00"
DEMO_LINE = "demo mailbox — run `orderwatch init` to watch yours"


def test_with_nothing_configured_every_command_uses_the_demo_database(cli) -> None:
    synced = cli("sync")
    assert synced.code == 0, synced.stderr
    assert synced.stderr.strip() == DEMO_LINE
    listed = cli("orders", "--json")
    assert listed.code == 0 and len(listed.json()) == 10, listed.stderr
    assert listed.stderr.strip() == DEMO_LINE
    # An explicit --db is the user's choice: no demo, no notice.
    other = cli("--db", "other.db", "orders", "--json")
    assert other.code == 0 and other.json() == [] and other.stderr == ""


def test_offline_commands_need_no_mailbox_password(cli, tmp_path: Path) -> None:
    assert cli("init").code == 0  # its account reads ${ORDERWATCH_IMAP_PASSWORD}, which is unset here
    assert "ORDERWATCH_IMAP_PASSWORD" not in os.environ
    assert cli("import", SCENARIO / "01-order-received.eml").code == 0
    for args in (("orders",), ("check", "--as-of", AS_OF), ("status",), ("timeline", "4821")):
        result = cli(*args)
        assert result.code == 0, (args, result.stderr)
        assert "ORDERWATCH_IMAP_PASSWORD" not in result.stderr
    synced = cli("sync")  # talking to the mailbox does need it, and says which variable
    assert synced.code == 2
    assert "${ORDERWATCH_IMAP_PASSWORD}" in synced.stderr and "Traceback" not in synced.stderr


def test_eighty_columns_keep_every_id_whole_and_show_each_draft(cli) -> None:
    env = {"COLUMNS": "80"}
    assert cli("--db", "t.db", "import", SCENARIO / "01-order-received.eml", env=env).code == 0
    orders = cli("--db", "t.db", "orders", env=env)
    assert "harborandpine:4821" in orders.stdout
    assert all(len(line) <= 80 for line in orders.stdout.splitlines())
    check = cli("--db", "t.db", "check", "--as-of", AS_OF, env=env)
    lines = check.stdout.splitlines()
    assert lines[0].startswith("delivery_overdue  harborandpine:4821")
    assert any(line.strip().startswith("Subject: ") and "4821" in line for line in lines)  # the draft itself
    assert all(len(line) <= 80 for line in lines)
    brief = cli("--db", "t.db", "check", "--as-of", AS_OF, "--no-drafts", env=env)
    assert "Subject: " not in brief.stdout and "delivery_overdue" in brief.stdout
    timeline = cli("--db", "t.db", "timeline", "4821", env=env)
    assert timeline.stdout.splitlines()[0].startswith("harborandpine:4821")
    assert "from import <" in timeline.stdout  # each event names its source message


def test_drafts_are_signed_from_me_and_check_names_what_is_missing(cli, tmp_path: Path) -> None:
    assert cli("init").code == 0
    assert cli("import", SCENARIO / "01-order-received.eml").code == 0
    unsigned = cli("check", "--as-of", AS_OF)
    assert unsigned.code == 0 and "(your name)" in unsigned.stdout
    assert "[me] name" in unsigned.stdout and "[me] contact" in unsigned.stdout
    config = tmp_path / "orderwatch.toml"
    filled = '[me]\nname = "Li Lei"\ncontact = "lilei@example.org"\ntimezone = "Asia/Shanghai"\n'
    config.write_text(config.read_text().replace("[me]\n", filled, 1))
    signed = cli("check", "--as-of", AS_OF)
    assert signed.code == 0 and "Li Lei" in signed.stdout and "lilei@example.org" in signed.stdout
    assert "(your name)" not in signed.stdout and "[me] name" not in signed.stdout
    assert "All times are Asia/Shanghai (UTC+08:00)." in signed.stdout  # the user's zone, named once
