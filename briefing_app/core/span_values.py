"""Selector and Link: the two values a brief holds one of per passage, as slotted objects.

Why not pydantic models like the rest of :mod:`briefing_app.core.model`: a model instance
keeps a ``__dict__`` of its fields, and with a selector's own copies of 32 characters before
and after its passage that was ~430 bytes per selector, most of a long brief's memory (an
article of 220,000 one-line paragraphs has 220,000 of them), and building one through
validation was most of the time spent re-opening a saved brief.  These are immutable slotted
values (:class:`briefing_app.core.slotted.SlottedValue`) that pydantic validates and
serialises through a core schema, so they sit in models
(``Item``, ``Annotation``) and read and write JSON exactly as the models they replace did,
with the same field checks and the same error locations.  A selector made from the article
text (:meth:`Selector.in_text`) reads its prefix and suffix from that text when asked instead
of holding copies; equal selectors compare and hash equal however they were made.
"""

from __future__ import annotations

import math
from enum import StrEnum

from pydantic import ValidationInfo
from pydantic_core import core_schema

from briefing_app.core.slotted import SlottedValue, core_schema_of, defaulted_field

CONTEXT_CHARS = 32


class LinkReason(StrEnum):
    """Why an anchor belongs to an item; ``source`` is the item's own span."""

    SOURCE = "source"
    FIGURE = "figure"
    SHARED_WORDS = "shared_words"
    QUOTED_WORDS = "quoted_words"
    SPEAKER = "speaker"


def _end_not_before_start(end: int, info: ValidationInfo) -> int:
    start = info.data.get("start")
    if start is not None and end < start:
        raise ValueError(f"end ({end}) is before start ({start})")
    return end


def _exact_spans_start_to_end(exact: str, info: ValidationInfo) -> str:
    start, end = info.data.get("start"), info.data.get("end")
    if start is not None and end is not None and len(exact) != end - start:
        raise ValueError("exact does not have end - start characters")
    return exact


_SELECTOR_FIELDS = core_schema.typed_dict_schema(
    {
        "start": core_schema.typed_dict_field(core_schema.int_schema(ge=0)),
        "end": core_schema.typed_dict_field(
            core_schema.with_info_after_validator_function(
                _end_not_before_start, core_schema.int_schema(ge=0)
            )
        ),
        "exact": core_schema.typed_dict_field(
            core_schema.with_info_after_validator_function(
                _exact_spans_start_to_end, core_schema.str_schema()
            )
        ),
        "prefix": defaulted_field(core_schema.str_schema(), ""),
        "suffix": defaulted_field(core_schema.str_schema(), ""),
    },
    extra_behavior="forbid",
)


