"""The escalation ladder of domain.md, defined once: merchant -> platform -> appeal -> outside ->
legal. The reminder's "next step" and the attached draft both come from `escalation`, so they
always name the same rung.
"""

from __future__ import annotations

from dataclasses import dataclass

from orderwatch.domain.model import STAGES, AlertKind, Stage

RANK = {stage: rank for rank, stage in enumerate(STAGES)}


@dataclass(frozen=True)
class Rung:
    """Where to turn when a complaint at one stage goes unanswered, and the draft for it."""

    stage: str
    draft: str


def escalation(stage: str, marketplace: bool, lang: str) -> Rung:
    """The next rung above `stage`.

    After the merchant comes the platform; a shop on its own has none above it, so the buyer
    turns to an outside body (12315 for Chinese orders, the card issuer's chargeback otherwise).
    After the platform or its appeal desk comes an outside body; after that, the regulator or a
    court, pressed through the same outside body's draft that names them.
    """
    if stage in ("none",):
        return Rung(Stage.MERCHANT, AlertKind.DELIVERY_OVERDUE)
    if stage == "merchant":
        if marketplace:
            return Rung("platform", "platform_complaint")
        return Rung("outside", "outside_complaint" if lang == "zh" else "chargeback")
    if stage in ("platform", "appeal"):
        return Rung("outside", "outside_complaint")
    return Rung(Stage.LEGAL, AlertKind.COMPLAINT_UNANSWERED)
