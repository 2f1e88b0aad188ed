"""Score scenarios the way the cold-start log reports them: per system, orders found, fields
right, alerts (recall, precision, F1), scenarios fully passing.

    python -m tests.support.score [--code-root DIR] [--json] [SCENARIO_DIR ...]

With no folders, every scenario under tests/scenarios. `--code-root` scores another checkout's
code (e.g. a worktree of the commit before a parser change): that is how a cold-start row is
measured for scenarios written after the code it scores.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
GAPS = SCENARIOS / "known_gaps.json"


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--code-root", type=Path, help="import orderwatch and parsers from this checkout")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--failures", action="store_true", help="print what each failing scenario missed")
    parser.add_argument(
        "--write-gaps", action="store_true", help=f"rewrite {GAPS.name}: one line per scenario the reader still misses"
    )
    return parser.parse_args()


def _drive_checkout(root: Path) -> None:
    """Import orderwatch from `root`, with the top-level folders it installs as subpackages
    (parsers/, templates/) from there too, never this checkout's editable install."""
    import importlib.util

    sys.path.insert(0, str(root))
    import orderwatch

    for sub in ("parsers", "templates"):
        folder = root / sub
        spec = importlib.util.spec_from_file_location(
            f"orderwatch.{sub}", folder / "__init__.py", submodule_search_locations=[str(folder)]
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[f"orderwatch.{sub}"] = module
        setattr(orderwatch, sub, module)
        spec.loader.exec_module(module)


def main() -> int:
    args = _args()
    from tests.support.corpus import Scenario, compare, run_in_process  # this checkout's harness

    if args.code_root:  # ...driving that checkout's program
        _drive_checkout(args.code_root.resolve())
    import orderwatch

    print(f"scoring the code in {Path(orderwatch.__file__).resolve().parent.parent}", file=sys.stderr)

    folders = args.folders or sorted(p for p in SCENARIOS.iterdir() if (p / "scenario.json").is_file())
    rows: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    failures = []
    gaps: dict[str, str] = {}
    for folder in folders:
        scenario = Scenario.load(folder)
        system = json.loads((folder / "scenario.json").read_text(encoding="utf-8")).get("system", "corpus")
        with tempfile.TemporaryDirectory() as tmp:
            try:
                orders, alerts = run_in_process(scenario, Path(tmp) / "s.db")
                result = compare(scenario, orders, alerts)
                crashed = None
            except Exception as exc:  # noqa: BLE001 - a crash scores as nothing found
                orders, alerts, result, crashed = [], [], compare(scenario, [], []), repr(exc)[:200]
        row = rows[system]
        expected_orders = len(scenario.expect["orders"])
        want_alerts = len(scenario.expect["alerts"])
        row["scenarios"] += 1
        row["passed"] += int(result.ok and crashed is None)
        row["orders"] += expected_orders
        row["found"] += expected_orders - len(result.missing_orders)
        row["extra_orders"] += len(result.extra_orders)
        row["fields"] += result.fields_checked
        row["fields_right"] += result.fields_checked - len(result.field_errors)
        row["alerts"] += want_alerts
        row["alerts_found"] += want_alerts - len(result.missing_alerts)
        row["alerts_extra"] += len(result.extra_alerts)
        if not result.ok or crashed:
            failures.append((folder.name, crashed or str(result)))
            gaps[folder.name] = crashed or gap_line(result)
    if args.write_gaps:
        GAPS.write_text(json.dumps(dict(sorted(gaps.items())), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    table = {system: _summary(row) for system, row in sorted(rows.items())}
    total: dict[str, float] = defaultdict(float)
    for row in rows.values():
        for key, value in row.items():
            total[key] += value
    table["ALL"] = _summary(total)
    if args.json:
        print(json.dumps({"systems": table, "failures": failures}, indent=2, ensure_ascii=False))
    else:
        print(
            "| system | scenarios | passed | orders found | extra orders | fields right"
            " | alert recall | alert precision | alert F1 |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for system, s in table.items():
            print(
                f"| {system} | {s['scenarios']} | {s['passed']} | {s['found']}/{s['orders']} ({s['orders_pct']}) |"
                f" {s['extra_orders']} | {s['fields_right']}/{s['fields']} ({s['fields_pct']}) | {s['recall']} |"
                f" {s['precision']} | {s['f1']} |"
            )
        if args.failures:
            for name, why in failures:
                print(f"\n{name}: {why}")
    return 0


def gap_line(result) -> str:
    """What a scenario still misses, in one line for known_gaps.json."""
    parts = []
    if result.missing_orders:
        parts.append("order not found: " + ", ".join(result.missing_orders))
    if result.extra_orders:
        parts.append("extra order: " + ", ".join(result.extra_orders))
    for error in result.field_errors:
        where, _, what = error.partition(": ")
        parts.append(f"{where.partition('.')[2]} wrong ({what})")
    if result.missing_alerts:
        parts.append("alert missed: " + ", ".join(kind for _, kind in result.missing_alerts))
    if result.extra_alerts:
        parts.append("false alert: " + ", ".join(kind for _, kind in result.extra_alerts))
    return "; ".join(parts)


def _pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "-"


def _summary(row: dict[str, float]) -> dict[str, object]:
    found_alerts = row["alerts_found"]
    recall = found_alerts / row["alerts"] if row["alerts"] else 1.0
    raised = found_alerts + row["alerts_extra"]
    precision = found_alerts / raised if raised else 1.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return {
        "scenarios": int(row["scenarios"]),
        "passed": int(row["passed"]),
        "orders": int(row["orders"]),
        "found": int(row["found"]),
        "orders_pct": _pct(row["found"], row["orders"]),
        "extra_orders": int(row["extra_orders"]),
        "fields": int(row["fields"]),
        "fields_right": int(row["fields_right"]),
        "fields_pct": _pct(row["fields_right"], row["fields"]),
        "recall": f"{recall:.2f}",
        "precision": f"{precision:.2f}",
        "f1": f"{f1:.2f}",
    }


if __name__ == "__main__":
    raise SystemExit(main())
