"""Ingestion benchmark (not a test): orderwatch's sync against a bare fetch and against mbsync.

For each mailbox size N (default 1,000, 2,000 and 10,000 messages of realistic sizes, 5% with
attachments) loaded into a fresh Dovecot user, it measures in one run:
  - first sync: `orderwatch sync` (fetch, store, parse), a bare imapclient fetch of the same
    messages (the floor), and `mbsync` copying the mailbox to a Maildir (what a user might run);
    orderwatch with the readers' pattern cache as `make setup` leaves it, and once more with an
    empty one ("ow cold": the first run after an install or upgrade);
  - no-op sync (nothing new): orderwatch against mbsync's no-op run;
  - peak memory (max RSS) of each process, read with wait4.
Every figure is the median of --repeat runs; ratios are computed from the same run.

    .venv/bin/python bench/sync_bench.py [--sizes 1000,2000,10000] [--repeat 3] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.dovecot import PASSWORD, Dovecot  # noqa: E402
from tests.support.mails import order_mail  # noqa: E402

BARE_FETCH = textwrap.dedent(
    """
    import sys, imapclient
    port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    c = imapclient.IMAPClient("127.0.0.1", port=port, ssl=False)
    c.login(user, password)
    c.select_folder("INBOX", readonly=True)
    uids = c.search(["ALL"])
    n = 0
    for i in range(0, len(uids), 200):
        for _, item in c.fetch(uids[i:i + 200], ["BODY.PEEK[]"]).items():
            n += len(item[b"BODY[]"])
    c.logout()
    print(len(uids), n)
    """
)


INPROCESS_NOOP = textwrap.dedent(
    """
    import sys, time
    from orderwatch import cycle, sync
    from orderwatch.config import load_settings
    settings = load_settings(sys.argv[1])
    with cycle.opened(settings) as store:
        start = time.perf_counter()
        reports = sync.sync(settings, store)
        elapsed = time.perf_counter() - start
    assert sum(r.fetched for r in reports) == 0, reports
    print(elapsed)
    """
)


def run(cmd: list[str], env: dict[str, str] | None = None, out: Path | None = None) -> tuple[float, int]:
    """Wall time (s) and peak RSS (KiB) of one process.

    Through GNU time (a small C program): a child forked or vforked from this process would
    report this process's own size as its peak, since the kernel records the old address
    space's high-water mark at exec.
    """
    with tempfile.TemporaryDirectory() as tmp:
        rss_file = Path(tmp) / "rss"
        errors = Path(tmp) / "err"
        with errors.open("wb") as err_fh, out.open("wb") if out else open(os.devnull, "wb") as sink:
            start = time.perf_counter()
            proc = subprocess.run(
                ["/usr/bin/time", "-f", "%M", "-o", str(rss_file), *cmd], stdout=sink, stderr=err_fh, env=env
            )
            elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(f"{cmd[0]} failed ({proc.returncode}): {errors.read_text(errors='replace')[-2000:]}")
        return elapsed, int(rss_file.read_text().split()[-1])


def make_messages(n: int) -> list[tuple[bytes, datetime]]:
    rng = random.Random(n)
    base = datetime(2026, 1, 1, tzinfo=UTC)
    out = []
    for i in range(n):
        size = rng.randint(4_000, 16_000)
        attachment = rng.randint(40_000, 120_000) if rng.random() < 0.05 else 0
        when = base + timedelta(minutes=7 * i)
        out.append((order_mail(i, size=size, attachment=attachment, when=when), when))
    return out


def mbsync_config(work: Path, port: int, user: str) -> Path:
    (work / "maildir").mkdir(parents=True, exist_ok=True)
    cfg = work / "mbsyncrc"
    cfg.write_text(
        f"""IMAPAccount bench
Host 127.0.0.1
Port {port}
User {user}
Pass {PASSWORD}
SSLType None
AuthMechs LOGIN

IMAPStore remote
Account bench

MaildirStore local
Path {work}/maildir/
Inbox {work}/maildir/INBOX

