"""The corpus again, arriving over IMAP: appended to a real Dovecot's INBOX / Sent with each
message's Date as INTERNALDATE, then `sync`. The results must equal the import path's. The
reference corpus in full and a sample of the rest (tests.test_corpus.SAMPLE).
"""

from __future__ import annotations

import json

import pytest
from orderwatch.parsers.mime import parse_mail
from typer.testing import CliRunner

from orderwatch.cli import app
from tests.conftest import Mailbox
from tests.support.corpus import Scenario, compare
from tests.test_corpus import SAMPLE


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.name)
def test_scenario_over_imap(cli, mailbox: Mailbox, path) -> None:
    scenario = Scenario.load(path)
    for folder in ("INBOX", "Sent"):
        batch = [(f.read_bytes(), parse_mail(f.read_bytes()).date) for f in scenario.files(folder)]
        if batch:
            mailbox.append(batch, folder=folder)
    synced = cli("--config", mailbox.config, "sync", "--json")
    assert synced.code == 0, synced.stderr
    assert sum(row["new"] for row in synced.json()) == len(scenario.messages)
    # The sync went through the real CLI; reading the result back needs no second process.
    runner = CliRunner()
    config = str(mailbox.config)
    orders = json.loads(runner.invoke(app, ["--config", config, "orders", "--json", "--as-of", scenario.as_of]).stdout)
    alerts = json.loads(runner.invoke(app, ["--config", config, "check", "--as-of", scenario.as_of, "--json"]).stdout)
    result = compare(scenario, orders, alerts)
    assert result.ok, result
