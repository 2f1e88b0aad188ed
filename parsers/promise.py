"""The delivery-promise grammar: "10分钟内自动发卡", "预计48小时内发货", "1-3个工作日内",
"ships within 2 business days", "delivered by Friday 8 May", "预计3月13日18:00前发货".

Date parsers find almost none of these phrases, so this is a small grammar of its own: a
duration or a date, the verb that says what is promised (to ship, or to deliver), and what it
counts from. A range ("1-3个工作日") means its upper bound (domain.md).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime

from orderwatch.parsers import guarded as rx
from orderwatch.parsers.arrivals import find_arrivals
from orderwatch.parsers.base import Promise
from orderwatch.parsers.durations import NO_WEEKENDS
from orderwatch.parsers.fields import end_of_day, find_times
from orderwatch.parsers.fields.times import clock_before
from orderwatch.parsers.guarded import guarded
from orderwatch.parsers.promise_intl import REFUND_NEAR as _REFUND_NEAR
from orderwatch.parsers.promise_intl import within_in_other_languages

from orderwatch.domain.durations import EN_UNIT, INTL_UNIT, RANGE, ZH_UNIT, duration_from

# Chinese: (付款后)N(个)(工作日|小时|分钟|天)内 + verb
_ZH_SHIP = "完成打包并发出|完成打包並發出|打包(?:并|並)?(?:发出|發出)|发货|发出|寄出|出库|揽收|出貨|發貨|發出|出庫|寄送|発送|出荷|발송|출고"
_ZH_DELIVER = (
    "发卡|自动发卡|到账|开通|充值|送达|交付|发放|完成充值|完成发货|处理完毕|处理|办理|完成(?!支付|付款|付費|付费|下单|下單|评价|評價|核实|核實|审核|審核|调查|調查|鉴定|鑒定|复核|複核)|发送|"
    "出票|確認(?:你|您)的(?:預訂|訂單)|确认(?:你|您)的(?:预订|订单)|"
    "上号|上號|换绑|換綁|交号|交號|移交|发到|發到|转移至|轉移至|转移到|轉移到|"  # a game account handed over: "卖家将在2小时内上号配合换绑"
    "發卡|自動發卡|到帳|開通|送達|到貨|處理完畢|處理|辦理|發送|お届け|配達|도착|배송"
)
_ZH_DURATION = guarded(
    r"(付款后|支付后|下单后|拍下后|购买后|成功后|付款後|支付後|下單後|購買後|成功後|付款完成後|付款完成后|完成付款後|完成付款后)?\s*"
    + r"(?<![月/\d])(?<!超时)(?<!超時)"  # "11月20日送達" is a date; "超时27分钟送达" was late, not a promise
    + RANGE
    + r"\s*"
    + ZH_UNIT
    + r"\s*"
    r"(?:(?:之内|以内|内|之內|以內|內|이내|내)\s*[にで]?|で|(?<=[天日鐘钟])(?=\s*(?:送达|送達|到货|到貨|发货|發貨|出貨|出货)))\s*(?:[（(][^）)\n]{0,20}[）)]\s*)?"  # "3~5 個工作天送達門市"
    r"(?:(?:以|透過|通过|經由|经由)[^，。,\n]{0,12}?)?"  # "24小時內以Email及簡訊發送": the channel before the verb
    r"(?:[,，]?\s*(?:系统|商家|卖家|客服|我们)?\s*(?:将|会|即可|就会|可)?\s*(?:为您|给您|為您|給您|为你|给你|為你|給你|向(?:您|你)(?:的[^，。,\n]{1,12}?)?)?\s*(?:安排)?\s*)?"
    r"(?:[把將将][^，。,\n]{1,10}?)?"  # "2小时内会把卡密发到您的邮箱"
    r"(自动)?\s*(" + _ZH_SHIP + "|" + _ZH_DELIVER + ")"
)
# Japanese: "決済完了後1時間以内に本メールアドレス宛てに別途メールにてお送りいたします", "3営業日以内に発送いたします"
_JA_DURATION = guarded(
    r"(決済完了後|ご?入金確認後|ご?注文後|ご注文確定後|お支払い確認後)?\s*(?<![月/\d])"
    + RANGE
    + r"\s*"
    + ZH_UNIT
    + r"\s*以内に[^。]{0,40}?(お送り|送信|配信|お届け|発送|出荷)(?:いた)?(?:します|致します)"
)
# English: verb ... within N (business) units / verb ... by DATE
_EN_SHIP = r"ready for (?:pick[- ]?up|collection)|ships?|shipped|shipping|dispatch(?:ed|es)?|leaves?|leave|sent out|send out|goes out|go out|handed (?:over )?to|posted|processed and shipped"
_EN_DELIVER = (
    r"deliver(?:ed|s|y)?|arrives?|arrive|arriving|emailed|e-mailed|sent to you|sent by e-?mail|sent to (?:this|your) e-?mail(?: address)?|"
    r"receive|received|activated|credited|available|processed|sent|"
    r"deployed|provisioned|set up|(?:be|become|becomes) active|"  # a hosted service: "New game servers are deployed within 24 hours of payment"
    r"(?:recharge|top-?up|reload)\s+(?:will|should)\s+be\s+(?:processed|completed|credited)|"  # a top-up store's
    r"review(?: and approve)? your order"  # a key shop's manual authorisation: "will review your order within 24 hours"
)
_EN_WITHIN = guarded(
    r"\b("
    + _EN_SHIP
    + "|"
    + _EN_DELIVER
    + r")\b((?:[^.\n!?]|\n(?=[ \t]*(?-i:[a-z]))){0,80}?)\b(?:within|in)\s+"  # one sentence, maybe wrapped at 72 columns
    + RANGE
    + r"\s+"
    + EN_UNIT
    + r"\b([^.\n]{0,40})",
    re.I,
)
_EN_BY = guarded(
    # "ship your item and add the tracking number on the\nsale page by the end of the day on Friday, October 16"
    r"\b("
    + _EN_SHIP
    + "|"
    + _EN_DELIVER
    + r")\b(?:[^.\n!?]|\n(?!\s*\n)){0,70}?\b(?:by|on or before|no later than|before)\s+"
    r"(?:(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+)?day\s*(?:on\s+|,\s*)?)?",
    re.I,
)
# The verb first, as a label: "賣家承諾移交時間：付款後 1 小時內", "发货时间：付款后48小时内".
_ZH_LABELLED_DURATION = guarded(
    # "发货时间：付款后48小时内", and the estimate as its label: "预计到账：付款后30分钟内"
    # and a flea market's label over its value: "■発送までの日数\n2〜3日", "発送までの日数：2~3日で発送"
    r"(?:(?<=预计)|(?<=預計))?(移交|發貨|发货|出貨|出货|交貨|交货|發卡|发卡|到帳|到账|儲值|充值|発送|出荷)"
    r"(?:時間|时间|時效|时效|までの日数|日の目安|(?<=预计..)|(?<=預計..))\s*(?:[:：]|[】］\]]?[ \t]*\n)\s*"
    r"(付款後|付款后|下單後|下单后|購買後|购买后)?\s*" + f"{RANGE}\\s*{ZH_UNIT}"
    r"\s*(?:之內|以內|內|之内|以内|内|(?<=日)(?=で発送|[ \t]*(?:\n|$)))"
)
# The time asked of the buyer's patience: "please allow 3-5 working days for dispatch", "allow up to
# 10 business days for your order to arrive".
_EN_ALLOW = guarded(
    r"\ballow(?:\s+(?:up to|around|about|approximately))?\s+"
    + RANGE
    + r"\s+"
    + EN_UNIT
    + r"\s+(?:for\s+)?((?:(?:your|the)\s+)?(?:(?:order|item|parcel|package)s?\s+)?(?:to\s+)?"
    r"(?:dispatch|shipping|shipment|processing|be (?:dispatched|shipped|processed)|delivery|arrive|be delivered))",
    re.I,
)
_EN_ESTIMATE = guarded(
    r"\b(estimated|expected)\s+(delivery|arrival|ship(?:ping|\s+out)?\s+date|dispatch)(?:\s+date)?\s*[:：]?\s*", re.I
)


def find_promise(text: str, reference: datetime) -> Promise | None:
    """The first delivery promise in the text, if any. `reference` supplies year and zone."""
    found: list[tuple[int, Promise]] = []
    for match in _ZH_DURATION.finditer(text):
        anchor_word, low, high, unit_word, _auto, verb = match.groups()
        duration = duration_from(low, high, unit_word)
        if duration is None:
            continue
        if _REFUND_NEAR.search(text[max(0, match.start() - 20) : match.start()]):
            continue  # "退款将在3个工作日内原路退回": the refund's time, not the goods'
        if rx.search(r"(?:未|没有?|沒有?)\s*(?:在|於|于)?\s*$", text[max(0, match.start() - 6) : match.start()]):
            continue  # "卖家未在48小时内发货，订单已自动关闭": the promise broken, told after the fact
        if duration.unit == "days" and NO_WEEKENDS.search(match.group(0)):  # "1~2일 이내(주말·공휴일 제외)"
            duration = dataclasses.replace(duration, unit="workdays")
        kind = "ship" if rx.fullmatch(_ZH_SHIP, verb) else "deliver"
        anchor = "order" if anchor_word in ("下单后", "拍下后", "下單後") else "payment"
        found.append(
            (
                match.start(),
                Promise(kind, match.group(0).strip(), within=duration, anchor=anchor, anchor_named=bool(anchor_word)),
            )
        )
    for match in _JA_DURATION.finditer(text):
        anchor_word, low, high, unit_word, verb = match.groups()
        duration = duration_from(low, high, unit_word)
        if duration is not None and not _REFUND_NEAR.search(text[max(0, match.start() - 20) : match.start()]):
            kind = "ship" if verb in ("発送", "出荷") else "deliver"
            anchor = "order" if anchor_word and "注文" in anchor_word else "payment"
            phrase = " ".join(match.group(0).split())
            found.append(
                (match.start(), Promise(kind, phrase, within=duration, anchor=anchor, anchor_named=bool(anchor_word)))
            )
    for match in _ZH_LABELLED_DURATION.finditer(text):
        verb, anchor_word, low, high, unit_word = match.groups()
        duration = duration_from(low, high, unit_word)
        if duration is not None:
            kind = "ship" if rx.fullmatch(_ZH_SHIP, verb) else "deliver"  # 移交: the item handed over in the game
            anchor = "order" if anchor_word in ("下單後", "下单后") else "payment"
            found.append((match.start(), Promise(kind, match.group(0).strip(), within=duration, anchor=anchor)))
    for t in find_times(text, reference):
        tail = text[t.end : t.end + 16]
        # "11/6（五）前出貨": the weekday in brackets between the date and 前
        m = rx.match(
            r"\s*(?:[（(](?:週|周|星期)?[一二三四五六日天][）)])?\s*(?:之前|以前|前)\s*(?:为您|為您)?\s*(?:安排|陸續|陆续|依序|分批)?\s*"
            # "今天18:00前把卡密发到您的邮箱", "5月4日(一) 前重新以掛號寄出"
            r"(?:[把將将][^，。,\n]{1,10}?|(?:重新|再次|再)?(?:以|用|透過|透过|經由|经由)[^，。,\n]{1,6}?)?("
            + _ZH_SHIP
            + "|"
            + _ZH_DELIVER
            + ")",
            tail,
        )
        if m:
            kind = "ship" if rx.fullmatch(_ZH_SHIP, m.group(1)) else "deliver"
            by = t.at if t.has_time else end_of_day(t.at)
            found.append((t.start, Promise(kind, text[max(0, t.start - 4) : t.end + m.end()].strip(), by=by)))
    for match in _EN_WITHIN.finditer(text):
        verb, middle, low, high, unit_word, tail = match.groups()
        before = text[max(0, match.start() - 80) : match.start()]
        sentence = before[max(before.rfind("."), before.rfind("\n\n")) + 1 :]
        either = rx.sub(r"\bor (?:be )?refunded\b", "", middle, flags=re.I)  # "credited or refunded … within 24 hours"
        if rx.search(r"\b(refund|return|reply|respond|contact|appeal|dispute)", either + " " + sentence, re.I):
            continue
        duration = duration_from(low, high, unit_word)
        if duration is None:
            continue
        kind = "ship" if rx.fullmatch(_EN_SHIP, verb, re.I) else "deliver"
        anchor = "order" if rx.search(r"of (?:your )?order|after (?:you )?order", tail, re.I) else "payment"
        named = bool(rx.match(r"\s*(?:of|after|from)\s+(?:your\s+|the\s+)?(?:payment|purchase|order)", tail, re.I))
        found.append(
            (match.start(), Promise(kind, match.group(0).strip(), within=duration, anchor=anchor, anchor_named=named))
        )
    for match in _EN_ALLOW.finditer(text):  # "please allow 3-5 working days for dispatch"
        duration = duration_from(match.group(1), match.group(2), match.group(3))
        if duration is None or _REFUND_NEAR.search(text[max(0, match.start() - 80) : match.end()]):
            continue
        kind = "deliver" if rx.search(r"deliver|arriv|receiv", match.group(4), re.I) else "ship"
        found.append((match.start(), Promise(kind, match.group(0).strip(), within=duration)))
    for (
        span
    ) in _METHOD_SPANS:  # "via Standard delivery (3–5 working days)", "Colissimo à domicile (2 à 4 jours ouvrés)"
        for match in span.finditer(text):
            duration = duration_from(match.group(1), match.group(2), match.group(3))
            if duration is not None:
                found.append((match.start(), Promise("deliver", match.group(0).strip(), within=duration)))
    for pattern in (_EN_BY, _EN_ESTIMATE):
        for match in pattern.finditer(text):
            if pattern is _EN_ESTIMATE and not rx.search(r"ship|dispatch", match.group(2), re.I):
                continue  # arrival estimates are read by find_arrivals, ranges and all
            times = [t for t in find_times(text[match.end() : match.end() + 60], reference) if t.start < 12]
            if not times:
                continue
            upper = times[-1] if len(times) > 1 and times[1].start - times[0].end < 6 else times[0]
            # "ready for pick up by 5pm Friday 27 November": the clock written before its date
            clocked = clock_before(text[match.start() : match.end() + upper.start], upper.at)
            by = upper.at if upper.has_time else clocked or end_of_day(upper.at)
            verb = match.group(1).lower()
            kind = (
                "ship"
                if rx.fullmatch(_EN_SHIP, verb, re.I) or "ship" in match.group(0).lower() or "dispatch" in verb
                else "deliver"
            )
            if pattern is _EN_ESTIMATE:
                kind = "ship" if rx.search(r"ship|dispatch", match.group(2), re.I) else "deliver"
            found.append((match.start(), Promise(kind, text[match.start() : match.end() + upper.end].strip(), by=by)))
    found.extend(within_in_other_languages(text))
    for match in _HAS_DAYS_TO.finditer(text):  # "The seller has 7 days to ship your order"
        duration = duration_from(match.group(1), match.group(2), match.group("en") or match.group("sv"))
        if duration is not None:
            verb = match.group(4) or match.group(6)
            kind = "deliver" if verb.lower().startswith(("deliver", "lever")) else "ship"
            found.append((match.start(), Promise(kind, match.group(0).strip(), within=duration)))
    for match in _HU_WITHIN.finditer(text):  # "a sikeres fizetéstől számított 1-2 munkanapon belül feladjuk"
        duration = duration_from(match.group(1), match.group(2), match.group(3))
        if duration is not None and not _REFUND_NEAR.search(text[max(0, match.start() - 80) : match.end() + 30]):
            kind = (
                "ship"
                if rx.match(r"\s*(?:felad|post[áa]z|elk[üu]ld|kik[üu]ld)", text[match.end() :], re.I)
                else "deliver"
            )
            found.append((match.start(), Promise(kind, match.group(0).strip(), within=duration)))
    for match in _MONTH_SHIP.finditer(
        text
    ):  # a pre-order's month: "（2026年9月〜10月順次発送予定）", "预计10月下旬发货"
        by = _month_end(match, reference)
        if by is not None:
            found.append((match.start(), Promise("ship", match.group(0).strip("（(【[ "), by=by)))
    found.extend(find_arrivals(text, reference))
    # "If you ordered something from Pick a Brick, … should arrive within 5 business days": other orders
    found = [(start, p) for start, p in found if not _CONDITIONAL_PARAGRAPH.match(text, _paragraph_start(text, start))]
    # "au plus tard 48 heures avant la représentation": counted back from an event, not on from the payment
    found = [
        (start, p) for start, p in found if p.within is None or not _BEFORE_EVENT.match(text, _end(text, start, p))
    ]
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    # "Updated estimated shipping time: Ships by June 5": the revision is named on the promise's own line
    revised = [
        p
        for start, p in found
        if _REVISION.search(text[max(0, start - 40, text.rfind("\n", 0, start) + 1) : start] + p.phrase)
    ]
    if revised:
        return revised[-1]
    first = found[0][1]
    if first.by is not None and (first.by.hour, first.by.minute, first.by.second) == (23, 59, 59):
        # "delivery is tomorrow … Delivery: Tuesday, 7am - 11am": the same day, named to the hour below
        slots = [p for _, p in found if p.by is not None and p.by.date() == first.by.date() and p.by < first.by]
        if slots:
            return max(slots, key=lambda p: p.by)
    return first


# "2026年9月〜10月順次発送予定", "【2026年10月発送】", "预计10月下旬发货": shipped by the end of the (last) month
_MONTH_SHIP = guarded(
    r"(?:(\d{4})年)?(\d{1,2})月(?:\s*[〜～~\-－至到]\s*(?:(\d{4})年)?(\d{1,2})月)?\s*(上旬|中旬|下旬|底|末)?\s*"
    r"(?:順次|陆续|陸續|依次)?\s*(?:発送|出荷|发货|發貨|出貨)(?:予定)?(?!日)"
)


def _month_end(match: re.Match[str], reference: datetime) -> datetime | None:
    """The end of the month a pre-order ships in (of its early, middle or late part)."""
    year_from, month_from, year_to, month_to, part = match.groups()
    month = int(month_to or month_from)
    year = int(year_to or year_from or reference.year)
    if not 1 <= month <= 12:
        return None
    if not (year_to or year_from) and month < reference.month:
        year += 1  # "10月发货" written in November: next October
    last = (datetime(year + month // 12, month % 12 + 1, 1) - datetime(year, month, 1)).days
    day = {"上旬": 10, "中旬": 20}.get(part or "", last)
    return end_of_day(datetime(year, month, day, tzinfo=reference.tzinfo))


_BEFORE_EVENT = guarded(
    r"\s*(?:avant|before|prior to|ahead of|vor (?:der|dem|beginn)|antes del?|prima del(?:la|lo)?|przed)\b", re.I
)


def _end(text: str, start: int, promise: Promise) -> int:
    """Where a promise's phrase ends in the text it was read from."""
    at = text.find(promise.phrase, start)
    return at + len(promise.phrase) if at >= 0 else start


