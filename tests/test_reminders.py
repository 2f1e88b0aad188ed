"""Reminders through real receiving ends: each notification delivered once, over outages,
repeats, quiet hours, tag routing and a crash between sending and recording."""

from __future__ import annotations

import sqlite3
from email import message_from_bytes
from pathlib import Path

from orderwatch.domain.drafts import EXTRA_KINDS
from orderwatch.domain.model import ALERT_KINDS
from tests.conftest import CORPUS
from tests.support.corpus import Scenario
from tests.support.dovecot import free_port
from tests.support.receivers import HttpSink, SmtpSink

ACK = CORPUS / "zh-kameng-ack-48h-overdue"  # one alert at its as_of: complaint_unanswered
AS_OF = "2026-03-14T11:00:00+08:00"


def _setup(tmp_path: Path, urls: list[str], extra: str = "") -> Path:
    config = tmp_path / "orderwatch.toml"
    quoted = ", ".join(f'"{u}"' for u in urls)
    config.write_text(f'[storage]\ndb = "{tmp_path / "ow.db"}"\n\n[notify]\nurls = [{quoted}]\n{extra}\n')
    return config


def _import(cli, config: Path, scenario: Path = ACK) -> None:
    sc = Scenario.load(scenario)
    for folder in ("INBOX", "Sent"):
        if sc.files(folder):
            assert cli("--config", config, "import", "--folder", folder, *sc.files(folder)).code == 0


def _outbox(tmp_path: Path) -> list[tuple]:
    with sqlite3.connect(tmp_path / "ow.db") as conn:
        return conn.execute(
            "select kind, round, state, attempts, target_label from outbox order by created_at"
        ).fetchall()


def test_email_and_webhook_each_get_it_once(cli, tmp_path: Path) -> None:
    with SmtpSink() as smtp, HttpSink() as http:
        config = _setup(tmp_path, [smtp.url(), http.url()])
        _import(cli, config)
        for _ in range(2):
            result = cli("--config", config, "check", "--as-of", AS_OF, "--notify", "--json")
            assert result.code == 0, result.stderr
        assert len(http.posts) == 1 and len(smtp.messages) == 1
    post = http.posts[0]["body"]
    assert "Z3QW8K1DM7XT5N2B" in post["title"] and "52.00" in post["message"]  # the draft travels in the body
    mail = message_from_bytes(smtp.messages[0].content)
    attachments = [p for p in mail.walk() if p.get_filename()]
    assert attachments and attachments[0].get_filename().endswith(".eml")  # and as an attached draft
    texts = [p.get_payload(decode=True).decode() for p in mail.walk() if p.get_content_maintype() == "text"]
    assert any("Z3QW8K1DM7XT5N2B" in t for t in texts)


def test_a_target_down_gets_it_later_once(cli, tmp_path: Path) -> None:
    port = free_port()
    config = _setup(tmp_path, [f"json://127.0.0.1:{port}/hook"])
    _import(cli, config)
    first = cli("--config", config, "check", "--as-of", AS_OF, "--notify")
    assert "failed 1" in first.stderr
    assert [r[2] for r in _outbox(tmp_path)] == ["failed"]
    with HttpSink(port) as http:
        too_soon = cli("--config", config, "check", "--as-of", AS_OF, "--notify")  # backoff not over
        assert "sent 0" in too_soon.stderr and http.posts == []
        later = "2026-12-31T00:00:00+08:00"  # past the backoff; the clock is still open
        cli("--config", config, "check", "--as-of", later, "--notify")
        cli("--config", config, "check", "--as-of", later, "--notify")
        delivered = [p for p in http.posts if "Z3QW8K1DM7XT5N2B" in p["body"]["title"]]
        assert len([p for p in delivered if "再次提醒" not in p["body"]["title"]]) == 1
    states = {(r[0], r[1]): (r[2], r[3]) for r in _outbox(tmp_path)}
    assert states[("complaint_unanswered", 0)] == ("sent", 2)


def test_crash_between_sending_and_recording_does_not_resend(cli, tmp_path: Path) -> None:
    with HttpSink() as http:
        config = _setup(tmp_path, [http.url()])
        _import(cli, config)
        crashed = cli(
            "--config", config, "check", "--as-of", AS_OF, "--notify", env={"ORDERWATCH_CRASH_AT": "after-send"}
        )
        assert crashed.code == 137 and len(http.posts) == 1
        cli("--config", config, "check", "--as-of", AS_OF, "--notify")
        assert len(http.posts) == 1  # claimed and in flight: not sent again
        with sqlite3.connect(tmp_path / "ow.db") as conn:  # an hour later the claim is stale
            conn.execute("update outbox set next_attempt_at = '2000-01-01T00:00:00+00:00' where state = 'sending'")
        cli("--config", config, "check", "--as-of", AS_OF, "--notify")
        assert len(http.posts) == 1
    status = cli("--config", config, "status", "--json").json()
    assert status["notifications"] == {"unknown": 1}
    assert status["delivery_unknown"][0]["kind"] == "complaint_unanswered"  # surfaced, not resent


