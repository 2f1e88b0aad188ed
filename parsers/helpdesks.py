"""Help desks and complaint desks: acknowledgements, requests for evidence, decisions, refunds,
and plain answers. Chinese platform desks (投诉中心, 12315 services) and English help desks
(Zendesk, Freshdesk, Zammad, django-helpdesk, RT, osTicket) mark tickets in many ways; the
family reads the ticket marker, the thread, and what the mail says, not who sent it.
"""

from __future__ import annotations

import re
from datetime import datetime

from orderwatch.parsers import cues, fields, lexicon, shop_events
from orderwatch.parsers import guarded as rx
from orderwatch.parsers.assertions import decided, unwrapped
from orderwatch.parsers.base import Message, Result, domain_slug
from orderwatch.parsers.charges import charged
from orderwatch.parsers.durations import hearing_time, stated_deadline, stated_duration
from orderwatch.parsers.guarded import guarded
from orderwatch.parsers.quotes import new_text
from orderwatch.parsers.replies import reply_promise, reported_shipment

from orderwatch.domain.calendar import calendar_for

NAME = "helpdesks"
_REPLY_SUBJECT = guarded(
    r"^\s*(?:\[[^\]\n]{1,30}\]\s*)?(?:re|aw|sv|回复|答复|回覆)\s*[:：]"
    # a marketplace relays the other side's message: "camdenlensworks sent a message about …"
    r"|\b(?:sent (?:you )?a message|new message from|message from (?:the )?seller|conversation with)\b|"
    # a complaint site relays the company's answer: "A empresa … respondeu sua reclamação"
    r"(?:empresa|company|proveedor|fornecedor)\b[^\n]{0,60}?\b(?:respondeu|respondi[óo]|ha respondido|has (?:replied|responded))|"
    r"hat dir eine nachricht|(?:t')?a envoy[ée] un message|te ha enviado un mensaje|ti ha inviato un messaggio|"
    # a shop's contact form: "Une réponse à votre message est disponible"
    r"\b(?:une )?r[ée]ponse à votre (?:message|demande)|\b(?:a )?(?:reply|response) to your (?:message|inquiry|enquiry|request)|"
    r"antwort auf (?:ihre|deine) (?:nachricht|anfrage)|respuesta a (?:tu|su) (?:mensaje|consulta)|risposta al (?:tuo|suo) messaggio|"
    # an outside body relays the company's answer: "L'entreprise a répondu à votre signalement"
    r"\ba r[ée]pondu à votre|\b(?:has )?(?:replied|responded) to your (?:refund )?(?:complaint|report|case|claim|request|return request)|"
    r"respondi[óo] (?:a )?tu (?:reclamo|mensaje|pregunta|consulta)|hat auf (?:ihre|deine) \w+ geantwortet|"
    r"(?:商家|企业|企業|賣家|卖家)已(?:回复|回覆|答复|答覆)",
    re.I,
)
_HANDLING_ZH = (
    "处理|回复|答复|作出|受理|联系|调解|調解|达成|達成|告知|反馈|核实|审核|办结|通知|查验|检测|鉴定|鉴别|處理|回覆|答覆|聯絡|聯繫|回應|回应|核實|審核|辦結|"
    "처리|답변|회신|연락|回答|返信|ご連絡|対応"
)
_HANDLING_EN = (
    "reply|replies|respond|review|get back|answer|resolve|decide|contact|investigate|look into|update|notify|inform|"
    "let you know|send you|email you|write to you"
)
_REFUND_ZH = lexicon.REFUND_VERBS_ZH
_REFUND_EN = lexicon.REFUND_VERBS_EN
_REFUND_INTL = lexicon.REFUND_INTL_WORDS
_HANDLING_INTL = (
    r"antwort|beantwort|melden|stellung|mitzuteilen|mitteil|r[ée]pon|reviendr|contact|rispond|respond|contest|odpowi|antwoord|reageren|terug|"
    r"comunic|communiqu|sa position|inform|vy[řr][íi]d|vy[řr]izen|solu[țt]ion|rezolv|elint[ée]z|trasmett|verific|notific|resol|r[ée]agir|reagieren|alegaci|propuesta|suite donn[ée]e|conna[îi]tre|"
    r"gesti[óo]n|tramit|an[áa]lis|resposta|respuesta|rozpatr|ответ|відпов|рассмотр|розгляд|svar|vastaa|odpov|v[áa]lasz|r[ăa]spuns"
)
_APPEAL_ZH = "申诉|异议|复核|复议|申訴|異議|複核|複議|覆議|覆议|申覆|申复|申請評議|申请评议|仲裁|平台介入|客服介入|修改(?:退款)?申请|上诉|上訴|이의|재검토|再審査|返信"
_APPEAL_EN = (
    "appeal|rehearing|escalate|dispute this|proceed with (?:the|your|this) (?:dispute|claim|complaint)|contest|reconsider|request a review|ask for a review|ask us to review|replying to this (?:e-?mail|message)|review of (?:this|the|our) decision|rebuttal|"
    "review (?:the|this|your|our) (?:decision|claim|case)|reply to this (?:e-?mail|message|ticket)|(?:decision|claim|case) reviewed|disagree|"
    "reject (?:the|this) (?:solution|resolution|decision)|reopen|submit (?:your )?comments|comment on (?:the|this) (?:proposed )?decision|"
    "give (?:us )?feedback (?:about|on) (?:the|their|its) (?:company's |firm's |business's |trader's )?response"
)
_APPEAL_INTL = (
    r"contest|r[ée]examin|apelar|apela[çc][ãa]o|apelaci[óo]n|widerspr|einspruch|beanstand|reclam|reklamacj|impugn|ricors|recurr|odwo[łl]|bezwaar|recurs|"
    r"anulaci[óo]n|aclaraci[óo]n|annullament|opposizion|\bGU14\b|definizione della controversia|"
    r"erneute pr[üu]fung|[üu]berpr[üu]fung beantragen|"
    r"solicitar una revisi[óo]n|pedir una revisi[óo]n|respondiendo a este|solicitar (?:uma )?revis[ãa]o|demander (?:une )?r[ée]vision|chiedere (?:una )?revisione|"
    r"rispondere a questa|riesam|rivedere la|répondre à ce(?:t)? (?:e-?mail|message)|responder a este (?:correo|mensaje)|"
    r"klage videre|klaga vidare|anke|valitta|odvol|fellebbez|contesta|recorrer|faire appel|recours|"
    r"обжал|апелляц|itiraz|banding|khiếu nại lại|อุทธรณ์|(?:acceptation|accepter) ou (?:votre )?(?:refus|refuser)"
)
_EVIDENCE_ZH = "补充|提供|上传|回复|補正|补正|上傳|補充"
_EVIDENCE_EN = "reply|send|submit|provide|upload|attach|receive|return"
_EVIDENCE_INTL = r"complementa|anex|adjunt|przes[łl]a|prze[śs]l|dostarcz|uzupe[łl]n|envoy|transmet|fourni|schick|send|einreich|invia|fornir|env[íi]a|aanlever|stuur|toe te voegen"


