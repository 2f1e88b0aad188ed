"""A loopback TCP proxy that can cut a connection mid-stream, for network-fault tests."""

from __future__ import annotations

import contextlib
import socket
import threading

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
            threading.Thread(target=self._pipe, args=(client, upstream, None), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, cut), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, cut_after: int | None) -> None:
        sent = 0
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if self.blackhole:
                    continue
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
