"""The agent end to end: `orderwatch agent` against a real local Prefect server, Dovecot and a
loopback webhook; IMAP IDLE with a dead connection; and the README's run command itself."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from orderwatch.config import load_settings
from orderwatch.push import watch_inbox
from tests.support.dovecot import PASSWORD
from tests.support.health import checks
from tests.support.mails import order_mail
from tests.support.prefect_api import PrefectServer
from tests.support.proxy import CuttingProxy
from tests.support.receivers import HttpSink

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def prefect_server() -> Iterator[PrefectServer]:
    server = PrefectServer().start()
    try:
        yield server
    finally:
        server.stop()


def wait_for(check: Callable[[], object], timeout: float, what: str, step: float = 0.2) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class Agent:
    """`python -m orderwatch agent` in its own session, stopped with SIGINT like Ctrl+C."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path, cwd: Path = ROOT) -> None:
        self.log = log
        out = log.open("wb")
        self.proc = subprocess.Popen(
            args, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=cwd, start_new_session=True
        )
        out.close()

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def alive(self) -> None:
        assert self.proc.poll() is None, self.output()[-4000:]

    def stop(self, group: bool = False) -> int:
        if self.proc.poll() is None:
            if group:
                os.killpg(self.proc.pid, signal.SIGINT)
            else:
                self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(90)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            raise AssertionError("the agent did not stop within 90 s of Ctrl+C") from None


def _config(tmp_path: Path, mailbox, urls: list[str], agent: str) -> Path:
    config = tmp_path / "orderwatch.toml"
    quoted = ", ".join(f'"{u}"' for u in urls)
    config.write_text(
        f'[storage]\ndb = "{tmp_path / "ow.db"}"\ndata_dir = "{tmp_path / "data"}"\n\n'
        + mailbox.server.account_toml(name="shop", user=mailbox.user)
        + f"\n[notify]\nurls = [{quoted}]\n\n[agent]\n{agent}\n"
    )
    return config


def _checks(db: Path) -> int:
    return checks(db, "shop")


def _start(tmp_path: Path, config: Path, server: PrefectServer) -> Agent:
    env = {**os.environ, **server.env(), "OW_TEST_PASSWORD": PASSWORD, "HOME": str(tmp_path)}
    return Agent([sys.executable, "-m", "orderwatch", "--config", str(config), "agent"], env, tmp_path / "agent.log")


def _latency_to_reminder(mailbox, http: HttpSink, n: int, timeout: float) -> float:
    overdue = order_mail(n, when=datetime.now(UTC) - timedelta(days=3))  # 自动发货, paid three days ago
    order_no = f"K{n:09d}QZ"
    start = time.monotonic()
    mailbox.append([(overdue, None)])
    wait_for(lambda: any(order_no in p["body"]["title"] for p in http.posts), timeout, f"the reminder for {order_no}")
    return time.monotonic() - start


def test_scheduled_run_picks_up_new_mail_and_the_webhook_gets_the_reminder(
    prefect_server: PrefectServer, mailbox, tmp_path: Path
) -> None:
    interval = 15  # longer than a run takes here (~8 s: a new Python per flow run on 2 cores)
    with HttpSink() as http:
        config = _config(tmp_path, mailbox, [http.url()], f'mailbox_every = "{interval} seconds"')
        agent = _start(tmp_path, config, prefect_server)
        try:
            wait_for(lambda: _checks(tmp_path / "ow.db") >= 1, 90, "the first mailbox run (started at once)")
            wait_for(lambda: _checks(tmp_path / "ow.db") >= 2, 90, "the first scheduled run")
            agent.alive()
            latency = _latency_to_reminder(mailbox, http, 2, timeout=interval + 45)
            wait_for(
                lambda: _checks(tmp_path / "ow.db") >= 3, interval * 4, "another scheduled run (that must not resend)"
            )
        finally:
            code = agent.stop()
        print(f"\nscheduled mailbox run: mail appended -> webhook reminder in {latency:.1f} s (interval {interval} s)")
        assert latency <= interval + 6  # one interval, plus the runner's 1 s poll and the run's own start
        assert [p["body"]["title"] for p in http.posts].count(http.posts[0]["body"]["title"]) == 1  # once
    assert code == 0, agent.output()[-3000:]
    assert f"Prefect UI: {prefect_server.url.removesuffix('/api')}" in agent.output()
    assert not (tmp_path / "data" / "prefect" / "server.log").exists()  # PREFECT_API_URL set: no own server
    deployment = prefect_server.deployment("mailbox", "orderwatch-mailbox")
    assert deployment["paused"] is False and all(s["active"] for s in deployment["schedules"])  # survives restarts
    prefect_server.delete_deployments()


