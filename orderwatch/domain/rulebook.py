"""The default rules of domain.md as data, with per-platform overrides from the configuration.

    [rules]
    sla_platform = "3 workdays"
    [rules.platforms.yunzhan-km]
    evidence = "48 hours"

A deadline stated in a mail always beats these defaults.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from orderwatch.domain.durations import Duration, parse_duration

DEFAULTS: dict[str, str] = {
    "auto_delivery": "30 minutes",  # 自动发货 / 自动发卡 without a stated promise
    "manual_delivery": "2 hours",  # 充值 / 代充 / 人工处理
    "other_delivery": "30 days",  # anything else (EU/UK/US statutory default)
    "sla_merchant": "24 hours",
    "sla_platform": "3 workdays",
    "sla_appeal": "3 workdays",
    "sla_outside": "7 workdays",
    "sla_legal": "30 days",
    "evidence": "24 hours",
    "appeal_window": "24 hours",
    "refund": "3 workdays",
    "complaint_window": "7 days",
    "complaint_window_notice": "48 hours",
}


@dataclass(frozen=True)
class Rulebook:
    """Defaults overridden by [rules], and by [rules.platforms.NAME] for one platform."""

    overrides: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key, value in self._flat().items():
            if key not in DEFAULTS:
                raise ValueError(f"unknown rule {key!r} (known: {', '.join(DEFAULTS)})")
            parse_duration(value)
        for platform, table in (self.overrides.get("platforms") or {}).items():
            for key, value in table.items():
                if key not in DEFAULTS:
                    raise ValueError(f"unknown rule {key!r} for platform {platform!r}")
                parse_duration(value)

    def _flat(self) -> dict[str, Any]:
        return {k: v for k, v in self.overrides.items() if k != "platforms"}

    def get(self, key: str, platform: str | None = None) -> Duration:
        cache: dict[tuple[str, str | None], Duration] = self.__dict__.setdefault("_cache", {})
        if (key, platform) not in cache:
            platforms = self.overrides.get("platforms") or {}
            if platform and key in platforms.get(platform, {}):
                cache[(key, platform)] = parse_duration(platforms[platform][key])
            else:
                cache[(key, platform)] = parse_duration(self._flat().get(key, DEFAULTS[key]))
        return cache[(key, platform)]
