"""The refund's words in every language the reader knows: money received back, a refund granted
or promised, and the money that was sent back but is still on its way (a grant with its period).
Kept apart from `talk_cues` to keep each readable; `cues` re-exports every name.
"""

from __future__ import annotations

import re

from orderwatch.parsers.assertions import unconditional, unwrapped
from orderwatch.parsers.base import any_of
from orderwatch.parsers.talk_cues import RECALL

REFUND_RECEIVED = any_of(
    r"退款已到账|退款到账通知|退款到帳通知|(?:订单|訂單)?退款已成功|결제가\s*취소되었(?:어요|습니다)|결제\s*취소(?:가)?\s*(?:완료|되었습니다)|환불이\s*완료되었습니다|已原路退回至|(?:已经|已經)[^。\n，,]{0,12}?原路(?:退回|退还|退還)了|已(?:全額|全额|全數|全数)?(?:退回|退還|退还)(?:至|到)(?:您|你)的|已(?:于|於)[^。\n，,]{0,20}?(?:退回|退还|退還|返还|返還)(?:至|到)?(?:您|你)|退货入账|退貨入帳|已(?:返还|返還|退还|退還|退回)(?:至|到)[^。\n，,]{0,16}?(?:余额|餘額|钱包|錢包)|退款成功(?![后後]|之[后後]|时|時)|退款已完成|款项已退回|已(?:通过[^。\n，,将會会在]{0,12})?原路(?:退回|退還)(?:至|到)?(?:您的)?|"
    r"refund (?:has been |was )?(?:completed|credited|received)|"
    # "We have processed a refund for your order. … Status: Completed on 27 October 2026"
    r"(?:have|has) processed (?:a|your|the) refund\b[\s\S]{0,200}?\bstatus\s*[:：]\s*(?:completed?|successful|paid)\b|"
    # a card issuer settles a dispute: "We have issued a permanent credit of $74.95", "The credit posted on May 19"
    r"(?:issued|posted|applied|made) (?:you )?(?:a |the )?permanent credit\b|\bthe credit (?:has )?posted (?:on|to)\b|(?:has|have) been returned to (?:the|your) (?:card|account)|"
    r"refunded amount has been returned|(?:temporary|provisional) credit[\s\S]{0,80}?(?:is now|has been made|now) (?:permanent|final)|amount is now (?:available|credited) in your|"
    r"(?:has been|was|have been|were) (?:credited|added|returned) to your (?:\w+ ){0,2}(?:wallet|balance|store credit)|"
    r"(?:have|has) been (?:cancell?ed and )?(?:fully )?refunded\b|"
    r"(?:funds|money|amount|refund) (?:is|are) (?:already |now )?(?:in|available in) your (?:[\w-]+ ){0,4}(?:wallet|balance|account)|"
    r"(?:we'?ve|we have|i'?ve|i have) refunded [^.\n]{0,30}? to your (?:[\w-]+ ){0,4}(?:wallet|balance|store credit|credit)|"
    r"(?:order|purchase|payment)\b(?:[^.\n]|\.(?=\d)){0,40}?\b(?:has been|was|have been) (?:fully |partially )?refunded|"
    r"order (?:fully )?refunded\s*[:：]|we(?:'ve| have) (?:fully )?refunded your (?:order|payment|purchase)|"
    r"(?:haben|hat) (?:wir |ich )?(?:ihnen|dir|euch)\b[^.\n]{0,120}?(?:erstattet|zur[üu]ckerstattet|zur[üu]ck[üu]berwiesen|gutgeschrieben)\b|"
    r"(?:abono|cr[ée]dito|reembolso) provisional[\s\S]{0,80}?pasa a ser definitivo|abono definitivo|"
    r"hemos cancelado tu compra y reembolsado|(?:importe|reembolso) ya est[áa] disponible en tu monedero|"
    r"vergoeding is verwerkt|(?:is|zijn) terugbetaald|\bbestelling terugbetaald\b|"  # a shop engine's status: "Bestelling terugbetaald"
    # sv, da, nb, fi: a shop engine's refunded order ("Din beställning … har blivit återbetald", "er blevet refunderet")
    r"(?:har|har blivit|har blitt|er blevet|er blitt|blev|ble) (?:åter|tilbake|tilbage)?(?:betald|betalt|betalats|refunderet|refundert)\b|har återbetalats|"
    r"on hyvitetty|(?:tilauksesi|tilaus) on hyvitetty|"
    # a payment service's notice: "Fietsbel heeft € 45,50 EUR aan je terugbetaald", "You've received a refund from …"
    r"\bheeft\b[^.\n]{0,40}?\baan (?:je|jou|u) terugbetaald|(?:je|u) hebt een terugbetaling ontvangen|"
    r"\byou(?:'ve| have) received a refund (?:of|from)\b|wurde (?:vollständig )?(?:erstattet|zurückerstattet)|"
    # "21,99 € wurden Ihrem Amazon-Konto als Guthaben gutgeschrieben"
    r"\d\s?(?:€|eur)\s+wurden?\s+(?:(?!\bwird\b|\bwerden\b)[^.\n]){0,60}?\bgutgeschrieben\b|"
    # (never "wurde veranlasst und wird … gutgeschrieben": started, the credit still to come)
    r"(?:erstattung|betrag|gutschrift)\b(?:[^.]|\.(?=\d)){0,80}?\bwurde\b(?:(?!\bwird\b|\bwerden\b)[^.]|\.(?=\d)){0,60}?\bgutgeschrieben\b|"
    r"a été remboursée?|\ba (?:bien )?[ée]t[ée] (?:re)?cr[ée]dit[ée]e? sur (?:ton|ta|votre) |\b(?:tu as|vous avez) [ée]t[ée] rembours[ée]|è stato rimborsato|ha sido reembolsad[oa]|zosta[łl]o zwr[óo]cone|"
    r"\bproc[ée]d[ée]\s+au\s+remboursement\b|"  # done; with "sous 5 jours" after it, still on its way
    # pt: "o reembolso relativo à encomenda n.º 70563918 foi efetuado", subject "Reembolso efetuado"
    r"\breembolso\b(?:[^.\n]|(?<=n)\.){0,60}?\bfoi (?:efetuado|realizado|processado|conclu[íi]do)\b|(?<![\w])reembolso (?:efetuado|realizado|conclu[íi]do)\b|"
    # "Importo rimborsato: 129,90 €", "43,30 € rimborsata sulla carta … in data 08/10/2026"
    r"\bsent you a refund\b|"  # a payment service's own notice: "X sent you a refund of $19.99"
    # a shop engine's refund receipt: Shopify's "Refund notification" over "Refunded items": the merchant's
    # money has gone back (the card shows it a few days later)
    r"(?<![^\n])[^\S\n]*(?:refund notification|refunded items|refund receipt)[^\S\n]*(?=\n)|(?<![^\n])[^\S\n]*(?:amount refunded|date refunded)\b|"
    r"importo rimborsato\s*[:：]|rimborsat[oa] sulla (?:tua )?carta[^.\n]{0,40}\bin data\b|montant rembours[ée]\s*[:：]|date du remboursement\s*[:：]|"
    r"rimborso\b[^.\n]{0,40}?\b[èe] stato (?:effettuato|eseguito|accreditato)|remboursement\b[^.\n]{0,60}?\ba été effectu[ée]"
    r"|退款已完成|已退款|已经退款|已經退款|退款成功(?![后後]|之[后後]|时|時)|已将款项退还|已將款項退還|退款已计入|退款已計入|erstattung (?:wurde )?abgeschlossen|erstattung wurde (?:durchgef[üu]hrt|ausgef[üu]hrt|veranlasst und ausgezahlt)|remboursement effectu[ée]|rimborso (?:effettuato|emesso)|reembolso (?:realizado|emitido)|zwrot (?:zosta[łl] )?zrealizowany|zwrot (?:[śs]rodk[óo]w|pieni[ęe]dzy|kwoty)\b[^.\n]{0,60}?\bzosta[łl] (?:zrealizowany|wykonany|zlecony)"
)
CREDIT_MEMO = any_of(
    r"credit memo|credit note|退款单|退款凭证|gutschrift|\bavoir\b|nota di credito|nota de cr[ée]dito|faktura korygująca|creditnota"
)
REFUND_GRANTED = any_of(
    r"הזיכוי\b(?:[^.\n]|\.(?=\d)){0,60}?(?:יבוצע|יועבר|יתבצע)|кошти\b[^.\n]{0,60}?(?:повернуться|будуть повернені)|повернемо (?:вам )?кошти|ההחזר (?:יבוצע|יועבר)|(?:נזכה|נחזיר)\b|"
    r"(?:сумата|парите|средствата)\b[^.\n]{0,60}?ще бъд(?:е|ат) възстановен[аи]?|ще ви възстановим|"
    r"η επιστροφ[ήη] (?:των )?χρημ[άα]των θα γίνει|θα (?:σας )?επιστρ[έε]ψουμε|"
    # "我們已為你發起退款。信用卡退款一般需時 3-14 個工作天入帳": started, on its way
    r"(?:已|已經|已经)(?:為|为|給|给)(?:你|您)(?:發起|发起)(?:了)?退款|退款處理中|退款处理中|"
    # "nous avons … procédé au remboursement intégral de 78,00 € … sous 3 à 5 jours ouvrés": sent, on its way
    # a refund validated, the money promised with its period: "vient de valider votre remboursement. Vous recevrez 289,00 €"
    r"\b(?:vient de |a )valid[ée]r? (?:votre|ton) remboursement\b|\bvous recevrez\s+\d[\d\s.,]*\s?€|"
    # "Your request for a refund to the original payment method (PayPal) has been accepted"
    r"\b(?:request for a refund|refund request)\b[^.\n]{0,80}?\b(?:has been|was|is) (?:accepted|approved)\b|"
    # money sent back to the card is on its way: "We've gone ahead and refunded the full amount of £50.99 back to
    # your original payment method" (a wallet credited is money received, above)
    r"(?:we'?ve|we have|i'?ve|i have) (?:now |just |already )?gone ahead and refunded\b(?:[^.]|\.(?=\d)){0,60}?\b(?:back )?to your (?:original )?(?:payment|card|account|bank)|"
    # a body relays the trader's word: "同意取消 閣下的訂單並全數退款…並承諾於3個工作天內退回"
    r"(?<!不)同意[^。\n]{0,30}?(?:全數|全数|全額|全额)退款|(?:承諾|承诺)(?:於|于|在)[^。\n]{0,60}?(?:退回|退還|退还|退款)|\bundertakes? to (?:refund|reimburse)\b|"
    r"同意(?:为您|為您)?[^。\n]{0,16}?办理(?:全额|全額)?退款|同意(?:全额|全額)?退款|"
    # a settled mediation: "相對人同意解除…之買賣契約，並於115年11月20日前退還申請人價金新臺幣42,900元"
    r"(?<!不)同意[^。\n]{0,60}?(?:並|并)?(?:於|于)[^。\n]{0,20}?前(?:退還|退还|返還|返还|刷退)|"
    r"(?:幫|帮)(?:您|你)申(?:請|请)退款|(?:幫|帮)(?:您|你)(?:辦理|办理)退款|(?<!不)支持退款|支持您的退款|发起退款|提交退款|同意退款|退款将|(?:为|為)(?:您|你)操作(?:全额|全額|部分)?退款|"
    r"(?:会|會)在.{0,16}(?:退回|退还|退還|返还|到账|到帳)|返金(?:[（(][^）)\n]{0,10}[）)])?(?:いた|致)?します|(?:ご)?返金は[^。\n]{0,30}?(?:にて|で)(?:対応|手続き|処理)(?:いた|致)?します|返金予定|返金口座(?:へ|に)(?:お)?振(?:り)?込(?:み)?(?:いた)?します|환불\s*(?:예정|안내|처리)(?!\s*(?:를|을)?\s*위해|\s*방법)|"
    r"(?:已|已经|已經)?(?:为您|為您|给您|給您)申(?:请|請)退款|将.{0,20}(?:退回|退还|返还)|为您办理退款|安排退款|退款申请已(?:审核)?通过|退款(?:申请)?审核(?:已)?通过|退款申請已(?:審核)?通過|退款金额将原路(?:径)?返回|"
    r"(?:已|已经)(?:为您|给您)?(?:原路)?(?:办理)?(?:全额|部分)?退款(?!成功|已到账|已完成)|办理(?:了)?(?:全额|部分)?退款|退款预计|"
    r"预计.{0,12}(?:退回|退还|返还)|(?:退款|退回|退还|原路)[^。\n]{0,20}?预计.{0,12}到账|(?:已|已經)(?:為您|給您)?(?:原路)?(?:辦理)?(?:全額|部分)?退款(?!成功)|退款預計|預計.{0,12}(?:退回|退還)|(?:退款|退回|退還|原路)[^。\n]{0,20}?預計.{0,12}到帳|"
    r"approved? (?:a |your )?(?:full |partial )?refund|(?:have|has|I've|we've) refunded|refund (?:has been |was |is )?(?:approved|issued|initiated|processed)|"
    r"will be (?:reversed|credited back|returned|refunded) (?:to|back to|into) your|"
    # a trader's word relayed: "The business has agreed to cancel the order and refund the full amount"
    r"(?:has|have) agreed to (?:cancel [^.\n]{0,40}? and )?(?:give you |provide |issue |offer )?(?:a |the )?(?:full |partial )?refund|"
    r"оформили (?:повернення|возврат) (?:повної суми|коштів|грошей|денег|средств|полной суммы)|кошти надійдуть|(?:деньги|средства) (?:поступят|вернутся)|"
    r"(?:have|has|'ve) (?:cancell?ed|voided) [^.\n]{0,40}? and (?:fully |also )?refunded|"
    r"will (?:be )?(?:automatically |fully )?refund|issue (?:you )?a (?:full |partial )?refund|refunds? (?:are|is|will be) processed|"
    r"(?:initiated|issued|arranged|processed|started|approved|submitted|authori[sz]ed|sent|requested|put through)\s+"
    r"(?:you\s+)?(?:a|your|the)\s+(?:full\s+|partial\s+)?refund(?!\s+(?:request|application|claim))|"
    r"you(?:'ll| will) (?:receive|get|see) (?:a|your|the) (?:full |partial )?refund|"
    r"you(?:'ll| will) (?:get|receive) (?:the |your )?(?:full )?(?:[^.\n]|\.(?=\d)){0,30}?\bback\b|erstatten (?:dir|ihnen|euch)|\berstattet (?:dir|ihnen|euch) (?:den|die|das)\b|die erstattung erfolgt innerhalb|refund (?:of|for) (?:[^.\n]|\.(?=\s?\d)|\n(?![ \t]*\n)){0,70}?(?:will|has been|is being)\b|"
    r"(?:your|the) refund will be (?:credited|processed|issued|sent|returned|paid|made)|we(?:'ve| have) processed your refund|"
    r"退款將|將.{0,20}(?:退回|退還|返還|刷退|退刷)|為您辦理退款|安排退款|同意退款|"
    # "我們會把款項 NT$3,290 退給您（原信用卡刷退）", "会将货款退还给您"
    r"(?:会|會)(?:把|将|將)[^。\n]{0,30}?(?:退给|退給|退还|退還|退回|刷退)(?:给|給)?(?:您|你)|(?:会|會)(?:全额|全額)?退款(?:给|給)(?:您|你)|"
    r"r[üu]ckerstattung\b[^.]{0,60}?(?:wurde |wird )?(?:veranlasst|eingeleitet|angewiesen)|"
    # a buyer-protection decision: "erhältst du eine Rückerstattung über 42,80 € auf deine ursprüngliche Zahlungsmethode"
    r"(?:erh[äa]ltst du|erhalten sie) (?:eine )?(?:r[üu]ck)?erstattung (?:über|von|in h[öo]he von)|(?:erstatten|überweisen) (?:wir|Ihnen)|"
    # "Nous avons donc procédé à l'annulation de votre commande et à son remboursement intégral"
    r"proc[ée]d[ée]\s+[àa]\s+l'annulation\b[^.]{0,60}?\bet\s+[àa]\s+(?:son|votre|leur)\s+remboursement|"
    # hu: "A visszatérítést 5 munkanapon belül indítjuk", "Visszatérítendő összeg: 27 990 Ft"
    r"visszat[ée]r[íi]t[ée]st\b[^.]{0,40}?\b(?:ind[íi]tjuk|ut[áa]ljuk|teljes[íi]tj[üu]k)|visszat[ée]r[íi]tend[őo] [öo]sszeg\s*[:：]|"
    # "veranlassen wir die Erstattung des vollen Kaufpreises", "Du erhältst den Betrag innerhalb von 5 Werktagen"
    r"(?:veranlassen|leiten) wir (?:die|eine) (?:r[üu]ck)?erstattung|(?:habe|haben|hat)\b(?:[^.\n]{0,20}?\b)?(?:die|eine|ihre) (?:r[üu]ck)?erstattung\b[^.]{0,60}?\b(?:veranlasst|eingeleitet|angewiesen)|wir (?:veranlassen|leiten) (?:die|eine) (?:r[üu]ck)?erstattung|"
    r"(?:du erh[äa]ltst|sie erhalten) (?:den|das|dein|ihr) (?:betrag|geld)\b[^.]{0,40}?\binnerhalb\b|"
    # a cancellation's refund line: "Erstattungsbetrag: 69,90 €", "… wird auf das … Zahlungsmittel zurückgebucht"
    r"erstattungsbetrag\s*[:：]|(?:(?:erstattungs)?betrag|geld|kaufpreis)\b[^.]{0,80}?\b(?:wird|werden)\b[^.]{0,80}?\b(?:zur[üu]ckgebucht|zur[üu]ck[üu]berwiesen|erstattet|gutgeschrieben)\b|"
    r"(?:nous avons|on a) (?:initi[ée]|effectu[ée]|lanc[ée]|[ée]mis) (?:le|un|votre) remboursement|vous serez rembours[ée]|(?:vous )?(?:sera|seront) rembours[ée]e?s?|"
    r"nous vous confirmons le remboursement|le remboursement sera (?:effectu[ée]|effectif|vers[ée])|"
    r"(?:montant|somme|remboursement)\b[^.]{0,60}?(?:sera|seront) (?:(?:re)?cr[ée]dit[ée]e?s?|vers[ée]e?s?|revers[ée]e?s?|effectu[ée]e?s?)|"
    r"palautamme (?:maksamasi|rahasi|summan)|hyvitys näkyy|återbetalningen görs|du får (?:därför )?tillbaka (?:hela )?(?:beloppet|pengarna)|"
    r"hemos (?:iniciado|emitido|procesado|tramitado) (?:el|un|tu|su) reembolso|(?:ya )?(?:solicitamos|gestionamos|iniciamos|procesamos|emitimos) (?:el|un|tu|su) reembolso|"
    r"(?:el|tu|su) reembolso se (?:ver[áa] reflejado|acreditar[áa]|har[áa] efectivo)|hemos generado (?:la|una|tu|su) (?:devoluci[óo]n|reembolso)|procederemos (?:al|a realizar el|a efectuar el) reembolso|"
    r"importe a reembolsar\s*[:：]|(?:te|le) reembolsaremos|valor a reembolsar\s*[:：]|procederemos ao reembolso|"
    r"recibir[áa]s? (?:el|tu|un|su) reembolso|"
    r"abbiamo (?:avviato|emesso|elaborato|disposto) (?:il|un) rimborso|riceverai (?:il|un) rimborso|"
    r"(?:ti |le |vi )?(?:verr[àa]|verranno|sar[àa]|saranno) rimborsat[oaie]\b|"  # "la rata … ti verrà rimborsata … entro 10 giorni"
    r"rimborso\b(?:[^.\n]|\.(?=\d)){0,80}?(?:sar[àa]|verr[àa]) (?:effettuato|emesso|accreditato|disposto|erogato|eseguito)|"
    r"(?:disposto|effettuato|emesso|predisposto|eseguito|autorizzato) (?:il |un )?(?:riaccredito|rimborso)|elaborer(?:emo|[àa]) (?:il tuo |il suo |il )?rimborso|(?:ti |le )?rimborser(?:emo|[àa])\b|procederemo (?:con il|al) rimborso|"
    r"zlecili(?:śmy)? zwrot|otrzymasz zwrot|zwrot (?:[śs]rodk[óo]w|pieni[ęe]dzy|nale[żz]no[śs]ci|p[łl]atno[śs]ci)(?: w kwocie [\d\s.,]+\s?(?:z[łl]|pln))? (?:nast[ąa]pi|zostanie (?:zlecony|wykonany|zrealizowany|przekazany))|"
    r"kwota do zwrotu\s*[:：]|zwrot kwoty\b[^.\n]{0,40}?\bnast[ąa]pi\b|"
    # es: "La devolución se realizará al mismo medio de pago … en un plazo de hasta 10 días hábiles", "Monto a devolver:"
    r"(?:la )?devoluci[óo]n (?:del (?:dinero|importe|monto|pago) )?se (?:realizar[áa]|har[áa]|efectuar[áa]|abonar[áa])\b|(?:el )?reembolso\b[^.\n]{0,40}?\bse (?:realizar[áa]|har[áa]|efectuar[áa]|abonar[áa]|procesar[áa])\b|(?:monto|importe) a devolver\s*[:：]|zwr[óo]cimy (?:ci |pa[ńn]stwu )?(?:pieni[ąa]dze|[śs]rodki|kwot[ęe]|nale[żz]no[śs][ćc])|"
    r"(?:terugbetaling|restitutie)\b[^.\n]{0,40}(?:in gang gezet|gestart|verwerkt|ingediend|uitgevoerd)|(?:we )?(?:betalen|storten) .{0,30}terug|"
    r"nous vous remboursons|remboursement\b(?:[^.\n]|\.\d){0,60}?a été (?:initi[ée]|lanc[ée]|[ée]mis|d[ée]clench[ée])|remboursement (?:partiel )?(?:de [^.\n]{1,16}? )?sera effectu[ée]|le remboursement a été (?:initié|effectué|lancé)|"
    r"wir erstatten (?:dir|ihnen)|erstattung\b(?:[^.\n]|\.(?=\d)){0,40}?\b(?:wurde|wird)\s+(?:veranlasst|eingeleitet|angewiesen)\b|te reembolsamos|se (?:obliga|compromete)n? a (?:reembolsar|devolver|restituir)|si (?:[èe] )?impegnat[oa] a (?:rimborsar|restituir)|si impegna a (?:rimborsar|restituir)|s'engage (?:à|a) (?:vous )?rembourser|verpflichtet sich,? (?:ihnen |dir )?(?:den betrag )?zu erstatten|compromete-se a (?:reembolsar|devolver|restituir)|(?:te|le|les|os) (?:devolv(?:emos|eremos)|reembolsaremos|reintegraremos) (?:el|tu|su|la) (?:dinero|importe|monto|cantidad|pago|valor)|ti rimborsiamo|"
    r"(?:we'll|we will|we are going to|we're going to|i'll|i will|\band will) (?:now )?(?:process|issue|send|arrange) (?:you )?(?:a |the |your )?(?:full |partial )?refund|"
    # "We'll refund £89.94 to your card" (never "we'll refund any associated interest or fees")
    r"(?:we'll|we will|i'll|i will) (?:now |also )?(?:fully |automatically )?refund "
    r"(?=[£$€¥]|(?:[A-Z]{3} ?)?\d|you\b|your\b|it\b|this\b|(?:in )?full\b|the (?:full|order|amount|payment|purchase|total|price|money)\b|the [£$€¥]|the \d)|"
    r"(?:reversed|refunded) the (?:charge|payment|transaction)|refund has been sent(?: back)?|"
    # a card issuer's won dispute: "so we'll credit $212.50 to your Mastercard account" (a sum, never "your account
    # with 50 points")
    r"(?:we'll|we will) (?:now )?(?:permanently )?credit (?:[£$€]\s?\d[\d,.]*|(?:[A-Z]{3} ?)?\d[\d,.]*|the (?:full )?amount)\b|"
    # an adjudicator's award: "British Airways is directed to refund the booking", "has 20 working days … to refund"
    r"\b(?:is|are|was|were|has been|have been) (?:directed|ordered|required) to (?:refund|reimburse|repay)\b|"
    r"\b(?:has|have) (?:\d+|[a-z]+) (?:working |business |calendar )?days\b[^.\n]{0,60}?\bto (?:refund|reimburse|repay)\b|"
    # a marketplace's refund summary: "$10.95 refunded to your Amazon Visa ending in 7730", "Your refund is
    # delayed … will be available soon": money sent back (or on its way) and still to show on the card
    r"(?:[£$€¥]\s?\d[\d,.]*|\d[\d,.]*\s?(?:€|zł|[A-Z]{3}))\s+refunded to your\b|\byour refund (?:is|has been) delayed\b|"
    r"you(?:'ll| will)\s+(?:receive|get)\s+(?:a\s+|your\s+)?(?:full\s+|partial\s+)?refund\b|"
    # "Refund: $495.47 (including tax) has been issued to your Mastercard": sent, still to show on the card
    r"\brefund\b(?:[^.\n]|\.(?=\d)|\n(?=[a-z(]))(?:[^.]|\.(?=\d)){0,50}?\b(?:has been|was|have been) issued\b|"
    r"(?:issued|processed|applied) (?:a|the|your) (?:full |partial )?credit (?:for|of|to)\b|"  # "We have issued a credit for the amount above"
    # a refund under way, said in the present: "I'm refunding the full £38.50", "nous procédons au remboursement"
    r"(?:I'm|I am|we're|we are) (?:now )?(?:fully )?refunding|proc[ée]d(?:ons|er|e|erons|era) (?:donc )?(?:au|à un|à votre) remboursement|(?:avons|a)\s+(?:donc\s+)?proc[ée]d[ée]\s+(?:au|à un|à votre)\s+remboursement|"
    # a cancellation's refund lines: "退款方式：退回原付款信用卡", "信用卡刷退作業時間約需 7～14 個工作天"
    r"退款方式\s*[:：]\s*(?:信用卡|原付款(?:方式|信用卡)?|原)?(?:退回|退还|退還|原路|刷退|退刷)|(?:刷退|退刷)(?:作業|作业)|"
    r"辦理(?:了)?(?:全額|部分)?退款|(?:辦理|办理)(?:了)?(?:刷退|退刷)|款[项項](?:会|會|将|將)(?:在[^。\n]{0,16})?(?:退回|退還|退还|原路)"
    # ru, tr, id, vi, th, ar
    r"|возврат (?:средств |денег )?(?:оформлен|будет)|верн[её]м|(?:деньги|средства)\b[^.\n]{0,60}?(?:вернутся|будут возвращены|поступят)|iade(?:n|niz)? banka(?:na|n[ıi]za|ya) iletildi|[üu]cret iaden"
    # "سيتم استرداد المبلغ … إلى وسيلة الدفع الأصلية خلال 7 أيام عمل": the amount will be returned
    r"|(?:سيتم|سوف يتم|تم) (?:استرداد|إرجاع|رد|ارجاع) (?:المبلغ|مبلغ|قيمة)"
    r"|iade tutar[ıi] (?:bug[üu]n )?banka(?:na|n[ıi]za|ya) iletil(?:di|mi[şs]tir)|iade talebi?n(?:iz)? onayland[ıi]"
    r"|iade edilecek(?:tir)?|iadesi yap[ıi]lacak(?:t[ıi]r)?"
    r"|iade (?:i[şs]lemi|tutar[ıi]) (?:ba[şs]lat[ıi]ld[ıi]|ger[çc]ekle[şs]tirildi)|dana (?:akan )?dikembalikan"
    # ro, pt, sv, nb, da, fi, cs, hu
    r"|solicitamos (?:o|a)\b(?:[^.\n]|\.\d){0,50}?\b(?:estorno|reembolso|devolu[çc][ãa]o do valor)|(?:o )?valor (?:estar[áa] dispon[íi]vel|ser[áa] (?:creditado|devolvido))"
    r"|bayaran balik\b[^.\n]{0,60}?akan dikreditkan|akan (?:dikembalikan|dikreditkan) (?:ke|kepada)"
    r"|je krijgt het (?:volledige |hele )?bedrag terug|(?:het )?bedrag wordt teruggestort"
    # bol.com: "Je krijgt het geld binnen 5 werkdagen terug", "Heb je al betaald? Dan krijg je het terug"
    r"|je krijgt (?:het|je) geld\b[^.\n]{0,60}?\bterug|krijg je (?:het|je geld|het geld|het bedrag) (?:\w+ ){0,4}?terug"
    r"|va fi rambursat[ăa]?|vei primi banii [îi]napoi|(?:o )?estorno (?:ser[áa]|foi) (?:realizado|efetuado|processado|solicitado)"
    r"|reembolso (?:foi |j[áa] foi )?aprovado|estorno\b[^.\n]{0,40}?foi solicitado|"
    r"reembolso (?:ser[áa]|foi) (?:realizado|efetuado|processado)|(?:reembolso|estorno)\b(?:[^.\n]|\.(?=\d)|,(?=\d)){0,40}?\bser[áa] (?:feito|efetuado|realizado|processado|creditado)|vamos (?:estornar|reembolsar)|(?:o )?valor ser[áa] (?:estornado|devolvido)"
    r"|(?:pengarna|beloppet) (?:kommer att )?(?:återbetalas|betalas tillbaka)|[åa]terbetalning(?:en)? (?:har|kommer att) (?:genomförts|skickats|g[öo]ras)"
    r"|(?:refunderes|tilbakebetales|tilbagebetales)|pengene (?:blir|bliver) (?:refundert|refunderet|tilbakebetalt|tilbagebetalt)"
    r"|hyvit(?:ämme|amme)|hyvitys (?:maksetaan|palautetaan)|pen[íi]ze (?:v[áa]m )?vr[áa]t[íi]me|peniaze (?:v[áa]m )?vr[áa]time|vr[áa]t[íi]me v[áa]m pen[íi]ze|[čc][áa]stka bude vr[áa]cena"
    r"|visszat[ée]r[ií]tj[üu]k|visszautaljuk"
    r"|pengembalian dana (?:sedang )?diproses|(?:sẽ được|đã được) hoàn tiền|sẽ được hoàn (?:về|lại|trả)|đã hoàn tiền|จะได้รับเงินคืน|คืนเงินให้|จะคืนเงิน|سيتم استرداد|تم استرداد"
)


