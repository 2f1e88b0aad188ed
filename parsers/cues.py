"""The words that say what a mail is about, in Chinese and English.

Kept in one place so every family reads the same vocabulary; each entry is a regular
expression alternation. They describe kinds of mail, never one shop.
"""

from __future__ import annotations

from orderwatch.parsers.assertions import affirmed, stated_as_fact, unconditional
from orderwatch.parsers.base import any_of
from orderwatch.parsers.complaint_words import COMPLAINT_WORDS  # noqa: F401 - the buyer's words, as cues.X
from orderwatch.parsers.delivery_cues import (  # noqa: F401 - handed over without a carrier, read as cues.X
    AVAILABLE_NOW,
    DELIVERED_RECEIPT,
    DELIVERED_VIRTUAL,
)
from orderwatch.parsers.desk_words import (  # noqa: F401 - who writes, read as cues.X
    DESK_SENDER,
    LEGAL_WORDS,
    OUTSIDE_WORDS,
    PLATFORM_WORDS,
    RESPONDENT,
)
from orderwatch.parsers.refund_cues import (  # noqa: F401 - the refund's words, read as cues.X
    CREDIT_MEMO,
    REFUND_GRANTED,
    REFUND_RECEIVED,
    granted,
    refund_received,
    still_to_arrive,
)
from orderwatch.parsers.talk_cues import (  # noqa: F401 - the conversation's words, read as cues.X
    ACK,
    AGENT_ACTED,
    APPEAL_WORDS,
    BUYER_NOT_RECEIVED,
    BUYER_RECEIVED,
    DECISION_AGAINST,
    DECISION_FOR,
    DECISION_PARTIAL,
    EVIDENCE_REQUEST,
    EVIDENCE_WORDS,
    GOVERNMENT_ADDRESS,
    MESSAGE_SENT,
    OWN_ESCALATION,
    RECALL,
    SELLER_CLOCK,
    TICKET_CLOSED,
    without_account,
)

__all__ = ["affirmed", "stated_as_fact", "unconditional"]  # the callers' old home of these

# "entregado a la transportadora", "entregue à transportadora": handed to the carrier, not to the buyer
_TO_CARRIER = (
    r"\s+(?:a\s+la|al|à|ao|a|para\s+a)\s+(?:transportadora|transportista|empresa\s+de\s+(?:transporte|mensajer[íi]a)|courier|"
    r"operador(?:a)?\s+log[íi]stic[oa]|paqueter[íi]a|mensajer[íi]a)"
)

