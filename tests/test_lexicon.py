"""The shared vocabulary stays sound: no cue matches everything (an empty alternative in a long
alternation silently turns every mail into a shipping notice), and the lexicon reads its words."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from orderwatch.parsers import cues, fields, lexicon, screen
from orderwatch.parsers.fields import decimal_value, references, ticket_numbers

from tests.support.mails import plain_mail

# every cue, compiled plain or behind its RE2 screen (parsers/screen.py)
PATTERNS = {name: value for name, value in vars(cues).items() if isinstance(value, (re.Pattern, screen.Screened))}


def test_the_cue_list_is_whole() -> None:
    assert len(PATTERNS) >= 50  # a screened cue is still a cue


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_cue_matches_empty_or_unrelated_text(name: str) -> None:
    pattern = PATTERNS[name]
    assert pattern.search("") is None
    assert pattern.search("Kommst du am Samstag zum Grillen? Bis dann, Anna") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Order #1047", "1047"),
        ("Bestellnummer: 10023", "10023"),
        ("Commande : KHWLILZLL passée le", "KHWLILZLL"),
        ("訂單編號 Order No.：3618204759", "3618204759"),
        ("Numer zamówienia: 1234567890", "1234567890"),
        ("Your order 123-4567890-1234567 has shipped", "123-4567890-1234567"),
        ("A shipment from order #2044 is on the way", "2044"),
        ("Compra #2000009517318624 · 31 de octubre", "2000009517318624"),
        ("您的订单177299761207385227已发货", "177299761207385227"),
        # a pay-later service's mail: the retailer's own number is the order, not the service's
        ("Clearpay order number: 400517736204\nRetailer order number: #4391", "4391"),
        # a carrier's notice: the seller's purchase order beside the buyer's marketplace order
        ("PURCHASE ORDER NUMBER 8437\nREFERENCE 113-4821907-5530617", "113-4821907-5530617"),
        # a forwarder's box number beside the Taobao order it holds
        ("集運單號：JY20260607004188\n包含淘寶訂單：4012758830561229847", "4012758830561229847"),
        ("Ordre de réparation : OR-069-2610-00418", "OR-069-2610-00418"),
    ],
)
def test_references_in_many_languages(text: str, expected: str) -> None:
    assert references(text)[0].value == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.299,00", "1299.00"),
        ("1,299.00", "1299.00"),
        ("107,34", "107.34"),
        ("1,280", "1280"),
        ("1 299,00", "1299.00"),
    ],
)
def test_decimal_commas_and_thousands(text: str, value: str) -> None:
    assert str(decimal_value(text)) == value


def test_month_names_cover_the_languages() -> None:
    for name, month in [("września", 9), ("septembre", 9), ("settembre", 9), ("Oktober", 10), ("diciembre", 12)]:
        assert lexicon.MONTHS[name.lower()] == month


@pytest.mark.parametrize(
    ("text", "virtual"),
    [
        ("STEMMA QT / Qwiic JST SH 4-pin Cable - 100mm Long", False),
        ("Diamond stud earrings with three gems", False),
        ("Your PIN: 1234-5678-9012", True),
        ("Mobile Legends 500 Diamonds top-up", True),
    ],
)
def test_virtual_goods_are_codes_not_cables_or_jewellery(text: str, virtual: bool) -> None:
    assert bool(cues.VIRTUAL_GOODS.search(text)) is virtual


@pytest.mark.parametrize(
    ("name", "text", "hit"),
    [
        # tickets, pledges and charges
        ("CONFIRM", "Charged today: $18.00 USD (Visa ending 5520)", True),
        ("CONFIRM", "Your card was charged $12.40 for order 5531", True),
        ("CONFIRM", "You have been charged $9.99 for your order.", True),
        ("CONFIRM", "You have not been charged for this order.", False),
        ("FAILED", "We are sorry to tell you that the event promoter has cancelled this event.", True),
        ("FAILED", "EVENT CANCELLED", True),
        ("DELIVERED_VIRTUAL", "Your tickets have been issued and are now in the See Tickets app", True),
        ("DELIVERED_VIRTUAL", "电子票已出票，可在App“票夹”中查看。", True),
        ("DELIVERED_VIRTUAL", "电子票尚未出票，请耐心等待。", False),
        ("DECISION_AGAINST", "很抱歉，您的退票申请未能通过。", True),
        ("DECISION_AGAINST", "主办方不同意退票。", True),
        ("DECISION_AGAINST", "若不同意退票处理结果，可申请复核。", False),
        ("VIRTUAL_GOODS", "Your digital rewards for the campaign are ready", True),
        # UK retail and Traditional Chinese shops
        ("RESTOCK", "您設定到貨通知的商品現已有庫存，歡迎前往選購。", True),
        ("RESTOCK", "Good news: the jacket you liked is back in stock", True),
        ("RESTOCK", "您的訂單已出貨", False),
        ("SHIPPED", "Your order is ready to collect.", True),
        ("DELIVERED_PHYSICAL", "您的包裹已配達完成。", True),
        ("DELIVERED_PHYSICAL", "包裹尚未配達", False),
        ("REFUND_GRANTED", "We'll refund £89.94 to your original payment method within 3-5 working days.", True),
        ("REFUND_GRANTED", "We've suspended the transaction and we'll refund any associated interest or fees.", False),
        ("BUYER_CANCELLED", "As requested, we've cancelled your order 1189034512.", True),
        ("ACK", "你已提出退貨/退款申請", True),
        ("ACK", "關於您反映的問題，已轉相關單位處理，待確認後將儘速回覆您", True),
        ("ACK", "款項已轉帳至您的帳戶", False),
        # French outside France
        ("DELIVERED_PHYSICAL", "Votre envoi a été distribué.", True),
        ("REFUND_RECEIVED", "Votre remboursement pour la commande n° 1000478213 a été effectué.", True),
        ("REFUND_RECEIVED", "Vous recevrez un e-mail dès que le remboursement aura été effectué.", False),
        ("BUYER_CANCELLED", "Comme vous l'avez demandé, nous avons annulé votre commande no 1003158842.", True),
        ("DECISION_AGAINST", "Nous ne pouvons malheureusement pas accepter ce retour.", True),
        # Italian, Korean and Japanese desks
        ("REFUND_GRANTED", "Il rimborso di 549,00 € sarà effettuato sulla carta entro 14 giorni.", True),
        ("REFUND_GRANTED", "Elaboreremo il tuo rimborso entro 14 giorni.", True),
        ("REFUND_RECEIVED", "il rimborso per il tuo reso è stato effettuato.", True),
        ("DECISION_AGAINST", "Per questo motivo non possiamo concederti un rimborso.", True),
        ("ACK", "le confermiamo di aver ricevuto in data 26/10/2026 la sua contestazione", True),
        ("ACK", "[한국소비자원] 피해구제 신청이 접수되었습니다", True),
        ("EVIDENCE_REQUEST", "ti chiediamo di inviarci, entro 48 ore:\n- foto dell'oggetto", True),
        # pickup and grocery apps, and the after-sales conversation in Chinese
        ("SHIPPED", "Votre commande n° 8001 est prête !", True),
        ("SHIPPED", "Votre commande sera prête dans 2h.", False),
        ("SHIPPED", "您的订单已开始配送，请保持电话畅通。", True),
        ("DELIVERED_PHYSICAL", "Votre commande n° 3178 a bien été retirée le 14/11/2026 à 10h19", True),
        ("DELIVERED_PHYSICAL", "L'article a été retiré de votre commande.", False),
        ("DELIVERED_PHYSICAL", "Your parcel was collected by our courier this morning.", False),
        ("ACK", "您已提交订单2607的退货退款申请，服务单号TH2607，我们会尽快为您处理。", True),
        ("EVIDENCE_REQUEST", "您的服务单需补充商品问题照片，请于2026-07-13 10:00前上传。", True),
        ("COMPLAINT_WORDS", "黑貓顯示退回寄件人，請協助重新寄送。", True),
        # public complaint channels in Taiwan, Macau and the English-speaking world
        ("DECISION_AGAINST", "您的售后申请（服务单号：8130，订单编号：2364）已被商家拒绝。", True),
        ("DECISION_AGAINST", "如商家拒绝了您的申请，可申请平台介入。", False),
        ("DECISION_AGAINST", "雙方未能達成協議，本次調解不成立。", True),
        ("REFUND_GRANTED", "同意取消 閣下的訂單並全數退款，並承諾於3個工作天內退回。", True),
        ("REFUND_GRANTED", "The business has agreed to cancel the order and refund the full amount.", True),
        ("ACK", "本局已於115年11月4日將本案移請新北市政府法務局依權責處理。", True),
        ("ACK", "Your complaint has been accepted for our dispute assistance service.", True),
        ("DECISION_FOR", "Your complaint has been accepted for our dispute assistance service.", False),
        ("DECISION_FOR", "Your claim has been accepted.", True),
        ("EVIDENCE_REQUEST", "Before I contact the business, please send me copies of the following by Monday:", True),
        ("CONFIRM", "Fernway Botanicals received your order", True),
        ("CONFIRM", "We have not received your order payment yet", False),
        ("SHIPPED", "長夾今天下午已經寄出了。", True),
        # Taiwan's game points and item trading, and French service clients
        ("DELIVERED_VIRTUAL", "交易序號：GS2607211405327 處理狀態：處理中", False),
        ("DELIVERED_VIRTUAL", "您購買的商品，賣家已完成移交。", True),
        ("ACK", "您購買的商品，賣家已移交，請盡速確認。", False),
        ("DECISION_AGAINST", "因此本次申訴判定不成立，交易將依規定完成。", True),
        ("REFUND_RECEIVED", "交易款項 NT$2,450 已全額退回至您的 8591 帳戶。", True),
        ("EVIDENCE_REQUEST", "please reply to this email within 24 hours with a screenshot of your receipt", True),
        ("DECISION_AGAINST", "nous ne pouvons donner une suite favorable à votre demande de remboursement", True),
        # cross-border forwarders and marketplace message relays
        ("ORDER_COMPLETED", "您的转运订单已完成打包并从美国新泽西仓出库", False),
        ("ORDER_COMPLETED", "您的订单已完成，感谢您的购买。", True),
        ("VIRTUAL_GOODS", "尊敬的会员 TR5530918：您的转运订单已出库", False),
        ("SHIPPED", "包裹出库交航后，我们会再通知您国际运单号。", False),
        ("SHIPPED", "您的包裹已发出，运单号：SF1387204459316", True),
        ("SHIPPED", "您的订单[2610]已通过[中通快递]发出，快递单号为[73519042886153]", True),
        ("EVIDENCE_REQUEST", "需要您补充以下资料：1. 身份证正反面照片", True),
        ("EVIDENCE_REQUEST", "Could you send me a\ncouple of photos here?", True),
        # gift cards and subscription boxes
        ("DELIVERED_VIRTUAL", "Card number: 6338 4501 9927 3164\nPIN: 5082", True),
        ("DELIVERED_VIRTUAL", "Hannah, your Argos eGift Card is here!", True),
        ("VIRTUAL_GOODS", "Your subscription order #4410 has been processed and packed.", False),
        ("VIRTUAL_GOODS", "Your streaming subscription renews today.", True),
        # memberships and event tickets
        ("DELIVERED_VIRTUAL", "Your tickets are in the DICE app", True),
        ("DELIVERED_VIRTUAL", "Vous trouverez vos 2 e-tickets en pièce jointe.", True),
        ("REFUND_RECEIVED", "退款成功后，本次续费对应的会员时长将同步扣除。", False),
        ("REFUND_GRANTED", "Le remboursement de vos\nbillets, soit 177,00 €, sera effectué", True),
        ("REFUND_GRANTED", "Die\nRückerstattung in Höhe von 129,80 EUR wurde veranlasst", True),
        ("ACK", "您的投诉已通过审核并发布，已分配给商家 哔哩哔哩 处理。", True),
        ("CONFIRM", "您的大会员（连续包月）已自动续费成功，扣款15.00元", True),
        # pay-later plans and their disputes, shop engines' receipts, agents' replies
        ("PAYMENT_TO_PAYEE", "Your payment schedule\nFIRST PAYMENT £21.50 PAID", True),
        ("PAYMENT_TO_PAYEE", "Retailer order number: #4391", True),
        ("PAYMENT_TO_PAYEE", "Your order from Marlow Loom has shipped.", False),
        ("ACK", "We've paused your payments while you and the store work this out.", True),
        ("ACK", "Abbiamo sospeso temporaneamente le rate di questo ordine.", True),
        ("REFUND_GRANTED", "We'll refund the $61.25 you already paid to your card.", True),
        ("REFUND_GRANTED", "la rata già pagata di 82,00 € ti verrà rimborsata sulla carta", True),
        ("REFUND_GRANTED", "Refund: $495.47 (including tax) has been issued to your Mastercard ending\nin 6120.", True),
        ("REFUND_GRANTED", "The trader undertakes to refund the full amount within ten working days.", True),
        ("REFUND_RECEIVED", "Importo rimborsato: 129,90 €", True),
        ("CONFIRM", "Order Number: 2291\nDate Ordered: Monday 01 June, 2026", True),
        ("EVIDENCE_REQUEST", "To keep your case moving, we need a few more details from you.", True),
        ("EVIDENCE_REQUEST", "請於收到此電郵後 7 天內直接回覆此電郵，並附上以下相片：", True),
        ("EVIDENCE_WORDS", "Attached are screenshots of the three emails I sent the store.", True),
        ("AGENT_ACTED", "I contacted UPS this morning. I've opened a trace so we can follow it.", True),
        ("AGENT_ACTED", "Please contact UPS if the parcel does not arrive.", False),
        # shop engines' status mails, a Hong Kong delivery and conciliation
        ("DELIVERED_PHYSICAL", "Order status changed to Delivered\n", True),
        ("DELIVERED_PHYSICAL", "Status: Delivered, Left with Individual - SEATTLE, WA", False),
        ("SHIPPED", "Your order status has been updated to: Dispatched", True),
        ("DELIVERED_PHYSICAL", "閣下的訂單已於今日12:15 送貨及安裝完成，並由 閣下簽收。", True),
        ("ORDER_COMPLETED", "We are pleased to say that order number 260512-184409-3307 is complete.", True),
        ("ORDER_COMPLETED", "As soon as your order is complete, your keys will be available.", False),
        ("DECISION_AGAINST", "由於雙方未能達成和解，本會的調停未能成功。", True),
        # Taiwan's payment gateways, digital downloads, memberships, French and English refunds
        ("PAYMENT_TO_PAYEE", "特店名稱 木栖手作皮件\n特店訂單編號 MQ2611030087", True),
        ("UNPAID", "繳費帳號將由綠界科技另行寄送，請依信中帳號及繳費期限轉帳。", True),
        ("UNPAID", "付款方式：ATM 虛擬帳號轉帳（已入帳）", False),
        ("SHIPPED", "包包今天早上已經縫好寄出了，黑貓單號 9067 2214 5830", True),
        ("DELIVERED_VIRTUAL", "Your order is ready. Use the button below to download your files.", True),
        ("DELIVERED_VIRTUAL", "Download: https://shop.example/d/3481274/q8Zr2Kx7Lw", True),
        ("DELIVERED_VIRTUAL", "您的订单已支付成功，专业版服务已续期。", True),
        ("DELIVERED_VIRTUAL", "You will be able to download your files once payment clears.", False),
        ("REFUND_GRANTED", "Nous avons donc procédé au\nremboursement intégral de votre commande", True),
        ("CONFIRM", "Merci pour ta commande, Lina !", True),
        ("CONFIRM", "Thanks for pre-ordering Lowland Hymns.", True),
        # telecom shops, US specialty retailers, French drives, carriers' own notices
        ("FAILED", "Conformément à votre demande, votre commande et votre rendez-vous ont bien été annulés.", True),
        ("REFUND_RECEIVED", "Montant remboursé : 198,90 €\nDate du remboursement : 12/11/2026", True),
        ("REFUND_RECEIVED", "nous vous confirmons le remboursement intégral de votre commande, soit 229,00 €", False),
        ("REFUND_GRANTED", "本公司已於 115/11/18 重新辦理刷退 NT$19,900 至 台端原付款信用卡", True),
        ("SHIPPED", "Your Order Is Ready for Pick Up! Order # Y204518837", True),
        ("DELIVERED_PHYSICAL", "Thanks for picking up your order, Ramon!", True),
        ("DELIVERED_PHYSICAL", "dein Paket wurde heute an deinem gewünschten Abstellort hinterlegt.", True),
        ("SHIPPED", "Wir haben deine Bestellung bearbeitet und an DPD übergeben.", True),
        ("DECISION_AGAINST", "檢驗結果：不符合退貨條件", True),
        ("DECISION_AGAINST", "nous ne sommes malheureusement pas en mesure d'y donner une suite favorable", True),
        ("COMPLAINT_WORDS", "機身右側邊框有一道明顯刮痕，希望能換一台新品", True),
        # subscriptions, payment services' notices, couriers' texts, Swiss click and collect
        ("REFUND_GRANTED", "Because you canceled in time, you'll receive a full\nrefund of US$77.23.", True),
        ("REFUND_RECEIVED", "Spotify USA Inc. sent you a refund of $19.99 USD.", True),
        ("FAILED", "We've canceled your Creative Cloud Pro plan as you requested.", True),
        ("FAILED", "We've canceled an item from your order BBY01-807455129063", False),
        ("CONFIRM", "Thanks for your payment. Your Canva Pro subscription has renewed.", True),
        ("DELIVERED_VIRTUAL", "Welcome to Disney+. Your subscription is active and ready to stream.", True),
        ("DELIVERED_PHYSICAL", "Vous avez retiré votre commande 7300482917 le 11.11.2026.", True),
        ("DECISION_AGAINST", "We regret to inform you that your request cannot be accepted.", True),
        ("DECISION_AGAINST", "au regret de ne pas\npouvoir donner une suite favorable à votre demande.", True),
        ("COMPLAINT_WORDS", "開箱後發現機身有一條花痕，要求更換全新機一部。", True),
        # consolidated shipping from Taobao, Québec
        ("SHIPPED", "你的淘寶包裹已到達集運倉並完成入倉。", True),
        ("SHIPPED", "你的集運單已打包出倉，正發往香港。", True),
        ("DELIVERED_PHYSICAL", "Votre livraison de la commande W0118273 a été complétée aujourd'hui à 10 h 47.", True),
        ("DECISION_AGAINST", "Nous ne pouvons donc pas donner suite à votre demande de remplacement.", True),
        ("DECISION_AGAINST", "I'm afraid we're unable to extend this voucher.", True),
        # requests for documents with a date before the list, and the buyer's word that the goods came
        (
            "EVIDENCE_REQUEST",
            "Please reply to this email by 14 August 2026 with:\n1. the voucher code, and\n2. a proof of purchase",
            True,
        ),
        (
            "EVIDENCE_REQUEST",
            "veuillez nous transmettre par retour de courriel, d'ici le 9 octobre : trois photos",
            True,
        ),
        ("EVIDENCE_REQUEST", "Bitte reichen Sie bis zum 18.11.2026 folgende Unterlagen nach:", True),
        ("BUYER_RECEIVED", "Das Gerät wurde am 14.09. geliefert.", True),
        ("BUYER_RECEIVED", "J'ai reçu le 10/11 ma commande n° 3179882406", True),
        ("BUYER_RECEIVED", "j'ai reçu votre e-mail « a été livrée »", False),
        ("BUYER_RECEIVED", "Mon réfrigérateur devait être livré le samedi 8 août.", False),
        ("BUYER_RECEIVED", "The receipt came in with the transaction id.", False),
        ("BUYER_RECEIVED", "电视签收后第二天开机就出现亮线", True),
        ("BUYER_NOT_RECEIVED", "The tracking says it was delivered but I never got it.", True),
        ("BUYER_NOT_RECEIVED", "Je n'ai pourtant rien reçu.", True),
        # Asian grocery, UK beauty, top-up engines, Chinese second-hand platforms
        ("STILL_PROCESSING", "订单状态：已完成\n处理结果：订单已经开始处理,请耐心等待到账！", True),
        ("FAILED", "订单状态：异常\n处理结果：对接失败：货源商品维护中,暂停下单！", True),
        ("SHIPPED", "Your order has been despatched!", True),
        ("SHIPPED", "您的订单商品已由红布林鉴定中心鉴定通过并发出，顺丰速运SF1452039876104", True),
        ("SHIPPED", "您的订单 #38416729 已装车出发", True),
        ("DELIVERED_VIRTUAL", "该货品已开通“48小时发货”服务", False),
        ("ACK", "您的工单已经创建成功,分配的工单号为：37", True),
        ("EVIDENCE_REQUEST", "请您在24小时内直接回复本邮件，并附上以下材料：", True),
        ("REFUND_RECEIVED", "已经在支付宝给你原路退回了 15.80 元，1-3个工作日到账", True),
        ("REFUND_GRANTED", "本商品为人工代充，预计30分钟内到账", False),
        (
            "REFUND_GRANTED",
            "We've gone ahead and refunded the full amount of £50.99 back to your original payment method.",
            True,
        ),
        ("REFUND_GRANTED", "Your request for a refund to the original payment method (PayPal) has been accepted", True),
        ("COMPLAINT_WORDS", "到现在会员也没到账。充不上的话请把钱退给我。", True),
        # train and coach tickets, travel bookings, US resale marketplaces, Macau and Hong Kong apps
        ("CONFIRM", "Merci d'avoir réservé avec FlixBus ! Votre réservation est confirmée.", True),
        ("CONFIRM", "您在飞猪预订的酒店已确认，请按时入住。", True),
        ("CONFIRM", "多謝你的訂單！餐廳已接單，正在為你準備餐點。", True),
        ("FAILED", "Nous sommes désolés : votre trajet a été annulé pour des raisons opérationnelles.", True),
        ("DELIVERED_VIRTUAL", "Votre billet est joint à cet e-mail (PDF).", True),
        ("DELIVERED_VIRTUAL", "您的訂單已確認，憑證已開立", True),
        ("DELIVERED_VIRTUAL", "出票成功后将通过短信和邮件通知您票号", False),
        ("REFUND_RECEIVED", "nous avons annulé vos deux billets et procédé au remboursement intégral de 78,00 €", True),
        ("REFUND_GRANTED", "我們已為你發起退款。信用卡退款一般需時 3-14 個工作天入帳。", True),
        ("DECISION_AGAINST", "本次退款申請經審核後無法受理，敬請見諒。", True),
        ("ACK", "您已提交售后服务单1893027465（订单318640275913），商家将在48小时内审核", True),
        ("SHIPPED", "Tracking has been added to your purchase.", True),
        ("SHIPPED", "今日下晝已經用順豐寄出咗。", True),
        ("COMPLAINT_WORDS", "新鮮雞蛋全盒破裂，維他奶漏送。", True),
        # meal kits, real captured shop mail, French telecom shops, Chinese carriers' business halls
        ("FAILED", "- Kiwis (surplus from a cancelled order)", False),
        ("FAILED", "We have cancelled your order because the item is out of stock.", True),
        ("CONFIRM", "Suite à votre échange avec notre conseiller, nous vous confirmons l'échange de votre box.", True),
        ("CONFIRM", "慢充订单将在支付成功后72小时内到账", False),
        ("DECISION_AGAINST", "经核实，该权益已发放至本机号码关联的账号。订单状态正常，不予退费。", True),
        ("DELIVERED_VIRTUAL", "该权益已于2026年11月10日14时19分发放至本机号码关联的腾讯视频账号", True),
        ("ACK", "您在中国移动网上营业厅提交的宽带新装订单已支付成功并受理", False),
        ("ACK", "您反映的问题已受理，我们会尽快为您核实处理", True),
        ("COMPLAINT_WORDS", "到现在账户余额仍为0元，预存的300元话费没有到账。", True),
        # Japanese shops, European consumer bodies, resale marketplaces, 发卡 platforms, PayPal's seller notices
        ("CONFIRM", "以下の内容でお申込を承りました。", True),
        ("CONFIRM", "下記ご注文のご入金を確認いたしました。", True),
        ("CONFIRM", "vielen Dank für deine Zahlung. Wir haben den Verkäufer informiert.", True),
        ("CONFIRM", "You submitted an order amounting to 32.00 GBP to Kettleby Crafts Ltd", True),
        ("FAILED", "ご注文をキャンセルさせていただきました。", True),
        ("FAILED", "dass Ihre Fahrt\nFr, 14.08.2026, 08:15\nnicht stattfinden kann.", True),
        ("REFUND_GRANTED", "お振込みいただいた代金は、ご登録の返金口座へお振込みいたします。", True),
        ("REFUND_GRANTED", "il professionista si è impegnato a rimborsarLe l'intero importo entro 14 giorni", True),
        ("REFUND_GRANTED", "Die Elbe-Rhein-Express GmbH erstattet Ihnen den vollen Fahrpreis von 79,98 €.", True),
        ("REFUND_RECEIVED", "您好，您的订单退款已成功。", True),
        ("EVIDENCE_REQUEST", "お写真（外箱全体）を、2026年11月20日(金)までに添付してお送りください。", True),
        ("EVIDENCE_REQUEST", "Bitte laden Sie die Unterlagen bis zum 22.09.2026 in Ihrer Post-Box hoch.", True),
        ("ACK", "Ihre Umsatzbeanstandung ist bei uns eingegangen", True),
        ("ACK", "su solicitud de arbitraje ha tenido entrada en esta Junta Arbitral", True),
        ("DECISION_AGAINST", "We weren't able to approve a refund for this order.", True),
        ("DECISION_AGAINST", "PARTE DISPOSITIVA: Se DESESTIMA la reclamación presentada", True),
        ("DECISION_AGAINST", "il tentativo di conciliazione si è concluso con esito negativo", True),
        ("SELLER_SIDE", "You received a payment of £6.41 GBP from cerys_w1990", True),
        ("SELLER_SIDE", "You received a refund of £6.41 GBP from Kettleby Crafts", False),
        ("OUTSIDE_WORDS", "Centro Europeo Consumatori Italia", True),
        ("VIRTUAL_GOODS", "ESET インターネット セキュリティ ダウンロード版（シリアル番号メール納品）", True),
        # Korean, Czech/Romanian/Hungarian/Polish, Chinese consumer platforms, card disputes, captured mail
        ("CONFIRM", "비움상회 - 주문이 접수되었습니다.", True),
        ("CONFIRM", 'お客様のご注文は受注番号 "231557204"にて承りました。', True),
        ("DELIVERED_PHYSICAL", "[우체국택배] 소포가 배달완료되었습니다.", True),
        ("DELIVERED_PHYSICAL", "您的订单8051146627308815201超时27分钟送达", True),
        ("DELIVERED_PHYSICAL", "A(z) 67148822913 számú csomagját a mai napon kézbesítettük.", True),
        ("DELIVERED_VIRTUAL", "Your next listen is ready, Maren", True),
        ("FAILED", "ご注文のキャンセルが完了致しました", True),
        ("BUYER_CANCELLED", "ご依頼いただきました下記ご注文のキャンセル処理が完了致しました", True),
        ("REFUND_RECEIVED", "최민지님, 아래 결제가 취소되었어요.", True),
        ("DECISION_AGAINST", "반품 신청이 반려되었습니다.", True),
        ("DECISION_AGAINST", "dlatego reklamacja nie została uznana.", True),
        ("DECISION_AGAINST", "we're unable to take it further and we've closed your case", True),
        ("DECISION_FOR", "Tallow & Tide has accepted your dispute for order #4471", True),
        ("EVIDENCE_REQUEST", "아래 사진을 1:1 문의에 첨부해 주시거나 이 문의에 답글로 남겨 주세요.", True),
        ("EVIDENCE_REQUEST", "Te rugăm să ne trimiți, până la data de 12.11.2026: 1. o fotografie a coletului", True),
        ("EVIDENCE_REQUEST", "A kérelem elbírálásához az alábbiak pótlása szükséges:", True),
        ("ACK", "děkujeme, že jste nám svěřil reklamaci. Reklamaci jsme zaevidovali.", True),
        ("ACK", "Am înregistrat solicitarea ta cu numărul de tichet 58213407.", True),
        ("COMPLAINT_WORDS", "încărcătorul (199,99 Lei) lipsește, deși apare pe factură", True),
        ("OUTSIDE_WORDS", "Budapesti Békéltető Testület", True),
        # 发卡 engines, French marketplaces, Taiwan desks, English engines' credit memos
        ("DELIVERED_VIRTUAL", "感谢您的信任与支持，您的专属账号卡密已交付！", True),
        ("DELIVERED_VIRTUAL", "给您补发一张新的：\nSTMCN-K9D2E-8VNQ4-P3LZA", True),
        ("SHIPPED", "您的訂單 20260905131042 已完成出貨，黑貓宅急便", True),
        ("ACK", "Nous avons bien reçu ta réclamation pour la commande 15384470226", True),
        ("ACK", "感謝您的來信，您的問題已經收到，問題編號：CS26110900418", True),
        ("DECISION_AGAINST", "nous ne sommes pas en mesure de donner une suite favorable à votre demande", True),
        ("REFUND_GRANTED", "il a bien réceptionné l'appareil et vient de valider votre remboursement", True),
        ("REFUND_RECEIVED", "Nous avons procédé au remboursement de 34,90 € sur la carte bancaire.", True),
        ("REFUND_RECEIVED", "Informamos que o reembolso relativo à encomenda n.º 70563918 foi efetuado.", True),
        ("CONFIRM", "Obrigado pela sua encomenda no Continente Online.", True),
        ("DECISION_AGAINST", "Nach Prüfung können wir deine Reklamation daher leider nicht anerkennen.", True),
        # session 19: digital-goods checkouts, Chinese mall engines, captured German shop mail, French shops
        ("DELIVERED_VIRTUAL", "Your files are ready. Download them from your order page:", True),
        ("CONFIRM", "Receipt for order #98210457\nTotal paid: $49.00 AUD", True),
        (
            "SELLER_CLOCK",
            "I've added the owner to this conversation. As the seller, they have 3 days to respond.",
            True,
        ),
        ("SELLER_CLOCK", "Our team will respond within 3 days.", False),
        ("ACK", "已为您登记售后工单 SH2026093000417，售后专员将在3个工作日内与您联系", True),
        ("DELIVERED_PHYSICAL", "您好，订单260510213308044已经完成，感谢您确认收货。", True),
        ("DELIVERED_PHYSICAL", "尊敬的会员，您的订单2026082009153762002，收货成功。", True),
        ("DELIVERED_PHYSICAL", "收到商品后请及时确认收货，确认收货成功后积分将发放。", False),
        ("DELIVERED_PHYSICAL", "Tu as confirmé avoir bien reçu l'article suivant :", True),
        ("SHIPPED", "Deine Bestellung #6417 ist gepackt und wird von DHL Germany versandt.", True),
        (
            "REFUND_RECEIVED",
            "Die Erstattung über €119.92 wurde veranlasst und wird Ihrer Karte gutgeschrieben.",
            False,
        ),
        (
            "REFUND_GRANTED",
            "Die Erstattung über €119.92 wurde veranlasst und wird Ihrer Karte gutgeschrieben.",
            True,
        ),
        ("REFUND_RECEIVED", "21,99 € wurden Ihrem Amazon-Konto als Guthaben gutgeschrieben.", True),
        ("CONFIRM", "Félicitations, tu as acheté l'article suivant :", True),
        ("CONFIRM", "Veuillez trouver, ci-joint, la commande CO2610-0187", True),
        ("CONFIRM", "露天拍賣 結帳成功通知\n您已完成結帳，以下為本次訂單資訊：", True),
        ("CONFIRM", "Please hold onto this email as it serves as your packing slip … as your receipt.", False),
        ("ACK", "您已於 2026/07/16 10:05 對賣家 lens_corner_tw 提出棄單投訴。", True),
        ("DECISION_AGAINST", "經露天審核雙方提供之資料，本案裁定：棄單不成立，投訴結案。", True),
        ("DECISION_AGAINST", "The merchant's bank has rejected the chargeback.", True),
        ("DECISION_AGAINST", "Based on this information we're unable to continue your dispute.", True),
        ("SHIPPED", "你訂購的商品已經送達超商門市。", True),
        ("VIRTUAL_GOODS", "Rewards Summary\nRewards Redeemed: $0.00", False),
        ("PAYMENT_TO_PAYEE", "商店訂單編號 1088\n藍新金流交易序號 26051020325187403", True),
        ("SHIPPED", "Ihre Bestellung wurde dem Versand übergeben", True),
        ("SHIPPED", "die Zollabfertigung für Ihr Paket LP00712458832104 wurde abgeschlossen", True),
        ("REFUND_GRANTED", "Ich habe für Sie eine Erstattung in Höhe von 249,00 € veranlasst.", True),
        ("REFUND_RECEIVED", "退款审核已通过，款项将在3个工作日内原路退回到您的微信支付账户", False),
        ("REFUND_RECEIVED", "款项已通过微信原路退回", True),
        # session 21 (rounds GB-GJ)
        ("ACK", "Vous avez ouvert un litige pour un objet non reçu concernant votre paiement.", True),
        ("ACK", "Je hebt een geschil geopend voor een object dat je niet hebt ontvangen.", True),
        ("ACK", "wir haben Ihren Antrag im Rahmen der A-bis-z-Garantie für die folgende Bestellung erhalten:", True),
        ("ACK", "du hast einen Fall zu deiner Bestellung bei LinnenWerkstatt eröffnet", True),
        ("EVIDENCE_REQUEST", "Um Ihren Antrag prüfen zu können, benötigen wir weitere Informationen von Ihnen:", True),
        ("EVIDENCE_REQUEST", "envíanos respondiendo a este correo fotos de la etiqueta interior", True),
        ("DECISION_AGAINST", "For this reason we are unable to offer an exchange or a refund for this item.", True),
        ("DECISION_FOR", "haben wir den Fall zu deinen Gunsten geschlossen.", True),
        ("REFUND_RECEIVED", "Fietsbel heeft € 45,50 EUR aan je terugbetaald.", True),
        ("SHIPPED", "Deine Lieferung ist auf dem Weg", True),
        ("SHIPPED", "Ihre Rücksendung ist auf dem Weg zu uns", False),
        ("SHIPPED", "Just a heads up that your order 43129087655 is arriving soon.", True),
        ("SHIPPED", "Black Friday is almost here!", False),
        ("BUYER_CANCELLED", 'Item cancelled successfully: "Lilac St - Dawn Natural..."', True),
        ("AUTO_DELIVERY", "已发货，系统已自动发送卡号密码或激活码信息到您的注册邮箱", True),
        ("AUTO_DELIVERY", "此邮件由北斗卡铺系统自动发送，请勿直接回复。", False),
        ("DELIVERED_VIRTUAL", "已成功从系统为您提取Google Play 礼品卡 US$25卡密，请查收。", True),
        ("CONFIRM", "感謝您使用 Nintendo eShop。\n以下是您的購買內容明細。", True),
        # session 24 (rounds IB-IJ)
        ("CONFIRM", "[Koffiehuis Vlaanderen] Orderbevestiging", True),
        ("CONFIRM", "Bedankt voor het winkelen bij Koffiehuis Vlaanderen!", True),
        ("REFUND_RECEIVED", "Bestelling WJKDNBEXU - Bestelling terugbetaald", True),
        ("SHIPPED", "Din ordre med referanse TNXBQZKRE er i transitt.", True),
        ("REFUND_GRANTED", "so we'll credit $212.50 to your Mastercard account ending 3317.", True),
        ("REFUND_GRANTED", "We'll credit the merchant's reply with the weight it deserves.", False),
        (
            "EVIDENCE_REQUEST",
            "we need you to complete\nthe Transaction Dispute Form attached and return it to us",
            True,
        ),
        ("ACK", "We've received your report about your purchase from Hartwell & Finch.", True),
        ("ACK", "La Superintendencia le informa que su solicitud fue radicada con los siguientes datos:", True),
        ("DELIVERED_PHYSICAL", "Entregamos tu pedido el 27-10-2026 a las 17:31 h en Pasaje Los Aromos 1120.", True),
        ("REFUND_GRANTED", "Hemos generado la devolución de $349.990 a tu Tarjeta Ripley.", True),
        ("REFUND_GRANTED", "相對人同意解除買賣契約，並於115年11月20日前退還申請人價金新臺幣42,900元", True),
        ("REFUND_GRANTED", "相對人不同意於11月20日前退還價金。", False),
        ("COMPLAINT_WORDS", "J'arrive de la poste et il n'y a aucun \ncolis de livré", True),
        ("COMPLAINT_WORDS", "leider ist der Glasschirm gesprungen. Ich hätte gerne mein Geld zurück.", True),
        ("CONFIRM", "感谢您支持项目《山海异闻录》原创桌游！您的支持已成功。", True),
        ("CONFIRM", "Thank you for backing Lumen Deck! Your pledge has been collected.", True),
        ("UNPAID", "定金：¥60.00（已支付）\n尾款：¥539.00（待支付）", True),
        ("REFUND_GRANTED", "Zwrot środków w kwocie 349,00 zł zostanie zlecony na rachunek", True),
        ("SHIPPED", "Good news though - your order went in the post this morning!", True),
        ("SHIPPED", "ist raus! Ging heute Mittag mit DHL weg, die Sendungsnummer ist 00340434161234567894.", True),
        ("SHIPPED", "Đơn hàng #58231947 của anh đã được xuất kho và đang được giao đến anh.", True),
        ("EVIDENCE_REQUEST", "Können Sie mir bitte ein paar Fotos vom Schaden schicken?", True),
        ("CONFIRM", "ขอบคุณที่สั่งซื้อสินค้ากับ JIB Online", True),
        ("PAID", "ระบบได้รับการชำระเงินของท่านเรียบร้อยแล้ว", True),
        ("CONFIRM", "Tack för ditt köp på Tradera. Din betalning har gått igenom.", True),
        ("PAID", "Tak for dit køb på DBA. Din betaling er modtaget og holdes af DBA.", True),
        ("DELIVERED_PHYSICAL", "Pakken med handelsnummer 80531977 er afhentet i pakkeshoppen.", True),
        ("DELIVERED_PHYSICAL", "säljaren har inte kunnat visa att paketet har levererats", False),
        ("REFUND_GRANTED", "Palautamme maksamasi 129,00 € alkuperäiselle maksutavallesi.", True),
        (
            "REFUND_RECEIVED",
            "We have processed a refund for your order.\nRefund amount: S$248.00\nStatus: Completed on 27 October",
            True,
        ),
        ("ACK", "Your complaint has now been registered and a copy has been sent to the trader.", True),
    ],
)
def test_cues_read_what_the_cold_start_rounds_taught(name: str, text: str, hit: bool) -> None:
    assert bool(getattr(cues, name).search(text)) is hit


@pytest.mark.parametrize(
    ("text", "received"),
    [
        ("缺货商品款¥19.90已原路退回至您的支付宝账户，请注意查收。", True),
        ("缺货商品款¥19.90已原路退回，预计1-3个工作日到账，请注意查收。", False),
        ("退款已原路退回，将在3个工作日内到账。", False),
        ("Your refund has been completed.", True),
    ],
)
def test_money_still_on_its_way_is_no_refund_received(text: str, received: bool) -> None:
    assert bool(cues.refund_received(text)) is received
    assert bool(cues.refund_received(text) or cues.granted(text))  # either way the refund is known


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("您的订单已发货，预计3个工作日内送达，请注意查收。", "zh"),
        ("您的訂單已出貨，預計3個工作天內送達。", "zh"),
        ("ご注文の商品を発送いたしました。お届け予定日は11月14日です。", "en"),  # Japanese: not Chinese
        ("Your order has shipped.", "en"),
    ],
)
def test_chinese_is_told_from_japanese(text: str, lang: str) -> None:
    assert fields.language(text) == lang


def test_macau_patacas_and_grouped_parcel_numbers() -> None:
    from orderwatch.parsers import parcels

    for text in ("合共 MOP 6,800.00", "總額：MOP$6,800.00", "金額 6,800 澳門元"):
        money = fields.total_amount(text, "zh")
        assert money is not None and (money.text(), money.currency) == ("6800.00", "MOP"), text
    found = parcels.find_tracking("長夾已經寄出了，黑貓宅急便單號 9067 2201 5518，收到後再跟我說。")
    assert found is not None and "".join(found.group(1).split()) == "906722015518"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Your parcel: 1550 6021 438 907 \n Not going to be in?", "15506021438907"),
        ("Tracking Information\n Provider Tracking Number Date \n Sendle SZ4K9P 10 November 2026 Track", "SZ4K9P"),
        ("託運單號：9051 2837 4610", "905128374610"),
    ],
)
def test_parcel_numbers_in_groups_and_in_flattened_tables(text: str, number: str) -> None:
    from orderwatch.parsers import parcels

    found = parcels.find_tracking(text)
    assert found is not None and "".join(found.group(1).split()) == number


def test_a_company_registration_number_is_no_order() -> None:
    text = "Your parcel: 1550 6021 438 907\nDPD UK Ltd. Registered in England & Wales No. 732993."
    assert "732993" not in fields.order_numbers(text, "Your Hedgerow & Co order will be delivered today")


def test_a_refunds_period_told_after_its_noun() -> None:
    from orderwatch.parsers.durations import stated_duration

    found = stated_duration(
        "Refunds usually take 5-10 business days.", lexicon.REFUND_VERBS_ZH, lexicon.REFUND_VERBS_EN
    )
    assert found is not None and (found.amount, found.unit) == (10, "workdays")


def test_a_forwards_italian_and_spanish_header_dates_keep_their_hour() -> None:
    from datetime import datetime, timedelta, timezone

    ref = datetime(2026, 3, 2, 21, 15, tzinfo=timezone(timedelta(hours=1)))
    for stamp in ("lun 2 mar 2026 alle ore 18:40", "2 de marzo de 2026 a las 18:40"):
        found = fields.find_times(stamp, ref)
        assert found and found[0].has_time and (found[0].at.hour, found[0].at.minute) == (18, 40)


def test_a_receipts_invoice_number_is_its_order_even_when_the_subject_tags_it_like_a_ticket() -> None:
    refs = references(
        "Thanks for your payment\nInvoice number: 28735514\nTotal US$119.99", "Your Canva receipt [#28735514]"
    )
    assert refs and refs[0].value == "28735514"


def test_a_weekday_abbreviation_before_a_numeric_date_is_no_month() -> None:
    from datetime import datetime, timedelta, timezone

    ref = datetime(2026, 10, 29, 19, 55, tzinfo=timezone(timedelta(hours=1)))
    found = fields.find_times("Livraison estimée : lun. 02.11. – mar. 03.11.", ref)
    assert [(t.at.month, t.at.day) for t in found] == [(11, 2), (11, 3)]


def test_a_refusal_wrapped_at_72_columns_grants_nothing() -> None:
    assert cues.granted("so unfortunately we're unable\nto issue a refund for this charge.") is None


def test_a_courier_named_before_its_number_gives_the_parcel() -> None:
    from orderwatch.parsers import parcels

    for text in ("已发货，订单号：851204736915582，申通快递：773198450216347", "您的邮件9872315064418已妥投"):
        assert parcels.find_tracking(text) is not None


def test_money_sent_back_that_should_reach_the_card_within_days_is_still_on_its_way() -> None:
    text = "so I have now refunded the payment in full. The money should be back on your card within up to 7 days."
    assert cues.refund_received(text) is None and cues.granted(text) is not None
    assert cues.refund_received("le remboursement de 138,95 € relatif à votre\ncommande a été effectué ce jour.")


def test_quebec_dollars_are_canadian() -> None:
    assert fields.dollar_currency("Total : 1 649,99 $ (TPS et TVQ incluses)", "commandes@boutique.com") == "CAD"


def test_taobao_refund_success_still_on_its_way_to_the_card() -> None:
    text = "退款成功｜賣家已同意退款。訂單 3905 退款 ¥329.00 將原路退回至你的信用卡，預計 3-5 個工作日到賬。"
    assert cues.refund_received(text) is None and cues.granted(text) is not None


def test_a_complaint_about_what_came_says_it_was_delivered() -> None:
    from orderwatch.parsers.own_mail import _says_it_arrived

    assert _says_it_arrived("Hello,\nI received my order 7QK40D2M yesterday, but the bag is the wrong colour.")
    assert not _says_it_arrived("The tracking says it arrived on Monday, but I never got it.")
    assert not _says_it_arrived("Hello,\nwhere is my order? It has not arrived yet.")


def test_a_conditional_policy_grants_no_refund_and_reports_no_failure() -> None:
    once = "Once the photos are verified, approved refunds are processed within 3-5 business days."
    assert cues.granted(once) is None
    assert cues.unconditional(cues.FAILED, "如部分商品因缺货未能配送，我们会发送系统通知并为您退款。") is None


def test_a_refund_sent_back_with_days_to_arrive_is_still_on_its_way() -> None:
    text = "已经在支付宝给你原路退回了 15.80 元，1-3个工作日到账。"
    assert cues.refund_received(text) is None and cues.granted(text) is not None


def test_a_us_address_makes_dollars_usd_beside_taiwanese_product_names() -> None:
    text = "台灣大白菜 Taiwan Napa Cabbage $4.47\nDelivery Address: 618 W Duarte Rd, Arcadia, CA 91007"
    assert fields.dollar_currency(text, "noreply@99ranch.com") == "USD"


def test_a_help_desks_thread_under_a_rule_is_quoted() -> None:
    from orderwatch.parsers.quotes import new_text

    text = (
        "Our team will respond within 2 business days.\n\n------------------------------\n\n"
        "Daniel Park, Sep 18, 2026, 7:47 PM EDT\n\nUPS estimated delivery for Thursday 9/17\n"
    )
    assert "Thursday" not in new_text(text)


def test_a_bookings_reference_is_its_order_below_an_order_number() -> None:
    assert fields.order_numbers("Référence de dossier : QHTZRB\nPrix total payé : 128,00 €") == ["QHTZRB"]
    assert fields.order_numbers("Booking reference: BK-884127\nOrder number: 2719346")[0] == "2719346"
    assert fields.order_numbers("Référence de votre dossier : REC-2026-10-0483517") == []  # a complaint's case
    assert fields.order_numbers("預訂參考編號：TWV536184") == ["TWV536184"]


def test_a_payment_deadline_is_no_promise_and_a_ticket_issued_in_minutes_is() -> None:
    from datetime import datetime, timedelta, timezone

    from orderwatch.parsers.promise import find_promise

    at = datetime(2026, 7, 15, 20, 41, tzinfo=timezone(timedelta(hours=8)))
    assert find_promise("请于 2026-07-15 20:53 前完成支付，逾期未支付订单将自动取消。", at) is None
    found = find_promise("预计30分钟内出票，出票成功后将通过短信通知您。", at)
    assert found is not None and found.within is not None and found.within.unit == "minutes"
    paris = datetime(2026, 5, 12, 21, 46, tzinfo=timezone(timedelta(hours=2)))
    found = find_promise(
        "Votre billet est en cours d'émission : vous le recevrez par e-mail dans les 10 minutes.", paris
    )
    assert (
        found is not None and found.within is not None and (found.within.amount, found.within.unit) == (10, "minutes")
    )


def test_the_sentence_after_a_condition_that_says_what_will_then_be_done_is_conditional() -> None:
    text = "If no tracking comes within 7 days, we're here to help. We'll cancel the order and issue you a refund."
    assert cues.unconditional(cues.FAILED, text) is None and cues.granted(text) is None


def test_a_dashed_code_in_a_repair_or_warranty_subject_names_the_order() -> None:
    subject = "RE: Garantie réparation OR-069-2610-00418 - tactile HS"
    assert fields.order_numbers("Nous avons bien pris en charge votre iPhone 12.", subject) == ["OR-069-2610-00418"]
    assert fields.order_numbers("Bonjour", "Newsletter REC-2026-10-0483517") == []  # no purchase named


def test_a_brand_spelled_apart_is_phishing() -> None:
    from orderwatch.parsers.noise import _SPACED_BRAND

    assert _SPACED_BRAND.search("e b a y\nReceipt Transaction - #583920")
    assert not _SPACED_BRAND.search("Thanks for shopping on eBay. Order 583920")


def test_an_appointment_and_a_courier_window_are_arrival_times() -> None:
    from datetime import datetime, timedelta, timezone

    from orderwatch.parsers.promise import find_promise

    beijing = datetime(2026, 9, 3, 16, 48, tzinfo=timezone(timedelta(hours=8)))
    found = find_promise("预约上门时间 2026年09月05日 09:00-12:00", beijing)
    assert found is not None and found.by == datetime(2026, 9, 5, 12, 0, tzinfo=timezone(timedelta(hours=8)))
    london = datetime(2026, 10, 13, 7, 41, tzinfo=timezone(timedelta(hours=1)))
    found = find_promise("Your 1-hour delivery window: 13:12 - 14:12", london)
    assert found is not None and found.by == datetime(2026, 10, 13, 14, 12, tzinfo=timezone(timedelta(hours=1)))
    paris = datetime(2026, 9, 1, 17, 42, tzinfo=timezone(timedelta(hours=2)))
    found = find_promise("Date de distribution estimée : jeudi 3 septembre 2026", paris)
    assert found is not None and found.by is not None and found.by.date().isoformat() == "2026-09-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("＜ご注文番号＞\n　30418862\n＜ご注文日時＞", "30418862"),  # Japanese labels in angle brackets
        ("ご注文商品を発送いたしました。\nBS-28417736 発送元：千葉配送センター 発送：2026/10/22", "BS-28417736"),
        # a payment gateway's own number beside the merchant's: the merchant's is the order
        ("系统订单号：2026110913051067842\n商户订单号：ALS2611091304587731\n", "ALS2611091304587731"),
        ("Merchant reference #4471\nAfterpay order ID 100284417563\n", "4471"),  # the shop's, beside the service's
        ("取引番号:S2608016621\n", "S2608016621"),
        ("Rendelésedet (#18457) feladtuk, a csomagot a GLS szállítja.", "18457"),
        ("Vous trouverez en pièce jointe la confirmation de votre commande SAL-ORD-2026-00417.", "SAL-ORD-2026-00417"),
        ("Objectif Fujifilm XF 35mm\nNuméro d'article : 1301847265\nVendeur : photo_lemanique", "1301847265"),
        (
            "Lieferung verfolgen <https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8204988314470562>",
            "8204988314470562",
        ),
    ],
)
def test_references_a_new_round_taught(text: str, expected: str) -> None:
    assert references(text)[0].value == expected


def test_a_bodys_case_reference_is_a_ticket_and_nordic_reference_labels_name_the_order() -> None:
    ack = "Your complaint concerning order 100384 has been received and has been given the reference ECC-IE-2026-04172."
    assert ticket_numbers(ack) == ["ECC-IE-2026-04172"]
    assert [r.value for r in references(ack, "your complaint has been received (Ref: ECC-IE-2026-04172)")] == ["100384"]
    assert ticket_numbers("Número de radicado: 26-398214") == ["26-398214"]
    for text in (
        "Din ordre med referanse TNXBQZKRE er i transitt.",
        "Uw bestelling met referentie TNXBQZKRE is verzonden.",
    ):
        assert references(text)[0].value == "TNXBQZKRE"


def test_european_spelled_numbers_and_months_in_deadlines() -> None:
    from orderwatch.domain.durations import Duration, duration_from, number

    assert [number(w) for w in ("zwei", "quinze", "diez", "tre", "twee", "dois")] == [2, 15, 10, 3, 2, 2]
    assert duration_from("dos", None, "meses") == Duration(60, "days")  # never later than the calendar's
    assert duration_from("3", None, "months") == Duration(90, "days")
    assert duration_from("24", None, "h") == Duration(24, "hours")  # a digit before a unit letter still reads


def test_a_condition_that_names_an_email_address_stays_a_condition() -> None:
    text = "如遇卡密异常，请在24小时内通过邮件 kefu@example.com 联系客服，并提供充值失败截图。"
    assert cues.unconditional(cues.FAILED, text) is None


def test_a_refund_made_with_days_still_to_come_is_on_its_way() -> None:
    text = "Nous avons donc procédé au\nremboursement intégral. Il sera visible sur votre compte sous 5 jours ouvrés."
    assert cues.refund_received(text) is None
    assert cues.granted("procédé au remboursement intégral de 78,00 € sur votre carte sous 3 à 5 jours ouvrés")
    assert fields.amounts("Gesamtsumme: inkl. MwSt 269,00 Euro", "de") == [fields.Money(Decimal("269.00"), "EUR")]


def test_a_copyright_year_before_a_brand_is_no_amount_and_jis_yen_is_yen() -> None:
    from orderwatch.parsers.charsets import decode_bytes

    assert fields.amounts("$7.47 + tax\n©1997-2026 Audible, Inc.", "en") == [fields.Money(Decimal("7.47"), "USD")]
    assert decode_bytes("支払合計金額：\\5,100".encode("iso-2022-jp"), "ISO-2022-JP") == "支払合計金額：¥5,100"


def test_deadlines_in_korean_hungarian_polish_and_japanese() -> None:
    from datetime import datetime, timedelta, timezone

    from orderwatch.parsers.durations import stated_deadline

    seoul, budapest = timezone(timedelta(hours=9)), timezone(timedelta(hours=1))
    at = datetime(2026, 11, 18, 9, tzinfo=seoul)
    assert stated_deadline("사진은 11월 19일(목) 오후 6시까지 보내 주셔야", at) == datetime(
        2026, 11, 19, 18, tzinfo=seoul
    )
    at = datetime(2026, 11, 5, 9, tzinfo=budapest)
    assert stated_deadline("legkésőbb 2026. november 13-ig küldje meg", at).date().isoformat() == "2026-11-13"
    assert stated_deadline("zwrot najpóźniej do 19.11.2026", at).date().isoformat() == "2026-11-19"
    assert stated_deadline("2026年11月20日(金)までに添付してお送りください", at).date().isoformat() == "2026-11-20"


def test_a_totals_table_flattened_column_by_column_pairs_each_label_with_its_amount() -> None:
    """'Subtotal / Versand / GESAMT' over '€159.90 / €0.00 / €119.92': the total is the third amount."""
    assert fields.total_amount("Subtotal\nVersand\nGESAMT\n\n€159.90\n€0.00\n€119.92\n", "de") == fields.Money(
        Decimal("119.92"), "EUR"
    )
    spaced = "Subtotal:\n\nRabatt:\n\nVersand:\n\nGESAMT:\n\n159.90\n\n-0.00\n\n0.00\n\n€ 119.92\n"
    assert fields.total_amount(spaced, "de") == fields.Money(Decimal("119.92"), "EUR")
    assert fields.total_amount("Zwischensumme: 85,00 EUR\nSumme: 89,90 EUR\n", "de") == fields.Money(
        Decimal("89.90"), "EUR"
    )
    assert fields.total_amount("Total TTC 1 299,00 DH", "fr") == fields.Money(Decimal("1299.00"), "MAD")


def test_a_pay_later_services_own_record_of_the_order_is_not_the_shops() -> None:
    found = references("Gorewear\n\nKlarna order reference   2UVZD7AP\nOrder placed  October 18, 2026")
    assert found and fields.service_own(found[0])
    paid_by = references("Zahlungsmethode: PayPal\nBestellnummer: 10482\n")  # the method's name on the line above
    assert paid_by[0].value == "10482" and not fields.service_own(paid_by[0])
    assert fields.mentions("Rank not received - tbx-63904751c28e14-3b7d2a\non 19/09/2026, £24.99") == [
        "tbx-63904751c28e14-3b7d2a"
    ]


def test_an_order_total_two_short_lines_below_its_label() -> None:
    """Walgreens: 'Order total' / 'View order receipt' / '$41.73', after an item's own 'Total: $38.25'."""
    text = "Total: $38.25\nShipping FAQs\nOrder total\nView order receipt\n$41.73\nApplicable tax"
    assert fields.total_amount(text, "en") == fields.Money(Decimal("41.73"), "USD")


