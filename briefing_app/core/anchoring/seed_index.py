"""Where in a long text a quote might be: an index of short keys, and votes for places.

Why an index: when a quote was edited, or moved far from where it was, finding it by trying
every position of a 1 MB text is hopeless in Python, and even one ``str.find`` over the
whole text costs about 0.35 ms — too much to repeat for each of thousands of annotations.
So the text is cut, once, into keys of :data:`KEY_CHARS` characters taken every
:data:`STRIDE` characters, and each key maps to where it occurs.  A quote (with its prefix
and suffix) is then looked up key by key: every stretch of :data:`KEY_CHARS` + :data:`STRIDE`
- 1 characters that survived an edit contains one indexed key, so each surviving stretch
votes for where the whole pattern would start ("diagonal").  Votes that fall close together
are one place; the places with most votes are where a careful alignment is worth its cost.

Building the index is one pass over the text (~30-50 ms per MB) and is shared by every quote
looked up in the same text (:func:`seed_index_for` keeps the last one).
"""

from __future__ import annotations

from dataclasses import dataclass
from threading import Lock

KEY_CHARS = 12
STRIDE = 32
# Below this many characters per step of STRIDE, keys are taken more often (every character
# of a short text): a short text is cheap to index densely, and a sparse index of it could
# miss the second of two places a quote might be.
_CHARS_PER_STRIDE_STEP = 16_384
# Keys found at most this often vote first; a text that repeats itself (stock phrases,
# restated facts) has many keys found in dozens of places, which add work and noise.
_RARE = 4
# Commoner keys vote only when the rare ones found next to nothing; a key found more often
# than this is a stock phrase ("the port a") and never votes.
_MAX_PLACES_PER_KEY = 48
# A pattern longer than this is looked up in sampled blocks, not at every offset: a block of
# STRIDE consecutive offsets finds the place if that block survived, and a long quote has
# plenty of surviving blocks.
_EVERY_OFFSET_UP_TO = 640
_SAMPLED_BLOCKS = 32


@dataclass(frozen=True, slots=True)
class SeedPlace:
    """A place where a pattern may lie: the range of its votes' diagonals and their count."""

    votes: int
    first_diagonal: int
    last_diagonal: int


