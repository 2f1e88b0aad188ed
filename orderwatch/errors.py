"""The project's own error types.

Adapters translate their library's exceptions into these so that the CLI can print one clear line
and pick the contract's exit code, and so that no library message (which may quote a URL with a
token, or a server reply with a login) leaks unfiltered.
"""


class OrderwatchError(Exception):
    """Base class: a failure we understand and can explain in one line."""


class UsageError(OrderwatchError):
    """Bad usage or bad input from the user: exit status 2, nothing written."""


class ConfigError(UsageError):
    """The configuration file is missing, malformed, or names something that does not exist."""


class MailboxError(OrderwatchError):
    """The mailbox (IMAP server or local Maildir) could not be read."""


class StoreError(OrderwatchError):
    """The SQLite database could not be opened or written."""


class NotifyError(OrderwatchError):
    """A notification target did not accept a reminder (it stays queued and is retried)."""
