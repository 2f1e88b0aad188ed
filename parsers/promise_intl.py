"""Delivery times said "within N days" in the European languages other than English: "innerhalb von
2-3 Werktagen", "sous 48h", "binnen 5 werkdagen", "levering innen 1–3 virkedager", "จัดส่งภายใน 3 วัน".

Kept apart from `promise` (English and Chinese shapes) so each stays readable. A desk's reply time,
a refund's period and the buyer's own window to report are not the goods' promise.
"""

from __future__ import annotations

import re

from orderwatch.parsers.base import Promise
from orderwatch.parsers.durations import DESTINATION
from orderwatch.parsers.guarded import guarded

from orderwatch.domain.durations import INTL_UNIT, RANGE, duration_from


def within_in_other_languages(text: str) -> list[tuple[int, Promise]]:
    """Every "within N days" promise in the text, with its position."""
    found: list[tuple[int, Promise]] = []
    for match in _INTL_WITHIN.finditer(text):
        low, high, unit_word = match.group(1), match.group(2), match.group(3)
        duration = duration_from(low, high, unit_word)
        if duration is None:
            continue
        near = text[max(0, match.start() - 60) : match.end() + 30]
        # the sentence, across its soft line wraps: "Le remboursement … sur la carte\nbancaire …, sous 30 jours"
        sentence = max(text.rfind(". ", 0, match.start()), text.rfind("\n\n", 0, match.start()), match.start() - 200)
        if (
            _INTL_REPLY.search(near)
            or _GETS_BACK.search(text, max(0, match.start() - 30), match.start())
            or REFUND_NEAR.search(text[max(0, min(sentence, match.start() - 80)) : match.start()])
        ):
            continue  # a desk's reply time ("innerhalb von 2 Arbeitstagen"), a refund's ("remboursement … sous 10 jours")
        kind = "ship" if _INTL_SHIP.search(near) and not _INTL_DELIVER.search(match.group(0)) else "deliver"
        if _INTL_DELIVERED_VERB.match(text, match.end()):  # "innerhalb von 8-12 Werktagen nach dem Versand zugestellt"
            kind = "deliver"
        found.append((match.start(), Promise(kind, match.group(0).strip(), within=duration)))
    return found


# --- "within N days" in the other European languages -------------------------------------