class Selector(SlottedValue):
    """A W3C TextPositionSelector and TextQuoteSelector pair into ``article.text``.

    Invariant: ``text[start:end] == exact``; ``prefix``/``suffix`` are the (up to 32)
    characters right before and after.  Offsets count Unicode code points.  Pure W3C: why a
    passage matters to an item is a :class:`Link`'s business, so annotations and exports can
    use selectors as they are.  Immutable: one passage is one shared selector.
    """

    __slots__ = ("_exact", "_prefix", "_suffix", "_text", "end", "start")
    start: int
    end: int
    _NAMES = ("start", "end", "exact", "prefix", "suffix")
    _fields = _SELECTOR_FIELDS

    def _set(  # type: ignore[override]
        self, start: int, end: int, exact: str | None, prefix: str | None, suffix: str | None,
        text: str | None = None,
    ) -> None:
        _SELECTOR_STORES[0](self, start)  # (through the slots' descriptors: the fastest
        _SELECTOR_STORES[1](self, end)  # way to fill a new object's slots from Python)
        _SELECTOR_STORES[2](self, exact)
        _SELECTOR_STORES[3](self, prefix)
        _SELECTOR_STORES[4](self, suffix)
        _SELECTOR_STORES[5](self, text)

    @classmethod
    def lean(cls, start: int, end: int, exact: str, prefix: str, suffix: str) -> Selector:
        """A selector from all five values, checked as the constructor checks them: values
        of exactly the field types are checked here (a saved brief's tens of thousands of
        anchors), anything else is validated."""
        if (
            type(start) is int
            and type(end) is int
            and type(exact) is str
            and type(prefix) is str
            and type(suffix) is str
            and 0 <= start <= end
            and len(exact) == end - start
        ):
            selector = cls.__new__(cls)
            selector._set(start, end, exact, prefix, suffix)
            return selector
        return cls(start=start, end=end, exact=exact, prefix=prefix, suffix=suffix)

    @classmethod
    def in_text(cls, text: str, start: int, end: int, exact: str | None = None) -> Selector:
        """The selector of ``text[start:end]`` (which the caller has checked is ``exact``,
        when it gives one), reading its prefix and suffix, and its passage when not given,
        from ``text`` when asked rather than holding copies.  Why: the linker's selectors of
        a 10 MB article held 10 MB of passages that only writing the file reads, once."""
        selector = cls.__new__(cls)
        selector._set(start, end, exact, None, None, text)
        return selector

    @property
    def exact(self) -> str:
        """The passage: ``text[start:end]``."""
        exact = self._exact
        if exact is None:
            assert self._text is not None
            return self._text[self.start : self.end]
        return exact

    @property
    def prefix(self) -> str:
        """Up to 32 characters right before the passage."""
        prefix = self._prefix
        if prefix is None:
            assert self._text is not None
            return self._text[max(0, self.start - CONTEXT_CHARS) : self.start]
        return prefix

    @property
    def suffix(self) -> str:
        """Up to 32 characters right after the passage."""
        suffix = self._suffix
        if suffix is None:
            assert self._text is not None
            return self._text[self.end : self.end + CONTEXT_CHARS]
        return suffix

    def holds_in(self, text: str) -> bool:
        """The anchor invariant: position and quote agree in ``text``, and the context is
        the real context.  Compared in place (lengths, then ``startswith`` at the offset)
        rather than by slicing: re-opening a long brief checks ten thousand selectors, and
        three copies of each passage and its context were most of the cost."""
        start, end, exact = self.start, self.end, self.exact
        if end > len(text) or len(exact) != end - start or not text.startswith(exact, start):
            return False
        prefix, suffix = self._prefix, self._suffix
        if prefix is None or suffix is None:  # (read from the text it was made in)
            prefix, suffix = self.prefix, self.suffix
        before = start - CONTEXT_CHARS if start > CONTEXT_CHARS else 0
        return (
            len(prefix) == start - before
            and text.startswith(prefix, before)
            and len(suffix) == min(CONTEXT_CHARS, len(text) - end)
            and text.startswith(suffix, end)
        )

    def __hash__(self) -> int:
        # (equal selectors have equal positions and quotes: no need to slice the context)
        return hash((self.start, self.end, self.exact))


_SELECTOR_STORES = tuple(
    getattr(Selector, slot).__set__
    for slot in ("start", "end", "_exact", "_prefix", "_suffix", "_text")
)
_LINK_FIELDS = core_schema.typed_dict_schema(
    {
        "selector": core_schema.typed_dict_field(core_schema_of(Selector)),
        "reason": core_schema.typed_dict_field(
            core_schema.enum_schema(LinkReason, list(LinkReason), sub_type="str")
        ),
        "detail": defaulted_field(core_schema.str_schema(), ""),
        "score": defaulted_field(core_schema.float_schema(ge=0.0, allow_inf_nan=False), 1.0),
    },
    extra_behavior="forbid",
)
_REASONS: dict[str, LinkReason] = {reason.value: reason for reason in LinkReason}


class Link(SlottedValue):
    """A corroborating passage of an item: where it is, why it is linked and how strongly."""

    __slots__ = ("detail", "reason", "score", "selector")
    selector: Selector
    reason: LinkReason
    detail: str
    score: float
    _NAMES = ("selector", "reason", "detail", "score")
    _fields = _LINK_FIELDS

    @classmethod
    def lean(cls, selector: Selector, reason: LinkReason, detail: str, score: float) -> Link:
        """A link from all four values, checked as the constructor checks them: values of
        exactly the field types are checked here (the linker's and a saved brief's tens of
        thousands of links), anything else is validated."""
        known = _REASONS.get(reason) if type(reason) in (str, LinkReason) else None
        if (
            known is not None
            and type(selector) is Selector
            and type(detail) is str
            and type(score) is float
            and 0.0 <= score < math.inf  # (False for NaN)
        ):
            link = cls.__new__(cls)
            link._set(selector, known, detail, score)
            return link
        return cls(selector=selector, reason=reason, detail=detail, score=score)
