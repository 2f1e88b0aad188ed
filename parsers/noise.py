"""Mail that is never about an order: bounces, account mail, marketing, phishing lures.

Runs first, so order-shaped noise ("Order Shipped -- Order #…" with a zip, a promo that says
"订单满100元", a bounce whose returned headers carry an order number) creates nothing.
"""

from __future__ import annotations

import re

from orderwatch.parsers import cues, fields
from orderwatch.parsers import guarded as rx
from orderwatch.parsers.base import Message, Result, registrable_domain
from orderwatch.parsers.guarded import guarded
from orderwatch.parsers.mime import Mail

from orderwatch.domain.addresses import PERSONAL_MAILBOXES

NAME = "noise"


# News about an order, never in a code or password mail: a complaint answered, a refund done.
_ORDER_NEWS = guarded(
    r"(?:卖家|賣家|商家)回复了(?:您的)?投诉|(?:卖家|賣家|商家)已同意退款|退款已完成|已退还\s*[¥￥]?\s*\d|已退還\s*[¥￥]?\s*\d|"
    r"\brefund (?:has been |was )?(?:completed|issued)\b"
)


def parse(msg: Message) -> Result | None:
    mail = msg.mail
    ctype = mail.headers.get("content-type", "").lower()
    sender = mail.from_addr.lower()
    if (
        "multipart/report" in ctype
        or sender.split("@")[0] in ("mailer-daemon", "postmaster")
        or cues.BOUNCE.search(msg.subject)
    ):
        return Result(NAME, "noise", reason="bounce")
    if msg.role == "sent":
        return None
    if cues.ACCOUNT_NOISE.search(msg.subject) or (
        cues.ACCOUNT_NOISE.search(msg.text)
        and not fields.order_numbers(msg.both)
        and not cues.ACK.search(msg.both)  # a desk's auto-reply warns about codes: "请勿透露…验证码"
        and not _ORDER_NEWS.search(msg.both)  # a platform's notice in its code template: "退款已完成 … 验证码"
    ):
        return Result(NAME, "noise", reason="account")
    if any(cues.DANGEROUS_ATTACHMENT.search(a.filename or "") for a in mail.attachments):
        return Result(NAME, "noise", reason="dangerous attachment (likely phishing)")
    spoofed = impersonation(mail)
    if spoofed:
        return Result(NAME, "noise", reason=f"likely phishing: {spoofed}")
    # the lure's way out: a link, or a private chat contact ("添加理赔专员QQ：2874419066")
    if PHISHING_LURE.search(msg.both) and (
        rx.search(r"https?://", mail.text + mail.html) or _CHAT_CONTACT.search(msg.text)
    ):
        return Result(
            NAME, "noise", reason="likely phishing: asks for money, a claim or data through a link or a private chat"
        )
    if (_RAW_IP_LINK.search(mail.text) or _RAW_IP_LINK.search(mail.html)) and _MONEY_ASK.search(msg.both):
        return Result(
            NAME, "noise", reason="likely phishing: a link to a bare IP address that asks about money or a card"
        )
    if _SPACED_BRAND.search(msg.text[:600]):
        return Result(NAME, "noise", reason="likely phishing: a brand's name spelled apart to pass filters")
    if _CALLBACK.search(msg.text) and (registrable_domain(sender) in PERSONAL_MAILBOXES or _borrowed_brand(msg)):
        return Result(
            NAME,
            "noise",
            reason="likely a callback scam: an 'invoice' from an address not the brand's that asks you to phone to cancel",
        )
    if cues.SELLER_SIDE.search(msg.subject) or cues.SELLER_SIDE.search(msg.text[:3000]):
        return Result(NAME, "noise", reason="a notice to a seller (the user's own shop), not a purchase")
    if cues.RESTOCK.search(msg.both) and not any(
        ref.score >= 3 for ref in fields.references(msg.text[:4000], msg.subject)
    ):
        return Result(NAME, "noise", reason="marketing: a restock or price alert, not a purchase")
    bulk = "list-unsubscribe" in mail.headers or mail.headers.get("precedence", "").lower() in ("bulk", "list")
    if (bulk or cues.MARKETING.search(msg.text)) and not _transactional(msg):
        return Result(NAME, "noise", reason="marketing")
    return None


