"""What to do now, in the mail's language: the `next_step` of an alert, after domain.md's ladder
(merchant -> platform -> appeal -> outside -> legal) and its advice (write, keep records, one
complaint per stage, a concrete demand, room to escalate).
"""

from __future__ import annotations

from datetime import datetime

from orderwatch.domain.ladder import escalation

_STAGE_ZH = {
    "merchant": "商家",
    "platform": "平台",
    "appeal": "平台（二次申诉）",
    "outside": "12315 / 消费者协会",
    "legal": "市场监管部门或法院",
}
_STAGE_EN = {
    "merchant": "the shop",
    "platform": "the platform",
    "appeal": "the platform's appeal desk",
    "outside": "a consumer body (card issuer, consumer protection)",
    "legal": "the regulator or a court",
}


def _when(at: datetime, lang: str) -> str:
    return at.strftime("%Y-%m-%d %H:%M") if lang == "zh" else at.strftime("%d %b %Y %H:%M")


def next_step(kind: str, due_at: datetime, stage: str, lang: str, facts: dict[str, object]) -> str:
    when = _when(due_at, lang)
    clock_stage = str(facts.get("stage") or stage)
    up = escalation(clock_stage, bool(facts.get("marketplace", True)), lang).stage  # the draft's rung too
    if lang == "zh":
        return {
            "delivery_overdue": f"商家承诺的交付时间已于 {when} 到期仍未履约。请先在平台内书面联系商家（保留聊天记录），要求今日内发货或全额退款；用下方草稿发送。",
            "complaint_unanswered": f"向{_STAGE_ZH.get(clock_stage, '对方')}的投诉至 {when} 仍无答复。请升级到{_STAGE_ZH.get(up, '上一级')}投诉，附上此前的沟通记录；用下方草稿。",
            "evidence_due": f"平台要求补充凭证，截止 {when}。请按要求整理截图（每张不超过 2MB，最多 10 张）并回复原邮件；逾期将按现有材料处理。",
            "appeal_window": f"处理结果对您不利，可在 {when} 前提交二次申诉，附上新的证据；用下方草稿。逾期可转向 12315 或黑猫投诉。",
            "refund_overdue": f"承诺的退款应在 {when} 前到账，至今未到。请向{_STAGE_ZH.get(clock_stage, '对方')}催办并保留记录；仍无结果请升级投诉。",
            "complaint_window": f"平台投诉期将于 {when} 截止（订单完成后 7 天）。请在此之前向平台提交投诉；逾期视为默认收货。",
        }[kind]
    return {
        "delivery_overdue": f"The promised delivery ran out on {when}. Write to the shop now (keep the record): ask for delivery today or a full refund; the draft below is ready to send.",
        "complaint_unanswered": f"Your complaint to {_STAGE_EN.get(clock_stage, 'the other side')} has had no answer by {when}. Escalate to {_STAGE_EN.get(up, 'the next level')} with your earlier messages attached; use the draft below.",
        "evidence_due": f"Evidence was requested; send it by {when} by replying to the request with the screenshots (images up to 2 MB each, at most 10).",
        "appeal_window": f"The decision went against you; you can appeal until {when} with new evidence. Use the draft below; after that, go to {_STAGE_EN['outside']}.",
        "refund_overdue": f"The refund promised by {when} has not arrived. Chase {_STAGE_EN.get(clock_stage, 'them')} in writing and keep the record; escalate if it stays unpaid.",
        "complaint_window": f"The platform's complaint window closes on {when} (7 days after completion). File your complaint before then.",
    }[kind]
