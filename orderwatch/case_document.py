"""The case file a person hands over: evidence mails as captioned images, and case.pdf.

Platforms take images (each at most 2 MB, at most 10, captioned "图1：…", in the order basics ->
communication -> proof), so every evidence mail is also drawn as one PNG: the headers that matter,
then its readable text. case.pdf is a document, not a dump: title, facts, deadlines, timeline, the
draft, then the evidence pages. Chinese needs a CJK font: the one the setup installs (Noto Sans CJK,
from the `mplfonts` package), else one of the system's; without any, the PDF says so on its first
page instead of printing "?" for every character.
"""

from __future__ import annotations

import importlib.util
import io
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

log = logging.getLogger(__name__)

SYSTEM_CJK_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)
LATIN_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",)
IMAGE_WIDTH = 1240  # pixels: A4 at 150 dpi, readable when a platform shrinks it
MAX_LINES = 160  # a longer mail is cut on the image (the .eml beside it is whole)


@lru_cache(maxsize=1)
def cjk_font() -> Path | None:
    """A font with Chinese glyphs: the bundled Noto Sans CJK SC first, then the system's."""
    spec = importlib.util.find_spec("mplfonts")  # finds the package without importing it (no matplotlib)
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            bundled = Path(folder) / "fonts" / "NotoSansCJKsc-Regular.otf"
            if bundled.is_file():
                return bundled
    return next((Path(f) for f in SYSTEM_CJK_FONTS if Path(f).is_file()), None)


def needs_cjk(text: str) -> bool:
    return any(ord(ch) > 0x2E7F for ch in text)


def mail_image(caption: str, headers: list[tuple[str, str]], body: str) -> bytes:
    """One evidence mail as a PNG: caption, the headers that matter, then the text (under 2 MB)."""
    font_file = cjk_font()
    size, margin, gap = 24, 40, 8

    regular, big = _font(font_file, size), _font(font_file, size + 6)
    width = IMAGE_WIDTH - 2 * margin
    lines: list[tuple[str, Any, str]] = [(caption, big, "#000000"), ("", regular, "#000000")]
    for name, value in headers:
        for piece in _wrap(f"{name}: {value}", regular, width):
            lines.append((piece, regular, "#1f2328"))
    lines.append(("", regular, "#000000"))
    text_lines = [piece for para in body.splitlines() for piece in (_wrap(para, regular, width) or [""])]
    if len(text_lines) > MAX_LINES:
        text_lines = [*text_lines[:MAX_LINES], "…"]
    lines += [(piece, regular, "#000000") for piece in text_lines]
    height = margin * 2 + sum(size + gap + (6 if f is big else 0) for _, f, _ in lines)
    image = Image.new("L", (IMAGE_WIDTH, height), 255)
    draw = ImageDraw.Draw(image)
    y = margin
    draw.line((margin, margin + size + gap + 10, IMAGE_WIDTH - margin, margin + size + gap + 10), fill=180)
    for piece, f, _ in lines:
        draw.text((margin, y), piece, font=f, fill=0)
        y += size + gap + (6 if f is big else 0)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()


@lru_cache(maxsize=4)
def _font(font_file: Path | None, points: int) -> Any:
    """Loaded once per process: the CJK font is 16 MB."""
    return ImageFont.truetype(str(font_file), points) if font_file else ImageFont.load_default(points)


def _wrap(text: str, font: Any, width: int) -> list[str]:
    """Lines no wider than `width` pixels; CJK text breaks anywhere, other text at spaces."""
    text = text.replace("\t", "    ").rstrip()
    if not text:
        return []
    lines, current = [], ""
    for token in _tokens(text):
        if font.getlength(current + token) <= width or not current:
            current += token
            while font.getlength(current) > width and len(current) > 1:  # one token wider than a line
                cut = len(current) - 1
                while cut > 1 and font.getlength(current[:cut]) > width:
                    cut -= 1
                lines.append(current[:cut])
                current = current[cut:]
        else:
            lines.append(current.rstrip())
            current = token.lstrip()
    if current:
        lines.append(current.rstrip())
    return lines