# "已原路退回，预计1-3个工作日到账": the money left the shop but is still on its way, so the mail grants
# a refund with that period; only its arrival is a refund received.
_STILL_TO_ARRIVE = any_of(
    r"^[^。！!\n]{0,40}?(?:(?:预计|預計)[^。！!\n]{0,20}?|(?:将|將|会|會)在[^。！!\n]{0,16}?)(?:到账|到帳|入账|入帳)"
    # "原路退回了 15.80 元，1-3个工作日到账": a period named right before the arrival
    r"|^[^。！!\n]{0,40}?\d+\s*(?:[-~～至到]\s*\d+\s*)?(?:个|個)?(?:工作日|工作天|自然日|天|日|小时|小時)(?:内|內)?(?:到账|到帳|入账|入帳)"
)


# "I have now refunded the payment in full … the money should be back on your card within up to 7 days"
_STILL_TO_ARRIVE_EN = any_of(
    r"\b(?:should|will|may|can)\s+(?:take\s+)?[^.]{0,30}?\b(?:be back|appear|show|arrive|reach|be credited)\b[^.]{0,60}?\bwithin\b"
    r"|\ballow\s+(?:up to\s+)?\d+(?:\s*-\s*\d+)?\s+(?:business |working )?days"
    r"|\btakes?\s+(?:up to\s+)?\d+(?:\s*-\s*\d+)?\s+(?:business |working )?days\s+to\s+(?:appear|show|post|reflect|arrive)"
    # "退款成功｜賣家已同意退款。… 將原路退回至你的信用卡，預計 3-5 個工作日到賬"
    r"|(?:將|将)(?:原路)?(?:退回|退還|退还)|(?:預計|预计)[^。\n]{0,20}?(?:到賬|到账|到帳|入賬|入账|入帳)"
    # "Le remboursement sera effectué sur le moyen de paiement … sous 7 jours": a transfer still ahead
    r"|\bremboursement sera (?:effectu[ée]|vers[ée]|cr[ée]dit[ée])\b[^.]{0,120}?\b(?:sous|dans les|d'ici)\b"
    # "procédé au remboursement intégral de 78,00 € … sous 3 à 5 jours ouvrés": sent, and still on its way
    r"|\b(?:visible|(?:re)?cr[ée]dit[ée]|rembours[ée]|sur votre compte)\b[^.]{0,60}?\bsous\s+\d+(?:\s*(?:à|-)\s*\d+)?\s+jours|^[^.]{0,160}?\bsous\s+\d+(?:\s*(?:à|-)\s*\d+)?\s+jours"
    # "Die Gutschrift erscheint innerhalb von 5 Werktagen auf deinem ursprünglichen Zahlungsmittel"
    r"|\b(?:gutschrift|erstattung|betrag|r[üu]ckzahlung)\s+(?:erscheint|wird|sollte|kann)\b[^.]{0,60}?\binnerhalb\b"
    r"|\b(?:wird|werden)\s+(?:dir|ihnen|euch)?\s*innerhalb\b[^.]{0,60}?\bgutgeschrieben\b"
    # "결제 취소가 완료되었습니다. 환불은 카드사 사정에 따라 3~5영업일 소요될 수 있습니다"
    r"|환불(?:은|이|금액은)?[^.\n]{0,40}?\d+\s*(?:[~\-]\s*\d+\s*)?(?:영업일|일)[^.\n]{0,10}?(?:소요|걸릴|이내)"
)


