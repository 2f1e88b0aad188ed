"""A real local Prefect server for the end-to-end tests, and a few REST calls to it."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.support.dovecot import free_port


class PrefectServer:
    def __init__(self) -> None:
        self.home = Path(tempfile.mkdtemp(prefix="ow-prefect-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/api"
        self.proc: subprocess.Popen[bytes] | None = None

    def env(self) -> dict[str, str]:
        return {
            "PREFECT_HOME": str(self.home),
            "PREFECT_API_URL": self.url,
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{self.home / 'prefect.db'}",
        }

    def start(self) -> PrefectServer:
        log = open(self.home / "server.log", "wb")  # noqa: SIM115 - lives as long as the server
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(self.port)],
            env={**os.environ, **self.env()},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, (self.home / "server.log").read_text()[-3000:]
            try:
                if self.get("/health") is True:
                    return self
            except OSError:
                pass
            time.sleep(0.25)
        raise AssertionError("the Prefect server did not become healthy in 120 s")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        shutil.rmtree(self.home, ignore_errors=True)

    def call(self, method: str, path: str, body: Any = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            self.url + path, data=data, method=method, headers={"Content-Type": "application/json"}
        )
        for attempt in range(10):  # its SQLite answers 503 now and then under load: ask again
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    raw = response.read()
                return json.loads(raw) if raw else None
            except urllib.error.HTTPError as exc:
                if exc.code != 503 or attempt == 9:
                    raise
                time.sleep(0.5)
            except TimeoutError:  # a loaded 2-core machine: the server took over 10 s to answer; every call
                if attempt == 9:  # the tests make is a read, a filter or an idempotent PATCH, safe to repeat
                    raise
        return None

    def get(self, path: str) -> Any:
        return self.call("GET", path)

    def deployment(self, flow: str, name: str) -> dict[str, Any]:
        return self.call("GET", f"/deployments/name/{flow}/{name}")

    def flow_runs(self, deployment_id: str) -> list[dict[str, Any]]:
        body = {"deployments": {"id": {"any_": [deployment_id]}}, "limit": 200}
        return self.call("POST", "/flow_runs/filter", body)

    def delete_deployments(self) -> None:
        for dep in self.call("POST", "/deployments/filter", {"limit": 200}):
            self.call("DELETE", f"/deployments/{dep['id']}")
