"""File names from mail made safe for a folder or a ZIP: no paths, no device names, no clashes."""

from __future__ import annotations

import re
import unicodedata

_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"/\\|?*]+")


def safe_name(name: str, fallback: str = "file", limit: int = 80) -> str:
    """A plain base name: separators, control characters and leading dots removed, length capped."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").split("/")[-1]  # a base name only: "../../etc/passwd" -> "passwd"
    name = _UNSAFE.sub("_", name).strip(" .")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    if stem.lower() in _RESERVED or not stem:
        stem = f"_{stem}" if stem else fallback
    ext = ext[:10]
    stem = stem[: max(1, limit - len(ext) - 1)]
    return f"{stem}.{ext}" if ext else stem


def unique(name: str, taken: set[str]) -> str:
    """`name`, or `name (2)`, `name (3)`, ... whichever is not taken yet (case-insensitively)."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem} ({n}).{ext}" if ext else f"{stem} ({n})"
    taken.add(candidate.lower())
    return candidate


def one_line(value: str) -> str:
    """A header value built from mail text: line breaks become spaces, so nothing can be injected."""
    return re.sub(r"[\r\n]+", " ", value).strip()