def test_a_faveo_ticket_tag_is_a_ticket_and_a_receipts_bracketed_number_is_not() -> None:
    from orderwatch.parsers.fields import ticket_numbers

    assert ticket_numbers("Order #5521 not delivered[#AAAA-0000-0412]") == ["AAAA-0000-0412"]
    assert ticket_numbers("Ticket Details\nTicket ID: AAAA-0000-0412") == ["AAAA-0000-0412"]
    assert ticket_numbers("Receipt from Duolingo [#1482-7735]") == []


def test_half_hours_and_half_days_are_durations() -> None:
    """'active within 1.5 hours of your payment' (a VPN bought through a crypto processor); '2,5 Tage'."""
    from datetime import UTC, datetime

    from orderwatch.parsers.promise import find_promise

    from orderwatch.domain.durations import Duration, duration_from

    assert duration_from("1.5", None, "hours") == Duration(90, "minutes")
    assert duration_from("2,5", None, "Tage") == Duration(60, "hours")
    assert duration_from("1.5", None, "workdays") is None  # half a workday says no time
    found = find_promise(
        "Your account will be active within 1.5 hours of your payment.", datetime(2026, 9, 21, tzinfo=UTC)
    )
    assert found is not None and found.within == Duration(90, "minutes")


def test_a_payment_processors_receipt_names_the_merchants_order_not_its_own_invoice() -> None:
    from orderwatch.parsers import parse

    raw = (
        b"From: CoinGate <no-reply@coingate.com>\r\nTo: a@example.com\r\n"
        b"Subject: Payment received - Invoice #31885214\r\n"
        b"Date: Mon, 21 Sep 2026 22:03:58 +0000\r\nMessage-ID: <cg-1@coingate.com>\r\n\r\n"
        b"Your payment to NordVPN has been received.\r\n\r\nInvoice ID: 31885214\r\nMerchant: NordVPN\r\n"
        b"Order ID: 98327541\r\nPrice: 118.56 USD\r\nStatus: Paid\r\n\r\nCoinGate only processes the payment.\r\n"
    )
    assert {e.order_no for e in parse(raw, role="inbox").events} == {"98327541"}


