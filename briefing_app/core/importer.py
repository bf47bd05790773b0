"""Import any supported file into a linked Brief: the one entry point front ends call.

Why one entry point: the CLI, the window and the tests must agree on how a path becomes a
brief (format detection, decoding, error wording), so none of them re-implements it.
"""

from __future__ import annotations

from contextlib import ExitStack
from functools import partial
from pathlib import Path

from briefing_app.core.attribution import is_person_name, paragraph_statements, speaker_from_phrase
from briefing_app.core.builder import build_brief
from briefing_app.core.errors import BriefInputError
from briefing_app.core.linking.evidence import EvidenceIndexes, SentenceEvidence, evidence_indexes
from briefing_app.core.linking.linker import link_brief
from briefing_app.core.model import Brief
from briefing_app.core.readers.blocks import ParsedDocument
from briefing_app.core.readers.brief_json import looks_like_json, parse_brief_json, read_brief_file
from briefing_app.core.readers.decoding import (
    decode_bytes,
    normalise_text,
    read_bytes,
    refuse_control_characters,
)
from briefing_app.core.readers.plain_text import read_plain_text
from briefing_app.core.restore import restore_brief
from briefing_app.core.second_process import Beside, run_beside
from briefing_app.core.text.text_index import TextIndex

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
JSON_SUFFIXES = {".json"}


def clear_caches() -> None:
    """Forget memoised analyses (parsed attributions, names), so a benchmark's repeated
    runs measure a cold import, and a long session does not hold old articles."""
    paragraph_statements.cache_clear()
    speaker_from_phrase.cache_clear()
    is_person_name.cache_clear()


def import_path(path: str | Path) -> Brief:
    """Read, parse and link the file at ``path``; raise BriefInputError for bad input."""
    path = Path(path)
    fmt, content = read_path(path)
    if isinstance(content, Brief):
        return restore_brief(content)
    read = _read_text(content, str(path), fmt)
    del content  # (the file's text is its blocks now: 20 MB at 10 MB, let go before the import)
    return read if isinstance(read, Brief) else _build_and_link(read, str(path))


def read_path(path: Path) -> tuple[str, Brief | str]:
    """The file's format (as :func:`detect_format` names it) and its content: a brief file
    as saved (validated, not yet restored), or an article's decoded text.

    A brief is read from its bytes, whether its name or only its content says it is one:
    decoded as an article, a line separator inside one of its strings would become a raw
    line break, and the valid file would be refused as malformed JSON."""
    data = read_bytes(path)
    if path.suffix.lower() in JSON_SUFFIXES:
        return "brief-json", read_brief_file(data, str(path))
    text = decode_bytes(data, path)
    fmt = detect_format(path, text)
    if fmt == "brief-json":
        return fmt, read_brief_file(data, str(path))
    return fmt, text


def detect_format(path: Path, text: str) -> str:
    """``brief-json``, ``markdown`` or ``text``, by suffix first and content second."""
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        return "brief-json"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix not in {".txt", ".text"} and looks_like_json(text):
        return "brief-json"
    return "text"


def import_text(text: str, *, name: str | None = None, fmt: str = "text") -> Brief:
    """Build a linked Brief from already-decoded text in the given format.

    Touches no process-wide state (the garbage collector, the interpreter's thread switch
    interval): two imports may overlap, on threads or in one window, and the process must
    be as it was whatever the order they finish in.  Import is fast because it allocates
    little, not because the collector is paused.  Inside ``second_process_allowed`` (the
    command line), stages of a long article run in forked children, reaped before this
    returns; the brief is the same either way.
    """
    read = _read_text(text, name, fmt)
    del text  # (where the caller holds no other reference, the text goes before the import)
    return read if isinstance(read, Brief) else _build_and_link(read, name)


def _read_text(text: str, name: str | None, fmt: str) -> Brief | ParsedDocument:
    """A brief file's brief, restored, or an article's blocks, checked and read."""
    if not text or text.isspace():  # (strip() would copy a whole long file)
        raise BriefInputError(name, "the file is empty")
    if fmt == "brief-json":
        return restore_brief(parse_brief_json(text, name))
    text = normalise_text(text)  # text that did not come through decode_bytes: LF, NFC,
    refuse_control_characters(text, name)  # and no control but tab and newline
    if fmt == "markdown":
        # Imported here: markdown-it and YAML take ~50 ms to load, which a plain-text
        # import from the command line would otherwise pay on every run.
        from briefing_app.core.readers.markdown import read_markdown

        document = read_markdown(text, name)
    else:
        document = read_plain_text(text)
    if not document.blocks:
        raise BriefInputError(name, "no article text found")
    return document


def _build_and_link(document: ParsedDocument, name: str | None) -> Brief:
    """The brief of an article's blocks, linked."""
    with ExitStack() as children:
        evidence: Beside[EvidenceIndexes] | None = None

        def start_evidence(index: TextIndex) -> None:
            # the linker's indexes need only the text's: built beside the items, where allowed
            nonlocal evidence
            task = partial(evidence_indexes, index)
            evidence = children.enter_context(run_beside(task, len(index.text)))

        brief, index = build_brief(
            document, fallback_title=_title_from_name(name), on_index=start_evidence
        )
        started = evidence  # (as it is now: the hook has run, or it has not)
        return link_brief(
            brief,
            index,
            lambda: SentenceEvidence(index, started.result() if started is not None else None),
        )


def _title_from_name(name: str | None) -> str:
    if not name:
        return ""
    stem = Path(name).name.split(".")[0].replace("-", " ").replace("_", " ").strip()
    return stem[:1].upper() + stem[1:]
