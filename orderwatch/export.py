"""The case bundle: an order's timeline and evidence, in one piece a reviewer can trust.

    bundle/
      index.html      one self-contained page (no network, no scripts, strict CSP)
      timeline.md     the same timeline as text; timeline.json in the contract's shapes
      case.pdf        for platforms that take one file: facts, deadlines, timeline, draft, evidence
      draft.txt       the ready-to-send text for the current step
      evidence/       every message of the case, byte for byte, as a captioned PNG a platform form
                      takes, and every attachment, numbered in domain.md's order (order basics ->
                      communication -> proof of the problem)
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

from orderwatch import __version__, case_document, cases, hanzi, present, render
from orderwatch.domain.drafts import describe
from orderwatch.domain.model import Alert
from orderwatch.domain.regions import MAINLAND, region_for
from orderwatch.domain.state import fold
from orderwatch.domain.timefmt import user_zone, when, zone_label
from orderwatch.safe_names import safe_name, unique
from orderwatch.store import Store
from orderwatch.wording import word, words

BASICS = ("ordered", "paid", "promise", "shipped", "delivered")
PROOF = ("problem",)
IMAGE_LIMIT_BYTES = 2 * 1024 * 1024  # platforms seen: images <= 2 MB each, at most 10 (domain.md)
IMAGE_LIMIT_COUNT = 10
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
    store: Store,
    view: cases.CaseView,
    alerts: list[Alert],
    draft: dict[str, str],
    out: Path,
    fmt: str,
    at: datetime | None = None,
    zone_name: str | None = None,
) -> Path:
    """Write the bundle for one order under `out`; returns the folder or the .zip.

    `at` is the instant the case is judged at (default now); `zone_name` the user's zone
    ([me] timezone), else every time is written in the order mail's own zone.
    """
    at = at or datetime.now(UTC)
    o = view.order
    zone = user_zone(zone_name, o.paid_at, o.ordered_at, o.promised_by, *(e.at for e in view.case.events))
    name = safe_name(f"case-{view.case.ref.replace(':', '-')}", fallback="case")
    folder = out / name
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "evidence").mkdir(parents=True, mode=0o700)
    lang = view.facts.lang
    script = region_for(o.currency).script if lang == "zh" else hanzi.SIMPLIFIED
    items = _evidence(store, view, folder / "evidence", lang, zone, script)
    order = present.order_json(view.order)
    events = [present.event_json(e) for e in view.case.events]
    (folder / "timeline.json").write_text(json.dumps({"order": order, "events": events}, ensure_ascii=False, indent=2))
    context = _context(view, alerts, draft, items, lang, at, zone, script)
    (folder / "timeline.md").write_text(render.render("export/timeline.md.j2", context))
    (folder / "index.html").write_text(render.render_html("export/index.html.j2", context))
    (folder / "draft.txt").write_text(f"Subject: {draft['subject']}\n\n{draft['body']}")
    images = [(i.caption, folder / i.path) for i in items if "drawn_from" in i.source]
    case_document.write_pdf(folder / "case.pdf", context["doc"], images[:IMAGE_LIMIT_COUNT])
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


def _evidence(
    store: Store, view: cases.CaseView, folder: Path, lang: str, zone: Any, script: str = hanzi.SIMPLIFIED
) -> list[Item]:
    """The files, numbered; a Taiwanese or Hong Kong buyer's captions in their own characters (the mail's own
    words, its subject, stay as written)."""
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
        what = (store.subject_of(sha) or first.summary)[:60]
        stamp = when(first.at, lang, zone)
        label = hanzi.written_in("图", script) if lang == "zh" else "Figure "
        colon = "：" if lang == "zh" else ": "
        kind_of = hanzi.written_in(_CAPTION_ZH[group], script) if lang == "zh" else _CAPTION_EN[group]
        caption = f"{label}{number}{colon}{kind_of}，{stamp}，{what}"
        if lang != "zh":
            caption = caption.replace("，", ", ")
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
        picture = _picture(raw, caption, lang, zone, script)
        if picture is not None:
            png_name = unique(filename.removesuffix(".eml") + ".png", taken)
            (folder / png_name).write_bytes(picture)
            items.append(
                Item(f"evidence/{png_name}", caption, group, source={**source, "drawn_from": filename}, is_image=True)
            )
        parsed = message_from_bytes(raw, policy=policy.compat32)
        for index, part in enumerate(p for p in parsed.walk() if not p.is_multipart() and p.get_filename()):
            try:
                data = part.get_payload(decode=True) or b""
            except Exception:  # noqa: BLE001 - an undecodable attachment is skipped, the .eml keeps it
                continue
            original = str(part.get_filename() or "")
            attach_name = unique(f"{number:02d}-{index + 1}-{safe_name(original, fallback='attachment')}", taken)
            (folder / attach_name).write_bytes(data)
            kind = hanzi.written_in("附件", script) if lang == "zh" else "attachment"
            items.append(
                Item(
                    f"evidence/{attach_name}",
                    f"{label}{number}.{index + 1}{colon}{kind} {safe_name(original)}",
                    group,
                    source={"message_id": row.get("message_id"), "attachment_of": filename},
                    is_image=part.get_content_maintype() == "image",
                )
            )
    return items


def _picture(raw: bytes, caption: str, lang: str, zone: Any, script: str = hanzi.SIMPLIFIED) -> bytes | None:
    """The mail as a platform form takes it: one captioned PNG of its headers and text."""
    try:
        from orderwatch.parsers.mime import parse_mail  # only a bundle reads mail: `check` need not load the parsers

        mail = parse_mail(raw)
    except Exception:  # noqa: BLE001 - a mail the reader cannot open keeps its .eml, gets no picture
        return None
    zh = lang == "zh"
    sender = f"{mail.from_name} <{mail.from_addr}>" if mail.from_name else mail.from_addr
    headers = [
        (hanzi.written_in("发件人", script) if zh else "From", sender),
        (hanzi.written_in("收件人", script) if zh else "To", ", ".join(mail.to)),
        (
            hanzi.written_in("时间", script) if zh else "Date",
            f"{when(mail.date, lang, zone)} ({zone_label(zone, mail.date)})" if mail.date else "-",
        ),
        (hanzi.written_in("主题", script) if zh else "Subject", mail.subject),
    ]
    return case_document.mail_image(caption, headers, mail.text)


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
    view: cases.CaseView,
    alerts: list[Alert],
    draft: dict[str, str],
    items: list[Item],
    lang: str,
    at: datetime,
    zone: Any,
    script: str = hanzi.SIMPLIFIED,
) -> dict[str, Any]:
    """What the page, timeline.md and case.pdf show: words for codes, times in one named zone; the
    program's own words in the buyer's script (繁體 for Taiwan, Hong Kong, Macau), the mail's as written."""

    def say(text: str) -> str:
        return hanzi.written_in(text, script)

    o = view.order
    events = view.case.events
    start = min(e.at for e in events) if events else at
    end = max([e.at for e in events] + [a.due_at for a in alerts] + ([o.promised_by] if o.promised_by else []))
    span = max((end - start).total_seconds(), 1.0)

    def x(t: datetime) -> float:
        return round(40 + 900 * (t - start).total_seconds() / span, 1)

    def at_(t: datetime | None) -> str:
        return when(t, lang, zone)

    page = {key: say(text) for key, text in words("page", lang).items()}
    event_word = {key: say(text) for key, text in words("event", lang).items()}
    marks = [
        {
            "x": x(e.at),
            "kind": event_word.get(e.kind, e.kind),
            "when": at_(e.at),
            "who": e.role,
            "summary": say(describe(e, lang)),
        }
        for e in events
    ]
    silence, silence_text = [], ""
    clock = fold(view.case, view.facts, at).clock  # the alert's own definition of "answered"
    if clock is not None:
        until = clock.answered_at or at
        days = (until - clock.start).total_seconds() / 86400
        if clock.answered_at is None:
            silence = [{"x1": x(clock.start), "x2": min(x(until), 940), "days": f"{days:.1f}"}]
            silence_text = f"{page['silence']} {days:.1f} {page['days']}（{at_(clock.start)} → {at_(until)}）"
            if lang != "zh":
                silence_text = f"{page['silence']} {days:.1f} {page['days']} ({at_(clock.start)} to {at_(until)})"
    amount = f"{o.amount} {o.currency or ''}".strip() if o.amount else "-"
    promised_label = page["promised_by_default"] if o.promise_source == "default" else page["promised_by"]
    promise = at_(o.promised_by) if o.promised_by else "-"
    if view.facts.promise_phrase and o.promise_source == "stated":
        promise += f"（{view.facts.promise_phrase}）" if lang == "zh" else f' ("{view.facts.promise_phrase}")'
    status = say(word("status", o.status, lang)) + (f"，{o.complaint_no}" if o.complaint_no and lang == "zh" else "")
    if o.complaint_no and lang != "zh":
        status += f", ref. {o.complaint_no}"
    facts_rows = [
        (page["order"], o.order_no),
        (page["merchant"], o.merchant or "-"),
        (page["item"], o.item or "-"),
        (page["amount"], amount),
        (page["paid_at"], at_(o.paid_at or o.ordered_at) or "-"),
        (promised_label, promise),
        (page["status"], status),
        (page["stage"], say(_stage_word(o.stage, o.currency, lang))),
    ]
    deadlines = [f"{say(word('alert', a.kind, lang))}，{at_(a.due_at)}：{a.next_step}" for a in alerts]
    if lang != "zh":
        deadlines = [f"{word('alert', a.kind, lang)}, {at_(a.due_at)}: {a.next_step}" for a in alerts]
    timeline = [
        (at_(e.at), say(describe(e, lang)), str(e.fields.get("phrase") or "") if e.kind == "promise" else "")
        for e in events
    ]
    zone_note = f"{page['times_in']} {zone_label(zone, at)}"
    doc = {
        "title": f"{page['title']} · {page['order']} {o.order_no}",
        "zone_note": zone_note
        + (f"；{page['exported']} {at_(at)}" if lang == "zh" else f"; {page['exported']} {at_(at)}"),
        "facts": facts_rows,
        "deadlines": deadlines,
        "silence": silence_text,
        "timeline": timeline,
        "draft_subject": (say("主题：") if lang == "zh" else "Subject: ") + draft["subject"],
        "draft_body": draft["body"],
        "evidence": [i.caption + f"（{i.path}）" if lang == "zh" else f"{i.caption} ({i.path})" for i in items],
        "no_font": words("page", "en")["no_font"],
        "labels": {
            "facts": page["title"],
            "deadlines": page["deadlines"],
            "timeline": page["timeline"],
            "timeline_columns": (
                tuple(map(say, ("时间", "事件", "原话"))) if lang == "zh" else ("Time", "Event", "As written")
            ),
            "draft": page["draft"],
            "evidence": page["evidence"],
            "none": say("无") if lang == "zh" else "none",
        },
    }
    return {
        "lang": lang,
        "page": page,
        "doc": doc,
        "order": present.order_json(o),
        "events": [present.event_json(e) for e in events],
        "marks": marks,
        "promise_x": x(o.promised_by) if o.promised_by else None,
        "promised_by": at_(o.promised_by) if o.promised_by else None,
        "silence": silence,
        "alerts": [{"kind": a.kind, "due_at": a.due_at.isoformat(), "next_step": a.next_step} for a in alerts],
        "items": items,
        "draft": draft,
        "exported_at": at_(at),
    }


def _stage_word(stage: str, currency: str | None, lang: str) -> str:
    """How far the buyer has gone; outside the shop and platform, the body of the buyer's own region."""
    region = region_for(currency)
    if lang == "zh" and stage == "outside" and region != MAINLAND:
        return f"已向{region.outside_body}投诉"  # "已向消费者保护官投诉", never 12315 for a Taiwanese buyer
    return word("stage", stage, lang)