def _mail(sender: str, subject: str, date: str, body: str) -> bytes:
    """One plain-text message to a@example.com."""
    return plain_mail(sender, subject, body, date, to="a@example.com")


def test_a_claim_lure_that_sends_to_a_private_chat_is_phishing() -> None:
    from orderwatch.parsers import parse

    raw = _mail(
        "淘宝网客服中心 <service@shop-claims.example>",
        "【淘宝】您购买的商品存在质量问题，双倍理赔退款通知",
        "Mon, 16 Nov 2026 11:02:40 +0800",
        "订单编号：3391847702615538291，平台将为您办理双倍理赔退款，理赔金额 ¥236.00。\n"
        "请添加理赔专员QQ：2874419066 办理退款。",
    )
    result = parse(raw, role="inbox")
    assert result.kind == "noise" and not result.events


def test_a_date_a_link_token_and_a_float_artefact_are_read_for_what_they_are() -> None:
    """Round GC/GF: "Order Confirmation … on 2026-04-15" names no order 2026-04-15; a tracker's path
    "[https://…tntf6NroxehYs…]" shown in the prose holds no 'Nr' label; Amazon's printed float
    "122.44000000000001 USD" is $122.44, not 44000000000001."""
    assert references("", "Order Confirmation 193752 to Paul Davis on 2026-04-15") == ()
    link = "Shop [https://cdn.example/e/.Ymn4tntf6NroxehYsHBqPDYKSOBrjRHw7V_kec/click]\n"
    assert [r.value for r in references(link + "Your order number: AMI83104", "")] == ["AMI83104"]
    assert fields.total_amount("Total\n122.44000000000001 USD").amount == Decimal("122.44")
    assert fields.total_amount("Total: 19.989999999999998 USD").amount == Decimal("19.99")


