"""Issue 18's table, measured in one run beside its yardsticks (benchmark, not a test).

Rows, each as measured now next to its goal:
  1. `check` over N orders in-process: what the agent pays every tick (the clocks at an instant
     that moves on a minute each run), median of --repeat after the first run at that size;
  2. `check` through the CLI with drafts and JSON (a cold Python each time), median likewise;
  3. first sync of 10,000 messages (and 2,000) against mbsync copying the same mailbox;
  4. no-op sync through the CLI against mbsync's no-op run;
  5. peak RSS importing one message with a 50 MB attachment (`orderwatch import`, and `sync`
     of the same message from Dovecot, mbsync's own peak beside it).
Then a scaling table of `check` at 1k / 10k / 50k orders: time per 1,000 orders should stay flat
(at most linear growth). The first run at each size (after new mail: every order re-linked and
evaluated) is shown too.

    .venv/bin/python bench/speed_bench.py [--orders 1000,10000,50000] [--sync 2000,10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import check_bench  # noqa: E402
import sync_bench  # noqa: E402

from orderwatch import cycle  # noqa: E402
from orderwatch.config import Settings  # noqa: E402
from tests.support.dovecot import PASSWORD, Dovecot  # noqa: E402
from tests.support.mails import order_mail  # noqa: E402

GOALS = {  # issue 18
    "check_inprocess_10k": 0.2,
    "check_cli_10k": 0.6,
    "first_sync_10k_vs_mbsync": 1.5,
    "first_sync_2k_vs_mbsync": 1.2,
    "noop_sync_cli": 0.35,
    "rss_50mb_mib": 256,
}
AS_OF = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def ow() -> list[str]:
    exe = ROOT / ".venv/bin/orderwatch"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "orderwatch"]


def check_at_size(n: int, repeat: int, work: Path, cache: Path | None) -> dict[str, float]:
    """Build an n-order database (or copy the one kept in `cache`), then time `check` in-process
    and through the CLI."""
    db = work / f"orders-{n}" / "orders.db"
    db.parent.mkdir()
    t0 = time.perf_counter()
    kept = cache / f"orders-{n}.db" if cache else None
    if kept is not None and kept.exists():
        shutil.copy(kept, db)
    else:
        check_bench.build(db, n)
        if kept is not None:
            kept.parent.mkdir(parents=True, exist_ok=True)
            with sqlite3.connect(db) as conn:
                conn.execute("pragma wal_checkpoint(truncate)")
            shutil.copy(db, kept)
    built = time.perf_counter() - t0
    settings = Settings(db_path=db, data_dir=db.parent)
    start = time.perf_counter()
    first = cycle.review(settings, AS_OF, notify=False, drafts=False)
    cold = time.perf_counter() - start
    inproc = []
    for i in range(repeat):
        start = time.perf_counter()
        result = cycle.review(settings, AS_OF + timedelta(minutes=i + 1), notify=False, drafts=False)
        inproc.append(time.perf_counter() - start)
    cli = []
    for i in range(repeat + 1):  # the first run renders and keeps every draft: shown apart
        at = (AS_OF + timedelta(minutes=repeat + i + 1)).isoformat()
        start = time.perf_counter()
        subprocess.run(
            [*ow(), "--db", str(db), "check", "--as-of", at, "--json"], check=True, stdout=subprocess.DEVNULL, cwd=ROOT
        )
        cli.append(time.perf_counter() - start)
    return {
        "n": n,
        "orders": first.orders,
        "alerts": len(result.alerts),
        "built_s": built,
        "inproc_first_s": cold,
        "inproc_s": statistics.median(inproc),
        "cli_first_s": cli[0],
        "cli_s": statistics.median(cli[1:]),
    }


def rss_of_big_message(work: Path) -> dict[str, float]:
    """Peak RSS of `orderwatch import` and of `orderwatch sync` for one 50 MB-attachment message."""
    raw = order_mail(7, attachment=50 * 2**20)
    eml = work / "big.eml"
    eml.write_bytes(raw)
    _, rss_import = sync_bench.run([*ow(), "--db", str(work / "big-import.db"), "import", str(eml)])
    root = Path(tempfile.mkdtemp(prefix="ow-speed-dovecot-"))  # its mail user must reach it: not under `work` (0700)
    server = Dovecot(root, users=("big",)).start()
    try:
        _ready(server, "big")
        server.append([(raw, AS_OF)], user="big")
        mb_cfg = sync_bench.mbsync_config(work / "mb-big", server.port, "big")
        _, rss_mbsync = sync_bench.run(["mbsync", "-q", "-c", str(mb_cfg), "bench"])
        (work / "ow-big").mkdir()
        ow_cfg = sync_bench.orderwatch_config(work / "ow-big", server.port, "big")
        env = {**os.environ, "OW_BENCH_PW": PASSWORD}
        _, rss_sync = sync_bench.run([*ow(), "--config", str(ow_cfg), "sync"], env)
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    return {"mib": len(raw) / 2**20, "import": rss_import / 1024, "sync": rss_sync / 1024, "mbsync": rss_mbsync / 1024}


def sync_rows(sizes: list[int], repeat: int, work: Path) -> list[dict[str, float]]:
    root = Path(tempfile.mkdtemp(prefix="ow-speed-dovecot-"))  # not under `work` (0700): Dovecot's users read it
    users = tuple(f"bench{n}" for n in sizes)
    server = Dovecot(root, users=users).start()
    out = []
    try:
        for n, user in zip(sizes, users, strict=True):
            _ready(server, user)
            server.append(sync_bench.make_messages(n), user=user)
            out.append(sync_bench.measure(server, user, n, repeat))
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    return out


def _ready(server: Dovecot, user: str) -> None:
    """Dovecot's auth process can answer "temporary failure" while it starts: wait it out."""
    deadline = time.monotonic() + 30
    while True:
        try:
            server.client(user).logout()
            return
        except Exception:  # any failure before the deadline: try again
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def verdict(value: float, goal: float) -> str:
    return "met" if value <= goal else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orders", default="1000,10000,50000")
    parser.add_argument("--sync", default="2000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cache", type=Path, help="keep the built order databases here, reuse them next run")
    args = parser.parse_args()
    if shutil.which("mbsync") is None or not Path("/usr/bin/time").exists():
        sys.exit("mbsync and GNU time (Debian packages isync, time) are needed: make setup-test installs them")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    work = Path(tempfile.mkdtemp(prefix="ow-speed-"))
    try:
        checks = []
        for n in (int(s) for s in args.orders.split(",")):
            checks.append(check_at_size(n, args.repeat, work, args.cache))
            c = checks[-1]
            print(
                f"check at {n} orders (built in {c['built_s']:.0f} s): in-process {c['inproc_s']:.3f} s"
                f" (first {c['inproc_first_s']:.2f} s), CLI {c['cli_s']:.3f} s (first {c['cli_first_s']:.2f} s)",
                file=sys.stderr,
            )
        syncs = sync_rows([int(s) for s in args.sync.split(",")], args.repeat, work)
        big = rss_of_big_message(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    report(checks, syncs, big, args.repeat)


def report(checks: list[dict[str, float]], syncs: list[dict[str, float]], big: dict[str, float], repeat: int) -> None:
    print(f"\ncheck, median of {repeat} runs after the first (seconds); per 1,000 orders in brackets")
    print(f"{'orders':>7} {'alerts':>7} {'in-process':>17} {'first run':>10} {'CLI':>16} {'first CLI':>10}")
    for c in checks:
        k = c["n"] / 1000
        inproc = f"{c['inproc_s']:>8.3f} ({c['inproc_s'] / k:.4f})"
        cli = f"{c['cli_s']:>7.3f} ({c['cli_s'] / k:.4f})"
        print(
            f"{c['orders']:>7} {c['alerts']:>7} {inproc} {c['inproc_first_s']:>10.2f} {cli} {c['cli_first_s']:>10.2f}"
        )
    if len(checks) >= 2:
        small, large = checks[0], checks[-1]
        growth = (large["inproc_s"] / small["inproc_s"]) / (large["n"] / small["n"])
        print(f"in-process growth {small['n']} -> {large['n']} orders: {growth:.2f} of linear (<= 1: at most linear)")

    print("\nsync against mbsync (seconds; median of runs)")
    for s in syncs:
        print(
            f"{s['n']:>6} msgs: first sync ow {s['ow_first_s']:.2f} vs mbsync {s['mbsync_first_s']:.2f}"
            f" ({s['first_vs_mbsync']:.2f}x); no-op ow CLI {s['ow_noop_s']:.3f} vs mbsync {s['mbsync_noop_s']:.3f};"
            f" peak RSS ow {s['ow_first_rss_kib'] / 1024:.0f} MiB, mbsync {s['mbsync_rss_kib'] / 1024:.0f} MiB"
        )

    c10 = next((c for c in checks if c["n"] == 10_000), checks[-1])
    s10 = next((s for s in syncs if s["n"] == 10_000), syncs[-1])
    s2 = next((s for s in syncs if s["n"] == 2_000), syncs[0])
    rows = [
        (f"check over {c10['n']:,} orders, in-process", c10["inproc_s"], "s", GOALS["check_inprocess_10k"]),
        (f"check over {c10['n']:,} orders, CLI with drafts and JSON", c10["cli_s"], "s", GOALS["check_cli_10k"]),
        (
            f"first sync of {s10['n']:,} messages / mbsync",
            s10["first_vs_mbsync"],
            "x",
            GOALS["first_sync_10k_vs_mbsync"],
        ),
        (f"first sync of {s2['n']:,} messages / mbsync", s2["first_vs_mbsync"], "x", GOALS["first_sync_2k_vs_mbsync"]),
        (f"no-op sync, CLI (mbsync {s10['mbsync_noop_s']:.3f} s)", s10["ow_noop_s"], "s", GOALS["noop_sync_cli"]),
        (
            f"peak RSS, import of a {big['mib']:.0f} MiB message (50 MB attachment)",
            big["import"],
            "MiB",
            GOALS["rss_50mb_mib"],
        ),
        (f"peak RSS, sync of it from IMAP (mbsync {big['mbsync']:.0f} MiB)", big["sync"], "MiB", GOALS["rss_50mb_mib"]),
    ]
    print("\nissue 18")
    for what, value, unit, goal in rows:
        print(f"  {what:<62} {value:>9.3f} {unit:<3}  goal <= {goal:g} {unit}: {verdict(value, goal)}")


if __name__ == "__main__":
    main()
