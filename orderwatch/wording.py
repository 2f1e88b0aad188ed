"""Words a person reads instead of internal codes (templates/wording.toml), and times as people write them.

The case page, the PDF and the calendar file speak the order's language ("zh" or "en"); their
times are written by `domain.timefmt`, in one zone named once per document.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache

from orderwatch.render import TEMPLATES


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, dict[str, str]]]:
    return tomllib.loads((TEMPLATES / "wording.toml").read_text(encoding="utf-8"))


def word(section: str, key: str, lang: str) -> str:
    """The person's word for `key` (an alert kind, a status, a stage…); the key itself if unknown."""
    return _table()["zh" if lang == "zh" else "en"][section].get(key, key)


def words(section: str, lang: str) -> dict[str, str]:
    return dict(_table()["zh" if lang == "zh" else "en"][section])
