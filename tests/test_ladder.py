"""The ladder is defined once: an unanswered complaint's next step names the rung its draft is for."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from orderwatch import advice
from orderwatch.domain.drafts import draft_kind
from orderwatch.domain.ladder import escalation
from orderwatch.domain.model import Alert, Order

# What each draft kind is addressed to, as its template says.
DRAFT_RUNG = {
    "platform_complaint": "platform",
    "outside_complaint": "outside",
    "chargeback": "outside",
    "complaint_unanswered": "legal",
}
WORDS = {
    "zh": {"platform": "平台", "outside": "12315", "legal": "市场监管部门或法院"},
    "en": {"platform": "the platform", "outside": "consumer body", "legal": "the regulator or a court"},
}


def _order(lang: str) -> Order:
    return Order(
        "shop:1", "1", "shop", "shop", "item", "10.00", "CNY", None, None, None, None, None, None, None,
        "complaint_open", "merchant", None, lang, False,
    )  # fmt: skip


@pytest.mark.parametrize("stage", ["merchant", "platform", "appeal", "outside"])
@pytest.mark.parametrize("marketplace", [True, False])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_next_step_and_draft_name_the_same_rung(stage: str, marketplace: bool, lang: str) -> None:
    now = datetime(2026, 3, 10, tzinfo=UTC)
    alert = Alert("shop:1", "1", "complaint_unanswered", now, now, stage, "", lang, facts={"stage": stage})
    kind = draft_kind(alert, _order(lang), marketplace)
    rung = escalation(stage, marketplace, lang)
    assert DRAFT_RUNG[kind] == rung.stage
    step = advice.next_step("complaint_unanswered", now, stage, lang, {"stage": stage, "marketplace": marketplace})
    assert WORDS[lang][rung.stage] in step
