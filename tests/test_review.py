"""`review`: commerce-looking mail that gave no order is listed with its reason, and nothing else;
the user's decision (attach to an order, or not an order) survives re-parsing."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from orderwatch.cli import app
from orderwatch.errors import UsageError
from tests.support.mails import order_mail

UNREADABLE_RECEIPT = (
    "From: Bergfeld Outdoor <service@bergfeld-outdoor.de>\r\n"
    "To: kunde@example.org\r\nDate: Tue, 05 May 2026 10:00:00 +0200\r\n"
    "Subject: Ihr Einkauf bei Bergfeld Outdoor\r\nMessage-ID: <r1@bergfeld-outdoor.de>\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    "Vielen Dank für Ihre Bestellung! Wir haben Ihre Zahlung über 89,90 € erhalten.\r\n"
).encode()
NEWSLETTER = (
    b"From: Bergfeld Outdoor <news@bergfeld-outdoor.de>\r\nTo: kunde@example.org\r\n"
    b"Date: Wed, 06 May 2026 10:00:00 +0200\r\nSubject: Neu im Shop: Zelte\r\nMessage-ID: <n1@bergfeld-outdoor.de>\r\n"
    b"List-Unsubscribe: <https://bergfeld-outdoor.de/u>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    b"Unsere neuen Zelte sind da. Jetzt 20 % sparen! Abmelden: unsubscribe\r\n"
)
PERSONAL = (
    b"From: Anna <anna@example.org>\r\nTo: kunde@example.org\r\nDate: Wed, 06 May 2026 12:00:00 +0200\r\n"
    b"Subject: Samstag\r\nMessage-ID: <p1@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    b"Kommst du am Samstag zum Grillen?\r\n"
)


def _run(*args: str | Path) -> str:
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_review_lists_commerce_without_order_and_keeps_decisions(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    for name, raw in {"receipt": UNREADABLE_RECEIPT, "news": NEWSLETTER, "personal": PERSONAL}.items():
        (tmp_path / f"{name}.eml").write_bytes(raw)
        _run("--db", db, "import", tmp_path / f"{name}.eml")
    (tmp_path / "order.eml").write_bytes(order_mail(7))
    _run("--db", db, "import", tmp_path / "order.eml")

    listed = json.loads(_run("--db", db, "review", "--json"))
    assert [item["subject"] for item in listed] == ["Ihr Einkauf bei Bergfeld Outdoor"]  # not the newsletter
    assert "looks like commerce" in listed[0]["reason"] and "89.90 EUR" in listed[0]["reason"]
    assert json.loads(_run("--db", db, "status", "--json"))["review"] == listed

    order_no = json.loads(_run("--db", db, "orders", "--json"))[0]["order_no"]
    _run("--db", db, "review", "--attach", listed[0]["sha256"][:12], order_no)
    assert json.loads(_run("--db", db, "review", "--json")) == []
    _run("--db", db, "reparse")
    assert json.loads(_run("--db", db, "review", "--json")) == []  # the decision outlives the parse
    kinds = [e["kind"] for e in json.loads(_run("--db", db, "timeline", order_no, "--json"))["events"]]
    assert "note" in kinds


def test_not_an_order_leaves_the_list(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    (tmp_path / "receipt.eml").write_bytes(UNREADABLE_RECEIPT)
    _run("--db", db, "import", tmp_path / "receipt.eml")
    sha = json.loads(_run("--db", db, "review", "--json"))[0]["sha256"]
    _run("--db", db, "review", "--not-order", sha[:8])
    assert json.loads(_run("--db", db, "review", "--json")) == []
    result = CliRunner().invoke(app, ["--db", str(db), "review", "--not-order", "zz"])
    assert isinstance(result.exception, UsageError)  # the entry point maps it to one line and exit 2


def test_a_labelled_order_number_in_mail_nothing_else_read_puts_it_on_the_review_list() -> None:
    from orderwatch import parsers

    raw = (
        "From: Serwis <serwis-noreply@sklep.example.pl>\r\nSubject: RMA/2609/04471\r\n"
        "Date: Thu, 10 Sep 2026 11:32:40 +0200\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
        "Dzień dobry,\r\ntowar dotarł do serwisu w dniu 10.09.2026.\r\nNumer zamówienia: 25917730\r\n"
    ).encode()
    outcome = parsers.parse(raw)
    assert outcome.kind == "unrecognised"
    assert outcome.reason is not None and outcome.reason.startswith("looks like commerce")
    assert "a labelled order number" in outcome.reason and "25917730" in outcome.reason
