"""IMAP through imapclient: the only module that talks to a mail server.

Read-only by construction: folders are opened with EXAMINE and bodies fetched with BODY.PEEK[],
so the user's mail is never marked read, moved or deleted. Non-ASCII SEARCH is never sent (many
Chinese servers reject it); we search by UID range only and filter on our side.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import socket
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

import imapclient
from imapclient.exceptions import IMAPClientError, LoginError

from orderwatch import __version__
from orderwatch.config import Account
from orderwatch.errors import MailboxError

SENT_NAMES = {"sent", "sent messages", "sent items", "sent mail", "已发送", "已发送邮件", "发件箱"}
_MSGID_HEADER = re.compile(rb"(?im)^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]+>)")


@dataclass(frozen=True)
class FolderRef:
    name: str
    role: str  # inbox | sent


@dataclass(frozen=True)
class FolderStatus:
    uidvalidity: int
    uidnext: int | None
    exists: int


@dataclass(frozen=True)
class Meta:
    """What we learn about a message without downloading it."""

    uid: int
    size: int
    message_id: str | None
    internaldate: datetime | None
    flags: tuple[str, ...]
    body: bytes | None = None  # present when fetched together with the metadata


def tls_context(account: Account) -> ssl.SSLContext:
    """Verification on, unless the user pinned a certificate (checked by fingerprint instead) or
    turned it off for this account explicitly."""
    ctx = ssl.create_default_context()
    if account.tls_fingerprint or not account.tls_verify:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


class ImapMailbox:
    """One logged-in IMAP connection for one account."""

    def __init__(self, account: Account) -> None:
        self.account = account
        self.client: imapclient.IMAPClient | None = None

    def __enter__(self) -> ImapMailbox:
        self.connect()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def connect(self) -> None:
        acct = self.account
        where = f"{acct.host}:{acct.effective_port}"
        password = acct.password.reveal()  # an unset ${VAR} fails here, before any connection
        try:
            # Loading the CA bundle costs ~20 ms: only when TLS is actually used.
            context = tls_context(acct) if acct.security != "none" else None
            client = imapclient.IMAPClient(
                acct.host,
                port=acct.effective_port,
                ssl=acct.security == "ssl",
                ssl_context=context,
                timeout=acct.timeout,
            )
            client.normalise_times = False  # keep INTERNALDATE's own offset
            if acct.security == "starttls":
                client.starttls(context)
            if acct.tls_fingerprint and acct.security != "none":
                _check_pin(client, acct, where)  # before the password goes anywhere
            client.login(acct.username, password)
            # 163/126/yeah.net refuse SELECT ("Unsafe Login") until the client says who it is.
            if client.has_capability("ID"):
                with contextlib.suppress(IMAPClientError):
                    client.id_({"name": "orderwatch", "version": __version__})
        except LoginError as exc:
            said = _describe(exc).removeprefix("b'").removesuffix("'")  # the server's words, never our password
            raise MailboxError(
                f"{acct.name}: the server at {where} refused the login for {acct.username!r}: {said} "
                "(check the password or app authorization code)"
            ) from None
        except ssl.SSLError as exc:
            raise MailboxError(
                f"{acct.name}: TLS failed with {where}: {exc.reason or exc.__class__.__name__}"
            ) from None
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(f"{acct.name}: cannot connect to {where}: {_describe(exc)}") from None
        self.client = client

    def close(self) -> None:
        if self.client is not None:
            try:
                self.client.logout()
            except Exception:  # noqa: BLE001 - the connection may already be gone
                with contextlib.suppress(Exception):
                    self.client.shutdown()
            self.client = None

    def _c(self) -> imapclient.IMAPClient:
        if self.client is None:
            raise MailboxError(f"{self.account.name}: not connected")
        return self.client

    def folders(self) -> list[FolderRef]:
        """The configured folders, or INBOX and the \\Sent special-use folder."""
        try:
            listing = self._c().list_folders()
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(f"{self.account.name}: cannot list folders: {_describe(exc)}") from None
        names = {name: {f.decode() if isinstance(f, bytes) else str(f) for f in flags} for flags, _, name in listing}
        sent = [n for n, flags in names.items() if "\\Sent" in flags]
        sent += [n for n in names if n.lower() in SENT_NAMES and n not in sent]
        wanted = self.account.folders or ("INBOX", "Sent")
        out: list[FolderRef] = []
        for want in wanted:
            if want in names or want.upper() == "INBOX":
                name = "INBOX" if want.upper() == "INBOX" else want
            elif want.lower() in SENT_NAMES and sent:
                name = sent[0]  # "Sent" means the special-use folder, whatever the server calls it
            elif self.account.folders:
                raise MailboxError(f"{self.account.name}: no folder named {want!r} on the server")
            else:
                continue
            role = "sent" if name in sent else "inbox"
            if all(ref.name != name for ref in out):
                out.append(FolderRef(name, role))
        return out

    def examine(self, folder: str) -> FolderStatus:
        try:
            info = self._c().select_folder(folder, readonly=True)
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(f"{self.account.name}: cannot open {folder}: {_describe(exc)}") from None
        return FolderStatus(
            uidvalidity=int(info[b"UIDVALIDITY"]),
            uidnext=int(info[b"UIDNEXT"]) if b"UIDNEXT" in info else None,
            exists=int(info.get(b"EXISTS", 0)),
        )

    def idle(self, seconds: float, stop: Callable[[], bool] = lambda: False) -> bool:
        """Wait in IDLE (RFC 2177) on the examined folder; True when the server announced new mail.

        Ends after `seconds`, at the first EXISTS/RECENT, or when `stop()` turns true. Ending IDLE
        needs the server's tagged OK, so a dead connection is noticed here within the socket
        timeout and raises MailboxError, never hangs.
        """
        client = self._c()
        if not client.has_capability("IDLE"):
            raise MailboxError(f"{self.account.name}: the server does not offer IMAP IDLE")
        try:
            client.idle()
            seen: list[object] = []
            waited = 0.0
            while waited < seconds and not stop():
                seen += client.idle_check(timeout=min(1.0, seconds - waited))
                if any(_is_new(r) for r in seen) or any(b"BYE" in _words(r) for r in seen):
                    break
                waited += 1.0
            client.idle_done()
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(f"{self.account.name}: IDLE failed: {_describe(exc)}") from None
        if any(b"BYE" in _words(r) for r in seen):
            raise MailboxError(f"{self.account.name}: the server ended the IDLE session")
        return any(_is_new(r) for r in seen)

    def all_uids(self) -> list[int]:
        """Every UID in the examined folder, ascending (one UID SEARCH ALL: ASCII only)."""
        try:
            uids = self._c().search(["ALL"])
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(f"{self.account.name}: search failed: {_describe(exc)}") from None
        return sorted(int(u) for u in uids)

    def fetch_meta(self, uids: Iterable[int], with_body: bool = False) -> dict[int, Meta]:
        """Size, INTERNALDATE, flags and Message-ID of each UID; the body too if asked.

        Without the body, only the Message-ID header is read: enough to recognise a message
        stored before (another folder, an older UIDVALIDITY) without downloading it again.
        """
        uids = list(uids)
        if not uids:
            return {}
        part = "BODY.PEEK[]" if with_body else "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"
        try:
            data = self._c().fetch(uids, ["RFC822.SIZE", "INTERNALDATE", "FLAGS", part])
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(f"{self.account.name}: fetch failed: {_describe(exc)}") from None
        out: dict[int, Meta] = {}
        for uid, item in data.items():
            size = item.get(b"RFC822.SIZE")
            body = item.get(b"BODY[]") if with_body else None
            if size is None or (with_body and body is None):
                continue  # an incomplete answer counts as no answer
            header = (
                body[:65536]
                if body is not None
                else next((v for k, v in item.items() if k.startswith(b"BODY[HEADER")), b"") or b""
            )
            match = _MSGID_HEADER.search(header)
            out[int(uid)] = Meta(
                uid=int(uid),
                size=int(size),
                message_id=match.group(1).decode("ascii", "replace") if match else None,
                internaldate=item.get(b"INTERNALDATE"),
                flags=tuple(f.decode() if isinstance(f, bytes) else str(f) for f in item.get(b"FLAGS", ())),
                body=body,
            )
        return out

    def append_draft(self, raw: bytes) -> str:
        """Put a message in the Drafts folder (special-use \\Drafts), flagged \\Draft. Returns the folder."""
        client = self._c()
        try:
            folder = client.find_special_folder(imapclient.imapclient.DRAFTS) or next(
                (name for _, _, name in client.list_folders() if name.lower() in ("drafts", "草稿箱", "草稿")), None
            )
            if folder is None:
                raise MailboxError(f"{self.account.name}: no Drafts folder on the server")
            client.append(folder, raw, flags=(imapclient.DRAFT,), msg_time=datetime.now().astimezone())
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(f"{self.account.name}: cannot save the draft: {_describe(exc)}") from None
        return str(folder)

    def fetch_bodies(self, uids: Iterable[int]) -> dict[int, bytes]:
        uids = list(uids)
        if not uids:
            return {}
        try:
            data = self._c().fetch(uids, ["BODY.PEEK[]"])
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(f"{self.account.name}: fetch failed: {_describe(exc)}") from None
        return {int(uid): item[b"BODY[]"] for uid, item in data.items() if item.get(b"BODY[]") is not None}


def _check_pin(client: imapclient.IMAPClient, acct: Account, where: str) -> None:
    der = client._imap.sock.getpeercert(binary_form=True)  # imaplib's socket: the only way to the certificate
    seen = hashlib.sha256(der or b"").hexdigest()
    if seen != acct.tls_fingerprint:
        client.shutdown()
        raise MailboxError(f"{acct.name}: TLS failed with {where}: not the pinned certificate (SHA-256 {seen})")


def _words(response: object) -> tuple[object, ...]:
    return response if isinstance(response, tuple) else (response,)


def _is_new(response: object) -> bool:
    return any(word in (b"EXISTS", b"RECENT") for word in _words(response))


def _describe(exc: BaseException) -> str:
    """A short reason that quotes no credentials (server replies never contain our password)."""
    if isinstance(exc, socket.timeout):
        return "timed out"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc).strip() or exc.__class__.__name__
    return text[:200]
