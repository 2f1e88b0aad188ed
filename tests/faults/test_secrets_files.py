"""Rows 27-33: secrets, TLS, exports, SQL metacharacters and file permissions.

One test per row of the reliability plan, at CI size (ORDERWATCH_FAULTS=long: full size).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.support.faults import (
    CANARY_PASSWORD,
    CANARY_TOKEN,
    HOSTILE_NAMES,
    _overdue,
    _xss_payloads,
)


def test_row27_canary_secrets_appear_nowhere(mailbox, tmp_path: Path, record) -> None:
    from tests.support.prefect_api import PrefectServer
    from tests.support.receivers import HttpSink

    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "o.eml").write_bytes(_overdue(2))
    server = PrefectServer().start()
    outputs: list[str] = []
    try:
        with HttpSink() as http:
            good = tmp_path / "good.toml"
            good.write_text(
                f'[storage]\ndb = "{tmp_path / "g.db"}"\ndata_dir = "{tmp_path / "data"}"\n'
                '[notify]\nurls = ["${OW_HOOK}"]\n'
            )
            bad = tmp_path / "bad.toml"
            account = mailbox.server.account_toml(name="shop", user=mailbox.user).replace(
                "OW_TEST_PASSWORD", "OW_CANARY"
            )
            bad.write_text(good.read_text() + "\n" + account)
            env = {
                "HOME": str(tmp_path),
                "ORDERWATCH_LOG": "DEBUG",
                "OW_CANARY": CANARY_PASSWORD,
                "OW_HOOK": http.url(CANARY_TOKEN),
            }
            for args in (
                ("--config", good, "import", tmp_path / "mail"),
                ("--config", good, "check", "--notify", "--json"),
                ("--config", bad, "sync"),
                ("--config", bad, "status", "--json"),
                ("--config", bad, "run-once"),
                ("--config", good, "export", "K000000002QZ", "--out", tmp_path / "export", "--format", "zip"),
                ("--config", bad, "draft", "K000000002QZ", "--to-drafts", "--account", "shop"),
            ):
                result = run_cli(*args, env=env)
                outputs += [result.stdout, result.stderr]
            flow = subprocess.run(  # the flows on a real Prefect server, results persisted
                [
                    sys.executable,
                    "-c",
                    (
                        "import sys, orderwatch.flows.mailbox as m;"
                        "m.check_account = m.check_account.with_options(retry_delay_seconds=0);"
                        "m.mailbox(config=sys.argv[1])"
                    ),
                    str(bad),
                ],
                capture_output=True,
                text=True,
                timeout=180,
                env={
                    **os.environ,
                    **server.env(),
                    **env,
                    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "true",
                    "PREFECT_LOCAL_STORAGE_PATH": str(tmp_path / "prefect-results"),
                    "PREFECT_LOGGING_LEVEL": "DEBUG",
                },
            )
            outputs += [flow.stdout, flow.stderr]
            assert http.posts, "the webhook got the reminder (the token did its job)"
        places = [p for p in list(tmp_path.rglob("*")) + list(server.home.rglob("*")) if p.is_file()]
        hits = []
        for path in places:
            data = path.read_bytes()
            if path.suffix == ".zip":
                import zipfile

                with zipfile.ZipFile(path) as zf:
                    data += b"".join(zf.read(n) for n in zf.namelist())
            hits += [f"{path}: {c}" for c in (CANARY_PASSWORD, CANARY_TOKEN) if c.encode() in data]
        hits += [
            f"output {i}: {out[max(0, out.find(c) - 300) : out.find(c) + 50]}"
            for i, out in enumerate(outputs)
            for c in (CANARY_PASSWORD, CANARY_TOKEN)
            if c in out
        ]
    finally:
        server.stop()
    record(27, files_searched=len(places), outputs_searched=len(outputs), hits=len(hits))
    assert "refused the login" in "".join(outputs)  # the canary password was used, and failed
    assert hits == [], hits[:5]


def test_row28_bad_certificates_are_refused_unless_pinned(
    tmp_path: Path, record, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orderwatch.config import Account
    from orderwatch.errors import MailboxError
    from orderwatch.mailbox import ImapMailbox
    from orderwatch.secret import Secret
    from tests.support.tls_imap import Certs, StubImap

    certs = Certs(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(certs.ca_file))  # the test CA is trusted; nothing else is
    good, expired = certs.leaf("good"), certs.leaf("expired", expired=True)
    wrong_host, self_signed = certs.leaf("wrong", host="imap.example.com"), certs.leaf("self", self_signed=True)

    def attempt(cert: tuple[Path, Path, str] | None, security: str = "ssl", pin: str | None = None) -> int:
        with StubImap(cert[:2] if cert else None) as stub:
            account = Account(
                name="t",
                host="127.0.0.1",
                port=stub.port,
                security=security,
                username="u",
                password=Secret(CANARY_PASSWORD),
                tls_fingerprint=pin,
                timeout=5,
            )
            with contextlib.suppress(MailboxError):
                ImapMailbox(account).connect()
            time.sleep(0.2)
            return stub.logins

    cases = {
        "self-signed": attempt(self_signed),
        "expired": attempt(expired),
        "wrong-host": attempt(wrong_host),
        "starttls-stripped": attempt(None, security="starttls"),
    }
    control = {
        "trusted": attempt(good),
        "pinned-self-signed": attempt(self_signed, pin=self_signed[2]),
        "pinned-but-different": attempt(wrong_host, pin=self_signed[2]),
    }
    record(28, accepted_bad=sum(cases.values()), cases=len(cases), control=control)
    assert cases == {"self-signed": 0, "expired": 0, "wrong-host": 0, "starttls-stripped": 0}
    assert control == {"trusted": 1, "pinned-self-signed": 1, "pinned-but-different": 0}


def test_row29_hostile_attachment_names_never_escape_the_bundle(tmp_path: Path, record) -> None:
    import zipfile
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "shop@example.com"
    msg["To"] = "me@example.com"
    msg["Subject"] = "Order #4242 confirmed"
    msg["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    msg.set_content("Thank you for your order!\nOrder #4242\nTotal $19.00\nYour payment went through.")
    for i, name in enumerate(HOSTILE_NAMES):
        msg.add_attachment(f"file {i}".encode(), maintype="application", subtype="octet-stream", filename=name or "x")
    raw = bytes(msg).replace(b'filename="rfc2231-encoded"', b"filename*=UTF-8''..%2F..%2Fescaped.txt")
    (tmp_path / "h.eml").write_bytes(raw)
    config = tmp_path / "h.toml"
    config.write_text(f'[storage]\ndb = "{tmp_path / "h.db"}"\n')
    assert run_cli("--config", config, "import", tmp_path / "h.eml", env={"HOME": str(tmp_path)}).code == 0
    escapes = 0
    for fmt in ("dir", "zip"):
        out = tmp_path / f"out-{fmt}"
        before = {p for p in tmp_path.rglob("*") if p.is_file()}
        result = run_cli(
            "--config", config, "export", "4242", "--out", out, "--format", fmt, env={"HOME": str(tmp_path)}
        )
        assert result.code == 0, result.stderr
        new = {p for p in tmp_path.rglob("*") if p.is_file()} - before
        escapes += sum(1 for p in new if out not in p.parents)
    with zipfile.ZipFile(next((tmp_path / "out-zip").glob("*.zip"))) as zf:
        names = zf.namelist()
    root = names[0].split("/")[0]
    bad_entries = [
        n for n in names if n.startswith("/") or ".." in n.split("/") or not n.startswith(root + "/") or "\\" in n
    ]
    evidence = [n for n in names if "/evidence/" in n]
    record(
        29,
        names=len(HOSTILE_NAMES),
        escapes=escapes + len(bad_entries),
        evidence_files=len(evidence),
        unique=len(set(evidence)) == len(evidence),
    )
    assert escapes == 0 and bad_entries == [] and len(set(evidence)) == len(evidence) >= len(HOSTILE_NAMES)


@pytest.mark.timeout(180)
def test_row30_xss_payloads_stay_text_in_chromium(tmp_path: Path, record) -> None:
    import shutil

    from tests.support.receivers import HttpSink

    with HttpSink() as sink:
        payloads = _xss_payloads(f"http://127.0.0.1:{sink.port}")
        folder = tmp_path / "mail"
        folder.mkdir()
        head = "From: shop@example.com\r\nTo: me@example.com\r\nContent-Type: text/plain; charset=utf-8\r\n"
        (folder / "0.eml").write_bytes(
            (
                head + "Subject: Order #5150 confirmed\r\nDate: Mon, 02 Mar 2026 10:00:00 +0000\r\n\r\n"
                "Thank you for your order!\r\nOrder #5150\r\nTotal $19.00\r\n"
            ).encode()
        )
        for i, payload in enumerate(payloads, 1):
            (folder / f"{i}.eml").write_bytes(
                (
                    head + f"Subject: Re: Order #5150 {payload}\r\nDate: Tue, 03 Mar 2026 10:{i % 60:02d}:00 +0000\r\n"
                    f"Message-ID: <x{i}@example.com>\r\n\r\nAbout order #5150: {payload}\r\n"
                ).encode()
            )
        config = tmp_path / "x.toml"
        config.write_text(f'[storage]\ndb = "{tmp_path / "x.db"}"\n')
        assert run_cli("--config", config, "import", folder, env={"HOME": str(tmp_path)}).code == 0
        result = run_cli("--config", config, "export", "5150", "--out", tmp_path / "out", env={"HOME": str(tmp_path)})
        assert result.code == 0, result.stderr
        page = Path(result.stdout.strip()) / "index.html"
        dom = subprocess.run(
            [
                shutil.which("chromium") or "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                f"--user-data-dir={tmp_path / 'p'}",
                "--virtual-time-budget=3000",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout
        requests = len(sink.attempts)
    record(30, payloads=len(payloads), executions=dom.count('data-pwned="1"'), network_requests=requests)
    assert dom and 'data-pwned="1"' not in dom and requests == 0


def test_row31_sql_metacharacters_from_mail_change_nothing(tmp_path: Path, record) -> None:
    nasty = [
        "'; DROP TABLE messages; --",
        '" OR 1=1 --',
        "]) ; DELETE FROM events; --",
        "a' || (select raw from messages) || '",
        "NEAR(x y) OR *",
    ]
    folder = tmp_path / "mail"
    folder.mkdir()
    for i, s in enumerate(nasty):
        (folder / f"{i}.eml").write_bytes(
            (
                "From: shop@example.com\r\nTo: me@example.com\r\nDate: Mon, 02 Mar 2026 10:00:00 +0000\r\n"
                f"Subject: Order #77{i} {s}\r\nMessage-ID: <{s.replace(' ', '')}{i}@x>\r\n"
                "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                f"Thank you for your order!\r\nOrder #77{i}\r\nTotal $19.00\r\nNote: {s}\r\n"
            ).encode()
        )
    config = tmp_path / "q.toml"
    config.write_text(f'[storage]\ndb = "{tmp_path / "q.db"}"\n')
    env = {"HOME": str(tmp_path)}
    assert run_cli("--config", config, "import", folder, env=env).code == 0

    def schema() -> list[tuple[str, str]]:
        with sqlite3.connect(tmp_path / "q.db") as conn:
            return conn.execute("select name, sql from sqlite_master order by name").fetchall()

    before = schema()
    orders = run_cli("--config", config, "orders", "--json", env=env).json()
    for s in nasty:
        run_cli("--config", config, "timeline", s, env=env)
        run_cli("--config", config, "draft", s, env=env)
        run_cli("--config", config, "note", s, "--kind", "note", "--at", "2026-03-03T10:00:00+00:00", s, env=env)
    for order in orders:
        assert run_cli("--config", config, "timeline", order["ref"], "--json", env=env).code == 0
    status = run_cli("--config", config, "status", "--json", env=env).json()
    record(
        31, strings=len(nasty), schema_diffs=int(schema() != before), orders=len(orders), messages=status["messages"]
    )
    assert schema() == before and len(orders) == len(nasty) and status["messages"] == len(nasty)


def test_row32_everything_is_created_private_under_umask_022(tmp_path: Path, record) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "o.eml").write_bytes(_overdue(2))
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "share")}

    def run(*args: str | Path) -> None:
        proc = subprocess.run(
            [sys.executable, "-m", "orderwatch", *map(str, args)],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            preexec_fn=lambda: os.umask(0o022),
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr

    run("init", tmp_path / "cfg" / "orderwatch.toml")
    run("--db", home / "share" / "orderwatch" / "ow.db", "import", tmp_path / "mail")
    run("--db", home / "share" / "orderwatch" / "ow.db", "check", "--notify")
    run("--db", home / "share" / "orderwatch" / "ow.db", "export", "K000000002QZ", "--out", tmp_path / "exports")
    run(
        "--db",
        home / "share" / "orderwatch" / "ow.db",
        "export",
        "K000000002QZ",
        "--out",
        tmp_path / "exports",
        "--format",
        "zip",
    )
    from orderwatch import agent
    from orderwatch.config import load_settings as load

    previous = os.umask(0o022)
    try:
        agent.environment(load(None, home / "share" / "orderwatch" / "ow.db"), "http://127.0.0.1:1/api")
    finally:
        os.umask(previous)
    checked = [p for root in (home / "share" / "orderwatch", tmp_path / "exports") for p in [root, *root.rglob("*")]]
    checked.append(tmp_path / "cfg" / "orderwatch.toml")
    wrong = [f"{p} {oct(p.stat().st_mode & 0o777)}" for p in checked if p.stat().st_mode & 0o077]
    names = {p.name for p in checked}
    record(32, files_checked=len(checked), wrong_mode=len(wrong))
    assert {"ow.db", "ow.db-wal"} & names and any(p.suffix == ".txt" for p in checked)  # db, outbox files
    assert wrong == [], wrong


def test_row33_no_secret_is_ever_saved(tmp_path: Path, record) -> None:
    """orderwatch has no keyring fallback to get wrong: secrets come only from the environment
    (${VAR} in the config) and are never written. `init` writes a placeholder, not a password."""
    config = tmp_path / "orderwatch.toml"
    assert run_cli("init", config, env={"HOME": str(tmp_path)}).code == 0
    text = config.read_text()
    record(33, plaintext_secrets_written=0 if "${ORDERWATCH_IMAP_PASSWORD}" in text else 1)
    assert "${ORDERWATCH_IMAP_PASSWORD}" in text and 'password = "' + "${" in text
