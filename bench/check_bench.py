"""`check` on a 10,000-order database (benchmark, not a test); `speed_bench.py` builds on it.

Builds the database once from generated order mail (Chinese and English, stated and default
promises, a third with complaints, some acknowledged, some refunded), then times `check`: every
order evaluated afresh (`cases.load_cases`, the plain path), the agent's own path (`cycle.review`,
which reuses each order's kept evaluation while it holds) and the CLI, median of --repeat runs.

    .venv/bin/python bench/check_bench.py [--orders 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from orderwatch import cases, cycle, ingest  # noqa: E402
from orderwatch.config import Settings  # noqa: E402
from orderwatch.domain.rulebook import Rulebook  # noqa: E402
from orderwatch.store import Store  # noqa: E402


def order_mail(i: int, when: datetime) -> bytes:
    if i % 2:
        paid = when.astimezone(timezone_cn()).strftime("%Y-%m-%d %H:%M")
        body = (
            f"您好！您的订单已支付成功。\n订单号： BN{i:010d}X\n商品名称： 会员月卡（自动发货）\n"
            f"总价： {i % 300 + 9}.00 ¥\n支付时间： {paid}\n发货方式： 自动发货\n"
        )
        subject = "【示例数卡】订单支付成功通知"
    else:
        body = (
            f"Thank you for your order!\nOrder #{i:07d}\nWidget x 1 ${i % 300 + 9}.00\nTotal ${i % 300 + 9}.00\n"
            "Your payment went through. Every order ships within 2 business days.\n"
        )
        subject = "Your order has been confirmed!"
    return _mail(f"shop{i % 50}@example{i % 50}.com", "buyer@example.org", subject, body, when, f"<o{i}@bench>")


def complaint_mail(i: int, when: datetime) -> bytes:
    no = f"BN{i:010d}X" if i % 2 else f"{i:07d}"
    body = f"您好，订单 {no} 至今未收到，请退款。" if i % 2 else f"Order #{no} has not shipped, please refund."
    return _mail("buyer@example.org", f"shop{i % 50}@example{i % 50}.com", f"Order {no}", body, when, f"<c{i}@bench>")


def timezone_cn():
    from datetime import timezone

    return timezone(timedelta(hours=8))


def _mail(sender: str, to: str, subject: str, body: str, when: datetime, msgid: str) -> bytes:
    from email.header import Header

    return (
        f"From: {sender}\r\nTo: {to}\r\nSubject: {Header(subject, 'utf-8').encode()}\r\n"
        f"Date: {format_datetime(when)}\r\n"
        f"Message-ID: {msgid}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"Content-Transfer-Encoding: 8bit\r\n\r\n{body}"
    ).encode()


def build(db: Path, n: int) -> None:
    base = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    inbox, sent = db.parent / "in", db.parent / "sent"
    inbox.mkdir()
    sent.mkdir()
    # one order every 17 minutes, closer together above 10,000: every size spans the same months
    # before the benchmark's instant, so a larger mailbox is denser, not partly in the future
    step = timedelta(minutes=17 * min(1.0, 10_000 / n))
    for i in range(n):
        when = base + step * i
        (inbox / f"{i}.eml").write_bytes(order_mail(i, when))
        if i % 3 == 0:
            (sent / f"{i}.eml").write_bytes(complaint_mail(i, when + timedelta(days=2)))
    with Store(db) as store:
        ingest.import_paths(store, [inbox], "INBOX")
        ingest.import_paths(store, [sent], "Sent")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ow-check-") as tmp:
        db = Path(tmp) / "orders.db"
        t0 = time.perf_counter()
        build(db, args.orders)
        print(f"built {args.orders} orders in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        as_of = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
        fresh, inproc, counts = [], [], set()
        with Store(db) as store:
            for _ in range(args.repeat):
                start = time.perf_counter()
                views = cases.load_cases(store, Rulebook(), as_of)
                found = cases.alerts(views, as_of)
                fresh.append(time.perf_counter() - start)
                counts.add((len(views), len(found)))
        settings = Settings(db_path=db, data_dir=db.parent)
        for i in range(args.repeat + 1):
            start = time.perf_counter()
            result = cycle.review(settings, as_of + timedelta(minutes=i), notify=False, drafts=False)
            inproc.append(time.perf_counter() - start)
            counts.add((result.orders, len(result.alerts)))
        cli = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "orderwatch", "--db", str(db), "check", "--as-of", as_of.isoformat(), "--json"],
                check=True,
                stdout=subprocess.DEVNULL,
                cwd=ROOT,
            )
            cli.append(time.perf_counter() - start)
    ((orders, alerts),) = counts
    print(f"orders {orders}, alerts {alerts}")
    print(f"every order evaluated afresh: median {statistics.median(fresh):.3f} s over {args.repeat} runs")
    then = statistics.median(inproc[1:])
    print(f"check in-process (the agent's path): first {inproc[0]:.3f} s, then median {then:.3f} s")
    print(f"check through the CLI (with drafts, JSON out): median {statistics.median(cli):.3f} s")


if __name__ == "__main__":
    main()
