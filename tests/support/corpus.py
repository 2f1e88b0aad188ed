"""Run a scenario of tests/scenarios through the contract and compare with its expectations."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any


@dataclass
class Scenario:
    name: str
    path: Path
    as_of: str
    messages: list[dict[str, str]]
    expect: dict[str, Any]

    @classmethod
    def load(cls, path: Path) -> Scenario:
        data = json.loads((path / "scenario.json").read_text(encoding="utf-8"))
        return cls(path.name, path, data["as_of"], data["messages"], data["expect"])

    def files(self, folder: str) -> list[Path]:
        return [self.path / m["file"] for m in self.messages if m["folder"] == folder]


@dataclass
class Comparison:
    missing_orders: list[str] = field(default_factory=list)
    extra_orders: list[str] = field(default_factory=list)
    field_errors: list[str] = field(default_factory=list)
    fields_checked: int = 0
    missing_alerts: list[tuple[str, str]] = field(default_factory=list)
    extra_alerts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (
            self.missing_orders or self.extra_orders or self.field_errors or self.missing_alerts or self.extra_alerts
        )


def compare(scenario: Scenario, orders: list[dict[str, Any]], alerts: list[dict[str, Any]]) -> Comparison:
    result = Comparison()
    by_no = {o["order_no"]: o for o in orders}
    expected = scenario.expect["orders"]
    for exp in expected:
        got = by_no.get(exp["order_no"])
        if got is None:
            result.missing_orders.append(exp["order_no"])
            continue
        for key, value in exp.items():
            if key == "order_no":
                continue
            result.fields_checked += 1
            if not _same(key, value, got.get(key)):
                result.field_errors.append(f"{exp['order_no']}.{key}: expected {value}, got {got.get(key)}")
    expected_nos = {e["order_no"] for e in expected}
    result.extra_orders = [o["order_no"] for o in orders if o["order_no"] not in expected_nos]
    want = {(a["order_no"], a["kind"]) for a in scenario.expect["alerts"]}
    have = {(a["order_no"], a["kind"]) for a in alerts}
    result.missing_alerts = sorted(want - have)
    result.extra_alerts = sorted(have - want)
    return result


def _same(key: str, expected: Any, got: Any) -> bool:
    if got is None:
        return expected is None
    if key == "amount":
        return Decimal(str(expected)) == Decimal(str(got))
    if key.endswith("_by") or key.endswith("_at"):
        return abs((datetime.fromisoformat(expected) - datetime.fromisoformat(got)).total_seconds()) <= 60
    return expected == got


def run_in_process(scenario: Scenario, db: Path, as_of: str | None = None) -> tuple[list[dict], list[dict]]:
    """The contract's import / orders / check, driven in this process (the CLI's own code path).

    Most scenarios run this way; a sample goes through the real subprocess CLI as well.
    """
    from typer.testing import CliRunner

    from orderwatch.cli import app

    _build_the_command_once()
    runner = CliRunner()

    def invoke(*args: str) -> str:
        result = runner.invoke(app, ["--db", str(db), *args], catch_exceptions=False)
        if result.exit_code != 0:
            raise AssertionError(f"orderwatch {' '.join(args)} exited {result.exit_code}: {result.output}")
        return result.stdout

    for message in scenario.messages:  # one at a time, in arrival order, into its folder
        invoke("import", "--folder", message["folder"], "--json", str(scenario.path / message["file"]))
    orders = json.loads(invoke("orders", "--json", "--as-of", as_of or scenario.as_of))  # status at that instant
    alerts = json.loads(invoke("check", "--as-of", as_of or scenario.as_of, "--json", "--no-notify"))
    return orders, alerts


def _build_the_command_once() -> None:
    """typer's test runner rebuilds the click command from every function signature on each invoke
    (about 55 ms, more than the parse); the command never changes, so it is built once per process."""
    import functools

    import typer.main
    import typer.testing

    if not isinstance(typer.testing._get_command, functools._lru_cache_wrapper):
        typer.testing._get_command = functools.lru_cache(maxsize=None)(typer.main.get_command)
