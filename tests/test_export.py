"""The case bundle: originals byte for byte, an inert page, a readable PDF, safe names."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import CORPUS, Result
from tests.support.corpus import Scenario

CASE = CORPUS / "zh-12315-national-day-unanswered"


def _import(cli, db: Path, scenario: Path) -> Scenario:
    sc = Scenario.load(scenario)
    for folder in ("INBOX", "Sent"):
        if sc.files(folder):
            assert cli("--db", db, "import", "--folder", folder, *sc.files(folder)).code == 0
    return sc


def _export(cli, db: Path, order: str, out: Path, *extra: str) -> Path:
    result = cli("--db", db, "export", order, "--out", out, *extra)
    assert result.code == 0, result.stderr
    return Path(result.stdout.strip())


def test_bundle_holds_the_originals_with_their_hashes(cli, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    sc = _import(cli, db, CASE)
    bundle = _export(cli, db, "Y1MK7QZ3XD9T5WN8", tmp_path / "out", "--as-of", sc.as_of)
    manifest = json.loads((bundle / "manifest.json").read_text())
    with sqlite3.connect(db) as conn:
        stored = {r[0] for r in conn.execute("select sha256 from messages")}
    emls = [f for f in manifest["files"] if f["path"].endswith(".eml")]
    assert len(emls) == len(sc.messages)
    for entry in manifest["files"]:
        data = (bundle / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["size"]
    assert {e["sha256"] for e in emls} == stored  # byte for byte what was received
    assert [e["path"][9:11] for e in emls] == [f"{i:02d}" for i in range(1, len(emls) + 1)]
    assert emls[0]["caption"].startswith("图1") and "订单与交付" in emls[0]["caption"]  # order basics first
    assert all(e["source"]["message_id"] for e in emls)
    assert "dkim" in emls[0]["source"]
    timeline = json.loads((bundle / "timeline.json").read_text())
    assert timeline["order"]["order_no"] == "Y1MK7QZ3XD9T5WN8" and len(timeline["events"]) >= 9
    assert "Y1MK7QZ3XD9T5WN8" in (bundle / "draft.txt").read_text()
    # Each mail also as a captioned picture a platform form takes, in the same order, each <= 2 MB;
    # with the 5 image attachments that is 14 images, so the set to upload is the first 10.
    pngs = [f for f in manifest["files"] if f["path"].endswith(".png") and f["source"].get("drawn_from")]
    assert [p["path"][9:11] for p in pngs] == [e["path"][9:11] for e in emls]
    assert [p["caption"] for p in pngs] == [e["caption"] for e in emls]
    assert pngs[0]["caption"].startswith("图1：订单与交付，")
    assert all(0 < p["size"] <= 2 * 1024 * 1024 for p in pngs)
    with Image.open(bundle / pngs[0]["path"]) as picture:
        assert picture.width == 1240 and picture.height > 300
    limits = manifest["platform_limits"]
    assert (
        limits["images"] == len(emls) + 5
        and limits["over_size"] == []
        and limits["over_count"] == limits["images"] - 10
    )
    assert len(limits["reduced_set"]) == 10 and limits["reduced_set"][0] == pngs[0]["path"]


def _hostile(path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = "Evil Shop <shop@evil.example>"
    msg["To"] = "me@example.org"
    msg["Subject"] = 'Order #9911 confirmed <script>alert("x")</script>'
    msg["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    msg["Message-ID"] = "<hostile-9911@evil.example>"
    msg.set_content("Thank you for your order!\nOrder #9911\nTotal $19.00\nYour payment went through.")
    msg.add_alternative(
        '<html><body><script>alert(1)</script><img src=x onerror="alert(2)">'
        '<a href="javascript:alert(3)">Order #9911</a> Total $19.00. Thank you for your order!</body></html>',
        subtype="html",
    )
    msg.add_attachment(b"root:x:0:0", maintype="application", subtype="octet-stream", filename="../../etc/passwd")
    msg.add_attachment(b"x", maintype="application", subtype="octet-stream", filename="CON.txt")
    path.write_bytes(bytes(msg))


def test_hostile_mail_gives_an_inert_page_and_safe_names(cli, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _hostile(tmp_path / "hostile.eml")
    assert cli("--db", db, "import", tmp_path / "hostile.eml").code == 0
    archive = _export(cli, db, "9911", tmp_path / "out", "--format", "zip")
    assert archive.suffix == ".zip"
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        root = names[0].split("/")[0]
        assert all(n.startswith(root + "/") and ".." not in n.split("/") and not n.startswith("/") for n in names)
        page = zf.read(f"{root}/index.html").decode()
        evidence = [n for n in names if "/evidence/" in n]
    assert "<script" not in page.lower() and "onerror=" not in page.lower() and "javascript:" not in page.lower()
    assert "&lt;script&gt;" in page  # the subject is shown, as text
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert any(n.endswith("-passwd") for n in evidence)  # inside evidence/, a plain name
    assert any(n.endswith("_CON.txt") for n in evidence)  # a device name made harmless


def test_pdf_first_page_shows_chinese(cli, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    sc = _import(cli, db, CORPUS / "zh-kameng-ack-48h-overdue")
    bundle = _export(cli, db, "Z3QW8K1DM7XT5N2B", tmp_path / "out", "--as-of", sc.as_of)
    assert shutil.which("pdftoppm"), "poppler-utils is installed by make test"
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", bundle / "case.pdf", tmp_path / "page"], check=True
    )
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    dark = sum(image.histogram()[:128])
    assert dark > 2000  # text, not a blank page
    text = subprocess.run(["pdftotext", bundle / "case.pdf", "-"], capture_output=True, text=True, check=True).stdout
    assert "订单" in text and "Z3QW8K1DM7XT5N2B" in text and "夜猫数卡" in text


@pytest.mark.timeout(120)
def test_page_renders_in_chromium_without_errors(cli, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    sc = _import(cli, db, CASE)
    bundle = _export(cli, db, "Y1MK7QZ3XD9T5WN8", tmp_path / "out", "--as-of", sc.as_of)
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is installed by make test"
    result = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            (bundle / "index.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert 'id="timeline"' in result.stdout and "<circle" in result.stdout
    console = [
        line for line in result.stderr.splitlines() if "CONSOLE" in line or "Refused to" in line or "Uncaught" in line
    ]
    assert console == []


def test_calendar_has_the_open_deadlines(cli, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _import(cli, db, CORPUS / "zh-kameng-evidence-stated-deadline")
    result = cli("--db", db, "calendar", "--out", tmp_path / "d.ics", "--as-of", "2026-03-19T10:00:00+08:00")
    assert result.code == 0 and "1 deadline" in result.stdout
    ics = (tmp_path / "d.ics").read_text()
    assert "BEGIN:VEVENT" in ics and "P6XK2TQ9W4MZ0RJD" in ics and "20260319T100000Z" in ics  # 18:00 +08:00


def test_the_demo_calendar_lists_every_open_deadline_and_passes_strict_readers(cli, tmp_path: Path) -> None:
    """Every alert the demo has due (overdue ones too) is an event, titled for a person, valid RFC 5545."""
    import icalendar
    import vobject

    assert cli("sync").code == 0  # nothing configured: the bundled demo mailbox
    at = "2026-11-29T12:00:00+00:00"
    due = cli("check", "--json", "--as-of", at).json()
    assert len(due) >= 6
    result = cli("calendar", "--out", tmp_path / "demo.ics", "--as-of", at)
    assert result.code == 0 and f"{len(due)} deadline(s)" in result.stdout
    data = (tmp_path / "demo.ics").read_bytes()
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == len(due)
    parsed = vobject.readOne(data.decode("utf-8"), validate=True)
    assert len(parsed.vevent_list) == len(due)
    titles = [str(e["SUMMARY"]) for e in events]
    assert not any("_" in t for t in titles), titles  # no internal codes such as delivery_overdue
    assert any(t.startswith("订单 ") for t in titles) and any(t.startswith("Order ") for t in titles)
    for event in events:
        assert event.decoded("DTSTART").utcoffset().total_seconds() == 0  # UTC: valid with no VTIMEZONE
        assert str(event["DESCRIPTION"]) in {a["next_step"] for a in due}  # whole, never cut
    assert b"TZID" not in data


def test_every_corpus_scenario_exports(tmp_path: Path) -> None:
    """Every reference scenario's orders export, driven in this process (the tests above take the
    real CLI): the export path does not depend on how the mail was read."""
    from typer.testing import CliRunner

    from orderwatch.cli import app
    from tests.test_corpus import REFERENCE

    runner = CliRunner()

    def cli(*args: str | Path) -> Result:
        done = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
        return Result(done.exit_code, done.stdout, done.stderr if done.stderr_bytes is not None else "")

    for path in REFERENCE:
        db = tmp_path / f"{path.name}.db"
        sc = _import(cli, db, path)
        for order in sc.expect["orders"]:
            bundle = _export(cli, db, order["order_no"], tmp_path / "out" / path.name, "--as-of", sc.as_of)
            assert (bundle / "index.html").is_file() and (bundle / "case.pdf").stat().st_size > 1000


def test_dkim_status_is_honest() -> None:
    import base64

    import dkim
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    from orderwatch.export import _dkim

    key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    raw = b"From: shop@shop.example\r\nTo: me@example.org\r\nSubject: Order #1\r\n\r\nTotal $1.00\r\n"
    signed = dkim.sign(raw, b"sel", b"shop.example", private, include_headers=[b"from", b"to", b"subject"]) + raw
    record = b"v=DKIM1; k=rsa; p=" + base64.b64encode(public)
    assert _dkim(signed, dnsfunc=lambda name, timeout=3: record) == {
        "signed": True,
        "domain": "shop.example",
        "verified": True,
    }
    tampered = signed.replace(b"$1.00", b"$9.00")
    assert _dkim(tampered, dnsfunc=lambda name, timeout=3: record)["verified"] is False
    offline = _dkim(signed, dnsfunc=lambda name, timeout=3: None)
    assert offline["verified"] is None and "could not be looked up" in offline["note"]
    assert _dkim(raw) == {"signed": False}


def test_a_taiwanese_buyers_case_file_is_in_traditional_characters_and_keeps_the_mail_as_written(
    cli, tmp_path: Path
) -> None:
    db = tmp_path / "tw.db"
    sc = _import(cli, db, CORPUS / "zh-tw-xiaobaohui-shensu-jujue-dierci-shensu-new-clock-unanswered")
    folder = _export(cli, db, sc.expect["orders"][0]["order_no"], tmp_path / "out", "--as-of", sc.as_of)
    page = (folder / "timeline.md").read_text()
    assert "# 維權材料 · 訂單" in page and "订单" not in page  # the program's words, as Taiwan writes them
    assert "已向消費者保護官投訴" in page and "12315" not in page  # the buyer's own body, never the mainland's
    assert "[山嵐木作] 訂單確認通知" in page  # the mail's subject, as written
    assert (folder / "draft.txt").read_text().startswith("Subject: 消費申訴：訂單")
    captions = [str(f.get("caption")) for f in json.loads((folder / "manifest.json").read_text())["files"]]
    assert any(c.startswith("圖1：訂單與交付") for c in captions) and not any("图" in c for c in captions)
