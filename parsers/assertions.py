"""Whether a cue is stated as a fact: not negated ("hasn't shipped"), not a promise ("will be
refunded"), not a condition ("if the item is lost, we will refund"). The cue lists are in cues.py.
"""

from __future__ import annotations

from functools import lru_cache

from orderwatch.parsers.base import any_of
from orderwatch.parsers.fields import CJK
from orderwatch.parsers.guarded import guarded

# Words right before a cue that turn it into its opposite: "hasn't shipped", "未发货", "不支持退款".
NEGATION_BEFORE = any_of(
    r"(?:not|n't|never|no|yet to be|未|没有|没|尚未|不|无法|未能)\s*(?:been\s+|yet\s+|be\s+)?$|\b(?:unable|not able)\s+to\s+$"
    r"|\b(?:ohne|keine?n?|sans|aucune?|senza|nessun[oa]?|sin|ning[úu]n|bez)\s+$"
    r"|(?:不代表|不表示|不意味|does not mean|doesn't mean|is not a (?:confirmation|notice) of)[^，。,.\n]{0,10}$"
)


# Words right before a cue that make it a promise, not a report: "将在24小时内处理完成", "will be shipped".
FUTURE_BEFORE = any_of(
    r"(?:将|將|会|會|(?<!已)(?<!已经)在?\d{1,3}\s*(?:个|個)?(?:小时|小時|分钟|分鐘|工作日|天|日)\s*(?:之|以)?[内內]\s*(?:为|為|给|給|帮|幫)?(?:您|你)?|(?:一定|马上|立刻|尽快|稍后|會|会)(?:会|會)?(?:给|給|为|為|帮|幫)?(?:您|你)?|"
    r"\bwill(?: be)?|\bshall(?: be)?|\bwird|\bwerden|\bsera|\bsaranno|\bsar[àa]|\bser[áa]|\bzostanie|"
    r"(?:ll|\bwill) (?:have|get|put) (?:\w+ ){0,2})\s*$"
)


# The buyer's own wish is no condition on the request: "if you would like us to act, send ... by".
_WISH = any_of(
    r"\bif you (?:would like|wish|want|'d like)|如您(?:希望|想|需要本会|需要本會|要求)|如(?:閣下|阁下)(?:希望|欲)|"
    r"si vous (?:souhaitez|voulez)|wenn sie (?:m[öo]chten|w[üu]nschen)|si desea|"
    # disagreeing is the buyer's choice too: "if you disagree, you may appeal within 7 days"
    r"\bif you (?:disagree|do not agree|don't agree|are not satisfied|are unhappy)|如(?:您|你)?(?:对|對)[^，。,]{0,16}(?:有异议|有異議|不满|不服)|"
    r"如有(?:异议|異議)|si no est[áa]s? de acuerdo|si vous n'[êe]tes pas d'accord|wenn sie (?:damit )?nicht einverstanden|"
    r"je[śs]li nie zgadzasz|se (?:voc[êe] )?n[ãa]o concordar"
)
_CONDITION = any_of(
    r"\b(?:if|unless|in case|should you|in the event)\b|\bonce\b(?! again| more| a\b)|(?:核实|核實|审核通过|審核通過|验证|驗證)(?:后|後)(?![^，。\n]{0,12}(?:缺货|缺貨|无货|無貨|发现|發現|确认|確認))|如果|若您|如您|如需|若|逾期|未取|超过.{0,8}期限|超過.{0,8}期限|"
    r"按(?:照)?(?:客服|我们|我們|平台|工作人员|工作人員)的?要求|可能|或将|或將|或會|或会|如(?:閣下|阁下|有|未|無|无|逾期|收件人|買家|买家|顧客|顾客|部分|果|遇|因|發生|发生|商品|订单|訂單|包裹)|如(?=[^，。,\n]{0,20}(?:未能|无法|無法|不能|失败|失敗))|倘若|假如|\bmay (?:need|ask|require|request)|\bmight\b|"
    r"\b(?:wenn|falls|se|si)\b|\bgebeurt dat niet\b|\bs'(?:il|ils|elle|elles)\b|pass[ée] ce d[ée]lai|à d[ée]faut|faute de|\botherwise\b|nach ablauf|"
    r"after (?:this|that|the) (?:date|deadline|period)|\b(?:may|might) $|"  # "We may need additional information"
    r"[^，。\n]{2,}的[，,]\s*[^，。\n]{0,8}$|"  # a rule's own condition: "六十日内未能达成调解协议的，终止调解"
    # sv, nb, da, fi, cs, ro, pt: "Om något saknas får du en begäran om komplettering"
    # ko "기다리기 어려우시면 …", ja "ご希望の場合は …": an offer under a condition
    r"[가-힣](?:시면|으면|하면|다면|라면)(?=[\s,.]|$)|[가-힣]\s*경우|場合(?:は|には)|でしたら|ようなら|"
    r"\bom (?:n[åa]got|du|ni|det|vi)\b|\bhvis\b|\bjos\b|\bpokud\b|\bdac[ăa]\b|(?<!il )(?<!nel )(?<!del )(?<!o )(?<!el )(?<!um )(?<!un )(?<!seu )\bcaso\b"  # pt "caso" = if; it "il caso" = the case
)


