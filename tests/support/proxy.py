"""A loopback TCP proxy that can cut a connection mid-stream, for network-fault tests."""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from collections.abc import Callable

from tests.support.dovecot import free_port


class CuttingProxy:
    """Forwards 127.0.0.1:port to a target; the first `cut_after` server bytes of a session kill it.

    `cut_after=None` forwards faithfully. Every connection counts towards `cuts` once cut.
    """

    def __init__(self, target_port: int, cut_after: int | None = None, cut_sessions: int = 1) -> None:
        self.target_port = target_port
        self.cut_after = cut_after
        self.cut_sessions = cut_sessions
        self.cuts = 0
        self.blackhole = False  # True: swallow every byte both ways, like a dead NAT mapping (no FIN, no RST)
        self.rewrite: Callable[[bytes, int], bytes] | None = None  # edits server bytes (chunk, session number)
        self.sessions = 0
        self.bytes_down = 0  # server -> client, for re-download measurements
        self.port = free_port()
        self._server = socket.create_server(("127.0.0.1", self.port))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> CuttingProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._server.close()

    def _serve(self) -> None:
        self._server.settimeout(0.2)
        while not self._stop.is_set():
            try:
                client, _ = self._server.accept()
            except (TimeoutError, OSError):
                continue
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            cut = self.cut_after if (self.cut_after is not None and self.cuts < self.cut_sessions) else None
            self.sessions += 1
            threading.Thread(target=self._pipe, args=(client, upstream, None), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, cut, self.sessions), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, cut_after: int | None, session: int = 0) -> None:
        sent = 0
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if self.blackhole:
                    continue
                if session:
                    self.bytes_down += len(data)
                    if self.rewrite is not None:
                        data = self.rewrite(data, session)
                if cut_after is not None and sent + len(data) >= cut_after:
                    dst.sendall(data[: max(0, cut_after - sent)])
                    self.cuts += 1
                    break
                dst.sendall(data)
                sent += len(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()


class FetchDropper:
    """A rewrite for CuttingProxy that drops whole `* n FETCH (...)` responses for chosen UIDs.

    It follows IMAP literals ({n} then n bytes), so a response is dropped entire, the way a
    broken server or middlebox loses one (the reliability plan's "short FETCH").
    """

    def __init__(self, drop_uids: set[int], sessions: set[int]) -> None:
        self.drop_uids = drop_uids
        self.sessions = sessions  # only these connections (the others pass untouched)
        self.dropped = 0
        self._state: dict[int, tuple[bytes, bytes | None, int]] = {}

    def __call__(self, data: bytes, session: int) -> bytes:
        if session not in self.sessions:
            return data
        buffer, current, literal = self._state.get(session, (b"", None, 0))
        buffer += data
        out = b""
        while buffer:
            if literal:
                take = buffer[:literal]
                buffer, literal = buffer[len(take) :], literal - len(take)
                current = (current or b"") + take
                continue
            end = buffer.find(b"\r\n")
            if end < 0:
                break
            line, buffer = buffer[: end + 2], buffer[end + 2 :]
            if current is None and not (line.startswith(b"* ") and b" FETCH " in line):
                out += line
                continue
            current = (current or b"") + line
            marker = re.search(rb"\{(\d+)\}\r\n$", line)
            if marker:
                literal = int(marker.group(1))
                continue
            uid = re.search(rb"UID (\d+)", current[:200])
            if uid and int(uid.group(1)) in self.drop_uids:
                self.dropped += 1
            else:
                out += current
            current = None
        self._state[session] = (buffer, current, literal)
        return out