def still_to_arrive(text: str, received: re.Match[str]) -> bool:
    """The sentence that says the money was sent back goes on to say when it will arrive."""
    return bool(
        _STILL_TO_ARRIVE.search(text[received.end() : received.end() + 60])
        or _STILL_TO_ARRIVE_EN.search(text[received.end() : received.end() + 400])
    )


def refund_received(text: str):
    """Money back, stated as a fact, and not still to arrive in the same sentence."""
    text = unwrapped(text)  # "le remboursement … relatif à votre\ncommande … a été effectué"
    match = unconditional(REFUND_RECEIVED, text)
    return None if match is None or still_to_arrive(text, match) else match


def granted(text: str):
    """A refund the mail grants: affirmed, and not a condition ("if the item is lost, we will refund")."""
    text = unwrapped(text)  # "138,95 € vous sera\nremboursé": a sentence wrapped at 72 columns
    recalled = RECALL.search(text)  # a reminder that quotes an earlier grant grants nothing new
    scope = text[: recalled.start()] if recalled else text
    found = unconditional(REFUND_GRANTED, scope, True)
    if found is None:  # "已原路退回，将在3个工作日内到账": sent back and still on its way
        sent_back = unconditional(REFUND_RECEIVED, scope)
        found = sent_back if sent_back is not None and still_to_arrive(scope, sent_back) else None
    return found
