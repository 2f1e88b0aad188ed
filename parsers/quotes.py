"""Quoted and forwarded text: what is new in a reply, and what a forward carries.

A reply that quotes the order mail must not create a second order, and a forward of the user's
own order counts once, with the times of the forwarded mail, not of the forward.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orderwatch.parsers import guarded as rx
from orderwatch.parsers.guarded import guarded

# A line that starts the quoted part of a reply, in the clients buyers use.
_QUOTE_START = guarded(
    r"^(?:"
    r"[ \t]*-{2,}\s*(?:您的原始(?:提問|问题|問題|留言)|原始邮件|原始郵件|Original Message|Forwarded message|转发邮件(?:信息)?|转发的消息|轉寄的訊息|轉寄郵件(?:資訊)?|已轉寄郵件|Weitergeleitete Nachricht|"
    r"Ursprüngliche Nachricht|Message transféré|Message d'origine|Messaggio inoltrato|Messaggio originale|"
    r"Mensaje reenviado|Mensaje original|Przekazana wiadomość|Wiadomość oryginalna|Doorgestuurd bericht|Oorspronkelijk bericht|"
    r"Origineel bericht|Mensagem original|Mensagem encaminhada|Ursprungligt meddelande|Vidarebefordrat meddelande|Opprinnelig melding|"
    r"Oprindelig meddelelse|Alkuperäinen viesti|Původní zpráva|Přeposlaná zpráva|Eredeti üzenet|Mesaj original|Исходное сообщение|"
    r"Пересылаемое сообщение|Orijinal [İI]leti|İletilen [İI]leti|Αρχικό μήνυμα)\s*-{2,}"
    # Apple Mail may quote the whole forward, its first line too: "> Begin forwarded message:"
    r"|(?:[ \t]*>[ \t]?)*(?:Begin forwarded message|Anfang der weitergeleiteten Nachricht|Début du message réexpédié|"
    r"Inizio messaggio inoltrato|Comienzo del mensaje reenviado|Początek przekazanej wiadomości)\s*:"
    # Outlook's rule above a quoted header block; a shop's own separator lines are no quote
    r"|_{10,}(?=\s*\n\s*(?:From|发件人|寄件者|Von|De|Da|Od|Van)\s*[:：])"
    # Outlook's header block with no rule above it (its HTML draws the rule): "Von: …" over "Gesendet: …"
    r"|[ \t]*(?:Von|De|Da|Od|Van|寄件者|Från|Fra|Lähettäjä)\s*[:：].{3,200}\n[ \t>]*"
    r"(?:Gesendet|Envoyé|Inviato|Wysłano|Verzonden|Enviad[oa](?: el| em)?|Datum|Date|Data|Fecha|寄件日期|Skickat|Sendt|Lähetetty)\s*[:：]"
    # GMX and web.de put the time first: "Gesendet: Dienstag, 21. April 2026 um 19:12 Uhr" over "Von: …"
    r"|[ \t]*(?:Gesendet|Envoyé|Inviato|Wysłano|Verzonden|Enviado|Enviada)\s*[:：].{3,200}\n[ \t>]*"
    r"(?:Von|De|Da|Od|Van|Från|Fra)\s*[:：]"
    r"|在\s*.{4,80}(?:写道|wrote)\s*[:：]"
    r"|On\s.{4,200}(?:\n.{0,120})?wrote:"  # Gmail wraps a long header: "On …, Shop <\naddr> wrote:"
    r"|Am\s.{4,120}(?:\n.{0,120})?schrieb.*:"
    r"|Le\s.{4,120}(?:\n.{0,120})?a écrit\s*:"
    r"|El\s.{4,120}(?:\n.{0,120})?escribi[óo]\s*:"
    r"|Il\s.{4,120}(?:\n.{0,120})?ha scritto\s*:"
    r"|\d{2}\.\d{2}\.\d{4},\s\d{1,2}:\d{2},\s.{2,120}:[ \t]*$"  # Yandex, Mail.ru: "18.09.2026, 21:10, "Артём" <a@b>:"
    r"|-{2,}\s*Reply above this line\s*-{2,}"
    # a help desk's thread under a rule: "------\n\nDaniel Park, Sep 18, 2026, 7:47 PM EDT" (Zendesk)
    r"|-{10,}[ \t]*(?=\n[ \t]*\n?[ \t]*[^\n,<>@]{1,60},[ \t][^\n]{0,40}\d{1,2}:\d{2}[^\n]{0,20}\n)"
    r"|#{2,}\s*(?:Please type your reply above this line|请在此线以上回复|Scrivi la tua risposta sopra questa riga|"
    r"Bitte (?:geben Sie|gib) (?:Ihre|deine) Antwort (?:über|oberhalb) dieser Zeile ein|Veuillez (?:écrire|saisir) votre réponse au-dessus de cette ligne|"
    r"Escribe (?:tu|su) respuesta (?:por )?encima de esta (?:línea|linea)|Typ (?:uw|je) antwoord boven deze (?:regel|lijn)).*"
    # a quoted header block: "From:" with another header field right under it ("From: 1069055112" heads a
    # relayed SMS; a gift's "From: Hannah / Message: Treat yourself" is no quote)
    r"|(?:From|发件人)\s*[:：](?!\s*\+?\d[\d\s-]{3,20}$).{3,200}$"
    r"(?=\n(?:[^\n]*\n){0,2}?[ \t>*]*(?:Sent|Date|To|Subject|Cc|发送时间|发送日期|时间|收件人|主题|日期)\s*[:：])"
    r")",
    re.I | re.M,
)
_FORWARD_SUBJECT = guarded(r"^\s*(?:fw|fwd|转发|轉寄|转寄|tr|wg|rv|i|pd|doorst)\s*[:：]", re.I)
# A reply, which may quote the whole mail it answers under a header block ("回复：", "AW:", "Re:").
_REPLY_SUBJECT = guarded(r"^\s*(?:re|aw|sv|vs|odp|ynt|antw|答复|回复|回覆|答覆)\s*[:：]", re.I)
# An attribution line's verb, and the sender it names ("Am …, 10:12 Uhr schrieb ALTERNATE <b@alternate.de>:").
_WROTE = r"\b(?:wrote|schrieb|a écrit|escribi[óo]|ha scritto|napisa[łl]|schreef)\b|写道"
_ATTRIBUTED = guarded(r"(?:(?:" + _WROTE + r")\s*)?([^,，<>:]{0,60}<[^<>\s]+@[^<>\s]+>)", re.I)
# Yahoo writes a forward's headers on the rule's own line: "----- Forwarded Message ----- From: …To: …Sent: …"
_RUN_ON_HEADER = guarded(r"(?<!\n)(From|To|Cc|Sent|Date|Subject):[ \t]")
_HEADER_LINE = guarded(
    r"^\s*(From|Sent|Date|To|Cc|Subject|发件人|发送时间|发送日期|發送日期|日期|收件人|抄送|主题|寄件者|寄件日期|收件者|主旨|"
    r"Von|Gesendet|Datum|An|Betreff|De|Envoyé|Date|À|Objet|Da|Inviato|Data|A|Oggetto|Enviad[oa] (?:el|em)|Enviado|Fecha|Para|Asunto|"
    r"Od|Wysłano|Do|Temat|Van|Verzonden|Aan|Onderwerp|Sujet|Pour|Enviada|Assunto|"
    # ru / uk, sv / da / nb, fi, cs, tr, ja, ko
    r"От|Від|Отправлено|Надіслано|Дата|Кому|Тема|Från|Skickat|Till|Ämne|Fra|Sendt|Til|Emne|"
    r"Lähettäjä|Lähetetty|Vastaanottaja|Aihe|Odesláno|Komu|Předmět|Kimden|Gönderildi|Tarih|Kime|Konu|"
    r"差出人|送信日時|宛先|件名|보낸\s*사람|보낸\s*날짜|받는\s*사람|제목)\s*[:：]\s*(.*)$",
    re.I,
)


def new_text(text: str) -> str:
    """The part of a reply written now: everything above the first quote marker, and no '>' lines."""
    match = _QUOTE_START.search(text)
    head = text[: match.start()] if match else text
    if match and not head.strip():  # "发件人：1069…" heading the mail: a relayed SMS, not a quote below a reply
        head = text
    lines = [line for line in head.splitlines() if not line.lstrip().startswith(">")]
    return "\n".join(lines).strip()


def quoted_text(text: str) -> str:
    match = _QUOTE_START.search(text)
    return text[match.start() :] if match else ""


@dataclass(frozen=True)
class Forwarded:
    """The original mail inside a forward: its header fields and its text."""

    headers: dict[str, str]
    text: str


# The header names of a forwarded block, in the clients' languages, as the English ones.
_HEADER_NAMES = {
    **dict.fromkeys(
        (
            "发件人",
            "寄件者",
            "von",
            "de",
            "da",
            "od",
            "van",
            "от",
            "від",
            "från",
            "fra",
            "lähettäjä",
            "kimden",
            "差出人",
        ),
        "from",
    ),
    "보낸 사람": "from",
    "보낸 날짜": "date",
    "받는 사람": "to",
    **dict.fromkeys(
        (
            "发送时间",
            "发送日期",
            "發送日期",
            "sent",
            "日期",
            "寄件日期",
            "gesendet",
            "datum",
            "envoyé",
            "inviato",
            "data",
            "enviado",
            "enviado el",  # Outlook 2019 in Spanish: "Enviado el: lunes, 2 de noviembre de 2026 18:20"
            "enviada em",
            "enviado em",
            "fecha",
            "wysłano",
            "verzonden",
            "enviada",
            "отправлено",
            "надіслано",
            "дата",
            "skickat",
            "sendt",
            "lähetetty",
            "odesláno",
            "gönderildi",
            "tarih",
            "送信日時",
        ),
        "date",
    ),
    **dict.fromkeys(
        (
            "收件人",
            "收件者",
            "an",
            "à",
            "a",
            "para",
            "do",
            "aan",
            "pour",
            "кому",
            "till",
            "til",
            "vastaanottaja",
            "komu",
            "kime",
            "宛先",
        ),
        "to",
    ),
    "抄送": "cc",
    **dict.fromkeys(
        (
            "主题",
            "主旨",
            "betreff",
            "objet",
            "oggetto",
            "asunto",
            "temat",
            "onderwerp",
            "sujet",
            "assunto",
            "тема",
            "ämne",
            "emne",
            "aihe",
            "předmět",
            "konu",
            "件名",
            "제목",
        ),
        "subject",
    ),
}


def _unquoted(text: str) -> list[str]:
    """The lines without their quote marks: Apple Mail and Gmail quote the original with "> "."""
    return [rx.sub(r"^\s*>\s?", "", line) for line in text.splitlines()]


def forwarded(subject: str, text: str, replies: bool = False) -> Forwarded | None:
    """The forwarded mail, if this is a forward ("FW:", "Fwd:", "转发:") with a header block; with
    `replies`, also the mail a reply quotes under one ("回复：" over "发件人: … 发送时间: …")."""
    if not (_FORWARD_SUBJECT.match(subject or "") or (replies and _REPLY_SUBJECT.match(subject or ""))):
        return None
    match = _QUOTE_START.search(text)
    if not match:
        return None
    line_end = text.find("\n", match.end())
    line_end = len(text) if line_end < 0 else line_end
    if _RUN_ON_HEADER.search(text, match.end(), line_end):
        text = text[: match.end()] + _RUN_ON_HEADER.sub(r"\n\1: ", text[match.end() : line_end]) + text[line_end:]
    attribution = " ".join(text[match.start() : match.end()].split())
    senders = list(_ATTRIBUTED.finditer(attribution)) if rx.search(_WROTE, attribution, re.I) else []
    if senders:  # Gmail's "Am Di., 3. Nov. 2026 um 10:12 Uhr schrieb ALTERNATE <bestellung@alternate.de>:"
        sender = rx.sub(r"^.*?(?:" + _WROTE + r")\s*", "", senders[-1].group(1), flags=re.I)
        sender = rx.sub(r"^\s*\d{1,2}\s*(?:[ap]\.?\s?m\.?)?\s+", "", sender, flags=re.I).strip()  # "7:33 PM Name <…>"
        return Forwarded({"from": sender, "date": attribution}, "\n".join(_unquoted(text[match.end() :])).strip())
    rest = _unquoted(text[match.start() :])
    headers: dict[str, str] = {}
    body_start = None
    for index, line in enumerate(rest[:20]):
        header = _HEADER_LINE.match(line)
        if header:
            key = " ".join(header.group(1).lower().split())
            key = _HEADER_NAMES.get(key, key)
            headers[key] = header.group(2).strip()
        elif headers and not line.strip():
            body_start = index + 1
            break
        elif len(headers) >= 2:  # webmail forwards (163, 126) start the body right under the headers
            body_start = index
            break
    if not headers or body_start is None:
        return None
    return Forwarded(headers, "\n".join(rest[body_start:]).strip())
