"""Where a Chinese-language buyer paid, and what that changes in a draft: the script it is
written in, the outside body it names, who comes after that body, and which law it cites.

Mainland China, Taiwan, Hong Kong and Macau each have their own consumer law and complaint
bodies; a Taiwanese buyer's draft to a 消保官 citing the mainland's 《消费者权益保护法》, in
simplified characters, is a draft they cannot send. The order's currency tells the region (the
mail of a Taiwanese shop bills in NT$, a Hong Kong shop in HK$), as it already tells the draft's
amounts. Pure: no conversion here; `orderwatch.hanzi` writes the text in the region's script.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    """What a Chinese draft says that depends on the buyer's region (the text is converted to
    the region's script after rendering, so it is written here as the templates are)."""

    key: str  # cn | tw | hk | mo: the templates choose the law they cite by it
    script: str  # "Hans", or the OpenCC conversion that writes the region's Traditional usage
    outside_body: str  # where to complain outside the shop and platform, short
    outside_bodies: str  # the same, in full
    report: str  # the step after the outside body: "向当地市场监督管理部门举报"
    sue: str  # the court a claim of a consumer's size goes to: "向人民法院起诉"
    payment_desk: str  # who a payment complaint (chargeback) is addressed to


MAINLAND = Region(
    key="cn",
    script="Hans",
    outside_body="12315",
    outside_bodies="12315及消费者协会",
    report="向当地市场监督管理部门举报",
    sue="向人民法院起诉",
    payment_desk="支付宝 / 微信支付 交易投诉",
)
_REGIONS = {
    "TWD": Region(
        key="tw",
        script="s2twp",
        outside_body="消费者保护官",
        outside_bodies="消费者保护官及行政院消费者保护处",
        report="向直辖市、县（市）消费争议调解委员会申请调解",
        sue="向法院提起小额诉讼",
        payment_desk="发卡银行 争议账款 / 支付平台 交易申诉",
    ),
    "HKD": Region(
        key="hk",
        script="s2tw",
        outside_body="香港消费者委员会",
        outside_bodies="香港消费者委员会",
        report="向香港海关（《商品说明条例》的执法部门）举报",
        sue="向小额钱债审裁处提出申索",
        payment_desk="发卡银行 争议交易 / 支付平台 交易申诉",
    ),
    "MOP": Region(
        key="mo",
        script="s2tw",
        outside_body="澳门消费者委员会",
        outside_bodies="澳门消费者委员会",
        report="向澳门消费者委员会消费争议仲裁中心申请仲裁",
        sue="向初级法院小额钱债法庭起诉",
        payment_desk="发卡银行 争议交易 / 支付平台 交易申诉",
    ),
}


def region_for(currency: str | None) -> Region:
    """The region an order was paid in, by its currency; the mainland when it says nothing else."""
    return _REGIONS.get(currency or "", MAINLAND)
