"""An RE2 screen in front of the readers' long patterns: can this text hold a match at all?

Python's `re` backtracks: a cue list of a hundred phrases in a dozen languages costs every phrase at
every position of a mail, even when none of them is there (most calls: a shipping notice holds no
refusal, no acknowledgement, no refund). RE2 (google-re2) reads a text once whatever the number of
phrases, but lacks look-arounds and back-references. So each long pattern is translated into an
RE2 pattern that matches *more* than the original (look-arounds and word boundaries dropped, long
counted repeats left open, classes widened to Python's Unicode meaning and case folding), and RE2
is asked first: when it finds nothing, `re` cannot find anything either. When it finds something,
where it starts is as far as `re` can skip: no match of the pattern starts earlier. `re` is tried
anchored at RE2's candidates, one after the other, so it never runs its alternations over text
RE2 has ruled out. The results are `re`'s, always.

A short pattern that RE2 can write with exactly `re`'s meaning runs in RE2 alone (`exact_re2`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from re import _casefix  # the extra case pairs `re` applies under IGNORECASE ('ſ' ~ 's', 'K' ~ 'k')
from re import _constants as sre  # the parsed form of a pattern: stable across 3.11-3.13
from typing import Any

try:
    import re2
except ImportError:  # the screen is a speed-up: without it every pattern runs in `re` alone
    re2 = None
else:
    _UNANCHORED = re2._Anchor.UNANCHORED  # the binding's own low-level call: no Match object per screen
    _AT_START = re2._Anchor.ANCHOR_START
    _NO_MATCH = re2._NULL_SPAN
    _char_len = re2._re2.BytesToCharLen  # (utf8, byte start, byte end) -> characters between
    _byte_len = re2._re2.CharLenToBytes  # (utf8, byte start, characters) -> bytes

MIN_PATTERN = 60  # a shorter pattern costs `re` too little to be worth a second engine
MIN_TEXT = 8  # a shorter text, likewise (a 30-character subject costs `re` ~100 µs on a long cue list)
_ANCHORED_TRIES = 8  # candidates `re` tries anchored before it scans the rest of a text by itself
_OPEN_REPEAT = 4  # "{0,40}" is read as "*": RE2 unrolls counted repeats, which makes big automata

# Python's \s: every character str.isspace() accepts
_SPACE = r"\t\n\x{0b}\f\r\x{1c}-\x{1f} \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
_CATEGORIES = {sre.CATEGORY_DIGIT: r"\p{Nd}", sre.CATEGORY_WORD: r"\p{L}\p{N}_", sre.CATEGORY_SPACE: _SPACE}
_NEGATED = {sre.CATEGORY_NOT_SPACE: sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD: sre.CATEGORY_WORD}
_ANY = "(?s:.)"


class Untranslatable(Exception):
    """A construct with no RE2 counterpart: the pattern runs without a screen."""


def _char(code: int) -> str:
    return f"\\x{{{code:x}}}"


@lru_cache(maxsize=8192)
def _case_variants(code: int) -> frozenset[int]:
    """Every character `re` treats as equal to this one under IGNORECASE."""
    ch = chr(code)
    found = {code}
    for variant in (ch.lower(), ch.upper(), ch.title(), ch.casefold()):
        if len(variant) == 1:
            found.add(ord(variant))
    for known in list(found):
        found |= set(_casefix._EXTRA_CASES.get(known, ()))
    if found & {0x69, 0x49, 0x130, 0x131}:  # 'i', 'I', 'İ', 'ı': `re` folds all four together
        found |= {0x69, 0x49, 0x130, 0x131}
    return frozenset(found)


def _class(items: Any, ignore_case: bool) -> str:
    negated = any(op is sre.NEGATE for op, _ in items)
    opposite = [av for op, av in items if op is sre.CATEGORY and av in _NEGATED]
    if opposite:  # "[\S…]": a union RE2 cannot write in one class, so an alternation (or anything at all)
        if negated:
            return _ANY
        rest = [(op, av) for op, av in items if not (op is sre.CATEGORY and av in _NEGATED)]
        alternatives = ["[^" + _CATEGORIES[_NEGATED[av]] + "]" for av in opposite]
        return "(?:" + "|".join(alternatives + ([_class(rest, ignore_case)] if rest else [])) + ")"
    parts: list[str] = []
    fold = ignore_case and not negated  # a negated class left unfolded excludes less: wider, as wanted
    for op, av in items:
        if op is sre.NEGATE:
            continue
        if op is sre.LITERAL:
            parts.extend(_char(c) for c in sorted(_case_variants(av) if fold else {av}))
        elif op is sre.RANGE:
            low, high = av
            parts.append(f"{_char(low)}-{_char(high)}")
            if fold and high - low <= 512:
                extra = set().union(*(_case_variants(c) for c in range(low, high + 1))) - set(range(low, high + 1))
                parts.extend(_char(c) for c in sorted(extra))
            elif fold:
                return _ANY
        elif op is sre.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        elif op is sre.CATEGORY and av == sre.CATEGORY_NOT_DIGIT:
            parts.append(r"\P{Nd}")
        else:
            raise Untranslatable(f"{op} in a class")
    if not parts:
        return _ANY if negated else "[^\\x{0}-\\x{10ffff}]"
    return ("[^" if negated else "[") + "".join(parts) + "]"


def _sequence(items: Any, ignore_case: bool, dotall: bool, at_end: bool = False, capture: bool = False) -> str:
    """RE2 text for a parsed sequence; `at_end`: nothing of the pattern follows it.

    A look-ahead is dropped (zero width: the pattern only matches more), except a positive one
    that ends the whole pattern: nothing after it needs its position, so RE2 may consume what it
    looks at ("(\\d{8,16})(?=\\s+számú csomag)" screens for the words, not for any digit)."""
    out: list[str] = []
    last = len(items) - 1
    for index, (op, av) in enumerate(items):
        end = at_end and index == last
        if op is sre.LITERAL:
            codes = sorted(_case_variants(av)) if ignore_case else [av]
            out.append(_char(av) if len(codes) == 1 else "[" + "".join(_char(c) for c in codes) + "]")
        elif op is sre.NOT_LITERAL:
            out.append("[^" + _char(av) + "]")
        elif op is sre.ANY:
            out.append(_ANY if dotall else "[^\\n]")
        elif op is sre.IN:
            out.append(_class(av, ignore_case))
        elif op is sre.BRANCH:
            out.append("(?:" + "|".join(_sequence(b, ignore_case, dotall, end, capture) for b in av[1]) + ")")
        elif op is sre.SUBPATTERN:
            _group, add, remove, sub = av
            case = (ignore_case or bool(add & re.I)) and not remove & re.I
            dots = (dotall or bool(add & re.S)) and not remove & re.S
            out.append(("(" if capture and _group else "(?:") + _sequence(sub, case, dots, end, capture) + ")")
        elif op is sre.ATOMIC_GROUP:
            out.append("(?:" + _sequence(av, ignore_case, dotall) + ")")
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, sub = av
            body = "(?:" + _sequence(sub, ignore_case, dotall, capture=capture) + ")"
            if high is sre.MAXREPEAT or high > _OPEN_REPEAT:
                out.append(body + ("*" if low == 0 else "+"))  # at least once, or not at all: wider
            else:
                out.append(body + f"{{{low},{high}}}")
        elif op is sre.ASSERT and end and av[0] == 1:  # (direction, sequence): 1 looks ahead
            out.append("(?:" + _sequence(av[1], ignore_case, dotall, True) + ")")
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: without it the pattern only matches more
        elif op is sre.GROUPREF:
            out.append(_ANY + "*")  # whatever the group held
        elif op is sre.GROUPREF_EXISTS:
            _group, yes, no = av
            out.append(
                "(?:"
                + _sequence(yes, ignore_case, dotall)
                + "|"
                + (_sequence(no, ignore_case, dotall) if no else "")
                + ")"
            )
        else:
            raise Untranslatable(str(op))
    return "".join(out)


def wider_re2(pattern: str, flags: int = 0) -> str:
    """The RE2 pattern that matches wherever `pattern` can (and maybe elsewhere)."""
    from orderwatch.parsers.guarded import parsed_form  # guarded imports this module

    parsed = parsed_form(pattern, flags)
    state = parsed.state.flags
    return _sequence(parsed, bool(state & re.I), bool(state & re.S), at_end=True)


def _exact(items: Any, ignore_case: bool) -> bool:
    """Whether `_sequence` writes this parsed sequence exactly (it widens look-arounds, long counted
    repeats, back-references, \\w and negated classes under IGNORECASE)."""
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY):
            continue
        if op is sre.IN:
            negated = any(o is sre.NEGATE for o, _ in av)
            for o, a in av:
                if o is sre.CATEGORY and a not in (sre.CATEGORY_SPACE, sre.CATEGORY_DIGIT, sre.CATEGORY_NOT_SPACE):
                    return False
                if (
                    negated
                    and ignore_case
                    and o in (sre.LITERAL, sre.RANGE)
                    and chr(a if o is sre.LITERAL else a[1]).isalpha()
                ):
                    return False
        elif op is sre.BRANCH:
            if not all(_exact(branch, ignore_case) for branch in av[1]):
                return False
        elif op is sre.SUBPATTERN:
            _group, add, remove, sub = av
            if not _exact(sub, (ignore_case or bool(add & re.I)) and not remove & re.I):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            _low, high, sub = av
            if (high is not sre.MAXREPEAT and high > _OPEN_REPEAT) or not _exact(sub, ignore_case):
                return False
        else:  # look-arounds, anchors, back-references, atomic groups: RE2 has no exact counterpart
            return False
    return True


def exact_re2(pattern: str, flags: int = 0) -> Any:
    """`pattern` compiled by RE2 with exactly `re`'s meaning (every case `re` folds together, Python's
    \\s), for a short pattern run over long HTML where `re` is slow; `re` itself where RE2 cannot say
    the same, or without google-re2."""
    from orderwatch.parsers.guarded import parsed_form  # guarded imports this module

    parsed = parsed_form(pattern, flags)
    ignore_case = bool(parsed.state.flags & re.I)
    if re2 is None or not _exact(parsed, ignore_case):
        return re.compile(pattern, flags)
    options = re2.Options()
    options.max_mem = 8 << 20
    return re2.compile(_sequence(parsed, ignore_case, bool(parsed.state.flags & re.S), capture=True), options)


def _options() -> Any:
    options = re2.Options()
    options.max_mem = 32 << 20
    options.log_errors = False
    options.never_capture = True  # only whether, and where the first match starts, is asked
    return options


# The last text screened, its UTF-8 and one (character, byte) offset pair in it: every screen reads
# the same mail, and the screens' candidates move forward through it. One tuple, replaced whole.
_last: list[tuple[Any, bytes, int, int]] = [(None, b"", 0, 0)]


def _utf8(text: str) -> bytes:
    last = _last[0]
    if last[0] is not text:
        last = (text, text.encode("utf-8"), 0, 0)  # lone surrogates raise: the caller lets `re` answer
        _last[0] = last
    return last[1]


def _byte_offset(text: str, data: bytes, pos: int) -> int:
    """The UTF-8 offset of character `pos`, counted on from the last pair known before it."""
    last = _last[0]
    char, byte = (last[2], last[3]) if last[0] is text and pos >= last[2] else (0, 0)
    byte += _byte_len(data, byte, pos - char)
    _last[0] = (text, data, pos, byte)
    return byte


def _char_offset(text: str, data: bytes, byte: int, from_char: int, from_byte: int) -> int:
    """The character at UTF-8 offset `byte`, counted on from a known pair before it."""
    char = from_char + _char_len(data, from_byte, byte)
    _last[0] = (text, data, char, byte)
    return char


class Screened:
    """A `re` pattern behind its RE2 screen; the same methods, the same answers.

    The `re` pattern is compiled the first time the screen lets a text through: most long cue
    lists never match most mail, and a process that reads a few messages need not compile them.
    """

    __slots__ = ("_full", "flags", "pattern", "screen")

    def __init__(self, pattern: str, flags: int, screen: Any) -> None:
        self.pattern = pattern
        self.flags = flags
        self.screen = screen
        self._full: re.Pattern[str] | None = None

    @property
    def full(self) -> re.Pattern[str]:
        if self._full is None:
            self._full = re.compile(self.pattern, self.flags)
        return self._full

    @property
    def groups(self) -> int:
        return self.full.groups

    @property
    def groupindex(self) -> Any:
        return self.full.groupindex

    def possible(self, string: str) -> bool:
        """Whether `string` may hold a match (False: it certainly holds none)."""
        return self.first_start(string) >= 0

    def first_start(self, string: str, pos: int = 0, anchored: bool = False) -> int:
        """Where the first match at or after `pos` may start (-1: none can; `anchored`: only at `pos`).

        The screen drops look-arounds and never consumes less, so wherever `re` can match RE2
        matches from the same position: no match starts before RE2's first. `re` then starts
        there, not at `pos` (its look-behinds still see the text before, as with `pos`)."""
        pos = max(pos, 0)
        if len(string) < MIN_TEXT or pos >= len(string):
            return pos
        try:
            data = _utf8(string)
        except UnicodeEncodeError:  # a text RE2 cannot take (lone surrogates): `re` alone
            return pos
        ascii_only = string.isascii()  # then a character is a byte
        start = pos if ascii_only else _byte_offset(string, data, pos)
        span = self.screen.Match(_AT_START if anchored else _UNANCHORED, data, start, len(data))[0]
        if span == _NO_MATCH:
            return -1
        return span[0] if ascii_only else _char_offset(string, data, span[0], pos, start)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        start = self.first_start(string, pos)
        return None if start < 0 else self._first_match(string, start, endpos)

    def _first_match(self, string: str, start: int, endpos: int) -> re.Match[str] | None:
        """`re`'s leftmost match at or after `start`, the screen's first candidate: `re` tries each
        candidate anchored, and never scans the text between them (a long cue list costs `re` every
        alternative at every position); after a few candidates that fail it scans on by itself."""
        full = self.full
        if len(string) < MIN_TEXT:
            return full.search(string, start, endpos)
        for _ in range(_ANCHORED_TRIES):
            if start > endpos:
                return None
            if (found := full.match(string, start, endpos)) is not None:
                return found
            if (start := self.first_start(string, start + 1)) < 0:
                return None
        return full.search(string, start, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self.first_start(string, pos, anchored=True) < 0 else self.full.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.full.fullmatch(string, pos, endpos) if self.possible(string) else None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        start = self.first_start(string, pos)
        return iter(()) if start < 0 else self._matches_from(string, start, endpos)

    def _matches_from(self, string: str, start: int, endpos: int) -> Iterator[re.Match[str]]:
        """`re`'s finditer, each search begun where the screen says the next match may start."""
        while (found := self._first_match(string, start, endpos)) is not None:
            if found.end() == found.start():  # an empty match: `re`'s own iteration goes on from it
                yield from self.full.finditer(string, found.start(), endpos)
                return
            yield found
            if (start := self.first_start(string, found.end())) < 0:
                return

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.full.findall(string, pos, endpos) if self.possible(string) else []

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self.full.sub(repl, string, count) if self.possible(string) else string

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        return self.full.subn(repl, string, count) if self.possible(string) else (string, 0)

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        return self.full.split(string, maxsplit) if self.possible(string) else [string]

    def __repr__(self) -> str:
        return f"Screened({self.full!r})"


def screen_text(pattern: str, flags: int) -> str | None:
    """The RE2 screen of a pattern long enough to gain from one, or None (short, or untranslatable)."""
    if len(pattern) < MIN_PATTERN:
        return None
    try:
        return wider_re2(pattern, flags)
    except Exception:  # noqa: BLE001 - Untranslatable, re.error, RecursionError: the pattern runs unscreened
        return None


def screened(pattern: str, flags: int, screen_pattern: str | None) -> re.Pattern[str] | Screened:
    """`pattern` behind its RE2 screen when it has one and RE2 can take it; else plain `re`."""
    screen = None
    if re2 is not None and screen_pattern is not None:
        try:
            screen = re2._re2.RE2(screen_pattern.encode("utf-8"), _options())
        except Exception:  # noqa: BLE001 - a construct the binding refuses: the pattern runs unscreened
            screen = None
    if screen is None or not screen.ok():  # beyond RE2's memory budget, or a construct it refuses
        return re.compile(pattern, flags)
    return Screened(pattern, flags, screen)