def is_desk_mail(msg: Message) -> bool:
    """A mail in a conversation with the user, or from a desk, rather than an order notice."""
    mail = msg.mail
    return bool(
        mail.in_reply_to
        or mail.references
        or _REPLY_SUBJECT.search(msg.subject)
        or fields.ticket_numbers(msg.subject + "\n" + msg.text)
        or cues.DESK_SENDER.search(mail.from_name + " " + mail.from_addr.split("@")[0])
        or _RELAYED.search(msg.both[:1500])  # a marketplace relays the seller's own words
        or from_outside_body(msg)  # a complaint body sells nothing; "【短信】12345" is its text message
        or cues.ACK.search(msg.subject)
        or cues.EVIDENCE_REQUEST.search(msg.subject)  # "清关异常，请48小时内补充清关资料": a request, not a notice
        or cues.DECISION_AGAINST.search(msg.subject)  # "반품 신청이 반려되었습니다": a decision, not a notice
        or _ACK_OF_OWN_STEP.search(msg.both[:400])  # "1:1 문의에 대한 답변": the answer to the user's own inquiry
        or cues.ACK.search(msg.text[:1500])  # a platform's case mail: "we've received your A-to-z claim"
        or _complaint_copy(msg)
        or (_CASE_SUBJECT.search(msg.subject) and _case_news(msg.text[:2000]))
        or (_CASE_SUBJECT.search(msg.text[:400]) and _case_news(msg.text[:2000]))  # a forwarded SMS: no subject
    )


