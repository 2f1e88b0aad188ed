"""Configuration: the contract's keys, ${VAR} secrets, clear errors."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from orderwatch.config import load_settings
from orderwatch.errors import ConfigError
from orderwatch.secret import Secret

FULL = """
[storage]
db = "data/ow.db"

[[accounts]]
name = "qq"
host = "imap.qq.com"
port = 993
security = "ssl"
username = "me@qq.com"
password = "${QQ_IMAP_CODE}"
folders = ["INBOX", "Sent"]

[[accounts]]
name = "local"
maildir = "~/Mail"

[notify]
urls = ["bark://${BARK_KEY}@api.day.app"]

[rules]
complaint_window_days = 7
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "orderwatch.toml"
    path.write_text(text)
    return path


def test_full_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QQ_IMAP_CODE", "abcd-efgh")
    monkeypatch.setenv("BARK_KEY", "k3y")
    settings = load_settings(_write(tmp_path, FULL))
    assert settings.db_path == tmp_path / "data" / "ow.db"
    qq, local = settings.accounts
    assert (qq.kind, qq.host, qq.effective_port, qq.folders) == ("imap", "imap.qq.com", 993, ("INBOX", "Sent"))
    assert qq.password.reveal() == "abcd-efgh"
    assert local.kind == "maildir" and local.maildir == Path.home() / "Mail"
    assert settings.notify_urls[0].reveal() == "bark://k3y@api.day.app"
    assert settings.rules == {"complaint_window_days": 7}


def test_secrets_never_print(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QQ_IMAP_CODE", "abcd-efgh")
    monkeypatch.setenv("BARK_KEY", "k3y")
    settings = load_settings(_write(tmp_path, FULL))
    shown = repr(settings) + str(settings.accounts) + repr(pickle.loads(pickle.dumps(settings.accounts[0])))
    assert "abcd-efgh" not in shown and "k3y" not in shown
    assert Secret("x") == Secret("x") and not Secret("")


def test_missing_secret_variable_fails_only_when_used_and_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QQ_IMAP_CODE", raising=False)
    settings = load_settings(_write(tmp_path, FULL))  # offline commands load the settings fine
    password = settings.accounts[0].password
    assert password  # configured, just not available here
    with pytest.raises(ConfigError, match=r"\$\{QQ_IMAP_CODE\}"):
        password.reveal()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[accounts]]\nname = 'x'\n", "needs host"),
        ("[[accounts]]\nhost = 'h'\nsecurity = 'tls'\n", "security must be"),
        ("[[accounts]]\nhost = 'h'\nport = -1\n", "port must be"),
        ("[[accounts]]\nname='a'\nhost='h'\n[[accounts]]\nname='a'\nhost='h'\n", "share a name"),
        ("accounts = 3\n", "array of tables"),
        ("this is not toml", "not valid TOML"),
    ],
)
def test_bad_config_is_a_config_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(_write(tmp_path, text))


def test_explicit_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml")


def test_defaults_without_any_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ORDERWATCH_CONFIG", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    settings = load_settings(None, db=None)
    assert settings.source is None and settings.accounts == ()
    assert settings.db_path == tmp_path / "xdg" / "orderwatch" / "orderwatch.db"
    assert load_settings(None, db=tmp_path / "x.db").db_path == tmp_path / "x.db"


def test_bad_config_through_the_cli_exits_2(cli, tmp_path: Path) -> None:
    result = cli("--config", _write(tmp_path, "[[accounts]]\nname = 'x'\n"), "sync")
    assert result.code == 2
    assert result.stderr.startswith("error: ") and "needs host" in result.stderr