Channel bench
Far :remote:
Near :local:
Patterns INBOX
Create Near
Sync Pull
SyncState *
"""
    )
    return cfg


def orderwatch_config(work: Path, port: int, user: str) -> Path:
    cfg = work / "orderwatch.toml"
    cfg.write_text(
        f'[storage]\ndb = "{work}/ow.db"\n\n[[accounts]]\nname = "bench"\nhost = "127.0.0.1"\n'
        f'port = {port}\nsecurity = "none"\nusername = "{user}"\npassword = "${{OW_BENCH_PW}}"\nfolders = ["INBOX"]\n'
    )
    return cfg


def measure(server: Dovecot, user: str, n: int, repeat: int) -> dict[str, float]:
    ow = (
        [str(ROOT / ".venv/bin/orderwatch")]
        if (ROOT / ".venv/bin/orderwatch").exists()
        else [sys.executable, "-m", "orderwatch"]
    )
    # The readers' pattern cache as `make setup` leaves it (what every run after the first sees);
    # "ow cold" is the very first run after an install or upgrade, with an empty cache.
    warm_cache = Path(tempfile.mkdtemp(prefix="ow-bench-cache-"))
    env = {**os.environ, "OW_BENCH_PW": PASSWORD, "ORDERWATCH_CACHE_DIR": str(warm_cache)}
    run([sys.executable, "-m", "orderwatch.parsers.pattern_cache"], env)
    rows: dict[str, list[float]] = {}

    def note(key: str, value: float) -> None:
        rows.setdefault(key, []).append(value)

    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="ow-bench-") as tmp:
            work = Path(tmp)
            ow_cfg = orderwatch_config(work, server.port, user)
            mb_cfg = mbsync_config(work, server.port, user)
            bare = work / "bare.py"
            bare.write_text(BARE_FETCH)
            t, rss = run([sys.executable, str(bare), str(server.port), user, PASSWORD])
            note("bare_first_s", t)
            note("bare_rss_kib", rss)
            t, rss = run(["mbsync", "-q", "-c", str(mb_cfg), "bench"])
            note("mbsync_first_s", t)
            note("mbsync_rss_kib", rss)
            t, rss = run([*ow, "--config", str(ow_cfg), "sync"], env)
            note("ow_first_s", t)
            note("ow_first_rss_kib", rss)
            cold = work / "cold"
            cold.mkdir()
            cold_env = {**env, "ORDERWATCH_CACHE_DIR": str(cold / "cache")}
            t, _ = run([*ow, "--config", str(orderwatch_config(cold, server.port, user)), "sync"], cold_env)
            note("ow_cold_s", t)
            t, rss = run(["mbsync", "-q", "-c", str(mb_cfg), "bench"])
            note("mbsync_noop_s", t)
            t, rss = run([*ow, "--config", str(ow_cfg), "sync"], env)
            note("ow_noop_s", t)
            note("ow_noop_rss_kib", rss)
            inproc = work / "inproc.py"
            inproc.write_text(INPROCESS_NOOP)
            run([sys.executable, str(inproc), str(ow_cfg)], env, out=work / "inproc.out")
            note("ow_noop_inprocess_s", float((work / "inproc.out").read_text()))
            t, _ = run([sys.executable, "-c", "import orderwatch.cli"])
            note("ow_startup_s", t)
            with sqlite3.connect(work / "ow.db") as conn:
                stored = conn.execute("select count(*) from messages").fetchone()[0]
            if stored != n:
                raise RuntimeError(f"orderwatch stored {stored} of {n} messages")
    shutil.rmtree(warm_cache, ignore_errors=True)
    result = {k: statistics.median(v) for k, v in rows.items()}
    result["n"] = n
    result["first_vs_bare"] = result["ow_first_s"] / result["bare_first_s"]
    result["first_vs_mbsync"] = result["ow_first_s"] / result["mbsync_first_s"]
    result["cold_vs_mbsync"] = result["ow_cold_s"] / result["mbsync_first_s"]
    result["noop_vs_mbsync"] = result["ow_noop_s"] / result["mbsync_noop_s"]
    result["noop_inprocess_vs_mbsync"] = result["ow_noop_inprocess_s"] / result["mbsync_noop_s"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,2000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if shutil.which("mbsync") is None or not Path("/usr/bin/time").exists():
        sys.exit("mbsync and GNU time (Debian packages isync, time) are needed: make setup-test installs them")
    sizes = [int(s) for s in args.sizes.split(",")]
    root = Path(tempfile.mkdtemp(prefix="ow-bench-dovecot-"))
    users = tuple(f"bench{n}" for n in sizes)
    server = Dovecot(root, users=users).start()
    results = []
    try:
        for n, user in zip(sizes, users, strict=True):
            msgs = make_messages(n)
            mib = sum(len(m) for m, _ in msgs) / 2**20
            t0 = time.perf_counter()
            server.append(msgs, user=user)
            print(
                f"loaded {n} messages ({mib:.1f} MiB) into Dovecot in {time.perf_counter() - t0:.1f} s", file=sys.stderr
            )
            del msgs
            res = measure(server, user, n, args.repeat)
            res["mib"] = mib
            results.append(res)
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)

    print(f"\nmedian of {args.repeat} runs; times in seconds, peak RSS in MiB")
    columns = [
        ("N", "n", "{:>6}"),
        ("MiB", "mib", "{:>6.1f}"),
        ("bare", "bare_first_s", "{:>6.2f}"),
        ("mbsync", "mbsync_first_s", "{:>6.2f}"),
        ("ow", "ow_first_s", "{:>6.2f}"),
        ("ow/bare", "first_vs_bare", "{:>7.2f}"),
        ("ow/mbsync", "first_vs_mbsync", "{:>9.2f}"),
        ("ow cold", "ow_cold_s", "{:>7.2f}"),
        ("cold/mbsync", "cold_vs_mbsync", "{:>11.2f}"),
        ("mbsync no-op", "mbsync_noop_s", "{:>12.3f}"),
        ("ow no-op", "ow_noop_s", "{:>8.3f}"),
        ("ratio", "noop_vs_mbsync", "{:>6.2f}"),
        ("ow no-op in-proc", "ow_noop_inprocess_s", "{:>16.3f}"),
        ("in-proc ratio", "noop_inprocess_vs_mbsync", "{:>13.2f}"),
        ("py start", "ow_startup_s", "{:>8.3f}"),
        ("RSS ow first", "ow_first_rss_mib", "{:>12.1f}"),
        ("RSS ow no-op", "ow_noop_rss_mib", "{:>12.1f}"),
        ("RSS mbsync", "mbsync_rss_mib", "{:>10.1f}"),
        ("RSS bare", "bare_rss_mib", "{:>8.1f}"),
    ]
    for r in results:
        for key in ("ow_first", "ow_noop", "mbsync", "bare"):
            r[f"{key}_rss_mib"] = r[f"{key}_rss_kib"] / 1024
    print(" ".join(f"{title:>{len(fmt.format(0))}}" for title, _, fmt in columns))
    for r in results:
        print(" ".join(fmt.format(r[key]) for _, key, fmt in columns))
    if len(results) >= 2:
        small, large = results[0], results[-1]
        noop = large["ow_noop_inprocess_s"] / small["ow_noop_inprocess_s"]
        rss = large["ow_first_rss_kib"] / small["ow_first_rss_kib"]
        print(
            f"\nat {large['n']} vs {small['n']} messages: in-process no-op {noop:.2f}x, first-sync peak RSS {rss:.2f}x"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