# A marketplace's relay of the other side's message: "Message du vendeur Atelier Lumen", "Mara from
# FernAndFlaxStudio sent you a message", "------------- Début du message -------------".
_RELAYED = guarded(
    r"message (?:du|de la part du|from) (?:vendeur|seller|the seller)|(?:vous a envoy[ée]|sent you) (?:un|a) (?:nouveau |new )?message|"
    r"te ha enviado un mensaje|ti ha inviato un messaggio|hat (?:dir|ihnen) eine nachricht (?:gesendet|geschickt)|wys[łl]a[łl] ci wiadomo[śs][ćc]|"
    r"-{3,}\s*(?:d[ée]but du message|begin message)\s*-{3,}|new message from (?:the )?seller|"
    # a shop engine's relay of the merchant's message on the order (PrestaShop's order_merchant_comment)
    r"(?:ha recibido|you have received|vous avez re[çc]u|hai ricevuto|recebeu|otrzyma[łl]e[śs]) (?:un|a|una|uma|now[ąa]) (?:nuev[oa] |new |nouveau |nuovo |nova )?(?:mensaje|message|messaggio|mensagem|wiadomo[śs][ćc])\b|"
    r"sie haben eine neue nachricht",
    re.I,
)


# A case or complaint named in the subject, and a decision or request about it in the text.
_CASE_SUBJECT = guarded(
    r"\b(?:claim|dispute|case|request|complaint|chargeback)\b|您反映的|處理結果|处理结果|投诉|投訴|纠纷|糾紛|申诉|申訴|售后|售後|退款申请|退款申請|退款要求|维权|退货|退貨|查验|鉴别|复核|理赔|理賠|索赔|索賠|"
    r"reklamation|beschwerde|streitfall|[\w-]*antrag\b|(?-i:\bFall\b)|litige|réclamation|contestation|contestazione|reclamo|reclamaci[óo]n|disputa|reklamacj|klacht|geschil|"
    r"\brefund|\breturn|problem|entscheidung|erstattung|remboursement|reembolso|rimborso|problème|"
    r"[äa]rende|reklamation|reklamasjon|klage|valitus|reklamaatio|reklamace|st[íi][žz]nost|panasz|reclama[țt]ie|reclama[çc][ãa]o|protocolo|"
    r"\bdemande\b|anfrage|segnalazione|richiesta|controversia|melding|solicitud de devoluci|resoluci[óo]n|zg[łl]oszeni|decyzj|spór|спор|претензи|обращени|жалоб|скарг|звернен|повернен|возврат",
    re.I,
)


# The platform confirms a step the buyer took in its app: the complaint is open from then on.
_ACK_OF_OWN_STEP = guarded(
    cues.OWN_ESCALATION
    + r"|(?:you|we)(?:'ve| have) (?:opened|escalated) (?:a|your) (?:case|dispute|claim)"
    + r"|the (?:case|dispute|claim) you (?:opened|raised|filed)|(?:la )?contestazione che hai aperto|le litige que vous avez ouvert"
    + r"|(?:conciliation|case|investigating) officer (?:for|handling|assigned to) your (?:complaint|case|dispute)"
    + r"|(?:客服|平台|小二)已介入|已由(?:平台)?(?:客服|小二)?介入"  # the platform stepped in, and asks for proof
    + r"|お問い?合わせいただき、?(?:誠に)?ありがとうございます"  # the user's web-form inquiry, answered by a request
    + r"|(?:您|你)(?:反馈|反映|提交|反饋|提交)的[^。\n]{0,60}?(?:问题|問題)?已(?:受理|登记|登記)"  # "您反馈的…问题已受理"
    + r"|k[ée]relm[ée]t\b[^.]{0,200}?nyilv[áa]ntart[áa]sba vett[üu]k"  # hu: the user's request, registered
    + r"|(?:1:1\s*)?문의(?:하신 내용)?에 대한 답변",  # ko: the answer to the user's own 1:1 inquiry
    re.I,
)


def _case_news(text: str) -> bool:
    return bool(
        cues.DECISION_FOR.search(text)
        or cues.DECISION_AGAINST.search(text)
        or cues.DECISION_PARTIAL.search(text)
        or cues.EVIDENCE_REQUEST.search(text)
        or cues.granted(text)
    )


