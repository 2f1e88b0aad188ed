"""A real Dovecot IMAP server on loopback, with its own config in a temporary folder.

Used by the tests and the benchmarks. Runs `dovecot -F` from Debian's dovecot-imapd; its login
processes refuse to run as root, so mail belongs to a dedicated unprivileged user.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import time
from datetime import datetime
from pathlib import Path

import imapclient

MAIL_USER = "owmail"
PASSWORD = "s3cret-test-password"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ensure_mail_user() -> tuple[str, int, int]:
    if os.geteuid() != 0:
        me = pwd.getpwuid(os.geteuid())
        return me.pw_name, me.pw_uid, me.pw_gid
    try:
        entry = pwd.getpwnam(MAIL_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", MAIL_USER], check=True
        )
        entry = pwd.getpwnam(MAIL_USER)
    return entry.pw_name, entry.pw_uid, entry.pw_gid


class Dovecot:
    """Start with `start()`, stop with `stop()`; `users` get PLAIN passwords."""

    def __init__(self, root: Path, users: tuple[str, ...] = ("buyer",)) -> None:
        if shutil.which("dovecot") is None:
            raise RuntimeError("dovecot is not installed (Debian package dovecot-imapd); .ci/run installs it")
        self.root = root
        self.users = users
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.config = root / "dovecot.conf"

    def start(self) -> Dovecot:
        user, uid, gid = _ensure_mail_user()
        root = self.root
        for sub in ("run", "state", "mail"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        os.chmod(root, 0o755)
        os.chown(root / "mail", uid, gid)
        (root / "passwd").write_text("".join(f"{u}:{{PLAIN}}{PASSWORD}::::::\n" for u in self.users))
        is_root = os.geteuid() == 0
        login_user = "dovenull" if is_root else user
        internal_user = "dovecot" if is_root else user
        self.config.write_text(
            f"""
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
# kill -9 tests leave sessions behind until they time out
mail_max_userip_connections = 200
default_login_user = {login_user}
default_internal_user = {internal_user}
first_valid_uid = {min(uid, 100) if is_root else uid}
mail_location = maildir:{root}/mail/%u/Maildir
mail_uid = {uid}
mail_gid = {gid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  # no growing delay after wrong passwords: the tests try many, on purpose
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service stats {{
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
}}
"""
        )
        self.proc = subprocess.Popen(
            ["dovecot", "-F", "-c", str(self.config)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                out = self.proc.stdout.read().decode(errors="replace") if self.proc.stdout else ""
                raise RuntimeError(f"dovecot exited: {out}\n{self.log()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                    if sock.recv(64).startswith(b"* OK"):
                        return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"dovecot did not start: {self.log()}")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            self.proc = None

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # --- helpers for tests -------------------------------------------------------------------

    def client(self, user: str = "buyer") -> imapclient.IMAPClient:
        client = imapclient.IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=30)
        client.login(user, PASSWORD)
        return client

    def append(self, messages: list[tuple[bytes, datetime | None]], folder: str = "INBOX", user: str = "buyer") -> None:
        """Append raw messages, each with its INTERNALDATE, in chunks through MULTIAPPEND."""
        client = self.client(user)
        try:
            for i in range(0, len(messages), 500):
                chunk = messages[i : i + 500]
                if len(chunk) == 1 or not client.has_capability("MULTIAPPEND"):
                    for raw, when in chunk:
                        client.append(folder, raw, msg_time=when)
                else:
                    client.multiappend(folder, [{"msg": raw, "date": when} if when else raw for raw, when in chunk])
        finally:
            client.logout()

    def doveadm(self, *args: str) -> str:
        result = subprocess.run(["doveadm", "-c", str(self.config), *args], capture_output=True, text=True, check=True)
        return result.stdout

    def set_uidvalidity(self, folder: str, value: int, user: str = "buyer") -> None:
        self.doveadm("mailbox", "update", "-u", user, "--uid-validity", str(value), folder)

    def account_toml(self, name: str = "test", user: str = "buyer", port: int | None = None, extra: str = "") -> str:
        return (
            f'[[accounts]]\nname = "{name}"\nhost = "127.0.0.1"\nport = {port or self.port}\n'
            f'security = "none"\nusername = "{user}"\npassword = "${{OW_TEST_PASSWORD}}"\n{extra}\n'
        )