# A paragraph that opens with a condition speaks of other orders: "If you ordered … from Pick a Brick, …".
_CONDITIONAL_PARAGRAPH = guarded(r"\s*(?:if|should you|for orders?|si|wenn|falls|se|如果|若)\b", re.I)


def _paragraph_start(text: str, at: int) -> int:
    """Where the paragraph holding `at` starts: after a blank line, and never above a line that is no
    soft-wrapped prose (an HTML mail rendered to text has no blank lines, one block per line: its
    "If you have problems viewing this email" governs nothing below it)."""
    blank = max(text.rfind("\n\n", 0, at), text.rfind("\n \n", 0, at))
    start = blank + 1 if blank >= 0 else 0
    line = text.rfind("\n", 0, at) + 1
    while line > start:
        above = text[text.rfind("\n", 0, line - 1) + 1 : line - 1]
        if len(above) < 60 or above.rstrip().endswith((".", "!", "?", ":", "。")):
            return line
        line -= len(above) + 1
    return start


# A shipping method that carries its time in brackets: "via Standard delivery (3–5 working days)".
_METHOD = (
    r"\b(?:delivery|shipping|postage|livraison|versand|lieferung|env[íi]o|spedizione|verzending|domicile|relais|standard|"
    r"express|colissimo|chronopost|mondial relay|dpd|gls|dhl|ups|fedex|usps|royal mail|evri|postnl|bpost)\b[^\n()]{0,40}\(\s*"
)
# or after a dash, ending its line: "Transporteur : Livraison à domicile sur rendez-vous - 10 à 15 jours ouvrés"
_METHOD_DASHED = _METHOD.replace(
    r"\(\s*",
    r"\s[-–—]\s*(?:(?:livraison|delivery|shipping|exp[ée]dition|d[ée]lai|lieferung|lieferzeit|versand|entrega|consegna)"
    r"\s*:?\s*(?:en|in|sous|within)?\s*)?",  # "Colissimo avec signature - livraison 48/72h"
).replace(r"{0,40}", r"{0,50}?")
_METHOD_SPANS = tuple(
    guarded(method + RANGE.replace("(?:-|", "(?:/|-|", 1) + r"\s*" + unit + ending, re.I | re.M)  # "(48/72h)"
    for unit in (EN_UNIT, INTL_UNIT)
    for method, ending in ((_METHOD, r"\s*\)"), (_METHOD_DASHED, r"[ \t]*$"))
)


