"""What to do now, in the mail's language: the `next_step` of an alert, after domain.md's ladder
(merchant -> platform -> appeal -> outside -> legal) and its advice (write, keep records, one
complaint per stage, a concrete demand, room to escalate). The sentences live in
`templates/wording.toml` ([zh.next_step], [en.next_step]); the rung comes from `domain.ladder`,
the same table that picks the draft.
"""

from __future__ import annotations

from datetime import datetime

from orderwatch.domain.ladder import escalation
from orderwatch.wording import word


def _when(at: datetime, lang: str) -> str:
    return at.strftime("%Y-%m-%d %H:%M") if lang == "zh" else at.strftime("%d %b %Y %H:%M")


def next_step(kind: str, due_at: datetime, stage: str, lang: str, facts: dict[str, object]) -> str:
    clock_stage = str(facts.get("stage") or stage)
    up = escalation(clock_stage, bool(facts.get("marketplace", True)), lang).stage  # the draft's rung too
    side = word("side", clock_stage, lang) if clock_stage in _SIDES else word("side", "unknown", lang)
    return word("next_step", kind, lang).format(
        when=_when(due_at, lang),
        side=side,
        up=word("side", up, lang) if up in _SIDES else word("side", "next", lang),
        outside=word("side", "outside", lang),
        window=str(facts.get(f"window_{'zh' if lang == 'zh' else 'en'}") or ""),
    )


_SIDES = ("merchant", "platform", "appeal", "outside", "legal")
