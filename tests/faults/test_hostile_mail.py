"""Rows 22-26: hostile mail: charsets, resource bombs, fuzzing, header injection, spoofed names.

One test per row of the reliability plan, at CI size (ORDERWATCH_FAULTS=long: full size).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.conftest import run_cli
from tests.support.faults import (
    LONG,
    _config,
    _env,
    _sync,
)
from tests.support.mails import order_mail


def test_row22_charset_traps_decode_without_replacement_characters(tmp_path: Path, record) -> None:
    from orderwatch.ingest import import_paths
    from orderwatch.store import Store
    from tests.support.bombs import charset_traps

    traps = charset_traps()
    for name, (raw, _) in traps.items():
        (tmp_path / f"{name}.eml").write_bytes(raw)
    store = Store(tmp_path / "cs.db")
    report = import_paths(store, sorted(tmp_path.glob("*.eml")))
    replacement = crashes = roundtrip = 0
    for name, (raw, phrase) in traps.items():
        sha = hashlib.sha256(raw).hexdigest()
        roundtrip += store.raw(sha) == raw
        row = store.db.execute("select status, subject from parses where sha256 = ?", [sha]).fetchone()
        crashes += row[0] != "ok"
        from orderwatch.parsers import parse

        outcome = parse(raw)
        text = (outcome.mail.subject + "\n" + outcome.mail.text) if outcome.mail else ""
        replacement += text.count("\ufffd")
        assert phrase in text, (name, text[:200])
    store.close()
    record(
        22, fixtures=len(traps), crashes=crashes, round_trip=f"{roundtrip}/{len(traps)}", replacement_chars=replacement
    )
    assert report.failed == 0 and crashes == 0 and roundtrip == len(traps) and replacement == 0


def test_row23_resource_bombs_are_bounded_and_the_next_message_still_syncs(
    mailbox, tmp_path: Path, record, env_password
) -> None:
    from tests.support.bombs import BOMBS

    results = {}
    for name, make in BOMBS.items():
        path = tmp_path / f"{name}.eml"
        path.write_bytes(make())
        config = tmp_path / f"{name}.toml"
        config.write_text(f'[storage]\ndb = "{tmp_path / (name + ".db")}"\n')
        timed = subprocess.run(
            [
                "/usr/bin/time",
                "-f",
                "%e %M",
                sys.executable,
                "-m",
                "orderwatch",
                "--config",
                str(config),
                "import",
                "--json",
                str(path),
            ],
            capture_output=True,
            text=True,
            env=_env(tmp_path),
            timeout=120,
        )
        wall, rss_kb = timed.stderr.strip().splitlines()[-1].split()
        outcome = json.loads(timed.stdout)
        with sqlite3.connect(tmp_path / f"{name}.db") as conn:
            kept = conn.execute("select length(raw) from messages").fetchone()[0] == path.stat().st_size
        results[name] = {
            "wall_s": float(wall),
            "rss_mb": int(rss_kb) // 1024,
            "quarantined": outcome["failed"],
            "kept_raw": kept,
        }
    mailbox.server.append(
        [(BOMBS["parts-10k"](), None), (BOMBS["nesting-5000"](), None), (order_mail(2), None)], user=mailbox.user
    )
    config = _config(tmp_path, mailbox.server, mailbox.user)
    run = _sync(config)
    with sqlite3.connect(tmp_path / "c.db") as conn:
        orders = conn.execute("select count(*) from events where order_no = 'K000000002QZ'").fetchone()[0]
    record(23, bombs=results, next_message_synced=orders > 0, sync_error=run.error)
    assert run.error is None and orders > 0
    for name, r in results.items():
        assert r["kept_raw"], name
        assert r["wall_s"] <= 5 and (r["rss_mb"] <= 256 or name == "base64-part-50MB"), (name, r)
    assert results["base64-part-50MB"]["rss_mb"] <= 8 * 70  # a 70 MB message: bounded, not a gigabyte
    assert results["bom-first"]["quarantined"] == 0  # a byte-order mark first is read past


def test_row24_fuzzing_parse_and_classify_finds_no_undocumented_failure(record) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from orderwatch.parsers import parse

    from tests.conftest import CORPUS

    seeds = [p.read_bytes() for p in sorted(CORPUS.rglob("*.eml"))][:60]
    assert seeds
    bad: list[str] = []
    runs = [0]

    @settings(max_examples=3000 if LONG else 300, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(
        st.sampled_from(seeds),
        st.lists(st.tuples(st.integers(0, 100_000), st.binary(max_size=12)), max_size=6),
        st.booleans(),
    )
    def fuzz(seed: bytes, edits: list[tuple[int, bytes]], truncate: bool) -> None:
        data = bytearray(seed)
        for offset, chunk in edits:
            pos = offset % (len(data) + 1)
            data[pos : pos + len(chunk)] = chunk
        raw = bytes(data[: len(data) // 2] if truncate else data)
        outcome = parse(raw)
        runs[0] += 1
        reason = outcome.reason or ""
        if reason.startswith(("parser error", "understanding failed")):
            bad.append(reason)

    started = time.monotonic()
    fuzz()
    rate = runs[0] / (time.monotonic() - started)
    record(24, examples=runs[0], undocumented_failures=len(bad), execs_per_s=round(rate))
    assert bad == []


def test_row25_no_header_injection_into_reminder_mail(tmp_path: Path, record) -> None:
    from tests.support.receivers import SmtpSink

    evil = (
        "From: =?UTF-8?Q?Shop=0ABcc:_victim@example.com?= <shop@example.com>\r\nTo: me@example.com\r\n"
        f"Date: {(datetime.now(UTC) - timedelta(days=3)).strftime('%a, %d %b %Y %H:%M:%S +0000')}\r\n"
        "Subject: =?UTF-8?Q?=E8=AE=A2=E5=8D=95=E6=94=AF=E4=BB=98=E6=88=90=E5=8A=9F=0D=0ABcc:_a@evil.example?=\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "订单号：K7777777QZ\r\n商品名称：月卡\r\nBcc: b@evil.example\r\n店铺：Evil\r\n"
        "X-Injected: yes\r\n总价：10.00 元\r\n"
        "发货方式：自动发货\r\n"
    ).encode()
    (tmp_path / "evil.eml").write_bytes(evil)
    config = tmp_path / "e.toml"
    with SmtpSink() as smtp:
        config.write_text(f'[storage]\ndb = "{tmp_path / "e.db"}"\n[notify]\nurls = ["{smtp.url()}"]\n')
        assert run_cli("--config", config, "import", tmp_path / "evil.eml", env={"HOME": str(tmp_path)}).code == 0
        assert run_cli("--config", config, "check", "--notify", env={"HOME": str(tmp_path)}).code == 0
        sent = [m.content for m in smtp.messages]
    injected = 0
    from email import message_from_bytes

    for content in sent:
        for msg in message_from_bytes(content).walk():
            injected += sum(1 for k in msg if k.lower() in ("bcc", "x-injected"))
        injected += len(re.findall(rb"(?im)^bcc:", content.split(b"\r\n\r\n", 1)[0]))
    record(25, messages=len(sent), injected_headers=injected)
    assert sent and injected == 0


def test_row26_the_display_name_never_decides_who_sent_it(tmp_path: Path, record) -> None:
    from orderwatch.parsers import parse

    body = "订单号：K8888888QZ\r\n商品名称：月卡\r\n总价：10.00 元\r\n发货方式：自动发货\r\n"
    head = "To: me@example.com\r\nDate: Mon, 02 Mar 2026 10:00:00 +0800\r\nSubject: 订单支付成功\r\n"
    head += "Content-Type: text/plain; charset=utf-8\r\n"
    vectors = {
        "display-name-address": '"orders@yunzhan-km.com" <evil@phish.example>',
        "cve-2023-27043": "alice@yunzhan-km.com)<evil@phish.example>",
        "cve-2019-16056": "evil@phish.example@yunzhan-km.com",
    }
    misattributed = 0
    for name, sender in vectors.items():
        outcome = parse(f"From: {sender}\r\n{head}\r\n{body}".encode())
        mail = outcome.mail
        assert mail is not None, name
        platforms = {str(e.fields.get("platform")) for e in outcome.events}
        misattributed += mail.from_addr.endswith("yunzhan-km.com") or any("yunzhan" in p for p in platforms)
    record(26, vectors=len(vectors), misattributed=misattributed)
    assert misattributed == 0
