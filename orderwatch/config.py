"""Settings: one loader for the CLI, the flows and the tests.

The file is TOML (contract.md, "Configuration file"). Any string may say `${VAR}` to take a value
from the environment, which is how secrets get in: they are wrapped in `Secret` at once and never
written anywhere by us.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from datetime import timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from orderwatch.errors import ConfigError
from orderwatch.secret import Secret

APP_NAME = "orderwatch"
SECURITY_MODES = ("ssl", "starttls", "none")
_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class Account:
    """One mailbox: an IMAP server, or a local Maildir (for mbsync/getmail users)."""

    name: str
    host: str | None = None
    port: int | None = None
    security: str = "ssl"
    username: str = ""
    password: Secret = field(default_factory=lambda: Secret(""))
    folders: tuple[str, ...] | None = None  # None: INBOX and the \Sent special-use folder
    maildir: Path | None = None
    tls_verify: bool = True
    tls_fingerprint: str | None = None  # SHA-256 of a self-signed server certificate the user pinned
    timeout: float = 60.0
    batch_size: int = 200  # messages per FETCH and per commit: bounds memory and lost work

    @property
    def kind(self) -> str:
        return "maildir" if self.maildir is not None else "imap"

    @property
    def effective_port(self) -> int:
        if self.port:
            return self.port
        return 993 if self.security == "ssl" else 143


@dataclass(frozen=True)
class AgentOptions:
    """[agent]: how the scheduled agent runs (schedules, health, push)."""

    mailbox_every: timedelta = timedelta(minutes=5)  # the mailbox run's interval
    digest_at: str = "09:00"  # the daily digest, local time (HH:MM)
    timezone: str | None = None  # IANA name for the digest; None: this machine's zone
    health_after: timedelta = timedelta(hours=1)  # no successful check for this long: tell the user
    idle: bool = False  # IMAP IDLE on INBOX: a mailbox run within seconds of new mail
    port: int = 4200  # the local Prefect server's port (when no PREFECT_API_URL is set)
    export_alerting: bool = True  # keep a case bundle ready for every order with an alert


@dataclass(frozen=True)
class Me:
    """[me]: who signs the drafts, and the zone every time shown to the user is written in."""

    name: str = ""
    contact: str = ""  # phone or e-mail, as a complaint form asks for it
    timezone: str | None = None  # IANA name; None: each order's own zone (its mail's offset)

    def missing(self) -> list[str]:
        """What a complete complaint still lacks (`check` says it; the draft leaves a blank)."""
        return [f"[me] {key}" for key, value in (("name", self.name), ("contact", self.contact)) if not value]


@dataclass(frozen=True)
class Settings:
    """Everything a command needs to know about the user's setup."""

    db_path: Path
    data_dir: Path
    accounts: tuple[Account, ...] = ()
    notify_urls: tuple[Secret, ...] = ()
    notify_config: Path | None = None
    notify_options: dict[str, Any] = field(default_factory=dict)  # repeat_after, repeat_max, quiet_hours, ...
    drafts_dir: Path | None = None  # the user's own draft templates, used before ours
    rules: dict[str, Any] = field(default_factory=dict)
    source: Path | None = None  # the file these settings came from; None = built-in defaults
    agent: AgentOptions = field(default_factory=AgentOptions)
    me: Me = field(default_factory=Me)

    def account(self, name: str) -> Account:
        for acct in self.accounts:
            if acct.name == name:
                return acct
        known = ", ".join(a.name for a in self.accounts) or "none configured"
        raise ConfigError(f"no account named {name!r} (known: {known})")


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def find_config_file(explicit: str | os.PathLike[str] | None) -> Path | None:
    """The contract's order: --config, then $ORDERWATCH_CONFIG, then ./orderwatch.toml."""
    for candidate, must_exist in ((explicit, True), (os.environ.get("ORDERWATCH_CONFIG"), True)):
        if candidate:
            path = Path(candidate).expanduser()
            if must_exist and not path.is_file():
                raise ConfigError(f"configuration file not found: {path}")
            return path
    local = Path("orderwatch.toml")
    return local if local.is_file() else None


