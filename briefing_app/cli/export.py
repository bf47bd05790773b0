"""``briefing-app export`` and ``briefing-app import-annotations``: a brief's notes out of the
app in the forms analysts use next, and annotations from another tool (or another machine)
back in.

Why these rules: an export reads the library as ``notes`` does — opened as the window opens
it, nothing recorded, no selector rewritten — so exporting is never an edit.  Every file goes
through the one atomic writer (never onto the article, whole or not at all), and an existing
file is replaced only with ``--force``, except a Markdown export written before, whose marked
part is replaced in place so the reader's own notes around it survive.  An import writes
through the store's ordinary calls (add, or update by id), so importing the same file twice
changes nothing the second time.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing_app.cli.arguments import UsageError
from briefing_app.cli.commands import CommandError
from briefing_app.cli.terminal import say, write_bytes
from briefing_app.core.annotations import Annotation, PlacedAnnotation, Placement, now
from briefing_app.core.atomic_write import check_output_path, write_atomically
from briefing_app.core.errors import BriefInputError
from briefing_app.core.export.export_job import ExportJob
from briefing_app.core.export.formats import EXPORT_FORMATS, ExportFormat
from briefing_app.core.export.markdown import render_markdown
from briefing_app.core.export.markers import MarkerError, has_markers, merge_export
from briefing_app.core.export.wording import count_of
from briefing_app.core.model import Brief
from briefing_app.core.store import (
    AnnotationChange,
    ChangeKind,
    Store,
    StoreError,
    database_path,
    place_annotations,
)
from briefing_app.core.store.window_settings import saved_colour_names

# The formats the command line offers.  The window toolkit's PDF handout joins with one
# entry here: "pdf": ExportFormat("pdf", "PDF handout", ".pdf", <its writer>).
CLI_FORMATS: dict[str, ExportFormat] = dict(EXPORT_FORMATS)
EXIT_OK = 0


def export_command(options: argparse.Namespace) -> int:
    """``export PATH --format F [-o OUT] [--no-annotations] [--force]``."""
    from briefing_app.core.importer import import_path

    chosen = CLI_FORMATS.get(options.format) or _pdf(options.page)
    out: Path | None = options.output
    to_stdout = out is None or str(out) == "-"
    if to_stdout and options.format == "pdf":
        raise UsageError("export: a pdf handout needs -o FILE")
    if not to_stdout:
        assert out is not None
        _check_target(out, chosen, options)
    brief = import_path(options.path)
    document_id, placed = (None, []) if options.no_annotations else _placed(brief, options.path)
    job = ExportJob(
        brief=brief,
        placed=tuple(placed),
        exported=now(),
        document_id=document_id,
        source_url=Path(options.path).resolve().as_uri(),
        colour_names=saved_colour_names(),  # the names the reader gave them in the window
    )
    if to_stdout:
        write_bytes(_pieces(chosen, job))
        return EXIT_OK
    assert out is not None
    merged = _write_file(out, chosen, job, options)
    how = " (the part between the markers replaced)" if merged else ""
    say(f"wrote {out}: {count_of(len(placed), 'annotation')}{how}")
    return EXIT_OK


def _pdf(page: str) -> ExportFormat:
    """The PDF handout, which needs Qt's text layout: loaded only when asked for."""
    from briefing_app.ui.export.pdf_handout import pdf_format

    return pdf_format(page)


def _check_target(out: Path, chosen: ExportFormat, options: argparse.Namespace) -> None:
    """Refuse, before any work, an output that must not be written."""
    check_output_path(out, [options.path], replace_link=options.force)
    if not out.exists() or options.force:
        return
    if not chosen.merges_between_markers:
        raise BriefInputError(out, "already exists; give --force to replace it")
    if not has_markers(_text_of(out)):
        raise BriefInputError(out, "has no Briefing Reader markers; give --force to replace it")


def _text_of(out: Path) -> str:
    """An existing output's text ("" when it is not UTF-8 text: then it has no markers)."""
    try:
        return out.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _write_file(out: Path, chosen: ExportFormat, job: ExportJob,
                options: argparse.Namespace) -> bool:
    """Write the export to ``out``; True when it was merged between existing markers."""
    if chosen.merges_between_markers and out.exists():
        existing = _text_of(out)
        if has_markers(existing):
            try:
                merged = merge_export(existing, render_markdown(job)).encode("utf-8")
            except MarkerError as problem:
                if not options.force:
                    raise BriefInputError(out, f"{problem}; give --force to replace it") from None
            else:
                write_atomically(out, lambda stream: stream.write(merged), [options.path],
                                 replace_link=options.force)
                return True
        elif not options.force:
            raise BriefInputError(out, "has no Briefing Reader markers; give --force to "
                                  "replace it")
    write_atomically(out, lambda stream: chosen.write(job, stream), [options.path],
                     replace_link=options.force)
    return False


