"""`orderwatch agent`: the scheduled personal agent, as two child processes we supervise.

- With no `PREFECT_API_URL` in the environment, a local `prefect server` (its own SQLite database
  under our data directory, never our file; telemetry off) on 127.0.0.1. Prefect cannot schedule
  on the ephemeral in-process server, so a real one is needed.
- `python -m orderwatch.flows.serve`: registers the deployments and runs them on schedule.

Both run in their own sessions, so Ctrl+C reaches us first and we stop them in order: the
runner (it finishes or cancels its runs), then the server. This module starts processes and
talks HTTP to a health endpoint only; everything Prefect is in `flows/`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from orderwatch.config import Settings
from orderwatch.errors import OrderwatchError

HEALTH_TIMEOUT = 120.0
STOP_GRACE = 20.0


class AgentError(OrderwatchError):
    """The Prefect server or the runner could not be started."""


@dataclass
class Plan:
    api_url: str
    ui_url: str | None
    start_server: bool
    port: int | None


def plan(settings: Settings, port: int | None = None) -> Plan:
    """Use the configured Prefect API, or a local server on the configured (or a free) port."""
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        return Plan(configured.rstrip("/"), configured.rstrip("/").removesuffix("/api"), False, None)
    port = port or settings.agent.port
    if not _port_free(port):
        port = _free_port()
    base = f"http://127.0.0.1:{port}"
    return Plan(f"{base}/api", base, True, port)


def environment(settings: Settings, api_url: str) -> dict[str, str]:
    """The children's environment: our API, Prefect's home under our data directory, no telemetry."""
    home = settings.data_dir / "prefect"
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    env = dict(os.environ)
    env.setdefault("PREFECT_HOME", str(home))
    env.setdefault("PREFECT_RUNNER_POLL_FREQUENCY", "1")  # a run started by IDLE begins within seconds
    env.update(
        {
            "PREFECT_API_URL": api_url,
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_SERVER_API_HOST": "127.0.0.1",
            "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{home / 'prefect.db'}",
            "PREFECT_UI_URL": api_url.removesuffix("/api"),
        }
    )
    return env


def run(
    settings: Settings,
    config: str | None,
    db: str | None,
    say: Callable[[str], None],
    port: int | None = None,
) -> int:
    """Start (or find) the server, serve the deployments, and stop everything on a signal."""
    where = plan(settings, port)
    env = environment(settings, where.api_url)
    log_path = settings.data_dir / "prefect" / "server.log"
    stopping = False

    def on_signal(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    server = runner = None
    try:
        if where.start_server:
            say(f"Starting a local Prefect server (its log: {log_path}) …")
            server = _spawn(
                ["-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(where.port)],
                env,
                log_path,
            )
        _wait_healthy(where.api_url, server, lambda: stopping)
        if stopping:
            return 0
        say(f"Prefect UI: {where.ui_url}  (flow runs, schedules, logs)")
        args = (
            ["-m", "orderwatch.flows.serve"] + (["--config", config] if config else []) + (["--db", db] if db else [])
        )
        runner = _spawn(args, env, None)
        say(
            f"Agent running: mailbox every {_human(settings.agent.mailbox_every.total_seconds())}, "
            f"digest daily at {settings.agent.digest_at}"
            + (", IMAP IDLE on" if settings.agent.idle else "")
            + ". Ctrl+C stops it."
        )
        while not stopping:
            if runner.poll() is not None:
                raise AgentError(f"the flow runner stopped unexpectedly (exit {runner.returncode})")
            if server is not None and server.poll() is not None:
                raise AgentError(f"the Prefect server stopped unexpectedly (exit {server.returncode}); see {log_path}")
            time.sleep(0.5)
        say("Stopping …")
        return 0
    finally:
        _stop(runner, signal.SIGINT)
        _stop(server, signal.SIGTERM)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _spawn(args: list[str], env: dict[str, str], log_path: Path | None) -> subprocess.Popen[bytes]:
    out = None
    if log_path is not None:
        fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        out = os.fdopen(fd, "ab")
    try:
        return subprocess.Popen(
            [sys.executable, *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT if out else None,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl+C comes to us; we stop the children in order
        )
    finally:
        if out is not None:
            out.close()


def _wait_healthy(api_url: str, server: subprocess.Popen[bytes] | None, stopping: Callable[[], bool]) -> None:
    deadline = time.monotonic() + HEALTH_TIMEOUT
    while time.monotonic() < deadline and not stopping():
        if server is not None and server.poll() is not None:
            raise AgentError(f"the Prefect server exited during start-up (exit {server.returncode})")
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            if response.status == 200:
                return
        time.sleep(0.25)
    if not stopping():
        raise AgentError(f"the Prefect API at {api_url} did not become healthy within {HEALTH_TIMEOUT:.0f} s")


def _stop(proc: subprocess.Popen[bytes] | None, sig: signal.Signals) -> None:
    """Ask politely, then insist: the whole process group, so flow-run children go too."""
    if proc is None or proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, sig)
    try:
        proc.wait(STOP_GRACE)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _human(seconds: float) -> str:
    if seconds % 3600 == 0:
        return f"{seconds / 3600:.0f} h"
    if seconds % 60 == 0:
        return f"{seconds / 60:.0f} min"
    return f"{seconds:.0f} s"