def test_a_text_parts_bold_marks_do_not_hide_its_labels() -> None:
    from orderwatch.parsers.reader import parse_mail

    raw = _mail(
        "Garden Shop <support@orders.garden.example>",
        "Success! Thank You For Your Order",
        "Mon, 06 Apr 2026 04:15:13 +0000",
        "*Your order number*: AMI83104\n**Grand Total:** $120.55\nPrice 5*3*2 stays\n",
    )
    text = parse_mail(raw).text
    assert "Your order number: AMI83104" in text and "Grand Total: $120.55" in text and "5*3*2" in text


def test_a_brands_callback_invoice_from_another_domain_is_noise() -> None:
    """Round GM: a 'Norton' renewal from a school's domain that says to phone to block the charge."""
    from orderwatch.parsers import parse

    raw = _mail(
        "Dominic Mulig <dmulig@school-district.example.org>",
        "Norton Alert: The total amount of your overdue charge is $295.70",
        "Fri, 07 Nov 2025 22:56:24 +0600",
        "Your Norton Life-Lock subscription is set to renew today.\n"
        "To block the auto-renewal service, please contact the Customer Help Center: 702 329-7226\n"
        "Invoice Number: 54896548\nTotal Amount: $295.70\n",
    )
    result = parse(raw, role="inbox")
    assert result.kind == "noise" and not result.events


