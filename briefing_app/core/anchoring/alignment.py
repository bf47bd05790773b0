"""Where exactly, in a stretch of text, an edited quote now begins and ends.

Why align the prefix and suffix too: the quote's own words may have changed at either end
(its first word replaced, its last deleted), so the quote alone cannot say where it begins;
the 32 characters before and after it usually survived, and aligning the whole
``prefix + exact + suffix`` with the text puts the quote's ends between them.  The alignment
is an edit-distance alignment (rapidfuzz's C++ kernel, bit-parallel, so ~10 µs for a
sentence) of the pattern with a window a little wider than the place the seeds voted for;
the window's extra characters simply come out as insertions at either end.  Where several
alignments cost the same, the quote is kept to what matched it (see :func:`_quote_in`).

A quote of thousands of characters is aligned only at its two ends (its first and last
:data:`_END_PIECE` characters with the prefix and suffix), so its cost stays linear in its
length instead of growing with its square.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein, Opcode, Opcodes

# How much of a long quote's beginning (and end) is aligned to find where it starts (ends).
_END_PIECE = 600
# Matches in a run at least this long are the pattern found, not letters picked up by chance.
_SOLID_RUN = 5
# How far a boundary may move to take in the rest of a word that an edit changed.
_MAX_WORD_SNAP = 48


def align_quote(
    text: str, prefix: str, exact: str, suffix: str, first: int, last: int, slack: int
) -> tuple[int, int] | None:
    """The span of ``text`` that best corresponds to ``exact``, for a pattern
    ``prefix + exact + suffix`` thought to start between ``first`` and ``last`` (give or take
    ``slack``); None when nothing of the quote is left there.
    """
    size = len(text)
    length = len(prefix) + len(exact) + len(suffix)
    if len(exact) <= 2 * _END_PIECE + slack:
        low = max(0, first - slack)
        window = text[low : min(size, last + length + slack)]
        start, end = _quote_in(prefix + exact + suffix, window, len(prefix), len(exact))
        start, end = low + start, low + end
    else:
        head = prefix + exact[:_END_PIECE]
        low = max(0, first - slack)
        window = text[low : min(size, last + len(head) + slack)]
        start = low + _quote_in(head, window, len(prefix), _END_PIECE)[0]
        tail = exact[-_END_PIECE:] + suffix
        low = max(0, first + length - len(tail) - slack)
        window = text[low : min(size, last + length + slack)]
        end = low + _quote_in(tail, window, 0, _END_PIECE)[1]
    span = _snap(text, start, end, prefix, exact, suffix)
    return None if span is None else _without_inserted_edge_words(text, *span, exact)


def _quote_in(pattern: str, window: str, offset: int, length: int) -> tuple[int, int]:
    """Where ``pattern[offset:offset + length]`` lies in ``window``, aligned both ways.

    Why twice: alignments that cost the same differ in where they put text that was
    inserted next to the quote, or text that repeats (a heading restated just before the
    quote).  Aligned left to right, such text tends to be taken into the quote at one end;
    aligned right to left (both strings reversed), at the other.  Taking the later start
    and the earlier end keeps the quote to what matched it, and leaves words inserted at
    its edges outside, as a reader would.
    """
    forward = Levenshtein.opcodes(pattern, window)
    start = _start_of(forward, offset)
    end = _end_of(forward, offset + length)
    backward = Levenshtein.opcodes(pattern[::-1], window[::-1])
    after = len(pattern) - offset - length
    later_start = len(window) - _end_of(backward, after + length)
    earlier_end = len(window) - _start_of(backward, after)
    if max(start, later_start) < min(end, earlier_end):
        return max(start, later_start), min(end, earlier_end)
    return start, end


def _start_of(opcodes: Opcodes, index: int) -> int:
    """Where, in the window, the pattern's character ``index`` (the quote's first) went.

    Before the alignment's first solid run of matches, characters are only scattered over
    the window's spare start (an alignment that spends the spare characters there costs the
    same as one that skips them); a boundary there is projected back from that run instead.
    """
    solid = next((op for op in opcodes if _is_solid(op)), None)
    if solid is not None and index < solid.src_start:
        return max(0, solid.dest_start - (solid.src_start - index))
    for tag, src_start, src_end, dest_start, dest_end in opcodes:
        if src_start <= index < src_end:
            if tag == "equal":
                return dest_start + index - src_start
            if tag == "replace":
                # An edit that straddles the boundary is split in proportion.
                share = (index - src_start) * (dest_end - dest_start) // (src_end - src_start)
                return dest_start + share
            return dest_start  # deleted: the quote starts where its first character was
    return opcodes.dest_len


def _end_of(opcodes: Opcodes, index: int) -> int:
    """Where, in the window, the pattern's characters up to ``index`` (the quote's end)
    ended; words inserted just after the quote stay outside it.  After the last solid run
    of matches, the boundary is projected forward from it (see :func:`_start_of`)."""
    solid = next((op for op in reversed(opcodes) if _is_solid(op)), None)
    if solid is not None and index > solid.src_end:
        return min(opcodes.dest_len, solid.dest_end + (index - solid.src_end))
    for tag, src_start, src_end, dest_start, dest_end in opcodes:
        if src_start < index <= src_end:
            if tag == "equal":
                return dest_start + index - src_start
            if tag == "replace":
                share = (index - src_start) * (dest_end - dest_start) // (src_end - src_start)
                return dest_start + share
            return dest_start
    return 0


def _is_solid(opcode: Opcode) -> bool:
    return opcode.tag == "equal" and opcode.src_end - opcode.src_start >= _SOLID_RUN


def _snap(
    text: str, start: int, end: int, prefix: str, exact: str, suffix: str
) -> tuple[int, int] | None:
    """Tidy an aligned span's ends the way the quote's own ends look.

    An alignment can leave a space at an end the quote did not have, or cut a replaced word
    in two ("on" found inside "upon", "5." inside "18-5."): a quote that began a word (after
    a space, or at the start of the text) begins a word again, and one that ended a word
    ends one.
    """
    if not exact[0].isspace():
        while start < end and text[start].isspace():
            start += 1
    if not exact[-1].isspace():
        while end > start and text[end - 1].isspace():
            end -= 1
    if start >= end:
        return None
    if not exact[0].isspace() and (not prefix or prefix[-1].isspace()):
        word_start = start
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
            if start - word_start > _MAX_WORD_SNAP:
                break
        else:
            start = word_start
    if not exact[-1].isspace() and (not suffix or suffix[0].isspace()):
        word_end, size = end, len(text)
        while word_end < size and not text[word_end].isspace():
            word_end += 1
            if word_end - end > _MAX_WORD_SNAP:
                break
        else:
            end = word_end
    return start, end


def _without_inserted_edge_words(text: str, start: int, end: int, exact: str) -> tuple[int, int]:
    """Leave out a word inserted just outside the quote that the alignment took in.

    Why: character by character, a word inserted before the quote's first word costs the
    same inside the span as outside it when it shares letters with that word ("a after"
    for "after"), and the alignment may take it in.  Words inserted at a quote's edges
    stay outside it (as for an unchanged quote): when the span's first word is not the
    quote's first word but its second word is, and the span without its first word is no
    less like the quote, the span begins at its second word; the same at the end.  (Not
    when the quote's own words say otherwise: "Unlike a pointer," for "Unlike a pointer, a"
    lost its last word, and "pointer," is not an inserted word after "a".)  A doubled word
    ("at at" for "at") is left as aligned: it is as often a word of the quote replaced by,
    or inserted before, its neighbour's twin.
    """
    words = exact.split()
    if not words:
        return start, end
    if not exact[0].isspace():
        first_end = _word_end(text, start, end)
        second = _next_word(text, first_end, end)
        if (
            second < end
            and text[start:first_end] != words[0]
            and text[second : _word_end(text, second, end)] == words[0]
            and _no_less_alike(exact, text[second:end], text[start:end])
        ):
            start = second
    if not exact[-1].isspace():
        last_start = _word_start(text, start, end)
        before = _previous_word_end(text, start, last_start)
        if (
            before > start
            and text[last_start:end] != words[-1]
            and text[_word_start(text, start, before) : before] == words[-1]
            and _no_less_alike(exact, text[start:before], text[start:end])
        ):
            end = before
    return start, end


def _no_less_alike(exact: str, shorter: str, longer: str) -> bool:
    """Whether ``shorter`` takes no more edits to become ``exact`` than ``longer``."""
    return Levenshtein.distance(exact, shorter) <= Levenshtein.distance(exact, longer)


def _word_end(text: str, start: int, end: int) -> int:
    """Where the word beginning at ``start`` ends (at most ``end``)."""
    while start < end and not text[start].isspace():
        start += 1
    return start


def _next_word(text: str, position: int, end: int) -> int:
    """Where the next word begins after the spaces at ``position`` (at most ``end``)."""
    while position < end and text[position].isspace():
        position += 1
    return position


def _word_start(text: str, start: int, end: int) -> int:
    """Where the word ending at ``end`` begins (at least ``start``)."""
    while end > start and not text[end - 1].isspace():
        end -= 1
    return end


def _previous_word_end(text: str, start: int, position: int) -> int:
    """Where the previous word ends before the spaces ending at ``position``."""
    while position > start and text[position - 1].isspace():
        position -= 1
    return position