class SeedIndex:
    """Keys of one text, by where they occur; answers "where might this pattern be?"."""

    __slots__ = ("_places", "stride", "text")

    def __init__(self, text: str) -> None:
        """Index ``text`` (one pass; ~30-50 ms for a megabyte)."""
        self.text = text
        self.stride = min(STRIDE, max(1, len(text) // _CHARS_PER_STRIDE_STEP))
        places: dict[str, int | list[int]] = {}
        offsets = range(0, len(text) - KEY_CHARS + 1, self.stride)
        keys = [text[offset : offset + KEY_CHARS] for offset in offsets]
        get = places.get
        for key, offset in zip(keys, offsets, strict=True):
            known = get(key)
            if known is None:
                places[key] = offset
            elif type(known) is int:
                places[key] = [known, offset]
            else:
                known.append(offset)  # type: ignore[union-attr]
        self._places = places

    def places_of(self, pattern: str, *, spread: int, limit: int) -> list[SeedPlace]:
        """The places ``pattern`` may start at anywhere in the text, most votes first (at
        most ``limit``); votes within ``spread`` characters of each other are one place."""
        return _cluster(self._diagonals(pattern), spread, limit)

    def _offsets(self, pattern: str) -> range | list[int]:
        """Where in ``pattern`` to look keys up: everywhere in a short pattern; in a long one,
        in evenly spread blocks of ``stride`` offsets (each block finds its stretch)."""
        last_offset = len(pattern) - KEY_CHARS
        if last_offset < 0:
            return []
        if len(pattern) <= _EVERY_OFFSET_UP_TO:
            return range(last_offset + 1)
        stride = self.stride
        step = max(stride, last_offset // _SAMPLED_BLOCKS)
        blocks = [*range(0, last_offset - stride + 1, step), last_offset - stride + 1]
        return [block + shift for block in blocks for shift in range(stride)]

    def _diagonals(self, pattern: str) -> list[int]:
        """For each indexed key found in ``pattern``, where the pattern would then start."""
        offsets = self._offsets(pattern)
        get = self._places.get
        diagonals: list[int] = []
        common: list[tuple[int, list[int]]] = []
        for offset in offsets:
            found = get(pattern[offset : offset + KEY_CHARS])
            if found is None:
                continue
            if type(found) is int:
                diagonals.append(found - offset)
            elif len(found) <= _RARE:  # type: ignore[arg-type]
                diagonals.extend(place - offset for place in found)  # type: ignore[union-attr]
            elif len(found) <= _MAX_PLACES_PER_KEY:  # type: ignore[arg-type]
                common.append((offset, found))  # type: ignore[arg-type]
        if len(diagonals) < 2:
            for offset, found in common:
                diagonals.extend(place - offset for place in found)
        return diagonals


_last_index: SeedIndex | None = None
_building = Lock()


def seed_index_for(text: str) -> SeedIndex:
    """The index of ``text``, built once and reused while the same text is being searched.

    Why only the last one: re-anchoring goes text by text (every annotation of one article,
    then the next), so one index serves a whole run and memory stays at one article's worth.
    """
    global _last_index
    index = _last_index
    if index is not None and (index.text is text or index.text == text):
        return index
    with _building:
        index = _last_index
        if index is None or not (index.text is text or index.text == text):
            index = SeedIndex(text)
            _last_index = index
    return index


def forget_seed_index() -> None:
    """Drop the kept index (when its document is closed, or to time a cold search)."""
    global _last_index
    with _building:
        _last_index = None


# Pieces of the pattern looked for near the hint, and how many of them at most: each
# costs a scan of the neighbourhood, and eight spread over a pattern leave several intact
# even after a few edits (sixteen found no more places on the benchmark, at 1% and 5%).
_PIECE_CHARS = 12
_MAX_PIECES = 8
_MAX_FINDS_PER_PIECE = 16


def places_near(
    text: str, pattern: str, low: int, high: int, *, spread: int, limit: int
) -> list[SeedPlace]:
    """The places ``pattern`` may start at within ``text[low:high]`` (a few KB around where
    it was), most votes first.

    Why not the index: near the old position every piece votes, however common it is in the
    whole text (a stock phrase the index ignores may be all that is left of an edited
    quote), and ``str.find`` over a few KB per piece is cheaper than looking up every
    offset of the pattern.
    """
    last = len(pattern) - _PIECE_CHARS
    if last < 0:
        return []
    step = max(_PIECE_CHARS, last // _MAX_PIECES + 1)
    diagonals: list[int] = []
    find = text.find
    for offset in range(0, last + 1, step):
        piece = pattern[offset : offset + _PIECE_CHARS]
        position = find(piece, low, high)
        finds = 0
        while position != -1 and finds < _MAX_FINDS_PER_PIECE:
            diagonals.append(position - offset)
            finds += 1
            position = find(piece, position + 1, high)
    return _cluster(diagonals, spread, limit)


def _cluster(diagonals: list[int], spread: int, limit: int) -> list[SeedPlace]:
    """Group votes whose diagonals lie within ``spread`` of each other; most votes first."""
    if not diagonals:
        return []
    diagonals.sort()
    places: list[SeedPlace] = []
    first = last = diagonals[0]
    votes = 1
    for diagonal in diagonals[1:]:
        if diagonal - last <= spread:
            last = diagonal
            votes += 1
            continue
        places.append(SeedPlace(votes, first, last))
        first = last = diagonal
        votes = 1
    places.append(SeedPlace(votes, first, last))
    places.sort(key=lambda place: -place.votes)
    return places[:limit]
