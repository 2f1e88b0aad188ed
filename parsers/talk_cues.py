"""What the conversation after a complaint says, in every language the reader knows: refunds
received and granted, evidence requests, decisions, acknowledgements, the user's complaint
words, outside bodies. Kept apart from `cues` (what an order mail says) to keep each readable;
`cues` re-exports every name, so families keep reading `cues.ACK`.
"""

from __future__ import annotations

import re

from orderwatch.parsers.base import any_of
from orderwatch.parsers.guarded import guarded

# What follows recalls an earlier message, not a new one: "Il y a 21 jours … Pour rappel, voici sa réponse".
RECALL = any_of(
    r"pour rappel|\bas a reminder\b|here is (?:their|its|the) (?:earlier |original )?(?:reply|response) again|zur erinnerung|"
    r"como recordatorio|come promemoria|回顾一下|再次提醒|"
    # a sentence that opens by looking back: "Il y a 21 jours, l'entreprise a pris l'engagement suivant"
    r"(?:^|[.\n]\s*)(?:il y a \d+ jours|\d+ days ago|vor \d+ tagen|hace \d+ d[íi]as|\d+ giorni fa|\d+\s*天前)"
)
EVIDENCE_REQUEST = any_of(
    r"补充凭证|补充材料|补充证据|补充(?:以下|清关)?资料|提供以下(?:资料|材料)|上传清关资料|補充(?:以下|清關)資料|(?:需|需要|须|須)(?:您|你)?(?:补充|補充|上传|上傳)[^。！？\n]{0,20}?(?:截图|截圖|凭证|憑證|照片|图片|圖片|视频|影片)|(?<!申)请(?!勿|不要)[^。！？\n]{0,40}?(?:补充|提供|上传|提交|寄送)[^。！？\n]{0,20}(?:截图|凭证|证据|记录|材料|照片|图片|视频)|"
    r"補充憑證|補充資料|請(?!勿|不要)[^。！？\n]{0,40}?(?:補充|提供|上傳|上載|提交|遞交|附上|夾附)[^。！？\n]{0,20}(?:截圖|憑證|證據|紀錄|記錄|資料|照片|相片|圖片|文件)|"
    r"请(?!勿|不要)[^。！？\n]{0,40}?(?:附上|提供|上传)[^。！？\n]{0,20}(?:照片|图片|截图|凭证|材料|资料)|"
    # "complete\nthe Transaction Dispute Form attached": wrapped, the card's kind of form before it
    r"(?:sign|complete|fill (?:in|out))(?:\s+and\s+return)?\s+(?:the\s+|your\s+|this\s+|our\s+)?(?:enclosed\s+|attached\s+)?"
    r"(?:transaction\s+|chargeback\s+|card\s+|fraud\s+)?(?:claim\s+|dispute\s+|statement\s+|declaration\s+|affidavit\s+)?form\b|\bsigned (?:statement|declaration|affidavit)\b|"
    r"(?:need|require|requires|(?:please|kindly) (?:send|provide|reply with|upload|attach|submit))[\s\S]{0,120}?(?:evidence|screenshots?|photos?|proof|documentation|receipt)|"
    r"(?:please|kindly) submit the following\b|(?:need|require) (?:the following |some |more |further |additional )?(?:information|documents|details) from you\b|"
    r"(?:please|kindly) provide (?:this|the following|the requested|these) (?:information|documents|details)\b|(?:please|kindly) (?:send|email|forward|provide) (?:me|us) (?:copies of|a copy of|the following)\b|"
    r"please reply to this (?:e-?mail|message)\s+(?:(?:within|by)\s[^.]{1,24}?\s+)?with\b[\s\S]{0,120}?(?:photos?|pictures?|screenshots?|documents?|proof|receipt|evidence)|"
    r"(?:schick|sende|schicken sie|senden sie)\s+uns\s+(?:bitte\s+)?[\s\S]{0,100}?(?:fotos?|bilder|belege|nachweise|screenshots?)|"
    # an owner asks in plain words: "Können Sie mir bitte ein paar Fotos vom Schaden schicken?"
    r"(?:k[öo]nnen|k[öo]nnten|w[üu]rden) (?:sie|du) (?:mir|uns) (?:bitte )?(?:noch )?(?:ein paar |einige |ein |zwei )?(?:fotos?|bilder|screenshots?)\b[^.?\n]{0,40}?(?:schicken|senden|mailen)|"
    # "benötigen wir weitere Informationen von Ihnen: Fotos des erhaltenen Artikels", "fügen Sie die Fotos als Anhang bei"
    r"ben[öo]tig(?:en wir|e ich) (?:noch )?(?:weitere|zus[äa]tzliche|folgende) (?:informationen|angaben|unterlagen|nachweise)|"
    r"(?:[üu]bermitteln|senden|schicken|reichen) sie (?:uns |mir )?(?:bitte )?(?:diese|die|folgende|die folgenden|alle) (?:unterlagen|nachweise|belege|dokumente|fotos)|f[üu]gen sie (?:die |uns )?(?:fotos|bilder|belege|nachweise)\b[^.\n]{0,30}?\bbei\b|"
    r"(?:envoyez|transmettez)[- ]nous\s+[\s\S]{0,80}?(?:photos?|justificatifs?|captures?)|"
    r"potrzebujemy (?:jeszcze |od ciebie )?[\s\S]{0,40}?(?:zdj[ęe][ćc]|dokument|dowod)|prze[śs]lij (?:nam )?(?:zdj[ęe]cia|dokumenty|dowody)|"
    r"(?:prosz[ęe]|prosimy) o (?:uzupe[łl]nienie|przes[łl]anie|dostarczenie)[\s\S]{0,80}?(?:dokument|kopi|zdj[ęe]|dow[óo]d)|dokumenty nale[żz]y przes[łl]a[ćc]|"
    # ko: "아래 자료를 2026년 11월 20일(금)까지 본 메일에 회신하여 제출해 주시기 바랍니다"
    r"(?:자료|서류|증빙|증거|사진|내역)(?:을|를)\s[^\n]{0,60}?(?:제출|회신|첨부)(?:하여|해)?\s*주(?:시기\s*바랍니다|세요|십시오)|"
    r"(?:写真|画像|証拠|資料|書類)の?(?:送付|提出|添付|ご提出|ご送付)(?:を|の)?(?:お願い|お願い致し|お願いいたし)|"
    r"(?:사진|증빙|자료)\s*(?:첨부|제출)\s*(?:를\s*)?(?:요청|부탁)|"
    r"(?:ben[öo]tigen|brauchen) (?:dafür |noch )*(?:einige |weitere )?informationen von (?:ihnen|dir)|bitte laden sie[^.\n]{0,40}?hoch|"
    r"abbiamo bisogno (?:di|dei|delle|degli)\b[^.]{0,40}?(?:prove|foto|documenti|documentazione)|ci servono (?:alcuni |i seguenti )?documenti|(?:invia|inviaci|allega)[^.\n]{0,60}?\bfoto\b|"
    r"(?:ti|le|vi) chiediamo di (?:inviarci|inviare|allegare|fornirci|fornire|caricare)[\s\S]{0,120}?(?:foto|video|documenti|documentazione|prove|scontrino|ricevuta)|"
    r"beg[äa]ran om komplettering|vi ber dig (?:att )?(?:skicka|komplettera)|(?:send|sende) (?:oss|os) (?:dokumentasjon|dokumentation|bilder|billeder|kvittering)|"
    r"l[äa]het[äa] (?:meille )?(?:kuvat|kuitti|tositteet)|za[šs]lete (?:n[áa]m )?(?:fotografie|doklad)|k[üu]ldje el (?:a )?(?:f[ée]nyk[ée]peket|fot[óo]kat|dokumentumokat)|"
    r"trimite(?:[țt]i)? (?:documentele|fotografii)|envie (?:os |as )?(?:documentos|comprovantes|fotos)|"
    # a consumer office's request to complete the file: "尚欠缺下列資料 … 請於文到7日內 … 上傳補正"
    r"尚(?:欠缺|缺少|缺)下列(?:資料|资料)|(?:上傳|上传|提出|提供)?(?:補正|补正)(?:資料|资料)?(?=[^。\n]{0,20}(?:屆期|届期|逾期|[;；。]))|"
    # "麻烦你在今晚22点前把…报错的截图和支付宝付款截图发过来"
    r"(?:把|将|將)[^。\n]{0,40}?(?:截图|截圖|照片|凭证|憑證)[^。\n]{0,20}?(?:发过来|发给我|发来|發過來|發給我|發來|传过来|傳過來)|"
    # nl: "hebben we een paar foto's van je nodig", "Stuur de foto's als antwoord op deze e-mail, uiterlijk …"
    r"(?:hebben|heb) (?:we|wij|ik) (?:een paar |enkele |wat |de |nog )?(?:foto'?s|bewijs|documenten|bonnetje|aankoopbewijs)\b[^.\n]{0,30}?\bnodig|"
    r"stuur (?:ons |me |mij )?(?:de |een paar |enkele |wat )?(?:foto'?s|bewijs|documenten)\b|"
    # pt, es: "pedimos que nos envie, em resposta a este email, até ao dia 23/10/2026: - fotografias"
    r"(?:pedimos|solicitamos|agradecemos) que nos (?:envie|envies|remeta|mande|env[íi]e|env[íi]es|remita|mandes?)\b[\s\S]{0,120}?(?:fotografias?|fotos?|comprovativos?|comprovantes?|documentos?|comprobantes?|pruebas|v[íi]deo)|"
    r"pendente de complementa[çc][ãa]o|(?:anexe|encaminhe|apresente)\b[\s\S]{0,120}?(?:documentos|comprovantes?|fotos|c[óo]pias?)|"
    r"(?:adjunte|adjunta|remita|presente)\b[\s\S]{0,120}?(?:documentos|comprobantes?|fotos|pruebas|copias?)|"
    r"(?:stuur|mail) (?:ons|ons even)\s+[\s\S]{0,80}?(?:foto'?s|bewijs)|vragen (?:wij|we) (?:u|je)\b[\s\S]{0,200}?(?:stukken|documenten|foto'?s|bewijs)[\s\S]{0,60}?(?:toe te voegen|te sturen|aan te leveren|op te sturen)|"
    r"(?:i|we) (?:will )?need (?:a few|two|three|some|the following|a couple of) (?:more |further )?(?:things|details|pieces of information|documents)(?: from you)?|"
    r"(?:could|can|would) you (?:please )?(?:reply|respond|send us|send me|provide)[^?\n]{0,40}\s+(?:with|us|me)\b[\s\S]{0,60}?(?:photos?|pictures?|screenshots?|documents?|proof)|"
    r"(?:evidence|screenshots?|photos?|proof) (?:is|are) (?:needed|required)|"
    r"(?:could|can|would) you (?:please )?(?:send|e-?mail|upload|share) (?:me|us)\b[^?]{0,40}?(?:photos?|pictures?|screenshots?|images?)|"
    r"we need (?:a (?:bit|little) )?more (?:info(?:rmation)?|details)|(?:need|require) (?:some )?(?:more|additional|further) (?:info(?:rmation)?|details|documents?)\b(?! (?:about|on) (?:our|how))|"
    r"\benv[íi]a(?:nos|me)\b[^.\n]{0,40}?\b(?:fotos?|fotograf[íi]as|capturas|comprobantes?|pruebas)\b|"
    r"necesitamos (?:la|el|los|las)\b[^.]{0,80}?(?:confirmaci[óo]n|documentaci[óo]n|justificante|factura|comprobante|fotos?|pruebas)|"
    r"responder a este correo con la documentaci[óo]n|"
    r"necesitamos (?:pruebas|fotos|fotograf[íi]as|comprobantes)\b|\benv[íi]a(?:nos|me)\b[\s\S]{0,80}?(?:fotos?|fotograf[íi]as|pruebas)\b|"
    r"necesitamos m[áa]s (?:informaci[óo]n|datos|detalles)|precisamos de mais (?:informa[çc][õo]es|dados)|"
    r"\bsube\b[\s\S]{0,60}?\bfotos?\b|envi[ae]\b[\s\S]{0,40}?\bfotos?\b|"
    r"necesitamos que nos env[íi]es[\s\S]{0,160}?(?:fotos?|v[íi]deos?|pruebas|capturas)|"
    r"(?:merci de|veuillez|vous remercie de|vous remercions de) (?:(?:nous|me) )?(?:envoyer|transmettre|faire parvenir|fournir|retourner|adresser|d[ée]poser|communiquer)[\s\S]{0,160}?"
    r"(?:photos?|attestation|justificatifs?|preuves?|captures?|formulaire|documents?|copie|confirmation de commande|pi[èe]ces)|"
    r"documents? [àa] (?:nous|me) (?:retourner|transmettre|fournir)|"
    r"(?:photos?|justificatifs?|preuves?)[\s\S]{0,80}?pourriez-vous nous (?:les )?(?:envoyer|transmettre|faire parvenir)|"
    r"(?:inviarci|inviaci|trasmetterci)[\s\S]{0,100}?(?:foto|prove|documenti|ricevut)|"
    r"please (?:reply|respond)[^.\n]{0,40}\bwith (?:copies|a copy|scans?|photos?) of|"
    # ro: "avem nevoie de câteva informații suplimentare. Te rugăm să ne trimiți … o fotografie"
    r"avem nevoie de (?:c[âa]teva |urm[ăa]toarele )?(?:informa[țt]ii|documente|fotografii)|te rug[ăa]m s[ăa] ne (?:trimi[țt]i|transmi[țt]i)\b(?:[^.]|\.(?=\d)|\d\.){0,160}?(?:fotografi|document|dovad)|"
    # hu: "az alábbiak pótlása szükséges", "a hiányzó iratokat … küldje meg"
    r"(?:al[áa]bbiak|iratok|dokumentumok) p[óo]tl[áa]sa sz[üu]ks[ée]ges|hi[áa]nyz[óo] (?:iratokat|dokumentumokat)\b[^.]{0,80}?k[üu]ldje|"
    r"(?:ben[öo]tigen|brauchen) wir (?:noch )?(?:die )?(?:folgende )?(?:unterlagen|nachweise|belege|fotos)|(?:brauchen|ben[öo]tigen) wir noch (?:folgende |die folgenden )?(?:unterlagen|nachweise|belege|dokumente)|laden sie (?:die|diese|folgende) (?:unterlagen|nachweise|belege|dokumente)\b(?:[^.]|\.(?=\d)){0,80}?\bhoch\b|unterlagen nachreichen|reichen sie\b[^\n]{0,60}?(?:unterlagen|nachweise|belege|dokumente) nach\b|"
    r"pi[èe]ces justificatives|merci de nous (?:les )?(?:envoyer|transmettre|fournir|faire parvenir)|"
    r"nous avons besoin (?:des|de vos|de) (?:pi[èe]ces|documents|justificatifs|[ée]l[ée]ments)|inviarci (?:la|i) (?:documentazione|foto)|"
    r"env[íi]enos (?:la|los) (?:documentaci[óo]n|fotos|justificantes)|prosimy o przes[łl]anie|stuur ons (?:de )?(?:bewijsstukken|foto)"
    r"|(?:kirimkan|lampirkan|lengkapi) bukti|mohon (?:kirimkan|lampirkan|lengkapi)|пришлите (?:фото|видео|документы)|"
    r"fotoğraf(?:ları)? (?:gönder|ilet|yükle)|vui lòng (?:gửi|cung cấp|bổ sung) (?:hình ảnh|video|bằng chứng)|"
    r"กรุณาส่ง(?:รูปถ่าย|หลักฐาน|วิดีโอ)|写真を(?:添付|送付|お送り)|(?:お)?(?:写真|画像)[^。]{0,120}?(?:添付|送付|お送り|ご提出)[^。]{0,10}?(?:ください|下さい|願います)|사진(?:을|은)?[^\n]{0,40}(?:요청드립니다|첨부해\s*주(?:세요|시거나|십시오)|보내\s*주(?:세요|셔야|십시오)|남겨\s*주세요)"
)
DECISION_AGAINST = any_of(
    # a card issuer's chargeback lost: "The merchant's bank has rejected the chargeback", "we're unable to continue your dispute"
    r"(?:has|have) (?:rejected|declined) the chargeback|chargeback (?:was|has been) (?:rejected|declined|unsuccessful)|"
    r"(?:unable|not able) to (?:continue|proceed with|pursue) (?:your|the|this) (?:dispute|claim|chargeback)|"
    # "本次退款申請經審核後無法受理", "无法为您办理退款", "订单状态正常，不予退费"
    r"不予(?:(?:补发|補發|退货|退貨|换货|換貨)(?:或|和|及|、)?)?(?:退费|退費|退款|赔偿|賠償|支持)|"
    # "zugunsten des Verkäufers entschieden", "non possiamo concedere un rimborso", "Decyzja: nie możemy zwrócić Ci pieniędzy"
    r"zugunsten des (?:verk[äa]ufers|h[äa]ndlers|unternehmens)|(?:ihnen|dir) keine (?:r[üu]ckzahlung|r[üu]ckerstattung|erstattung) gew[äa]hren|"
    r"non (?:possiamo|[èe] possibile) concedere (?:un |il )?rimborso|no (?:podemos|es posible) conceder(?:te|le)? (?:un |el )?reembolso|"
    r"nie mo[żz]emy zwr[óo]ci[ćc] (?:ci |pa[ńn]stwu |panu |pani )?pieni[ęe]dzy|wniosek (?:zosta[łl] )?odrzucony|"
    r"(?:申請|申请)[^。\n，,]{0,10}?(?:無法|无法|不予)(?:受理|通過|通过|核准)|(?:無法|无法)(?:為|为)(?:您|你)(?:辦理|办理)退款|"
    r"(?:退货|退款|售后|退貨|换货|換貨|退票|退訂|退订)(?:申请|申請)未(?:能)?(?:通过|通過)|(?:申请|申請)(?:已)?被驳回|"
    # "您的售后申请（服务单号：…）已被商家拒绝", "商家拒绝了您的售后申请"
    r"(?:申请|申請)(?:[（(][^）)\n]{0,60}[）)])?(?:已)?被(?:商家|卖家|賣家|店家|平台)?(?:拒绝|拒絕|驳回|駁回)|(?<![如若])(?:商家|卖家|賣家|店家)(?:已)?(?:拒绝|拒絕)了(?:您|你)的|(?<![如若])(?:不同意|拒绝|拒絕)(?:您的|你的)?(?:退票|退订|退訂|退货|退貨)|"
    r"未能通过(?:审核|审批|核实)|(?:申请|退款申请)?(?:审核|审批)未(?:能)?通过|未通過(?:審核|審批)|(?:審核|審批)未(?:能)?通過|"
    r"(?:the )?(?:claim|complaint|application|dispute|case) (?:is|has been|was) (?:dismissed|struck out)|"
    r"(?:not|unable to|cannot|can't|could not|couldn't) (?:be )?resolved? (?:this |the |your )?(?:dispute |claim |case )?in your favou?r|\bnot in your favou?r|"
    r"в удовлетворении (?:требовани[яй]|претензии|заявлени[яй])[^.]{0,80}?отказано|(?:претензи[яю]|требовани[ея]) (?:отклонен[аоы]?|не подлежит удовлетворению)|"
    r"rozpatrzon[ea] negatywnie|(?:zg[łl]oszenie|reklamacja|skarga|wniosek|spór) (?:zosta[łl][aoy]? )?odrzucon[aey]|"
    r"(?:will not|won't|are not|aren't|am not|are unable to|cannot|can't)(?: be able to)? (?:process|issue|offer|provide|approve|give you) (?:a |you a |any )?"
    r"(?:(?:an )?(?:exchange|replacement|repair|return) or (?:a )?)?(?:full |partial )?refund|"
    r"(?:cannot|can't|are unable to|will not|won't) accept (?:the |your |this )?return of\b|"
    r"en faveur du vendeur|aucun remboursement ne sera (?:effectu[ée]|accord[ée])|"
    r"처리가\s*어려운|(?:반품|환불|교환)[^.\n]{0,12}?(?:불가|어렵습니다)|返品(?:・返金)?(?:は|を)?お受け(?:いたし)?かね|対応いたしかねます|"
    # ja: "今回のキャンセル申請は承ることができません", "返金はお受けすることができません"
    r"(?:申請|ご希望|ご依頼|ご要望|返品|返金|キャンセル)(?:は|を)?(?:承る|お受けする|お受け|受け付ける)ことが(?:でき|出来)ません|(?:キャンセル|返品|返金)(?:は|を)?(?:いたし|致し)かねます|"
    r"(?:pengajuan|permintaan|komplain|permohonan)\b[^.\n]{0,30}?\b(?:ditolak|tidak disetujui)|"
    r"ba[şs]vurunun reddine|(?:ba[şs]vurunuz|talebiniz|itiraz[ıi]n[ıi]z) reddedil(?:di|mi[şs]tir)|"
    # sv, nb, da, fi, cs, hu, ro, pt
    r"kan (?:vi )?tyv[äa]rr inte bevilja|(?:din )?(?:reklamation|beg[äa]ran) (?:har )?(?:avsl[åa]tts|avsl[åa]s|beviljas inte)|vi kan dessverre ikke (?:godkjenne|refundere|imøtekomme)|"
    r"vi kan desv[æa]rre ikke (?:godkende|im[øo]dekomme|refundere)|(?:reklamationen|klagen) (?:er|blev) afvist|emme valitettavasti voi (?:hyv[äa]ksy[äa]|hyvitt[äa][äa])|"
    r"reklamace (?:byla )?zam[íi]tnuta|nem tudjuk elfogadni|reclama[țt]ia (?:a fost )?respins[ăa]|cererea (?:a fost )?respins[ăa]|"
    r"fasthold(?:t|er) (?:sin|deres|sitt) (?:afvisning|avvisning|afslag|avslag)|ikke (?:har )?(?:v[æa]ret|var) muligt at finde en (?:f[æa]lles )?l[øo]sning|"
    # a conciliation that ends without agreement: "si è concluso con esito negativo", "verbale di mancato accordo"
    r"(?:concluso|chiuso|terminato) con esito negativo|verbale di mancato accordo|"
    # de: "können wir deine Reklamation daher leider nicht anerkennen", "Der Händler lehnt eine Erstattung ab"
    r"(?:reklamation|beanstandung|beschwerde|r[üu]ckerstattung|erstattung)\b[^.]{0,30}?\bnicht anerkennen|\blehnt (?:eine|die|deine|ihre) (?:erstattung|r[üu]ckerstattung|reklamation) ab\b|"
    # fr: "nous ne sommes pas en mesure de donner une suite favorable à votre demande"
    r"ne (?:sommes|pouvons) pas (?:en mesure de )?donner (?:une )?suite favorable|\bpas de suite favorable\b|"
    # ko: "반품 신청이 반려되었습니다", "처리결과 : 반품 반려"
    r"(?:반품|교환|환불|취소)\s*(?:신청|요청)?(?:이|가)?\s*(?:[^.\n]{0,16}?\s)?(?:반려|거부|거절)(?:되었습니다|됐습니다|처리)|처리\s*결과\s*[:：]\s*(?:반품|교환|환불)\s*반려|"
    # pl, ro: "reklamacja nie została uznana", "reclamația nu a fost acceptată"
    r"reklamacj[aę] (?:nie zosta[łl]a uznana|zosta[łl]a odrzucona)|nie uznajemy (?:twojej |pa[ńn]stwa )?reklamacji|"
    r"reclama[țt]ia (?:ta |dvs\.? )?(?:nu a fost (?:acceptat[ăa]|admis[ăa])|a fost respins[ăa])|"
    # a card dispute the merchant defended: "we're unable to take it further and we've closed your case"
    r"\b(?:unable|not able) to take (?:it|this|your (?:claim|case|dispute|chargeback)) (?:any )?further\b|"
    r"\bthe merchant has (?:successfully )?(?:challenged|defended) the (?:chargeback|dispute)\b|"
    r"(?:conciliaci[óo]n|mediaci[óo]n) (?:ha )?(?:finalizado|concluido|terminado) sin acuerdo|"
    r"(?:m[ée]diation|conciliation) (?:s'est )?(?:termin[ée]e|close|achev[ée]e) sans accord|schlichtung (?:ist )?(?:gescheitert|ohne einigung beendet)|"
    r"afsluttet uden (?:en )?(?:f[æa]lles )?l[øo]sning|avsluttet uten (?:en )?(?:l[øo]sning|enighet)|avslutats utan (?:en )?l[öo]sning|"
    r"(?:resuelt[oa]|decidid[oa]|cerrad[oa]) a favor del (?:vendedor|comercio|comerciante)|no podemos (?:ofrecer|realizar|emitir|aprobar)(?:te|le)? (?:un |el )?reembolso|"
    r"reembolso n[ãa]o foi aprovado|(?:solicita[çc][ãa]o|disputa|reclama[çc][ãa]o) n[ãa]o foi aprovada|recusou (?:a |sua )?(?:solicita[çc][ãa]o|reclama[çc][ãa]o|pedido de reembolso)|"
    r"n[ãa]o (?:podemos|ser[áa] poss[íi]vel) (?:realizar|efetuar|aprovar) o (?:reembolso|estorno)|(?:reclama[çc][ãa]o|contesta[çc][ãa]o|solicita[çc][ãa]o|disputa) (?:foi )?(?:indeferida|n[ãa]o procedente|n[ãa]o aceita|negada|recusada)|"
    r"(?:analisou|avaliou) (?:a )?(?:sua|tua) (?:contesta[çc][ãa]o|reclama[çc][ãa]o|solicita[çc][ãa]o) e n[ãa]o a (?:aceitou|aprovou)|n[ãa]o foi poss[íi]vel devolver o (?:valor|dinheiro)|"
    r"(?:reclamo|disputa|contracargo|solicitud|devoluci[óo]n|reclamaci[óo]n|reembolso) (?:fue |ha sido )?(?:rechazad[oa]|denegad[oa]|desestimad[oa]|improcedente)|"
    # "hemos denegado la devolución #38", "abbiamo respinto il reso", "nous avons refusé le retour"
    r"hemos (?:denegado|rechazado|desestimado) (?:la|tu|su|el) (?:devoluci[óo]n|solicitud|reclamaci[óo]n|reembolso|garant[íi]a)|"
    r"abbiamo (?:respinto|rifiutato) (?:il|la) (?:tuo |tua |suo |sua )?(?:reso|richiesta|reclamo)|nous avons refus[ée] (?:le|la|votre) (?:retour|demande|r[ée]clamation|remboursement)|"
    r"(?:devolu[çc][ãa]o|reembolso) (?:foi )?(?:recusad[oa]|negad[oa])|(?:reso|rimborso) (?:rifiutato|respinto|negato)|retour refus[ée]|(?:r[üu]cksendung|retoure|erstattung) abgelehnt|"
    # de: "Leider können wir diesen Kauf nicht erstatten", "… sind nicht erstattungsfähig"
    r"(?:k[öo]nnen|werden) wir (?:ihnen |dir )?(?:diesen|den|deinen|ihren|diese|die) (?:kauf|betrag|artikel|bestellung|zahlung)\w* (?:leider )?nicht (?:erstatten|zur[üu]ckerstatten)|nicht erstattungsf[äa]hig|resolvimos (?:tu|el) reclamo a favor del? (?:vendedor|comercio)|"
    r"заявк[аи] (?:на возврат )?отклонен|(?:в возврате|в компенсации) отказан|возврату не подлежит|talebin(?:iz)? reddedildi|"
    r"komplain(?:mu)? ditolak|pengajuan(?:mu)? ditolak|yêu cầu (?:của bạn )?(?:đã )?bị từ chối|ไม่ได้รับการอนุมัติ|คำขอถูกปฏิเสธ|"
    r"تم رفض|返品(?:は)?お受けできません|반품(?:이)?\s*불가|환불(?:이)?\s*불가|"
    # "la richiesta di rimborso non può essere accolta", "ne peut être acceptée", "kann nicht anerkannt werden"
    r"(?:richiesta|domanda|reclamo|recesso|reso)\b[^.\n]{0,40}?\bnon (?:pu[òo]|possono|potr[àa]) essere accolt[aoie]|non (?:possiamo|potremo) accogliere|"
    r"(?:demande|r[ée]clamation|requ[êe]te)\b[^.\n]{0,40}?\bne (?:peut|pourra) (?:pas )?[êe]tre (?:accept[ée]e|accord[ée]e|retenue)|"
    r"(?:antrag|reklamation|anfrage|widerruf)\b[^.\n]{0,40}?\bkann nicht (?:akzeptiert|anerkannt|angenommen|stattgegeben) werden|"
    r"keine (?:erstattung|r[üu]ckerstattung|entsch[äa]digung)\b[^.\n]{0,60}?\bgew[äa]hren|\bohne (?:erstattung|r[üu]ckerstattung) abgeschlossen|"
    r"(?:(?:kunnen|kan) (?:we|wij|ik)|(?:we|wij|ik) (?:kunnen|kan)) (?:je|uw) (?:garantieaanvraag|aanvraag|klacht|verzoek|retour(?:aanvraag)?|terugbetaling)\b[^.\n]{0,30}?\bniet (?:aanvaarden|accepteren|goedkeuren|toekennen|honoreren)|"
    r"(?:aanvraag|klacht|verzoek|retour)\w* (?:is|wordt) afgewezen|"
    r"(?:chius[ao]|risolt[ao]|decis[ao]|conclus[ao])\b[^.\n]{0,30}?\ba favore del venditore|(?:cerrad[ao]|resuelt[ao])\b[^.\n]{0,30}?\ba favor del vendedor|"
    r"(?:申請|申请|要求)\w{0,2}(?:不獲|不获|未獲|未获|不予)批准|"
    # "L'entreprise a considéré que ce signalement était infondé", "reclamo infondato", "claim unfounded"
    r"(?:signalement|r[ée]clamation|demande|plainte)\b[^.\n]{0,30}?\b(?:[ée]tait|est|a été jug[ée]e?) (?:infond[ée]e?|non fond[ée]e?)|"
    r"(?:reclamo|segnalazione|richiesta) (?:[èe] )?(?:infondat[oa]|non fondat[oa])|(?:claim|complaint) (?:was |is )?(?:unfounded|not upheld)|"  # "你的退款申請不獲批准"
    r"(?:仲裁|判定|处理|處理)结果\s*[:：]\s*(?:客服|平台)?(?:拒绝|驳回|不支持|不予支持)|(?:仲裁|判定|處理)結果\s*[:：]\s*(?:客服|平台)?(?:拒絕|駁回|不支持)|责任方\s*[:：]\s*买家|責任方\s*[:：]\s*買家|"
    r"(?:unable|not able|(?:were|was|are)n't able|(?:were|was|are) not able) to (?:authori[sz]e|approve|accept|process) (?:a |the |your )?(?:return|refund|exchange|claim)|"  # "we are unable to authorize a return"
    r"queda desestimad[ao]|ha sido desestimad[ao]|\bse desestima (?:la|su|tu|el) (?:reclamaci[óo]n|solicitud|demanda|pretensi[óo]n|recurso)|no podemos aceptar (?:el|la|su|tu) (?:cambio|devoluci[óo]n|reembolso|reclamaci[óo]n)|nicht stattgegeben|"
    r"(?:litige|r[ée]clamation|demande) (?:a [ée]t[ée] |est )?(?:rejet[ée]e?|refus[ée]e?)|(?:reclamo|contestazione|segnalazione|richiesta) (?:è stat[oa] )?respint[oa]|"
    r"non (?:possiamo|potremo|siamo in grado di) (?:concederti|concederle|accordarti|accordarle|emettere|effettuare|procedere (?:con|al)) (?:un |il |alcun )?rimborso|"
    r"处理结果\s*[:：]?\s*(?:驳回|不予支持|维持原|拒绝)|驳回|(?:评审|評審|判决|判決|判定|裁定|仲裁)[^。\n]{0,20}支持(?:卖家|賣家|商家)|"
    r"(?:判定)?(?:卖家|賣家|商家)无责|(?:判定)?(?:卖家|賣家|商家)無責|(?:交易)?款项将结算给卖家|(?:交易)?款項將(?:結算|撥付)給賣家|(?:卖家|賣家|商家)胜诉|(?:卖家|賣家|商家)勝訴|(?:买家|買家)(?:败诉|敗訴)|(?:你|您)的退款申请已关闭|(?:你|您)的退款申請已關閉|不予支持|拒绝(?:您的)?退款|不予退款|(?:恕|故)(?:無法|无法)[^，。\n]{0,10}?(?:或|及|與|与)?(?:退款|退換|退换|補發|补发)|无法(?:为您)?退款|不能(?:为您)?退款|拒絕退款|無法退款|"
    r"ne pouvons (?:donc )?pas (?:proc[ée]der au |vous )?rembours|refusons (?:le|votre) remboursement|"
    r"ne (?:pouvons|pourrons)(?: \w+){0,2} pas (?:accepter (?:ce|votre|le) (?:retour|[ée]change|remboursement)|proc[ée]der (?:au|à un) (?:remboursement|[ée]change))|"
    r"ne (?:pouvons|pourrons)(?: \w+){0,2}\s+(?:pas\s+)?donner\s+(?:une\s+)?suite\s+favorable|"  # "nous ne pouvons donner une suite favorable à votre demande"
    r"(?:ne sommes|n'est|ne pouvons)[^.\n]{0,20}?pas en mesure de\s+(?:vous\s+)?(?:proc[ée]der\s+(?:au|à un)\s+)?"
    r"(?:rembours|renvoy|rempla|[ée]chang|accept|nouvel envoi|accorder\s+(?:un|le|votre)\s+remboursement)|"
    r"(?:demande|r[ée]clamation)[^.\n]{0,40}(?:n'est|n'a) (?:donc )?pas (?:été )?retenue|"
    r"k[öo]nnen (?:wir )?(?:leider )?keine (?:erstattung|r[üu]ckerstattung)|no podemos (?:realizar el )?reembols|维持原处理结果|申诉失败|决定不予受理|不予立案|终止调解|调解终止|(?:申訴|申诉|投訴|投诉)(?:判定)?不成立|(?:棄單|弃单|檢舉|检举)不成立|(?:調解|调解)(?:不成立|失敗|失败|未成立)|終止調解|調解終止|(?:調停|调停|調解|调解)(?:未能|不)成功|conciliation (?:was |has been )?unsuccessful|"
    r"不符合(?:退貨|退货|退換貨|退换货|退款)(?:資格|资格)|(?:無法|无法)(?:核准|批准)(?:你|您)的(?:要求|申請|申请)|"
    r"不符合(?:退貨|退货|退換貨|退换货|退款)條件|不符合(?:退貨|退货|退換貨|退换货|退款)条件|恕(?:無法|无法)受理|pas en mesure d'y donner\s+(?:une\s+)?suite\s+favorable|ne\s+pas\s+pouvoir\s+donner\s+(?:une\s+)?suite\s+favorable|ne\s+pouvons\s+(?:donc\s+)?pas\s+donner\s+suite\s+[àa]\s+votre\s+demande|"
    r"in (?:the )?(?:seller|merchant|vendor|retailer|shop)(?:'s|s'|s)? favou?r|(?:has|have)n'?t been successful|(?:claim|dispute|appeal|request|case|complaint|application|chargeback)\b[^.\n]{0,30}?(?:was|is|has been) (?:not |un)successful|in favou?r of the (?:seller|merchant|vendor)|no refund will be (?:issued|made)|(?:claim|dispute|request|complaint|appeal)\b[^.\n]{0,30}?\b(?:has been |was |is )?(?:denied|rejected|declined)|"
    r"(?:declined|rejected|denied|refused) (?:your|the) (?:[\w-]+ ){0,2}?(?:request|claim|dispute|complaint|appeal)\b|"
    r"we regret to inform you that your (?:request|claim|application|return|exchange)[^.\n]{0,20}? (?:cannot|can't|could not|will not) be (?:accepted|approved|processed)|"
    r"we (?:are|were) unable to approve|(?:we're|we are|we were) unable to grant (?:your|the|this) (?:claim|request|refund|appeal)|"
    r"(?:unable|not able|(?:are|were)n't able) to reverse (?:the|this|your) (?:charge|transaction|payment)|company response\s*[:：]\s*closed with explanation|(?:dispute|claim|chargeback) (?:remains|will remain) closed|"
    r"(?:無法|无法)(?:為|为)?\s*(?:台端|您|你)?\s*(?:扣回|追回)(?:帳款|账款|款項|款项)|不符(?:合)?扣款(?:條件|条件)|"
    r"nous ne recommandons ni\b|le refus de l'entreprise\b[^.]{0,60}?\bnous para[îi]t fond[ée]|(?:payment|funds) (?:has|have) been released to the seller|item was (?:accurately|correctly|as) described|"
    r"(?:we're|we are|we were) (?:unfortunately )?unable to accept (?:them|it|this|the|your)\b[^.]{0,24}?\b(?:returns?|refunds?|exchanges?)\b|not eligible for a refund|decided against|(?:do|does|did) not uphold|not (?:been )?upheld|"
    r"unable to (?:\w+ ){1,4}?or (?:issue|offer|give|provide) (?:you )?(?:a |any )?(?:refund|replacement)|"
    r"(?:can(?:'|no)?t|cannot|unable to|won'?t|will not|not able to|(?:are|am|is)(?:n't| not) able to) (?:offer|issue|give|provide|approve|process|accept|send) "
    r"(?:you )?(?:a |any )?(?:full |partial |cash )?(?:refund|replacement|return)|"
    r"(?:unable to|not able to|cannot|can'?t|won'?t|will not) (?:replace|refund|exchange|reimburse|extend)\b(?! (?:it )?(?:until|before|once|after|unless))|(?:isn'?t|is not|not) covered by (?:our|the) warranty|"
    r"不予退款|无法退款|無法退款|不支持退款|不支持退货退款|不支持(?:退货|退換|退换)|不符合退款条件|婉拒|(?:申请|申請|售后|售後)[^。\n]{0,6}不予(?:处理|處理|受理)|不支持退换|不支持退換"
)
DECISION_PARTIAL = any_of(
    r"部分支持|部分退款|partial(?:ly)? (?:refund|upheld|approved|in your favou?r)|partial refund|refunded part of|"
    r"remboursement partiel|rembourser partiellement|rembourser \d{1,2} ?%|\d{1,2} ?% du montant|teilerstattung|teilweise (?:erstatt|zurück)|erstatten (?:dir|ihnen|euch) \d{1,3} ?%|\d{1,3} ?% des (?:kaufbetrags|kaufpreises|betrags)|(?:te|le) (?:reembolsamos|reembolsaremos) el \d{1,3} ?%|(?:ti|le) rimborsiamo il \d{1,3} ?%|rimborso parziale|"
    r"reembolso parcial|zwrot cz[ęe][śs]ciowy|gedeeltelijke terugbetaling"
)
DECISION_FOR = any_of(
    r"zu (?:deinen|ihren|euren) gunsten (?:entschieden|geschlossen|abgeschlossen)|en (?:votre|ta) faveur|a (?:tu|su) favor|a (?:tuo|suo|vostro) favore|"
    r"处理结果\s*[:：]?\s*(?:支持|同意)|(?<!不)支持您的(?:退款)?诉求|投诉成立|(?:判定|判决|裁定)?(?:买家|買家)(?:胜诉|勝訴)|"
    r"in your favou?r|(?:claim|dispute|complaint) (?:has been |was )?(?:approved|upheld|accepted(?! (?:for|into|by) )|resolved in your favou?r)|(?:claim|complaint|dispute) succeeds\b|closed with (?:monetary|non-monetary) relief"
    r"|\b(?:has|have) accepted your (?:dispute|claim|complaint|return request)\b"
)
# A shop's copy of what the user sent through its contact form: an acknowledgement when what was
# sent is a complaint ("Votre message a bien été envoyé … Message : … aucune expédition depuis 9 jours").
MESSAGE_SENT = any_of(
    r"votre message a (?:bien )?été (?:envoyé|transmis|reçu)|your message (?:has been|was) (?:sent|received|submitted)|"
    r"(?:ihre|deine) nachricht (?:wurde|ist) (?:erfolgreich )?(?:versendet|gesendet|übermittelt|eingegangen)|"
    r"(?:su|tu) mensaje (?:ha sido|se ha) (?:enviado|recibido)|il (?:tuo|suo) messaggio è stato (?:inviato|ricevuto)|"
    r"(?:您的|你的)?留言已(?:提交|送出|收到)|(?:您的|你的)?訊息已(?:送出|收到)"
)
# The platform confirms an escalation the buyer made in its app: "您已对订单X申请客服介入".
OWN_ESCALATION = (
    r"(?:您|你)已(?:对|就|對)?[^。\n，,]{0,40}?(?:申请|申請)(?:了)?(?:客服|平台|小二)介入"
    r"|(?:您|你)的[^。\n，,]{0,60}?已(?:申请|申請|提交)(?:了)?平台(?:仲裁|介入)"  # "您的售后单…（订单…）已申请平台仲裁"
    # a marketplace confirms the buyer asked it to step in: "Has pedido ayuda a eBay", "Hai chiesto a eBay di intervenire"
    r"|has pedido (?:ayuda|a \w+ que intervenga)|hai chiesto (?:aiuto|a \w+ di intervenire)|vous avez demand[ée] (?:l'aide|de l'aide|à \w+ d'intervenir)"
    r"|you(?:'ve| have) asked (?:\w+ )?(?:for help|us to step in|\w+ to step in)|sie haben \w+ um hilfe gebeten|poprosi[łl]e[śs] (?:o pomoc|\w+ o interwencj)"
)
# The platform confirms the buyer's own after-sales request: "你已对订单X发起退货退款申请，卖家需在24小时内处理".
OWN_REQUEST = r"(?:您|你)已(?:对|就|對)?[^。\n]{0,60}?(?:发起|提交|發起|提出)(?:了)?(?:[^。\n，,]{0,40}?的)?(?:退货退款|退貨退款|仅退款|僅退款|退款|退货|退貨|售后|售後|换货|換貨)(?:[/／、及和](?:退款|退货|退貨))?(?:申请|申請)"
ACK = any_of(
    # a conciliation body opens the case: "avvio del procedimento e convocazione delle parti", "ha tenido entrada"
    r"nous avons transmis votre (?:plainte|r[ée]clamation|dossier|demande) [àa] l'entreprise|"
    # a Colombian body's or desk's filing receipt: "su solicitud fue radicada", "Constancia de radicación"
    r"(?:solicitud|queja|reclamo|reclamaci[óo]n|denuncia|petici[óo]n|pqrsd?)\b[^.\n]{0,30}?(?:fue|ha sido|qued[óo]) radicad[ao]|constancia de radicaci[óo]n|"
    # the buyer's own after-sales request filed: "您的服务单1912573360已提交成功（…），京东售后将在48小时内完成审核"
    r"(?:服务单|服務單|售后申请|售後申請|退货申请|退貨申請|退款申请|退款申請|工单|工單)[^。\n]{0,24}?已提交成功|"
    # the platform confirms the buyer's complaint against the seller: "您已於 2026/07/16 10:05 對賣家 X 提出棄單投訴"
    r"(?:您|你)已(?:於|于)?[^。\n]{0,30}?(?:對|对)(?:賣家|卖家|商家|店家|商店)[^。\n]{0,30}?提出[^。\n]{0,6}?(?:投訴|投诉|申訴|申诉|檢舉|检举)|"
    # a complaint site confirms the buyer's own filing: "您发起的投诉「…」已提交成功，投诉编号…，平台审核中"
    r"(?:您|你)(?:发起|發起|提交|提出)的(?:投诉|投訴|申诉|申訴)[^。\n]{0,80}?已(?:提交成功|成功提交|受理|被受理)|"
    # the desk files the buyer's message as a ticket: "已为您登记售后工单 SH2026…，售后专员将在3个工作日内与您联系"
    r"已(?:经|經)?(?:为您|為您|替您|帮您|幫您)?(?:登记|登記|创建|創建|建立|提交|生成)(?:了)?(?:售后|售後|客服|投诉|投訴)?(?:工单|工單|服务单|服務單|售后单|售後單)|"
    # a Taiwan body's receipt and its mediation set: "調解申請收件通知 … 已送達受理機關", "訂於…召開調解會議"
    r"申請收件通知|已(?:送達|轉送|转送)(?:受理|主管)機關|召開調解會議|調解會議開會通知|召开调解会议|"
    # a mediator admits the case, its outcome still to come: "notification de recevabilité", "votre réclamation est recevable"
    r"notification de recevabilit[ée]|(?:r[ée]clamation|demande|dossier|saisine) (?:est|a été (?:jugée|déclarée)) recevable|"
    r"nous avons bien re[çc]u (?:ta|votre) (?:r[ée]clamation|demande de remboursement|signalement|plainte|litige)|"
    r"(?:您|你)的(?:問題|问题|來信|来信|意見|意见)已(?:經|经)?(?:收到|受理)|"
    r"已收到(?:你|您)(?:針對|针对)?[^。\n]{0,20}?(?:提出|提交)的(?:退款|退貨|退货)?(?:要求|申請|申请)|"
    # cs, ro, hu: "reklamaci jsme zaevidovali", "reclamația ta a fost înregistrată", "panaszát rögzítettük"
    r"(?:reklamaci|st[íi][žz]nost)\b[^.\n]{0,40}?\bjsme (?:zaevidovali|p[řr]ijali|obdr[žz]eli)|d[ěe]kujeme, [žz]e jste n[áa]m sv[ěe][řr]il[ai]? reklamaci|"
    r"(?:reclama[țt]ia|sesizarea|peti[țt]ia) (?:ta |dvs\.? |dumneavoastr[ăa] )?a fost (?:[îi]nregistrat[ăa]|primit[ăa])|"
    r"\bam [îi]nregistrat (?:solicitarea|reclama[țt]ia|sesizarea) (?:ta|dvs\.?)|"
    r"(?:panasz[áa]t|reklam[áa]ci[óo]j[áa]t|k[ée]relm[ée]t)\b[^.]{0,200}?(?:r[öo]gz[íi]tett[üu]k|megkaptuk|befogadtuk|nyilv[áa]ntart[áa]sba vett[üu]k)|"
    r"avvio del procedimento|(?:su|tu) solicitud(?: de arbitraje| de mediaci[óo]n)? ha tenido entrada|"
    r"决定受理|決定受理|予以受理|(?:系統|系统)已收件|申訴案件收件通知|(?:我們|我们)?已收到(?:您|你)的(?:提問|提问|問題|问题|來信|来信|查詢|查询|詢問|询问)|"  # a market regulator's acceptance decision (投诉受理决定告知): its own clock starts
    # a request the buyer opened, confirmed: "Has abierto una solicitud: artículo no recibido", "Hai aperto una richiesta"
    r"has abierto una (?:solicitud|disputa|reclamaci[óo]n)|rozpocz[ęe][łl](?:a[śs]|e[śs]) dyskusj[ęe] ze sprzedaj[ąa]cym|hai aperto una (?:richiesta|contestazione|controversia)|vous avez ouvert (?:une (?:demande|r[ée]clamation)|un litige)|"
    r"(?:sie haben|du hast) (?:einen antrag|eine anfrage|einen fall|eine reklamation)\b[^.\n]{0,80}?\b(?:er)?[öo]ffnet|"
    r"(?:sie haben|du hast) ein(?:en)? (?:problem|fall)\b[^.]{0,120}?\bgemeldet|"
    r"wir haben (?:ihren|deinen) (?:[\w-]*antrag|fall|widerspruch)\b[^.\n]{0,80}?\berhalten\b|otworzy[łl]e[śs] (?:dyskusj[ęe]|spór|zg[łl]oszenie)|"
    # nl: "Hierbij bevestigen we de ontvangst van je klacht", "We hebben je klacht doorgestuurd naar …"
    r"bevestigen (?:we|wij) (?:de )?ontvangst van (?:je|uw) (?:klacht|melding|verzoek)|(?:je|uw) klacht is (?:in goede orde )?ontvangen|"
    r"we hebben (?:je|uw) (?:klacht|geschil|claim) (?:ontvangen|doorgestuurd|in behandeling genomen)|(?:je|u) hebt een (?:geschil|claim) geopend|"
    # de: "vielen Dank für Ihren RMA-Antrag. Wir haben ihn erhalten", "Ihre Reklamation ist bei uns eingegangen"
    r"vielen dank f[üu]r (?:ihren|deinen) (?:rma-?antrag|reklamationsantrag|retourenantrag|garantieantrag|schlichtungsantrag|beschwerdeantrag|antrag auf)|vielen dank f[üu]r (?:ihre|deine) (?:meldung|beanstandung|umsatzbeanstandung|reklamation|beschwerde)|"
    r"(?:ihre|deine) (?:umsatz)?beanstandung\b[^.\n]{0,40}?\b(?:ist|wurde) (?:bei uns )?(?:eingegangen|erfasst|registriert)|"
    r"(?:ihre|deine) meldung\b[^.\n]{0,60}?\bist eingegangen|"
    r"(?:rma-?antrag|reklamation|beschwerde)\b[^.\n]{0,40}?\b(?:ist|wurde) (?:bei uns )?(?:eingegangen|erfasst|registriert)|"
    # a shop's own after-sales ticket: "您的工单已经创建成功,分配的工单号为：37"
    r"(?:您|你)已提交(?:售后|售後)(?:服务单|服務單|申请|申請)|工单(?:已经|已)?创建成功|工單(?:已經|已)?(?:建立|創建)成功|工单创建成功|"
    # it: "le confermiamo di aver ricevuto … la sua contestazione", "abbiamo ricevuto il tuo reclamo"
    r"(?:il tuo|la tua|il suo|la sua) (?:reclamo|segnalazione|contestazione)(?: n\.?\s*[\w-]*\d[\w-]*)? [èe] stat[oa] (?:inviat[oa]|inoltrat[oa]|trasmess[oa]|registrat[oa]|ricevut[oa])|"
    r"(?:le |ti )?confermiamo (?:di aver ricevuto|la ricezione)|abbiamo ricevuto (?:il|la) (?:sua|tua|vostra) (?:reclamo|segnalazione|contestazione|richiesta|pratica)|"
    # a pay-later service holds the instalments while the buyer's problem is open: the dispute is taken on
    r"we(?:'ve| have) paused (?:your|the) (?:payments?|payment plan|repayments?)\b|your payments are (?:now )?paused|"
    r"abbiamo sospeso (?:temporaneamente )?le (?:tue )?rate|nous avons suspendu (?:vos|les) (?:paiements|[ée]ch[ée]ances|pr[ée]l[èe]vements)|"
    r"wir haben (?:ihre|deine) (?:zahlungen|raten) pausiert|hemos pausado (?:tus|sus) pagos|"
    # a marketplace's notice of the buyer's own dispute: "you've raised an issue in the Resolution Centre"
    r"you(?:'ve| have) (?:raised|opened|reported|filed|submitted) (?:an? )?(?:issue|case|dispute|claim)\b|"
    # the buyer pressed "I have a problem" in the app: "Tu as signalé un problème avec ta commande"
    r"(?:tu as|vous avez) signal[ée] un probl[èe]me|hai segnalato un problema|(?:has|ha) (?:informado de|reportado|notificado) un problema|"
    r"(?:du hast|sie haben) ein problem (?:gemeldet|angegeben)|zg[łl]osi[łl](?:e[śs]|a[śs]) problem|"
    # an outside body takes the case on: "accepted for our dispute assistance service and allocated to a conciliation officer"
    r"(?:complaint|case|enquiry|dispute) has been (?:accepted (?:for|into)|allocated to|assigned to|referred to)\b|"
    r"(?:ihre|deine) r[üu]ckgabeanfrage wurde an (?:den|die) \w+ gesendet|(?:sie haben|du hast) uns gebeten, uns (?:ihre|deine) \w+ anzusehen|"
    r"(?:haben|hat) (?:ihre|deine) (?:anfrage|beschwerde|meldung|reklamation) an (?:den|die) (?:verk[äa]ufer|h[äa]ndler)\w* weitergeleitet|"
    r"(?:sie haben|du hast) uns mitgeteilt, dass|(?:vous nous avez|vous avez) demand[ée] (?:à \w+ )?d'intervenir|"
    # a body passes the complaint on ("已分送至…处理", "已直接转送该企业"): news of the case, no answer
    r"已分配(?:给|給)(?:商家|商户|商戶|企业|企業)|(?:投诉|投訴)已通过审核|"
    r"(?<!賣家)(?<!卖家)已(?:直接)?(?:分送|转送|移交|转交|转办|轉送|轉交|轉辦|轉給|轉至|(?:转|轉)(?=相关|相關|专人|專人|专责|專責|负责|負責))(?:至|给|給|到)?|"
    r"(?:將|将)(?:本案|本件|此案|該案|该案)(?:移請|移请|移送|移文|轉請|转请|函轉|函转)|(?:逕復|径复)(?:台端|您)|"
    r"(?:お問い合わせ|ご相談|ご申告|お申し込み|ご依頼)を受け付けました|受け?付けいたしました|相談[^。\n]{0,12}受付のお知らせ|"
    r"(?:상담|민원|문의|조정|반품|환불|피해구제|분쟁조정)\s*(?:신청)?\s*(?:건)?(?:이|가)?\s*(?:아래와 같이\s*)?(?:정상적으로\s*)?접수되었습니다|"
    r"(?:laporan|pengaduan|keluhan|pengajuan|aduan) (?:kamu|anda|mu) (?:sudah|telah) (?:kami )?(?:terima|diterima)|"
    r"grievance (?:has been )?(?:registered|received|lodged)|(?:[şs]ikayetin|ba[şs]vurun(?:uz)?) (?:al[ıi]nm[ıi][şs]t[ıi]r|yay[ıi]nland[ıi]|iletildi|kaydedildi)|"
    r"vi har (?:tagit emot|mottagit) (?:din|ditt) (?:anm[äa]lan|reklamation|[äa]rende|klagom[åa]l)|vi har mottatt (?:din )?(?:klage|henvendelse|reklamasjon)|"
    r"vi har modtaget (?:din )?(?:klage|henvendelse|reklamation)|kvittering for modtagelse|modtagelse af (?:din )?klage|olemme vastaanottaneet (?:valituksesi|reklamaatiosi|asiasi)|"
    r"p[řr]ijali jsme (?:va[šs]i )?(?:st[íi][žz]nost|reklamaci)|reclama[çc][ãa]o (?:foi )?(?:registrada|recebida|publicada)|recebemos (?:a )?(?:sua|tua) (?:reclama[çc][ãa]o|contesta[çc][ãa]o|solicita[çc][ãa]o|disputa|den[úu]ncia)|"
    # "宽带新装订单受理通知", "订单已支付成功并受理": an order taken on, no complaint
    r"(?<!订单)(?<!訂單)(?<!并)(?<!並)已受理|(?<!订单)(?<!訂單)受理通知|(?:售后|售後)受理|已收到(?:售后|售後)申(?:请|請)|投诉已收到|(?:已)?投(?:诉|訴)成功|已收到\s*(?:閣下|阁下|您|你).{0,60}?(?:提出|提交)?的(?:爭議申請|争议申请|爭議|争议|申請|申请|投訴|投诉)|"
    r"acknowledge receipt of your (?:complaint|claim|case|dispute)|has abierto una disputa|hemos enviado tu disputa|"
    r"vous avez signal[ée] un probl[èe]me|nous avons pr[ée]venu le vendeur|wir haben den verk[äa]ufer informiert|"
    r"abbiamo (?:informato|avvisato) il venditore|hai aperto una (?:contestazione|controversia)|"
    r"conferma(?:to)? di aver ricevuto|abbiamo ricevuto la (?:sua|tua) (?:domanda|richiesta|segnalazione|reclamo)|"
    r"(?:su|tu) (?:queja|reclamaci[óo]n|denuncia|solicitud) (?:ha sido|fue) (?:registrada|recibida|ingresada|radicada)|"
    r"(?:su|tu) (?:reclamo|queja|denuncia)\b[^.]{0,120}?\bfue (?:asignad[oa]|derivad[oa]|remitid[oa]|trasladad[oa])|"
    r"hemos recibido (?:su|tu) (?:reclamaci[óo]n|reclamo|queja|solicitud)|hemos registrado (?:su|tu) (?:incidencia|reclamaci[óo]n|queja|solicitud|consulta)|acusamos recibo|(?:su|tu) reclamo (?:fue|ha sido) (?:ingresado|registrado|recibido)|"
    r"(?:enviamos|encaminhamos) (?:a )?sua (?:solicita[çc][ãa]o|reclama[çc][ãa]o|disputa)|solicita[çc][ãa]o de reembolso enviada|"
    r"est[áa] analisando (?:a |sua )?(?:disputa|reclama[çc][ãa]o|solicita[çc][ãa]o|caso)|"
    r"(?:a )?(?:sua|tua) reclama[çc][ãa]o foi (?:enviada|registrada|recebida|publicada)|reclama[çc][ãa]o (?:enviada|registrada|publicada) com sucesso|"
    r"constancia de (?:tu |su )?(?:hoja de )?(?:reclamaci[óo]n|reclamo|queja)|hoja de reclamaci[óo]n(?: virtual)? n[°º.]|"
    r"(?:abriste|iniciaste) (?:un reclamo|una disputa|una reclamaci[óo]n)|recibimos tu (?:pedido de ayuda|solicitud|reclamo|consulta)|"
    r"(?:avons )?bien enregistr[ée] (?:[^\n]{0,50}? )?votre (?:d[ée]claration|r[ée]clamation|demande|dossier|saisine|contestation)|(?:reclamaci[óo]n|queja|solicitud) ha quedado registrada|(?:wir haben )?(?:deinen?|ihren?) (?:problemmeldung|meldung|beschwerde|reklamation|anfrage|antrag(?: auf k[äa]uferschutz)?|widerspruch) erhalten|(?:ihr|dein) (?:\w+)?antrag\b[^.\n]{0,80}?\bist\b[^.\n]{0,40}?(?:bei uns )?eingegangen|wir haben (?:ihren|deinen) (?:\w+)?antrag\b[^.\n]{0,60}?\b(?:übermittelt|weitergeleitet)|otrzymali[śs]my (?:tw[óo]j|twoj[ąe]|pa[ńn]stwa) (?:wniosek|zg[łl]oszenie|reklamacj[ęe]|skarg[ęe]|wiadomo[śs][ćc])|(?:zg[łl]oszenie|reklamacja|wniosek|skarga)(?: reklamacyjne)?\b[^.\n]{0,40}?zosta[łl][oa]? (?:zarejestrowan[ea]|przyj[ęe]t[aey])|reklamacja przyj[ęe]ta|"
    r"(?:客服|平台|小二)已介入|已由(?:平台)?(?:客服|小二)?介入|(?:升级|升級)(?:为|為)?(?:平台)?(?:客服|平台|小二)介入|已申请(?:客服|平台|小二)介入|已收到您的(?:投诉|工单|申请|反馈|留言|邮件)|已收到(?:您|你)的[^。\n]{1,6}(?:申请|申請)|完成登记|登记回执|已登记|工单已创建|"
    r"(?:ticket|request|case|dispute|inquiry|enquiry|complaint)\b.{0,40}(?:has been |was |is )?(?:opened|created|received|logged|filed|registered)|"
    r"thank you for (?:(?:submitting|lodging|filing|making) )?(?:your |an? )?(?:online )?(?:complaint|claim|case)\b|"
    r"opened (?:ticket|case)|we(?:'ve| have) (?:received|logged|got) your (?:message|request|email|inquiry|enquiry|dispute)|"
    r"thanks? (?:you )?for (?:your inquiry|your enquiry|contacting|getting in touch|reaching out)|\(opened\)|auto-?reply|automatic reply|"
    r"request received|has reached us|filed as ticket|"
    r"(?:you|we)(?:'ve| have)? (?:opened|filed|submitted|started|escalated|received) (?:a|your|the) (?:dispute|claim|case|complaint|chargeback)|"
    r"(?:dispute|claim|chargeback) (?:is|has been) (?:open|opened|filed|received|under review)|"
    r"we(?:'ve| have)? (?:received|logged|opened|registered) your [\w\-’' ]{0,40}?(?:claim|dispute|case|request|complaint|report about)|"
    r"you (?:reported|told us|let us know) that (?:you )?(?:haven'?t|have not|did not|didn'?t) (?:received|get|got)|"
    r"you have reported [\"“']?(?:did not receive|item not received|not as described)|"
    r"(?:case|issue|dispute|claim) (?:has been |was )?escalated to|"
    r"we(?:'ve| have)? (?:sent|forwarded|passed) your (?:[\w-]+ ){0,2}?(?:request|claim|complaint|message)\b[^.\n]{0,60}?\bto\b|"
    # a platform steps in: "Thanks for asking us to step in. Your return request is now a case"
    r"(?:asking|asked) us to (?:step in|get involved|help)|(?:request|claim|return) is now a case|"
    r"(?:asked|told) the (?:seller|merchant) to respond|the (?:seller|merchant) has until .{3,40}? to respond|"
    r"(?:投诉|投訴|申诉|申訴|工单|工單|介入申请|维权申请|售后申请|售後申請|退款申请|退款申請|退货申请|退貨申請)(?:[（(][^）)\n]{0,30}[）)])?(?:已|已经)?(?:成功)?提交(?:成功)?|已成功提交(?:投诉|投訴|申诉|工单)|"
    # the platform confirms the buyer's own step: "您已对订单X申请客服介入", "您对订单X的投诉（原因：…）已提交"
    + OWN_ESCALATION
    + r"|"
    + OWN_REQUEST
    + r"|"
    r"(?:寄回|退回)的(?:退货|退貨)?商品[^。\n]{0,40}已签收|签收入仓|"
    r"投訴已受理|已收到您的投訴|自动回复|自動回覆|(?:您的|你的)(?:邮件|郵件|来信|來信|留言|反馈|反饋|申请|申請)(?:我们|我們)?已(?:经|經)?收到|"
    r"(?:vielen )?dank f[üu]r (?:ihre|deine) (?:\w+)?(?:reklamation|beschwerde)|(?:die|ihre) (?:\w+)?reklamation an [^.\n]{0,60}weitergeleitet|"
    r"automatische (?:eingangsbestätigung|antwort)|(?:ihre|deine) (?:anfrage|nachricht) ist (?:bei uns )?(?:eingegangen|angekommen)|"
    r"nous avons (?:bien )?re[çc]u votre signalement|(?:votre )?signalement\b[^.\n]{0,60}?a (?:bien )?été (?:transmis|re[çc]u|enregistr[ée])|"
    r"accusé de réception|accusons r[ée]ception|réponse automatique|nous avons (?:bien )?reçu votre (?:message|demande)|"
    r"risposta automatica|abbiamo ricevuto la tua (?:richiesta|email)|respuesta automática|hemos recibido tu (?:mensaje|solicitud)|"
    r"(?:we|wij) (?:je|uw) (?:vraag|bericht|e-?mail) hebben ontvangen|dit is een automatisch bericht|"
    r"(?:wij|we) hebben (?:uw|je) (?:klacht|melding|verzoek|aanvraag)[^.\n]{0,40}?(?:geregistreerd|ontvangen|in behandeling genomen)|bevestiging (?:van )?(?:de |uw )?registratie|"
    r"заявка (?:на возврат )?(?:отправлена|передана) продавцу|(?:ваша |ваше )?(?:заявка|претензия|жалоба|обращение|звернення|скарга|претензія) (?:принят[аоы]|зарегистрирован[аоы]|получен[аоы]|отправлен[аоы]|прийнят[аоі]|зареєстрован[аоі])|"
    r"мы получили ваш[уеи]? (?:заявку|претензию|обращение|жалобу)|ми отримали ваш[уеі]? (?:заявку|претензію|звернення|скаргу)|"
    r"przyj[ęe]li[śs]my (?:twoje|pa[ńn]stwa|twoj[ąa]) (?:zg[łl]oszenie|reklamacj[ęe]|skarg[ęe])|dzi[ęe]kujemy za zg[łl]oszenie|"
    r"automatyczna odpowied[źz]|otrzymali[śs]my (?:twoj[ąa]|pa[ńn]stwa) wiadomo[śs][ćc]|automatisch antwoord|we hebben je (?:bericht|vraag) ontvangen"
)
APPEAL_WORDS = any_of(r"二次申诉|申诉|复核|复议|\bappeal\b|reconsider|review (?:the|this) decision")
EVIDENCE_WORDS = any_of(
    r"补充凭证|补充材料|补充证据|按要求补充|见附件|截图如下|as requested|screenshots? (?:are |is )?attached|attached (?:are|is) (?:the|my|some|(?:the )?(?:screenshots?|photos?|pictures?|images?|copies|documents?))\b|here (?:are|is) the (?:screenshots?|evidence|photos?)|"
    # "anbei die angeforderten Fotos", "ci-joint les photos demandées", "in allegato le foto", "adjunto las fotos"
    r"anbei (?:die|meine|das|den) (?:angeforderten |gew[üu]nschten )?(?:fotos|bilder|unterlagen|belege|nachweise|screenshots?)|"
    r"ci-joint(?:es)? (?:les|mes) (?:photos|captures|justificatifs|pi[èe]ces)|in allegato (?:le|trova(?:te)? le) (?:foto|immagini|ricevute)|adjunto (?:las|los) (?:fotos|capturas|comprobantes)"
)


