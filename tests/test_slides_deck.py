"""The deck a brief makes, checked without a display: which slides, in what order, what they
say, how long sections and quotes are split, and that no slide's text overflows its box."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from briefing_app.core.importer import import_path, import_text
from briefing_app.core.model import Brief, ItemKind, SectionKind
from briefing_app.core.slides import Deck, DeckLimits, SlideKind, build_deck, slide_boxes
from briefing_app.core.slides.fit import BODY, BULLET_INDENT_EM, QUOTE

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SENTENCE = "The harbour board said the {n}th berth would reopen after repairs costing {n} million."


def sample() -> Brief:
    return import_path(SAMPLES / "harbour-strike.txt")


def article(know: list[str] = (), quotes: list[str] = (), why: str = "") -> Brief:
    """A headed article with these What To Know bullets, quote paragraphs and Why line."""
    parts = ["Council approves harbour plan", "By Ana Reyes, The Bay Courier",
             "The council approved the harbour plan on Monday after a long debate."]
    if why:
        parts += ["Why It Matters", why]
    if know:
        parts += ["What To Know", "\n".join(f"- {line}" for line in know)]
    if quotes:
        parts += ["What People Are Saying", *quotes]
    return import_text("\n\n".join(parts) + "\n", name="plan.txt")


def kinds(deck: Deck) -> list[str]:
    return [slide.kind.value for slide in deck.slides]


def assert_nothing_overflows(deck: Deck) -> None:
    """Re-wrap every slide's text with the character budget its fit records: it must not
    take more lines than its box holds (the promise the painter builds on)."""
    for slide in deck.slides:
        fit = slide.fit
        assert fit.lines <= fit.line_budget, slide.title
        if slide.bullets:
            box = slide_boxes(slide.kind, slide.aspect)["body"]
            used = 0.0
            for bullet in slide.bullets:
                room = box.width - BULLET_INDENT_EM * (bullet.level + 1) * fit.body_size
                width = int(room // (fit.body_size * BODY.advance))
                used += len(textwrap.wrap(bullet.shown_text, width)) * fit.body_size * 1.25
            used += (len(slide.bullets) - 1) * BODY.gap * fit.body_size
            assert used <= box.height, slide.title
        if slide.quote:
            box = slide_boxes(slide.kind, slide.aspect)["quote"]
            width = int(box.width // (fit.body_size * QUOTE.advance))
            assert len(textwrap.wrap(slide.quote, width)) * fit.body_size * 1.3 <= box.height


def test_a_brief_makes_title_sections_one_quote_per_slide_next_steps_and_end() -> None:
    brief = sample()
    deck = build_deck(brief)
    assert kinds(deck) == [
        "title", "why_it_matters", "what_to_know", *["quote"] * 8,
        "next_steps", "next_steps", "end",
    ]
    title = deck.slides[0]
    assert title.title == "Why this dock strike could raise winter prices"
    assert title.lines == ("The Coastline Ledger", "By Helena Markley", "2026-11-20")
    assert [slide.number for slide in deck.slides] == list(range(1, len(deck) + 1))
    assert {slide.total for slide in deck.slides} == {len(deck)}
    assert deck.slides[-1].lines == ("Source: The Coastline Ledger \u00b7 Helena Markley "
                                     "\u00b7 2026-11-20",)
    know = deck.slides[2]
    assert [bullet.text for bullet in know.bullets] == [
        item.text for item in brief.sections[2].items
    ]
    assert know.item_ids == tuple(item.id for item in brief.sections[2].items)
    assert_nothing_overflows(deck)


def test_a_quote_slide_shows_the_quoted_words_with_speaker_and_role_apart() -> None:
    deck = build_deck(sample())
    okafor = deck.slides[3]
    assert okafor.quote.startswith("\u201cThis offer is as far as we can responsibly go.")
    assert "Port Director" not in okafor.quote
    assert (okafor.speaker, okafor.role) == ("Amara Okafor", "Port Director")
    union = next(slide for slide in deck.slides if slide.speaker == "Dockworkers\u2019 Union")
    assert union.role == ""


def test_a_reported_statement_is_never_shown_inside_quotation_marks() -> None:
    brief = article(quotes=["Mayor Ana Lopez: \u201cThis is a good day for the town.\u201d",
                            "Hale said the board would wait."])
    statement = next(s for s in build_deck(brief).slides if s.speaker == "Hale")
    assert statement.title == "Reported statement"
    assert statement.quote == "Hale said the board would wait."


def test_long_what_to_know_splits_into_balanced_parts_in_order_at_one_size() -> None:
    lines = [SENTENCE.format(n=n) + " It was the plan's largest item." for n in range(1, 19)]
    brief = article(know=lines)
    know = [s for s in build_deck(brief).slides if s.kind is SlideKind.WHAT_TO_KNOW]
    assert len(know) >= 2
    assert [s.title for s in know] == [
        f"What To Know ({n} of {len(know)})" for n in range(1, len(know) + 1)
    ]
    shown = [bullet.text for slide in know for bullet in slide.bullets]
    assert shown == lines  # every item once, in order, none cut
    assert len({slide.fit.body_size for slide in know}) == 1
    counts = [len(slide.bullets) for slide in know]
    assert max(counts) - min(counts) <= 2  # balanced, not a full slide and a stub
    assert_nothing_overflows(build_deck(brief))


def test_a_short_section_gets_the_largest_size_and_a_longer_one_shrinks_first() -> None:
    short = build_deck(article(know=["Work starts in March."]))
    know = next(s for s in short.slides if s.kind is SlideKind.WHAT_TO_KNOW)
    assert (know.fit.step, know.fit.body_size) == (0, BODY.sizes[0])
    longer = build_deck(article(know=[SENTENCE.format(n=n) for n in range(1, 7)]))
    know = [s for s in longer.slides if s.kind is SlideKind.WHAT_TO_KNOW]
    assert len(know) == 1 and know[0].fit.step > 0


def test_a_very_long_section_is_capped_and_says_how_many_items_it_left_out() -> None:
    lines = [SENTENCE.format(n=n) for n in range(1, 121)]
    deck = build_deck(article(know=lines), limits=DeckLimits(what_to_know=3))
    know = [s for s in deck.slides if s.kind is SlideKind.WHAT_TO_KNOW]
    assert len(know) == 3
    shown = sum(len(slide.bullets) for slide in know)
    assert know[-1].footnote == f"+ {120 - shown} more in the brief"
    assert "in the reader" in know[-1].notes
    assert not know[0].footnote


def test_a_long_quote_shrinks_and_a_very_long_one_continues_on_the_next_slide() -> None:
    medium = " ".join(f"We will rebuild berth {n} before the winter storms." for n in range(5))
    words = " ".join(f"We will rebuild berth {n} before the winter storms arrive." for n in
                     range(30))
    deck = build_deck(article(quotes=[f"Mayor Ana Lopez: \u201c{medium}\u201d",
                                      f"Harbour master Ivo Pell: \u201c{words}\u201d"]))
    quotes = [s for s in deck.slides if s.kind is SlideKind.QUOTE]
    assert quotes[0].parts == 1 and quotes[0].fit.step > 0
    long = [s for s in quotes if s.speaker == "Ivo Pell"]
    assert len(long) >= 2 and [s.part for s in long] == list(range(1, len(long) + 1))
    assert long[0].quote.endswith("\u2026") and long[1].quote.startswith("\u2026")
    assert long[1].title == "Quotes (continued)"
    joined = " ".join(s.quote.strip("\u2026 ") for s in long)
    assert joined.split() == f"\u201c{words}\u201d".split()  # nothing dropped
    assert all(s.role == "Harbour master" for s in long)
    assert_nothing_overflows(deck)


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_nothing_overflows_at_either_aspect_and_4_3_lines_are_shorter(aspect: str) -> None:
    deck = build_deck(sample(), aspect=aspect)
    assert deck.aspect == aspect and {s.aspect for s in deck.slides} == {aspect}
    assert_nothing_overflows(deck)
    wide = build_deck(sample(), aspect="16:9")
    if aspect == "4:3":
        assert deck.slides[2].fit.chars_per_line < wide.slides[2].fit.chars_per_line


def test_an_endless_headline_is_cut_with_an_ellipsis_at_the_smallest_size() -> None:
    brief = sample().model_copy(update={"title": "Strike " * 120})
    title = build_deck(brief).slides[0]
    assert title.title.endswith("\u2026") and len(title.title) < 400
    assert title.fit.lines <= title.fit.line_budget
    assert ("Strike " * 120).strip() in title.notes


def test_empty_sections_make_no_slides() -> None:
    brief = sample()
    emptied = [s.model_copy(update={"items": []}) if s.kind is SectionKind.WHY_IT_MATTERS
               else s for s in brief.sections if s.kind is not SectionKind.QUOTES]
    deck = build_deck(brief.model_copy(update={"sections": emptied}))
    assert kinds(deck) == ["title", "what_to_know", "next_steps", "next_steps", "end"]


def test_wire_copy_with_no_sections_shows_its_overview_and_gathered_quotes() -> None:
    brief = import_path(FIXTURES / "no-sections.txt")
    deck = build_deck(brief)
    assert kinds(deck) == ["title", "overview", "quote", "end"]
    assert deck.slides[1].title == "Overview"
    assert len(deck.slides[1].bullets) == 3
    assert deck.slides[2].speaker == "Marta Kowalczyk"
    assert deck.slides[0].title.startswith("A small bakery")
    assert_nothing_overflows(deck)


def test_speaker_notes_give_the_source_passage_and_evidence() -> None:
    brief = sample()
    deck = build_deck(brief)
    okafor = deck.slides[3]
    item = next(i for i in brief.items() if i.id == okafor.item_ids[0])
    assert item.source is not None and item.source.exact in okafor.notes
    assert "Evidence (same quoted words" in okafor.notes
    assert item.links[0].selector.exact in okafor.notes
    assert "Helena Markley" in deck.slides[0].notes


def test_the_deck_finds_the_slide_that_shows_an_item() -> None:
    brief = sample()
    deck = build_deck(brief)
    quote = next(i for i in brief.items() if i.kind is ItemKind.QUOTE)
    assert deck.slide_for_item(quote.id) == 3
    assert deck.slide_for_item("nope") is None


def test_an_unknown_aspect_is_refused() -> None:
    with pytest.raises(ValueError, match="aspect"):
        build_deck(sample(), aspect="21:9")