def parse(msg: Message) -> Result | None:
    text = msg.text
    both = msg.both
    fresh = new_text(text)  # the reply's own words, without what it quotes
    told = cues.without_account(text)  # without the buyer's own account restated under its label
    tickets = fields.ticket_numbers(msg.subject + "\n" + text)
    numbers = fields.order_numbers(text, msg.subject)
    desk = _desk_side(msg)
    ref: dict[str, object] = {"order_no": numbers[0] if numbers else None, "ticket_no": tickets[0] if tickets else None}
    # "订单金额：￥86.00" in a refund notice
    total = fields.order_total(text, msg.lang, msg.dollar) if numbers else None
    if numbers and total is None:
        total = fields.amount_beside(text, numbers[0], msg.lang, msg.dollar)
    if total is not None:
        ref.update(order_amount=total.text(), order_currency=total.currency)
    if not numbers:  # a card issuer names the charge, not the order: "Merchant: BIRCH & BRAMBLE", "Amount: $236.50"
        ref.update(charged(text, msg.lang))
        if desk == "outside" and (respondent := cues.RESPONDENT.search(text)) is not None:
            ref.update(respondent=respondent.group(1).strip())  # the trader the body's case is against
    if numbers and desk != "outside":  # a shop's or marketplace's after-sales mail may open the order itself
        ref.update(platform=domain_slug(msg.mail.from_addr, msg.mail.from_name), shop_domain=msg.sender_domain)
    events = []
    calendar = calendar_for(msg.lang)

    # "please reply to this\nemail with: 1. Photos": a request wrapped at 72 columns
    if cues.unconditional(cues.EVIDENCE_REQUEST, unwrapped(told)) and not _decision_outcome(text):
        # "您已对订单X申请客服介入…请在48小时内上传举证材料": the complaint opened, then evidence asked
        if _ACK_OF_OWN_STEP.search(text[:300]):
            events.append(msg.event("complaint_ack", summary="complaint acknowledged", desk=desk, own_step=True, **ref))
        deadline = stated_deadline(text, msg.at)
        within = stated_duration(text, _EVIDENCE_ZH, _EVIDENCE_EN, _EVIDENCE_INTL)
        if deadline is None and within is not None:
            deadline = within.after(msg.at, calendar)[0]
        events.append(
            msg.event(
                "evidence_requested",
                summary="asks for evidence",
                due=deadline.isoformat() if deadline else None,
                desk=desk,
                **ref,
            )
        )

    acknowledging = bool(cues.ACK.search(msg.subject) or cues.ACK.search(text[:300]))
    # an acknowledgement restates the user's own account ("Your summary: … declined my claim"): no decision
    outcome = None if acknowledging and _RESTATES.search(text) else _decision_outcome(text)
    if outcome is not None:
        window = stated_duration(text, _APPEAL_ZH, _APPEAL_EN, _APPEAL_INTL) if outcome != "for_buyer" else None
        appeal_level = bool(
            rx.search(
                r"二次申诉处理结果|申诉处理结果|appeal (?:decision|result|outcome)|最终处理|final decision", both, re.I
            )
        ) and not rx.search(  # "Appeal decision": a button; "before issuing a Final Decision": a proposed one
            r"\byou (?:can|may|could) (?:still )?appeal\b|\b(?:proposed|provisional|preliminary) decision\b", both, re.I
        )
        events.append(
            msg.event(
                "decision",
                summary=f"decision: {outcome}",
                outcome=outcome,
                desk=desk,
                appeal_within=f"{window.amount} {window.unit}" if window else None,
                appeal_by=_appeal_deadline(text, msg.at) if outcome != "for_buyer" else None,
                final=appeal_level or None,
                **ref,
            )
        )

    if cues.refund_received(text):
        money = fields.local_currency(fields.total_amount(text, msg.lang, msg.dollar), text, msg.sender_domain)
        events.append(
            msg.event(
                "refund",
                summary="refund received",
                state="received",
                desk=desk,
                amount=money.text() if money else None,
                currency=money.currency if money else None,
                **ref,
            )
        )
    elif cues.granted(text) and outcome != "against":
        within = stated_duration(text, _REFUND_ZH, _REFUND_EN, _REFUND_INTL)
        deadline = stated_deadline(text, msg.at)
        money = fields.local_currency(fields.refund_amount(text, msg.lang, msg.dollar), text, msg.sender_domain)
        if "order_amount" not in ref and (whole := fields.full_refund_total(text, money)) is not None:
            ref.update(order_amount=whole.text(), order_currency=whole.currency)  # "全额退款 95.00 元"
        events.append(
            msg.event(
                "refund",
                summary="refund granted",
                state="granted",
                desk=desk,
                within=f"{within.amount} {within.unit}" if within else None,
                due=deadline.isoformat() if deadline else None,
                amount=money.text() if money else None,
                currency=money.currency if money else None,
                **ref,
            )
        )

    replying = bool(msg.mail.in_reply_to or _REPLY_SUBJECT.search(msg.subject))
    promised = reply_promise(fresh, msg.at, labels=replying) if not events else None
    if cues.affirmed(cues.FAILED, text) and not events and not acknowledging:  # an ack quotes the complaint
        what = shop_events.problem_kind(text)
        events.append(msg.event("problem", summary="seller reports a problem", problem=what, **ref))

    if not events:
        # an agent's reply that commits to a new time, or tells what they did, answers
        acted = promised is not None or cues.AGENT_ACTED.search(fresh)
        handed = cues.SELLER_CLOCK.search(fresh)  # the platform puts the seller on a clock: still waiting
        answered = bool(acted) and replying and not _auto_submitted(msg) and not handed
        acknowledged = _acknowledges(both, told, msg)
        if (acknowledged or _auto_submitted(msg) or _complaint_copy(msg) or handed) and not answered:
            within = stated_duration(told, _HANDLING_ZH, _HANDLING_EN, _HANDLING_INTL)
            deadline = stated_deadline(told, msg.at)  # "the seller has until Mar 17 to respond"
            if within is None and deadline is None:
                deadline = hearing_time(text, msg.at)
            complaint_at = _complaint_time(msg)
            events.append(
                msg.event(
                    "complaint_ack",
                    summary="complaint acknowledged",
                    desk=desk,
                    within=f"{within.amount} {within.unit}" if within else None,
                    due=deadline.isoformat() if deadline else None,
                    complaint_at=complaint_at.isoformat() if complaint_at else None,
                    own_step=bool(_ACK_OF_OWN_STEP.search(text[:300])) or None,  # "已申请平台介入": the buyer's step
                    **ref,
                )
            )
        elif msg.mail.in_reply_to or _REPLY_SUBJECT.search(msg.subject) or tickets:
            closed = bool(cues.TICKET_CLOSED.search(msg.subject + "\n" + text[:400]))
            closed = closed and not cues.AGENT_ACTED.search(text)
            summary = "ticket closed, no answer" if closed else "answer from the other side"
            events.append(msg.event("platform_reply", summary=summary, desk=desk, closed_only=closed or None, **ref))
    if promised is not None:  # the reply answers, and commits to a new time
        events.append(msg.event("promise", summary=f"promised: {promised['phrase']}", **promised, **ref))
    tracking = reported_shipment(msg, fresh)
    agent = replying and not _auto_submitted(msg) and not any(e.kind == "complaint_ack" for e in events)
    if tracking is not None and agent:  # "長夾今天下午已經寄出了，黑貓宅急便單號 9067 2201 5518"
        events.append(msg.event("shipped", summary="shipped, says the reply", tracking_no=tracking, **ref))
    if agent and cues.affirmed(cues.DELIVERED_VIRTUAL, fresh):  # "Vous trouverez vos 2 e-tickets en pièce jointe"
        events.append(msg.event("delivered", summary="delivered with the reply", how="virtual", **ref))
    if not events:
        return None
    return Result(NAME, "desk", events, confidence=0.75)


