"""Who writes: complaint bodies and other outside bodies, courts and lawyers, platforms' dispute
desks, help desks' senders. Kept apart from `talk_cues` (what the conversation says) to keep each
readable; `cues` re-exports every name, so families keep reading `cues.OUTSIDE_WORDS`.
"""

from __future__ import annotations

import re

from orderwatch.parsers.base import any_of
from orderwatch.parsers.guarded import guarded

OUTSIDE_WORDS = any_of(
    r"(?<!\d)(?:12315|12345)(?!\d)|政务服务|消费者协会|消协|市场监督|市场监管|黑猫投诉|聚投诉|电诉宝|消费保|工商|消费维权|人民法院|消费投诉|"
    r"consumer (?:protection|association|council|affairs|ombudsman)|trading standards|better business bureau|\bBBB\b|attorney general|small claims|"
    r"\bOMIC\b|m[ée]diat(?:eur|ion) de (?:la )?consommation|m[ée]diateur du e-commerce|\bFEVAD\b|\bCM2C\b|conciliateurs? de justice|informaci[óo]n al consumidor|instituto (?:municipal )?de consumo|signal ?conso|dgccrf|m[ée]diateur de la consommation|"
    r"verbraucherzentrale|schlichtungsstelle|consumentenbond|geschillencommissie|citizens advice|financial ombudsman|\bCFPB\b|"
    r"retail ?adr|consumer dispute resolution|"
    r"(?<!\d)1372(?!\d)|소비자상담센터|한국소비자원|전자거래분쟁조정|消費生活センター|国民生活センター|"
    r"rzecznik(?:a|iem)? (?:praw )?konsument|\bUOKiK\b|national consumer helpline|consumer helpline|e-?daakhil|consumer (?:disputes )?commission|"
    r"t[üu]ketici hakem heyeti|ticaret bakanl[ıi][ğg][ıi]|\bT[ÜU]B[İI]S\b|[şs]ikayetvar|"
    r"allm[äa]nna reklamationsn[äa]mnden|\bARN\b|forbrukerr[åa]det|forbrukertilsynet|n[æa]vnenes hus|forbrugerklagen[æa]vnet|"
    r"kuluttajariitalautakunta|kilpailu- ja kuluttajavirasto|\bKKV\b|[čc]esk[áa] obchodn[íi] inspekce|\b[ČC]OI\b|\bANPC\b|"
    r"reclame ?aqui|consumidor\.gov\.br|\bPROCON\b|\bPROFECO\b|concilianet|\bSERNAC\b|(?-i:\bDECO\b)|deco ?proteste|livro de reclama[çc][õo]es|"
    r"роспотребнадзор|защиты прав потребителей|держпродспоживслужб|захисту прав споживачів|"
    r"\bCOPREC\b|ventanilla [úu]nica federal|defensa del? (?:las y los )?consumidor(?:es)?|\bINDECOPI\b|superintendencia de industria y comercio|"
    r"disputes tribunal|\bNCAT\b|\bVCAT\b|fair trading|\bACCC\b|competition and consumer protection commission|\bCCPC\b|"
    r"office de la protection du consommateur|parle consommation|fair trade enforcement bureau|department of trade and industry|"
    r"消費者委員會|消委會|消保會|消保官|消基會|消費者保護(?!法)|"  # never the Act a buyer cites ("依消費者保護法")
    # arbitration and cross-border centres: "Junta Arbitral de Consumo", "Centre Européen des Consommateurs"
    r"juntas? arbitral(?:es)? de consumo|(?:sistema )?arbitra(?:l|je) de consumo|european consumer cent(?:re|er)|\bECC[- ]?Net\b|"
    r"centre europ[ée]en des consommateurs|\bCEC France\b|centro europeo (?:dei |del )?consum(?:atori|idor)|europ[äa]isches verbraucherzentrum|"
    # a French consumer mediator: "AME Conso <…@mediationconso-ame.com>", "demande de médiation", "Le médiateur"
    r"@[\w.-]*m[ée]diat|m[ée]diateur|demande de m[ée]diation|saisine (?:du|de la) m[ée]diat|"
    r"ombuds(?:stelle|man|mann|person|frau)|service de m[ée]diation|"
    r"conciliaweb|\bco\.?re\.?com\b|universalschlichtungsstelle|test[- ]?(?:aankoop|achats)|organizaci[óo]n de consumidores|m[ée]diation pour le consommateur|consumentenombudsdienst|b[ée]k[ée]ltet[őo] test[üu]let|\bANPC\b|protec[țt]ia consumator(?:ului|ilor)|[čc]esk[áa] obchodn[íi] inspekce"
)
LEGAL_WORDS = any_of(r"人民法院|起诉|诉讼|律师函|court|lawsuit|attorney|solicitor")
PLATFORM_WORDS = any_of(
    r"平台|卡盟|商城客服|客服中心|投诉中心|纠纷|仲裁|介入|"
    r"marketplace|buyer protection|resolution (?:center|centre)|platform|a-to-z|guarantee claim"
)
DESK_SENDER = any_of(
    r"投诉|客服|维权|服务中心|工单|售后|纠纷|仲裁|support|help|care|service|resolution|dispute|claims?|chargebacks?|ticket|desk|zendesk|freshdesk|zammad|"
    r"assistenza|soporte|atenci[óo]n al cliente|kundenservice|kundendienst|klantenservice|servizio clienti|service client"
)

# The trader an outside body's case is against, on its own labelled line: "被投诉方：杭州白鲸网络科技
# 有限公司（白鲸发卡）", "Antragsgegnerin: Polsterwerk Ahrens GmbH", "Respondent: …"
RESPONDENT = guarded(
    r"^[ \t]*(?:被投诉方|被投诉人|被投诉单位|被投诉企业|被投訴方|被投訴人|被申请人|被申請人|antragsgegner(?:in)?|respondent|"
    r"trader(?: name)?|professionnel (?:mis en cause|concern[ée])|entreprise (?:mise en cause|concern[ée]e)|empresa reclamada|"
    r"parte reclamata|przedsi[ęe]biorca)[ \t]*[:：][ \t]*(\S.{1,80})$",
    re.I | re.M,
)