def _tokens(text: str) -> list[str]:
    """Words with their trailing space, and every CJK character on its own."""
    tokens, word = [], ""
    for ch in text:
        if needs_cjk(ch):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        else:
            word += ch
            if ch == " ":
                tokens.append(word)
                word = ""
    if word:
        tokens.append(word)
    return tokens


def write_pdf(path: Path, doc: dict[str, Any], images: list[tuple[str, Path]]) -> None:
    """case.pdf: title, facts, deadlines, timeline, the draft, then one page per evidence image."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    font = cjk_font()
    latin = next((f for f in LATIN_FONTS if Path(f).is_file()), None)
    family = "helvetica"
    if font is not None and latin is not None and "Noto" not in font.name:
        pdf.add_font("doc", fname=latin)  # system CJK fonts such as Droid Sans Fallback lack digits
        pdf.add_font("cjk", fname=str(font))
        pdf.set_fallback_fonts(["cjk"])
        family = "doc"
    elif font is not None:
        pdf.add_font("doc", fname=str(font))
        family = "doc"
    elif latin is not None:
        pdf.add_font("doc", fname=latin)
        family = "doc"
    text_blob = repr(doc)
    missing_font = font is None and needs_cjk(text_blob)
    if missing_font:
        log.warning("case.pdf: no CJK font on this machine; the PDF says so, index.html shows the text")

    def clean(text: str) -> str:
        if family == "helvetica" or missing_font:
            return text.encode("latin-1", "replace").decode("latin-1")
        return text

    def heading(text: str, size: int = 14) -> None:
        pdf.set_font(family, size=size)
        pdf.ln(3)
        pdf.multi_cell(0, size * 0.55, clean(text), new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.set_font(family, size=10)

    def para(text: str) -> None:
        pdf.multi_cell(0, 5.5, clean(text) or " ", new_x="LMARGIN", new_y="NEXT", align="L")

    if missing_font:
        pdf.set_font(family, size=11)
        para(doc["no_font"])
    heading(doc["title"], 18)
    para(doc["zone_note"])
    heading(doc["labels"]["facts"])
    with pdf.table(col_widths=(35, 145), text_align="LEFT", first_row_as_headings=False, line_height=6) as table:
        for label, value in doc["facts"]:
            row = table.row()
            row.cell(clean(label), style=FontFace(emphasis="BOLD") if family == "helvetica" else None)
            row.cell(clean(value))
    heading(doc["labels"]["deadlines"])
    for line in doc["deadlines"] or [doc["labels"]["none"]]:
        para(f"• {line}")
    if doc["silence"]:
        para(doc["silence"])
    heading(doc["labels"]["timeline"])
    plain_heading = FontFace(emphasis="", fill_color=(235, 238, 241))  # the CJK font has no bold face
    with pdf.table(col_widths=(38, 72, 70), text_align="LEFT", line_height=5.5, headings_style=plain_heading) as table:
        header = table.row()
        for name in doc["labels"]["timeline_columns"]:
            header.cell(clean(name))
        for when, what, summary in doc["timeline"]:
            row = table.row()
            for value in (when, what, summary):
                row.cell(clean(value))
    heading(doc["labels"]["draft"])
    para(doc["draft_subject"])
    pdf.ln(2)
    for line in doc["draft_body"].splitlines():
        para(line)
    heading(doc["labels"]["evidence"])
    for caption in doc["evidence"]:
        para(caption)
    for caption, image in images:
        with Image.open(image) as picture:
            slice_px = int(picture.width * (pdf.eph - 20) / pdf.epw)  # a page's worth of the image
            for top in range(0, picture.height, slice_px):
                pdf.add_page()
                heading(caption if top == 0 else f"{caption} ({top // slice_px + 1})", 11)
                pdf.image(
                    picture.crop((0, top, picture.width, min(top + slice_px, picture.height))),
                    x=pdf.l_margin,
                    w=pdf.epw,
                )
    pdf.output(str(path))
