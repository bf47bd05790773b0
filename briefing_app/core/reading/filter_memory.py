"""What clearing the card filter (Ctrl+K) brings back.

Why: typing a filter hides cards, often the selected one, and scrolls the list; a reader who
clears it expects to be where they were.  So the place (tab, selected item, list scroll) is
remembered when a filter starts and handed back when it is cleared — unless the reader picked
a card while filtering, in which case that card stays selected and is scrolled into view.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ListPlace:
    """Where the reader was in the cards: the tab, the selected item, the list's scroll
    (None: scroll the selected card into view instead)."""

    tab: int
    item_id: str | None
    scroll: int | None


class FilterMemory:
    """Remembers the place before a filter and returns it when the filter is cleared."""

    def __init__(self) -> None:
        self._saved: ListPlace | None = None
        self._chosen: str | None = None
        self._active = False

    @property
    def active(self) -> bool:
        """Whether a filter is typed."""
        return self._active

    def filter_changed(self, text: str, place: ListPlace) -> ListPlace | None:
        """Note a new filter text; ``place`` is where the reader is now.  Returns the place
        to go back to when this change cleared the filter, else None."""
        active = bool(text.strip())
        if active and not self._active:
            self._saved, self._chosen = place, None
        restore: ListPlace | None = None
        if self._active and not active and self._saved is not None:
            if self._chosen is not None:
                restore = ListPlace(place.tab, self._chosen, None)
            else:
                restore = self._saved
            self._saved, self._chosen = None, None
        self._active = active
        return restore

    def chosen(self, item_id: str) -> None:
        """The reader selected a card; while filtering, that choice outlives the filter."""
        if self._active:
            self._chosen = item_id

    def forget(self) -> None:
        """A new brief: nothing to go back to."""
        self._saved, self._chosen, self._active = None, None, False