# The buyer's own account, restated under its label up to the next blank line ("Relato: … prazo de até 8
# dias úteis …"): its times are the shop's broken promise, never the desk's handling time.
ACCOUNT_BLOCK = guarded(
    r"^[ \t]*(?:relato|descri[çc][ãa]o|detalle|descripci[óo]n|your (?:complaint|description|summary|message)|complaint details|votre message|"
    r"(?:您的|你的)?(?:投诉|投訴)(?:内容|內容|描述)|问题描述|問題描述)[^\n:：]{0,30}[:：][\s\S]*?(?:\n[ \t]*\n|\Z)",
    re.I | re.M,
)


def without_account(text: str) -> str:
    return ACCOUNT_BLOCK.sub("\n", text)


# What a person at the desk did, told in a reply: an answer, whatever courtesy it opens with
# ("Thanks for getting in touch … I've lodged an investigation with the carrier").
AGENT_ACTED = any_of(
    r"\bI(?:'ve| have) (?:just )?(?:checked|looked (?:into|at your)|lodged|raised|escalated|contacted|reached out to|spoken|investigated|"
    r"reviewed|arranged|organised|organized|processed|issued|requested|asked (?:the|our)|given (?:the|them|ups|usps|fedex|dhl|the courier)|"
    r"opened (?:a|an) (?:trace|investigation|claim|case with)|filed (?:a|an) (?:claim|trace|investigation))\b|"
    # the same told in the simple past: "I contacted UPS this morning", "I called the warehouse"
    r"\bI (?:contacted|called|phoned|emailed|e-mailed|spoke (?:to|with)|reached out to|checked with|chased)\s+(?:the |our |your )?(?:carrier|courier|warehouse|seller|shop|store|ups|usps|fedex|dhl|dpd|gls|evri|royal mail|post office|team)\b|"
    r"\bwe(?:'ve| have) (?:checked|looked into|lodged|investigated|contacted the (?:carrier|courier|seller|warehouse))\b|"
    # an adviser's own step, in the first person: "je l'ai transmise ce jour à notre service Monétique"
    r"\bje l'ai (?:transmise?|envoy[ée]e?|fait suivre)\b|\bj'ai (?:transmis|contact[ée]|relanc[ée]|saisi|ouvert un dossier)\b|"
    r"\bich habe (?:ihre|deine) (?:anfrage|beanstandung|reklamation|beschwerde) (?:an|weitergeleitet)|\bl'ho (?:inoltrat[ao]|trasmess[ao])\b|"
    r"\b(?:la|lo) he (?:trasladado|enviado|remitido)\b|\bik heb (?:je|uw) (?:klacht|vraag|melding) doorgestuurd\b"
)