_APPEAL_ANY = guarded(f"{_APPEAL_ZH}|{_APPEAL_EN}|{_APPEAL_INTL}", re.I)


def _appeal_deadline(text: str, at: datetime) -> str | None:
    """The date a decision may be contested until: "vous pouvez la contester … jusqu'au 25 novembre"."""
    # a sentence starts with a capital: "dvs.\nsenest den 24. november 2026" is one
    for sentence in re.split(r"(?<=[.。!?！？])\s+(?![a-zà-ÿ\d])|\n\s*\n", text):
        if _APPEAL_ANY.search(sentence):
            found = stated_deadline(sentence, at)
            if found is not None and found > at:
                return found.isoformat()
    return None


_RESTATES = guarded(
    r"your summary|what you told us|what your complaint is about|your (?:complaint|message|description)\s*:|"
    r"votre (?:message|description|r[ée]clamation)\s*:|ihre (?:nachricht|beschreibung)\s*:|"
    r"(?:您的|你的)?(?:投诉|投訴)(?:内容|內容|描述|事项|事項|请求|請求)\s*[:：]|问题描述\s*[:：]|問題描述\s*[:：]",
    re.I,
)
_PROPOSAL = guarded(
    r"\bproposal\b|you can accept (?:the|this|it)|accept (?:or|the proposal or) reject|propuesta del vendedor|"
    r"proposition du vendeur|vorschlag des verk[äa]ufers|proposta del venditore|卖家(?:的)?(?:提议|方案)|賣家(?:的)?(?:提議|方案)",
    re.I,
)


