"""What an agent's reply commits to or reports: a new time to ship or deliver ("今天18:00前一定给您
发出", "partira demain"), or a parcel already gone out with its number ("今天已經寄出了，黑貓單號 …").
A report is no promise: "was delivered on Saturday", "abbiamo spedito oggi", "已經寄出".
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from orderwatch.parsers import cues, lexicon, parcels
from orderwatch.parsers import guarded as rx
from orderwatch.parsers.arrivals import arrival_time
from orderwatch.parsers.assertions import FUTURE_BEFORE, NEGATION_BEFORE
from orderwatch.parsers.base import Message
from orderwatch.parsers.guarded import guarded
from orderwatch.parsers.promise import find_promise

# A new delivery promise made in a reply: "今天18:00前一定给您发出", "明天會送達", "partira demain".
_DAY = (
    r"今天|今日|今晚|明天|明日|后天|後天|tomorrow|today|tonight|demain|aujourd'hui|après-demain|morgen|heute|übermorgen|"
    r"mañana|hoy|domani|oggi|(?:下|本|这|這)?(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]|"
    r"\d{1,2}\s*月\s*\d{1,2}\s*日|" + lexicon.WEEKDAY_FULL  # "11月16日（月）には必ず発送いたします"
)
_SHIP_VERBS = (
    r"发出|发货|寄出|出貨|發貨|寄出|充值|発送|出荷|ship|dispatch|go out|be sent|in the post|in the mail|post (?:it|them)|"
    r"(?<![aà] )partir[a]?|expédi|versend|schick|raus\b|envia|enviar|envoi|envoyer|saldrá|spedi|(?:给|給)(?:你|您)(?:发|發)(?:出|货|貨)?"
)
_ARRIVE_VERBS = r"送达|送到|到货|送達|到貨|お届け|到着|到账|到帳|充好|充上|充进|充進|补发|補發|发到|發到|发卡|發卡|deliver|arrive|livr|arriv|geliefert|zugestellt|ankommen|llegar|entreg|consegn"
# "vous le recevrez au plus tard le vendredi 20": receiving, with its day after it (before it, the day
# may be the parcel's and the thing received a mere tracking number: "partira demain ; vous recevrez le numéro")
_RECEIVE_VERBS = r"recevr|erhalten|ricever|recibir"
# "已經縫好寄出", "已經幫您重新包裝寄出": done, with how (never "已经安排明天寄出", a plan)
_DONE_ZH = guarded(r"(?:已|已經|已经)(?:(?!明|後|后|下(?!午)|安排|將|将)[^，。,、\s]){0,20}\s*$")
_DAY_THEN_VERB = guarded(rf"({_DAY})[^。.!！?？\n]{{0,24}}?({_SHIP_VERBS}|{_ARRIVE_VERBS})", re.I)
# one sentence, maybe wrapped at 72 columns: "elle vous sera livrée au plus\ntard le mardi 10 novembre"
_VERB_THEN_DAY = guarded(
    rf"({_SHIP_VERBS}|{_ARRIVE_VERBS}|{_RECEIVE_VERBS})(?:[^。.!！?？\n]|\n(?!\s*\n)){{0,24}}?\b({_DAY})", re.I
)


# Past participles of the shipping verbs: en, it, es/pt, fr, de, nl, pl
_PARTICIPLES = (
    "ed",
    "ito",
    "ita",
    "ato",
    "ata",
    "ado",
    "ada",
    "ido",
    "ida",
    "é",
    "ée",
    "és",
    "andt",
    "ickt",
    "onden",
    "ane",
)


def _day_of(text: str, at: datetime) -> tuple[datetime | None, int]:
    """The time a reply's day names, and how much of `text` names it; "下周三" is Wednesday of next
    week, whatever today is."""
    following = text.startswith(("下周", "下週", "下星期", "下礼拜", "下禮拜"))
    skipped = 1 if text.startswith(("下", "本", "这", "這")) and text[1:2] in ("周", "週", "星", "礼", "禮") else 0
    by, used = arrival_time(text[skipped:], at)
    if by is not None and following and by.isocalendar()[:2] == at.isocalendar()[:2]:
        by += timedelta(days=7)
    return by, used + skipped


def reply_promise(text: str, at, labels: bool = False) -> dict[str, object] | None:
    """The new time a shop's reply commits to, as a promise event's fields (None if it names none).

    "今天下午顺丰发出，预计明天送达": of the times a reply names, the latest governs (domain.md)."""
    found: list[tuple[datetime, dict[str, object]]] = []
    ahead: list[tuple[datetime, dict[str, object]]] = []  # "sera expédié au plus tard le lundi": said in the passive
    for pattern, day_group, verb_group in ((_DAY_THEN_VERB, 1, 2), (_VERB_THEN_DAY, 2, 1)):
        for match in pattern.finditer(text):
            if NEGATION_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
                continue  # "won't ship before Monday"; a promise ("sera expédié", "will ship") is what is sought
            word = rx.match(r"\w*", text[match.start(verb_group) :]).group(0)  # type: ignore[union-attr]
            before = text[max(0, match.start(verb_group) - 12) : match.start(verb_group)]
            participle = word.lower().endswith(_PARTICIPLES)
            auxiliary = FUTURE_BEFORE.search(before) if participle else None
            if (participle and auxiliary is None) or _DONE_ZH.search(text[: match.start(verb_group)][-18:]):
                continue  # "was delivered on Saturday", "abbiamo spedito oggi", "今天已經寄出了": a report
            by, used = _day_of(text[match.start(day_group) :], at)
            if by is None or by <= at:
                continue
            start = match.start() - (len(auxiliary.group(0)) if auxiliary else 0)
            end = max(match.end(), match.start(day_group) + used)  # "by Tuesday 13 October", not "by Tuesday"
            kind = "ship" if rx.fullmatch(_SHIP_VERBS, match.group(verb_group), re.I) else "deliver"
            phrase = " ".join(text[start:end].split())
            (ahead if auxiliary else found).append(
                (by, {"by": by.isoformat(), "promise": kind, "phrase": phrase, "stated": True})
            )
    if not found and labels:  # a reply reschedules with labels: "配送日期：2026/11/17（二） 配送時段：09:00-13:00"
        arrival = find_promise(text, at)
        if arrival is not None and arrival.by is not None and arrival.by > at:
            phrase = " ".join(arrival.phrase.split())
            found.append(
                (arrival.by, {"by": arrival.by.isoformat(), "promise": arrival.kind, "phrase": phrase, "stated": True})
            )
    found = found or ahead  # a labelled estimate quotes better; the passive promise when there is none
    return max(found, key=lambda item: item[0])[1] if found else None


def reported_shipment(msg: Message, fresh: str) -> str | None:
    """The tracking number of a parcel the reply (its own words, quotes removed) says has gone out."""
    if not cues.affirmed(cues.SHIPPED, fresh):
        return None
    return parcels.tracking_number(parcels.find_tracking(fresh), msg)