PHISHING_LURE = guarded(
    r"双倍理赔|申请理赔|领取(?:赔偿|理赔|退款)|点击.{0,12}(?:理赔|领取)|账户(?:已被)?冻结|"
    r"verify your (?:payment|billing|card)|update your (?:payment|billing) (?:details|information|method)|"
    # a refund held until the reader gives card details through a link: "confirm your card details within 24 hours"
    r"confirm (?:your )?(?:card|bank|billing) (?:details|information|number)|refund (?:has been |is )?(?:placed )?on hold\b[^.\n]{0,80}?(?:confirm|verify)|"
    r"(?:unusual|suspicious) (?:activity|sign-?in)|account (?:has been |will be )?(?:suspended|locked|limited)|"
    r"pay (?:a |the )?(?:small |outstanding )?(?:fee|duty|customs)|redelivery fee|customs (?:fee|charge)s? (?:of|unpaid)|"
    r"dopłat[aę]|zapłać.{0,20}(?:zł|pln)|Zollgebühr|frais de (?:douane|livraison) (?:impayés|à régler)|"
    # a parcel held for a small unpaid shipping cost, to be paid through a link
    r"(?:offene[n]?|ausstehende[n]?) (?:versandkosten|betrag|geb[üu]hr)|versandkosten[^.\n]{0,40}?(?:nicht (?:vollst[äa]ndig )?(?:bezahlt|beglichen)|(?:offen|ausstehend)(?: sind| ist)?\b)|"
    r"(?:bezorg|verzend)kosten[^.\n]{0,40}?niet (?:volledig )?(?:zijn )?(?:voldaan|betaald)|betaal de (?:bezorg|verzend)kosten|"
    r"(?:unpaid|outstanding) (?:shipping|delivery|postage) (?:fee|cost|charge)s?|gastos de env[íi]o (?:pendientes|no pagados)|spese di spedizione (?:non pagate|in sospeso)|"
    # "update your payment method or your account is limited", in the languages the lexicon reads
    r"mettre à jour (?:votre|vos) (?:moyen de paiement|informations (?:de paiement|bancaires)|coordonnées bancaires)|"
    r"compte (?:sera|a été|est) (?:temporairement )?(?:limité|suspendu|bloqué)|"
    r"zahlungs(?:methode|mittel|informationen|daten) (?:zu )?(?:aktualisieren|bestätigen)|konto (?:wurde|wird) (?:vorübergehend )?(?:gesperrt|eingeschränkt)|(?:wurde|wird) (?:ihr|dein) [\w-]*konto (?:vorübergehend |dauerhaft )?(?:gesperrt|eingeschränkt)|(?:ihre|deine) identität[^.\n]{0,40}?bestätigen|"
    r"actualiza[r]? (?:tu|su) (?:método|forma|información) de pago|cuenta (?:ha sido|será) (?:suspendida|bloqueada|limitada)|"
    r"aggiorna(?:re)? (?:il tuo |il )?metodo di pagamento|account (?:è stato|sarà) (?:sospeso|bloccato|limitato)|"
    r"(?:تأكيد|تحديث|إدخال) (?:بيانات|معلومات) (?:بطاقتك|البطاقة|الدفع|بطاقة)|"
    r"(?:подтвердите|обновите|введите) (?:данные|реквизиты) (?:(?:вашей |банковской )?карты|оплаты)|"
    r"kart bilgileri(?:nizi|ni)? (?:do[ğg]rula|g[üu]ncelle|onayla)|"
    r"更新(?:您的)?(?:支付|付款)(?:方式|信息|資訊)|缴纳保证金|(?:核验|验证|认证)领取|发放异常|领取异常|"
    r"添加.{0,8}客服\s*(?:QQ|微信)|领取货款|收款信息验证|"
    r"confirm your billing (?:information|details)|suspension of your (?:[\w.]+ )?account|"
    # refund scams: a "receipt" for something never bought, with a number to call to cancel it
    r"(?:didn'?t|did not|not) (?:make|authori[sz]e|recogni[sz]e|place) this (?:purchase|order|transaction|charge)[^.\n]{0,80}?(?:call|phone|dial)\b|"
    # "to cancel this order, call us on …": a number to call about a charge the reader never made
    r"(?:cancel|refund|not you|wasn'?t you|unauthori[sz]ed)[^.\n]{0,80}?(?:call|dial|phone) "
    r"(?:us|our (?:billing|support|cancellation)[\w ]{0,20}|(?:apple|amazon|paypal|microsoft) support)[^.\n]{0,30}?\+?\d[\d\s().-]{8,}"
    # a seller told "the buyer has paid" and sent to log in to a bank to "receive" it (OLX, Vinted, Sbazar kits)
    r"|kupuj[ąa]cy (?:ju[żz] )?(?:zap[łl]aci[łl]|op[łl]aci[łl])|odbioru? (?:p[łl]atno[śs]ci|[śs]rodk[óo]w|przelewu)|wybierz (?:sw[óo]j )?bank|wybra[ćc] bank|weryfikacj\w* sprzedaj[ąa]cego|"
    r"kupuj[íi]c[íi] (?:ji[žz] )?zaplatil|p[řr]ijmout (?:platbu|objedn[áa]vku)|ov[ěe][řr]en[íi] (?:banky|karty|[úu][čc]tu)|vyberte (?:svou )?banku|"
    r"(?:the )?buyer has (?:already )?paid[^.\n]{0,80}?(?:confirm|receive|verify)|to receive (?:the |your )?(?:payment|funds|money)[^.\n]{0,60}?(?:click|confirm|verify|select your bank)",
    re.I,
)


