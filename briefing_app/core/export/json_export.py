"""A brief and its annotations as one JSON file: ``{"exported", "brief", "annotations"}``.

Why a wrapper object and not an ``annotations`` field inside the brief: the brief format is a
strict public contract (``briefing-app validate`` and every brief reader refuse unknown
fields), so the brief goes in unchanged, byte for byte as ``import`` writes it (indented one
level deeper), and the annotations sit beside it.  Each annotation is the app's
``PlacedAnnotation``: the stored ``annotation`` (id, selector, item, colour, status, note,
tags, times) and where it is in this brief now (``placement`` exact/moved/fuzzy/orphan,
``selector``, ``item_id``, ``score``, ``reason``), so a script can read either with the
app's own models.  Written in pieces, like the brief file, so a long article's export never
holds the whole text several times over.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from briefing_app.core.export.brief_json import brief_json_pieces
from briefing_app.core.export.export_job import ExportJob, iso_time

_INNER = b"\n  "


def json_export_pieces(job: ExportJob) -> Iterator[bytes]:
    """The file's bytes in pieces: UTF-8, two-space indent, a final line break."""
    yield b'{\n  "exported": ' + json.dumps(iso_time(job.exported)).encode() + b","
    yield b'\n  "brief": '
    pieces = brief_json_pieces(job.brief)
    previous = next(pieces)
    for piece in pieces:  # every piece but the last, which is the file's final line break
        yield previous.replace(b"\n", _INNER)
        previous = piece
    yield b',\n  "annotations": ['
    for number, one in enumerate(job.in_order()):
        text = one.model_dump_json(indent=2).encode("utf-8").replace(b"\n", b"\n    ")
        yield (b"" if number == 0 else b",") + b"\n    " + text
    yield (b"\n  ]" if job.placed else b"]") + b"\n}\n"


def write_json_export(job: ExportJob, stream: BinaryIO) -> None:
    """Write the file to a binary stream."""
    for piece in json_export_pieces(job):
        stream.write(piece)
