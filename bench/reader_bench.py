"""The reader's cost per message, in-process and warm (benchmark, not a test).

CPU time of this process (other load on the machine does not count), over three sets, each read
twice after a warm-up: every message of the scenario corpus (real systems' mail, mostly commerce,
so deep-read), the sync benchmark's generated mailbox (HTML order mail of 4-16 KB, 5 % with
attachments), and order mail whose labels and dates stand before long runs of blanks (a link
blanked out, a flattened table: where a backtracking pattern turns quadratic or worse). Prints
median, mean, 90th percentile and maximum per message beside the goal (issue "Read the mail of
shops it has never seen": median <= 1 ms).

    .venv/bin/python bench/reader_bench.py [--generated 400]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from orderwatch.parsers import parse  # noqa: E402
from sync_bench import make_messages  # noqa: E402

from tests.support.mails import plain_mail  # noqa: E402

GOAL_MS = 1.0


def per_message(raws: list[bytes]) -> list[float]:
    for raw in raws[:30]:  # warm: compiled patterns and caches, as in a running sync
        parse(raw)
    times = []
    for _ in range(2):
        for raw in raws:
            start = time.process_time()
            parse(raw)
            times.append((time.process_time() - start) * 1000)
    return times


def report(name: str, times: list[float]) -> None:
    median = statistics.median(times)
    p90 = sorted(times)[int(len(times) * 0.9)]
    verdict = "meets" if median <= GOAL_MS else "misses"
    print(
        f"{name:<34} {len(times) // 2:>5} msgs  median {median:6.2f} ms  mean {statistics.mean(times):6.2f} ms"
        f"  p90 {p90:6.2f} ms  max {max(times):7.2f} ms  ({verdict} the {GOAL_MS:g} ms goal: {median / GOAL_MS:.1f}x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--generated", type=int, default=400, help="messages of the sync benchmark's mailbox")
    args = parser.parse_args()
    corpus = [p.read_bytes() for p in sorted((ROOT / "tests" / "scenarios").glob("*/*.eml"))]
    report("scenario corpus (real systems)", per_message(corpus))
    report("sync benchmark mailbox (generated)", per_message([raw for raw, _ in make_messages(args.generated)]))
    report("long runs of blanks after labels", per_message(blank_runs()))


def blank_runs() -> list[bytes]:
    """Order mail in which a label or a date stands before 300 blanks (spaces, newlines or tabs), twice."""
    labels = ["Order:", "Your order:", "Order number", "Total:", "Delivery:", "Tracking number:", "订单号：", "Nov 12"]
    out = []
    for label in [*labels, "12/11/2026", "Bestellnummer:"]:
        for gap in (" " * 300, "\n" * 200, " \n" * 150, "\t" * 300):
            body = f"Hello\n{label}{gap}x\n{label} 12345{gap}end\n"
            out.append(
                plain_mail(
                    "Shop <orders@shop.example>",
                    "Your order 12345 has shipped",
                    body,
                    "Thu, 12 Nov 2026 10:00:00 +0000",
                )
            )
    return out


if __name__ == "__main__":
    main()
