"""Golden drafts: every corpus alert's ready-to-send text, in its language, as reviewed.

Scenarios the reader still gets wrong (known_gaps.json) have no golden text: their drafts rest on
a misreading.

A change of wording shows up here as a diff; `pytest --update-golden` rewrites the files after
the new text has been read and approved.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from orderwatch import cases, ingest
from orderwatch.cli import _as_of
from orderwatch.domain.drafts import FORBIDDEN
from orderwatch.domain.rulebook import Rulebook
from orderwatch.store import Store
from tests.support.corpus import Scenario
from tests.test_corpus import KNOWN_GAPS, SCENARIOS

GOLDEN = Path(__file__).parent / "golden" / "drafts"


def _drafts(path: Path, tmp_path: Path) -> dict[str, str]:
    scenario = Scenario.load(path)
    with Store(tmp_path / "g.db") as store:
        for folder in ("INBOX", "Sent"):
            if scenario.files(folder):
                ingest.import_paths(store, scenario.files(folder), folder)
        at = _as_of(scenario.as_of)
        views = cases.load_cases(store, Rulebook(), at)
        by_ref = {v.case.ref: v for v in views}
        out = {}
        for alert in cases.alerts(views, at):
            draft = cases.draft_for(by_ref[alert.ref], alert)
            number = alert.order_no.replace("/", "_")  # "INV/20261005/MPL/…" names one file, not folders
            out[f"{path.name}.{number}.{alert.kind}.{draft['lang']}.txt"] = (
                f"kind: {draft['kind']}\nSubject: {draft['subject']}\n\n{draft['body']}"
            )
        return out


@pytest.mark.parametrize("path", [p for p in SCENARIOS if p.name not in KNOWN_GAPS], ids=lambda p: p.name)
def test_golden(path: Path, tmp_path: Path, update_golden: bool) -> None:
    drafts = _drafts(path, tmp_path)
    stale = sorted(g.name for g in GOLDEN.glob(f"{path.name}.*") if g.name not in drafts)
    if update_golden:
        for name in stale:
            (GOLDEN / name).unlink()
    else:  # a draft no longer written (another language, an alert gone) must not linger unreviewed
        assert stale == [], f"golden drafts no longer produced: {stale}; review, then --update-golden"
    for name, text in drafts.items():
        assert not any(word in text for word in FORBIDDEN)
        golden = GOLDEN / name
        if update_golden or not golden.exists():
            golden.write_text(text, encoding="utf-8")
        assert text == golden.read_text(encoding="utf-8"), f"{name} changed: review it, then --update-golden"
