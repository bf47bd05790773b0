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

from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO, TypeVar

from briefing_app.core.model import Brief, Item, Section

INDENT = 2
_SECTIONS_SLOT = b'\n  "sections": []'  # a key of the brief, one level deep
_ITEMS_SLOT = b'\n  "items": []'  # a key of a section serialised on its own
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
    yield from _fill_slot(shell, 0, _SECTIONS_SLOT, brief.sections, _section_pieces)
    yield b"\n"


def _section_pieces(section: Section, depth: int) -> Iterator[bytes]:
    shell = _to_json(section.model_copy(update={"items": []}))
    yield from _fill_slot(shell, depth, _ITEMS_SLOT, section.items, _item_pieces)


def _item_pieces(item: Item, depth: int) -> Iterator[bytes]:
    yield item.to_json_bytes(indent=INDENT).replace(b"\n", _line_break(depth))


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
    at = shell.find(slot)
    if at < 0:
        raise ValueError("the serialised object has no empty list where its elements go")
    opening, closing = at + len(slot) - 2, at + len(slot)  # where its "[]" is
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
