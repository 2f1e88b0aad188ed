"""The ready-to-send drafts of many alerts at once (`check`, reminders): each rendered once per
order state and kept in the store, then written at the alert's instant (`cases.Skeleton`).

A kept draft is found by a key over everything it says: the order's events (their digest) and the
instant its evaluation holds from (what was known then), the alert (kind, deadline, stage, facts),
the templates (ours and the user's) and the signature.
"""

from __future__ import annotations

import hashlib

import orjson

from orderwatch import cases
from orderwatch.config import Settings
from orderwatch.domain import drafts
from orderwatch.domain.model import Alert
from orderwatch.domain.timefmt import zone_from_token, zone_token
from orderwatch.render import TEMPLATES
from orderwatch.standings import Standings


def drafts_for(standings: Standings, alerts: list[Alert], settings: Settings) -> list[dict[str, str]]:
    """Each alert's draft, in order: kept ones read, the rest rendered and kept."""
    setting = _setting(settings, standings.rules_key)
    keys = [_key(a, standings.digests.get(a.ref, "") + "@" + standings.since.get(a.ref, ""), setting) for a in alerts]
    kept = standings.store.kept_drafts(keys, setting)
    standings.load([a.ref for a, key in zip(alerts, keys, strict=True) if key not in kept])
    skeletons: list[cases.Skeleton] = []
    new = []
    for alert, key in zip(alerts, keys, strict=True):
        if key in kept:
            subject, body, about = kept[key]
            token, lang, kind = orjson.loads(about)  # the zone its times are written in, language, kind
            skeletons.append(cases.Skeleton(lang, kind, subject, body, zone_from_token(token)))
            continue
        skeleton = cases.skeleton(standings.view(alert.ref), alert, templates=settings.drafts_dir, me=settings.me)
        skeletons.append(skeleton)
        token = zone_token(skeleton.zone)
        if token is not None and alert.ref in standings.digests:
            about = orjson.dumps([token, skeleton.lang, skeleton.kind]).decode()
            new.append(
                {
                    "key": key,
                    "ref": alert.ref,
                    "digest": standings.digests[alert.ref],
                    "setting": setting,
                    "subject": skeleton.subject,
                    "body": skeleton.body,
                    "zone": about,
                }
            )
    standings.store.keep_drafts(new, setting)
    return _filled(alerts, skeletons)


def _filled(alerts: list[Alert], skeletons: list[cases.Skeleton]) -> list[dict[str, str]]:
    """Every draft written at its alert's instant, those sharing instant, language and zone at once."""
    groups: dict[tuple[object, ...], list[int]] = {}
    for i, (alert, skeleton) in enumerate(zip(alerts, skeletons, strict=True)):
        groups.setdefault((alert.as_of, skeleton.lang, skeleton.zone), []).append(i)
    out: list[dict[str, str]] = [{} for _ in alerts]
    for members in groups.values():
        first = skeletons[members[0]]
        values = drafts.moving(alerts[members[0]].as_of, alerts[members[0]], first.lang, first.zone)
        texts = drafts.fill_many([t for i in members for t in (skeletons[i].subject, skeletons[i].body)], values)
        for n, i in enumerate(members):
            s = skeletons[i]
            out[i] = {"lang": s.lang, "kind": s.kind, "subject": texts[2 * n], "body": texts[2 * n + 1]}
    return out


def _key(alert: Alert, digest: str, setting: str) -> str:
    """An alert's facts follow from the order's events and the rules (in `setting`): its kind,
    deadline, stage and clock name its draft among those of the same events."""
    clock = alert.facts.get("stage") or ""
    return f"{digest}|{alert.kind}|{alert.due_at.timestamp()}|{alert.stage}|{clock}|{int(alert.provisional)}|{setting}"


def _setting(settings: Settings, rules: str) -> str:
    """The templates' text (ours, then the user's), the signature and the rules: a change renders again."""
    digest = hashlib.sha256(orjson.dumps([settings.me.name, settings.me.contact, settings.me.timezone, rules]))
    for folder in (TEMPLATES / "drafts", settings.drafts_dir):
        if folder is not None and folder.is_dir():
            for path in sorted(folder.rglob("*.j2")):
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