# A mail that revises its own estimate says so; the revised one is the promise now.
_REVISION = guarded(
    r"新|\b(?:now|new|revised|updated|changed)\b|neu|geändert|nouvelle|modifiée|nuova|aggiornata|nueva|actualizada|ahora|"
    r"agora|nova|nowa|調整|调整|變更|变更|改為|改为|延至|延後|延后|延期",  # English as whole words: "Good news" revises nothing
    re.I,
)


_HAS_DAYS_TO = guarded(
    r"\b(?:has|have|har|tem|are\s+la\s+dispozi[țt]ie)\s+(?:up to\s+|no more than\s+)?"
    + RANGE
    + r"\s+(?:"
    + EN_UNIT.replace("(", "(?P<en>", 1)
    + r"\s+to\s+(ship|dispatch|send|post|deliver)|"
    # a marketplace's seller in Swedish: "Säljaren har 7 dagar på sig att skicka din vara"
    + INTL_UNIT.replace("(", "(?P<sv>", 1)
    # … and "O vendedor tem 4 dias úteis para enviar", "are la dispoziție 5 zile lucrătoare de la plată pentru a preda"
    + r"\s+(?:på\s+sig\s+att|(?:de\s+la\s+plat[ăa]\s+)?pentru\s+a|para)\s+(skicka|lämna\s+in|sända|leverera|preda|trimite|enviar|expedir))\b",
    re.I,
)
# Hungarian puts "within" after the time: "1-2 munkanapon belül", "24 órán belül"
_HU_WITHIN = guarded(RANGE + r"\s*(munkanapon|napon|[óo]r[áa]n)\s+bel[üu]l", re.I)
