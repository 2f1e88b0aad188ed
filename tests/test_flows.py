"""The flows under prefect_test_harness (a real Prefect API on loopback, SQLite in a temp dir),
against the session's Dovecot and a loopback webhook. Business logic is tested elsewhere; here:
the flows call it, retry only what time can fix, and notify once."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from orderwatch.flows import mailbox as mailbox_module
from orderwatch.flows.deadlines import deadlines
from orderwatch.flows.deployments import deployments
from orderwatch.flows.export import export_case
from orderwatch.flows.mailbox import mailbox as mailbox_flow
from orderwatch.flows.policy import transient
from prefect.states import Failed
from prefect.testing.utilities import prefect_test_harness

from orderwatch.errors import ConfigError, MailboxError, NotifyError
from tests.support.dovecot import PASSWORD, Dovecot
from tests.support.mails import order_mail
from tests.support.receivers import HttpSink

CANARY = "wrong-Pa55word-canary"


@pytest.fixture(scope="module", autouse=True)
def harness() -> Iterator[None]:
    with prefect_test_harness(server_startup_timeout=120):
        yield


def _config(
    tmp_path: Path, dovecot: Dovecot, user: str, urls: list[str], password: str = PASSWORD, extra: str = ""
) -> Path:
    account = dovecot.account_toml(name="shop", user=user).replace('"${OW_TEST_PASSWORD}"', f'"{password}"')
    quoted = ", ".join(f'"{u}"' for u in urls)
    config = tmp_path / "orderwatch.toml"
    config.write_text(
        f'[storage]\ndb = "{tmp_path / "ow.db"}"\ndata_dir = "{tmp_path / "data"}"\n\n{account}\n'
        f"[notify]\nurls = [{quoted}]\n\n[agent]\n{extra}\n"
    )
    return config


def _health(tmp_path: Path) -> dict:
    with sqlite3.connect(tmp_path / "ow.db") as conn:
        return json.loads(conn.execute("select value from meta where key = 'health:shop'").fetchone()[0])


def test_mailbox_flow_syncs_reminds_once_and_keeps_the_case_ready(mailbox, tmp_path: Path) -> None:
    dovecot, user = mailbox.server, mailbox.user
    dovecot.append([(order_mail(2, when=datetime.now(UTC) - timedelta(days=3)), None)], user=user)
    with HttpSink() as http:
        config = str(_config(tmp_path, dovecot, user, [http.url()]))
        first = mailbox_flow(config=config)
        second = mailbox_flow(config=config)
    assert first["accounts"][0]["new"] == 1 and second["accounts"][0]["new"] == 0
    assert [a["kind"] for a in first["alerts"]] == ["delivery_overdue"]
    assert len(http.posts) == 1  # two runs, one reminder
    assert "K000000002QZ" in http.posts[0]["body"]["title"]
    (bundle,) = first["exported"]
    assert (Path(bundle) / "manifest.json").is_file() and (Path(bundle) / "case.pdf").stat().st_size > 1000
    assert second["exported"] == []  # unchanged timeline: the ready bundle is not rebuilt
    assert _health(tmp_path)["checks"] == 2 and _health(tmp_path)["failing_since"] is None


def test_bad_password_is_retried_then_reported_once_in_plain_words(
    mailbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dovecot, user = mailbox.server, mailbox.user
    fast = mailbox_module.check_account.with_options(retry_delay_seconds=0)
    monkeypatch.setattr(mailbox_module, "check_account", fast)
    with HttpSink() as http:
        config = str(_config(tmp_path, dovecot, user, [http.url()], password=CANARY))
        state = mailbox_flow(config=config, return_state=True)
        assert state.is_failed()
        assert _health(tmp_path)["checks"] == 3  # the first attempt and two retries
        assert http.posts == []  # failing for less than health_after (1 hour): not yet
        later = datetime.now(UTC) + timedelta(hours=1, minutes=1)
        for _ in range(2):
            deadlines(config=config, as_of=later.isoformat())
        assert len(http.posts) == 1  # one notice per outage, however many runs see it
        notice = http.posts[0]["body"]
        assert "not checked" in notice["title"] and "refused the login" in notice["message"]
        assert "authorization code" in notice["message"]
        assert CANARY not in json.dumps(http.posts) and CANARY not in json.dumps(_health(tmp_path))
        # fixed: the next run succeeds and the outage is over
        good = _config(tmp_path, dovecot, user, [http.url()])
        assert mailbox_flow(config=str(good))["accounts"][0]["error"] is None
    assert _health(tmp_path)["failing_since"] is None


def test_only_transient_failures_are_retried() -> None:
    assert transient(None, None, Failed(data=MailboxError("shop: cannot connect to 127.0.0.1:1: refused")))
    assert transient(None, None, Failed(data=NotifyError("1 notification(s) not accepted")))
    assert not transient(None, None, Failed(data=ConfigError("no account named 'x'")))
    assert not transient(None, None, Failed(data=KeyError("a bug")))


def test_digest_only_from_the_daily_run_and_export_flow_writes_a_zip(mailbox, tmp_path: Path) -> None:
    dovecot, user = mailbox.server, mailbox.user
    dovecot.append([(order_mail(4, when=datetime.now(UTC) - timedelta(days=3)), None)], user=user)
    apprise_yaml = tmp_path / "apprise.yml"
    with HttpSink() as http:
        apprise_yaml.write_text(f"urls:\n  - {http.url('digest-token')}:\n    - tag: digest\n")
        config = _config(tmp_path, dovecot, user, [])
        config.write_text(config.read_text().replace("[notify]\n", f'[notify]\nconfig = "{apprise_yaml}"\n'))
        mailbox_flow(config=str(config))
        assert http.posts == []  # the mailbox run never sends the digest
        deadlines(config=str(config), digest=True)
        deadlines(config=str(config), digest=True)
        assert len(http.posts) == 1 and "open case" in http.posts[0]["body"]["title"]
    out = tmp_path / "export"
    path = Path(export_case(order="K000000004QZ", config=str(config), out=str(out), fmt="zip"))
    assert path.suffix == ".zip" and path.parent == out and path.stat().st_mode & 0o777 == 0o600


def test_deployments_take_prefect_yaml_and_the_agent_schedule(tmp_path: Path) -> None:
    config = tmp_path / "orderwatch.toml"
    config.write_text(
        f'[storage]\ndata_dir = "{tmp_path}"\n[[accounts]]\nname = "m"\nmaildir = "{tmp_path}"\n'
        '[agent]\nmailbox_every = "90 seconds"\ndigest_at = "08:30"\ntimezone = "Asia/Shanghai"\n'
    )
    deps = {d.name: d for d in deployments(str(config), None)}
    assert set(deps) == {"orderwatch-mailbox", "orderwatch-digest", "orderwatch-export"}
    poll = deps["orderwatch-mailbox"].schedules[0].schedule
    assert poll.interval == timedelta(seconds=90)
    digest = deps["orderwatch-digest"].schedules[0].schedule
    assert digest.cron == "30 8 * * *" and digest.timezone == "Asia/Shanghai"
    assert deps["orderwatch-digest"].parameters["digest"] is True
    assert deps["orderwatch-mailbox"].concurrency_limit == 1
    assert deps["orderwatch-mailbox"].concurrency_options.collision_strategy.value == "CANCEL_NEW"
    assert deps["orderwatch-export"].schedules == []
    assert all(d.parameters["config"] == str(config) for d in deps.values())
    assert deps["orderwatch-mailbox"].entrypoint == "orderwatch.flows.mailbox.mailbox"


def test_check_notify_and_the_deadlines_flow_send_the_same_notifications(tmp_path: Path) -> None:
    """One path: for the same store and instant, `orderwatch check --notify` sends exactly what the
    scheduled deadlines flow sends: the reminders and the mailbox-health notice alike."""
    import shutil
    import socket

    from tests.conftest import run_cli

    with socket.socket() as probe:  # a port nobody listens on: the account's checks fail
        probe.bind(("127.0.0.1", 0))
        dead_port = probe.getsockname()[1]
    mail = tmp_path / "mail"
    mail.mkdir()
    for n in (6, 7):
        (mail / f"{n}.eml").write_bytes(order_mail(n, when=datetime.now(UTC) - timedelta(days=40)))

    def config(name: str, url: str) -> Path:
        path = tmp_path / f"{name}.toml"
        path.write_text(
            f'[storage]\ndb = "{tmp_path / name}.db"\ndata_dir = "{tmp_path / name}"\n\n'
            f'[[accounts]]\nname = "shop"\nhost = "127.0.0.1"\nport = {dead_port}\nusername = "u"\n'
            f'password = "p"\nsecurity = "none"\n\n[notify]\nurls = ["{url}"]\n'
        )
        return path

    with HttpSink() as by_cli, HttpSink() as by_flow:
        cli_config, flow_config = config("cli", by_cli.url()), config("flow", by_flow.url())
        env = {"HOME": str(tmp_path)}
        assert run_cli("--config", cli_config, "import", mail, env=env).code == 0
        assert run_cli("--config", cli_config, "sync", env=env).code == 1  # the mailbox is down: health recorded
        shutil.copy(tmp_path / "cli.db", tmp_path / "flow.db")  # the same store for both paths
        at = (datetime.now(UTC) + timedelta(hours=2)).isoformat()  # past `health_after` (1 hour)
        assert run_cli("--config", cli_config, "check", "--notify", "--as-of", at, env=env).code == 0
        deadlines(config=str(flow_config), as_of=at)

    def sent(sink: HttpSink) -> list[tuple[str, str]]:
        return sorted((p["body"]["title"], p["body"]["message"]) for p in sink.posts)

    assert sent(by_cli) == sent(by_flow)
    titles = [title for title, _ in sent(by_cli)]
    assert len(titles) == 3  # two overdue orders and the mailbox notice
    assert sum("not checked" in t for t in titles) == 1