_CHAT_CONTACT = guarded(r"(?:QQ|微信|WeChat|WhatsApp|Telegram|LINE|Line)\s*(?:号)?\s*[:：]?\s*[\w+-]{0,20}\d[\w+-]{3,}")
# No shop, bank or carrier links its customers to a bare IP address: "CONFIRM REFUND NOW: http://185.231.154.77/…"
_RAW_IP_LINK = guarded(r"https?://\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?/")
_MONEY_ASK = guarded(
    r"refund|chargeback|card details|payment|confirm|verify|退款|理赔|erstattung|remboursement|rimborso|reembolso|zwrot",
    re.I,
)
_PARCEL_NAMED = guarded(
    r"\b(?:waybill|tracking|shipment|parcel|package)\s*(?:number|no\.?|#)\s*:?\s*[A-Z0-9]{8,}", re.I
)


def _transactional(msg: Message) -> bool:
    """An order, shipping or desk mail, which may still carry an unsubscribe footer."""
    text = msg.both
    return bool(
        cues.CONFIRM.search(text)
        or cues.SHIPPED.search(msg.subject)
        or cues.DELIVERED_PHYSICAL.search(msg.subject)
        or cues.ACK.search(text)
        or msg.mail.in_reply_to
        or cues.DECISION_AGAINST.search(text)
        or cues.DECISION_FOR.search(text)
        or cues.EVIDENCE_REQUEST.search(text)
        or bool(fields.ticket_numbers(msg.subject))
        # a carrier's delivery day for a parcel it names: "waybill number 4213867590 … scheduled for delivery TODAY"
        or bool(msg.promise is not None and _PARCEL_NAMED.search(msg.text[:2000]))
        # a relayed text message has no subject: "您的订单[…]已通过[中通快递]发出 … 退订请回复T"
        or bool(
            (cues.affirmed(cues.SHIPPED, msg.text) or cues.affirmed(cues.DELIVERED_PHYSICAL, msg.text))
            and fields.order_numbers(msg.text)
        )
        # a receipt labels its order number; a newsletter does not
        or any(ref.score >= 3 for ref in fields.references(msg.text[:4000]))
        # a newsletter never names the reader's order in its subject; an order update does
        or any(ref.score >= 3 for ref in fields.references("", msg.subject))
    )


# Brands whose billing the callback scams copy ("Norton Alert: … overdue charge", "Geek Squad Billing")
_CALLBACK_BRANDS = guarded(
    r"\b(norton|mcafee|geek ?squad|paypal|best ?buy|microsoft|apple|amazon|coinbase|walmart|ebay|lifelock|avast)\b",
    re.I,
)


def _borrowed_brand(msg: Message) -> bool:
    """A brand named in the subject or the first lines that the sending domain is not."""
    domain = registrable_domain(msg.mail.from_addr).replace("-", "").lower()
    names = {
        m.group(1).replace(" ", "").lower() for m in _CALLBACK_BRANDS.finditer(msg.subject + "\n" + msg.text[:300])
    }
    return bool(names) and not any(name in domain for name in names)