def test_a_chinese_thunderbird_forward_is_read_from_its_original_date() -> None:
    """Round GO: '-------- 转发的消息 --------' over '日期: \tWed, 28 Oct 2026 15:20:41 +0800'."""
    from orderwatch.parsers.quotes import forwarded

    text = (
        "-------- 转发的消息 --------\n主题: \t退款审核通过通知（订单JG2610190388）\n"
        "日期: \tWed, 28 Oct 2026 15:20:41 +0800\nFrom: \t极光软件商城 <service@jiguang-soft.example>\n\n"
        "您好！您的退款申请已审核通过。\n"
    )
    found = forwarded("Fwd: 退款审核通过通知", text)
    assert found is not None and "28 Oct 2026 15:20:41" in found.headers["date"]


def test_south_east_asian_labels_from_round_gl() -> None:
    from datetime import datetime, timedelta, timezone

    from orderwatch.parsers.arrivals import find_arrivals

    bangkok = timezone(timedelta(hours=7))
    found = find_arrivals("คาดว่าจะได้รับสินค้าภายในวันที่ 07 พ.ย. 2026", datetime(2026, 11, 4, tzinfo=bangkok))
    assert [p.by.date().isoformat() for _, p in found] == ["2026-11-07"]
    jakarta = datetime(2026, 11, 13, 16, 20, tzinfo=bangkok)
    text = "Perkiraan tiba sebelumnya: 11 - 13 November 2026\nPerkiraan tiba terbaru: Selasa, 17 November 2026\n"
    assert [p.by.date().isoformat() for _, p in find_arrivals(text, jakarta)] == ["2026-11-17"]
    assert fields.order_total("Tổng cộng: ₫1.290.000", "vi").amount == Decimal("1290000")


