"""Text made safe to place in exported Markdown: article words that cannot turn into
structure, and notes that keep their formatting but lose anything active or remote.

Why two rules: article text is the publisher's, not Markdown, so every character a Markdown
reader (CommonMark, Obsidian, Logseq) would take as structure is escaped and a quote can
never open a heading, a link, an image, raw HTML or an Obsidian embed.  A note *is* Markdown
the reader wrote, so its emphasis, lists and http(s) links are kept, and only what could run
or fetch something is neutralised: every ``<`` becomes ``&lt;`` (no raw HTML, no autolink,
no comment that could forge our markers), an image opener ``![`` becomes ``&#33;[`` (a
link at most, never a fetch), and a link or link definition whose destination is not
http(s) or mailto loses its link syntax.  Character references cannot make Markdown
structure (CommonMark 6.2), so these replacements cannot be undone by the reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing_app.core.export.export_job import without_controls

# What means something in CommonMark or a common extension, escaped with a backslash:
# emphasis, code, links and [[wiki links]], raw HTML, headings and #tags, tables,
# strikethrough, $math$, ^block ids always; %%comments%%, ==highlights== and character
# references only where they could form.  (An image needs "[", which is always escaped.)
_SIGNIFICANT = re.compile(r"([\\`*_\[\]<>#|~$^]|%(?=%)|=(?==)|&(?=#?[A-Za-z0-9]+;))")
# At a line start a dash, plus, number with dot/paren, or spaces can open a list or code.
_LINE_OPENERS = re.compile(r"^([ \t]*)(?:(\d+)([.)])|([-+]))", re.MULTILINE)
_SAFE_DESTINATION = re.compile(r"(?:https?://|mailto:)", re.IGNORECASE)
_INLINE_LINK = re.compile(r"\]\(\s*")
_DEFINITION = re.compile(r"^( {0,3})\[([^\]\n]*)\]:[ \t]*(?:\n[ \t]*)?(\S*)", re.MULTILINE)


def escape_text(text: str) -> str:
    """Article words as Markdown that shows exactly these words: significant punctuation
    backslash-escaped, line-opening list markers escaped, leading spaces dropped (four would
    make a code block), control characters removed."""
    escaped = _SIGNIFICANT.sub(r"\\\1", without_controls(text))
    escaped = _LINE_OPENERS.sub(_escape_opener, escaped)
    return "\n".join(line.lstrip(" \t") for line in escaped.split("\n"))


def _escape_opener(match: re.Match[str]) -> str:
    indent, number, closer, bullet = match.groups()
    if number is not None:
        return f"{indent}{number}\\{closer}"
    return f"{indent}\\{bullet}"


def one_line(text: str) -> str:
    """Text on one line (whitespace runs, line breaks included, as one space)."""
    return " ".join(text.split())


def safe_note(note: str) -> str:
    """A reader's Markdown note with its formatting kept and nothing active or remote: no
    raw HTML, no image, no link to anything but http(s) and mailto."""
    text = without_controls(note).replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    text = text.replace("<", "&lt;").replace("![", "&#33;[")
    text = _INLINE_LINK.sub(_checked_inline_link(text), text)
    return _DEFINITION.sub(_checked_definition, text)


def _checked_inline_link(text: str) -> Callable[[re.Match[str]], str]:
    """A ``re.sub`` callback over ``text`` that keeps ``](`` only before a safe address."""

    def check(match: re.Match[str]) -> str:
        if _SAFE_DESTINATION.match(text, match.end()):
            return match.group(0)
        return "]\\(" + match.group(0)[2:]  # an escaped paren: no link is formed

    return check


def _checked_definition(match: re.Match[str]) -> str:
    indent, label, destination = match.groups()
    if _SAFE_DESTINATION.match(destination):
        return match.group(0)
    return f"{indent}\\[{label}\\]:" + match.group(0)[len(indent) + len(label) + 3 :]