def load_settings(config: str | os.PathLike[str] | None = None, db: str | os.PathLike[str] | None = None) -> Settings:
    """Read the configuration (or the built-in defaults) and apply a --db override."""
    path = find_config_file(config)
    raw: dict[str, Any] = {}
    if path is not None:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read {path}: {exc.__class__.__name__}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    return settings_from_dict(raw, source=path, db_override=db)


def settings_from_dict(
    raw: dict[str, Any], source: Path | None = None, db_override: str | os.PathLike[str] | None = None
) -> Settings:
    base = source.parent if source is not None else Path.cwd()
    data_dir = default_data_dir()
    storage = _table(raw, "storage")
    if db_override is not None:
        db_path = Path(db_override).expanduser()
    elif storage.get("db"):
        db_path = _resolve(base, _expand(storage["db"], "storage.db"))
    else:
        db_path = data_dir / "orderwatch.db"
    if storage.get("data_dir"):
        data_dir = _resolve(base, _expand(storage["data_dir"], "storage.data_dir"))

    accounts = tuple(_account(i, a, base) for i, a in enumerate(_list(raw, "accounts")))
    names = [a.name for a in accounts]
    if len(set(names)) != len(names):
        raise ConfigError("two accounts share a name; names must be unique")

    notify = _table(raw, "notify")
    urls = tuple(_secret(u, "notify.urls") for u in notify.get("urls", []))
    notify_config = _resolve(base, _expand(notify["config"], "notify.config")) if notify.get("config") else None
    options = {k: v for k, v in notify.items() if k not in ("urls", "config")}
    drafts = _table(raw, "drafts")
    drafts_dir = _resolve(base, _expand(drafts["templates"], "drafts.templates")) if drafts.get("templates") else None
    return Settings(
        db_path=db_path,
        data_dir=data_dir,
        accounts=accounts,
        notify_urls=urls,
        notify_config=notify_config,
        notify_options=options,
        drafts_dir=drafts_dir,
        rules=_table(raw, "rules"),
        source=source,
        agent=_agent(_table(raw, "agent")),
        me=_me(_table(raw, "me")),
    )


def _me(raw: dict[str, Any]) -> Me:
    unknown = sorted(set(raw) - {"name", "contact", "timezone"})
    if unknown:
        raise ConfigError(f"[me]: unknown key {unknown[0]!r} (known: contact, name, timezone)")
    zone = str(raw["timezone"]) if raw.get("timezone") else None
    if zone is not None:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"me.timezone: unknown time zone {zone!r} (an IANA name like Asia/Shanghai)") from None
    return Me(name=str(raw.get("name") or ""), contact=str(raw.get("contact") or ""), timezone=zone)