_INTL_WITHIN = guarded(
    r"(?:innerhalb\s+(?:von\s+)?|binnen\s+|sous\s+|(?<!\w)dalam\s+(?:waktu\s+)?|dans\s+les\s+|dans\s+un\s+d[ée]lai\s+de\s+|d'ici\s+|entro\s+|"
    r"dentro\s+de\s+|en\s+un\s+plazo\s+de\s+|w\s+ci[ąa]gu\s+|(?:תוך|עד)\s*|в\s+рамките\s+на\s+|εντ[οό]ς\s+|delivery time"
    + DESTINATION
    + r"\s*[:：]\s*(?:up to\s+)?|livraison\s+en\s+|"
    # a shop's delivery-time label, maybe with a range's opener: "Plazo de entrega: de 3 a 5 días laborables",
    # "Czas realizacji: do 10 dni roboczych", "Lieferzeit: zwischen 2 und 4 Werktagen"
    r"(?:lieferzeit|(?:plazo|tiempo) de entrega|temp[io] di consegna|termin dostawy|czas (?:dostawy|realizacji)|termin realizacji|"
    r"d[ée]lai de livraison|prazo de entrega)"
    + DESTINATION
    + r"\s*[:：]?\s*(?:(?:bis zu|ca\.|etwa|zwischen|von|de|da|entre|od|do|fino a|hasta|jusqu'[àa])\s*)?|"
    r"consegna\s+in\s+|entrega\s+en\s+|levertijd\s*[:：]?\s*|"
    # nb, da, sv: "levering innen 1–3 virkedager", "levering inden for 2-4 hverdage", "leverans inom 3-5 arbetsdagar"
    r"(?:levering|leveres|leverans|levereras|sendes|afsendes|skickas)\s+(?:innen|inden\s+for|inom)\s+|"
    r"(?:skal|må)\s+(?:sende|afsende|levere)\s+(?:varen\s+|pakken\s+)?(?:inden|innen)\s+|(?:จัดส่ง|ได้รับสินค้า)ภายใน\s*|leveringstid\s*[:：]?\s*|leveranstid\s*[:：]?\s*|(?:lieferung|zustellung|versand)\s+in\s+|levering\s+in\s+|"
    r"dostawa\s+w\s+|(?:puede|podr[íi]a)\s+tardar\s+hasta\s+|peut\s+prendre\s+jusqu'[àa]\s+|"
    r"pr[êe]te?s?\s+dans\s+|kann\s+bis\s+zu\s+|pu[òo]\s+richiedere\s+fino\s+a\s+|(?<!\w)em\s+at[ée]\s+|(?<!\w)en\s+hasta\s+|"
    # the method's own time: "spedizione in 24/48 ore", "wysyłka w 24 h", "envío en 24/48h", "expédition en 48h"
    r"(?:spedizione|spedito|spediamo|wysy[łl]ka|wysy[łl]amy|env[íi]o|enviamos|exp[ée]dition|exp[ée]di[ée]e?s?)\s+(?:in|w|en|sous)\s+)"
    + RANGE.replace("(?:-|", "(?:/|-|", 1)
    + r"\s*"
    + INTL_UNIT
    + r"\b",
    re.I,
)
_INTL_REPLY = guarded(
    # a reply's or an investigation's own time: "l'enquête peut prendre jusqu'à 21 jours"
    r"beantwort|antwort|anfrage|répon|demand|rispond|richiest|respond|solicitud|odpowi|zapytani|beantwoord|vraag|"
    r"sa position|stellungnahme|osservazion|alegacion|standpunt|"  # a body asks the trader for its position
    r"enqu[êe]te|nachforschung|indagine|investigaci[óo]n|onderzoek|reklamacj|"
    r"signal|segnal|\bmeld\b|zg[łl]o[śs]",  # the buyer's own window to report a fault: "Signalez-le … sous 48h", "Meld het binnen 24 uur"
    re.I,
)
# a refund's time or a return / withdrawal window ("Widerrufsrecht … innerhalb von 14 Tagen") is no delivery
REFUND_NEAR = guarded(
    r"rembours|erstatt|reembols|rimbors|zwrot|terugbet|refund|estorn|devolu[çc]|devolvid|volta para a sua conta|visszat[ée]r[íi]t|"
    # money coming back, or the buyer's own step of a return: "Środki pojawią się…", "Nadaj paczkę w ciągu 14 dni"
    r"[śs]rodki|pieni[ąa]dze|\bfunds\b|\bmoney\b|\bnadaj|ode[śs]lij|send (?:it|them|the (?:item|parcel|package)) back|"
    r"autorisation|authori[sz]ation hold|pre-?authori[sz]ation|cr[ée]dit[ée]|"  # a card hold released, money credited
    r"退款|退回|退還|返金|환불|זיכוי|החזר|възстанов|επιστροφ|кошти|"
    r"widerruf|rücksend|rückgabe|r[ée]tractation|retour|desistimiento|devoluci|recesso|\breso\b|odst[ąa]pieni|\breturn",
    re.I,
)
# "Unsere RMA-Abteilung … meldet sich innerhalb von 5 Werktagen": a desk's own time to get back, said just before
_GETS_BACK = guarded(
    r"meldet sich|melden (?:uns|wir)|recontacter|reviendrons vers vous|revenons vers vous|get back to you|ricontatter|pondremos en contacto|skontaktujemy",
    re.I,
)
_INTL_SHIP = guarded(
    r"จัดส่ง|sendes|afsendes|skickas|\bsende\b|\bafsende\b|realizac|pr[êe]te?s?\s+dans|versand|versend|verschick|exp[ée]di|spedi|env[íi]|despach|wysy[łl]|verzend|verzonden",
    re.I,
)
_INTL_DELIVERED_VERB = guarded(
    r"[^.\n]{0,40}?\b(?:zugestellt|geliefert|livr[ée]e?s?|entregad[oa]s?|consegnat[oa]|bezorgd|geleverd|dostarczon[aey])\b",
    re.I,
)
_INTL_DELIVER = guarded(
    r"lieferzeit|lieferung|zustellung|livraison|consegna|entrega|levertijd|levering|leveres|levere\b|leverans|levereras|dostawa",
    re.I,
)
