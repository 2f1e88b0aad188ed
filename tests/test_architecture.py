"""The shape the project promises: pure core, explicit parser registry, one adapter per library."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from orderwatch import parsers

ROOT = Path(__file__).resolve().parent.parent


def test_pure_core_imports_no_io_library() -> None:
    code = (
        "import sys, orderwatch.domain.rules, orderwatch.domain.timeline, orderwatch.domain.drafts;"
        "import orderwatch.parsers.reader;"
        "io = ('prefect', 'imapclient', 'apprise', 'sqlite_utils', 'typer', 'jinja2', 'sqlite3');"
        "bad = [m for m in io if m in sys.modules];"
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.strip()
    assert out == "", f"pure modules pulled in {out}"


def test_every_family_is_registered() -> None:
    helpers = {
        "__init__",
        "reader",
        "arrivals",
        "arrivals_ko",
        "assertions",
        "base",
        "charsets",
        "cues",
        "lexicon",
        "mime",
        "promise",
    }
    helpers |= {"quotes", "durations", "talk_cues", "refund_cues", "replies", "parcels", "guarded", "shop_events"}
    helpers |= {"delivery_cues", "charges", "promise_intl", "arrival_clocks"}  # split from larger modules
    # the RE2 screen in front of `guarded` patterns and its cache; who writes; the buyer's words; item names
    helpers |= {"screen", "pattern_cache", "desk_words", "complaint_words", "items", "order_sections"}
    modules = {p.stem for p in (ROOT / "parsers").glob("*.py")} - helpers
    registered = {f.NAME for f in parsers.FAMILIES}
    assert modules == {m.__name__.split(".")[-1] for m in parsers.FAMILIES}
    assert len(registered) == len(parsers.FAMILIES)


def test_only_flows_import_prefect() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in list((ROOT / "orderwatch").rglob("*.py")) + list((ROOT / "parsers").rglob("*.py"))
        if "import prefect" in p.read_text() or "from prefect" in p.read_text()
    ]
    assert offenders == []


def test_every_alert_kind_has_drafts_in_both_languages() -> None:
    from orderwatch.domain.model import ALERT_KINDS

    for kind in ALERT_KINDS:
        for lang in ("zh", "en"):
            assert (ROOT / "templates" / "drafts" / f"{kind}.{lang}.j2").is_file(), (kind, lang)


def test_sql_lives_only_in_the_store() -> None:
    """The store owns the schema: no other module touches the database or writes SQL."""
    touch = re.compile(
        r"\.db\.(?:execute|query|executescript)|\.db\[|"
        r"\b(?:select|insert into|update|delete from)\s+[\w*]+\s+(?:from|set|where|values)\b",
        re.I,
    )
    offenders = []
    for path in (
        list((ROOT / "orderwatch").rglob("*.py"))
        + list((ROOT / "parsers").rglob("*.py"))
        + list((ROOT / "flows").rglob("*.py"))
    ):
        if path.relative_to(ROOT).parts[:2] == ("orderwatch", "store"):
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if touch.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_map_names_only_modules_that_exist() -> None:
    """ARCHITECTURE.md stays true: every module or folder it names is in the checkout."""
    text = (ROOT / "ARCHITECTURE.md").read_text()
    named = set(re.findall(r"`([\w/]+\.py|[\w]+/)`", text))
    missing = []
    for name in named:
        candidates = [
            ROOT / name,
            ROOT / "orderwatch" / name,
            ROOT / "parsers" / name,
            ROOT / "parsers" / "fields" / name,
            ROOT / "templates" / name,
            ROOT / "orderwatch" / "domain" / name,
        ]
        if not any(c.exists() for c in candidates):
            missing.append(name)
    assert len(named) > 20 and missing == []


def _modules() -> list[Path]:
    return [
        p for top in ("orderwatch", "parsers", "flows") for p in (ROOT / top).rglob("*.py") if ".venv" not in p.parts
    ]


def test_no_module_is_over_about_400_lines() -> None:
    """A module a newcomer reads in one sitting; split by what it holds when it grows past this."""
    long = {str(p.relative_to(ROOT)): n for p in _modules() if (n := len(p.read_text().splitlines())) > 430}
    assert long == {}


def test_the_edges_call_only_the_application_layer() -> None:
    """The CLI and the flows reach the mailbox, the store, templates and notifications only
    through the application layer, so a command and a scheduled run take the same path."""
    adapters = ("mailbox", "store", "render", "hanzi", "notify", "localmail", "push", "reminders", "export")
    pattern = re.compile(r"^\s*(?:from orderwatch(?:\.(\w+))? import ([\w, ]+)|import orderwatch\.(\w+))", re.M)
    offenders = []
    for path in [ROOT / "orderwatch" / "cli.py", *sorted((ROOT / "flows").glob("*.py"))]:
        for match in pattern.finditer(path.read_text()):
            module, names, plain = match.groups()
            used = {module or plain} if (module or plain) else {n.strip() for n in (names or "").split(",")}
            bad = used & set(adapters)
            if bad:
                offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert offenders == []