CONFIRM = any_of(
    # he, bg, el: "הזמנתך התקבלה", "תודה שקנית ב-", "Потвърждение на поръчка", "Επιβεβαίωση παραγγελίας"
    r"הזמנתך התקבלה|ההזמנה שלך התקבלה|קיבלנו את (?:ה)?הזמנה|תודה (?:שקנית|על (?:ה)?הזמנה|על הרכישה)|אישור הזמנה|"
    r"потвърждение на поръчка(?:та)?|благодарим (?:ви )?за (?:вашата )?поръчка|поръчката (?:ви )?(?:е |беше )?(?:приета|получена)|"
    r"(?:自动)?续费成功|自動續費成功|扣款成功|订单支付成功|支付成功(?!后|後)|付款成功(?!后|後)|成功付款|成功支付|已付款|已支付|下单成功|订单确认|订单已确认|已收到您的订单|已收到您的付款|"
    r"以下是(?:您|你)的(?:購買|购买)(?:內容|内容)|(?:購買|购买|订购|訂購)(?:內容|内容)?明(?:細|细)|"  # a store's receipt: "以下是您的購買內容明細"
    r"收到您的付款|感谢您的购买|感谢您选购|购买成功|(?:已)?成功购买|(?:已)?成功租用|租用成功|租号成功|订单已生成|已下单|(?:本|该|此)?商品为(?:手动|人工)发货[^。\n]{0,8}?请耐心等待|(?:本|該|此)?商品為(?:手動|人工)發貨[^。\n]{0,8}?請耐心等待|已经收到您的付款|订单(?:已)?提交成功|交易成功|"
    r"(?:收到|已收到)(?:了)?(?:你|您)的(?:订单|訂單|訂購)|訂單收據|订单收据|已向(?:你|您)收(?:費|费)|(?:正在|已开始)处理(?:你|您)的订单|订单[：:\s]*[A-Za-z0-9]{6,30}\s*提交成功|"
    r"(?:^|\n)\s*date ordered\s*:|danke für deinen (?:einkauf|kauf)|vielen dank für (?:ihren|deinen) einkauf|"  # a shop engine's plain receipt: "Order Number: 2291 / Date Ordered: …"
    r"thank(?:s| you) for (?:your )?(?:order|purchase|shopping(?! (?:at|with)\b)|buying|ordering|pre-?ordering|payment|subscribing)|\byou(?:'ve)? (?:just )?(?:bought|purchased)\b|order(?:\s*(?:n[°º]|no\.?|nr\.?|#|num[ée]ro)?\s*[\w-]{0,30}\d[\w-]{0,30})? (?:has been |is |was )?(?:confirmed|received|placed)|"
    r"order confirmation|confirmation of (?:your )?order|obrigad[oa] pela (?:sua )?(?:encomenda|compra)|confirma[çc][ãa]o da (?:sua )?encomenda|\byour order is complete\b|\breceipt for your (?:order|purchase) (?:to|from|with)\b|\byou submitted an order\b|(?:this is|here is|here's) (?:the|your) receipt for (?:your|this) (?:order|purchase)|congrat(?:s|ulations) on your (?:purchase|order)|we(?:'ve| have) (?:received|got) your (?:order|payment)|"
    r"(?<!n't )(?<!not )(?<!never )\breceived your order\b|"  # the Shop app: "Fernway Botanicals received your order"
    r"payment (?:went through|has gone through|received|has been received|confirmed|successful|(?:was|is) successful)|(?<!as )(?<!serves as )your receipt|"
    r"\bwinning bid\b|you(?:'ve)? won (?:the |this )?(?:auction|listing|item)|new order\b|order receipt|"
    r"purchase (?:confirmation|receipt)|\bpayment receipt\b|\bhere is your order invoice\b|\breceipt for (?:your )?order\b|(?:^|\n)\s*(?:total|amount) paid\s*[:：]|order summary|charged (?:today|now)\s*[:：]|\byou(?: were|(?:'ve| have) been) charged\b|\byour (?:card|account|payment method) (?:has been |was )charged\b|your order is being processed|we(?:'re| are) (?:getting|preparing) your order|"
    r"ご注文の確認|ご注文を承りました|(?:ご)?注文は[^。\n]{0,40}?(?:にて)?承りました|(?:ご)?入金を確認(?:いた)?しました|ご注文を(?:受付|受け付け|承り|確認)(?:いたし|致し|し)?ました|ご注文確認のお知らせ|ご注文ありがとうございます|お申(?:し)?込(?:み)?(?:ありがとうございます|を承りました|を受け付けました)|주문이\s*(?:정상적으로\s*)?(?:완료|접수)되었습니다|결제가\s*완료되었습니다|"
    r"주문해\s*주셔서\s*감사합니다|tack f[öo]r din best[äa]llning|orderbekr[äa]ftelse|d[ěe]kujeme za (?:v[áa][šs] )?n[áa]kup|"
    r"kiitos tilauksesta(?:si|nne)?|tilaus(?:si|nne)? on vastaanotettu|tilausvahvistus|tak for din (?:ordre|bestilling)|vi har modtaget din (?:ordre|bestilling)|ordrebekr[æa]ftelse|"
    r"takk for (?:din )?bestilling(?:en)?|ordrebekreftelse|vi har mottatt (?:din )?bestilling|ευχαριστούμε για την παραγγελία|η παραγγελία σας (?:έχει )?(?:ληφθεί|καταχωρηθεί)|"
    r"v[ăa] mul[țt]umim c[ăa] a[țt]i cump[ăa]rat|confirmare comand[ăa]|a sua encomenda (?:foi recebida|est[áa] em espera)|recebemos a sua encomenda|"
    r"objedn[áa]vku .{0,30}jsme p[řr]ijali|[îi]{1}[țt]i mul[țt]umim pentru comand[ăa]|am (?:primit|[îi]nregistrat) comanda"
    r"|(?:ihre|deine) bestellung ist (?:nun |jetzt )?(?:vollst[äa]ndig|abgeschlossen|eingegangen)|(?<![^\n])[^\S\n]*(?:sie haben|du hast) (?:folgendes )?bestellt\s*:"
    r"|訂單成立|訂購成功|下單成功|結帳成功|结账成功|(?:已)?完成結帳|(?:已)?完成结账|訂購完成|订购完成|(?:你|您)已(?:購買|购买|訂購|订购)(?:了)?\s*[「“\"《]|訂單確認|感謝您的訂購|感謝您的購買|已收到您的訂單|付款成功|訂單已成立|bestellbest[äa]tigung|(?:vielen )?dank(?:e)? f[üu]r (?:ihre|deine|eure) (?:bestellung|zahlung)|merci pour (?:votre|ton) paiement|grazie per il (?:tuo |suo )?pagamento|gracias por (?:tu|su) pago|bedankt voor (?:je|uw) betaling|(?:dein|ihr) (?:kauf)?beleg f[üu]r\b|wir haben (?:ihre|deine) bestellung erhalten|confirmation de (?:votre )?commande|merci pour (?:votre|ton|ta) (?:commande|achat)|vous avez achet[ée]|tu as achet[ée]|nous avons (?:bien )?re[çc]u (?:votre|ton) paiement|veuillez trouver,? ci-joint,? (?:la|notre|votre) commande|voici votre commande|voici le re[çc]u de (?:ta|votre) commande|votre commande(?:\s*(?:n[°º]|no\.?|nr\.?|#|num[ée]ro)?\s*[\w-]{0,30}\d[\w-]{0,30})? (?:a bien été|est) (?:bien )?(?:enregistrée|confirmée|validée)|conferma (?:dell'|d')?ordine|grazie per (?:il tuo|il vostro|l')?\s*(?:ordine|acquisto)|ordine(?:\s*(?:n[°º]|no\.?|nr\.?|#|num[ée]ro)?\s*[\w-]{0,30}\d[\w-]{0,30})? (?:è stato )?(?:confermato|ricevuto)|confirmaci[óo]n (?:de(?:l)? )?(?:tu |su )?pedido|(?:tu|su) pedido (?:est[áa] |ha sido )?confirmado|pedido confirmado|gracias por tu (?:pedido|compra)|pedido(?:\s*(?:n[°º]|no\.?|nr\.?|#|num[ée]ro)?\s*[\w-]{0,30}\d[\w-]{0,30})? (?:ha sido |fue )?(?:confirmado|recibido)|potwierdzenie zam[óo]wienia|dzi[ęe]kujemy za (?:zakupy|zam[óo]wienie|z[łl]o[żz]enie zam[óo]wienia)|podsumowanie zam[óo]wienia|zam[óo]wienie zosta[łl]o (?:przyj[ęe]te|z[łl]o[żz]one)|bedankt voor (?:je|uw) (?:bestelling|aankoop)|(?:je|uw) bestelling(?: \(\S+\))? is gelukt|vielen dank f[üu]r (?:deinen|ihren) einkauf|bestellung(?:\s*#?[\w-]*\d[\w-]*)? (?:wurde )?best[äa]tigt|commande(?:\s*#?[\w-]*\d[\w-]*)? confirm[ée]e|bestelbevestiging|orderbevestiging|bedankt voor het winkelen bij|(?:您的)?支持已成功|支持成功|感谢您支持(?:项目|項目|本项目)|感謝您支持(?:項目|本項目)|thank you for backing|you(?:'re| are) (?:now )?a backer|your pledge (?:has been|was) (?:received|collected|successful)|bestelling(?:\s*#?[\w-]*\d[\w-]*)? (?:is )?bevestigd"
    r"|recebemos (?:o )?seu pedido|(?:hemos recibido|recibimos) (?:tu|su) pedido|nous avons (?:bien )?re[çc]u votre commande|abbiamo ricevuto il (?:tuo|suo) ordine|você comprou|voce comprou|obrigad[oa] pela (?:sua )?compra|pedido (?:confirmado|recebido|realizado)|"
    r"votre commande (?:\(\S+\) )?est pass[ée]e|confirmaci[óo]n de (?:tu|su) compra|zahlung\s+erfolgreich|(?:deine|ihre) zahlung .{0,60}(?:war|ist) erfolgreich|paiement confirm[ée]|votre paiement .{0,80}a bien été pris en compte|"
    r"compraste|gracias por (?:tu|su) (?:compra|pedido)|preparando tu compra|(?:tu|su) compra (?:fue|est[áa]|ha sido) (?:confirmada|aprobada|realizada)|"
    r"obrigad[oa] (?:pelo|por) (?:seu |o )?pedido|obrigad[oa] por (?:comprar|sua compra)|"
    r"(?:seu |o )?pagamento (?:foi )?(?:aprovado|confirmado)|(?:tu |su )?pago (?:fue |ha sido )?(?:aprobado|acreditado)"
    r"|du hast .{1,80}? gekauft|hier ist deine bestellung|thank you for your recent (?:transaction|purchase|order)"
    r"|you sent a payment of|receipt for your payment to|vous avez envoy[ée] un paiement de|du hast eine zahlung (?:über|von|in h[öo]he von)|has enviado un pago de|hai inviato un pagamento di|感谢您(?:近期)?在.{0,20}的(?:交易|购买)|感謝您(?:近期)?在.{0,20}的(?:交易|購買)"
    r"|kupi[łl](?:e[śs]|a[śs]|e[śs]my)?(?: i zap[łl]aci[łl](?:e[śs]|a[śs]))?|zap[łl]aci[łl](?:e[śs]|a[śs]) za|dzi[ęe]kujemy za zakup"
    r"|bestellung ist (?:bei uns )?eingegangen|bestellung (?:wurde )?erhalten|commande (?:a bien été )?(?:reçue|enregistrée)"
    r"|your order\b(?:[^.\n]|\.(?=\d)){0,60}?\b(?:has been|is|was) (?:confirmed|received|placed|accepted)"
    r"|thank(?:s| you) for (?:your )?(?:[\w'’&]+ ){0,4}?(?:pre-?order|order|purchase)\b|pre-?order (?:confirmed|receipt|confirmation)"
    r"|(?:你|您)的.{0,12}收[据據]|(?:來自|来自)\s?\S{1,20}?\s?的收[據据]|receipt from|your (?:invoice|receipt) from|ihre rechnung von|votre re[çc]u|tu recibo"
    r"|ご購入(?:いただき)?ありがとうございます|注文[^。\n]{0,20}?が確定(?:されました|しました)|ご注文が確定"
    # ru, tr, id, vi, th, ar
    r"|вы оплатили (?:товар|заказ)|спасибо за заказ|заказ\s*(?:№\s*)?[\w-]{0,20}\d[\w-]{0,20}\s+(?:оформлен|оплачен|подтвержд[её]н)|ваш заказ (?:оформлен|принят)"
    r"|sipari[şs]in(?:iz)?\s+(?:al[ıi]nd[ıi]|bize ula[şs]t[ıi]|olu[şs]turuldu)|sipari[şs]iniz i[çc]in te[şs]ekk[üu]r"
    r"|pembayaran\s+(?:berhasil|sudah kami terima)|terima kasih (?:telah|sudah) (?:berbelanja|memesan)|pesanan(?:mu)? berhasil dibuat|terima kasih atas pembelian anda"
    r"|xác nhận thanh toán thành công|đã nhận được thanh toán|đặt hàng thành công|đã được đặt thành công|cảm ơn bạn đã (?:mua hàng|đặt hàng)"
    r"|ขอบคุณสำหรับการสั่งซื้อ|ขอบคุณที่สั่งซื้อ|เราได้รับคำสั่งซื้อ|شكر[اًا]* لطلبك|تم تأكيد طلبك|تم استلام طلبك"
    r"|дякуємо за (?:покупку|замовлення)|замовлення\s*(?:№\s*)?[\w-]{0,20}\d[\w-]{0,20}\s+оформлено"
    r"|je betaling (?:is )?gelukt|je hebt betaald voor|terima kasih kerana membeli-belah|pesanan anda (?:telah )?diterima"
    # nb, da, fi, cs, hu, ro
    r"|takk for (?:bestillingen|ordren|handelen)|tak for (?:din )?(?:ordre|bestilling|k[øo]b)|vi har (?:mottatt|modtaget) (?:ordren|din ordre|bestillingen|din bestilling)"
    r"|ordrebekreftelse|ordrebekr[æa]ftelse|kiitos tilauksestasi|kiitos ostoksestasi|購入手続きが完了しました|a tua compra (?:com [^.\n]{0,30})?foi confirmada|tack för ditt köp|ditt köp är klart|tak for dit køb|takk for kjøpet|tilausvahvistus|olemme vastaanottaneet tilauksesi"
    r"|d[ěe]kujeme za (?:va[šs]i )?objedn[áa]vku|potvrzen[íi] objedn[áa]vky|[ďd]akujeme za (?:va[šs]u )?objedn[áa]vku|potvrdenie objedn[áa]vky|k[öo]sz[öo]nj[üu]k a rendel|rendel[ée]s visszaigazol[áa]s"
    r"|v[ăa] mul[țt]umim pentru comand[ăa]|confirmare(?:a)? comenzii|comanda (?:ta|dvs\.?) a fost (?:[îi]nregistrat[ăa]|plasat[ăa])"
    r"|ευχαριστο[υύ]με για την (?:αγορ[άα]|παραγγελ[ιί]α)|παραγγελ[ιί]α σου[^.\n]{0,30}καταχωρ[ήη]θηκε"
    r"|رسید خرید|از خرید شما سپاسگزاریم|سفارش شما (?:با موفقیت )?ثبت شد"
    r"|k[öo]sz[öo]nj[üu]k a rendel[ée]s|rendel[ée]sed[^.\n]{0,30}(?:r[öo]gz[ií]tett[üu]k|be[ée]rkezett)"
    # a booking is an order: "Votre réservation est confirmée", "Votre trajet … est confirmé", "预订成功"
    r"|nous vous confirmons (?:la |votre |l')(?:commande|[ée]change|r[ée]servation|achat)|(?:votre|ta) r[ée]servation (?:est |a bien été )?confirm[ée]e|votre (?:trajet|voyage)\b[^.]{0,80}?\best confirm[ée]|merci pour votre r[ée]servation|"
    r"(?:your )?booking (?:is |has been )?confirmed|booking confirmation|thank(?:s| you) for (?:your )?booking|"
    r"(?:ihre|deine) buchung (?:ist |wurde )?(?:best[äa]tigt|eingegangen)|buchungsbest[äa]tigung|(?:tu|su) reserva (?:est[áa] |ha sido )?confirmada|"
    # thanks with an adverb, and a receipt confirmed: "Merci beaucoup pour votre commande", "Thank you so much for your
    # order", "Nous confirmons la réception de votre commande", "Confirmation de réception de votre commande"
    r"(?:merci|thank you|thanks|danke|grazie|gracias|obrigad[oa]|dzi[ęe]kujemy)\s+(?:beaucoup|infiniment|so much|very much|a lot|sch[öo]n|vielmals|mille|muchas|muito|bardzo)\s+"
    r"(?:pour|for|f[üu]r|per|por|pela|za)\s+(?:votre|ton|ta|your|ihre|deine|il tuo|il vostro|l'|tu|su|sua|a sua|twoje|pa[ńn]stwa)\s*(?:commande|order|bestellung|ordine|pedido|encomenda|zam[óo]wienie)|"
    r"(?:confirmons|confirmation de) la r[ée]ception de (?:votre|ta) commande|"
    r"prenotazione (?:[èe] )?confermata|多謝(?:你|您)的(?:訂單|訂購)|(?:餐廳|商戶|商家|店家)已接單|(?:餐厅|商户|商家|店家)已接单|预订成功|預訂成功|(?:预订|預訂)的?(?:酒店|房间|房間|行程|门票|門票|活动|活動)?(?:已|已经|已經)(?:确认|確認)|订票成功|訂票成功|出票成功"
)
# A payment service's receipt for a payment to a shop ("Pagaste $ 289.990 a Tienda", "You sent a payment of
# $4.29 to X"): it names the shop's order, whose own mail, when there is one, opens it.
PAYMENT_TO_PAYEE = any_of(
    r"\bpagaste\b[^\n]{0,40}?\sa\s|\bvoc[êe] pagou\b|you sent a payment\b|\byou paid\b[^\n]{0,40}?\bto\b|receipt for your payment to|"
    r"\byou authori[sz]ed\b[^\n]{0,40}?\bpayment to\b|"
    r"du hast eine zahlung|vous avez envoy[ée] un paiement|hai inviato un pagamento|has enviado un pago|"
    # a pay-later plan for a shop's order: the shop's order, paid in instalments through the service
    r"your (?:payment|repayment) (?:schedule|plan)|\bpay in [3-6]\b|(?:first|1st) (?:payment|instal(?:l)?ment) (?:of|[£$€\d])|"
    r"\bretailer order (?:number|no)|piano (?:di )?(?:pagamento|rate)|le tue rate|[ée]ch[ée]ancier|ratenplan|zahlungsplan|"
    # a payment gateway writes for the shop: "特店訂單編號", "本公司僅提供金流代收付服務"
    r"only processes the payment|processes (?:the )?payments? (?:for|on behalf of) (?:the )?(?:merchant|seller|store)|"
    r"特店訂單編號|商店訂單編號|特店名稱|(?:商品|服務)(?:或(?:商品|服務))?之提供由商店負責|金流代收付|代收付服務|代收代付|第三方支付服務|payment (?:processor|gateway) for"
)
PAID = any_of(
    r"支付成功|付款成功|已付款|已支付|收到您的付款|已经收到您的付款|支付时间|付款时间|支付方式|ได้รับการชำระเงิน|"
    r"betalning(?:en)? har gått igenom|betaling(?:en)? er (?:modtaget|mottatt)|maksusi on vastaanotettu|"
    r"payment (?:went through|received|has been received|confirmed|successful|method)|paid|your payment|charged"
    r"|付款成功|已付款|付款時間|付款方式|(?:微信)?支付凭证|支付憑證|zahlung (?:erhalten|best[äa]tigt)|bezahlt|paiement (?:reçu|confirmé|accepté)|paiement a (?:bien )?été (?:reçu|confirmé|accepté)|pagamento (?:ricevuto|confermato)|pago (?:recibido|confirmado)|p[łl]atno[śs][ćc] (?:otrzymana|zaksi[ęe]gowana)|zap[łl]acono"
    r"|pagamento (?:foi )?(?:aprovado|confirmado|recebido)|pago (?:fue |ha sido )?(?:aprobado|acreditado)"
    r"|(?:ご)?入金を確認(?:いた)?しました|(?:ご)?入金確認のお知らせ|お支払い(?:を)?確認(?:いた)?しました|決済が完了(?:いた)?しました"
)
# "Order status changed to", "Status geändert in", "statut passé à": the new state follows
_STATUS_CHANGED = r"(?:has )?(?:changed|been (?:changed|updated)|updated) to|ge[äa]ndert (?:in|auf|zu)|pass[ée] (?:à|en)|cambiat[oa] in|cambiad[oa] a|gewijzigd (?:in|naar)"
SHIPPED = any_of(
    r"ההזמנה שלך נשלחה|(?:הזמנה|ההזמנה|הזמנתך)[^.\n]{0,40}?(?:נשלחה|יצאה ממחסני|יצאה למשלוח)|"
    r"(?:поръчка|пратка)(?:та)?[^.\n]{0,60}?\s(?:е|беше)\s+изпратена|изпратихме (?:вашата )?поръчка|"
    # a shop engine's state mail: "The new status is as follows: Shipped."
    r"new status is(?: as follows)?\s*[:：]\s*(?:shipped|dispatched|sent|versandt|verschickt|exp[ée]di[ée]e?)\b|"
    r"已发货|发货通知|(?:产品|商品|订单|訂單|產品)已(?:发送|發送)|正在(?:運輸|运输)(?:途)?中|(?:訂單|订单)[^。\n]{0,30}?[-–]\s*(?:運輸|运输)中|卖家已经?发货|已交给|已交由|已揽收|物流公司|快递公司|(?:快递单号|运单号|物流单号|发货单号)(?=\s*(?:为|是)?\s*[:：]?\s*[\[【(（]?\s*[A-Za-z0-9])|已通过[^，。\n]{0,12}?发出|已由[^，。\n]{0,20}?(?:发出|寄出|發出)|已出库|"
    r"has (?:been )?shipped|have shipped|is on (?:the|its) way|"
    # "your order 43129087655 is arriving soon", "Your order … is almost here!" (never "Black Friday is almost here")
    r"\b(?:order|package|parcel|delivery|shipment|items?)\b[^.!\n]{0,30}?\b(?:is|are) (?:almost here|arriving soon|nearly (?:here|there))|(?:is|è|e') (?:currently |now |attualmente |ora )?(?:in transit|in viaggio|in transito)\b|pacco in transito|on its way to you|shipment (?:#|notification|confirmation)|"
    r"\bshipped\b|dispatched|despatched|tracking (?:has been |was )?added\b|(?:is|are) (?:now )?ready (?:to|for) (?:collect(?:ion)?|pick[- ]?up)\b|(?:has |have )?left our (?:warehouse|workshop|studio|facility|store|premises)|tracking (?:number|#|no)|handed (?:it )?(?:over )?to (?:the carrier|royal mail|ups|usps|fedex|dhl)"
    r"|(?:has been|was|were) sent (?:using|with|via|by)|(?:has been|have been|was) fulfill?ed|fulfill?ment (?:confirmation|complete)"
    r"|beim versanddienstleister|an den versanddienstleister übergeben|an (?:dpd|dhl|gls|ups|hermes|fedex|die post|die österreichische post)(?: austria)? übergeben|können sie ihre sendung (?:jetzt )?verfolgen|links? zur sendungsverfolgung"
    r"|(?:status|statut|stato|estado|狀態|状态)\b[^\n]{0,50}(?:[:：]|"
    + _STATUS_CHANGED
    + r")\s*\n?\s*(?:versendet|versandt|verschickt|shipped|dispatched|exp[ée]di[ée]e?|spedit[oa]|enviad[oa]|wys[łl]ane|verzonden|已发货|已出貨)"
    r"|已出貨|已完成(?:出貨|出货|发货|發貨)|出貨通知|已寄出|已(?:經|经)(?:寄出|出貨|出货|发货|發貨)|已發貨|商品已出貨|已交寄|配送中|已开始配送|已開始配送|正在(?:为您|為您)?(?:配送|派送)|派送中|已装车出发|已裝車出發|骑手已取货|騎手已取貨|已(?:經|经)用[^，。\n]{0,6}?(?:寄出|發出|发出)|寄出咗|寄咗|(?:骑手|騎手)已取餐|(?:给|給)(?:您|你)(?:发货|發貨)了|已(?:经|經)?出(?:库|庫)|(?:到達|到达)集(?:運|运)倉|(?:完成|已)入(?:倉|仓)|(?:打包)?(?:已)?出(?:倉|仓)(?!前)|已(?:經|经)[^，。！？\n]{1,4}?(?:寄出|出貨|出货|發貨|发货)了|"
    r"お届けできませんでした|ご不在のため|発送済み|発送しました|発送いたしました|発送させていただきました|出荷いたしました|出荷しました|出荷が完了(?:いたし|し)ました|(?:商品)?(?:出荷|発送)(?:完了)?のお知らせ|출고되었습니다|발송되었습니다|배송이\s*시작되었습니다|"
    r"har skickats|(?:^|\n)\s*skickat\b|(?:är|blev) skickad\b|byla odesl[áa]na|odesl[áa]no|a fost expediat[ăa]|predat[ăa] curierului|"
    r"(?:ordren|pakken|bestillingen|sendingen|ordre)[^.\n]{0,30}?(?:er|har blitt|blev|ble) (?:sendt|afsendt)|(?:er|blev|ble) afsendt|er p[åa] vei(?:en)?|(?:er|är) (?:i transitt|under transport)\b|"
    r"(?:on|ovat) l[äa]hetetty|l[äa]hetys on matkalla|je na cest[ěe]|[úu]ton van|feladtuk|elk[üu]ldt[üu]k|"
    r"(?:^|\n)\s*(?:versandt|verschickt|expédiée?|spedit[oa]|enviad[oa]|wys[łl]ane|verzonden|dispatched|shipped)\s*:|"
    r"zollabfertigung\b[^.\n]{0,60}?(?:abgeschlossen|beendet)|customs clearance (?:is |has been )?(?:completed?|finished)|清关完成|已清关|d[ée]douanement termin[ée]|"
    r"versandbest[äa]tigung|wurde (?:versandt|verschickt|versendet)|ist unterwegs|"
    # an owner's own words: "your order went in the post this morning!", "ist raus! Ging heute Mittag mit DHL weg"
    r"\bwent (?:in|into) the (?:post|mail)\b|\b(?:went|got sent) out (?:in the (?:post|mail)|this morning|today|yesterday)\b|"
    r"(?:^|\n)\s*(?:\w+\s+)?ist raus!|ging (?:heute|gestern)[^.\n]{0,30}?mit (?:dhl|dpd|hermes|gls|ups|der post) (?:raus|weg)\b|"
    # "Deine Lieferung ist auf dem Weg" over "Sendungsnummer: 00340434…" (never a return "auf dem Weg zu uns")
    r"(?:lieferung|bestellung|sendung|paket|p[äa]ckchen) (?:ist|sind) (?:jetzt |nun |bereits )?auf dem weg(?! zu uns)|sendungsnummer\s*[:：]\s*[A-Z0-9]{10,}|(?:wurde|wurden) (?:dem|an den) versand(?:dienstleister)? [üu]bergeben|"
    # a shipping tool's parcel handed to its carrier: "ist gepackt und wird von DHL Germany versandt"
    r"(?:ist|wurde|has been|is) (?:gepackt|verpackt|packed) (?:und wird|and will be) (?:von|mit|per|by|with) [^.\n]{2,30}? (?:versandt|verschickt|zugestellt|shipped|delivered)\b|"
    # a note giving the parcel: "votre colis est parti ce matin avec Colissimo. Numéro de suivi : 6A24…"
    r"(?:votre |le )colis (?:est parti|a quitté)|num[ée]ro de suivi\s*[:：]\s*[A-Z0-9]{8,}|n[úu]mero de seguimiento\s*[:：]\s*[A-Z0-9]{8,}|"
    r"(?:a|ont) été expédi[ée]e?s?|(?:a|ont) été envoy[ée]e?s?|expédition de votre commande|commande (?:a été )?expédiée|est en route|(?:est )?en cours d'acheminement|"
    r"(?:è stato|è stata|sono stati|e' stato) spedit[oai]|ordine spedito|spedizione (?:confermata|effettuata)|"
    r"(?<!correo )(?<!mensaje )(?<!mail )(?:ha|han) sido enviad[oa]s?(?! (?:por|autom[áa]ticamente|desde))|pedido enviado|est[áa] en camino|va en camino|"
    r"(?:notificaci[óo]n|confirmaci[óo]n|aviso) de env[íi]o|(?:notifica[çc][ãa]o|confirma[çc][ãa]o|aviso) de envio|"
    r"(?:tu|su|seu|sua) entrega (?:fue|foi) iniciada|entrega iniciada|(?:entregad[oa]|entregue)s?" + _TO_CARRIER + "|"
    r"(?<!mail )(?<!mensagem )(?:foi|foram) enviad[oa]s?(?! (?:pel[oa]|por|automaticamente|para (?:o seu|voc[êe])))|(?:est[áa]|j[áa] est[áa]) a caminho|pedido despachado|"
    r"(?:jest|zosta[łl]o) (?:obecnie )?w transporcie|paczka w drodze|przesy[łl]ka w drodze|(?:zam[óo]wienie|paczka|przesy[łl]ka)\b[^.\n!]{0,30}?\bjest (?:ju[żz] )?w drodze|mo[żz]esz [śs]ledzi[ćc] przesy[łl]k[ęe]|"
    r"(?<!wiadomo[śs][ćc] )(?<!e-mail )(?<!mail )zosta[łl][oa]? wys[łl]an[ea]|przesy[łl]ka (?:zosta[łl]a )?nadana|zam[óo]wienie wys[łl]ane|"
    r"is verzonden|is onderweg|(?:je|jouw|uw) boodschappen (?:zijn ingepakt|komen eraan)|(?:pachet(?:ul)?|colet(?:ul)?) [îi]n tranzit|\b(?:este|sunt) (?:momentan |acum )?[îi]n tranzit|"
    r"передан[аоы]?\s+в\s+(?:доставку|службу\s+доставки)|передан[аоы]?\s+курьеру|kargoya verildi(?!ğ)|(?:telah|sudah) dikirim|"
    r"đã được gửi đi|đã được giao cho đơn vị vận chuyển|đang trên đường giao|đã được xuất kho|đang được giao đến|ได้ทำการจัดส่ง|จัดส่งแล้ว|(?<![\u0600-\u06ff])تم (?:ال)?شحن|"
    r"(?:замовлення|посилка)[^.\n]{0,40}?\sвідправлено|передано до служби доставки|замовлення вже в дорозі|απεστ[άα]λη|[áa]tadtuk a (?:[\w-]+ )?fut[áa]rszolg[áa]latnak|csomagod [úu]ton van|"
    # waiting at a pickup store or locker: on its way's last leg, not delivered until picked up
    r"已到店|商品已到店|到店通知|已(?:經|经)?送達[^，。\n]{0,10}(?:門市|取貨)|已(?:經|经)?送达[^，。\n]{0,10}(?:门店|自提|驿站)|已到达[^，。\n]{0,6}(?:驿站|自提点|门店|快递柜)|"
    r"ready for (?:in-store |curbside )?pick-?up|(?:has )?arrived at (?:the |your )?(?:store|pickup point|pick-up point|locker|collection point)|"
    r"abholbereit|zur abholung bereit|pr[êe]te? (?:à être retiré|pour le retrait)|(?:commande|courses|colis)\b[^.\n]{0,40}?\b(?:est|sont) pr[êe]te?s?\b|"
    r"vous attend(?:ent)? (?:au|en|dans|à) (?:votre |le |la )?(?:comptoir|point|magasin|drive|relais|casier|consigne)|disponible en (?:point relais|magasin)|pronto per il ritiro|listo para recoger|"
    r"(?:paket|sendung|bestellung)\b[^.\n]{0,60}?\bkann (?:ab (?:sofort|jetzt) )?(?:bei|in|an|im)\b[^.\n]{0,40}?\babgeholt werden|"
    r"(?:czeka|oczekuje) na (?:odbi[óo]r|ciebie)|(?:paczka|przesy[łl]ka)\b[^.\n]{0,40}?\bjest gotowa do odbioru|"
    r"(?:paquete|pedido)\b[^.\n]{0,40}?\b(?:est[áa] disponible para (?:recoger|recogida)|puede(?:s)? recogerse)|(?:pacco|ordine)\b[^.\n]{0,40}?\b(?:pu[òo] essere ritirat[oa]|[èe] disponibile per il ritiro)"
)
DELIVERED_PHYSICAL = any_of(
    r"נמסר(?:ה)? לנמען|вручено одержувачу|נמסרה בהצלחה|(?:ההזמנה|הזמנתך|החבילה)[^.\n]{0,30}?נמסרה(?! ל)|"
    r"(?:пратка|поръчка)(?:та)?[^.\n]{0,60}?\s(?:е|беше)\s+доставена|"
    # delivered late is delivered: "您的订单8051…超时27分钟送达"
    r"(?:超时|超時)\d{1,3}\s*(?:分钟|分鐘|小时|小時)(?:后|後)?(?:送达|送達)|"
    r"\bk[ée]zbes[íi]tett[üu]k\b|\bsikeresen k[ée]zbes[íi]tve\b|\bcsomagj[áa]t [^.\n]{0,30}?k[ée]zbes[íi]tett[üu]k|"
    # a shop engine's status mail: "Order status changed to Delivered", "Status: Zugestellt"
    r"(?:status|statut|stato|estado|狀態|状态)\b[^\n]{0,50}(?:[:：]|" + _STATUS_CHANGED + r")\s*\n?\s*"
    # the state alone on its line: a carrier's "Status: Delivered, Left with Individual" quoted in a dispute is not it
    r"(?:delivered|zugestellt|geliefert|livr[ée]e?|consegnat[oa]|entregad[oa]|bezorgd|dostarczone|已送达|已送達|已签收|已簽收)[ \t.!。]*(?:\n|$)|"
    r"(?:er|ble|blev|har blitt|har v[æa]ret) lever(?:t|et)\b|(?<!visa att paketet )har levererats|"
    r"(?:pakken|pakke|varen|sendingen)\b[^.\n]{0,40}? er (?:hentet|afhentet|utlevert|udleveret)\b|[äa]r levererad|levererades|(?:on|ovat) toimitettu|"
    r"(?:byla|byl|bylo) doru[čc]en[aoa]?|k[ée]zbes[ií]tve|k[ée]zbes[ií]tett[üu]k|a fost livrat[ăa]|"
    r"(?<!寄回)(?<!退货)已签收(?!入仓|入库|入庫)|(?:快件|包裹|貨件|郵件)已(?:經|经)?(?:簽收|签收)|已由[^，。\n]{0,8}签收|(?:送貨|送货)(?:及(?:安裝|安装))?完成|(?:並|并)由\s*(?:閣下|阁下|您)\s*(?:簽收|签收)|已完成签收|已送达(?![^，。\n]{0,10}(?:门店|门市|自提|驿站|快递柜|代收点))|已妥投|签收成功|(?:envoi|colis) a été distribu[ée]|(?<!未)配達完成|(?<![未尚])已配達|has been delivered|was delivered|delivered to your|package (?:was|has been) delivered"
    r"|(?:^|\n)\W{0,3}\s*(?:bestellung|order|paket|package|commande|pedido|ordine)?\s*(?:zugestellt|delivered|livrée?|consegnat[oa]|entregad[oa])\s*[:：!|]"
    r"|(?:another|your) box (?:has )?arrived|(?:an|am) (?:deinem|ihrem|dem) (?:gewünschten )?abstellort (?:hinterlegt|abgestellt|zugestellt)"
    r"|(?:ist|sind) angekommen|(?:has|have) arrived(?! at (?:the |your )?(?:store|shop|pickup|pick-up|locker|post office|collection|parcel))|est arriv(?:ée|ee|é|e)(?![\wé])(?! (?:dans|au|en|à) (?:votre |le |la )?(?:point relais|relais|magasin|bureau de poste|consigne|casier))|è arrivat[oa]|ha llegado|dotar[łl]a|is aangekomen"
    # collected at a store, drive or locker
    r"|(?:commande|colis|courses)\b[^.\n]{0,40}?\ba (?:bien )?été retir[ée]e?s?\b(?! de| du| des)|you(?:'ve| have) (?:collected|picked up) your (?:order|parcel|package)|vous avez (?:bien )?retir[ée] votre (?:commande|colis)|commande retir[ée]e\b|thanks? (?:you )?for (?:picking up|collecting) your (?:order|parcel|package)|(?:^|\n)\s*picked up on\b|"
    r"(?:order|parcel|package) (?:has been|was) collected\b(?! by)|(?:order|parcel|package|items?) (?:has been|have been|was|were) picked up\b(?! by)|"
    r"(?:完成|已)取貨付款(?!後|后)|取貨付款完成(?!後|后)|(?:已)?完成取貨(?!後|后|時|时)|(?:colis|commande) (?:a été )?remis(?:e)? (?:au destinataire|[àa] (?:son|votre) destinataire)|votre colis vous a été remis|colis\b[^.\n]{0,60}?\ba été remis le \d[^.\n]{0,30}?\bau relais\b|(?:wurde|wurden) (?:von (?:ihnen|dir) )?abgeholt|[èe] stat[oa] ritirat[oa]|is opgehaald"
    r"|we delivered your (?:parcel|package|item|order)|delivered to (?:your|the) (?:door|porch|mailbox|front|reception|neighbou?r|parcel locker)"
    r"|已(?:於|于)[^。\n]{0,30}(?:簽收|签收|確認收貨|确认收货)|已確認收貨|已确认收货|(?:tu as|vous avez) confirm[ée] (?:avoir (?:bien )?re[çc]u|la r[ée]ception)|(?:感谢|感謝)(?:您|你)(?:的)?(?:确认|確認)收(?:货|貨)|(?<![请請])(?:收货|收貨)成功(?!后|後)|(?<![请請])(?:确认|確認)收(?:货|貨)成功(?!后|後)|(?:簽收|签收)(?:時間|时间)\s*[:：]|已送達(?![^，。\n]{0,10}(?:門市|門店|取貨|超商))|已配達|(?<!「)已取貨|(?<!「)取貨完成(?!後|后)|已簽收|配送完成|配達完成|配達通知|送達通知|已到貨(?!日)|已妥投|"
    r"(?:^|\n)\s*(?:zugestellt|livrée?|consegnat[oa]|entregad[oa]|dostarczone|bezorgd|delivered)\s*:|"
    r"投遞成功|投递成功|"  # 中華郵政 "處理狀態：投遞成功（本人收受）"
    r"wurde (?:(?:heute|gestern|am [\d.]+)(?: um [\d:.]+(?: uhr)?)? )?(?:erfolgreich )?(?:zugestellt|geliefert)|erfolgreich zugestellt|(?:ihr|dein) (?:paket|p[äa]ckchen|sendung) ist da\b|"
    r"(?:a|ont) été livr[ée]e?s?|(?:votre )?livraison\b[^.\n]{0,40}?\b(?:a été|est) compl[ée]t[ée]e|colis (?:a été )?livré|(?:envoi|courrier|colis|lettre)(?:[^.\n]|\.(?=\d)){0,40}(?:a été )?distribu[ée]e?\b|"
    r"(?:[èe]'?\s+stat[oa]|sono\s+stat[ie])\s+consegnat[oaie]|"
    r"(?:ha|han) sido entregad[oa]s?(?!"
    + _TO_CARRIER
    + r")|(?:pedido|compra|orden) (?:fue )?entregad[oa](?!"
    + _TO_CARRIER
    + r")|"
    # "Entregamos tu pedido el 27-10-2026 a las 17:31 h", "¡tu compra llegó!"
    r"\bentregamos (?:tu|su) (?:pedido|compra|paquete|orden)\b|\b(?:tu|su) (?:compra|pedido|paquete) (?:lleg[óo]|ha llegado)\b|"
    r"(?:foi|foram) entregues?(?!" + _TO_CARRIER + r")|(?:pedido|pacote|encomenda) entregue(?!" + _TO_CARRIER + r")|"
    r"zosta[łl][oa]?(?: (?:dzisiaj|dzi[śs]|ju[żz]|wczoraj))? (?:dostarczon[ea]|dor[ęe]czon[ea])|paczka odebrana|(?:paczka|przesy[łl]ka) zosta[łl]a odebrana|odebran[ay] z paczkomatu|status\s*:\s*dostarczon[ay]|odebra[łl](?:e[śs]|a[śs])? paczk[ęe]|"
    r"is bezorgd|is afgeleverd|(?:zijn|is)\s+(?:om\s+\d{1,2}[:.]\d{2}\s+)?(?:bij\s+(?:je|jou|u)\s+)?(?:bezorgd|afgeleverd)\b|"
    r"配達済み|配達完了|配達されました|お届けしました|お届け(?:が)?完了|(?:배송|배달)\s*완료(?:되었습니다|됐습니다)|(?:배송|배달)이\s*완료|"
    r"(?<!visa att paketet )har levererats|(?:^|\n)\s*levererat\b|"
    r"your delivery (?:has been|was) completed|"
    r"byl[ao]? doru[čc]en[ao]|z[áa]silka (?:byla )?doru[čc]ena|a fost livrat[ăa]|comanda (?:ta )?a fost livrat[ăa]"
    r"|заказ\s*(?:№\s*)?[\w-]{0,20}\s*(?:доставлен|получен|вручен|выдан)(?![а-я])|вруч[её]н[аоы]?\s+получателю|(?:посылка|заказ|отправление)[^.\n]{0,60}?\sвруч[её]н[аоы]?(?![а-я])|вы получили (?:заказ|посылку|товар)|ви отримали (?:замовлення|посилку)|teslim edildi|pesanan(?:mu)? (?:telah|sudah) (?:tiba|sampai|diterima)"
    r"|giao hàng thành công|đã được giao thành công|จัดส่งสำเร็จ|ได้รับสินค้าแล้ว|تم توصيل|تم التوصيل|تم تسليم"
    r"|замовлення[^.\n]{0,30}(?:отримано|доставлено)|παραγγελ[ιί]α σου[^.\n]{0,20}παραδ[όο]θηκε|k[ée]zbes[ií]tett[üu]k|sikeresen k[ée]zbes[ií]tve"
)
# Digital storefronts whose receipt is the delivery: what was bought is in the buyer's library or
# app the moment the receipt is sent (never a reseller's mail that merely names the store).
STOREFRONT_DOMAINS = frozenset(
    {
        "apple.com",
        "itunes.com",
        "epicgames.com",
        "steampowered.com",
        "playstation.com",
        "playstationmail.com",
        "nintendo.com",
        "nintendo.net",
        "xbox.com",
        "gog.com",
    }
)
# A delivery address, or a store to collect from: goods that travel, whoever sells them.
SHIP_TO = any_of(
    r"送货地址|收货地址|收貨地址|送貨地址|配送地址|取货零售店|取貨門市|shipping address|delivery address|ship(?:ping)? to\b|"
    r"pick-?up (?:store|location)|lieferadresse|lieferanschrift|adresse de livraison|indirizzo di (?:consegna|spedizione)|"
    r"direcci[óo]n de (?:entrega|env[íi]o)|adres dostawy|endere[çc]o de entrega|afleveradres|お届け先"
)
STOREFRONT_SENDERS = any_of(r"^googleplay-noreply@google\.com$|^payments-noreply@google\.com$|@microsoft\.com$")
# A purchase that is delivered later: a pre-order, a pre-purchase, a release date to come.
PREORDER = any_of(
    r"pre-?orders?|pre-?purchases?|vorbestell|précommande|precommande|preordine|reserva|予約|预购|預購|预售|預售|release date|"
    r"erscheinungsdatum|date de sortie"
)
# A line of terms and policy, which names every case there is ("refunds for pre-purchases…").
POLICY_LINE = any_of(
    r"refund|eligible|policy|terms|conditions|erstatt|widerruf|rembours|reembols|rimbors|退款|退货|條款|条款"
)
# "订单已完成": for a card key or a top-up, the goods were delivered; for goods that travel, the order was placed.
ORDER_COMPLETED = any_of(
    # "order number 260512-… is complete" (never "once your order is completed": a condition)
    r"\border (?:number |no\.? ?|#)\s*[\w-]*\d[\w-]* (?:is|has been) (?:now )?completed?\b|"
    r"(?:我們|我们)已完成(?:您|你)的(?:訂單|订单)|(?:订单|訂單)(?:现|現)已完成|(?:订单|訂單)已完成(?!打包|支付|付款|發貨|发货|下单|下單|出库|出庫|入库|入庫|合箱)|(?:订单|訂單)?(?:状态|狀態)\s*[:：]\s*已完成|交易(?:已经?)?完成(?![^。\n]{0,4}(?:后|後))|交易已完成"
)
# "订单状态：已完成 … 处理结果：订单已经开始处理,请耐心等待到账": passed on to the supplier, not yet credited
STILL_PROCESSING = any_of(
    r"(?:请|請)耐心等待(?:到账|到帳|充值|处理|處理)|等待到账|等待到帳|(?:订单|訂單)已(?:经|經)?开始处理"
    # a 发卡 engine's "发货内容" that holds only the shop's note of a time still ahead, no key:
    # "本商品为人工代充，付款后2小时内到账", "正在发货中，请耐心等待"
    r"|(?:发货内容|發貨內容)\s*[:：]?\s*\n?[^\n]{0,40}?(?:\d+\s*(?:个|個)?(?:小时|小時|分钟|分鐘|工作日|天)\s*(?:内|內)\s*(?:到账|到帳|发货|發貨|充值|完成)|正在发货中|正在發貨中)"
)
# A subject that says the top-up went through ("Garena 儲值成功通知"): the credit itself, not the payment.
TOPPED_UP = any_of(
    r"充值成功(?!后|後|之后)|儲值成功(?!後)|已成功(?:存入|儲值|充值)|top-?up (?:successful|complete)|recharge (?:successful|complete)"
)
# he, el, bg: a cancellation the shop reports, both a failure and its kind
_CANCELLED_HE_EL_BG = (
    r"(?:ההזמנה|הזמנתך)[^.\n]{0,20}?בוטלה|ביטלנו את (?:ה)?הזמנה|παραγγελ[ίι]α[^.\n]{0,40}?ακυρ[ώω]θηκε|"
    r"(?:поръчка|поръчката)[^.\n]{0,40}?(?:е|беше)\s+(?:анулирана|отменена)|статус[^\n]{0,20}анулирана"
)
FAILED = any_of(
    _CANCELLED_HE_EL_BG + r"|замовлення[^.\n]{0,40}?скасовано|"
    r"(?:订单|訂單)(?:状态|狀態)\s*[:：]\s*(?:异常|異常)|对接失败|對接失敗|\btransaksi anda gagal\b|"
    # the carrier of a booked trip cancels it: "votre trajet a été annulé", "votre train … est supprimé"
    r"\bvotre (?:trajet|train|bus|car|vol|voyage)\b[^.]{0,100}?\b(?:a été|est) (?:annul[ée]e?|supprim[ée]e?)\b|"
    r"\byour (?:trip|train|bus|coach|flight|journey)\b[^.]{0,60}?\b(?:has been|was|is) cancell?ed\b|"
    r"\b(?:ihre|deine) (?:fahrt|reise|zugfahrt|busfahrt|verbindung|flug)\b(?:[^.]|\.(?=\d)){0,160}?\b(?:nicht stattfinden kann|f[äa]llt aus|(?:wurde|ist) (?:annulliert|gestrichen|abgesagt))|"
    r"품절(?!\s*(?:시|될|되면|의?\s*경우))|취소되었습니다|在庫切れ|キャンセルを承りました|キャンセル(?:いた)?しました|キャンセルさせていただきました|キャンセル(?:処理)?が完了(?:いた|致)?しました|订单(?:已)?关闭|訂單(?:已)?關閉|处理失败|充值失败|发货失败|交付失败|交付失敗|發貨失敗|出貨失敗|儲值失敗|订单失败|未能处理成功|无法处理|无法办理|无法发货|缺货|无货|库存不足|"
    r"out of stock|sold out|could not be (?:fulfilled|processed|completed)|unable to (?:fulfil|fulfill|process|ship)|"
    # "(surplus from a cancelled order)" describes a product: the order cancelled is this one, named
    r"(?:cancell?ed|cancel) (?:your|the|this) order|cancell?ed order\s*(?:#|no\.?|number)|order (?:has been |was )?cancell?ed|we had to cancel|"
    # an event the ticket was for is cancelled: "the event promoter has cancelled this event", "EVENT CANCELLED"
    r"(?:the |this |your )?(?:event|show|performance|concert|match|gig|screening|tour date)s? (?:has been |have been |was |were |is )?(?:cancell?ed|called off)|cancell?ed (?:this|the|your) (?:event|show|performance|concert|match|gig)|"
    r"(?:we|you)(?:'ve| have)? (?:successfully )?cancell?ed (?:the |your |these |some |all )?(?:items?|products?|purchase)"
    r"|(?:we|you)(?:'ve| have)? (?:successfully )?cancell?ed (?:the |your )(?:[\w+-]+ ){0,3}?(?:subscription|plan|membership)\b"
    r"|(?:your |the )(?:[\w+-]+ ){0,3}?(?:subscription|plan|membership) (?:has been |was |is )(?:now )?cancell?ed"
    r"|訂單已取消|已取消訂單|缺貨|無法出貨|(?:megrendel[ée]s[ée]?t?|rendel[ée]s[ée]?t?)\b[^.\n]{0,40}?t[öo]r[öo]lt[üu]k|storniert|annul[ée]e|annul[ée]e?s\b|commande annul[ée]e|annullato|cancelado|(?:fue|ha sido|han sido|fueron) anulad[oa]s?\b|已被商[户戶](?:家)?取消|anulowane|geannuleerd"
    r"|stornov[áa]n[aoá]|stornovali|museli stornova[ťt]|avbest[äa]lld|annullerad|comanda (?:ta )?a fost anulat[ăa]|キャンセルされました"
    r"|(?:ご注文|注文)(?:を|は)\s*キャンセル(?:させて\s*いただき|いたし|致し|とさせていただき|となり)ました"
    r"|iptal edil(?:di|mi[şs]tir)|заказ[^.\n]{0,40}отмен[её]н|(?:telah )?dibatalkan|đã bị hủy|ถูกยกเลิก|(?<![\u0600-\u06ff])تم إلغاء"
    r"|замовлення[^.\n]{0,40}скасовано|ακυρ[ώω]θηκε|t[öo]r[öo]lt[üu]k a rendel[ée]s"
)
CANCELLED = any_of(
    _CANCELLED_HE_EL_BG + "|"
    r"(?:megrendel[ée]s[ée]?t?|rendel[ée]s[ée]?t?)\b[^.\n]{0,40}?t[öo]r[öo]lt[üu]k|megrendel[ée]s t[öo]r[öo]lve|"  # hu: "… megrendelését töröltük"
    r"已取消|订单取消|取消订单|订单(?:已)?关闭|訂單(?:已)?關閉|cancell?ed (?:your|the|this) order|cancell?ed order\s*(?:#|no\.?|number)|order (?:has been |was )?cancell?ed|I(?:'ve| have) cancell?ed|"
    r"(?:the |this |your )?(?:event|show|performance|concert|match|gig|screening|tour date)s? (?:has been |have been |was |were |is )?(?:cancell?ed|called off)|cancell?ed (?:this|the|your) (?:event|show|performance|concert|match|gig)|"
    r"(?:we|you)(?:'ve| have)? (?:successfully )?cancell?ed (?:the |your |these |some |all )?(?:items?|products?|purchase)"
    r"|(?:we|you)(?:'ve| have)? (?:successfully )?cancell?ed (?:the |your )(?:[\w+-]+ ){0,3}?(?:subscription|plan|membership)\b"
    r"|(?:your |the )(?:[\w+-]+ ){0,3}?(?:subscription|plan|membership) (?:has been |was |is )(?:now )?cancell?ed"
    r"|訂單已取消|已取消|取消訂單|storniert|stornierung|annul[ée]e|annul[ée]e?s\b|annullato|cancelado|anulad[oa]s?\b|anulowane|geannuleerd"
    r"|stornov[áa]n[aoá]|stornovali|museli stornova[ťt]|avbest[äa]lld|annullerad|anulat[ăa]|キャンセル|취소되었습니다|주문\s*취소\s*(?:완료|처리|되었|됐)"
    r"|iptal edildi|отмен[её]н|dibatalkan|đã bị hủy|ถูกยกเลิก|(?<![\u0600-\u06ff])تم إلغاء"
)
RECEIPT_SUBJECT = any_of(r"\breceipt\b|\binvoice\b|quittung|re[çc]u\b|ricevuta|recibo|收据|收據|电子发票|發票")
# The shop confirms a cancellation the buyer asked for (status cancelled, nothing owed), not its own.
BUYER_CANCELLED = any_of(
    r"as you requested|\bas requested\b|at your request|your cancell?ation request|comme vous l'avez demand[ée]|conform[ée]ment [àa] votre demande|you(?:'ve| have)? (?:successfully )?cancell?ed|"
    # a cancellation someone asked for and got: "Item cancelled successfully", "successfully canceled"
    r"\bcancell?ed successfully\b|\bsuccessfully (?:been )?cancell?ed\b|"
    r"您(?:已|已经)?(?:成功)?取消|您申请取消|應您的要求|auf (?:ihren|deinen) wunsch|wie (?:von (?:ihnen|dir|euch) )?gew[üu]nscht|[àa] votre demande|"
    r"su (?:tua|vostra) richiesta|a petici[óo]n (?:tuya|suya)|seg[úu]n (?:tu|su) solicitud|na (?:twoj[ąa]|pa[ńn]stwa) pro[śs]b[ęe]|"
    r"キャンセルを承りました|お客様からのご依頼により|고객님의\s*요청(?:으로|에\s*따라)|op (?:je|uw) verzoek|κατ[όο]πιν (?:του )?αιτ[ήη]ματ[όο]ς σας|(?:je|u) hebt (?:je|jouw|uw) bestelling\b[^.\n]{0,20}?\s(?:geannuleerd|geschrapt)|na va[šs]i [žz][áa]dost|stornov[áa]no z[áa]kazn[íi]kem|la cererea ta|enligt din beg[äa]ran|"
    r"お客様のご依頼により|ご依頼いただきました[^。\n]{0,20}キャンセル|k[ée]r[ée]s(?:[ée]nek|ed|[üu]k)? megfelel[őo]en"
)
VIRTUAL_GOODS = any_of(
    r"卡密|自动发货|自动发卡|代充|充值|激活码|兑换码|点券|(?<!尊敬的)(?<!亲爱的)(?<!尊貴的)(?<!親愛的)(?<!尊敬的)会员(?!\s*[A-Z]{0,4}\d)(?!中心|账户|賬戶|名|号|號|等级|积分|價|价|登录|注册)|VIP|月卡|季卡|年卡|皮肤|游戏币|Q币|话费|成品号|账号|序列号|虚拟|"
    r"代儲|代储|儲值|シリアル番号|シリアルコード|ダウンロード版|ダウンロード商品|プリペイドカード|ギフトコード|點數|點卡|自動發貨|自動發卡|序號|礼品卡|禮品卡|电子码|電子碼|兌換碼|數碼產品|数码产品|"
    r"\bkey\b|licen[cs]e|activation|gift card|(?<!rewards )(?<!points )\bredeem\b|digital (?:delivery|download|goods|rewards?|files?|edition|copy|products?|items?|content)|download links?|e-?voucher|(?:digital|streaming|software|app|premium|vpn|cloud|online|game|gaming|membership) subscription|subscription (?:key|code)|top-?up|steam|"
    # a PIN is a code, a "4-pin cable" is not; diamonds and gems are a game's currency when counted ("500 Diamonds")
    r"(?-i:\bPIN\b|e-?PIN|\bUC\b)|\d[\d,.]*\s*(?:diamonds|gems)\b|V-?Bucks|in-game currency|钻石|金币|鑽石|"
    r"guthaben(?:karte|code)?|gutschein(?:code)?|aufladecode|carte cadeau|code cadeau|tarjeta regalo|cart[ãa]o presente|diamantes|recarga"
)
# A subscription is a virtual good (an app, a cloud plan) unless the mail ships it (a box of tea every month).
_SUBSCRIPTION = any_of(r"\bsubscriptions?\b|订阅|訂閱")
_SHIPS = any_of(r"\bship(?:s|ped|ping)?\b|\bdeliver(?:y|ed)?\b|\bparcel\b|\bpackage\b|发货|配送|出貨|快递")