# A renewal or "order" you did not place, from a free-mail address, that wants a phone call to cancel or
# refund it (the Geek Squad / Norton / PayPal invoice scam); a real shop's mail never needs the call.
_CALLBACK = guarded(
    r"(?:cancel|refund|dispute|block|terminate|not (?:authori[sz]e|recogni[sz]e)|(?:did|do)(?:n't| not) (?:make|place|order|believe you ordered))(?:[^\n]|\n(?!\s*\n)){0,160}?"
    r"\b(?:call|dial|phone|ring|contact|get in touch)\b(?:[^\n]|\n(?!\s*\n)){0,80}?\+?\d[\d\s().-]{8,}\d",
    re.I,
)
# "e b a y", "P a y P a l": a brand spelled apart, which no brand's own mail does
_SPACED_BRAND = guarded(
    r"(?<!\w)(?:e b a y|a m a z o n|p a y p a l|a p p l e|n o r t o n|m c a f e e|g e e k s q u a d|w a l m a r t|"
    r"c o i n b a s e|m i c r o s o f t)(?!\w)",
    re.I,
)
_AUTH_FAIL = guarded(r"\b(?:spf|dmarc)\s*=\s*(?:fail|softfail)\b", re.I)
_DOMAIN_IN_NAME = guarded(
    r"(?<![\w.\-])([a-z0-9][a-z0-9\-]{1,30})\.(?:co\.uk|co\.jp|com\.au|com\.br|com\.mx|com\.tw|com\.hk|com\.sg|"
    r"co\.nz|co\.kr|com|de|fr|it|es|pl|nl|se|cz|ro|in|cn|jp|ca|tw|hk)\b",
    re.I,
)


def impersonation(mail: Mail) -> str:
    """Why the sender looks like someone it is not ('' when it does not).

    A failed SPF/DMARC verdict recorded by the receiving server; a display name that names
    another domain ("Amazon.com" <x@amazon-shipment-notice.com>); a display-name brand that the
    sending domain misspells ("Allegro" <x@alleqro-pl.com>). Order-shaped lures must open nothing.
    """
    verdicts = " ".join(mail.headers.get(h, "") for h in ("authentication-results", "arc-authentication-results"))
    spf = mail.headers.get("received-spf", "").lower()
    if (_AUTH_FAIL.search(verdicts) and "dkim=pass" not in verdicts.lower()) or spf.startswith("fail"):
        return "the sender failed authentication (SPF/DMARC)"
    domain = registrable_domain(mail.from_addr)
    brand = domain.split(".")[0]
    named = _DOMAIN_IN_NAME.search(mail.from_name or "")
    if named and domain and named.group(1).lower() != brand:
        return f"the name says {named.group(0)} but the mail comes from {domain}"
    for word in rx.findall(r"[a-z]{5,}", (mail.from_name or "").lower()):
        for label in re.split(r"[.\-]", domain):
            if label != word and len(label) == len(word) and _one_or_two_apart(label, word):
                return f"'{mail.from_name}' from {domain}, a look-alike of the name"
    linked = dict.fromkeys(h.lower() for h in _LINK_HOST.findall(mail.text + "\n" + mail.html))  # each host once
    for host in dict.fromkeys([domain, *(registrable_domain("x@" + h) for h in linked)]):
        for label in re.split(r"[.\-]", host):
            look_alike = next((b for b in _WELL_KNOWN if len(label) == len(b) and _misspells(label, b)), None)
            if look_alike:
                return f"{host} misspells {look_alike}"
    return ""


# Domains lures misspell ("steamcommunlty", "paypa1"): a label one or two letters off one of them is a look-alike
_WELL_KNOWN = (
    "steamcommunity", "steampowered", "paypal", "amazon", "microsoft", "aliexpress", "netflix", "allegro",
    "walmart", "zalando", "vinted", "coinbase", "binance", "instagram", "facebook", "playstation", "nintendo",
    "epicgames", "blizzard", "battlenet", "rakuten", "mercadolibre", "mercadolivre", "shopee", "lazada",
)  # fmt: skip
_LINK_HOST = guarded(r"https?://([a-z0-9.-]+\.[a-z]{2,})", re.I)


def _misspells(label: str, brand: str) -> bool:
    """The brand with one or two letters swapped for look-alike glyphs ("steamcommunlty", "paypa1"); another
    shop one letter off a brand ("microspot", "mercadolibre") is no misspelling."""
    pairs = [(x, y) for x, y in zip(label, brand, strict=True) if x != y]
    return 0 < len(pairs) <= 2 and all(pair in _GLYPHS for pair in pairs) and label not in _WELL_KNOWN


_GLYPHS = {("1", "l"), ("1", "i"), ("l", "i"), ("i", "l"), ("0", "o"), ("q", "g"), ("3", "e"), ("4", "a"), ("5", "s")}


def _one_or_two_apart(a: str, b: str) -> bool:
    return 0 < sum(x != y for x, y in zip(a, b, strict=True)) <= 2
