"""How many mailbox checks an agent or worker has recorded, read while it is still starting."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path


def checks(db: Path, account: str) -> int:
    """0 until the database, its tables and the account's health record exist."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as conn:
            row = conn.execute("select value from meta where key = ?", [f"health:{account}"]).fetchone()
    except sqlite3.OperationalError:  # the file exists, its tables not yet
        return 0
    return json.loads(row[0])["checks"] if row else 0
