"""Fixtures of the fault tests: the bench's figure recorder and the mailbox password."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.support.dovecot import PASSWORD
from tests.support.faults import (
    REPORT,
)


@pytest.fixture
def record(request: pytest.FixtureRequest) -> Iterator[Callable[..., None]]:
    """Numbers for the bench's table: record(row, **figures), appended to $ORDERWATCH_FAULTS_REPORT."""
    rows: list[dict[str, Any]] = []
    yield lambda row, **figures: rows.append({"row": row, "test": request.node.name, **figures})
    if REPORT and rows:
        with open(REPORT, "a", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row) + "\n")


@pytest.fixture
def env_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OW_TEST_PASSWORD", PASSWORD)
