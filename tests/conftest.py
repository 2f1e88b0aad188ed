"""Shared fixtures: a real Dovecot for the session, a fresh mailbox user per test, the CLI."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from orderwatch.parsers import pattern_cache

from tests.support.dovecot import PASSWORD, Dovecot

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "scenarios"  # the project's own scenario corpus; tests read nothing outside the repo
_users = itertools.count(1)
# Every process the tests start inherits this marker; the session ends by checking none is left.
# Under pytest-xdist the workers keep the mark of the run that started them: one run, one mark.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER")
SESSION_MARK = os.environ["ORDERWATCH_TEST_SESSION"] if _WORKER else f"{os.getpid()}-{int(time.time())}"
os.environ["ORDERWATCH_TEST_SESSION"] = SESSION_MARK
# CLI tests run under a private HOME; the readers' pattern cache stays the one `make setup` warmed
# (a cache: the answers are the same without it, tests/test_pattern_cache.py checks that).
os.environ.setdefault("ORDERWATCH_CACHE_DIR", str(pattern_cache.cache_dir()))


def _marked_processes() -> list[tuple[int, str]]:
    """Live processes (other than this one) started under this test session, with their command."""
    found = []
    needle = f"ORDERWATCH_TEST_SESSION={SESSION_MARK}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:120]
        except OSError:
            continue
        if state != "Z":
            found.append((int(entry.name), command))
    return found


@pytest.hookimpl(trylast=True)  # under xdist: after the workers have ended
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The suite leaves no process behind: wait a little for stragglers, then fail the run.
    Under xdist only the controlling process looks, once every worker has ended."""
    if _WORKER:
        return
    deadline = time.monotonic() + 15
    left = _marked_processes()
    while left and time.monotonic() < deadline:
        time.sleep(0.2)
        left = _marked_processes()
    if left:
        for pid, _ in left:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        lines = "\n".join(f"  {pid} {command}" for pid, command in left)
        sys.stderr.write(f"\nprocesses left behind by the tests (killed now):\n{lines}\n")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """One real Dovecot for the session. If it cannot start, the tests fail loudly (no skip)."""
    # Not under pytest's tmp folder: that is 0700, and Dovecot's auth process must read in here.
    root = Path(tempfile.mkdtemp(prefix="ow-dovecot-"))
    server = Dovecot(root, users=(*tuple(f"user{i}" for i in range(1, 201)), "buyer")).start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@dataclass
class Mailbox:
    """One fresh IMAP user on the session's Dovecot, with a config file that points at it."""

    server: Dovecot
    user: str
    config: Path
    db: Path

    def append(self, messages: list[tuple[bytes, Any]], folder: str = "INBOX") -> None:
        self.server.append(messages, folder=folder, user=self.user)


@pytest.fixture
def new_user(dovecot: Dovecot) -> Callable[[], str]:
    """Another fresh IMAP user on the session's Dovecot, for tests that need several mailboxes."""
    return lambda: f"user{next(_users)}"


@pytest.fixture
def mailbox(dovecot: Dovecot, tmp_path: Path) -> Mailbox:
    user = f"user{next(_users)}"
    config = tmp_path / "orderwatch.toml"
    config.write_text(
        f'[storage]\ndb = "{tmp_path / "ow.db"}"\n\n' + dovecot.account_toml(user=user, extra="batch_size = 50")
    )
    return Mailbox(dovecot, user, config, tmp_path / "ow.db")


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def run_cli(
    *args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 120
) -> Result:
    """Run `python -m orderwatch` in a subprocess: the contract as an outside caller sees it."""
    full_env = {**os.environ, "OW_TEST_PASSWORD": PASSWORD, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    full_env.pop("ORDERWATCH_CONFIG", None)
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "orderwatch", *map(str, args)],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd or ROOT,
        timeout=timeout,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def cli(tmp_path: Path):
    """run_cli with a private HOME, so the default data directory is the test's own."""
    home = tmp_path / "home"
    home.mkdir()

    def run(*args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None) -> Result:
        return run_cli(
            *args,
            env={"HOME": str(home), "XDG_DATA_HOME": str(home / ".local/share"), **(env or {})},
            cwd=cwd or tmp_path,
        )

    return run
