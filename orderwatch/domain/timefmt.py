"""Times as a person writes them, in one zone that each document names once.

Pure: the zone is the user's configured one ([me] timezone) or, without one, the order mail's own.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo


def user_zone(configured: str | None, *times: datetime | None) -> tzinfo | None:
    """The configured IANA zone, else the first known time's own zone (the order mail's)."""
    if configured:
        return ZoneInfo(configured)
    return zone_of(*times)


def zone_of(*times: datetime | None) -> tzinfo | None:
    """The zone a document shows its times in: the first known time's own (the order mail's)."""
    return next((t.tzinfo for t in times if t is not None and t.tzinfo is not None), None)


def zone_label(zone: tzinfo | None, at: datetime) -> str:
    """'UTC+08:00', or the IANA name with its offset when the zone has one."""
    if zone is None:
        return "UTC"
    local = at.astimezone(zone)
    offset = local.strftime("%z")
    text = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    key = getattr(zone, "key", None)
    return f"{key} ({text})" if key else text


def when(at: datetime | None, lang: str, zone: tzinfo | None) -> str:
    """'2026年3月13日 18:00' / '13 Mar 2026, 18:00', in `zone`, without the offset (named once elsewhere)."""
    if at is None:
        return ""
    local = at.astimezone(zone) if zone is not None else at
    if lang == "zh":
        return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"
    return f"{local.day} {local:%b %Y, %H:%M}"


def reply_by(at: datetime, zone: tzinfo | None) -> datetime:
    """An absolute deadline for 'today': 24 hours on, at the full hour (never a vague 今日内)."""
    local = (at.astimezone(zone) if zone is not None else at) + timedelta(hours=24)
    return local.replace(minute=0, second=0, microsecond=0) + (timedelta(hours=1) if local.minute else timedelta())


def zone_token(zone: tzinfo | None) -> str | None:
    """A zone as text to keep ('Asia/Shanghai', '+28800', ''), or None for one that cannot be."""
    if zone is None:
        return ""
    key = getattr(zone, "key", None)
    if key:
        return str(key)
    if isinstance(zone, timezone):
        offset = zone.utcoffset(None)
        return f"{int(offset.total_seconds()):+d}" if offset is not None else None
    return None


@lru_cache(maxsize=64)
def zone_from_token(token: str) -> tzinfo | None:
    if not token:
        return None
    if token[0] in "+-":
        return timezone(timedelta(seconds=int(token)))
    return ZoneInfo(token)
