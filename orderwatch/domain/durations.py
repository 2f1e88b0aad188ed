"""Durations as people write them, in one place: number words, unit words and the Duration type.

The parsers read "24小时内发货", "within twenty-four hours", "innerhalb von 2 Werktagen"; the
configuration says "3 workdays"; reminders repeat "24 hours" later. All of them go through this
module, so a phrase one of them accepts the others accept too, and a workday is a working day
everywhere (counted on the order's calendar, never as 24 hours).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from orderwatch.domain.calendar import BUSINESS_DAYS, WorkdayCalendar, add_workdays

UNITS = ("minutes", "hours", "days", "workdays")

# --- numbers ----------------------------------------------------------------------------------

_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_EN_ONES = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

# The numbers European mail spells in its deadlines: "zwei Wochen", "quinze jours", "diez días", "twee weken"
_INTL_NUMBERS = {
    **dict.fromkeys(("eins", "einen", "einem", "einer", "une", "uno", "una", "één", "um", "uma"), 1),
    **dict.fromkeys(("zwei", "deux", "dos", "due", "twee", "dois", "duas"), 2),
    **dict.fromkeys(("drei", "trois", "tres", "tre", "drie", "três"), 3),
    **dict.fromkeys(("vier", "quatre", "cuatro", "quattro", "quatro"), 4),
    **dict.fromkeys(("fünf", "fuenf", "cinq", "cinco", "cinque", "vijf"), 5),
    **dict.fromkeys(("sechs", "seis", "zes"), 6),
    **dict.fromkeys(("sieben", "sept", "siete", "sette", "zeven", "sete"), 7),
    **dict.fromkeys(("acht", "huit", "ocho", "otto", "oito"), 8),
    **dict.fromkeys(("neun", "neuf", "nueve", "nove", "negen"), 9),
    **dict.fromkeys(("zehn", "dix", "diez", "dieci", "tien", "dez"), 10),
    **dict.fromkeys(("zwölf", "douze", "doce", "dodici", "twaalf", "doze"), 12),
    **dict.fromkeys(("vierzehn", "quatorze", "catorce", "quattordici", "veertien"), 14),
    **dict.fromkeys(("fünfzehn", "quinze", "quince", "quindici", "vijftien"), 15),
    **dict.fromkeys(("zwanzig", "vingt", "veinte", "venti", "twintig", "vinte"), 20),
    **dict.fromkeys(("dreißig", "dreissig", "trente", "treinta", "trenta", "dertig", "trinta"), 30),
}
# A number as a regex group: digits, Chinese numerals, English words ("twenty-four", "a").
_EN_WORD = (
    r"(?:"
    + "|".join(_EN_TENS)
    + r")(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|"
    + "|".join(sorted(_EN_ONES, key=len, reverse=True))
)
NUM = (
    r"(\d{1,3}(?:[.,]5(?!\d))?|[一二两三四五六七八九十]{1,3}|"
    + _EN_WORD
    + "|(?:"
    + "|".join(sorted(_INTL_NUMBERS, key=len, reverse=True))
    + r")(?![a-zà-ÿß]))"
)
# "1-3", "3 à 5", "2 bis 4", "1至3": the upper bound counts.
RANGE = NUM + r"(?:\s*(?:-|–|—|~|～|〜|至|到|to|or|à|a|bis|y|e|do|tot|und|et|and)\s*" + NUM + r")?"


def number(word: str) -> int | None:
    """'3', '三', '十二', 'two', 'twenty-four' -> int."""
    word = re.sub(r"\s+", " ", word.strip().lower())
    if word.isdigit():
        return int(word)
    if word in _EN_ONES:
        return _EN_ONES[word]
    if word in _INTL_NUMBERS:
        return _INTL_NUMBERS[word]
    tens, _, ones = word.replace(" ", "-").partition("-")
    if tens in _EN_TENS and (not ones or (ones in _EN_ONES and _EN_ONES[ones] < 10)):
        return _EN_TENS[tens] + (_EN_ONES[ones] if ones else 0)
    if word and all(ch in _ZH_DIGITS or ch == "十" for ch in word):
        if "十" in word:
            high, _, low = word.partition("十")
            return (_ZH_DIGITS.get(high, 1) if high else 1) * 10 + (_ZH_DIGITS.get(low, 0) if low else 0)
        value = 0
        for ch in word:
            value = value * 10 + _ZH_DIGITS[ch]
        return value
    return None


# --- unit words -----------------------------------------------------------------------------

# (language, pattern, unit), longest words first within a language; weeks become 7 days.
_UNIT_WORDS: tuple[tuple[str, str, str], ...] = (
    ("zh", r"个工作日|個工作日|工作日|個工作天|个工作天|工作天|営業日|영업일", "workdays"),
    ("zh", r"个小时|個小時|小时|小時|時間|시간", "hours"),
    ("zh", r"分钟|分鐘|분", "minutes"),
    ("zh", r"个自然日|自然日|天|日|일", "days"),
    ("zh", r"个星期|個星期|星期|周|週間|週|주", "weeks"),
    ("zh", r"h|H|分", "short"),  # "24h内", "30分内": only in Chinese phrasing
    ("en", r"business\s+hours?|working\s+hours?", "workhours"),
    ("en", r"(?:bank\s+)?business\s+days?|working\s+days?|bank(?:ing)?\s+days?|weekdays?|workdays?", "workdays"),
    ("en", r"hours?|hrs?", "hours"),
    ("en", r"minutes?|mins?", "minutes"),
    ("en", r"calendar\s+days?|days?", "days"),
    ("en", r"weeks?", "weeks"),
    ("en", r"months?", "months"),
    (
        "intl",
        r"h(?:eures)?\s*ouvr(?:é|e)es|heures\s+ouvrables|arbeitsstunden|ore\s+lavorative|horas\s+h[áa]biles",
        "workhours",
    ),
    (
        "intl",
        r"(?:bank)?werktag(?:e|en)?|(?:bank)?arbeitstag(?:e|en)?|bankgesch[äa]ftstag(?:e|en)?|"
        r"jours? ouvr(?:é|e|a)(?:s|bles?)?|giorni lavorativi|giorn(?:i|ate) (?:operativ[ie]|lavorativ[ie])|"
        r"d[íi]as h[áa]biles|"
        r"d[íi]as laborables|dni robocz(?:e|ych)|werkdag(?:en)?|"
        r"(?:рабочих|банковских)\s+дн(?:я|ей)|рабочий\s+день|(?:робочих|банківських)\s+дн(?:я|ів)|робочий\s+день|i[şs]\s+g[üu]n[üu]?|hari\s+kerja|ngày\s+làm\s+việc|วันทำการ|"
        r"arbetsdag(?:ar|en)?|arbeidsdag(?:er|en)?|arbejdsdag(?:e|ene)?|hverdag(?:e|ene)?|virkedag(?:er|e|en|ene)?|vardag(?:ar|en)?|pankkip[äa]iv[äa](?:n|[äa])?|ty[öo]p[äa]iv[äa](?:n|[äa])?|"
        r"hari\s+bekerja|arkip[äa]iv[äa](?:n|[äa])?|pracovn[íi]ch\s+dn[ůu]|pracovn[ýy]ch\s+dn[íi]|pracovn[íi]\s+dny|munkanap(?:on|ot)?|zile\s+lucr[ăa]toare|d[íi]as\s+[úu]teis|أيام\s+(?:ال)?عمل|يوم\s+عمل|"
        r"ימי\s+(?:עסקים|עבודה)|работни\s+дни|работен\s+ден|εργ[άα]σιμ(?:ες|[ωώ]ν)\s+[ηή]?μ[εέ]ρ(?:ες|[ωώ]ν)",
        "workdays",
    ),
    (
        "intl",
        r"stunden?|heures?|ore|horas|godzin[y]?|uur|час(?:а|ов)?|saat|jam|giờ|ชั่วโมง|timmar|timer|tuntia|hodin|[óo]r[áa]n?|ساعة|ساعات|שעות|שעה|часа|час|ώρ(?:ες|ών|ας)|h(?![a-zà-ÿ])",
        "hours",
    ),
    (
        "intl",
        r"minutes?|minuten?|minuti|minutos?|minut(?:y|ach|ów)?|minuter|minutter|minuuttia|menit|min\.?",
        "minutes",
    ),
    (
        "intl",
        r"kalendertag(?:e|en)?|tag(?:e|en)?|jours?(?: calendaires)?|giorni|d[íi]as(?: naturales)?|dni|dag(?:en)?|"
        r"дн(?:я|ей|ів)|день|g[üu]n|hari|ngày|วัน|dagar|dager|dage|d[øo]gn|p[äa]iv[äa](?:n|[äa])?|dn[ůu]|dny|dn[íi]|napon|napot|nap|zile|أيام|يوم(?:ًا|ا)?|ימים|יום|дни|дена|ден|[ηή]?μ[εέ]ρ(?:ες|[ωώ]ν|α)",
        "days",
    ),
    (
        "intl",
        r"wochen?|semaines?|settimane|semanas?|tygodni(?:e)?|weken|veckor|uker|uger|viikkoa|t[ýy]dn[ůuy]|s[ăa]pt[ăa]m[âa]ni",
        "weeks",
    ),
    ("intl", r"monate?n?|mois|mes(?:es)?|mesi|maanden?|miesi[ąę]c(?:e|y|y)?", "months"),
)
_SHORT = {"h": "hours", "分": "minutes"}


def unit_pattern(*languages: str) -> str:
    """A regex group of the unit words of these languages ('zh', 'en', 'intl')."""
    return "(" + "|".join(p for lang, p, _ in _UNIT_WORDS if lang in languages) + ")"


@cache
def _unit_matchers() -> list[tuple[re.Pattern[str], str]]:
    """The unit words compiled once, on first use (not at import: the CLI starts faster)."""
    return [(re.compile(pattern, re.I), unit) for _, pattern, unit in _UNIT_WORDS]


ZH_UNIT = unit_pattern("zh")
EN_UNIT = unit_pattern("en")
INTL_UNIT = unit_pattern("intl")


def unit_of(word: str) -> str | None:
    """The unit a word names ('個工作天' -> workdays, 'Werktagen' -> workdays), weeks as 'weeks'."""
    word = word.strip()
    for pattern, unit in _unit_matchers():
        if pattern.fullmatch(word):
            return _SHORT.get(word.lower()) if unit == "short" else unit
    return None


def duration_from(low: str, high: str | None, unit_word: str) -> Duration | None:
    """'1', '3', '个工作日' -> 3 workdays: a range counts its upper bound; weeks are 7 days, months 30."""
    unit = unit_of(unit_word)
    half = re.fullmatch(r"(\d{1,3})[.,]5", (high or low).strip())
    if half and unit in ("hours", "days"):  # "within 1.5 hours": 90 minutes; "2,5 Tage": 60 hours
        whole = int(half.group(1))
        return Duration(whole * 60 + 30, "minutes") if unit == "hours" else Duration(whole * 24 + 12, "hours")
    if half:
        return None
    amount = number(high or low)
    if unit is None or amount is None or amount <= 0:
        return None
    if unit == "workhours":  # "48h ouvrées": two working days, at the same time of day
        return Duration(amount // 24, "workdays") if amount % 24 == 0 else Duration(amount, "hours")
    if unit == "months":  # "dos meses desde su notificación": counted as 30 days each (never later than the law's)
        return Duration(amount * 30, "days")
    return Duration(amount * 7, "days") if unit == "weeks" else Duration(amount, unit)


@cache
def _written() -> re.Pattern[str]:
    """'3 workdays', '2-3 个工作日', '48h': compiled on first use (the CLI starts faster)."""
    return re.compile(r"^\s*" + RANGE + r"\s*(" + "|".join(p for _, p, _ in _UNIT_WORDS) + r"|d)\s*$", re.I)


def parse_duration(text: str) -> Duration:
    """A duration in the configuration: '24 hours', 'twenty-four hours', '3 workdays', '24h', '3个工作日'."""
    match = _written().match(str(text))
    found = None
    if match:
        unit_word = "day" if match.group(3).lower() == "d" else match.group(3)
        found = duration_from(match.group(1), match.group(2), unit_word)
    if found is None:
        raise ValueError(f"not a duration: {text!r} (write e.g. '24 hours', '3 workdays', '30 minutes', '7 days')")
    return found


# --- the type ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Duration:
    """An amount of time as people state it: 30 minutes, 48 hours, 7 days, 3 workdays."""

    amount: int
    unit: str

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit {self.unit!r}")

    def after(self, start: datetime, calendar: WorkdayCalendar = BUSINESS_DAYS) -> tuple[datetime, bool]:
        """The instant this long after `start`, and whether a fallback calendar was used."""
        if self.unit == "minutes":
            return start + timedelta(minutes=self.amount), False
        if self.unit == "hours":
            return start + timedelta(hours=self.amount), False
        if self.unit == "days":
            return start + timedelta(days=self.amount), False
        return add_workdays(start, self.amount, calendar)

    def text(self, lang: str = "en") -> str:
        if lang == "zh":
            word = {"minutes": "分钟", "hours": "小时", "days": "天", "workdays": "个工作日"}[self.unit]
            return f"{self.amount}{word}"
        word = {"minutes": "minute", "hours": "hour", "days": "day", "workdays": "business day"}[self.unit]
        return f"{self.amount} {word}{'' if self.amount == 1 else 's'}"


def earliest_reaching(
    target: datetime, duration: Duration, calendar: WorkdayCalendar = BUSINESS_DAYS
) -> tuple[datetime, datetime]:
    """When a deadline comes within reach: the first instant t with `duration.after(t) >= target`,
    as (just before, at or after) it.

    Exact for clock durations; for workdays a search to the second (`after` never runs backwards,
    and n workdays span at least n days and, across the longest holidays, far less than a year).
    """
    if duration.unit != "workdays":
        exact = target - (duration.after(target)[0] - target)
        return exact, exact
    low, high = target - timedelta(days=duration.amount + 366), target - timedelta(days=duration.amount)
    if duration.after(high, calendar)[0] < target:
        high = target
    while (high - low) > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if duration.after(middle, calendar)[0] >= target:
            high = middle
        else:
            low = middle
    return low, high
