"""What to do now, in the mail's language: the `next_step` of an alert, after domain.md's ladder
(merchant -> platform -> appeal -> outside -> legal) and its advice (write, keep records, one
complaint per stage, a concrete demand, room to escalate). The sentences live in
`templates/wording.toml` ([zh.next_step], [en.next_step]); the rung comes from `domain.ladder`,
the same table that picks the draft.
"""

from __future__ import annotations

from datetime import datetime

from orderwatch import hanzi
from orderwatch.domain.ladder import escalation
from orderwatch.domain.regions import MAINLAND, region_for
from orderwatch.wording import word


def _when(at: datetime, lang: str) -> str:
    return at.strftime("%Y-%m-%d %H:%M") if lang == "zh" else at.strftime("%d %b %Y %H:%M")


def next_step(kind: str, due_at: datetime, stage: str, lang: str, facts: dict[str, object]) -> str:
    """`facts` are the alert's, with the order's `marketplace` and `currency` (its region)."""
    clock_stage = str(facts.get("stage") or stage)
    up = escalation(clock_stage, bool(facts.get("marketplace", True)), lang).stage  # the draft's rung too
    region = region_for(str(facts.get("currency") or "")) if lang == "zh" else MAINLAND

    def side(rung: str) -> str:  # the outside body the draft names: 12315, or Taiwan's 消保官, ...
        if region is not MAINLAND and rung in _OUTSIDE_WORDS:
            return _OUTSIDE_WORDS[rung].format(body=region.outside_bodies)
        return word("side", rung, lang)

    text = word("next_step", kind, lang).format(
        when=_when(due_at, lang),
        side=side(clock_stage) if clock_stage in _SIDES else word("side", "unknown", lang),
        up=side(up) if up in _SIDES else word("side", "next", lang),
        outside=side("outside"),
        after_appeal=side("after_appeal") if lang == "zh" else "",
        window=str(facts.get(f"window_{'zh' if lang == 'zh' else 'en'}") or ""),
    )
    return hanzi.written_in(text, region.script)


_SIDES = ("merchant", "platform", "appeal", "outside", "legal")
# Outside the mainland the rungs above the platform are the region's own (regions.py), not 12315's.
_OUTSIDE_WORDS = {"outside": "{body}", "legal": "主管机关或法院", "after_appeal": "{body}投诉"}
