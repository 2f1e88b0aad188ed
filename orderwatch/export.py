"""The case bundle: an order's timeline and evidence, in one piece a reviewer can trust.

    bundle/
      index.html      one self-contained page (no network, no scripts, strict CSP)
      timeline.md     the same timeline as text; timeline.json in the contract's shapes
      case.pdf        for platforms that take one file (Chinese text embedded with a CJK font)
      draft.txt       the ready-to-send text for the current step
      evidence/       every message of the case, byte for byte, and every attachment, numbered in
                      domain.md's order (order basics -> communication -> proof of the problem)
      manifest.json   every file with SHA-256, size and source; DKIM status; platform limits

Mail content is never trusted: names are sanitised, HTML from mail is shown as escaped text only.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

from orderwatch import __version__, cases, render
from orderwatch.domain.model import Alert
from orderwatch.safe_names import safe_name, unique
from orderwatch.store import Store

BASICS = ("ordered", "paid", "promise", "shipped", "delivered")
PROOF = ("problem",)
IMAGE_LIMIT_BYTES = 2 * 1024 * 1024  # platforms seen: images <= 2 MB each, at most 10 (domain.md)
IMAGE_LIMIT_COUNT = 10
LATIN_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",)
CJK_FONTS = (
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)
_CAPTION_ZH = {"basics": "订单与交付", "communication": "沟通记录", "proof": "问题证明"}
_CAPTION_EN = {"basics": "order and delivery", "communication": "correspondence", "proof": "proof of the problem"}


@dataclass
class Item:
    """One file of the evidence folder."""

    path: str
    caption: str
    group: str
    sha256: str = ""
    size: int = 0
    source: dict[str, Any] = field(default_factory=dict)
    is_image: bool = False


def export_case(
    store: Store, view: cases.CaseView, alerts: list[Alert], draft: dict[str, str], out: Path, fmt: str
) -> Path:
    """Write the bundle for one order under `out`; returns the folder or the .zip."""
    name = safe_name(f"case-{view.case.ref.replace(':', '-')}", fallback="case")
    folder = out / name
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "evidence").mkdir(parents=True, mode=0o700)
    lang = view.facts.lang
    items = _evidence(store, view, folder / "evidence", lang)
    order = cases.order_json(view.order)
    events = [cases.event_json(e) for e in view.case.events]
    (folder / "timeline.json").write_text(json.dumps({"order": order, "events": events}, ensure_ascii=False, indent=2))
    context = _context(view, alerts, draft, items, lang)
    (folder / "timeline.md").write_text(render.render("export/timeline.md.j2", context))
    (folder / "index.html").write_text(render.render_html("export/index.html.j2", context))
    (folder / "draft.txt").write_text(f"Subject: {draft['subject']}\n\n{draft['body']}")
    _pdf(folder / "case.pdf", context)
    manifest = _manifest(folder, items, view)
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
    for path in folder.rglob("*"):
        path.chmod(0o700 if path.is_dir() else 0o600)
    if fmt == "zip":
        archive = out / f"{name}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    zf.write(path, f"{name}/{path.relative_to(folder).as_posix()}")
        shutil.rmtree(folder)
        archive.chmod(0o600)
        return archive
    return folder


def _group(kinds: set[str]) -> str:
    if kinds & set(PROOF):
        return "proof"
    if kinds <= set(BASICS):
        return "basics"
    return "communication"


def _evidence(store: Store, view: cases.CaseView, folder: Path, lang: str) -> list[Item]:
    by_message: dict[str, list[Any]] = {}
    for event in view.case.events:
        if event.sha256:
            by_message.setdefault(event.sha256, []).append(event)
    order = {"basics": 0, "communication": 1, "proof": 2}
    messages = sorted(by_message.items(), key=lambda kv: (order[_group({e.kind for e in kv[1]})], kv[1][0].at))
    meta = {row["sha256"]: row for row in store.message_rows(list(by_message))}
    taken: set[str] = set()
    items: list[Item] = []
    for number, (sha, evs) in enumerate(messages, start=1):
        raw = store.raw(sha)
        group = _group({e.kind for e in evs})
        first = evs[0]
        subject = store.db.execute("select subject from parses where sha256 = ?", [sha]).fetchone()
        what = (subject[0] if subject and subject[0] else first.summary)[:60]
        when = first.at.strftime("%Y-%m-%d %H:%M")
        label = "图" if lang == "zh" else "Figure "
        caption = f"{label}{number}: {(_CAPTION_ZH if lang == 'zh' else _CAPTION_EN)[group]} - {when} - {what}"
        filename = unique(f"{number:02d}-{safe_name(what, fallback='message', limit=48)}.eml", taken)
        (folder / filename).write_bytes(raw)
        row = meta.get(sha, {})
        source = {
            "message_id": row.get("message_id"),
            "date": first.at.isoformat(),
            "folder": row.get("folder"),
            "dkim": _dkim(raw),
        }
        items.append(Item(f"evidence/{filename}", caption, group, source=source))
        parsed = message_from_bytes(raw, policy=policy.compat32)
        for index, part in enumerate(p for p in parsed.walk() if not p.is_multipart() and p.get_filename()):
            try:
                data = part.get_payload(decode=True) or b""
            except Exception:  # noqa: BLE001 - an undecodable attachment is skipped, the .eml keeps it
                continue
            original = str(part.get_filename() or "")
            attach_name = unique(f"{number:02d}-{index + 1}-{safe_name(original, fallback='attachment')}", taken)
            (folder / attach_name).write_bytes(data)
            kind = "附件" if lang == "zh" else "attachment"
            items.append(
                Item(
                    f"evidence/{attach_name}",
                    f"{label}{number}.{index + 1}: {kind} {safe_name(original)}",
                    group,
                    source={"message_id": row.get("message_id"), "attachment_of": filename},
                    is_image=part.get_content_maintype() == "image",
                )
            )
    return items


def _dkim(raw: bytes, dnsfunc: Any = None) -> dict[str, Any]:
    """Whether the message was signed, and verified when the signer's key can be looked up.

    Offline, or with the key gone, the answer is "not verified", not "invalid": a reviewer must
    not read a missing DNS answer as a forged mail. Never fails the export.
    """
    head = raw[: raw.find(b"\r\n\r\n") if b"\r\n\r\n" in raw else 65536]
    match = re.search(rb"(?im)^dkim-signature:.*?\bd=([^;\s]+)", head)
    if not match:
        return {"signed": False}
    result: dict[str, Any] = {"signed": True, "domain": match.group(1).decode("ascii", "replace")}
    try:
        import dkim
        import dkim.dnsplug

        missing: list[str] = []

        def lookup(name: bytes, timeout: int = 3) -> bytes | None:
            try:
                answer = (dnsfunc or dkim.dnsplug.get_txt)(name, timeout=timeout)
            except Exception:  # noqa: BLE001 - no resolver, no network
                answer = None
            if not answer:
                missing.append(name.decode("ascii", "replace") if isinstance(name, bytes) else str(name))
            return answer

        verified = bool(dkim.verify(raw, dnsfunc=lookup, timeout=3))
        if verified or not missing:
            result["verified"] = verified
        else:
            result["verified"] = None
            result["note"] = "not verified: the signer's public key could not be looked up"
    except Exception as exc:  # noqa: BLE001 - odd headers, library limits: say so and go on
        result["verified"] = None
        result["note"] = f"not verified ({exc.__class__.__name__})"
    return result


def _manifest(folder: Path, items: list[Item], view: cases.CaseView) -> dict[str, Any]:
    files = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "manifest.json"):
        rel = path.relative_to(folder).as_posix()
        data = path.read_bytes()
        item = next((i for i in items if i.path == rel), None)
        files.append(
            {
                "path": rel,
                "sha256": hashlib.sha256(data).hexdigest(),
                "size": len(data),
                "caption": item.caption if item else None,
                "source": item.source if item else None,
            }
        )
    images = [i for i in items if i.is_image]
    sizes = {f["path"]: f["size"] for f in files}
    too_big = [i.path for i in images if sizes.get(i.path, 0) > IMAGE_LIMIT_BYTES]
    reduced = [i.path for i in images if i.path not in too_big][:IMAGE_LIMIT_COUNT]
    return {
        "order": view.case.ref,
        "tool": f"orderwatch {__version__}",
        "exported_at": datetime.now(UTC).isoformat(),
        "files": files,
        "platform_limits": {
            "images": len(images),
            "max_images": IMAGE_LIMIT_COUNT,
            "max_image_bytes": IMAGE_LIMIT_BYTES,
            "over_size": too_big,
            "over_count": max(0, len(images) - IMAGE_LIMIT_COUNT),
            "reduced_set": reduced,
        },
    }


def _context(
    view: cases.CaseView, alerts: list[Alert], draft: dict[str, str], items: list[Item], lang: str
) -> dict[str, Any]:
    o = view.order
    events = view.case.events
    start = min(e.at for e in events) if events else datetime.now(UTC)
    end = max([e.at for e in events] + [a.due_at for a in alerts] + ([o.promised_by] if o.promised_by else []))
    span = max((end - start).total_seconds(), 1.0)

    def x(at: datetime) -> float:
        return round(40 + 900 * (at - start).total_seconds() / span, 1)

    marks = [
        {"x": x(e.at), "kind": e.kind, "when": e.at.strftime("%m-%d %H:%M"), "who": e.role, "summary": e.summary}
        for e in events
    ]
    silence = []
    sent = [e for e in events if e.kind == "complaint_sent"]
    if sent:
        last = sent[-1]
        answers = [e for e in events if e.role == "inbox" and e.at > last.at]
        until = answers[0].at if answers else max(end, datetime.now(UTC))
        days = (until - last.at).total_seconds() / 86400
        silence = [{"x1": x(last.at), "x2": min(x(until), 940), "days": f"{days:.1f}"}]
    return {
        "lang": lang,
        "order": cases.order_json(o),
        "events": [cases.event_json(e) for e in events],
        "marks": marks,
        "promise_x": x(o.promised_by) if o.promised_by else None,
        "promised_by": o.promised_by.isoformat() if o.promised_by else None,
        "silence": silence,
        "alerts": [{"kind": a.kind, "due_at": a.due_at.isoformat(), "next_step": a.next_step} for a in alerts],
        "items": items,
        "draft": draft,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _pdf(path: Path, context: dict[str, Any]) -> None:
    """case.pdf: the timeline as text, Chinese included (a CJK font installed by the setup)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    latin = next((f for f in LATIN_FONTS if Path(f).is_file()), None)
    font = next((f for f in CJK_FONTS if Path(f).is_file()), None)
    if font is not None:
        pdf.add_font("cjk", fname=font)
        if latin is not None:
            pdf.add_font("latin", fname=latin)
            pdf.set_font("latin", size=10)
            pdf.set_fallback_fonts(["cjk"])
        else:
            pdf.set_font("cjk", size=10)
    else:
        pdf.set_font("helvetica", size=10)
    text = render.render("export/timeline.md.j2", context)
    if font is None:
        text = text.encode("latin-1", "replace").decode("latin-1")
    for line in text.splitlines():
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.output(str(path))