def test_idle_starts_a_run_within_seconds_of_new_mail(prefect_server: PrefectServer, mailbox, tmp_path: Path) -> None:
    with HttpSink() as http:
        config = _config(tmp_path, mailbox, [http.url()], 'mailbox_every = "1 hour"\nidle = true')
        agent = _start(tmp_path, config, prefect_server)
        try:
            wait_for(lambda: _checks(tmp_path / "ow.db") >= 1, 90, "the run IDLE starts on connecting")
            time.sleep(2)  # let the first run finish and IDLE settle
            latencies = [_latency_to_reminder(mailbox, http, n, timeout=30) for n in (6, 8)]
        finally:
            code = agent.stop()
    print(f"\nIDLE: mail appended -> webhook reminder in {', '.join(f'{x:.1f} s' for x in latencies)}")
    # The schedule is once an hour: a reminder within the 30 s wait can only come from IDLE. How
    # fast (about 7-10 s on 2 cores, mostly the flow run's start) is a figure, not a pass mark.
    assert max(latencies) < 30
    assert code == 0
    prefect_server.delete_deployments()


def test_idle_notices_a_dead_connection_and_reconnects(
    mailbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[float] = []
    stop = threading.Event()
    with CuttingProxy(mailbox.server.port) as proxy:
        config = tmp_path / "orderwatch.toml"
        toml = mailbox.server.account_toml(name="shop", user=mailbox.user, port=proxy.port, extra="timeout = 2")
        config.write_text(toml)
        monkeypatch.setenv("OW_TEST_PASSWORD", PASSWORD)
        account = load_settings(config).account("shop")
        thread = threading.Thread(
            target=watch_inbox, args=(account, lambda: events.append(time.monotonic()), stop, 1.5, (0.5,)), daemon=True
        )
        thread.start()
        try:
            wait_for(lambda: len(events) >= 1, 20, "the first connection")
            mailbox.append([(order_mail(10), None)])
            wait_for(lambda: len(events) >= 2, 10, "IDLE announcing new mail")
            proxy.blackhole = True  # the connection dies silently: no FIN, no RST
            time.sleep(6)  # IDLE renews every 1.5 s; the dead socket times out after 2 s; reconnects fail
            stalled = len(events)
            proxy.blackhole = False
            wait_for(lambda: len(events) > stalled, 20, "the reconnect (it reports possible missed mail)")
            before = len(events)
            mailbox.append([(order_mail(12), None)])
            wait_for(lambda: len(events) > before, 10, "IDLE announcing mail after the reconnect")
        finally:
            stop.set()
            thread.join(10)
    assert not thread.is_alive()


def test_readme_run_command_brings_up_the_demo(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text()
    command = re.search(r"```\n(.+?)\n", readme).group(1).split("#")[0].strip()
    assert command == "make run"
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "ORDERWATCH_", "XDG_"))}
    env.update({"HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
    data = home / ".local/share/orderwatch"
    agent = Agent(["sh", "-c", command], env, tmp_path / "run.log", cwd=ROOT)
    started = time.monotonic()
    try:
        ui = wait_for(lambda: re.search(r"Prefect UI: (http://\S+)", agent.output()), 120, "the Prefect UI line")
        cases = wait_for(lambda: _first_cycle_done(data), 120, "the demo's reminders and case bundles")
        elapsed = time.monotonic() - started
        with urllib.request.urlopen(ui.group(1), timeout=10) as page:
            assert page.status == 200 and b"<html" in page.read(2000).lower()
        agent.alive()
    finally:
        code = agent.stop(group=True)
    print(f"\nREADME run command: demo alerts, reminders and case bundles after {elapsed:.1f} s")
    assert cases
    out = agent.output()
    assert "bundled demo mailbox" in out and "orderwatch init" in out
    notes = list((data / "notifications").glob("*.txt"))
    assert len(notes) == 6, out[-3000:]  # the demo's six alerts, one reminder each
    bundle = next((data / "cases").glob("case-*"))
    assert {"index.html", "case.pdf", "manifest.json", "timeline.md"} <= {p.name for p in bundle.iterdir()}
    # A Chinese case's PDF shows its Chinese, in the font `make run` installed from PyPI (no system font).
    chinese = next(b for b in (data / "cases").glob("case-*") if "订单" in (b / "timeline.md").read_text())
    pdf = chinese / "case.pdf"
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    assert "维权材料" in text and "订单" in text and "?" * 3 not in text
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
    assert "NotoSansCJK" in fonts, fonts
    assert len(list((chinese / "evidence").glob("*.png"))) >= 1
    assert elapsed < 60, f"the demo took {elapsed:.0f} s"
    assert code in (0, 2, 130, -2), out[-3000:]  # make reports the interrupt; the agent itself exits 0
    port = int(ui.group(1).rsplit(":", 1)[1].strip("/"))
    wait_for(lambda: _port_closed(port), 30, "the Prefect server to stop")
    # After `make run`, the CLI sees what the agent saw: the same (demo) database, said in one line.
    listed = subprocess.run(
        [sys.executable, "-m", "orderwatch", "orders", "--json"], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 10
    assert listed.stderr.strip() == "demo mailbox — run `orderwatch init` to watch yours"


def _first_cycle_done(data: Path) -> bool:
    bundles = list((data / "cases").glob("case-*"))
    return len(bundles) >= 6 and all((b / "manifest.json").exists() for b in bundles)


def _port_closed(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0