def _agent(raw: dict[str, Any]) -> AgentOptions:
    known = {f.name for f in fields(AgentOptions)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ConfigError(f"[agent]: unknown key {unknown[0]!r} (known: {', '.join(sorted(known))})")
    options = AgentOptions()
    values: dict[str, Any] = {}
    for key in ("mailbox_every", "health_after"):
        if key in raw:
            values[key] = _interval(raw[key], f"agent.{key}")
    if "digest_at" in raw:
        if not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", str(raw["digest_at"])):
            raise ConfigError('agent.digest_at must be a time of day like "09:00"')
        values["digest_at"] = str(raw["digest_at"])
    if "timezone" in raw:
        values["timezone"] = str(raw["timezone"])
    if "port" in raw:
        values["port"] = _positive_int(raw["port"], "agent.port")
    for key in ("idle", "export_alerting"):
        if key in raw:
            if not isinstance(raw[key], bool):
                raise ConfigError(f"agent.{key} must be true or false")
            values[key] = raw[key]
    return dataclasses.replace(options, **values)


_INTERVAL = re.compile(r"^\s*(\d+)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?|d|days?)\s*$", re.I)


def _interval(value: Any, where: str) -> timedelta:
    """A plain interval: "30 seconds", "5 minutes", "1 hour", "1 day", or a number of seconds."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return timedelta(seconds=value)
    match = _INTERVAL.match(str(value))
    if not match or int(match.group(1)) <= 0:
        raise ConfigError(f'{where} must be an interval like "5 minutes", "1 hour" or "30 seconds"')
    amount, unit = int(match.group(1)), match.group(2).lower()
    scale = {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit[0]]
    return timedelta(seconds=amount * scale)


def _account(index: int, raw: Any, base: Path) -> Account:
    where = f"accounts[{index}]"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where} must be a table")
    name = str(raw.get("name") or f"account{index + 1}")
    where = f"account {name!r}"
    folders = raw.get("folders")
    if folders is not None and (not isinstance(folders, list) or not all(isinstance(f, str) for f in folders)):
        raise ConfigError(f"{where}: folders must be a list of folder names")
    common: dict[str, Any] = {
        "name": name,
        "folders": tuple(folders) if folders else None,
        "batch_size": _positive_int(raw.get("batch_size", 200), f"{where}: batch_size"),
    }
    if raw.get("maildir"):
        return Account(maildir=_resolve(base, _expand(raw["maildir"], f"{where}.maildir")), **common)

    host = raw.get("host")
    if not host:
        raise ConfigError(f"{where}: needs host (IMAP) or maildir (a local Maildir folder)")
    security = str(raw.get("security", "ssl")).lower()
    if security not in SECURITY_MODES:
        raise ConfigError(f"{where}: security must be one of {', '.join(SECURITY_MODES)}")
    port = raw.get("port")
    if port is not None:
        port = _positive_int(port, f"{where}: port")
    password = raw.get("password", "")
    return Account(
        host=_expand(host, f"{where}.host"),
        port=port,
        security=security,
        username=_expand(str(raw.get("username", "")), f"{where}.username"),
        password=_secret(password, f"{where}.password"),
        tls_verify=bool(raw.get("tls_verify", True)),
        tls_fingerprint=_fingerprint(raw.get("tls_fingerprint"), where),
        timeout=float(raw.get("timeout", 60)),
        **common,
    )


def _fingerprint(value: Any, where: str) -> str | None:
    """A pinned certificate: its SHA-256, as `openssl x509 -fingerprint -sha256` prints it or as plain hex."""
    if value is None:
        return None
    text = str(value).lower().removeprefix("sha256:").replace(":", "").strip()
    if not re.fullmatch(r"[0-9a-f]{64}", text):
        raise ConfigError(f"{where}: tls_fingerprint must be a SHA-256 fingerprint (64 hex digits, colons allowed)")
    return text


def _expand(value: Any, where: str) -> str:
    """Replace ${VAR} with the environment's value; a missing variable is a config error."""
    text = str(value)

    def sub(match: re.Match[str]) -> str:
        var = match.group(1)
        if var not in os.environ:
            raise ConfigError(f"{where} refers to ${{{var}}}, which is not set in the environment")
        return os.environ[var]

    return _VAR.sub(sub, text)


def _secret(value: Any, where: str) -> Secret:
    """A password or URL; an unset ${VAR} fails only when the secret is used, not at load."""
    try:
        return Secret(_expand(value, where))
    except ConfigError as exc:
        return Secret.unavailable(exc)


def _resolve(base: Path, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else base / path


def _table(raw: dict[str, Any], key: str) -> dict[str, Any]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{key}] must be a table")
    return value


def _list(raw: dict[str, Any], key: str) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise ConfigError(f"[[{key}]] must be an array of tables")
    return value


def _positive_int(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ConfigError(f"{where} must be a positive whole number")
    return value


STARTER = Path(str(files("orderwatch.templates"))) / "config" / "orderwatch.toml"


def write_starter_config(path: Path) -> None:
    """Write the commented starter configuration to `path`, readable by the user only; never overwrite."""
    text = STARTER.read_text(encoding="utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