# A platform hands the complaint to the seller with a clock ("I've added the owner of X to this
# conversation. As the seller, they have 3 days to respond"): the complaint waits on, now on the seller.
SELLER_CLOCK = any_of(
    r"\b(?:seller|merchant|store|shop|vendor|owner|creator)s?\b[^.\n]{0,40}?\b(?:has|have|gets|get|will have|is given|are given)\s+"
    r"(?:up to\s+)?\d{1,3}\s+(?:business |working |calendar )?(?:days?|hours?)\s+to\s+(?:respond|reply|answer|get back)\b"
)


# A consumer office, tribunal or court writes from its state's domain: an outside body.
GOVERNMENT_ADDRESS = guarded(
    r"[.@](?:gov(?:\.[a-z]{2})?|gob\.[a-z]{2}|go\.(?:kr|jp|id|th|ke|tz|ug)|lg\.jp|govt\.nz|gc\.ca|gouv\.(?:fr|qc\.ca)|gv\.at|admin\.ch)>?$",
    re.I,
)


# A desk's notice that only closes, solves or merges the ticket: news of the ticket, no answer to it.
TICKET_CLOSED = guarded(
    r"(?:ticket|request|case|anfrage|demande|richiesta|solicitud|verzoek|zg[łl]oszenie)\b[^.\n]{0,80}?"
    r"(?:(?:is|has been|was|wurde|est|a [ée]t[ée]|è stato|è stata|ha sido|fue|werd|zosta[łl]o)\s+)?"
    r"(?:gesloten|closed|solved|resolved|marked as (?:solved|resolved|closed)|geschlossen|gel[öo]st|ferm[ée]e?|r[ée]solue?|chius[oa]|risolt[oa]|"
    r"cerrad[oa]|resuelt[oa]|opgelost|zamkni[ęe]te|merged|fusionn[ée]e?|zusammengef[üu]hrt)\b",
    re.I,
)


