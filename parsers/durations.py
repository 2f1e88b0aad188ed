"""Stated times that are not delivery promises (the words themselves: orderwatch.domain.durations): "将在48小时内处理", "退款将在1-3个工作日内原路返回",
"可在收到本通知后24小时内...申诉", "we reply within 24 hours", "appeal within 24 hours",
"by 18 June 2026, 15:47 CEST".
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache

from orderwatch.parsers import guarded as rx
from orderwatch.parsers.assertions import conditional_at
from orderwatch.parsers.fields import end_of_day, find_times
from orderwatch.parsers.fields.times import clock_before
from orderwatch.parsers.guarded import guarded
from orderwatch.parsers.lexicon import WEEKDAY_FULL

from orderwatch.domain.durations import EN_UNIT, INTL_UNIT, RANGE, ZH_UNIT, Duration, duration_from

# Thai writes no full stops: a wrapped line ends a sentence no more than a wrapped English one does
# "1~2일 이내(주말·공휴일 제외)", "2〜3日以内（土、日、国民の祝日…を除く）": days counted without weekends
# the country a delivery time is for, before its colon: "Delivery time to Ireland: 3-5 working days",
# "Lieferzeit nach Österreich: 3-5 Werktage", "Délai de livraison en France : 2 à 4 jours ouvrés"
DESTINATION = r"(?:\s*(?:to|nach|in|into|vers|en|pour|para|per|a|na|do|till|til|naar)\s+[^\s:：]{2,20}(?:\s+[^\s:：]{2,20})?(?=\s*[:：]))?"
NO_WEEKENDS = guarded(r"(?:주말|공휴일|土|日曜|祝日|週末|周末|节假日|節假日)[^）)]{0,40}?(?:제외|除く|除外|除)")
_TIMES_24 = guarded(r"\b(\d)\s*[x×]\s*24\s*jam\b", re.I)
_SPELLED_THEN_DIGITS = guarded(r"\b[^\W\d_]{3,12}\s*\((\d{1,3})\)")
_THIRD_PARTY = guarded(r"(?:have|has|gets?|is|are|will)\b", re.I)
_DECIMAL_POINT = guarded(r"(?<=\w)\.(?=\w)")  # "9,999.00", "ر.س", "z.B": no sentence ends
_DIGITS_THEN_SPELLED = guarded(r"\b(\d{1,3})\s*\([^\W\d_]{3,12}(?:[\s-][^\W\d_]{1,12}){0,2}\)")  # "5 (cinco) dias"
# (Japanese wraps after a particle: "5営業日以内に\nご登録の返金口座へ")
_WRAPPED = guarded(
    r"(?<=[A-Za-z0-9,)\u0e00-\u0e7f\uac00-\ud7a3\u3041-\u3093])[ \t]*\n"
    r"(?=[ \t]*[a-z0-9(\u0e00-\u0e7f\uac00-\ud7a3\u3041-\u30ff\u4e00-\u9fff])"
)


def stated_duration(text: str, zh_verbs: str, en_verbs: str, intl_words: str = "") -> Duration | None:
    """'N unit 内 ... verb' (Chinese) or 'verb ... within N unit' (English) for the given verbs.

    With `intl_words`, also 'binnen 5 werkdagen' / 'sous 5 jours ouvrés' in a sentence that has one
    of those words (the other European languages).
    """
    text = _WRAPPED.sub(" ", text)  # a sentence wrapped at 72 columns reads as one line
    text = _SPELLED_THEN_DIGITS.sub(r"\1", text)
    text = _DIGITS_THEN_SPELLED.sub(r"\1", text)
    text = _TIMES_24.sub(
        lambda m: f"{int(m.group(1)) * 24} jam", text
    )  # "3x24 jam": 72 hours  # "quinze (15) jours ouvrables", "fifteen (15) business days"
    for shape in _shapes(zh_verbs, en_verbs):
        for match in shape.finditer(text):
            # "If we can raise a chargeback, the merchant has 45 days": a clock that may never start
            if _THIRD_PARTY.match(match.group(0)) and conditional_at(text, match.start()):
                continue
            found = duration_from(match.group(1), match.group(2), match.group(3))
            if found and found.unit == "days" and NO_WEEKENDS.search(text, match.start(), match.end() + 40):
                found = Duration(found.amount, "workdays")
            if found:
                return found
    if intl_words:
        topic = guarded(intl_words, re.I)
        plain = _DECIMAL_POINT.sub(",", text)  # "$9,999.00" ends no sentence
        for match in [*_INTL_WITHIN.finditer(text), *_INTL_WITHIN_AFTER.finditer(text)]:
            start = max(plain.rfind(".", 0, match.start()), plain.rfind("\n", 0, match.start())) + 1
            end = min(x for x in (plain.find(".", match.end()), plain.find("\n", match.end()), len(text)) if x >= 0)
            # a sentence wrapped at 72 columns: "…la acción de anulación ante la Sala de lo\nCivil … en el plazo de dos"
            wrapped_start = max(plain.rfind(".", 0, match.start()), plain.rfind("\n\n", 0, match.start())) + 1
            # and on past its line break: "Du kannst innerhalb von 7 Tagen\nWiderspruch einlegen."
            wrapped_end = min(
                x for x in (plain.find(".", match.end()), plain.find("\n\n", match.end()), match.end() + 120) if x >= 0
            )
            if topic.search(text[max(wrapped_start, start - 160) : max(end, min(wrapped_end, len(text)))]):
                found = duration_from(match.group(1), match.group(2), match.group(3))
                if found:
                    return found
    return None


# The languages that say "within" after the span: "7-10 iş günü içinde", "5 arkipäivän sisällä"
_INTL_WITHIN_AFTER = guarded(
    RANGE + r"\s+" + INTL_UNIT + r"\s+(?:i[çc]inde|i[çc]erisinde|sis[äa]ll[äa]|alle|belül|以内|以內|이내)", re.I
)
_INTL_WITHIN = guarded(
    r"(?:\b(?:binnen|innerhalb(?:\s+von)?|nejpozd[ěe]ji do|do(?=\s+\d)|תוך|в рамките на|εντ[οό]ς|[îi]n termen(?:ul)?(?:\s+legal)?\s+de|sous|dans un d[ée]lai de|d'ici|entro|dentro de|en un plazo de|w ci[ąa]gu|w terminie|"
    r"в\s+течение|خلال|протягом|dans les|dalam(?:\s+masa|\s+waktu)?|trong\s+vòng|inom|innen|inden(?:\s+for)?|b[ěe]hem|[îi]n|em\s+at[ée]|at[ée]|(?:puede\s+)?(?:tardar|demorar)(?:\s+hasta)?(?:\s+entre)?|(?:mo[żz]e\s+)?potrwa[ćc]\s+do|hasta|"
    # "Il dispose de 48 heures pour vous répondre", "Tiene 48 horas para…", "Er hat jetzt 3 Tage Zeit"
    r"(?:donne|donnons|accorde|accordons|laisse|laissons)(?:\s+un\s+d[ée]lai\s+de)?|dispose de|disposent de|disposez de|disposes de|(?<=vendeur )a|(?<=vendeuse )a|(?<=marchand )a|tiene|tienen|dispone de|tem(?:\s+at[ée])?|hat(?:\s+(?:jetzt|nun))?|haben|ha|hanno|"
    # "dispondrá de un plazo de 15 días hábiles para presentar alegaciones", "eine Frist von 14 Tagen"
    r"(?:pra|pla)zo\s+para\s+\w+\s*:|(?:un )?plazo (?:no mayor (?:a|de)|m[áa]ximo de|de hasta)|(?:no |um )?prazo (?:m[áa]ximo )?de(?: at[ée])?|"
    r"(?:un )?plazo de|un d[ée]lai de|(?:un )?termine di|(?:eine )?frist von)|ภายใน)\s*"
    + RANGE
    + r"\s+(?:de\s+)?"  # Romanian counts twenty and more with "de": "30 de zile"
    + INTL_UNIT
    + r"\b",
    re.I,
)


@lru_cache(maxsize=16)
def _shapes(zh_verbs: str, en_verbs: str) -> tuple[re.Pattern[str], ...]:
    """The sentence shapes for one set of verbs, compiled once."""
    within = r"\s*(?:之内|以内|内|之內|以內|內|이내(?:에)?)"
    clause = r"(?:[^.\n!?]|(?<=\d)\.(?=\d))"  # within one sentence; "$39.99" does not end it
    shapes = (
        RANGE + r"\s*" + ZH_UNIT + within + r"[^。；;\n]{0,24}?(?:" + zh_verbs + ")",
        r"(?:" + zh_verbs + r")[^。；;\n]{0,12}?" + RANGE + r"\s*" + ZH_UNIT + within,
        # what it takes, said without 内: "信用卡刷退作業時間約需 7～14 個工作天", "退款到账大约需要3-5个工作日"
        r"(?:" + zh_verbs + r")[^。；;\n]{0,12}?(?:約|约|大約|大约)?(?:需要|需時|需时|需)\s*" + RANGE + r"\s*" + ZH_UNIT,
        # Korean says what it takes after the span: "환불은 카드사 사정에 따라 3~5영업일 소요될 수 있습니다"
        r"(?:" + zh_verbs + r")[^.。\n]{0,30}?" + RANGE + r"\s*" + ZH_UNIT + r"\s*(?:이내|정도|가량)?\s*(?:소요|걸)",
        r"\b(?:" + en_verbs + r")\b" + clause + r"{0,60}?\b(?:within|in)\s+" + RANGE + r"\s+" + EN_UNIT,
        # "you have 10 days to appeal", "the seller has 10 days to respond"
        r"\b(?:have|has|get|gets|(?:is|are) given|will have)\s+(?:up to\s+)?" + RANGE + r"\s+" + EN_UNIT + r"\s+(?:\w+\s+){0,4}?to\s+(?:" + en_verbs + r")\b",
        # "please allow 5-10 business days for the refund to appear", "can take up to 5 days"
        r"\b(?:allow|take|takes|takes up to|take up to)\s+(?:up to\s+)?" + RANGE + r"\s+" + EN_UNIT
        + clause + r"{0,50}?\b(?:" + en_verbs + r")\b",
        # (never "canceled within 14 days of your order": the window it was done in)
        r"\bwithin\s+" + RANGE + r"\s+" + EN_UNIT + r"\b(?!\s+of\s+(?:your|the)\s+(?:order|purchase|subscription))"
        + clause + r"{0,40}?\b(?:" + en_verbs + r")\b",
        # the verb first: "Refunds usually take 5-10 business days"
        r"\b(?:" + en_verbs + r")\s+(?:\w+\s+){0,2}?(?:take|takes)\s+(?:up to\s+)?" + RANGE + r"\s+" + EN_UNIT,
    )  # fmt: skip
    return tuple(guarded(shape, re.I) for shape in shapes)


_WEEKDAY_AT_END = guarded(r"\s*\b(?:" + WEEKDAY_FULL + r")\.?,?\s*$", re.I)


# A relative day with its clock, then "before": "今天20:00前", "明天18点之前"
_DAY_CLOCK_BEFORE = guarded(
    r"(今天|今日|明天|明日|后天|後天)\s*(晚上|下午)?\s*(\d{1,2})\s*(?:[:：](\d{2})|[点點時时](?:(\d{1,2})分)?)\s*(?:之前|以前|前)"
)


_WEEKDAY_CLOCK_BEFORE = guarded(
    r"\s*[（(](?:週|周|星期)?[一二三四五六日天][）)]\s*(\d{1,2})[:：](\d{2})\s*(?:[（(]含[）)])?\s*(?:或之前|或以前|之前|以前|前)"
)


def stated_deadline(text: str, reference: datetime) -> datetime | None:
    """An explicit date written as a deadline: '请于2026年3月19日18:00前', 'by 18 June 2026, 15:47 CEST',
    '11월 19일(목) 오후 6시까지'."""
    from orderwatch.parsers.arrivals_ko import korean_deadline  # Korean dates are read apart

    if "까지" in text and (korean := korean_deadline(text, reference)) is not None:
        return korean
    if (day := _DAY_CLOCK_BEFORE.search(text)) is not None:  # "将于今天20:00前通过原支付渠道退回"
        offset = {"今": 0, "明": 1, "后": 2, "後": 2}[day.group(1)[0]]
        hour, minute = int(day.group(3)), int(day.group(4) or day.group(5) or 0)
        hour += 12 if day.group(2) and hour < 12 else 0  # "今天晚上8点前"
        if hour < 24 and minute < 60:
            at = (reference + timedelta(days=offset)).replace(hour=hour, minute=minute, second=0, microsecond=0)
            if at > reference:
                return at
    for t in find_times(text, reference):
        if (t.at if t.has_time else end_of_day(t.at)) <= reference:
            continue  # "wasn't picked up by Mon, Aug 17": a day already past sets no deadline the mail gives
        before = _WEEKDAY_AT_END.sub("", text[max(0, t.start - 34) : t.start])  # "hasta el miércoles 13 de mayo"
        after = text[t.end : t.end + 9]
        # "請於 2026/05/27（三）17:00 前": a weekday in brackets, then the clock, between the date and 前
        clocked_after = _WEEKDAY_CLOCK_BEFORE.match(text, t.end) if not t.has_time else None
        if (
            rx.search(r"(?:请于|请在|請於|請在|截止|最晚|于|於|在)\s*$", before)
            or rx.search(r"期限\S{0,2}\s*$", before)
        ) and (clocked_after or rx.match(r"\s*(?:[（(]含[）)])?\s*(?:或之前|或以前|之前|以前|前|まで|までに)", after)):
            if clocked_after and int(clocked_after.group(1)) < 24 and int(clocked_after.group(2)) < 60:
                return t.at.replace(hour=int(clocked_after.group(1)), minute=int(clocked_after.group(2)), second=0)
            return t.at if t.has_time else end_of_day(t.at)
        if rx.match(
            r"\s*(?:之前|前)(?:到账|到帳|退回|退还|退還)", after
        ):  # "即2026年11月10日前到账": money back by then
            return t.at if t.has_time else end_of_day(t.at)
        if rx.match(r"\s*(?:[（(][月火水木金土日](?:曜日?)?[）)])?\s*までに", after):
            return t.at if t.has_time else end_of_day(t.at)  # Japanese: "2026年11月20日(金)までに"
        if rx.search(r"(?:處理|处理|辦理|办理|回覆|回复|答覆|答复)期限\s*[:：]\s*$", before):
            return t.at if t.has_time else end_of_day(t.at)  # a labelled handling deadline: "處理期限：115/11/10"
        if rx.search(
            r"\b(?:by|before|no later than|until|deadline[:]?|bis(?: sp[äa]testens| zum)?|sp[äa]testens(?: am| bis)?|"
            r"avant le|d'ici le|au plus tard le|jusqu'au|antes del?|a m[áa]s tardar el|hasta el|entro il|fino al|uiterlijk(?: op)?|do dnia|"
            r"senast(?: den)?|senest(?: den)?|viimeist[äa][äa]n|nejpozd[ěe]ji(?: do)?|tj\. do|tedy do|najp[óo][źz]niej(?: do)?|legk[ée]s[őo]bb|cel t[âa]rziu(?: p[âa]n[ăa] la)?|p[âa]n[ăa] la(?: data de)?|at[ée] (?:ao |o )?(?:dia )?)\s*(?:\d{4}\.\s*)?$",  # hu: "legkésőbb 2026. november 13-ig"
            before,
            re.I,
        ):
            return t.at if t.has_time else end_of_day(t.at)
        if not t.has_time and (clocked := clock_before(before, t.at)) is not None and clocked > reference:
            return clocked  # "by 5pm AEST on Friday 24 April 2026"
    return None


# A body that sets a hearing: the other side answers there ("deberá comparecer y responder al reclamo").
_HEARING = guarded(
    r"audiencia(?: de conciliaci[óo]n)?|audi[êe]ncia(?: de concilia[çc][ãa]o)?|\bhearing\b|s[ée]ance de conciliation|"
    r"udienza|verhandlung|mediation (?:meeting|session)|調解會議|调解会议|調解期日|调解期日",
    re.I,
)


def hearing_time(text: str, at: datetime) -> datetime | None:
    """The date and hour of the hearing the acknowledgement sets, if it sets one."""
    for hearing in _HEARING.finditer(text):
        times = [t for t in find_times(text[hearing.end() : hearing.end() + 200], at) if t.at > at]
        if times:
            return times[0].at if times[0].has_time else end_of_day(times[0].at)
    return None