def _pieces(chosen: ExportFormat, job: ExportJob) -> list[bytes]:
    """The export's bytes, for standard output."""
    import io

    buffer = io.BytesIO()
    chosen.write(job, buffer)
    return [buffer.getvalue()]


def _placed(brief: Brief, path: Path) -> tuple[str | None, list[PlacedAnnotation]]:
    """The brief's document id and annotations placed in it, read as ``notes`` reads them:
    no library yet means none, and nothing is recorded or rewritten."""
    if not database_path().exists():
        return None, []
    try:
        with Store.open() as store:
            for notice in store.notices:
                say(f"warning: {notice}")
            document = store.find_document(brief, path)
            annotations = [] if document is None else store.annotations(document.id)
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
    if document is None:
        return None, []
    return document.id, place_annotations(brief, annotations)


def import_annotations_command(options: argparse.Namespace) -> int:
    """``import-annotations FILE PATH``: a W3C annotation collection into the library, on
    the brief at PATH; same ids are updated, never doubled."""
    from briefing_app.core.export.w3c_read import AnnotationFileError, read_collection
    from briefing_app.core.importer import import_path
    from briefing_app.core.readers.decoding import read_bytes

    data = read_bytes(options.file)
    brief = import_path(options.path)
    try:
        with Store.open() as store:
            for notice in store.notices:
                say(f"warning: {notice}")
            if store.read_only is not None:
                raise CommandError(f"cannot import annotations: the library is "
                                   f"{store.read_only}")
            document = store.open_document(brief, options.path)
            try:
                incoming = read_collection(data, document.id, brief.article.text)
            except AnnotationFileError as problem:
                raise BriefInputError(options.file, str(problem)) from None
            incoming = [_settled(brief, one) for one in
                        place_annotations(brief, [_with_section(brief, a) for a in incoming])]
            counts = _save_all(store, incoming, options.file)
            orphans = [one for one in place_annotations(brief, incoming)
                       if one.placement is Placement.ORPHAN]
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
    added, updated, same = counts
    say(f"imported {count_of(len(incoming), 'annotation')} into {options.path}: "
        f"{added} new, {updated} updated, {same} unchanged")
    if orphans:
        say(f"warning: {count_of(len(orphans), 'annotation')} not found in the text "
            "(kept, listed as orphans)")
    return EXIT_OK


def _with_section(brief: Brief, annotation: Annotation) -> Annotation:
    """An item annotation takes its item's section from the brief (the W3C file names the
    item, and the brief knows where it is)."""
    if annotation.item_id is None:
        return annotation
    for section in brief.sections:
        if any(item.id == annotation.item_id for item in section.items):
            return annotation.model_copy(update={"section": section.kind})
    return annotation


def _settled(brief: Brief, one: PlacedAnnotation) -> Annotation:
    """Placed by its selector: an annotation found for sure (exact or moved) is stored where
    it is now; a fuzzy or orphaned one keeps the file's selector, for the reader to judge."""
    from briefing_app.core.store.placement import settled

    if one.placement in (Placement.EXACT, Placement.MOVED) and one.selector is not None:
        return settled(brief, one)
    return one.annotation


_COMPARED = ("selector", "item_id", "section", "colour", "status", "note", "tags")


def _save_all(store: Store, incoming: list[Annotation], file: Path) -> tuple[int, int, int]:
    """Add new annotations, update changed ones by id, leave identical ones alone."""
    added = updated = same = 0
    for annotation in incoming:
        current = store.annotation(annotation.id)
        if current is None:
            try:
                store.add(annotation)
            except StoreError:  # a deleted annotation with this id: bring it back as given
                store.revert(AnnotationChange(kind=ChangeKind.DELETED, before=annotation))
            added += 1
        elif current.document_id != annotation.document_id:
            raise BriefInputError(file, f"annotation {annotation.id} belongs to another "
                                  "article in the library")
        elif all(getattr(current, name) == getattr(annotation, name) for name in _COMPARED):
            same += 1
        else:
            store.update(annotation.id, **{name: getattr(annotation, name)
                                           for name in _COMPARED})
            updated += 1
    return added, updated, same
