"""A Chinese draft follows the buyer's region: Taiwan, Hong Kong and Macau buyers get their own
characters, their own outside body and law, and the reminder's next step names the same body."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from orderwatch import advice, hanzi, render
from orderwatch.domain import drafts
from orderwatch.domain.model import Alert, Event, Order, Role
from orderwatch.domain.regions import MAINLAND, region_for

NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)


def _order(currency: str) -> Order:
    paid = Event("paid", NOW, fields={"amount": "1280.00", "currency": currency}, order_no="A1", role=Role.INBOX)
    return Order(
        "shop:A1", "A1", "shop", "小店", "游戏点卡", "1280.00", currency, None, NOW, NOW, None, None, None, None,
        "complaint_open", "merchant", None, "zh", False, (paid,),
    )  # fmt: skip


def _draft(currency: str, kind: str) -> str:
    order = _order(currency)
    alert = Alert("shop:A1", "A1", "complaint_unanswered", NOW, NOW, "merchant", "", "zh", facts={"stage": "merchant"})
    context = drafts.context(order, alert, "zh", UTC, moving_parts=False)
    text = render.render(drafts.template_for(kind, "zh"), context)
    return hanzi.written_in(text, region_for(currency).script)


def test_the_region_is_read_from_the_currency_and_defaults_to_the_mainland() -> None:
    assert region_for("TWD").key == "tw"
    assert region_for("HKD").key == "hk"
    assert region_for("MOP").key == "mo"
    assert region_for("CNY") is MAINLAND
    assert region_for(None) is MAINLAND
    assert region_for("USD") is MAINLAND


def test_a_taiwanese_outside_complaint_is_in_traditional_characters_and_cites_taiwans_civil_code() -> None:
    text = _draft("TWD", "outside_complaint")
    assert text.startswith("Subject: 消費申訴：訂單A1")
    assert "民法第254條" in text and "消費者權益保護法" not in text and "电子商务法" not in text
    assert "付款 1280.00 TWD" in text and "1280.00元" not in text  # NT$ is no 元 of the mainland
    assert "帳戶" in text and "賬" not in text  # Taiwan's usage, not Hong Kong's
    assert "「游戏点卡」" not in text and "「遊戲點卡」" in text  # corner quotes around what was bought


def test_a_hong_kong_platform_complaint_cites_the_trade_descriptions_ordinance_and_the_council() -> None:
    text = _draft("HKD", "platform_complaint")
    assert "《商品說明條例》（第362章）第13I條" in text
    assert "香港消費者委員會" in text
    assert "消费者权益保护法" not in text and "12315" not in text


def test_a_mainland_draft_is_unchanged_simplified_chinese_with_the_mainland_law() -> None:
    text = _draft("CNY", "outside_complaint")
    assert "《消费者权益保护法》第五十三条" in text and "消费投诉" in text
    assert "付款 1280.00元" in text


def test_the_skeletons_markers_survive_the_conversion() -> None:
    assert hanzi.written_in("截至\x00as_of\x00发货", "s2tw") == "截至\x00as_of\x00發貨"
    assert hanzi.written_in("发货", "Hans") == "发货"


BODIES = [("TWD", "消費者保護官"), ("HKD", "香港消費者委員會"), ("MOP", "澳門消費者委員會"), ("CNY", "12315")]


@pytest.mark.parametrize(("currency", "body"), BODIES)
def test_the_next_step_names_the_outside_body_the_draft_is_addressed_to(currency: str, body: str) -> None:
    facts = {"stage": "platform", "marketplace": True, "currency": currency}
    step = advice.next_step("complaint_unanswered", NOW, "platform", "zh", facts)
    assert body in step
    alert = Alert("r", "1", "complaint_unanswered", NOW, NOW, "platform", "", "zh", facts=facts)
    assert drafts.draft_kind(alert, _order(currency), True) == "outside_complaint"  # filed with that body


def test_after_a_refused_appeal_a_taiwanese_buyer_is_sent_to_their_own_body_not_to_heimao() -> None:
    step = advice.next_step("appeal_window", NOW, "appeal", "zh", {"currency": "TWD"})
    assert "消費者保護官" in step and "黑猫" not in step and "12315" not in step
    assert "12315 或黑猫投诉" in advice.next_step("appeal_window", NOW, "appeal", "zh", {"currency": "CNY"})
