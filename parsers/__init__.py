"""Mail understanding: raw bytes in, typed events out. Pure: no database, no network.

`parse(raw, role, received_at)` is the one entry point and never raises. Families of senders are
listed explicitly in FAMILIES (each a module with NAME and `parse(msg) -> Result | None`); the
order below is the order of precedence:

  noise       bounces, account mail, marketing, phishing lures: nothing else runs
  schema_org  JSON-LD markup, read before any heuristics
  own_mail    the user's Sent mail: complaints, evidence, appeals
  helpdesks   desks and replies in a conversation with the user
  shops       order, payment, shipping, delivery, failure and refund notices

The reader itself lives in `reader.py` and is imported on first use of `parse` (or any other name
it defines): compiling its few hundred patterns takes most of a second, which a sync with nothing
new to read, or a `check`, should not pay just to learn PARSER_VERSION.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

# Bump when parsing changes meaningfully: the next run re-parses every stored message.
PARSER_VERSION = "66"


def __getattr__(name: str) -> Any:
    if name.startswith("__") or name == "reader":  # the import machinery asking: not the reader's names
        raise AttributeError(name)
    if importlib.util.find_spec(f"{__name__}.{name}") is not None:  # "from orderwatch.parsers import guarded"
        return importlib.import_module(f"{__name__}.{name}")
    return getattr(importlib.import_module(f"{__name__}.reader"), name)
