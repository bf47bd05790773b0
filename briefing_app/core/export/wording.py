"""Counted nouns for messages people read ("1 item", "2 items", "0 links"), and warning
lists cut to what a person reads.

Why one helper: the CLI's ``wrote`` and ``ok`` lines and the ``show`` outline all print
counts, and "1 sections" in any one of them reads as careless; every count goes through here.
A hostile brief can carry a million warnings; every list of them shown goes through here too.
"""

from __future__ import annotations


def count_of(number: int, noun: str) -> str:
    """``number`` and ``noun``, singular for exactly one: ``count_of(1, "item") == "1 item"``.

    Every noun the app counts takes a plain "s"; numbers of a thousand and more get
    separators ("4,878 characters").
    """
    return f"{number:,} {noun if number == 1 else noun + 's'}"


WARNINGS_SHOWN = 20


def summarised_warnings(warnings: list[str], limit: int = WARNINGS_SHOWN) -> list[str]:
    """The first ``limit`` warnings, then one line for the rest ("and 999,990 more
    warnings"), so no brief can flood a terminal or an outline."""
    if len(warnings) <= limit:
        return list(warnings)
    rest = len(warnings) - limit
    return [*warnings[:limit], f"and {rest:,} more {'warning' if rest == 1 else 'warnings'}"]
