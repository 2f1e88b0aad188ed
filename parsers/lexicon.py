"""One multilingual table of the words order mail is written with.

Labels ("订单编号", "Bestellnummer", "Total TTC"), month and weekday names, and the words for
"today" and "tomorrow", in zh-Hans, zh-Hant, en, de, fr, it, es, pl, nl and pt. Field readers
and the promise grammar build their patterns from here, so teaching the program a language is
one edit in one place. Words describe kinds of mail, never one shop.
"""

from __future__ import annotations

import re


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal words and small patterns, longest first."""
    return "|".join(sorted(words, key=len, reverse=True))


# --- order references -------------------------------------------------------------------

# A label that says "the order number is": the reference follows, maybe after ":", "#", "nº".
ORDER_LABELS = [
    # zh-Hans / zh-Hant
    # Magento's zh_Hans_CN pack words "Credit Memo for Order #…" as "你信用秩序 #000000131 的备注": 秩序 is its "order"
    r"(?<=信用)秩序(?=\s*#)|订单号码|订单编号|订单号|订购号|訂購號|订购编号|訂購編號|订购单号|訂購單號|商户单号|商户订单号|商家订单号|(?:订单|訂單)[或/／、](?:充值|支付|交易|付款)(?:编号|編號|号|號)|关联订单|订\s*单\s*号|訂單編號|訂單號碼|訂單號|訂單代號|訂單序號|交易编号|交易編號|集运单号|集運單號|集运单|集運單|转运单号|轉運單號|涉诉单号|涉訴單號",
    # en
    r"order\s*(?:#|no\.?|number|num\.?|id|code|ref(?:erence)?)|purchase\s*(?:#|no\.?|number|ref(?:erence)?)|receipt\s*(?:#|no\.?|number)|"
    # a restaurant's point of sale numbers the order as a check: "Check #418", "Check No. 2211"
    r"check\s*(?:#|no\.)(?=\s*\d)",
    # a payment service names the shop's own number: "Merchant reference #4471" beside its own "order ID"
    r"(?:merchant|store|retailer)\s+(?:order\s+)?(?:reference|ref\.?)(?:\s*(?:#|no\.?|number))?",
    # a repair service's order: "Ordre de réparation : OR-069-2610-00418", "Repair order #", "維修單號"
    r"ordre de r[ée]paration|repair\s+order\s*(?:#|no\.?|number)?|維修單號|维修单号",
    r"order\s*(?:confirmation\s*)?(?:number|#)",
    # de
    r"bestellnummer|bestell-?nr\.?|bestellung\s*(?:nr\.?|nummer|#)|auftragsnummer|auftrags-?nr\.?|bestell(?:ungs)?-?(?:id|code)\b|auftrags-?id\b",
    # fr
    r"num[ée]ro\s+de\s+(?:la\s+)?commande|n[°º]\s*de\s*commande|commande\s*(?:n[°º]|no\.?|num[ée]ro|#)|"
    r"r[ée]f[ée]rence\s+(?:de\s+(?:la\s+)?)?commande|(?:id|identifiant)\s+(?:de\s+(?:la\s+)?)?commande",
    # it
    r"numero\s+(?:d[ie]ll?'?\s*)?ordine|n\.?\s*ordine|ordine\s*(?:n\.?[°º]?|nr\.?|numero|#)",
    # es / pt
    r"n[úu]mero\s+de(?:l)?\s+pedido|n\.?[°º]\s*de\s*pedido|pedido\s*(?:n\.?[°º]|no\.?|n[úu]mero|#)|"
    r"n[úu]mero\s+d[ao]\s+encomenda|n\.?[°º]\s*d[ae]\s*encomenda|encomenda\s*(?:n\.?[°º]|no\.?|n[úu]mero|#)|"
    r"n[úu]mero\s+do\s+pedido|n[úu]mero\s+de\s+(?:la\s+)?orden|n\.?[°º]\s*de\s*(?:la\s+)?orden|orden\s*(?:de\s+compra\s*)?(?:n\.?[°º]|no\.?|n[úu]mero|#)",
    # pl
    r"numer\s+zam[óo]wienia|nr\.?\s+zam[óo]wienia|zam[óo]wieni[ea]\s*(?:nr\.?|numer|#)",
    # nl
    r"bestelnummer|ordernummer|bestelling\s*(?:nr\.?|nummer|#)|bestel-?id\b",
    # sv, cs, ro, ja: the big marketplaces' other languages
    r"best[äa]llning(?:snummer)?\s*(?:nr\.?|#)?|ordernr\.?|"
    r"[čc][íi]slo\s+objedn[áa]vky|objedn[áa]vk[ayu]\s*(?:[čc]\.|[čc][íi]slo)|"
    r"num[ăa]rul\s+comenzii|comand[ăa](?:\s+ta)?(?:\s+cu)?\s*(?:nr\.?|num[ăa]rul)|"
    r"(?:ご)?注文(?:番号|ID|No\.?)|受注番号|取引(?:番号|ID)|オーダー(?:番号|ID)|주문\s*번호",
    # ru, tr, id, vi, th, ar
    r"номер\s+заказа|заказ(?:а|у|ом|е)?\s*(?:№|#|номер)|№\s*заказа|sipari[şs]\s*(?:no\.?|numaras[ıi]|#)|"
    r"no\.?\s*pesanan|nom[bo]r\s+pesanan|pesanan\s*#|"
    r"m[ãa]\s+đơn\s+hàng|số\s+đơn\s+hàng|đơn\s+hàng\s*#|หมายเลขคำสั่งซื้อ|คำสั่งซื้อหมายเลข|رقم\s+الطلب|طلب(?:ك|كم)?\s+(?:رقم|#)|(?:کد|شماره)\s+سفارش",
    # uk, el, hu
    r"παραγγελ[ιί]α\s+με\s+αριθμ[οό]|מספר\s+(?:ה)?הזמנה|הזמנה\s+(?:מס['׳]|מספר|#)|номер\s+на\s+поръчка(?:та)?|поръчка\s*(?:№|#)|номер\s+замовлення|замовлення\s*(?:№|#)|αριθμ[οό]ς\s+παραγγελ[ιί]ας|παραγγελ[ιί]α\s*(?:#|αρ\.)|"
    r"rendel[ée]ssz[áa]m|rendel[ée]s\s*(?:sz[áa]ma|azonos[ií]t[óo](?:ja)?)",
    # nb, da, fi
    r"ordre(?:nummer|nr\.?)|ordre\s*(?:nr\.?|nummer|#)|bestillings?(?:nummer|nr\.?)|tilausnumero|tilausnro\.?|tilaus\s*(?:nro\.?|numero|#)|handelsnummer|order-id\b",
]
# A booking's reference ("Référence de dossier : QHTZRB", "預訂編號"): below an order number the mail gives.
BOOKING_LABELS = (
    r"booking\s*(?:id|#|no\.?|number|ref(?:erence)?(?:\s*id)?)|reservation\s*(?:#|no\.?|number|code|id|ref(?:erence)?)|\bPNR\b|"
    # "référence de dossier" is a complaint's case too: a booking's only with a six-letter PNR after it
    r"r[ée]f[ée]rence\s+de\s+dossier(?=\s*[:：]?\s*[A-Z]{6}\b)|r[ée]f[ée]rence\s+(?:de\s+)?(?:r[ée]servation|voyage)|"
    r"num[ée]ro\s+de\s+r[ée]servation|code\s+(?:de\s+)?r[ée]servation|r[ée]servation\s*(?:n[°º]|#)|n[°º]\s*de\s*r[ée]servation|"
    r"(?:trajet|billet|voyage)(?:\s+[\w-]+){0,2}?\s+n[°º]|dossier\s+voyage|buchungs(?:nummer|code|-?nr\.?)|n[úu]mero\s+de\s+reserva|localizador|(?:codice|numero)\s+(?:di\s+)?prenotazione|"
    r"(?:预订|預訂|訂位|订位|预约|預約)(?:参考|參考|单|單)?(?:编号|編號|号码|號碼|号|號|代號|代号)|(?:确认|確認)(?:号码|號碼|编号|編號)"
)
# A payment or top-up store's transaction reference: the order's own number when it names no other.
TRANSACTION_LABELS = (
    r"transaction\s*(?:id|no\.?|number|#|ref(?:erence)?)|txn\s*id|交易\s*ID|交易号|交易单号|交易單號|交易序號|"
    r"transactienummer|(?:no\.?|id|nomor)\s+transaksi|n[úu]mero\s+de\s+transacci[óo]n|transaktions-?(?:id|nummer)|"
    r"numer\s+transakcji|transakcj[aięi]\s+nr\.?|"
    r"id\s+de\s+la\s+transacci[óo]n|n[°º]\s*de\s*transaction|transaction\s*n[°º]|num[ée]ro\s+de\s+transaction|id\s+(?:della\s+)?transazione"
)
# The merchant's invoice in a payment service's receipt (PayPal's "Invoice ID"): above its transaction id.
INVOICE_LABELS = (
    r"(?:invoice|发票|發票)\s*(?:id|no\.?|number|#|号|號|编号|編號)?(?=\s*[:：#\n])|invoice(?=\s+\d{6,})|"
    r"(?:num[ée]ro de facture|rechnungsnummer|n[úu]mero de factura|numero (?:di )?fattura)(?=\s*[:：#\n])"
)
# A marketplace listing's own number: the reference of a purchase that has no order number (Mercari).
ITEM_LABELS = (
    r"item\s*(?:id|#|no\.?|number)|listing\s*(?:id|#|no\.?|number|code)?|artikel-?(?:id|nummer)|商品\s*(?:ID|编号|編號)|"
    r"num[ée]ro\s+d['’]article|n[°º]\s*d['’]article|num[ée]ro\s+de\s+l['’]objet|numero\s+(?:dell['’])?(?:articolo|inserzione)"
)
# A reference label that may also name other things (a product): weaker evidence than the above.
REFERENCE_LABELS = (
    r"(?:ayant\s+pour\s+|avec\s+la\s+|with\s+|med\s+|met\s+)?(?:r[ée]f[ée]rence|reference|referenz|riferimento|referencia|"
    r"referanse|referens|referentie|ref\.|"
    r"number|nummer|num[ée]ro|numero|n[úu]mero|numer|nr\.?|no\.|invoice(?:\s+(?:number|no\.?|#))?|rechnungsnummer|factura)"
)
# "Commande : KHWLILZLL", "Bestellung: 3306", "订单：X": the order word and a colon is a label too.
ORDER_WORD_COLON = (
    r"(?:order|订单|訂單|bestellung|commande|ordine|pedido|orden|zam[óo]wienie|bestelling|encomenda)\s*[:：]"
)
# Words of shipping and delivery mail, in every language the lexicon reads (subjects, notices).
SHIPPING_WORDS = (
    r"shipment|shipping|delivery|dispatch|出貨|出货|发货|發貨|配送|送貨|物流|versand|lieferung|zustellung|"
    r"доставк|kargo|dikirim|giao\s+hàng|จัดส่ง|الشحن|"
    r"exp[ée]dition|livraison|spedizion|consegna|env[íi]o|entrega|wysy[łl]k|przesy[łl]k|dostaw|verzend|levering|leverans|toimitus|l[äa]hetys|doru[čc]en|z[áa]silk|sz[áa]ll[ií]t|livrare"
)
# Words of refund mail, in every language the lexicon reads.
REFUND_WORDS = (
    r"refund|זיכוי|החזר כספי|възстановяване|επιστροφ[ήη] χρημ[άα]των|credit memo|credit note|退款|退貨|退货|r[üu]ckerstattung|erstatt|gutschrift|rembours|avoir|"
    r"rimbors|reembols|reverso|devoluci[óo]n|zwrot|vergoeding|terugbetaling|rambursa|estorno|[åa]terbetal|refunder|tilbakebetal|"
    r"tilbagebetal|hyvit|vr[áa]cen|visszat[ée]r[ií]t|bayaran balik|pengembalian dana|hoàn tiền|استرداد|استرجاع|إرجاع المبلغ"
)
ORDER_WORDS = (
    r"order|r[ée]servation|reservation|booking|buchung|auftrag|reserva|prenotazione|预订|預訂|訂位|订单|訂單|bestellung|commande|ordine|pedido|orden|compra|zam[óo]wieni(?:e|a|u|em)|bestelling|encomenda|замовлення|παραγγελ[ιί]α|rendel[ée]s(?:ed(?:et)?|[ée]t|em(?:et)?|[üu]nk)?|"
    r"best[äa]llning|objedn[áa]vk[ayu]|comand[ăa]|ordre|bestilling|tilaus|注文|заказ|sipari[şs]|pesanan|đơn\s+hàng|คำสั่งซื้อ|الطلب|طلبك|سفارش|הזמנה|поръчка(?:та)?"
)

# --- totals -----------------------------------------------------------------------------

TOTAL_LABELS = [
    r"总价|订单总价|订单总额|订单金额|订单价格|实付款|实付金额|实付|支付金额|付款金额|应付金额|合计|总计|总金额|退款金额|支付(?=\d|\s*[¥￥]|\s*\d+(?:\.\d{1,2})?\s*元)|成交金额|成交价|租金(?=\s*[:：]?\s*[¥￥]?\d)",
    r"總付款額|总付款额|總計|總金額|(?<!貨品)(?<!商品)總額|訂單金額|訂單價格|訂單總額|應付金額|實付金額|付款金額|結帳金額|合計|總價|成交金額|(?<!货品)(?<!商品)总额",
    # a bare "金额：45.00 CNY" (a 发卡 engine's status mail), never a discount's, a fee's or a refund's
    r"(?<![优優惠折扣运運费費退款减減免红紅包抵])金[额額](?=\s*[:：])",
    r"(?<![Ss]ub)(?<![Ss]ub-)(?<![Bb]asket )(?<![Ii]tem )(?<!included in )(?<!ncluded in the )(?<!pre[țt] )(?:grand\s+)?total(?:\s+paid|\s+due|\s+ttc|\s+charged|\s*\([^)]{0,40}\))?",
    r"order\s+total|amount\s+paid|you\s+paid|amount\s+charged|total\s+charged|charged\s+(?:today|now)|paid\s+now|payment\s+total|(?:shipment|order)\s+value|amount\s+payable|"
    r"sipari[şs]\s+tutar[ıi]|[öo]deme\s+tutar[ıi]|المجموع|المبلغ|jumlah(?:\s+bayaran)?",
    r"gesamtbetrag|gesamtsumme|rechnungsbetrag|endbetrag|gesamtpreis|(?<![Zz]wischen)summe|gesamt|zu\s+zahlen|(?<![\w-])betrag(?=[^\S\n]*:)",
    r"montant\s+(?:total|global)|total\s+[àa]\s+payer|total\s+pay[ée]|montant\s+pay[ée]",
    r"totale(?:\s+ordine|\s+pagato)?|importo\s+totale|importo\s+pagato",
    r"importe\s+total|total\s+del\s+pedido|total\s+pagado|valor\s+total",
    r"do\s+zap[łl]aty|razem|kwota(?:\s+zam[óo]wienia)?|suma|[łl][ąa]cznie|warto[śs][ćc]\s+zam[óo]wienia",
    r"totaal(?:bedrag)?(?:\s+betaald)?(?!\s+(?:belasting|btw))",  # "Totaal betaald € 49,95", not the tax's "Totaal belasting …"
    r"(?:お)?支払(?:い)?金額|ご請求金額|合計金額|総額|총\s*결제\s*금액|결제\s*금액|총\s*금액|합계",
    r"مبلغ\s+کل|مبلغ\s+قابل\s+پرداخت|جمع\s+کل|итого|сумма\s+заказа|к\s+оплате|toplam(?:\s+tutar)?|[öo]denen\s+tutar|total\s+pembayaran|total\s+tagihan|"
    r"tổng\s+thanh\s+toán|tổng\s+cộng|số\s+tiền\s+thanh\s+toán|ยอดรวม(?!สินค้า)(?:\s*\([^)\n]{0,30}\))?|ยอดชำระ(?:ทั้งหมด)?|"
    r"إجمالي\s+الطلب|المبلغ\s+الإجمالي|الإجمالي",
    # sv, nb, da, fi, cs, hu, ro
    r"totalt(?:\s+betalt)?|totalsumma|summa|att\s+betala|total\s+inkl\.?\s+moms|i\s+alt(?:\s+betalt)?|yhteens[äa]|maksettava|celkem(?:\s+k\s+[úu]hrad[ěe])?|celkom(?:\s+k\s+[úu]hrade)?|"
    r"celkov[áa]\s+cena|[öo]sszesen|fizetend[őo]|total\s+de\s+plat[ăa]|total\s+pl[ăa]tit|total\s+comand[ăa]",
    r"разом(?:\s+до\s+сплати)?|сума\s+замовлення|σ[υύ]νολο|v[ée]g[öo]sszeg|fizetend[őo]|סה[\"״]כ(?:\s+(?:לתשלום|ששולם|שולם))?|ποσ[όο]\s+παραγγελ[ίι]ας|общо(?:\s+за\s+плащане)?|сума\s+за\s+плащане",
]

# --- months, weekdays, relative days ----------------------------------------------------


def numbered(groups: list[str], start: int = 0) -> dict[str, int]:
    """{'january': 1, 'janvier': 1, ...} from one line of names per number; first name wins."""
    table: dict[str, int] = {}
    for number, names in enumerate(groups, start=start):
        for name in names.split():
            table.setdefault(name, number)
    return table


MONTHS = numbered(
    [
        "january jan ene gen janvier janv januar jän gennaio enero stycznia styczeń sty januari janeiro ianuarie января январь янв ocak januari يناير มกราคม ม.ค. січня січень ιανουαρίου ιανουάριος ιαν január jan. januar tammikuuta tammikuu ledna leden",
        "february feb février févr fevrier februar febbraio febrero febr lutego luty lut februari fevereiro februarie февраля февраль фев şubat subat februari فبراير กุมภาพันธ์ ก.พ. лютого лютий φεβρουαρίου φεβρουάριος φεβ február feb. februar helmikuuta helmikuu února únor fev fev.",
        "march mar mars märz maerz marzo marca marzec maart março marco martie марта март mart maret مارس มีนาคม มี.ค. березня березень μαρτίου μάρτιος μαρ március márc. marts maaliskuuta maaliskuu března březen",
        "april apr avril aprile abril kwietnia kwiecień kwi aprilie апреля апрель апр nisan أبريل ابريل เมษายน เม.ย. квітня квітень απριλίου απρίλιος απρ április ápr. huhtikuuta huhtikuu dubna duben abr abr.",
        "may mai mag maggio mayo maja maj mei maio мая май mayıs mayis مايو พฤษภาคม พ.ค. травня травень μαΐου μάιος μαΐ május máj. toukokuuta toukokuu května květen",
        "june jun giu juin juni giugno junio czerwca czerwiec cze junho iunie июня июнь haziran juni يونيو มิถุนายน มิ.ย. червня червень ιουνίου ιούνιος ιουν június jún. kesäkuuta kesäkuu června červen",
        "july jul lug juillet juil juli luglio julio lipca lipiec lip. julho iulie июля июль temmuz juli يوليو กรกฎาคม ก.ค. липня липень ιουλίου ιούλιος ιουλ július júl. heinäkuuta heinäkuu července červenec",
        "august aug ago août aout agosto sierpnia sierpień sie. augustus августа август авг ağustos agustos agu ags أغسطس اغسطس สิงหาคม ส.ค. серпня серпень αυγούστου αύγουστος αυγ augusztus aug. augusti elokuuta elokuu srpna srpen ago.",
        "september sep set sept septembre settembre septiembre setiembre września wrzesień wrz setembro septembrie сентября сентябрь сен сент eylül eylul سبتمبر กันยายน ก.ย. вересня вересень σεπτεμβρίου σεπτέμβριος σεπ szeptember szept. syyskuuta syyskuu září set.",
        "october oct ott octobre oktober ottobre octubre października październik paź okt outubro octombrie октября октябрь окт ekim oktober أكتوبر اكتوبر ตุลาคม ต.ค. жовтня жовтень οκτωβρίου οκτώβριος οκτ október okt. lokakuuta lokakuu října říjen out.",
        "november nov novembre noviembre listopada listopad lis novembro noiembrie ноября ноябрь ноя нояб kasım kasim نوفمبر พฤศจิกายน พ.ย. листопада листопад νοεμβρίου νοέμβριος νοε marraskuuta marraskuu listopadu",
        "december dec dic décembre decembre dezember dicembre diciembre grudnia grudzień gru dezembro decembrie декабря декабрь дек aralık aralik desember ديسمبر ธันวาคม ธ.ค. грудня грудень δεκεμβρίου δεκέμβριος δεκ december desember joulukuuta joulukuu prosince prosinec dez dez.",
    ],
    start=1,
)
MONTH_NAMES = alternation([re.escape(name) for name in MONTHS])

WEEKDAYS = numbered(
    [
        "monday mon montag mo lundi lun lunedì lunedi lunes poniedziałek poniedzialek maandag segunda-feira segunda luni понедельник пн pazartesi senin الاثنين จันทร์ понеділок δευτέρα hétfő måndag mandag maanantai pondělí",
        "tuesday tue tues dienstag di mardi mar martedì martedi martes wtorek dinsdag terça-feira terca-feira terça terca marți marti вторник вт salı sali selasa الثلاثاء อังคาร вівторок τρίτη kedd tisdag tirsdag tiistai úterý",
        "wednesday wed mittwoch mi mercredi mer mercoledì mercoledi miércoles miercoles środa sroda woensdag quarta-feira quarta miercuri среда среду ср çarşamba carsamba rabu الأربعاء الاربعاء พุธ середа середу τετάρτη szerda onsdag keskiviikko středa",
        "thursday thu thur thurs donnerstag do jeudi jeu giovedì giovedi jueves czwartek donderdag quinta-feira quinta joi четверг чт perşembe persembe kamis الخميس พฤหัสบดี พฤหัส четвер πέμπτη csütörtök torsdag torstai čtvrtek",
        "friday fri freitag fr vendredi ven venerdì venerdi viernes piątek piatek vrijdag sexta-feira sexta vineri пятница пятницу пт cuma jumat الجمعة ศุกร์ п'ятниця п’ятниця п'ятницю παρασκευή péntek fredag perjantai pátek",
        "saturday sat samstag sa samedi sam sabato sábado sabado sobota zaterdag sâmbătă sambata суббота субботу сб cumartesi sabtu السبت เสาร์ субота суботу σάββατο szombat lördag lørdag lauantai",
        "sunday sun sonntag so dimanche dim domenica dom domingo niedziela zondag duminică duminica воскресенье вс pazar الأحد الاحد อาทิตย์ неділя неділю κυριακή vasárnap söndag søndag sunnuntai neděle",
    ]
)
# Only full names stand alone as a promise ("Arriving Friday"); short forms ("Fr", "Mar") only beside a date.
WEEKDAY_FULL = alternation(
    [re.escape(n) for n in WEEKDAYS if len(n) > 4 or n in ("lunes", "martes", "jueves", "viernes", "sabato")]
)
ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}

TODAY = r"היום|днес|σήμερα|오늘|idag|i dag|tänään|dnes|astăzi|today|tonight|this evening|heute|aujourd'hui|ce soir|oggi|stasera|hoy|esta noche|hoje|dzisiaj|dziś|vandaag|今天|今日|今晚"
TOMORROW = r"מחר|утре|αύριο|내일|imorgon|i morgon|i morgen|huomenna|zítra|holnap|mâine|tomorrow|morgen|demain|domani|mañana|manana|amanhã|amanha|jutro|明天|明日"
DAY_AFTER = r"모레|i övermorgon|i overmorgen|ylihuomenna|pozítří|holnapután|poimâine|day after tomorrow|übermorgen|après-demain|dopodomani|pasado mañana|depois de amanhã|pojutrze|后天|後天"

# --- when the order was placed and paid ---------------------------------------------------

# Labels before the time an order was placed, and the time it was paid ("付款时间：…", "Paid on …").
ORDER_TIME_LABELS = (
    r"下单时间|订单时间|创建时间|提交时间|下單時間|訂購時間|訂單時間|訂購日期|(?:ご)?注文日時|주문\s*일시|주문\s*일자|"
    r"Placed on|Order date|Order placed|"
    r"Date ordered|Bestelldatum|Bestellt am|Date de (?:la )?commande|Commandée? le|Data (?:dell')?ordine|"
    r"Fecha (?:del )?pedido|Data złożenia zamówienia|Data zamówienia|Besteldatum|Data do pedido|Feito em|"
    r"Ordredato|Orderdatum|Best[äa]llningsdatum|Tilausp[äa]iv[äa]|Datum objedn[áa]vky|Rendel[ée]s d[áa]tuma|Data comenzii|Date"
)
PAID_TIME_LABELS = (
    r"支付时间|付款时间|付款日期|支付日期|付款時間|支付時間|交易時間|付款(?:确认|確認|成功)(?:时间|時間)|已付款\s*[（(]|已支付\s*[（(]|"
    r"Paid on|Payment date|Date paid|Payment (?:confirmed|received)(?: on)?|Bezahlt am|Zahlungsdatum|"
    # the sentence that reports it: "Nous avons bien reçu votre paiement en ligne par carte bancaire le 13/10/2026 à 16:31"
    r"(?:re[çc]u|accept[ée]|enregistr[ée]) (?:votre|ton) paiement(?: [^.\n]{0,40}?)? le|we received your payment(?: [^.\n]{0,30}?)? on|"
    r"Payée? le|Date de paiement|Pagato il|Data (?:di )?pagamento|Pagado el|Fecha de pago|opłacono|Data płatności|"
    r"Betaald op|Betald|Betalt|Maksettu|Data pl[ăa][țt]ii|Pago em|Data do pagamento|결제\s*일시|결제\s*일자|お支払い日時|決済日時|Tanggal (?:transaksi|pembayaran)|Waktu pembayaran"
)

# --- arrival and dispatch estimates -----------------------------------------------------

# The words before an estimated ARRIVAL date: "Arriving: Friday, September 11", "Voraussichtliche
# Lieferung: Fr., 11.09.", "Livraison prévue le", "Arrivo previsto", "预计送达", "預計到貨日".
ARRIVAL_CUES = alternation(
    [
        r"arriving(?:\s+on)?",
        r"arrives(?:\s+on)?",
        r"now\s+arriving",
        # "ETA by FedEx: Tue, Nov 17", "ETA: Friday"; "is on track to arrive between 6:00am and 8:00pm"
        r"(?-i:ETA)(?:\s+(?:by|with|via)\s+[\w&. ]{2,20}?)?(?=\s*[:：])",
        r"(?:is\s+|are\s+)?on\s+track\s+to\s+(?:arrive|be\s+delivered)(?:\s+(?:on|by))?",
        r"(?:new\s+)?(?:estimated|expected|scheduled|anticipated|guaranteed|projected|revised)\s+"
        r"(?:delivery|arrival)(?:\s+(?:date|day|window|estimate|time))?(?:\s+is)?",
        r"(?:now|is\s+now)\s+expected(?:\s+to\s+(?:arrive|be\s+delivered))?(?:\s+(?:on|by))?",
        # "the carrier now expects it to arrive Tuesday, November 17"
        r"(?:now\s+)?expects?\s+(?:it|them|your\s+(?:order|package|parcel|shipment))\s+to\s+(?:arrive|be\s+delivered)(?:\s+(?:on|by))?",
        r"delivery\s+(?:estimate|expected|date|by)",
        r"(?:will|should)\s+(?:be\s+delivered|arrive)(?:\s+(?:on|by))?",
        r"v[áa]rhat[óo]\s+(?:k[ée]zbes[íi]t[ée]s|sz[áa]ll[íi]t[áa]s)(?:i\s+(?:nap|id[őo]pont|d[áa]tum))?",  # hu: "Várható kézbesítés:"
        r"(?:it|they|your\s+(?:order|parcel|package|items?))(?:'ll|\s+will|\s+should)\s+be\s+with\s+you(?:\s+(?:by|on))?",
        r"(?:we'll|we\s+will|our\s+driver\s+will)\s+deliver(?:\s+(?:it|them|your\s+(?:order|parcel|items?)))?",  # "We'll deliver today between 11:40am and 1:40pm"
        r"expected\s+(?:by|on)",
        r"(?:estimated\s+)?(?:delivery|arrival|transit)\s+time",
        r"delivery\s+is\s+(?:planned|scheduled|booked|expected)\s+(?:for|on)",
        r"get\s+it\s+by",
        r"(?:your\s+)?(?:\d+[- ]hour\s+)?delivery\s+(?:window|slot)",  # "Your 1-hour delivery window: 13:12 - 14:12"
        r"(?:your\s+)?(?:delivery|parcel|package|order)\s+is(?:\s+due)?(?=\s+(?:today|tomorrow)\b)",  # "Your delivery is today!"
        r"(?:we(?:'re|\s+are)\s+)?delivering(?:\s+(?:it|your\s+(?:parcel|package|order)))?(?=\s+(?:today|tomorrow|on\b|between))",
        # "die voraussichtliche Zustellung beider Bestellungen ist Dienstag, 20.10.2026"
        r"voraussichtliche[rs]?\s+(?:lieferung|zustellung|lieferdatum|liefertermin|zustelltermin|zustellzeit|lieferzeit|ankunft)"
        r"(?:\s+(?:beider|aller|der|ihrer|deiner)\s+(?:bestellungen|bestellung|pakete|sendungen|sendung)\s+ist)?(?:\s+am)?",
        r"(?:lieferung|zustellung)\s+voraussichtlich(?:\s+am)?",
        r"(?:kommt|erfolgt|trifft)\s+voraussichtlich\s+am",
        r"kommt(?=\s+(?:heute|morgen)\b)",
        r"jetzt\s+erwartet(?:\s+am)?",
        r"(?:zustellung|lieferung)\s+(?:erfolgt\s+)?voraussichtlich(?:\s+am)?",
        r"(?:lieferung|zustellung)\s+ca\.",
        r"(?:is |are )?(?:scheduled|expected|estimated|projected|anticipated|slated|set|due) to (?:arrive|be delivered)(?:\s+(?:on|by))?",
        r"(?:is |are )?scheduled for delivery(?:\s+(?:on|by))?",
        r"(?:sera|seront|est)\s+livr[ée]e?s?\s+(?:par\s+[\w ]{2,20}?\s+)?(?:au\s+plus\s+tard\s+)?le",
        r"date\s+de\s+(?:livraison|distribution)\s+(?:pr[ée]vue|estim[ée]e)|distribution\s+(?:pr[ée]vue|estim[ée]e)(?:\s+le)?",
        # e-tickets sent later: "… au plus tard 48 heures avant la représentation, soit au plus tard le jeudi 12 novembre 2026 à 20h30"
        r"(?:sera|seront)\s+envoy[ée]e?s?(?:\s+par\s+e-?mail)?\s+au\s+plus\s+tard(?:\s+[^.\n]{0,60}?,\s+soit(?:\s+au\s+plus\s+tard)?)?(?:\s+le)?",
        # "Votre colis sera livré demain", "sera livré aujourd'hui, jeudi 12/11/2026, entre 14:00 et 15:00"
        r"(?:sera|seront)\s+livr[ée]e?s?(?=,?\s+(?:demain|aujourd'hui|après-demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|entre))",
        r"zustellung(?:\s+(?:am|voraussichtlich))?",
        r"lieferung\s+(?:am|bis)",
        r"livraison(?:\s+(?:le|pr[ée]vue|pour))?",
        # the method named before the estimate: "Livraison Chronopost : demain avant 13h"
        r"livraison\s+(?:chronopost|colissimo|express|dpd|ups|gls|dhl|fedex)(?=\s*[:：])",
        r"nouvelle\s+date\s+de\s+livraison(?:\s+(?:estim[ée]e|pr[ée]vue))?|nous\s+(?:vous\s+)?livrons\s+(?:donc\s+|ainsi\s+)?votre\s+commande(?:\s+le)?",
        # a plan said with an infinitive: "Nous prévoyons de te livrer entre le 27.10. et le 29.10.2026",
        # "we expect to deliver your order on", "prevediamo di consegnarti il", "prevemos entregarte el"
        r"(?:nous\s+)?(?:pr[ée]voyons|comptons|pensons|esp[ée]rons)\s+(?:de\s+)?(?:te|vous)\s+(?:la\s+|le\s+|les\s+)?livrer(?:\s+(?:le|d[èe]s\s+le))?",
        r"we\s+(?:expect|plan|aim|hope)\s+to\s+(?:deliver|ship)\s+(?:it|them|your\s+(?:order|parcel|package|items?))(?:\s+(?:to\s+you\s+)?(?:on|by))?",
        r"prevediamo\s+di\s+consegnar(?:e|ti|le|vi)(?:l[oa])?(?:\s+(?:il|entro))?|prevemos\s+entregar(?:te|le|les)?(?:l[oa]s?)?(?:\s+el)?",
        r"arrive(?:ra)?(?=,?\s+(?:demain|aujourd'hui|le\s|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|entre))",
        r"consegna(?:\s+(?:il|entro|prevista))?",
        r"entrega(?:\s+(?:el|prevista|estimada))?",
        r"dostawa(?:\s+(?:w|do))?",
        r"(?:expected\s+)?delivery(?:\s+date)?",
        r"livraison\s+(?:prévue|estimée|prevue|estimee)(?:\s+(?:le|pour|entre))?",
        r"date\s+de\s+livraison\s+(?:prévue|estimée|prevue|estimee)",
        r"arrivée(?:\s+(?:prévue|estimée))?(?:\s+le)?",
        r"delivers(?:\s+on)?",
        r"(?:liefertermin|zustelltermin|lieferdatum|zustelldatum|liefertag)(?:\s+am)?",
        r"(?:bezorgmoment|bezorgdatum|leverdatum|levermoment)",
        r"bezorging\s+op|we\s+bezorgen\s+(?:je|jouw|uw)\s+(?:boodschappen|bestelling|pakket)(?:\s+op)?|(?:is|zijn)(?=\s+tussen\s+\d{1,2}[:.]\d{2}\s+en\s+\d{1,2}[:.]\d{2}\s+bij\s+(?:je|jou|u)\b)|"
        r"verwachte\s+(?:bezorg|lever|aankomst)(?:tijd|datum|moment)|(?:bezorging|levering)\s+verwacht(?:\s+(?:op|om|tussen))?",
        r"お届け予定(?:時刻|時間)|配達予定(?:時刻|時間)|お届け予定日時|お届け予定日?|お届け日|配達予定日時|配達予定日?|配達希望日時|配達希望日|お届け希望日時|お届け希望日",
        r"ber[äa]knad\s+leverans(?:dag|tid)?|leveransdatum|p[řr]edpokl[áa]dan[ée]\s+(?:datum\s+)?doru[čc]en[íi]|term[íi]n\s+doru[čc]en[íi]|"
        r"livrare\s+estimat[ăa]|data\s+estimat[ăa]\s+(?:de\s+)?livrare|termen(?:ul)?\s+estimat\s+de\s+livrare",
        r"arrivera(?:\s+le)?|th[ờo]i\s+gian\s+nh[ậa]n\s+h[àa]ng\s+d[ựu]\s+ki[ếe]n|ng[àa]y\s+giao(?:\s+h[àa]ng)?\s+d[ựu]\s+ki[ếe]n",
        # sv, nb, da, fi, cs, hu, ro
        r"vi\s+(?:levererar|leverer|leverar)(?:\s+(?:din|di|jeres|er)\s+(?:order|ordre|best[äa]llning|bestilling|leverans|pakke)(?:\s+\d+)?)?|"
        r"f[öo]rv[äa]ntad\s+leverans(?:dag)?|levereras(?:\s+(?:den|p[åa]|mellan))?|forventet\s+levering(?:sdato)?|"
        r"estimert\s+levering|leveres(?:\s+(?:p[åa]|den))?|forventes\s+leveret|"
        r"arvioitu\s+(?:saapuminen|toimitus(?:aika|p[äa]iv[äa])?)(?:\s+[a-zäö]+(?=\s*:))?|"
        r"doru[čc]en[íi]\s+o[čc]ek[áa]v[áa]me|o[čc]ek[áa]van[ée]\s+doru[čc]en[íi]|doru[čc][íi]me|"
        r"v[áa]rhat[óo]\s+(?:k[ée]zbes[ií]t[ée]s|sz[áa]ll[ií]t[áa]s|[ée]rkez[ée]s)(?:i\s+(?:id[őo]|nap))?(?:\s+az\s+automat[áa]ba|\s+a\s+csomagpontra)?|va\s+fi\s+livrat[ăa]?(?:\s+(?:pe|[îi]n))?",
        r"ankunft(?:\s+am)?(?=\s+(?:heute|morgen|übermorgen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|\d))",
        r"arrivo\s+previsto(?:\s+(?:il|per))?",
        r"consegna\s+(?:prevista|stimata)(?:\s+(?:il|per|entro))?",
        r"data\s+di\s+consegna\s+(?:prevista|stimata)",
        r"in\s+arrivo(?:\s+il)?",
        r"llegada\s+(?:prevista|estimada)(?:\s+el)?",
        r"entrega\s+(?:prevista|estimada)(?:\s+(?:el|para))?",
        r"fecha\s+(?:de\s+entrega\s+)?(?:prevista|estimada)(?:\s+de\s+entrega)?",
        r"llega(?:rá)?(?:\s+el)?",
        r"ahora se espera(?:\s+(?:el|para))?",
        r"przewidywan[ya]\s+(?:termin\s+|data\s+)?(?:dostaw[ya]|dor[ęe]czeni[ae])",
        r"szacowan[ya]\s+(?:data|termin)\s+(?:dostawy|doręczenia)",
        r"planowan[ya]\s+(?:data|termin)\s+(?:dostawy|doręczenia)",
        r"verwachte\s+(?:levering|bezorging)(?:sdatum)?",
        r"uiterlijk(?:\s+op)?",
        r"(?:wordt\s+)?bezorgd\s+op",
        r"llega(?:r[áa])?\s+entre(?:\s+el)?",
        # a shop engine's delivery column: "Estándar" over "Hasta 13/11/2026" (VTEX), alone on its line
        r"(?<![^\n])[^\S\n]*(?:hasta|at[ée])(?=[^\S\n]+\d{1,2}/\d{1,2}/\d{2,4}[^\S\n]*(?:\n|$))",
        r"entrega\s+em\s+casa(?=\s*[:：])|entrega\s+ao\s+domic[íi]lio(?=\s*[:：])|previsão\s+de\s+entrega|(?:agora\s+)?a\s+(?:nova\s+)?previsão(?:\s+de\s+entrega)?\s+é",
        r"chega(?:r[áa])?(?:\s+(?:na|no|em|at[ée]))?",
        # a pre-order is delivered on release day: "releases on Thursday, March 19", "Date de sortie : 12 novembre"
        r"release\s+date|releases?\s+on|(?:is\s+)?(?:scheduled|expected|set|due)\s+to\s+be\s+released\s+on|will\s+be\s+released\s+on|date\s+de\s+sortie|sortie\s+(?:officielle\s+)?(?:le|pr[ée]vue)|"
        r"erscheint\s+am|erscheinungsdatum|fecha\s+de\s+lanzamiento|data\s+di\s+uscita|发售日(?:期)?|發售日(?:期)?",
        r"(?:wird|werden)\s+(?:ihnen\s+|dir\s+)?voraussichtlich(?:\s+am)?(?=[^\n]{0,40}(?:zugestellt|geliefert))",
        # "Ihre Tickets werden bis spätestens Freitag, 21. August 2026 zugestellt" (the verb at the end)
        r"(?:wird|werden)\s+(?:ihnen\s+|dir\s+)?bis(?:\s+sp[äa]testens)?(?:\s+zum)?(?=[^\n]{0,40}(?:zugestellt|geliefert|[üu]bertragen))",
        # "Wir liefern Ihre Bestellung bis 14.10.2026"; a label alone: "Arrivo: martedì 8 settembre", "Llegada: jueves 12"
        r"wir\s+liefern\s+(?:ihnen\s+|dir\s+)?(?:ihre|deine|die)\s+(?:bestellung|sendung|lieferung|ware)(?:\s+(?:bis|am|voraussichtlich))*",
        r"arrivo(?=\s*[:：])|llegada(?=\s*[:：])",
        r"voraussichtlich\s+am(?=[^\n]{0,40}bei\s+(?:dir|ihnen|euch))",
        r"nu\s+verwacht|nieuwe\s+(?:verwachte\s+)?(?:bezorg|lever)datum",
        r"we\s+verwachten\s+(?:je|uw)\s+(?:bestelling|pakket|zending)(?:\s+nu)?",
        r"arriver[àa]|sar[àa]\s+consegnat[oa](?:\s+il)?",
        r"dostarczy(?:my)?(?:\s+(?:paczk[ęe]|przesy[łl]k[ęe]|zam[óo]wienie))?",
        r"zostanie\s+(?:dostarczon[ay]|dor[ęe]czon[ay])|dotrze(?:\s+najp[óo][źz]niej)?(?:\s+(?:w|we|do))?",
        # ru, tr, id, vi, th, ar
        r"מועד\s+(?:ה)?(?:אספקה|משלוח)(?:\s+(?:ה)?משוער)?|תאריך\s+(?:ה)?אספקה(?:\s+(?:ה)?משוער)?|очаквана\s+(?:дата\s+(?:на\s+)?)?доставка|ще\s+бъде\s+доставена(?:\s+на)?",
        r"(?:ожидаемая\s+)?дата\s+(?:доставки|получения)|доставка\s+курьером|доставим(?:\s+заказ)?",
        r"tahmini\s+teslimat(?:\s+tarihi)?|teslimat\s+tarihi",
        r"estimasi\s+(?:tiba|sampai|diterima)|perkiraan\s+(?:tiba|sampai)(?:\s+(?:terbaru|baru))?",
        r"dự\s+kiến\s+giao(?:\s+hàng)?|ngày\s+giao\s+(?:hàng\s+)?dự\s+kiến|thời\s+gian\s+giao(?:\s+hàng)?\s+dự\s+kiến",
        r"anggaran\s+(?:penghantaran|tiba|ketibaan)|perkiraan\s+penghantaran",
        r"วันที่คาดว่าจะได้รับสินค้า|คาดว่าจะได้รับสินค้า(?:ภายใน(?:วันที่)?)?|วันที่จัดส่งโดยประมาณ",  # Thai runs on: "…สินค้าภายในวันที่ 07 พ.ย."
        r"الوصول\s+يوم|الوصول|موعد\s+التسليم\s+المتوقع|التوصيل\s+المتوقع",
        r"очікувана\s+дата\s+доставки|εκτιμ[ώω]μενη\s+(?:ημερομηνία\s+)?παρ[άα]δοση|v[áa]rhat[óo]\s+k[ée]zbes[ií]t[ée]s",
    ]
)
DISPATCH_CUES = alternation(
    [
        r"voraussichtlich\s+versandbereit(?:\s+am)?",
        r"versandbereit\s+(?:ab|am)",
        r"(?:voraussichtlich\s+)?(?:abholbereit|zur\s+abholung\s+bereit)\s+(?:ab|am)",  # a store pickup's date
        # a marketplace sets the seller's deadline: "The seller has until Mon, Sep 14 to ship"
        r"(?:has|have)\s+until(?=\s+[^.\n]{3,40}?\s+to\s+(?:ship|send|dispatch|post)\b)",
        r"versand\s+voraussichtlich(?:\s+am)?",
        # a shop's own word: "we expect to dispatch order 18214 next Wednesday", "will be dispatched on Thursday, 4 June"
        r"(?:expect|plan|aim)\s+to\s+(?:dispatch|ship|send\s+out|post)(?:\s+(?:your|the|this)\s+(?:order|parcel|package|items?)"
        r"|\s+(?:your\s+)?order\s+(?:no\.?\s*|number\s*)?#?[A-Za-z0-9-]*\d[A-Za-z0-9-]*)?(?:\s+on)?",
        # a ship week: "We anticipate shipping these products the week of April 20, 2026 - April 24, 2026"
        r"(?:expect|anticipate|plan)\s+shipping(?:\s+(?:these|the|your|this|all)\s+[a-z]+)?(?:\s+(?:the\s+week\s+of|on|by|between))?",
        r"(?<!has\s)(?<!have\s)(?:will|should|(?:is|are)\s+(?:scheduled|expected|due|set)\s+to)\s+be\s+(?:dispatched|shipped|sent\s+out|posted)(?:\s+on)?",
        r"(?:is|are)\s+scheduled\s+for\s+(?:dispatch|shipping|shipment)(?:\s+on)?",
        r"data\s+estimat[ăa]\s+de\s+predare\s+c[ăa]tre\s+curier",
        r"(?:tiene|tienes|tiene\s+el\s+vendedor)\s+plazo\s+hasta(?:\s+el)?",
        r"exp[ée]dition\s+(?:pr[ée]vue|estim[ée]e)(?:\s+(?:le|pour))?",
        r"spedizione\s+(?:prevista|stimata)(?:\s+(?:il|per|entro))?",
        r"(?:przewidywana|planowana)\s+(?:data\s+)?wysy[łl]k[ia]",
        r"verwachte\s+verzend(?:datum|dag)",
        # a back-order's availability is its dispatch date: "Disponibilité : disponible dès le 18.09.2026",
        # "Lieferbar ab 02.10.2026", "available from 12 October", "disponibile dal 5 ottobre"
        r"(?:nouvelle\s+)?disponibilit[ée]\s*:\s*disponible\s+(?:d[èe]s\s+le|[àa]\s+partir\s+du)|disponible\s+d[èe]s\s+le",
        r"(?:lieferbar|verf[üu]gbar|versandfertig)\s+ab(?:\s+dem)?(?=\s+\d)|(?:available|in\s+stock)\s+from(?=\s+\d(?!\d?\s*(?:[:.]\d{2})?\s*(?:am|pm)\b|\d?[:.]\d{2}(?![.\d]))|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
        r"disponibile\s+dal|disponible\s+a\s+partir\s+del|disponible\s+en\s+magasin\s+[àa]\s+partir\s+du",
        # a pickup slot: the shop's promise is the goods ready by its end ("Retrait : samedi 14 novembre entre 10h00 et 11h00")
        r"cr[ée]neau\s+de\s+retrait|(?<!mode\sde\s)retrait(?:\s+au\s+drive)?(?=\s*:|\s*\n\s*(?:le\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b)|(?:collection|pick-?up)\s+(?:slot|window)",
    ]
)
ZH_DISPATCH_CUES = (
    r"(?:预计|預計)(?=[^\n，。]{0,12}(?:出貨|出货|发货|發貨|寄出|发放|發放))"
    # a crowdfunding update's new date: "发货时间延期至2026年12月20日前"
    r"|(?:出貨|出货|发货|發貨|发放|發放)(?:时间|時間)?(?:延期|推迟|推遲|顺延|順延)(?:至|到)"
    r"|(?:出荷|発送)予定日[＞>】］\]]?(?=\s*[:：]?\s*(?:\d|[一-龥]{0,3}\d))"  # Japanese: "＜出荷予定日＞ 2026/10/21(水)"
)
ZH_ARRIVAL_CUES = r"(?<![已未])(?:送达|送達)日期|(?:预约|預約)?(?:上门|上門)(?:安装|安裝)?时间|(?:预约|預約)?(?:上門)(?:安裝)?時間|(?:预约|預約)(?:安装|安裝)(?:时间|時間)|安排(?:於|于|在)(?=[^。\n]{0,40}(?:送貨|送货|配送|派送|送達|送达))|(?<![已未])送达(?=\s*[:：])|(?<![已未])送達(?=\s*[:：])|送貨日期(?:及時段)?|(?:預計|预计)到(?:港|店)(?:派送|派件|送達|送达)?|交付日期|交貨日期|交货日期|配送日期|指定送達日|预约送达|預約送達|預定送達|预计送达(?:时间|日期)?|预计到达(?:时间)?|预计到货(?:时间)?|預計送達(?:時間|日期)?|預計到貨(?:日|時間|日期)?|預計抵達|預計配達(?:日|時間|日期)?|预计配达(?:日|时间|日期)?"

# --- parcels ------------------------------------------------------------------------------

TRACKING_LABELS = (
    r"快递单号|运单号|物流单号|发货单号|(?:宅急便|宅配|快遞|黑貓|新竹物流|嘉里大榮|大榮|郵局|順豐|宅配通)單號|(?:宅急便|宅配|黑猫|顺丰|中通|圆通|韵达|申通|极兔|邮政)单号|包裹号|追踪号|追踪号码|追蹤號碼|追蹤編號|追蹤碼|物流單號|貨運單號|配送單號|包裹編號|"
    r"(?:您的)?快件|運單號碼|运单号码|運單號(?=\s*[:：])|郵件號碼|邮件号码|包裹號碼|"
    # a carrier named right before its parcel number: "Hermes H1003660478215402193", "DHL: 00340434…"
    r"(?<![\w.-])(?:hermes|dhl|dpd|gls|ups|fedex|colissimo|chronopost|brt|sda|seur|mrw|nacex|inpost|postnl|bpost|evri)(?=\s*[:：]?\s*[A-Z]{0,2}\d{10,}\b)|"
    # a courier named before its number ("申通快递：773198450216347", "邮政快递包裹9872315064418", "您的邮件9872…")
    r"(?:申通|中通|圆通|韵达|顺丰|极兔|百世|德邦|邮政)(?:快递|速运|速递|物流)?(?:包裹)?(?=\s*[:：]?\s*[A-Z]{0,4}\d{10,})|(?:您的)?邮件(?=\d{10,})|託運單號|托运单号|(?:包裹)?查詢號碼|(?:包裹)?查询号码|"
    r"tracking\s*(?:number|#|no\.?|id|code)?|package\s+(?:number|#)|shipment\s+(?:number|id)|waybill(?:\s+(?:number|no\.?))?|"
    r"(?:package|parcel|colis|paquete|pacco|paczk[ai]|paket|sendung|pakket|env[íi]o|envoi|spedizione|przesy[łl]ka|zending|z[áa]s(?:ie|i)lk[ay])"
    r"(?:\s*(?:n[°º]|nr\.?|no\.?|number|#|[čc]\.))?(?=\s*[:：#]?\s*[A-Z0-9]*\d)|"
    r"sendungsnummer|paketnummer|trackingnummer|sendungsverfolgungsnummer|paketverfolgungsnummer|verfolgungsnummer|(?:お問い合わせ)?伝票番号|お問い合わせ番号|"
    r"追跡番号|配送伝票(?:番号)?|(?:お問い合わせ)?送り状(?:番号|No\.?)|配達受付番号(?:[（(][^）)\n]{0,10}[）)])?|송장\s*번호|운송장\s*번호|등기\s*번호|"
    r"sendings?nummer|sporingsnummer|kollinummer|sendingen|forsendelsesnummer|s[äa]ndningsnummer|sp[åa]rningsnummer|kolli-?id|"
    r"מספר\s+(?:ה)?(?:משלוח|מעקב)(?:\s+למעקב)?|відправлення\s*№|דבר\s+הדואר\s+שמספרו|товарителница(?:\s*№)?|номер\s+на\s+(?:пратка|товарителница)|трек[- ]?номер(?:\s*\([^)\n]{1,30}\))?|номер\s+отслеживания|почтовый\s+идентификатор|\bШПИ\b|seurantakoodi|seurantanumero|l[äa]hetystunnus|[čc][íi]slo\s+z[áa]silky|sledovac[íi]\s+[čc][íi]slo|nyomk[öo]vet[ée]si\s+sz[áa]m|"
    r"csomagsz[áa]m|num[ăa]r(?:ul)?\s+(?:de\s+)?urm[ăa]rire|\bAWB\b|m[ãa]\s+v[ậa]n\s+đơn|no\.?\s+resi|nombor\s+penjejakan|"
    r"num[ée]ro\s+(?:de\s+(?:suivi|colis)|d'envoi)|n[°º]\s*de\s*suivi|numero\s+(?:di\s+)?(?:tracking|tracciamento|spedizione)|codice\s+(?:di\s+)?(?:tracking|tracciamento)|lettera\s+di\s+vettura|"
    r"n\.?[°º]\s*de\s*objeto|(?<![\w ])objeto(?=\s*[:：]\s*[A-Z]{2}\d{9}[A-Z]{2})|n[úu]mero\s+de\s+(?:seguimiento|env[íi]o)|n[°º]\s*de\s*seguimiento|(?:paczk[ai]|przesy[łl]k[ia])\s+o\s+numerze|numer\s+(?:przesy[łl]ki|paczki|nadania)|trackingcode|zendings?nummer|"
    r"informacja\s+o\s+przesy[łl]ce|numer\s+[śs]ledzenia|n[úu]mero\s+de\s+rastreo|verzendcode|track\s*&\s*trace(?:[\s-]*code)?|"
    # PostNL's "Barcode: 3SLGHM8841207": a parcel's code with letters, never a product's EAN of digits alone
    r"\bbarcode(?=\s*[:：]\s*[0-9]*[A-Z][A-Z0-9]*\d)"
)

# A parcel number written before its noun, as Hungarian does: "A(z) 67148822913 számú csomagját kézbesítettük".
# Its own pattern, not a zero-width branch of the labels: a label that can be empty lets the labels' RE2
# screen (parsers/screen.py) match every text, and `re` then tries every label at every position.
TRACKING_NUMBER_FIRST = r"(?<![\d\w])(\d{8,16})(?=\s+sz[áa]m[úu]\s+(?:csomag|k[üu]ldem[ée]ny))"

# A carrier's tracking page names its parcel in the query ("?piececode=0034…", "?objects=DX…PT"): the
# parameter names that mean a parcel on any site (a carrier's own site may use plainer ones: parcels.py)
TRACKING_QUERY_KEYS = (
    r"piececode|idc|tracking_?(?:number|id|no)?|tracknum|tracking-?id|trackingnumber|tracknumber|parcelnumber|"
    r"parcel_?id|shipmentid|numero_albaran|objects?|sendungsnummer|paketnummer"
)

# --- refunds --------------------------------------------------------------------------------

# Verbs a stated refund time is written with: "退款将在1-3个工作日内原路退回", "within 5 business days".
REFUND_VERBS_ZH = (
    "退回|返回|到账|退还|原路|退款|返还|到帳|退還|返還|刷退|退刷|返金|売上取消|手続きが完了|환불|승인\\s*취소"
)
# A refund's own time in the other languages is read in a sentence that names the money or the refund.
REFUND_INTL_WORDS = (
    REFUND_WORDS
    + r"|bedrag|montant|betrag|importe|importo|kwot|rekening|compte|konto|cuenta|conto|suma|valor|belopp|bel[øo]b|"
    + r"[śs]rodki|rachun|pieni|pen[íi]a?z[ea]|деньг|средств|คืนเงิน|זיכוי|החזר|възстанов|сумата|επιστροφ|χρημ|geld|dinero|soldi|argent"
)
REFUND_VERBS_EN = "refunds?|hit|processed|returned|reversed|credited|issued|made|paid|sent|transferred|appear|reach|receive|see|get|show|post|land|back"
