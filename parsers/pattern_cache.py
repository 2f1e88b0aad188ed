"""What `guarded` works out from each pattern's structure, kept on disk between processes.

Reading the readers' few hundred patterns (their first characters for the guard, their RE2
translation for the screen) costs `re`'s own parser about half a second, and every process that
reads mail pays it: each parse worker of a sync, each `import`, each agent run. The results
depend only on the pattern text, its flags, the Python version and the code that reads them, so
they are kept in one JSON file in the user's cache directory under a name made of those. A
missing, stale or unreadable file only costs the time it would have saved; the answers are the
same either way (a test compares them).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

CACHE_DIR_ENV = "ORDERWATCH_CACHE_DIR"
_MAX_ENTRIES = 4096  # a file grown past this (patterns edited many times) starts again from this process's
_STALE_AFTER = 7 * 24 * 3600  # another version's file unused this long (seconds) is removed when this one is saved

Entry = tuple[str, str | None]  # the guarded pattern text, and its RE2 translation (None: no screen)

_entries: dict[str, Entry] = {}
_state = {"loaded": False, "added": 0}
_computed: list[int] = [0]  # translations worked out in this process (read by tests)


def cache_dir() -> Path:
    """$ORDERWATCH_CACHE_DIR, else $XDG_CACHE_HOME/orderwatch, else ~/.cache/orderwatch."""
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "orderwatch"


def _code_tag() -> str:
    """Python's version and a hash of the code that translates: a change to either is a new file."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in ("guarded.py", "screen.py", "pattern_cache.py"):
        with contextlib.suppress(OSError):
            digest.update((here / name).read_bytes())
    return f"py{sys.version_info[0]}{sys.version_info[1]}-{digest.hexdigest()[:16]}"


def cache_file() -> Path:
    return cache_dir() / f"patterns-{_code_tag()}.json"


def _load() -> None:
    _state["loaded"] = True
    try:
        data = json.loads(cache_file().read_text(encoding="utf-8"))
        entries = {key: (value[0], value[1]) for key, value in data.items()}
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return  # no file yet, or one nobody can read: work everything out
    if all(isinstance(g, str) and (w is None or isinstance(w, str)) for g, w in entries.values()):
        _entries.update(entries)
        with contextlib.suppress(OSError):
            os.utime(cache_file())  # in use: not stale for another version's save (_remove_stale)


def translated(pattern: str, flags: int, work_out: Callable[[str, int], Entry]) -> Entry:
    """The guard text and RE2 translation of a pattern: from the file, or worked out now."""
    if not isinstance(pattern, str):  # a bytes pattern (raw headers): rare, and JSON keeps text only
        return work_out(pattern, flags)
    if not _state["loaded"]:
        _load()
        atexit.register(save)
    key = f"{flags}:{pattern}"
    entry = _entries.get(key)
    if entry is None:
        entry = _entries[key] = work_out(pattern, flags)
        _state["added"] += 1
        _computed[0] += 1
    return entry


def save() -> None:
    """Write what this process worked out, merged with the file (atomically; errors are ignored)."""
    if not _state["added"]:
        return
    path = cache_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        merged: dict[str, Entry] = {}
        with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
            merged.update(json.loads(path.read_text(encoding="utf-8")))  # another process's meanwhile
        if len(merged) + len(_entries) > _MAX_ENTRIES:
            merged = {}
        merged.update(_entries)
        handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="ascii") as out:
                json.dump(merged, out)  # escaped: some patterns name lone surrogates
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        _state["added"] = 0
        _remove_stale(path)
    except (OSError, ValueError):
        pass  # a read-only home: the next process works them out again


def _remove_stale(current: Path) -> None:
    """Each upgrade names a new file; the files of versions not used for a week go, so the cache
    does not grow by a few MB with every version (a version in use touches its own when it reads it)."""
    now = time.time()
    for other in current.parent.glob("patterns-*.json"):
        with contextlib.suppress(OSError):
            if other != current and now - other.stat().st_mtime > _STALE_AFTER:
                other.unlink()


def warm() -> int:
    """Read every pattern the readers compile on import and save them: what `make setup` runs."""
    from orderwatch import parsers

    parsers.parse(b"From: shop@example.com\nSubject: Order 1001 confirmed\n\nOrder 1001, total 10.00 USD\n")
    save()
    return len(_entries)


if __name__ == "__main__":
    print(f"{warm()} patterns in {cache_file()}")
