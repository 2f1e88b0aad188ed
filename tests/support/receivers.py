"""Real receiving ends for notifications: an SMTP server (aiosmtpd) and an HTTP endpoint."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller

from tests.support.dovecot import free_port


class SmtpSink:
    """An SMTP server on loopback that keeps every message it receives."""

    def __init__(self) -> None:
        self.port = free_port()
        self.messages: list[Any] = []
        sink = self

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
                sink.messages.append(envelope)
                return "250 OK"

        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> SmtpSink:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

    def url(self) -> str:
        return f"mailto://127.0.0.1:{self.port}?from=orderwatch@example.org&to=buyer@example.org&mode=insecure"


class HttpSink:
    """An HTTP endpoint on loopback recording the JSON bodies posted to it."""

    def __init__(self, port: int | None = None, status: int = 200, delay: float = 0.0) -> None:
        self.port = port or free_port()
        self.posts: list[dict[str, Any]] = []
        self.attempts: list[float] = []  # when each POST arrived, accepted or not
        self.status = status  # what it answers (500: a target that is down)
        self.delay = delay  # seconds before answering (longer than the client waits: an ambiguous send)
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                sink.attempts.append(time.monotonic())
                if sink.status == 200:
                    sink.posts.append({"path": self.path, "body": body})
                time.sleep(sink.delay)
                self.send_response(sink.status)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> HttpSink:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, token: str = "s3cr3t-token") -> str:
        return f"json://127.0.0.1:{self.port}/hook/{token}"