@lru_cache(maxsize=1024)  # readers ask the same of the same text: answered once per mail
def unconditional(pattern, text: str, promise_ok: bool = False):
    """The first match stated as a fact and outside a condition ("如需补充材料，我行将另行通知"); with
    `promise_ok`, a promise counts too ("并于7日内将…全额退刷": a grant is a promise)."""
    for match in pattern.finditer(text):
        inside = match.group(0) if CJK.search(match.group(0)) else ""  # "请…按客服要求提供材料": inside it too
        before = _sentence_before(text, match.start())
        if _conditional(before + inside) or _offered(text, match.start() - len(before)):
            continue
        if stated_as_fact(text, match.start(), promise_ok):
            return match
    return None


# "If you'd rather not wait, let us know. We'll cancel and refund at once": the second sentence is the offer's
_LET_US_KNOW = any_of(
    r"(?:let us know|tell us|contact us|reply to this (?:e-?mail|message))\W*$|(?:말씀해|알려)\s*주세요\W*$|"
    r"(?:お知らせ|ご連絡)(?:ください|下さい)\W*$|(?:告诉|告訴|联系|聯繫)(?:我们|我們)\W*$"
)


# "If you don't receive tracking within 7 days, Grailed is here to help. We'll cancel the order and issue you a
# full refund": the sentence after a condition that says what will then be done is the condition's too
_CONSEQUENCE = any_of(r"\s*(?:we(?:'ll|\s+will|\s+would)|then\b|in that case\b|dans ce cas\b|in diesem fall\b)")


def _offered(text: str, sentence_start: int) -> bool:
    previous = _sentence_before(text, max(0, sentence_start - 1))
    asked = _LET_US_KNOW.search(previous + text[max(0, sentence_start - 1) : sentence_start])
    then = _CONSEQUENCE.match(text, sentence_start)
    return bool((asked or then) and _conditional(previous))


# A possibility is no decision: "they may accept the return or offer a partial refund".
_POSSIBILITY = any_of(
    r"\b(?:may|might|could|can)\b|\boptions?\b|peut|peuvent|kann|können|puede|pueden|può|possono|可以|可能|或"
)


@lru_cache(maxsize=1024)  # readers ask the same of the same text: answered once per mail
def decided(pattern, text: str):
    """The first match stated as a fact, outside a condition, and not one of the options offered."""
    for match in pattern.finditer(text):
        sentence = _sentence_before(text, match.start())
        if not _POSSIBILITY.search(sentence) and not _conditional(sentence) and stated_as_fact(text, match.start()):
            return match
    return None


def _sentence_before(text: str, at: int) -> str:
    """The words of the sentence that come before `at`."""
    stop = text.rfind("。", 0, at)
    dot = text.rfind(".", 0, at)
    while dot > stop and text[dot + 1 : dot + 2].isalnum():  # "kefu@sandiankapu.com", "3.5": no sentence ends
        dot = text.rfind(".", 0, dot)
    stop = max(stop, dot)
    line = text.rfind("\n", 0, at)
    # a sentence wrapped at 72 columns goes on below: "In case the\nrecharge fails, … will be refunded"
    while (
        line > stop
        and text[line + 1 : line + 2].islower()
        and text[line - 1 : line] not in ("", ".", ":", "!", "?", "\n")
    ):
        line = text.rfind("\n", 0, line)
    return text[1 + max(stop, line) : at]


def conditional_at(text: str, at: int) -> bool:
    """The sentence that leads up to `at` states a condition ("If we can raise a chargeback, …")."""
    return _conditional(_sentence_before(text, at))


def _conditional(sentence: str) -> bool:
    return bool(_CONDITION.search(sentence) and not _WISH.search(sentence))


@lru_cache(maxsize=1024)  # readers ask the same of the same text: answered once per mail
def affirmed(pattern, text: str):
    """The first match of `pattern` in `text` that is neither negated nor promised just before it."""
    for match in pattern.finditer(text):
        if stated_as_fact(text, match.start()):
            return match
    return None


def stated_as_fact(text: str, start: int, promise_ok: bool = False) -> bool:
    """Nothing right before `start` negates the words there or (unless `promise_ok`) makes them a promise."""
    before = text[max(0, start - 12) : start]
    if before[-1:] in _OPENING_QUOTES:  # 'marked as "Payment has been refunded"': a label quoted, not said
        return False
    return not NEGATION_BEFORE.search(before) and (promise_ok or not FUTURE_BEFORE.search(before))


_OPENING_QUOTES = ('"', "“", "«", "„", "「", "『")


_SOFT_WRAP = guarded(r"(?<=[a-z,;])[ \t]*\n(?=[ \t]*[a-z])")


def unwrapped(text: str) -> str:
    """A plain-text mail's sentences joined across their 72-column wraps ("we're unable\nto issue a
    refund"), paragraphs and lists kept; the same length is not kept, so match on it, not in it."""
    return _SOFT_WRAP.sub(" ", text)
