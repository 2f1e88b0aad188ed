"""`draft --to-drafts`: the reply lands in a real Dovecot's Drafts folder, threaded."""

from __future__ import annotations

from email import message_from_bytes

from tests.conftest import CORPUS, Mailbox
from tests.support.corpus import Scenario


def test_draft_lands_in_drafts_threaded(cli, mailbox: Mailbox) -> None:
    scenario = Scenario.load(CORPUS / "zh-kameng-ack-48h-overdue")
    for folder in ("INBOX", "Sent"):
        if scenario.files(folder):
            cli("--config", mailbox.config, "import", "--folder", folder, *scenario.files(folder))
    result = cli("--config", mailbox.config, "draft", "Z3QW8K1DM7XT5N2B", "--as-of", scenario.as_of, "--to-drafts")
    assert result.code == 0, result.stderr
    assert "tousu@yunzhan-km.com" in result.stderr
    client = mailbox.server.client(mailbox.user)
    client.select_folder("Drafts", readonly=True)
    uids = client.search(["ALL"])
    fetched = client.fetch(uids, ["FLAGS", "BODY.PEEK[]"])
    client.logout()
    assert len(uids) == 1
    item = fetched[uids[0]]
    assert b"\\Draft" in item[b"FLAGS"]
    msg = message_from_bytes(item[b"BODY[]"])
    assert msg["To"] == "tousu@yunzhan-km.com"
    assert (msg["In-Reply-To"] and "TS202603120041" in str(msg["Subject"])) or "TS202603120041" in msg.get_payload(
        decode=True
    ).decode()
    assert "Z3QW8K1DM7XT5N2B" in msg.get_payload(decode=True).decode()


def test_draft_without_imap_account_is_a_usage_error(cli, tmp_path) -> None:
    db = tmp_path / "s.db"
    cli("--db", db, "import", CORPUS / "zh-kameng-ack-48h-overdue" / "01-payment.eml")
    result = cli("--db", db, "draft", "Z3QW8K1DM7XT5N2B", "--to-drafts")
    assert result.code == 2 and "IMAP account" in result.stderr