def test_an_order_number_heading_the_first_column_of_a_flattened_table_is_read() -> None:
    """'주문번호 상품명 수량 배송정보' over '2611… 국산 …': the cells were joined by single spaces, so only the
    first column lines up; a date under the label is no reference."""
    table = "상품배송정보\n주문번호 상품명 수량 배송정보\n2611171032514823 국산 원목 도마 (대)\n롯데택배\n"
    assert [found.value for found in references(table)][:1] == ["2611171032514823"]
    assert "AB-1234567" in [f.value for f in references("Order Number Item Quantity Status\nAB-1234567 Widget 1\n")]
    assert not references("Order Number Date Total\n2026-11-17 Widget 3\n")


def test_look_alike_glyphs_in_a_brands_domain_are_a_lure_and_another_shop_is_not() -> None:
    """Round GU: 'steamcommunlty-keys.com' (l for i) is a lure; 'microspot.ch' and 'mercadolibre' are shops."""
    from orderwatch.parsers import parse
    from orderwatch.parsers.noise import _misspells

    lure = _mail(
        "Steam Store <no-reply@steamcommunlty-keys.example>",
        "Votre clé est prête",
        "Thu, 12 Nov 2026 07:03:44 +0100",
        "Votre clé (commande n° 7731-FR-2026) est prête : http://steamcommunlty-keys.example/login\n",
    )
    assert parse(lure, role="inbox").kind == "noise"
    assert _misspells("paypa1", "paypal") and not _misspells("microspot", "microsoft")
    assert not _misspells("mercadolibre", "mercadolivre") and not _misspells("shoppe", "shopee")


