"""Which zone a shop's wall clock keeps: its country's (by the sender's domain), else its language's.

A time written without a zone is the writer's wall clock. The mail's own offset names it only on the
mail's day: a promise "le jeudi 12 novembre à 20h30" made on 20 October at +02:00 is 20:30 in Paris on
12 November, when Paris keeps +01:00.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from orderwatch.parsers import guarded as rx

_DAY_END = time(23, 59, 59)

# Where a time is written without a zone and the mail's own offset says nothing of the writer (a
# forwarded header's "Gesendet: Donnerstag, 5. November 2026 21:47" under a forward stamped +0000),
# the shop's country names it: by the sender's country domain, else by the language it writes in.
_COUNTRY_ZONES = {
    "de": "Europe/Berlin",
    "at": "Europe/Vienna",
    "ch": "Europe/Zurich",
    "fr": "Europe/Paris",
    "be": "Europe/Brussels",
    "nl": "Europe/Amsterdam",
    "lu": "Europe/Luxembourg",
    "it": "Europe/Rome",
    "es": "Europe/Madrid",
    "pt": "Europe/Lisbon",
    "pl": "Europe/Warsaw",
    "cz": "Europe/Prague",
    "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest",
    "ro": "Europe/Bucharest",
    "se": "Europe/Stockholm",
    "no": "Europe/Oslo",
    "dk": "Europe/Copenhagen",
    "fi": "Europe/Helsinki",
    "ie": "Europe/Dublin",
    "uk": "Europe/London",
    "gr": "Europe/Athens",
    "tr": "Europe/Istanbul",
    "ru": "Europe/Moscow",
    "ua": "Europe/Kyiv",
    "cn": "Asia/Shanghai",
    "hk": "Asia/Hong_Kong",
    "tw": "Asia/Taipei",
    "jp": "Asia/Tokyo",
    "kr": "Asia/Seoul",
    "sg": "Asia/Singapore",
    "my": "Asia/Kuala_Lumpur",
    "th": "Asia/Bangkok",
    "vn": "Asia/Ho_Chi_Minh",
    "id": "Asia/Jakarta",
    "ph": "Asia/Manila",
    "in": "Asia/Kolkata",
    "br": "America/Sao_Paulo",
    "mx": "America/Mexico_City",
    "ar": "America/Argentina/Buenos_Aires",
    "cl": "America/Santiago",
    "co": "America/Bogota",
    "pe": "America/Lima",
    "au": "Australia/Sydney",
    "nz": "Pacific/Auckland",
}
# The words a shop's mail can hardly do without, per language, and that language's main zone.
_LANGUAGE_ZONES = (
    (r"[\u4e00-\u9fff]{8}", "Asia/Shanghai"),
    (r"[\u3040-\u30ff]{4}", "Asia/Tokyo"),
    (r"[\uac00-\ud7af]{4}", "Asia/Seoul"),
    (r"\b(?:votre|vous|commande|livraison|merci|colis)\b", "Europe/Paris"),
    (r"\b(?:ihre|ihr|deine|bestellung|lieferung|vielen|sendung)\b", "Europe/Berlin"),
    (r"\b(?:il tuo|il suo|ordine|spedizione|grazie|consegna)\b", "Europe/Rome"),
    (r"\b(?:tu pedido|su pedido|env[íi]o|gracias|entrega)\b", "Europe/Madrid"),
    (r"\b(?:uw|je bestelling|bezorging|bedankt|verzending)\b", "Europe/Amsterdam"),
    (r"\b(?:zam[óo]wienie|dzi[ęe]kujemy|przesy[łl]ka|dostawa)\b", "Europe/Warsaw"),
)


def country_zone(domain: str, text: str, fallback: tzinfo) -> tzinfo:
    """The zone of a shop's country (see above), or `fallback` when neither domain nor language tell.
    The language speaks only when `fallback` is UTC: a stamp of a server, not of the writer."""
    return _zone_named(domain, text if fallback.utcoffset(None) == timedelta(0) else "") or fallback


def on_local_clock(at: datetime, mail_at: datetime, domain: str, text: str) -> datetime:
    """`at`, read at the mail's own offset, as the same wall-clock time in the shop's zone on its own day.

    Only a stated clock time ("à 20h30"): a bare date's end (23:59:59) is the reader's own bound and keeps the
    mail's offset. Only when the zone keeps the mail's offset on the mail's day (it is the writer's zone) and
    only for a time read at that offset; otherwise `at` as it is."""
    offset = mail_at.utcoffset()
    if offset is None or at.utcoffset() != offset or offset == timedelta(0) or at.time() == _DAY_END:
        return at
    zone = _zone_named(domain, text)
    if zone is None or mail_at.astimezone(zone).utcoffset() != offset:
        return at
    local = at.replace(tzinfo=zone)
    return local if local.utcoffset() != offset else at


def _zone_named(domain: str, text: str) -> tzinfo | None:
    name = _COUNTRY_ZONES.get(domain.rsplit(".", 1)[-1].lower())
    if name is None and text:
        sample = text[:2000].lower()
        name = next((zone for words, zone in _LANGUAGE_ZONES if len(set(rx.findall(words, sample))) >= 2), None)
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None