def test_stronger_reminder_repeats_at_most_k_times(cli, tmp_path: Path) -> None:
    with HttpSink() as http:
        config = _setup(tmp_path, [http.url()], 'repeat_after = "1 hours"\nrepeat_max = 1')
        _import(cli, config)
        cli("--config", config, "check", "--as-of", AS_OF, "--notify")
        cli("--config", config, "check", "--as-of", AS_OF, "--notify")
        assert len(http.posts) == 1
        with sqlite3.connect(tmp_path / "ow.db") as conn:  # the first one went out two hours ago
            conn.execute("update outbox set sent_at = '2000-01-01T00:00:00+00:00'")
        for _ in range(3):
            cli("--config", config, "check", "--as-of", AS_OF, "--notify")
        titles = [p["body"]["title"] for p in http.posts]
        assert len(titles) == 2 and "再次提醒" in titles[1]


def test_quiet_hours_hold_what_is_not_urgent(cli, tmp_path: Path) -> None:
    with HttpSink() as http:
        config = _setup(tmp_path, [http.url()], 'quiet_hours = "00:00-23:59"')
        _import(cli, config)
        result = cli("--config", config, "check", "--as-of", AS_OF, "--notify")
        assert "held for quiet hours 1" in result.stderr and http.posts == []


def test_urgent_tag_gets_only_urgent_reminders(cli, tmp_path: Path) -> None:
    with HttpSink() as phone, HttpSink() as everything:
        apprise_yml = tmp_path / "apprise.yml"
        apprise_yml.write_text(f"urls:\n  - {phone.url('phone')}:\n      tag: urgent\n  - {everything.url('all')}\n")
        config = tmp_path / "orderwatch.toml"
        config.write_text(f'[storage]\ndb = "{tmp_path / "ow.db"}"\n[notify]\nconfig = "{apprise_yml}"\n')
        _import(cli, config, CORPUS / "zh-kameng-evidence-stated-deadline")
        # evidence due 03-19 18:00: 10 h ahead at this instant -> urgent
        cli("--config", config, "check", "--as-of", "2026-03-19T08:00:00+08:00", "--notify")
        _import(cli, config, CORPUS / "zh-kameng-ack-48h-overdue")  # an overdue clock: not urgent
        cli("--config", config, "check", "--as-of", "2026-03-19T08:00:00+08:00", "--notify")
        assert [p["body"]["title"] for p in phone.posts] == [
            t for t in [p["body"]["title"] for p in phone.posts] if "凭证" in t
        ]
        assert len(phone.posts) == 1 and len(everything.posts) == 2


def test_no_target_means_the_local_outbox(cli, tmp_path: Path) -> None:
    config = tmp_path / "orderwatch.toml"
    config.write_text(f'[storage]\ndb = "{tmp_path / "ow.db"}"\ndata_dir = "{tmp_path / "data"}"\n')
    _import(cli, config)
    result = cli("--config", config, "check", "--as-of", AS_OF, "--notify")
    assert "[notification]" in result.stdout and "Z3QW8K1DM7XT5N2B" in result.stdout
    assert len(list((tmp_path / "data" / "notifications").iterdir())) == 1


def test_target_secrets_stay_out_of_db_and_output(cli, tmp_path: Path) -> None:
    with HttpSink() as http:
        secret = "tok-9f8e7d6c5b4a"
        config = _setup(tmp_path, [http.url(secret)])
        _import(cli, config)
        result = cli("--config", config, "check", "--as-of", AS_OF, "--notify", "--json")
        assert http.posts and http.posts[0]["path"].endswith(secret)  # it reached the real URL
    assert secret not in result.stdout + result.stderr
    assert secret.encode() not in (tmp_path / "ow.db").read_bytes()
    status = cli("--config", config, "status", "--json")
    assert secret not in status.stdout


def test_users_own_templates_come_first(cli, tmp_path: Path) -> None:
    mine = tmp_path / "my-templates" / "drafts"
    mine.mkdir(parents=True)
    (mine / "outside_complaint.zh.j2").write_text("Subject: 我的模板 {{ order_no }}\n我自己的措辞：{{ amount }}\n")
    config = tmp_path / "orderwatch.toml"
    config.write_text(f'[storage]\ndb = "{tmp_path / "ow.db"}"\n[drafts]\ntemplates = "{tmp_path / "my-templates"}"\n')
    _import(cli, config)
    result = cli("--config", config, "draft", "Z3QW8K1DM7XT5N2B", "--as-of", AS_OF)
    assert result.stdout.startswith("Subject: 我的模板 Z3QW8K1DM7XT5N2B") and "52.00元" in result.stdout
    other = cli("--config", config, "draft", "Z3QW8K1DM7XT5N2B", "--kind", "heimao_post", "--as-of", AS_OF)
    assert "投诉要求：退款 52.00元" in other.stdout  # not overridden: ours


def test_every_draft_kind_renders_in_both_languages(cli, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    sc = Scenario.load(ACK)
    cli("--db", db, "import", *sc.files("INBOX"))
    kinds = ALERT_KINDS + EXTRA_KINDS
    for kind in kinds:
        for lang in ("zh", "en"):
            result = cli("--db", db, "draft", "Z3QW8K1DM7XT5N2B", "--kind", kind, "--lang", lang, "--as-of", AS_OF)
            assert result.code == 0, (kind, lang, result.stderr)
            assert result.stdout.startswith("Subject: ") and "Z3QW8K1DM7XT5N2B" in result.stdout, (kind, lang)
    assert cli("--db", db, "draft", "Z3QW8K1DM7XT5N2B", "--kind", "nonsense").code == 2