def _decision_outcome(text: str) -> str | None:
    text = unwrapped(text)  # "we're unable\nto issue a refund": a refusal wrapped at 72 columns
    if decided(cues.DECISION_PARTIAL, text) and not (_PROPOSAL.search(text) and not cues.granted(text)):
        return "partial"  # a proposal the buyer may still accept or reject decides nothing
    # "If the investigation ends in the merchant's favor, the credit will be reversed": no decision yet
    if cues.unconditional(cues.DECISION_AGAINST, text):
        # "I can't do a full refund. I've refunded $60.00 …": refused in part, granted in part
        return "partial" if _money_granted(text) else "against"
    if cues.unconditional(cues.DECISION_FOR, text):
        return "for_buyer"
    return None


def _money_granted(text: str) -> bool:
    """A refund granted as a fact, with the sum it gives back."""
    grant = cues.granted(text)
    return grant is not None and fields.refund_amount(text[grant.start() : grant.end() + 80], "en") is not None


def _acknowledges(both: str, told: str, msg: Message) -> bool:
    """An acknowledgement, not an answer. "Thank you for contacting us" alone is a courtesy: a reply in
    the thread that then explains at length, with no time to answer by, is a person's answer."""
    acks = [m.group(0) for m in cues.ACK.finditer(both)]
    if not acks:
        return False
    if not (all(_COURTESY.match(a) for a in acks) and msg.mail.in_reply_to and len(new_text(msg.text)) > 600):
        return True
    # only then is its handling time asked (the caller asks again for a real acknowledgement's)
    return bool(stated_duration(told, _HANDLING_ZH, _HANDLING_EN, _HANDLING_INTL) or stated_deadline(told, msg.at))


_COURTESY = guarded(r"thanks? (?:you )?for (?:contacting|getting in touch|reaching out)", re.I)


def from_outside_body(msg: Message) -> bool:
    """Mail from a complaint body (by its name, address or subject): a case, never a shop's notice."""
    return _desk_side(msg) == "outside"


def _desk_side(msg: Message) -> str | None:
    """outside / platform when the desk says so; None lets the timeline decide by address."""
    who = f"{msg.mail.from_name} {msg.mail.from_addr} {msg.subject}"
    if not msg.mail.from_addr:  # no sender at all: the letterhead on the first line names the body
        who += " " + msg.text.lstrip()[:120].split("\n", 1)[0]
    if (
        cues.OUTSIDE_WORDS.search(who)
        or rx.search(r"(?<!\d)(?:12315|315)(?!\d)", msg.mail.from_addr)
        # a consumer office, tribunal or court writes from its state's domain
        or cues.GOVERNMENT_ADDRESS.search(msg.mail.from_addr)
    ):
        return "outside"
    if rx.search(
        r"投诉中心|投诉受理|维权中心|纠纷|仲裁|介入|平台客服|投訴中心|糾紛|resolution|dispute|claim|buyer protection|trust ?& ?safety|"
        # a marketplace's or payment service's own guarantee: "A-bis-z-Garantieantrag", "Käuferschutz", "litige"
        r"\ba-(?:to|bis|[àa]|al)-z\b|k[äa]uferschutz|kaufschutz|protection des achats|protezione acquisti|money back guarantee|"
        r"litige|geschil|streitfall|disputa",
        who,
        re.I,
    ):
        return "platform"
    return None


def _complaint_copy(msg: Message) -> bool:
    """The shop's copy of a complaint the user sent through its contact form."""
    return bool(cues.MESSAGE_SENT.search(msg.both[:1500]) and cues.COMPLAINT_WORDS.search(msg.text))


def _auto_submitted(msg: Message) -> bool:
    value = msg.mail.headers.get("auto-submitted", "").lower()
    return value.startswith("auto-") or "x-autoreply" in msg.mail.headers


def _complaint_time(msg: Message):
    """'您于 2026-03-12 09:04 提交的投诉' — when the user filed it, as the desk says."""
    match = rx.search(r"您于\s*(.{6,30}?)\s*(?:提交|通过)", msg.text)
    if match:
        times = fields.find_times(match.group(1), msg.at)
        if times and times[0].has_time:
            return times[0].at
    return None
