"""One bad message never stops the next one (issue: a poisoned store).

Empty, whitespace-only, binary, truncated and header-only inputs are mixed with good order mail in
random orders; every one is stored raw and flagged, the good mail always gives its orders, and no
command prints a traceback. Driven in-process through the CLI's own code (many runs), plus one
run through the real subprocess.
"""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from orderwatch.cli import app
from tests.support.mails import order_mail

BAD = {
    "empty": b"",
    "crlf": b"\r\n",
    "spaces": b"   \n\t\n",
    "binary": bytes(random.Random(7).randrange(256) for _ in range(4096)),
    "nul": b"\x00" * 512,
    "header-only": b"Subject: only a subject\r\n",
    "lone-part": b"Content-Type: text/plain\r\n\r\nhello\r\n",
    "truncated": order_mail(99)[:300],
}


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout


@pytest.mark.parametrize("seed", range(12))
def test_bad_messages_never_block_good_ones(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    files: list[Path] = []
    names = list(BAD)
    rng.shuffle(names)
    for index, name in enumerate(names[: rng.randint(2, len(names))]):
        path = tmp_path / f"bad-{index}-{name}.eml"
        path.write_bytes(BAD[name])
        files.append(path)
    good = [tmp_path / f"good-{n}.eml" for n in range(3)]
    for n, path in enumerate(good):
        path.write_bytes(order_mail(1000 + seed * 10 + n))
    files += good
    rng.shuffle(files)
    db = tmp_path / "s.db"
    for path in files:  # one import per file, as a user would try them
        code, _ = _invoke("--db", db, "import", "--json", path)
        assert code == 0
    code, out = _invoke("--db", db, "orders", "--json")
    assert code == 0
    assert len(json.loads(out)) == 3
    for command in (("check", "--as-of", "2026-06-01T00:00:00+00:00", "--json"), ("status",), ("reparse",)):
        assert _invoke("--db", db, *command)[0] == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from unparsed").fetchone()[0] == 0


def test_empty_file_then_good_mail_through_the_real_cli(cli, tmp_path: Path) -> None:
    (tmp_path / "empty.eml").write_bytes(b"")
    (tmp_path / "good.eml").write_bytes(order_mail(4242))
    db = tmp_path / "s.db"
    first = cli("--db", db, "import", "--json", tmp_path / "empty.eml")
    assert first.code == 0 and "Traceback" not in first.stderr
    assert first.json()["failures"] == [
        {"source": str(tmp_path / "empty.eml"), "error": "stored raw, not parsed: empty message"}
    ]
    second = cli("--db", db, "import", "--json", tmp_path / "good.eml")
    assert second.code == 0 and second.json()["failed"] == 0
    assert len(cli("--db", db, "orders", "--json").json()) == 1
    status = cli("--db", db, "status")
    assert status.code == 0 and "Traceback" not in status.stderr


def test_unwritable_outputs_give_one_line_and_exit_2(cli, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    (tmp_path / "good.eml").write_bytes(order_mail(4243))
    assert cli("--db", db, "import", tmp_path / "good.eml").code == 0
    order_no = cli("--db", db, "orders", "--json").json()[0]["order_no"]
    for args in (
        ("export", order_no, "--out", "/proc/orderwatch-x"),
        ("export", order_no, "--out", "/etc/hostname/sub"),
        ("calendar", "--out", "/proc/orderwatch-x.ics"),
    ):
        result = cli("--db", db, *args)
        assert result.code == 2, result.stderr
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr


def test_a_parser_family_that_crashes_leaves_a_degraded_message_that_status_shows(tmp_path: Path, monkeypatch) -> None:
    """The mail is kept and decoded; the crash is a visible state with its reason, not a silent 'ok'."""
    from orderwatch.parsers import shops

    from orderwatch import cycle, ingest, parsers
    from orderwatch.store import Location, Store

    def broken(msg):
        raise KeyError("a bug in a family")

    monkeypatch.setattr(shops, "parse", broken)
    raw = (
        b"From: Shop <orders@shop.example>\r\nTo: me@example.org\r\nSubject: Order #4821 confirmed\r\n"
        b"Date: Mon, 02 Mar 2026 10:00:00 +0000\r\nMessage-ID: <o4821@shop.example>\r\n\r\n"
        b"Thank you for your order!\r\nOrder #4821\r\nTotal $19.00\r\n"
    )
    outcome = parsers.parse(raw, "inbox")
    assert outcome.status == "degraded" and outcome.reason == "understanding failed: KeyError"
    assert outcome.mail is not None and outcome.mail.subject == "Order #4821 confirmed"
    store = Store(tmp_path / "s.db")
    try:
        sha, _ = store.save_message(raw, Location("file:o4821", "local", "INBOX", "inbox", "test"))
        records, events, failures = ingest._parse_batch(list(store.iter_messages([sha])))  # inline, as import does
        store.save_parses(records, events)
        info = cycle.status(store)
        assert failures == [] and info["failed"] == 0
        assert info["degraded"] == [
            {"sha256": sha, "subject": "Order #4821 confirmed", "reason": "understanding failed: KeyError"}
        ]
    finally:
        store.close()
