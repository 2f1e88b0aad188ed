"""Tickets and complaint numbers: a desk's, a body's or a payment service's own reference to a case.

Apart from order references (`refs`): a ticket number is never the order's, and the reader asks
for both of every mail.
"""

from __future__ import annotations

import re
from functools import lru_cache

from orderwatch.parsers.guarded import guarded

_TICKETS = [
    guarded(
        r"(?:(?:售后|售後)?(?:服务单|服務單)(?=\s*[:：]?\s*\d)|投诉编号|工单号|工单编号|登记编号|受理编号|投诉单号|案件编号|申诉编号|服务单号|售后单号|售後單號|個案編號|个案编号|收件編號|收件编号|案件編號|申訴編號|受理編號|aktenzeichen|vorgangsnummer|fallnummer|"
        r"num[ée]ro de dossier|dossier n[°º]|numero (?:di )?pratica|n[úu]mero de expediente|expediente(?=\s*[:：]?\s*\d)|sygnatura|dossiernummer|"
        r"r[ée]f[ée]rence de (?:la |votre )?(?:r[ée]clamation|contestation|dossier)|litige n[°º]|"
        r"[äa]rendenummer|[äa]rende(?=\s*[:：]?\s*\d)|saksnummer|sagsnummer|asianumero|[čc][íi]slo reklamace|[üu]gysz[áa]m|"
        r"num[ăa]r(?:ul)? (?:de )?[îi]nregistrare|(?:n[úu]mero d[oa] )?protocolo|n[°º] (?:do|de) reclamo|"
        # a bank's or a payment service's own case: "Claim reference: 26100941873", "Dispute case number"
        r"claim (?:reference|ref\.?|number|no\.?|id)|dispute (?:case )?(?:reference|number|no\.?|id)|case reference|complaint (?:reference|ref\.?|number|no\.?|id)|"
        r"n\.?[°º] de solicitud|solicitud n\.?[°º]|reclamaci[óo]n n[°º]|n[úu]mero de (?:reclamaci[óo]n|caso|incidencia)|pratica n[°º]|numero (?:della )?contestazione|"
        r"zaaknummer|dossiernr\.?|r[ée]f[ée]rence (?:de )?contestation|n[úu]mero de radicado|radicado (?:no\.?|n[°º]))"
        r"\s*[:：]?\s*([A-Za-z0-9\-]{4,40}(?:/[A-Za-z0-9\-]{1,20}){0,3})",  # "dossier : 2026/FR/05372"
        re.I,
    ),
    guarded(r"\[\s*(?:Ticket|Case|Request|Incident)\s*#\s*:?\s*([A-Za-z0-9\-]{2,30})\s*\]", re.I),
    # a case named with its dated number: "Contestazione CT-2026-0087341", "pratica CT-2026-0087341"
    guarded(
        r"\b(?:contestazione|pratica|reclamo|reclamaci[óo]n|r[ée]clamation|dispute|claim|litige|streitfall|reklamation)\s+"
        r"([A-Z]{1,5}-\d{4}-\d{3,10})\b",
        re.I,
    ),
    # "Ticket #1042-Wrong size print" (Trudesk puts the subject after the number): a dashed part of
    # lowercase letters is the subject's first word, not the ticket's
    guarded(
        r"\b(?:Ticket|Case|Request)\s*#\s*([A-Za-z0-9]{2,30}(?-i:-(?:[A-Z]{1,10}|[A-Za-z]{0,10}\d[A-Za-z0-9]{0,20})(?![a-z]))*)",
        re.I,
    ),
    guarded(r"\b(?:reclamo|reclamaci[óo]n|r[ée]clamation|reklamation|reclamo n\.?[°º]?)\s*#\s*(\d{4,14})\b", re.I),
    guarded(r"\b(?:request|ticket|case)\s*\(\s*#?(\d{2,12})\s*\)", re.I),  # Zendesk: "Your request (5678)"
    # Request Tracker and GLPI tag subjects with their queue: "[brambleworks.com #20731]", "[GLPI #0004187]"
    guarded(
        r"\[\s*(?!(?:order|commande|bestellung|pedido|ordine|zam[óo]wienie|bestelling|订单|訂單|注文|주문|заказ|sipari[şs]|pesanan|đơn hàng|best[äa]llning|bestilling|ordre|tilaus|objedn[áa]vka|comand[ăa]|rendel[ée]s|encomenda)\b)[A-Za-z][\w.-]{1,40}\s+#\s*(\d{1,12})\s*\]",
        re.I,
    ),
    # "Ticket ID: 482913" (WHMCS), "Case number: 5301948257", "Ticket No. 4471"
    guarded(
        r"\b(?:ticket|case)\s*(?:id|no\.?|number)\s*[:：#]?\s*#?((?:[A-Z]{2,6}-)?\d{2,14}(?:-\d{2,10}){1,3}|\d{3,14})\b",
        re.I,
    ),
    # the case a body or a desk gives a complaint: "Your complaint … has been given the reference ECC-IE-2026-04172",
    # "your complaint has been received (Ref: ECC-IE-2026-04172)"
    guarded(
        r"\b(?:complaint|claim|case|dispute|enquiry|request)\b[^.\n]{0,120}?\b(?:given|assigned|allocated)\s+(?:it\s+)?"
        r"(?:the\s+|a\s+)?(?:case\s+)?(?:reference|ref\.?)(?:\s+(?:number|no\.?))?\s*[:：]?\s*([A-Z0-9][A-Z0-9\-/]{4,30})|"
        r"\bcomplaint\b[^\n]{0,80}?\(\s*ref(?:erence)?\.?\s*[:：]?\s*([A-Z0-9][A-Z0-9\-/]{4,30})\s*\)",
        re.I,
    ),
    # a body's dated complaint number named after the word: "CFPB complaint 260227-19384756"
    guarded(r"\bcomplaint\s+(?:no\.?\s*|#\s*)?(\d{4,8}-\d{4,12})\b", re.I),
    # payment and marketplace cases: "Case ID: PP-D-71846203", "dispute PP-R-1234567"
    guarded(
        r"\b(?:case|dispute|claim|fall|caso|litige|sprawa)\s*(?:id|number|#|no\.?|nr\.?)?\s*[:：#]?\s*((?:[A-Z]{1,4}-){1,2}\d{5,14})\b",
        re.I,
    ),
    guarded(r"\b(PP-[A-Z]-\d{5,14})\b"),
    # ru, tr, id, vi, th, ja, ko: "обращение № 417203358", "Talep No: 48120077315", "Tiket #104839216",
    # "Mã yêu cầu: 58213307", "หมายเลขคำขอ 7801146692", "お問い合わせ番号：…", "접수번호 …"
    guarded(
        r"(?:обращени[ея]|заявк[аи](?:\s+на\s+возврат)?)\s*№\s*([0-9A-Za-z\-]{4,30})|"
        r"talep\s*(?:no|numaras[ıi]|numaran)\s*[:：]?\s*([0-9A-Za-z\-]{4,30})|"
        r"(?:no\.?\s*)?tiket\s*[:：#]?\s*#?([0-9A-Za-z\-]{4,30})|m[ãa]\s+y[êe]u\s+c[ầa]u\s*[:：#]?\s*#?([0-9A-Za-z\-]{4,30})|"
        r"(?:หมายเลขคำขอ(?:คืนสินค้า(?:/คืนเงิน)?)?|คำขอ[^\n\d]{0,20}?หมายเลข)\s*[:：]?\s*([0-9A-Za-z\-]{4,30})|"
        r"お問い?合わせ番号\s*[:：]?\s*([0-9A-Za-z\-]{4,30})|(?<!配達)(?<!注文)受付番号\s*[:：]?\s*([0-9A-Za-z\-]{4,30})|(?:문의|접수)\s*번호\s*[:：]?\s*([0-9A-Za-z\-]{4,30})",
        re.I,
    ),
    # "[#1047]"; Faveo's "[#AAAA-0000-0412]" (a receipt's "[#1482-7735]" numbers the receipt, not a ticket)
    guarded(r"\[\s*#\s*([A-Za-z]{0,6}-?\d{2,12}|[A-Za-z]{2,6}-\d{2,12}(?:-\d{2,12}){1,3})\s*\]"),
    guarded(r"\[\s*([a-z][a-z0-9]{1,20}-\d{1,10})\s*\]"),  # django-helpdesk [queue-123]
    guarded(r"\b(?:ticket|case|dispute)\s+(?:number\s+|no\.?\s*|id\s*)?([a-z][a-z0-9]{1,20}-\d{1,10})\b", re.I),
]


def ticket_numbers(text: str) -> list[str]:
    return list(_ticket_numbers(text))


@lru_cache(maxsize=64)  # several readers ask of the same mail
def _ticket_numbers(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for pattern in _TICKETS:
        for match in pattern.finditer(text):
            value = next(g for g in match.groups() if g is not None).strip()
            if value not in found and any(ch.isdigit() for ch in value):
                found.append(value)
    return tuple(found)
