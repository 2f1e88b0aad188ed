"""A string wrapper that never shows its value by accident.

Passwords and tokens travel through settings objects that get printed, logged and put into
exception messages; wrapping them means a stray `repr()` prints a mask, never the secret.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote, urlsplit

_KNOWN: set[str] = set()  # every secret value seen, for the log filter below
MIN_LENGTH = 6  # shorter pieces would mask ordinary words


def register(value: str) -> None:
    """Remember a secret (or a piece of one, like a URL's token) so the logs can mask it."""
    if len(value) >= MIN_LENGTH:
        _KNOWN.add(value)


def register_url(url: str) -> None:
    """A notification URL: its password, every path segment and query value may be a token."""
    parts = urlsplit(url)
    pieces = [parts.password or "", parts.username or "", *parts.path.split("/"), *re.split(r"[&=]", parts.query)]
    for piece in pieces:
        register(piece)
        register(unquote(piece))


def redact(text: str) -> str:
    for value in sorted(_KNOWN, key=len, reverse=True):
        if value in text:
            text = text.replace(value, "********")
    return text


class RedactingFilter(logging.Filter):
    """On a log handler: a library's DEBUG line that quotes a URL or a login never shows the secret."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _KNOWN:
            message = record.getMessage()
            masked = redact(message)
            if masked != message:
                record.msg, record.args = masked, ()
        return True


class Secret:
    """Holds a secret value; `reveal()` is the only way to read it."""

    __slots__ = ("_missing", "_value")

    def __init__(self, value: str) -> None:
        self._value = value
        self._missing: Exception | None = None
        register(value)

    @classmethod
    def unavailable(cls, error: Exception) -> Secret:
        """A secret configured but not available here (its variable is unset): only using it fails.

        Commands that never talk to the mailbox or a notification target (orders, check, export)
        must work without the password in the environment.
        """
        secret = cls("")
        secret._missing = error
        return secret

    def reveal(self) -> str:
        if self._missing is not None:
            raise self._missing
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value) or self._missing is not None

    def __repr__(self) -> str:
        return "Secret('********')" if self._value else "Secret('')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __reduce__(self) -> tuple[type, tuple[str]]:
        # Pickling (e.g. by a task runner) must not carry the value either.
        return (Secret, ("",))