def test_round_gs_and_gt_languages() -> None:
    """Arabic order label, refund grant and workdays; a future 'will ship'; a Turkish 'when shipped'; a
    Russian complaint's next step is not its addressee; Nordic refunded orders."""
    from orderwatch.parsers import parse
    from orderwatch.parsers.durations import stated_duration

    cancelled = "تم إلغاء طلبك رقم 1100847362.\n"
    arabic = cancelled + "سيتم استرداد المبلغ 4,299.00 ر.س إلى وسيلة الدفع الأصلية خلال 7 أيام عمل.\n"
    assert [f.value for f in references(arabic)][:1] == ["1100847362"]
    within = stated_duration(arabic, lexicon.REFUND_VERBS_ZH, lexicon.REFUND_VERBS_EN, lexicon.REFUND_INTL_WORDS)
    assert within is not None and (within.amount, within.unit) == (7, "workdays")
    assert cues.SHIPPED.search("تم شحن طلبك") and not cues.SHIPPED.search("بعد التأكيد سيتم شحن طلبك فوراً")
    assert not cues.SHIPPED.search("Siparişin kargoya verildiğinde sana haber vereceğiz")
    complaint = _mail(
        "Pavel <p@example.ru>",
        "Претензия по заказу № 528417306",
        "Fri, 06 Nov 2026 10:15:42 +0300",
        "Курьер не приехал, заказ № 528417306 не доставлен.\n"
        "В случае отказа я буду вынужден обратиться в Роспотребнадзор.\n",
    )
    sent = parse(complaint, role="sent").events[0]
    assert sent.kind == "complaint_sent" and sent.fields.get("target") != "outside"
    refunded = _mail(
        "Nordljus <butik@nordljus.example>",
        "Din beställning #4127 har återbetalats",
        "Tue, 10 Nov 2026 14:22:07 +0100",
        "Din beställning har blivit återbetald.\nBeställning #4127\nTotalt: 1 372,00 kr\nÅterbetalning: -1 372,00 kr\n",
    )
    event = parse(refunded, role="inbox").events[0]
    assert event.kind == "refund" and event.fields["state"] == "received" and event.fields["order_amount"] == "1372.00"


