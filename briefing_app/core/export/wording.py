"""Counted nouns for messages people read: "1 item", "2 items", "0 links".

Why one helper: the CLI's ``wrote`` and ``ok`` lines and the ``show`` outline all print
counts, and "1 sections" in any one of them reads as careless; every count goes through here.
"""

from __future__ import annotations


def count_of(number: int, noun: str) -> str:
    """``number`` and ``noun``, singular for exactly one: ``count_of(1, "item") == "1 item"``.

    Every noun the app counts takes a plain "s"; numbers of a thousand and more get
    separators ("4,878 characters").
    """
    return f"{number:,} {noun if number == 1 else noun + 's'}"
