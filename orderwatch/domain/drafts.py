"""Which draft fits an alert, and what goes into it: the time + event + demand of domain.md.

Pure: returns a template name and a context; `render.py` turns them into text. The wording is
objective (no "骗子", "诈骗"), names a concrete demand, and keeps room to escalate.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from orderwatch.domain.ladder import escalation
from orderwatch.domain.model import Alert, Event, Order

FORBIDDEN = ("骗子", "诈骗", "scam", "fraudster")
_ZH_KIND = {
    "ordered": "下单",
    "paid": "付款",
    "promise": "商家承诺",
    "shipped": "商家发货",
    "delivered": "交付",
    "problem": "商家告知无法履约",
    "complaint_sent": "我方投诉",
    "complaint_ack": "对方受理投诉",
    "evidence_requested": "对方要求补充凭证",
    "platform_reply": "对方答复",
    "decision": "对方作出处理结果",
    "refund": "退款",
    "note": "备注",
}
_ZH_SUBTYPE = {"appeal": "我方提交申诉", "evidence": "我方补充凭证"}
_EN_KIND = {
    "ordered": "order placed",
    "paid": "I paid",
    "promise": "promised",
    "shipped": "they shipped",
    "delivered": "delivered",
    "problem": "the seller reported a problem",
    "complaint_sent": "I complained",
    "complaint_ack": "they acknowledged my complaint",
    "evidence_requested": "they asked for evidence",
    "platform_reply": "they replied",
    "decision": "they decided",
    "refund": "refund",
    "note": "note",
}
_EN_SUBTYPE = {"appeal": "I appealed", "evidence": "I sent the evidence"}


def _when(at: datetime | None, lang: str) -> str:
    if at is None:
        return ""
    return at.strftime("%Y年%m月%d日 %H:%M") if lang == "zh" else at.strftime("%d %B %Y, %H:%M (UTC%z)")


# Drafts beyond the alert kinds: the other rungs of the ladder (domain.md, "Escalation ladder").
EXTRA_KINDS = ("platform_complaint", "outside_complaint", "heimao_post", "chargeback")


def template_for(kind: str, lang: str) -> str:
    return f"drafts/{kind}.{'zh' if lang == 'zh' else 'en'}.j2"


def draft_kind(alert: Alert, order: Order, marketplace: bool) -> str:
    """Which draft fits an alert: the message for the *next* rung of the ladder.

    An unanswered complaint is not answered by writing to the same desk again: after the
    merchant comes the platform (or, for a shop on its own, the card issuer or 12315); after
    the platform or an appeal, an outside body.
    """
    if alert.kind != "complaint_unanswered":
        return alert.kind
    return escalation(str(alert.facts.get("stage") or alert.stage), marketplace, order.lang).draft


def context(order: Order, alert: Alert | None, lang: str) -> dict[str, Any]:
    events = [e for e in order.events if e.role == "sent" and e.kind == "complaint_sent"]
    history = [
        {"when": _when(e.at, lang), "what": _what(e, lang), "kind": e.kind}
        for e in order.events
        if e.kind not in ("promise", "ordered")
    ]
    amount = f"{order.amount} {order.currency}" if order.amount else ""
    if lang == "zh" and order.currency == "CNY" and order.amount:
        amount = f"{order.amount}元"
    return {
        "order_no": order.order_no,
        "item": order.item or ("商品" if lang == "zh" else "the item"),
        "merchant": order.merchant,
        "amount": amount,
        "paid_at": _when(order.paid_at or order.ordered_at, lang),
        "promised_by": _when(order.promised_by, lang),
        "promise_default": order.promise_source == "default",
        "virtual": order.virtual,
        "complaint_no": order.complaint_no,
        "complained_at": _when(events[-1].at, lang) if events else "",
        "due_at": _when(alert.due_at, lang) if alert else "",
        "as_of": _when(alert.as_of, lang) if alert else "",
        "stage": alert.stage if alert else order.stage,
        "refund_amount": _refund_amount(order, alert, lang),
        "clock_stage": str(alert.facts.get("stage") or alert.stage) if alert else order.stage,
        "history": history,
        "large": _large(order),
    }


def _what(event: Event, lang: str) -> str:
    """One line of the draft's history, in the draft's language."""
    if event.manual:
        return event.summary
    if lang != "zh":
        what = _EN_SUBTYPE.get(str(event.fields.get("subtype")), _EN_KIND.get(event.kind, event.kind))
        if event.kind == "refund":
            what = "refund received" if event.fields.get("state") == "received" else "they agreed to refund"
        if event.kind == "decision":
            what += {"against": " against me", "partial": " partly in my favour", "for_buyer": " in my favour"}.get(
                str(event.fields.get("outcome")), ""
            )
        amount = event.fields.get("amount")
        if event.kind in ("paid", "refund") and amount:
            what += f" {amount}"
        return what + (f" (ref. {event.ticket_no})" if event.ticket_no else "")
    what = _ZH_SUBTYPE.get(str(event.fields.get("subtype")), _ZH_KIND.get(event.kind, event.kind))
    amount = event.fields.get("amount")
    if event.kind in ("paid", "refund") and amount:
        what += f" {amount}元"
    if event.kind == "refund":
        what = ("退款已到账" if event.fields.get("state") == "received" else "对方同意退款") + (
            f" {amount}元" if amount else ""
        )
    if event.kind == "decision":
        what += {"against": "（驳回）", "partial": "（部分支持）", "for_buyer": "（支持）"}.get(
            str(event.fields.get("outcome")), ""
        )
    if event.ticket_no:
        what += f"，编号 {event.ticket_no}"
    return what


def _refund_amount(order: Order, alert: Alert | None, lang: str) -> str:
    """The refund promised (the alert knows it), else the whole amount paid."""
    value = alert.facts.get("amount") if alert else None
    if not value:
        return ""
    return f"{value}元" if lang == "zh" and order.currency == "CNY" else f"{value} {order.currency or ''}".strip()


def _large(order: Order) -> bool:
    """Over 5,000 yuan: the regulator or a court becomes a sensible next step (domain.md)."""
    try:
        return order.currency == "CNY" and float(order.amount or 0) > 5000
    except ValueError:
        return False


def split(text: str) -> tuple[str, str]:
    """A rendered draft's first line is 'Subject: …'; the rest is the body."""
    first, _, body = text.partition("\n")
    subject = first.removeprefix("Subject:").removeprefix("主题：").strip()
    return subject, body.strip() + "\n"


def is_clean(text: str) -> bool:
    return not any(word in text for word in FORBIDDEN)
