"""The words that say the goods reached the buyer without a carrier's "delivered": a receipt written
after the delivery, a till's e-receipt, digital goods handed over in the mail or ready in a library.

Read as cues.X, like the other cue lists; split from cues.py to keep each vocabulary short.
"""

from __future__ import annotations

from orderwatch.parsers.base import any_of

# A receipt written after the delivery: it confirms the order and reports it delivered at once.
DELIVERED_RECEIPT = any_of(
    r"(?:order|items?|groceries|shopping) we delivered (?:today|this (?:morning|afternoon|evening))|"
    r"receipt for (?:today's|your) (?:\w+ )?delivery|\bwas delivered (?:at|on) \d|"
    # a delivery app's e-receipt: "Diantarkan 14 November 2026 pukul 19:31", "Delivered on 14 November 2026 at 13:47"
    r"(?:^|\n)[ \t]*(?:diantarkan|delivered on)\s+\d{1,2}\s+\w+\s+\d{4}|your delivery (?:has been|was) completed|"
    # a delivery app's e-receipt: "Hope you enjoyed your GrabMart order!" over "Your order has been delivered."
    r"hope you enjoyed your [\w ]{0,20}?(?:order|meal|food|groceries)\b[\s\S]{0,400}?\byour order (?:has been|was) delivered\b|"
    # a till's e-receipt: the goods left the shop with the buyer ("Use this just like you would a paper
    # receipt", "Store # 2253  Terminal # 28")
    r"just like (?:you would )?a paper receipt|\bstore\s*#\s*:?\s*\d{1,6}\s+(?:terminal|register|reg|lane)\s*#|"
    # a food or grocery receipt sent after the delivery: "wurde um 19:41 zugestellt", "a été livrée à 20:12"
    r"wurde um \d{1,2}[:.]\d{2}(?: uhr)? (?:zugestellt|geliefert)|a [ée]t[ée] livr[ée]e? à \d{1,2}[h:]\d{2}|fue entregad[oa] a las \d|is om \d{1,2}[:.]\d{2} bezorgd|(?:delivered|geliefert|livr[ée]e?s?) ?/ ?(?:ordered|bestellt|command[ée]e?s?)"
)
# Part of an order arrived: "1 item arrived", "Other items in this order … Preparing to ship".
DELIVERED_VIRTUAL = any_of(
    # id: "Top up Anda telah berhasil dan item sudah dikirim ke akun game Anda", "Gunakan Serial dan PIN di atas"
    r"\btop ?up anda (?:telah|sudah) berhasil\b|\bitem (?:sudah|telah) dikirim ke akun\b|\bgunakan (?:kode )?serial dan pin\b|"
    # a digital download handed over now: "Use the button below to download your files", "Download: https://…"
    r"(?:use|click|tap) (?:on )?the (?:button|link)(?:\(?s\)?)? below to download (?:your|the) (?:files?|purchase|products?|items?|e-?books?)|"
    r"download your (?:files?|purchase|products?|e-?books?) (?:here|now|below)|here(?:'s| is| are) (?:your|the) download links?|"
    # "Your files are ready. Download them from your order page"
    r"your (?:files?|downloads?|download links?) (?:is|are) (?:now )?ready\b|download (?:them|it|your files?) (?:from|on|at) (?:your|the) (?:order|download) page|"
    # an audiobook or e-book in the buyer's library: "Your next listen is ready" over "Visit library"
    r"your next (?:listen|read|audiobook|e-?book) is ready|(?:has been |was )?added to your (?:audible |kindle )?library|"
    r"(?:^|\n)\s*(?:download|t[ée]l[ée]chargement|herunterladen|下载|下載)\s*[:：]\s*https?://|"
    # a membership or service renewed or opened: "专业版服务已续期", "服务有效期至：2027-05-02", "Your subscription is active"
    r"your (?:[\w+]+ ){0,2}?(?:subscription|membership|plan) is (?:now )?active\b|"
    r"(?:服务|服務|会员|會員|权益|權益)已(?:续期|續期|开通|開通|生效)|(?:服务|服務|会员|會員)有效期(?:至|延长至|延長至)\s*[:：]?\s*\d|"
    # tickets issued: "Your tickets are in the DICE app", "Vous trouverez votre billet en pièce jointe"
    r"your (?:e-?)?tickets? (?:is|are) (?:now )?(?:in|stored in|ready in|waiting in) (?:the|your) [\w ]{0,20}?app\b|"
    r"(?:trouverez|trouvez) (?:votre|vos)(?: \d+)? (?:e-?)?(?:billets?|tickets?) (?:en|dans la|dans les) pi[èe]ces? jointes?|(?:votre|vos) e-?billets? (?:est|sont) (?:en )?pi[èe]ces? jointes?|(?:votre|vos) (?:e-?)?billets? (?:est|sont) joints? [àa] (?:cet|ce) (?:e-?mail|courriel|message)|"
    r"(?:ihre|deine) (?:e-?)?tickets? (?:finden sie|findest du|sind) (?:im|in der) anhang|your (?:e-?)?tickets? (?:is|are) attached|"
    # a ticket to load now: "können Sie Ihr Handy-Ticket über folgenden Link herunterladen" (not "ab dem 1. Mai")
    r"(?:können sie|kannst du) (?:ihr|dein)e? (?:handy-|online-|e-)?tickets? (?:(?! ab )[^.]){0,60}?(?:herunterladen|abrufen)\b|"
    # a gift card's number and PIN in the mail, or the eGift delivered: "Card number: 6338 4501 … PIN: 5082"
    r"(?:card|gift card|voucher|e-?gift)\s*(?:number|no\.?|code)\s*[:：]\s*[\dA-Z][\dA-Z -]{9,30}[\s\S]{0,40}?\bPIN\s*[:：]\s*\d{4,8}\b|"
    r"your (?:[\w&'-]+ ){0,3}e-?gift(?: card)? (?:is here|has been delivered|was delivered)|e-?gift(?: card)? (?:has been |was )?delivered to (?:the |your )?recipient|"
    r"(?:(?:key|code|licen[cs]e|cdkey|cd-key|Schlüssel|clé|chiave|clave|klucz)s?\b|卡密|激活码|兑换码|充值码|礼品码|序列号|啟用碼|兌換碼|钱包码|錢包碼|券码|券碼|CDK)[^\n]{0,20}[:：]?\s*\n?\s*"
    r"[A-Z0-9]{4,8}(?:-[A-Z0-9]{4,8}){2,}|"  # a key-shaped value right under its label
    r"(?:have been|has been|were|was) added to your (?:\w+ )?(?:library|account|games|wallet)|"
    r"(?:资金|款项|金额)?已(?:成功|即时)?(?:添加|充入|存入)(?:到|至)?(?:您|你)的[^。\n，]{0,10}?(?:钱包|錢包|余额|餘額)|"  # "资金已成功添加到您的蒸汽平台钱包"
    # a key label counts with a value under it: "您的卡密：" over an empty box delivers nothing
    r"(?:賣家|卖家)(?:已完成|已)移交|(?:賣家|卖家)已完成[^。\n]{0,30}?的移交|已完成移交|卡密信息|(?:卡密|账号|帳號|账户|帳戶)(?:已|已经|已經)(?:交付|发放|發放)|(?:补发|補發|重新发送|重新發送|重发|重發)(?:给您|給您)?(?:一张|一張|一个|一個|了)?(?:新的)?(?:卡密|兑换码|兌換碼|激活码|序列号|序號|卡)?\s*[:：]\s*\n?\s*[A-Za-z0-9][A-Za-z0-9-]{5,}|卡密(?:交付|发货|發貨)凭证|卡密(?:交付|發貨)憑證|(?:卡密|激活码|兑换码|序列号|(?<!交易)(?<!訂單)(?<!订单)(?<!交易)序號|序列號|兌換碼|啟用碼)\s*[:：]\s*[^\n]*?[A-Za-z0-9][A-Za-z0-9-]{3,}|卡[号號]\s*[:：]\s*\S+\s*密[码碼]|(?:商品)?序[号號]已(?:发送|發送)|(?<!充值)账号\s*[:：]\s*\S+\s*\n?\s*密码\s*[:：]|发货内容|交付[内內]容\s*[:：]\s*\n?[^\n]*?[A-Za-z0-9][A-Za-z0-9-]{3,}|"
    r"已为您自动发货|处理完成(?!后)|已经处理完成|处理完毕(?!后)|充值成功(?!后|後|之后|通知[信邮郵短簡])|處理完成(?!後)|處理完畢(?!後)|儲值成功(?!後|通知[信邮郵短簡])|已成功(?:存入|儲值|充值)|(?<!未)已充值|"
    r"已(?:成功)?为.{0,30}充值|(?<!退款)(?<!退款已)已到账|开通成功|已开通(?![“\"「『])|"
    r"your (?:licen[cs]e |product |activation |gift card |redeem |redemption )?(?:key|code)s?\s*(?:is|are)?\s*[:：]|"
    r"here (?:is|are) your (?:key|code|licen[cs]e)|(?:deinen|ihren) (?:key|code|schl[üu]ssel) (?:anzuzeigen|anzeigen|abzurufen)|"
    r"(?:view|reveal|see) your (?:game )?(?:key|code)s?\b|licen[cs]e key\s*[:：]|activation code\s*[:：]|top-?up (?:was )?successful|"
    # tickets issued into the buyer's app or account: "Your tickets have been issued and are now in the app"
    r"\b(?:e-?|mobile |digital )?tickets? (?:have|has) been (?:issued|sent to your (?:app|account|wallet))|"
    # a resale platform's seller delivered: "the seller has uploaded your tickets", "der Verkäufer hat Ihre Tickets … übertragen"
    # (a heading, never "We'll email you as soon as your tickets are ready to download")
    r"\bseller has (?:uploaded|transferred|sent) your (?:e-?|mobile |pdf )?tickets|(?<![^\n])[^\S\n]*your (?:e-?|pdf )?tickets are (?:now )?ready\b|"
    r"verk[äa]ufer hat (?:ihre|deine) tickets\b[^.\n]{0,40}?(?:übertragen|hochgeladen)|(?<![^\n])[^\S\n]*(?:ihre|deine) tickets sind da\b|"
    r"vendeur a (?:transf[ée]r[ée]|t[ée]l[ée]charg[ée]|envoy[ée]) (?:vos|tes) billets|"
    r"(?<!未)(?<!尚未)(?<!暂未)(?:电子票|電子票|门票|門票|票)?已出票|出票成功(?!后|後|之后|之後)|"
    r"(?:权益|權益|会员|會員)(?:已于|已於)[^。\n]{0,30}?(?:发放|發放|到账|到帳|开通|開通)|"
    # a booking's voucher issued: "您的訂單已確認，憑證已開立", "憑證號碼：TPE101-5843-2207"
    r"(?<!未)憑證已開立|(?<!未)凭证已开具|(?:電子)?憑證號碼\s*[:：]|(?:电子)?凭证(?:号码|码)\s*[:：]|your (?:e-?)?vouchers? (?:is|are) (?:ready|attached)\b|"
    r"已(?:添加|加入)(?:到|至)您的.{0,10}(?:游戏库|库|庫|账户|帳戶)|"
    # a download open now: "ダウンロード商品は以下のライブラリからダウンロードいただけます"
    r"(?:ライブラリ|マイページ|購入履歴|以下のページ|下記URL)(?:から|より)ダウンロード(?:いただけます|できます|可能です)|"
    # the code taken from stock for the buyer: "已成功从系统为您提取Google Play 礼品卡 US$25卡密，请查收"
    r"(?<!未)(?<!未能)(?:已|已经|已經)?成功(?:从系统|從系統)?(?:为您|為您)?提取[^。\n]{0,40}?(?:卡密|卡号|卡號|激活码|兑换码|兌換碼|序列号|序號)"
)
# "Ready to play", "disponible dans votre bibliothèque": a delivery only of digital goods; an invoice is
# "disponible dans votre espace client" too.
AVAILABLE_NOW = any_of(
    r"(?:is|are) (?:now )?ready to (?:download|play|use|install)|(?:is|are) now available (?:in|on|to|for)|"
    r"(?:is|are) available (?:right away|immediately|now) (?:on|in)|jetzt (?:verfügbar|bereit zum (?:download|spielen))|"
    r"est (?:maintenant )?disponible dans|ya est[áa] disponible"
)
