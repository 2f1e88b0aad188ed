"""The readers' pattern cache saves time and changes nothing: the same events cold and warm.

Each check runs the reader in a fresh process with its own cache directory, as a parse worker or
an `import` would: the first process works every pattern out and writes the file, the next reads
it and works nothing out; a damaged or unwritable cache only costs time.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from orderwatch.parsers import pattern_cache, screen
from orderwatch.parsers.guarded import guarded

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "tests" / "scenarios"

READ = """
import json, sys
from pathlib import Path
from orderwatch import parsers
from orderwatch.parsers import pattern_cache
events = []
for path in sys.argv[1:]:
    outcome = parsers.parse(Path(path).read_bytes())
    events.append([outcome.status, outcome.kind, [repr(e) for e in outcome.events]])
print(json.dumps({"computed": pattern_cache._computed[0], "events": events}))
"""


def _read(cache: Path, mails: list[Path]) -> dict:
    env = {"ORDERWATCH_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin", "HOME": str(cache.parent)}
    proc = subprocess.run(
        [sys.executable, "-c", READ, *map(str, mails)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # nothing about the cache reaches the user, even when it cannot be written
    return json.loads(proc.stdout)


def _mails() -> list[Path]:
    return sorted(SCENARIOS.glob("*/*.eml"))[::97]


def test_a_warm_cache_gives_the_same_events_and_works_nothing_out(tmp_path: Path) -> None:
    mails = _mails()
    assert len(mails) > 50
    cold = _read(tmp_path / "cache", mails)
    assert cold["computed"] > 100  # the first process works the patterns out...
    files = list((tmp_path / "cache").glob("patterns-*.json"))
    assert len(files) == 1
    warm = _read(tmp_path / "cache", mails)
    assert warm["computed"] == 0  # ...the next reads them
    assert warm["events"] == cold["events"]
    assert any(events for _status, _kind, events in cold["events"])


def test_a_damaged_cache_is_worked_out_again_and_rewritten(tmp_path: Path) -> None:
    mails = _mails()[:5]
    cache = tmp_path / "cache"
    first = _read(cache, mails)
    (path,) = cache.glob("patterns-*.json")
    path.write_text('{"0:order": ["order", 12]', encoding="ascii")  # cut short, and a wrong type
    again = _read(cache, mails)
    assert again["computed"] == first["computed"]
    assert again["events"] == first["events"]
    assert isinstance(json.loads(path.read_text(encoding="ascii")), dict)
    assert not list(cache.glob(".patterns-*"))  # no temporary file left behind


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    mails = _mails()[:5]
    first = _read(blocker / "cache", mails)
    again = _read(blocker / "cache", mails)
    assert first["computed"] == again["computed"] > 0
    assert again["events"] == first["events"]


def test_the_file_is_named_by_the_python_and_the_code_that_translates(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(pattern_cache.CACHE_DIR_ENV, str(tmp_path))
    name = pattern_cache.cache_file().name
    assert name.startswith(f"patterns-py{sys.version_info[0]}{sys.version_info[1]}-")
    assert pattern_cache.cache_file().parent == tmp_path


def test_a_screened_pattern_is_compiled_only_when_a_text_gets_past_its_screen() -> None:
    pattern = guarded(r"(?:remboursement effectué|refund (?:was|has been) issued)\s+(\d+)" + "|zz" * 30, re.I)
    assert isinstance(pattern, screen.Screened)
    assert pattern._full is None
    assert pattern.search("Weekly deals on garden furniture. " * 5) is None
    assert pattern._full is None  # the screen alone answered
    assert pattern.search("Your refund has been issued 4711 today. " * 3).group(1) == "4711"
    assert pattern._full is not None
    assert pattern.groups == 1


def test_an_old_versions_file_goes_when_this_one_is_saved_a_recent_one_stays(tmp_path: Path) -> None:
    import os
    import time

    cache = tmp_path / "cache"
    cache.mkdir()
    old, recent = cache / "patterns-py39-0000000000000000.json", cache / "patterns-py311-1111111111111111.json"
    for path in (old, recent):
        path.write_text("{}", encoding="ascii")
    week_and_a_day = time.time() - 8 * 24 * 3600
    os.utime(old, (week_and_a_day, week_and_a_day))
    unrelated = cache / "notes.json"
    unrelated.write_text("{}", encoding="ascii")
    os.utime(unrelated, (week_and_a_day, week_and_a_day))
    _read(cache, _mails()[:3])  # works the patterns out and saves this version's file
    assert not old.exists()
    assert recent.exists() and unrelated.exists()
    (current,) = set(cache.glob("patterns-*.json")) - {recent}
    os.utime(current, (week_and_a_day, week_and_a_day))
    _read(cache, _mails()[:3])  # reads it: in use, so its time is fresh again
    assert time.time() - current.stat().st_mtime < 3600
