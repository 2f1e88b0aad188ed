"""Charsets as real mail uses them: labels that lie (GB2312 meaning GBK, Big5 meaning HKSCS),
raw 8-bit headers with no label, broken encoded-words. Decoding never raises.
"""

from __future__ import annotations

import codecs
import email.header
import re

from orderwatch.parsers import guarded as rx
from orderwatch.parsers.guarded import guarded

# WHATWG-style aliases: labels that lie about their superset, and spellings Python lacks.
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "csgb2312": "gb18030",
    "euc-cn": "gb18030",
    "cp936": "gb18030",
    "x-euc-cn": "gb18030",
    "chinese": "gb18030",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    "big5": "big5hkscs",
    "x-big5": "big5hkscs",
    "ks_c_5601-1987": "cp949",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
}


def normalize_charset(label: str | None) -> str | None:
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


_SINGLE_BYTE = {"cp1252", "latin_1", "ascii", "iso8859-15"}


_JIS_CHARSETS = frozenset({"iso-2022-jp", "iso2022_jp", "shift_jis", "shift-jis", "cp932", "euc-jp", "euc_jp", "sjis"})
_JIS_YEN = re.compile(r"\\(?=\d)")


def decode_bytes(data: bytes, label: str | None) -> str:
    """Decode with the label, else UTF-8, else GB18030 (unlabelled or said UTF-8: then Windows-1252); replace only as the last resort.

    A single-byte label (ASCII, Latin-1) on bytes that are valid multi-byte UTF-8 is a wrong
    label, not Latin text: such bytes almost never occur by chance, so UTF-8 goes first.
    """
    named = normalize_charset(label)
    order = ("utf-8", named, "gb18030") if named in _SINGLE_BYTE else (named, "utf-8", "gb18030")
    if named in (None, "utf-8"):  # a Western part unlabelled or mislabelled UTF-8 ("Copyright \xa9 2022"): Windows-1252
        order = (*order, "cp1252")
    tried: list[str] = []
    for enc in order:
        if enc and enc not in tried:
            tried.append(enc)
            try:
                text = data.decode(enc)
            except (UnicodeDecodeError, LookupError):
                continue
            # JIS X 0201 puts the yen sign where ASCII has the backslash: "\5,100" in a Japanese shop's mail
            return _JIS_YEN.sub("¥", text) if enc in _JIS_CHARSETS else text
    return data.decode(tried[0] if tried else "utf-8", errors="replace")


def decode_header_value(value: object, hint: str | None = None) -> str:
    """A header as text: encoded-words decoded, raw 8-bit bytes decoded, never an exception.

    Raw 8-bit bytes name no charset; `hint` is the charset the message's own text declares
    (a sender that writes a raw Big5 subject writes its Big5 body with a label).
    """
    if value is None:
        return ""
    text = str(value)
    if has_surrogates(text):  # raw 8-bit bytes smuggled in as surrogates
        text = decode_bytes(text.encode("ascii", "surrogateescape"), hint)
    if "=?" not in text:
        return unfold(text)
    try:
        parts = email.header.decode_header(text)
    except Exception:  # noqa: BLE001 - one malformed encoded-word: decode the others one by one
        return unfold(_ENCODED_WORD.sub(_decode_word, text))
    out: list[str] = []
    for chunk, charset in parts:
        if isinstance(chunk, bytes):
            out.append(decode_bytes(chunk, charset))
        else:
            out.append(chunk)
    return unfold("".join(out))


_SURROGATE = guarded("[\udc80-\udcff]")
_ENCODED_WORD = guarded(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=(?:\s+(?==\?))?")


def _decode_word(match: re.Match[str]) -> str:
    """One encoded-word, or its raw text if it is broken (its neighbours still decode)."""
    word = match.group(0).strip()
    try:
        ((chunk, charset),) = email.header.decode_header(word)
    except Exception:  # noqa: BLE001
        return match.group(0)
    return decode_bytes(chunk, charset) if isinstance(chunk, bytes) else chunk


def has_surrogates(text: str) -> bool:
    return not text.isascii() and _SURROGATE.search(text) is not None


def unfold(text: str) -> str:
    return rx.sub(r"\r?\n[ \t]+", " ", text).strip()


def meta_charset(data: bytes) -> str | None:
    match = rx.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", data[:4096], re.I)
    return match.group(1).decode("ascii") if match else None
