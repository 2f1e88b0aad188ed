"""OpenCC: simplified Chinese text written in a region's Traditional usage (the only module that
imports it). The drafts' templates are written once, in simplified characters. A Taiwanese buyer's
draft is converted phrase by phrase (软件 -> 軟體); a Hong Kong or Macau buyer's character by
character, in the forms their governments print (為, 說, 戶). Both get the corner quotes 「」.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import opencc

SIMPLIFIED = "Hans"
_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})


@lru_cache(maxsize=4)
def _converter(conversion: str) -> opencc.OpenCC:
    import opencc  # on first Traditional draft only: most users never need its dictionaries

    return opencc.OpenCC(conversion)


def written_in(text: str, script: str) -> str:
    """`text` in `script`: "Hans" leaves it as it is; else an OpenCC conversion ("s2twp", "s2tw").

    The library stops at a NUL character, and a draft's skeleton marks its moving parts with NULs:
    the pieces between them are converted one by one.
    """
    if script == SIMPLIFIED or not text:
        return text
    convert = _converter(script).convert
    text = "\x00".join(convert(piece) if piece else piece for piece in text.split("\x00")).translate(_QUOTES)
    return text.replace("賬", "帳") if script == "s2twp" else text  # Taiwan writes 帳戶, 帳號
