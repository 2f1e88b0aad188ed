"""A string wrapper that never shows its value by accident.

Passwords and tokens travel through settings objects that get printed, logged and put into
exception messages; wrapping them means a stray `repr()` prints a mask, never the secret.
"""

from __future__ import annotations


class Secret:
    """Holds a secret value; `reveal()` is the only way to read it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret('********')" if self._value else "Secret('')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __reduce__(self) -> tuple[type, tuple[str]]:
        # Pickling (e.g. by a task runner) must not carry the value either.
        return (Secret, ("",))
