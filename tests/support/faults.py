"""What the fault tests share: configurations, the oracles that compare server, store and
integrity, and the kill/wait helpers (tests/faults/)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from orderwatch import cycle
from orderwatch.config import load_settings
from tests.conftest import run_cli
from tests.support.dovecot import PASSWORD, Dovecot
from tests.support.mails import order_mail

LONG = os.environ.get("ORDERWATCH_FAULTS") == "long"


REPORT = os.environ.get("ORDERWATCH_FAULTS_REPORT")


def _config(
    tmp_path: Path, dovecot: Dovecot, user: str, port: int | None = None, extra: str = "", name: str = "c"
) -> Path:
    config = tmp_path / f"{name}.toml"
    config.write_text(
        f'[storage]\ndb = "{tmp_path / (name + ".db")}"\ndata_dir = "{tmp_path / "data"}"\n\n'
        + dovecot.account_toml(name="shop", user=user, port=port, extra=extra)
    )
    return config


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "OW_TEST_PASSWORD": PASSWORD, "HOME": str(tmp_path)}


def _server(dovecot: Dovecot, user: str, folder: str = "INBOX") -> dict[int, str]:
    """The checkpoint oracle: every UID in the folder with the SHA-256 of its body."""
    client = dovecot.client(user)
    try:
        client.select_folder(folder, readonly=True)
        data = client.fetch(client.search(["ALL"]), ["BODY.PEEK[]"]) if client.search(["ALL"]) else {}
    finally:
        client.logout()
    return {int(uid): hashlib.sha256(item[b"BODY[]"]).hexdigest() for uid, item in data.items()}


def _stored(db: Path, folder: str = "INBOX") -> dict[int, str]:
    """What the database says the folder holds now: present locations under its current UIDVALIDITY."""
    with sqlite3.connect(db) as conn:
        validity = conn.execute("select uidvalidity from folders where folder = ?", [folder]).fetchone()
        if validity is None:
            return {}
        rows = conn.execute(
            "select uid, sha256 from locations where folder = ? and uidvalidity = ? and absent_since is null",
            [folder, validity[0]],
        ).fetchall()
    return {int(uid): sha for uid, sha in rows}


def _integrity(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        ok = conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        orphans = conn.execute(
            "select count(*) from locations l where not exists (select 1 from messages m where m.sha256 = l.sha256)"
        ).fetchone()[0]
        bad_hash = sum(
            1 for sha, raw in conn.execute("select sha256, raw from messages") if hashlib.sha256(raw).hexdigest() != sha
        )
        marks = conn.execute("select folder, last_uid from folders").fetchall()
    return {"integrity_ok": int(ok), "orphan_locations": orphans, "corrupt_messages": bad_hash, "marks": len(marks)}


def _compare(server: dict[int, str], stored: dict[int, str]) -> dict[str, int]:
    lost = len(set(server.values()) - set(stored.values()))
    wrong = sum(1 for uid, sha in stored.items() if server.get(uid) != sha)
    return {"lost": lost, "mismatched": wrong, "missing_uids": len(set(server) - set(stored))}


def _kill_after(tmp_path: Path, delay: float, *args: str | Path) -> bool:
    """Run `orderwatch ARGS`, kill -9 it after `delay` seconds; True if it was still working."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "orderwatch", *map(str, args)],
        env=_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    running = proc.poll() is None
    proc.kill()
    proc.wait()
    return running


def _fill(dovecot: Dovecot, user: str, n: int, start: int = 0, folder: str = "INBOX", size: int = 3000) -> None:
    mails = [(order_mail(i, size=size, attachment=40_000 if i % 20 == 0 else 0), None) for i in range(start, start + n)]
    dovecot.append(mails, folder=folder, user=user)