def virtual_goods(prose: str) -> bool:
    """Whether the mail sells a code, a key, a top-up, an account or a digital subscription."""
    if VIRTUAL_GOODS.search(prose):
        return True
    return bool(_SUBSCRIPTION.search(prose)) and not _SHIPS.search(prose)


# Goods that are a code to deliver (a key, a card, a PIN): delivered automatically unless the shop says otherwise.
CODE_GOODS = any_of(
    r"\bkey\b|licen[cs]e|cd-?key|卡密|激活码|兑换码|序列号|\bPIN\b|e-?PIN|gift card|voucher|礼品卡|禮品卡|点卡|點卡|"
    r"tu c[óo]digo|clave de (?:activaci[óo]n|producto)|(?:votre|ton) code|(?:your|the) (?:game |activation |product )?code\b|codice|clé d'activation|schlüssel|코드|コード"
)
AUTO_DELIVERY = any_of(
    r"自动发货|自动发卡|自动交付|(?:系统|系統)(?:已|已经|已經)自动(?:发送|發送|发放|發放)(?:了)?[^。\n，]{0,6}?(?:卡号|卡號|卡密|激活码|兑换码|序列号|序號)|instant(?:ly)? deliver|delivered instantly|automatic delivery|instant download|"
    r"sofortlieferung|automatisch per e-?mail|livraison imm[ée]diate|entrega inmediata|entrega imediata|consegna immediata|"
    r"几分钟内|幾分鐘內|within (?:a few|several|\d{1,2}) minutes|in wenigen minuten|en quelques minutes|in pochi minuti|en (?:unos )?pocos minutos"
)
# An order that waits for the buyer's payment (bank transfer, on-hold): not paid yet.
UNPAID = any_of(
    r"on-?hold until|until we confirm (?:that )?(?:your )?payment|awaiting (?:your )?payment|once (?:your )?payment (?:is|has been) received|"
    r"待付款|等待付款|未付款|等待买家付款|等待買家付款|请及时付款|请尽快付款|請盡快付款|請儘速付款|請於期限內付款|warten auf (?:ihre|deine) zahlung|en attente de (?:votre )?paiement|in attesa di pagamento|"
    r"pendiente de pago|oczekuje na p[łl]atno[śs][ćc]|"
    # a payment still to make: a bank transfer's virtual account and its deadline, a card page to return to
    r"(?:若|如)?尚未完成付款|尚未付款|繳費期限|缴费期限|繳費帳號將|超商代碼繳費資訊|付款期限|"
    # a presale's deposit paid, its balance not yet: "尾款：¥539.00（待支付）", "待付尾款：¥539.00"
    r"尾款[^。\n]{0,16}?(?:待支付|待付款|未支付)|待(?:付|支付)尾款|"
    r"(?:請|请)(?:於|于|在)[^。\n]{0,16}(?:前|內|内)完成(?:付款|繳費|缴费)"
)
MANUAL_DELIVERY = any_of(
    r"代充|充值|人工处理|人工发货|人工开通|人工办理|手动发货|需要人工|代儲|代储|儲值|人工處理|人工發貨|手動發貨|manual(?:ly)? (?:processed|delivery)|top-?up|"
    r"(?:user|player|game|character|zone|server)\s*id\s*[:：]|recarga manual|recarga (?:por|via) id|id do jogador|id del jugador|"
    r"(?:delivered|credited) to your [\w ]{1,30} account"
)
BOUNCE = any_of(
    r"undeliver(?:ed|able)|delivery status notification|returned mail|mail delivery (?:failed|failure|subsystem)|"
    r"delivery has failed|failure notice|退信|未能送达|投递失败|无法送达|发送失败"
)
ACCOUNT_NOISE = any_of(
    r"password reset|reset your password|new password|verify your (?:email|account)|verification code|one-time (?:code|password)|sign-?in (?:attempt|alert)|"
    r"密码找回|找回密码|重置密码|修改密码|验证码|登录提醒|账户安全"
)
MARKETING = any_of(
    r"unsubscribe|退订|取消订阅|newsletter|周刊|促销|优惠券|限时|\d(?:\.\d)?折(?!扣)|满\d+元?减|立减|全场包邮|% off|discount code|use code|coupon|"
    r"(?:on|flash|big|summer|winter|spring|holiday|black friday|cyber monday|clearance|mega|season(?:al)?|end of season) sale\b|"
    r"sale (?:ends|starts|is on|now on)|"
    r"left (?:something|items?) in your cart|complete your (?:order|purchase)|abandoned"
)
# A restock or price alert for something watched, not bought ("您設定到貨通知的商品現已有庫存", "back in
# stock"): its "已到貨" is the shop's shelf, not the buyer's door.
RESTOCK = any_of(
    r"back in stock|(?:現已|现已|已)有(?:庫存|库存)|(?:您|你)(?:關注|关注|追蹤|追踪|收藏)的商品|price (?:drop|alert)|降價通知|降价通知|"
    r"wieder (?:verf[üu]gbar|auf lager|lieferbar)|de nouveau (?:disponible|en stock)|di nuovo disponibile"
)
DANGEROUS_ATTACHMENT = any_of(r"\.(?:zip|rar|7z|exe|scr|js|jar|iso|img|lnk|vbs|bat|cmd|html?|hta)$")


