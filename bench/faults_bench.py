"""The reliability plan's table (section 5 of the project's reliability plan), measured.

Runs tests/faults/ at the plan's full sizes (2,000-message mailboxes, 50 kills, 100 cuts,
1,000 polls, 5,000 writes per writer, longer fuzzing), each test recording its numbers, then
prints one table row per plan row. `--ci` runs the CI sizes instead (what `make test` runs).

    .venv/bin/python bench/faults_bench.py [--ci]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TITLES = {
    1: "Random kill -9 during initial sync",
    2: "Exhaustive step interruption",
    3: "Connection cut mid-FETCH",
    4: "Short FETCH",
    5: "`n:*` echo",
    6: "UIDNEXT rewind",
    7: "Unfounded UIDVALIDITY change",
    8: "Genuine UIDVALIDITY change",
    9: "UIDVALIDITY flapping",
    10: "Concurrent churn",
    11: "QRESYNC vs full scan",
    12: "Identity edge cases",
    13: "Server migration",
    14: "Overlapping runs",
    15: "Outbox under kill -9",
    16: "Partial Apprise failure",
    17: "Ambiguous timeout",
    18: "Detection idempotence",
    19: "Write contention",
    20: "Crash during ingest (DB level)",
    21: "Reopen-sees-writes",
    22: "Corpus regression (charsets)",
    23: "Resource bombs",
    24: "Fuzzing",
    25: "Header injection",
    26: "Address spoofing",
    27: "Secret canary",
    28: "TLS",
    29: "Path traversal in export",
    30: "HTML export",
    31: "SQL injection",
    32: "Permissions",
    33: "No secure keyring",
    34: "Power-loss durability (optional)",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ci", action="store_true", help="the CI sizes, not the plan's")
    args = parser.parse_args()
    report = Path(tempfile.mkstemp(prefix="ow-faults-", suffix=".jsonl")[1])
    env = {**os.environ, "ORDERWATCH_FAULTS_REPORT": str(report), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    if not args.ci:
        env["ORDERWATCH_FAULTS"] = "long"
    started = time.monotonic()
    junit = report.with_suffix(".xml")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--timeout=3600",
            f"--junitxml={junit}",
            "tests/faults/",
        ],
        cwd=ROOT,
        env=env,
        check=False,
    )
    elapsed = time.monotonic() - started
    figures: dict[int, dict[str, object]] = defaultdict(dict)
    tests: dict[int, str] = {}
    for line in report.read_text().splitlines():
        entry = json.loads(line)
        row = int(entry.pop("row"))
        tests[row] = entry.pop("test")
        figures[row].update(entry)
    failed = _failures(junit)
    print(f"\n## Reliability plan, measured ({'CI sizes' if args.ci else 'full sizes'}; {elapsed / 60:.1f} min)\n")
    print("| # | Test | Result | Numbers |")
    print("|---|---|---|---|")
    for row, title in TITLES.items():
        if row not in figures:
            result = "not run (needs a power-cut simulator)" if row == 34 else "no figures"
            print(f"| {row} | {title} | {result} | |")
            continue
        result = "FAIL" if tests[row] in failed else "pass"
        numbers = ", ".join(f"{k} {_fmt(v)}" for k, v in figures[row].items())
        print(f"| {row} | {title} | {result} | {numbers} |")


def _fmt(value: object) -> str:
    if isinstance(value, dict):
        return "{" + "; ".join(f"{k}: {_fmt(v)}" for k, v in value.items()) + "}"
    return str(value)


def _failures(junit: Path) -> set[str]:
    import xml.etree.ElementTree as ET

    if not junit.exists():
        return set()
    root = ET.parse(junit).getroot()
    return {
        case.get("name", "")
        for case in root.iter("testcase")
        if case.find("failure") is not None or case.find("error") is not None
    }


if __name__ == "__main__":
    main()
