"""Regular expressions that skip, at C speed, the positions where they cannot start.

Python's `re` tries every alternative of a pattern at every position of the text. The readers'
patterns are long multilingual alternations ("订单编号|Bestellnummer|numéro de commande|…"), so
most of a mail's characters cost dozens of failed attempts each. `guarded` works out which
characters a match can start with and puts them in front as a lookahead, `(?=[…])`, which `re`
checks in one step: a pattern with a short list of first characters runs about twice as fast,
with the same matches (the lookahead only ever rejects positions the pattern would reject).

`search`, `match`, `fullmatch`, `finditer`, `findall` and `sub` take a pattern string like the
`re` functions, and keep their compiled patterns in a cache larger than `re`'s own, which the
readers' few hundred patterns overflow.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _compiler as sre_compile
from re import _constants as sre  # the parsed form of a pattern: stable across 3.11-3.13
from re import _parser as sre_parse

_INLINE_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_MAX_CHARS = 120  # a longer list rejects too few positions to pay for itself


class _Unknown(Exception):
    """The pattern may start with any character (or match nothing): no guard."""


@lru_cache(maxsize=4096)
def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, with a lookahead naming the characters a match starts with.

    Cached: a pattern built inside a function is compiled once, not once per mail (re's own cache
    of 512 is flushed by the email package's per-message boundary patterns). A long pattern comes
    behind an RE2 screen (`screen`), which answers "no match here" without running `re`."""
    from orderwatch.parsers.pattern_cache import translated
    from orderwatch.parsers.screen import screened

    guard, wider = translated(pattern, flags, _work_out)
    return screened(guard, flags, wider)  # type: ignore[return-value]


def _work_out(pattern: str, flags: int) -> tuple[str, str | None]:
    """What `guarded` needs from a pattern's parse: its guard text and its RE2 screen (if any)."""
    from orderwatch.parsers.screen import screen_text

    return guard_text(pattern, flags), screen_text(pattern, flags)


@lru_cache(maxsize=1024)
def parsed_form(pattern: str, flags: int = 0):  # returns re._parser.SubPattern
    """`re`'s parse of a pattern, read by the guard and by the RE2 screen (parsed once, not twice)."""
    return sre_parse.parse(pattern, flags)


def guard_text(pattern: str, flags: int = 0) -> str:
    """The pattern text with its first-character lookahead, or unchanged when none helps."""
    try:
        parsed = parsed_form(pattern, flags)
        if _known_prefix(parsed):
            return pattern  # "order_id=…", "订单|訂單": re already skips ahead to its prefix, faster than a lookahead
        parts, folded = _first(parsed, bool(flags & re.I))
    except (_Unknown, re.error, RecursionError):
        return pattern
    if len(parts) > _MAX_CHARS:
        return pattern
    head = _INLINE_FLAGS.match(pattern)  # "(?i)" must stay the first thing in the pattern
    start = head.end() if head else 0
    cls = "".join(sorted(parts))
    lookahead = f"(?=(?i:[{cls}]))" if folded and not flags & re.I else f"(?=[{cls}])"
    return f"{pattern[:start]}{lookahead}(?:{pattern[start:]})"


def _known_prefix(parsed) -> bool:
    """Whether re finds a literal or one-character prefix itself (it then scans for it in C)."""
    try:
        flags = parsed.state.flags
        return bool(sre_compile._get_literal_prefix(parsed, flags)[0] or sre_compile._get_charset_prefix(parsed, flags))
    except (AttributeError, TypeError):  # another Python's internals: the lookahead is still correct
        return False


def _first(items, ignorecase: bool) -> tuple[set[str], bool]:
    """The class items one of `items`' matches can start with, and whether case is ignored there."""
    parts, folded, empty = _starts(items, ignorecase)
    if empty:
        raise _Unknown  # the pattern can match the empty string
    return parts, folded


def _starts(items, ignorecase: bool) -> tuple[set[str], bool, bool]:
    """What a sequence can start with, whether case is ignored there, and whether it can be empty
    (zero-width: "^", "(?<!x)", "\\s*"), in which case what follows it may come first."""
    parts: set[str] = set()
    folded = False
    for op, av in items:
        if op is sre.LITERAL:
            parts.add(_escape(av))
            return parts, folded or ignorecase, False
        if op is sre.IN:
            parts |= _class_items(av)
            return parts, folded or ignorecase, False
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            inner_ic = (ignorecase or bool(add_flags & re.I)) and not del_flags & re.I
            found, inner_folded, empty = _starts(sub, inner_ic)
        elif op is sre.BRANCH:
            found, inner_folded, empty = set(), False, False
            for branch in av[1]:
                b_found, b_folded, b_empty = _starts(branch, ignorecase)
                found |= b_found
                inner_folded = inner_folded or b_folded
                empty = empty or b_empty
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, sub = av
            found, inner_folded, empty = _starts(sub, ignorecase)
            empty = empty or low == 0
        elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # zero width: the next item consumes the first character
        else:
            raise _Unknown
        parts |= found
        folded = folded or inner_folded
        if not empty:
            return parts, folded, False
    return parts, folded, True


def _class_items(av) -> set[str]:
    items: set[str] = set()
    for op, value in av:
        if op is sre.LITERAL:
            items.add(_escape(value))
        elif op is sre.RANGE:
            items.add(f"{_escape(value[0])}-{_escape(value[1])}")
        elif op is sre.CATEGORY and value in _CATEGORIES:
            items.add(_CATEGORIES[value])
        else:  # a negated class, or a category like \W: almost any character
            raise _Unknown
    return items


def _escape(code: int) -> str:
    return "\\" + chr(code) if chr(code) in "\\]^-[" else re.escape(chr(code))


def search(pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
    return guarded(pattern, flags).search(string)


def match(pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
    return guarded(pattern, flags).match(string)


def fullmatch(pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
    return guarded(pattern, flags).fullmatch(string)


def finditer(pattern: str, string: str, flags: int = 0):
    return guarded(pattern, flags).finditer(string)


def findall(pattern: str, string: str, flags: int = 0) -> list:
    return guarded(pattern, flags).findall(string)


def sub(pattern: str, repl, string: str, count: int = 0, flags: int = 0) -> str:
    return guarded(pattern, flags).sub(repl, string, count)