# Mail to a SELLER (the user's own shop): a new order to fulfil, a payout, a complaint against it.
SELLER_SIDE = any_of(
    r"(?:您|你)有一笔[^。\n]{0,20}?(?:收款|到账收入)|收到一笔(?:新的)?(?:收款|付款)|尊敬的(?:商户|商家|卖家)|亲爱的(?:商户|卖家)|您(?:在\S{0,6})?(?:出售|寄售)的(?:商品|角色|帐号|账号|物品)|已被买家(?:拍下|购买)|dear (?:merchant|seller)|新订单(?:通知|提醒)|您有(?:一笔|一个)?新的?订单|(?<!您提供的)(?<!您的)商户订单号(?=[:：]\s*\S+\s*\n\s*(?:支付|付款|结算))|商户号|商户编号|商户后台|结算(?:完成|通知)|提现(?:成功|通知)|"
    r"you(?:'ve| have) (?:got |received )?(?:a )?new order|new order (?:received|notification|alert)|"
    r"payout (?:sent|initiated|completed)|your (?:store|shop) (?:has )?received (?:a|an) (?:new )?order|"
    # a creator's share, a referral commission, a seller's restock call: "获得一笔创作分成", "推广佣金", "您的商品有一个订单急需补发"
    r"获得一笔(?:创作)?分成|获得一笔(?:推广|推荐)?佣金|(?:创作分成|推广佣金|推荐佣金)\s*[:：]|您的商品有[一\d]+个订单(?:急需|需要|待)(?:补发|发货)|"
    # a payment service tells the seller to ship: "You received a payment of £6.41 GBP from cerys_w1990"
    r"\byou(?:'ve| have)? received a payment (?:of|from)\b|notification of payment received|\byou can now ship (?:any|the|your) items?\b"
)
# What a lure asks for: money or data through a link, a claim, a fee, a frozen account.
