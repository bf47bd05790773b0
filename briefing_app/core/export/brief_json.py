"""Write a brief's JSON file in pieces, each item as it is serialised.

Why not ``model_dump_json``: that builds the whole file as one string, 16 times the
article's size and, as soon as the article holds one curly quote, two bytes per character,
and then a UTF-8 copy of it to write.  For a 2 MB article that is ~100 MB alive at once,
more than the brief itself.  Here pydantic serialises one item at a time, straight to UTF-8
bytes, and each piece is written and dropped; the bytes are exactly what
``brief.model_dump_json(indent=2) + "\\n"`` gives (the brief file format is a contract, and
``tests/test_brief_file.py`` compares the two).

How: pydantic writes JSON as serde's pretty printer does (two spaces per level, ``[]`` for
an empty list, elements on lines of their own).  The brief is serialised with no sections
and each section with no items; their ``[]`` is where the pieces go.  JSON strings never
hold a raw line break, so an item's own serialisation is moved to its depth by indenting
every line break.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO, TypeVar

from briefing_app.core.items import anchor_json_bytes, link_anchor_fields, own_anchor_fields
from briefing_app.core.model import Brief, Item, Link, Section, Selector

INDENT = 2
_SECTIONS_SLOT = b'\n  "sections": []'  # a key of the brief, one level deep
_ITEMS_SLOT = b'\n  "items": []'  # a key of a section serialised on its own
_ANCHORS_SLOT = b'\n  "anchors": []'  # a key of an item serialised without its anchors
_Element = TypeVar("_Element", Section, Item)


def write_brief_json(brief: Brief, stream: BinaryIO) -> None:
    """Write ``brief`` to a binary stream as the ``.brief.json`` file (UTF-8, LF, a final
    line break), one piece at a time."""
    for piece in brief_json_pieces(brief):
        stream.write(piece)


def brief_json_pieces(brief: Brief) -> Iterator[bytes]:
    """The bytes of ``brief.model_dump_json(indent=2) + "\\n"``, in pieces no larger than
    the article, a section's heading or one item."""
    shell = _to_json(brief.model_copy(update={"sections": []}))
    items = _ItemWriter(brief)
    yield from _fill_slot(
        shell, 0, _SECTIONS_SLOT, brief.sections,
        lambda section, depth: _section_pieces(section, depth, items),
    )
    yield b"\n"


def _section_pieces(section: Section, depth: int, items: _ItemWriter) -> Iterator[bytes]:
    shell = _to_json(section.model_copy(update={"items": []}))
    yield from _fill_slot(shell, depth, _ITEMS_SLOT, section.items, items.pieces)


class _ItemWriter:
    """Writes items with each shared link serialised once: a cited sentence's link is one
    object held by every item citing it, and its JSON, a third of the file, was made again
    for each.  A link's JSON is kept (by the link's id, while the brief that holds it is
    written) only until its last citation is written, so what is kept stays small."""

    def __init__(self, brief: Brief) -> None:
        self._citations_left = Counter(id(link) for item in brief.items() for link in item.links)
        self._written: dict[int, bytes] = {}

    def pieces(self, item: Item, depth: int) -> Iterator[bytes]:
        """The item's JSON at ``depth``, as one piece."""
        shell = item.to_json_bytes(indent=INDENT, anchors=False)
        opening, closing = _slot(shell, _ANCHORS_SLOT)
        outer, inner = _line_break(depth), _line_break(depth + 2)
        anchors = [] if item.source is None else [self._own_anchor(item.source, inner)]
        anchors += (self._link_anchor(link, inner) for link in item.links)
        parts = [shell[:opening].replace(b"\n", outer)]
        if anchors:
            parts += (b"[", inner, (b"," + inner).join(anchors), _line_break(depth + 1), b"]")
        else:
            parts.append(b"[]")
        parts.append(shell[closing:].replace(b"\n", outer))
        yield b"".join(parts)

    @staticmethod
    def _own_anchor(source: Selector, line_break: bytes) -> bytes:
        return anchor_json_bytes(own_anchor_fields(source), indent=INDENT).replace(
            b"\n", line_break
        )

    def _link_anchor(self, link: Link, line_break: bytes) -> bytes:
        # (kept by id alone: every item of a brief, so every anchor, is at one depth)
        key = id(link)
        written = self._written.get(key)
        if written is None:
            written = anchor_json_bytes(link_anchor_fields(link), indent=INDENT).replace(
                b"\n", line_break
            )
            self._written[key] = written
        left = self._citations_left[key] - 1
        self._citations_left[key] = left
        if left <= 0:
            del self._written[key]
        return written


def _slot(shell: bytes, slot: bytes) -> tuple[int, int]:
    """Where the ``[]`` of the empty list at ``slot`` (one of the object's keys) is."""
    at = shell.find(slot)
    if at < 0:
        raise ValueError("the serialised object has no empty list where its elements go")
    return at + len(slot) - 2, at + len(slot)


def _fill_slot(
    shell: bytes,
    depth: int,
    slot: bytes,
    elements: Sequence[_Element],
    pieces_of: Callable[[_Element, int], Iterator[bytes]],
) -> Iterator[bytes]:
    """An object serialised on its own (``shell``), moved to ``depth`` levels, with the
    empty list at ``slot`` (one of its keys) holding ``elements``, which are two levels
    deeper and serialised by ``pieces_of(element, depth + 2)``."""
    opening, closing = _slot(shell, slot)
    outer = _line_break(depth)
    yield shell[:opening].replace(b"\n", outer)
    if not elements:
        yield b"[]"
    else:
        inner = _line_break(depth + 2)
        yield b"["
        for number, element in enumerate(elements):
            yield inner if number == 0 else b"," + inner
            yield from pieces_of(element, depth + 2)
        yield _line_break(depth + 1) + b"]"
    yield shell[closing:].replace(b"\n", outer)


def _line_break(depth: int) -> bytes:
    return b"\n" + b" " * (INDENT * depth)


def _to_json(model: Brief | Section) -> bytes:
    return model.__pydantic_serializer__.to_json(model, indent=INDENT)