def _children(pid: int) -> set[int]:
    """Live processes whose parent is `pid`, from /proc."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid and fields[0] != "Z":
                    found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    with contextlib.suppress(OSError):
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    return False


def _until(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _snapshot(db: Path) -> dict[str, Any]:
    """The data a sync produces, without its timestamps."""
    with sqlite3.connect(db) as conn:
        return {
            "messages": sorted(r[0] for r in conn.execute("select sha256 from messages")),
            "locations": sorted(conn.execute("select key, sha256, absent_since is null from locations").fetchall()),
            "parses": sorted(conn.execute("select sha256, status, kind from parses").fetchall()),
            "events": sorted(conn.execute("select id, kind, at from events").fetchall()),
            "folders": sorted(conn.execute("select key, uidvalidity, last_uid from folders").fetchall()),
        }


def _sync(config: Path) -> cycle.MailboxRun:
    return cycle.check_mailbox(load_settings(config), "shop")


def _overdue(n: int) -> bytes:
    return order_mail(n, when=datetime.now(UTC) - timedelta(days=3))  # 自动发货, paid three days ago: overdue


def _outbox_config(config: Path, urls: list[str], extra: str = "") -> Path:
    quoted = ", ".join(f'"{u}"' for u in urls)
    config.write_text(config.read_text() + f"\n[notify]\nurls = [{quoted}]\n{extra}\n")
    return config


def _import_overdue(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "mail"
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"{i}.eml").write_bytes(_overdue(2 * i))
    config = tmp_path / "notify.toml"
    config.write_text(f'[storage]\ndb = "{tmp_path / "n.db"}"\ndata_dir = "{tmp_path / "data"}"\n')
    assert run_cli("--config", config, "import", folder, env={"HOME": str(tmp_path)}).code == 0
    return config


def _later(minutes: int) -> str:
    return (datetime.now(UTC) + timedelta(minutes=minutes)).isoformat()


CANARY_PASSWORD = "OWcanaryPASS7f3a9c"


CANARY_TOKEN = "OWcanaryTOKEN91b2e4"


HOSTILE_NAMES = [
    "../../etc/passwd",
    "/etc/shadow",
    "C:\\Windows\\system32\\x.dll",
    "..\\..\\boot.ini",
    "a\x00b.txt",
    "invoice\u202efdp.txt",
    "x" * 300 + ".pdf",
    "dup.txt",
    "dup.txt",
    "DUP.TXT",
    "CON",
    "con.txt",
    "NUL.png",
    "COM1.txt",
    "LPT9",
    "AUX.jpg",
    ".",
    "..",
    "...",
    "",
    " ",
    ".hidden",
    "~/.ssh/id_rsa",
    "a/b/c.txt",
    "a\\b\\c.txt",
    "file:///etc/hosts",
    "http://x/y.png",
    "%2e%2e%2fetc%2fpasswd",
    "..%2f..%2fx",
    "名字.txt",
    "emoji-😀.png",
    "tab\tname.txt",
    'quote".txt',
    "star*.txt",
    "pipe|.txt",
    "q?.txt",
    "colon:stream.txt",
    "trailing.dot.",
    "trailing space ",
    "<script>.txt",
    "a;rm -rf ~.sh",
    "$(reboot).txt",
    "`id`.txt",
    "\u200bzero-width.txt",
    "CLOCK$",
    "very/" * 40 + "deep.txt",
    "\\\\server\\share\\x",
    "COM¹.txt",
    "ends-with-slash/",
    "rfc2231-encoded",
]


def _xss_payloads(sink: str) -> list[str]:
    base = [
        "<script>document.body.setAttribute('data-pwned','1')</script>",
        "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">",
        f"<img src={sink}/img>",
        f"<svg onload=\"fetch('{sink}/svg')\"></svg>",
        f"<iframe src={sink}/frame></iframe>",
        f"<link rel=stylesheet href={sink}/css>",
        f'<div style="background:url({sink}/bg)">x</div>',
        "<a href=\"javascript:document.body.setAttribute('data-pwned','1')\">x</a>",
        f"<math><mtext><table><mglyph><style><img src={sink}/mxss>",
        f"<object data={sink}/obj></object>",
        f"<embed src={sink}/embed>",
        f"<video><source onerror=\"fetch('{sink}/video')\"></video>",
        f'<meta http-equiv=refresh content="0;url={sink}/meta">',
        f"<base href={sink}/><img src=rel>",
        f"<form action={sink}/form><button>x</button></form>",
        "\"><script>document.body.setAttribute('data-pwned','1')</script>",
        f"<style>@import '{sink}/import';</style>",
        "<body onload=\"document.body.setAttribute('data-pwned','1')\">",
        f'<img srcset="{sink}/srcset 1x">',
        f"<input autofocus onfocus=\"fetch('{sink}/focus')\">",
    ]
    wraps = [
        lambda p: p,
        lambda p: p.upper(),
        lambda p: f"订单 {p} 已支付",
        lambda p: f"</title>{p}",
        lambda p: f"<!--{p}-->{p}",
    ]
    return [w(p) for w in wraps for p in base]