def test_round_gw_digital_checkouts() -> None:
    """Digistore24's 'Ihre Bestellung ist nun vollständig' with 'Betrag: 97,00 EUR'; Kajabi's 'Refund Receipt'
    whose money 'typically take[s] 5-10 business days to appear' is granted, still on its way."""
    from orderwatch.parsers import parse

    order = _mail(
        "Digistore24 <noreply@digistore.example>",
        "Bestellung erfolgreich",
        "Mon, 02 Nov 2026 21:14:08 +0100",
        "Herzlichen Dank – Ihre Bestellung ist nun vollständig!\nBestell-ID:      K7RM4QZ2\n"
        "Betrag:          97,00 EUR (inkl. 19 % MwSt.)\n",
    )
    ordered = parse(order, role="inbox").events[0]
    assert ordered.kind == "ordered" and ordered.fields["amount"] == "97.00"
    refund = _mail(
        "Slow Stitch Studio <receipts@kajabi.example>",
        "Refund Receipt",
        "Thu, 15 Oct 2026 10:00:00 -0700",
        "Refund Receipt\nRefund for invoice number: 2291\nAmount refunded  $197.00 to Visa\n"
        "Refunds typically take 5-10 business days to appear on your statement.\n",
    )
    event = next(e for e in parse(refund, role="inbox").events if e.kind == "refund")
    assert event.fields["state"] == "granted"