# The buyer's own account that the goods came ("it arrived on Thursday 6 August", "geliefert am
# 19.09.2026", "收到货后发现"): a complaint about what arrived, so the delivery is done.
BUYER_RECEIVED = any_of(
    r"\b(?:it|they|the (?:item|items|parcel|package|order|goods|product|box|machine|device|phone|shoes|jacket|dress)) (?:arrived|was delivered|were delivered|came)\b(?! late\b)|"
    r"\bI (?:received|got) (?:the|my) (?:order|item|items|parcel|package|delivery|goods)\b|\b(?:since|when|after) (?:it|they) arrived\b|"
    r"\bgeliefert am\b|\berhalten am\b|\b(?:ist|sind|wurde|wurden) (?:am \S+ )?(?:angekommen|eingetroffen|geliefert)\b|"
    r"\b(?:j'ai|nous avons) (?:bien )?re[çc]u (?:le \d[^,.\n]{0,16} )?(?:la|le|ma|mon|mes|les) (?!(?:e-?mail|courriel|message|sms|confirmation|remboursement|avis|notification|r[ée]ponse)\b)|"
    r"(?<!être )(?<!etre )\blivr[ée]e?s? (?:le|hier|ce matin|avant-hier)\b|\bre[çc]ue? le \d|"
    r"收到(?:货|貨|商品|快递|快遞|包裹)(?:后|後|时|時)|(?:已经|已經|已)(?:收到|签收|簽收)(?:了)?(?:货|貨|商品|包裹|快递|快遞)|收到的(?:商品|货|貨)|拆开|拆開|到货后|到貨後|签收后|簽收後"
)
# ... unless the account is that nothing came: "it says delivered but I never got it".
BUYER_NOT_RECEIVED = any_of(
    r"\bnever (?:got|received|arrived|came)|(?:not|n't|never) (?:yet )?(?:received|arrived|got|come)\b|marked (?:as )?delivered|"
    r"未收到|没收到|沒收到|没有收到|沒有收到|尚未收到|显示(?:已)?签收|顯示(?:已)?簽收|"
    r"\bnicht (?:erhalten|angekommen|geliefert)|\bnie (?:erhalten|angekommen)|\bpas (?:re[çc]u|[ée]t[ée] livr)|jamais (?:re[çc]u|arriv)|rien re[çc]u|\bnon re[çc]u|\bnon livr"
)
