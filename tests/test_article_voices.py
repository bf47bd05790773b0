"""Speakers across a whole article: what a reader of the Quotes tab sees for each quote.

Each article (tests/fixtures/wire-ferry-strike.txt and summary-pool-closure.txt) is written
for this test in a newswire shape: honorific and surname mentions, pronouns paragraphs
after the person was named, a role standing for a person, two speakers in one paragraph,
paraphrase in the quotes section, and summary quotes that repeat the body's words without
saying who spoke.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.builder import GATHERED_QUOTES_TITLE
from briefing_app.core.importer import import_path
from briefing_app.core.model import Brief, Item, ItemKind, SectionKind

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _brief(text: str, tmp_path: Path) -> Brief:
    path = tmp_path / "wire.txt"
    path.write_text(text, encoding="utf-8")
    return import_path(path)


def _body_items(brief: Brief) -> list[Item]:
    """The items of the article's own sections (the gathered Quotes tab repeats quotes)."""
    return [
        item
        for section in brief.sections
        if section.title != GATHERED_QUOTES_TITLE
        for item in section.items
    ]


def _item_with(brief: Brief, words: str) -> Item:
    found = [item for item in _body_items(brief) if words in item.text]
    assert len(found) == 1, f"{len(found)} items hold {words!r}"
    return found[0]


def _who(brief: Brief, words: str) -> tuple[str | None, str | None]:
    speaker = _item_with(brief, words).speaker
    return (speaker.name, speaker.role) if speaker else (None, None)


WIRE = (FIXTURES / "wire-ferry-strike.txt").read_text(encoding="utf-8")


def test_an_honorific_and_surname_get_the_full_name_and_role_given_earlier(
    tmp_path: Path,
) -> None:
    brief = _brief(WIRE, tmp_path)
    assert _who(brief, "waited since spring") == (
        "Morwenna Tregear",
        "Coastal Seafarers' Union",
    )


def test_a_quote_continued_in_the_next_paragraph_keeps_its_speaker(tmp_path: Path) -> None:
    brief = _brief(WIRE, tmp_path)
    assert _who(brief, "roster cannot go on")[0] == "Morwenna Tregear"


def test_a_pronoun_after_a_reported_statement_means_that_speaker(tmp_path: Path) -> None:
    brief = _brief(WIRE, tmp_path)
    assert _who(brief, "lights are on")[0] == "Ivo Pellinen"


def test_a_role_standing_for_a_person_resolves_to_them(tmp_path: Path) -> None:
    brief = _brief(WIRE, tmp_path)
    assert _who(brief, "Forty extra buses") == ("Ottilie Brandvik", "Deputy Mayor")


def test_he_said_after_a_sentence_about_someone_else_means_that_person(
    tmp_path: Path,
) -> None:
    brief = _brief(WIRE, tmp_path)
    assert _who(brief, "engines were serviced")[0] == "Henrik Aalto-Sund"


def test_a_person_of_a_police_force_is_a_person_with_a_title(tmp_path: Path) -> None:
    brief = _brief(WIRE, tmp_path)
    assert _who(brief, "take the train") == (
        "Sunniva Rask",
        "Chief Inspector, Lindholm Police",
    )


SUMMARY = (FIXTURES / "summary-pool-closure.txt").read_text(encoding="utf-8")


def test_a_summary_quote_takes_the_speaker_of_the_same_words_in_the_body(
    tmp_path: Path,
) -> None:
    brief = _brief(SUMMARY, tmp_path)
    quotes = next(s for s in brief.sections if s.kind is SectionKind.QUOTES)
    first = quotes.items[0]
    assert first.kind is ItemKind.QUOTE
    assert first.speaker is not None and first.speaker.name == "Agnes Whitlow"


def test_paraphrase_in_the_quotes_section_is_a_reported_statement(tmp_path: Path) -> None:
    brief = _brief(SUMMARY, tmp_path)
    item = _item_with(brief, "report any risk")
    assert item.kind is ItemKind.STATEMENT
    assert item.speaker is not None and item.speaker.name == "Desmond Futa"
    assert item.quote is None


def test_two_speakers_in_one_paragraph_become_two_quote_items(tmp_path: Path) -> None:
    brief = _brief(SUMMARY, tmp_path)
    roof = _item_with(brief, "roof is safe")
    told = _item_with(brief, "Nobody has told us")
    assert roof is not told
    assert roof.speaker is not None and roof.speaker.name == "Desmond Futa"
    assert told.speaker is not None and told.speaker.name == "Rhian Oakes"
    assert told.speaker.role == "club secretary"
    assert "Nobody has told us" not in roof.text


def test_a_reported_clause_after_another_clause_names_its_speaker(tmp_path: Path) -> None:
    text = (
        "Budget talks resume\n\nThe council votes on the budget in June, and Whitlow said "
        "she would bring options in May.\n\n“I would rather find the money,” she said.\n"
    )
    brief = _brief(text.replace("Whitlow", "Agnes Whitlow"), tmp_path)
    assert _who(brief, "rather find the money")[0] == "Agnes Whitlow"


def test_an_article_without_a_headline_is_titled_by_its_first_sentence(tmp_path: Path) -> None:
    text = (
        "Ferry operators and the seafarers' union agreed late on Sunday to a two-year pay deal "
        "that ends a strike which had stranded island commuters for nine days. Talks resume.\n\n"
        "“It is a fair deal,” Morwenna Tregear said.\n"
    )
    brief = _brief(text, tmp_path)
    assert brief.title.startswith("Ferry operators and the seafarers' union agreed")
    assert brief.title.endswith("\u2026") and len(brief.title) <= 101
    assert brief.title[:-1] in text and text[len(brief.title) - 1] == " "  # a word boundary
    assert "wire" not in brief.title.lower()


COUNCIL = (FIXTURES / "council-flood-barrier.txt").read_text(encoding="utf-8")


def test_a_pronoun_quote_after_a_narrative_sentence_about_a_person_is_theirs(
    tmp_path: Path,
) -> None:
    brief = _brief(COUNCIL, tmp_path)
    assert _who(brief, "Every one of those letters") == ("Ingrid Solberg", "Mayor")


def test_the_mayor_after_a_leading_clause_is_the_mayor_named_earlier(tmp_path: Path) -> None:
    brief = _brief(COUNCIL, tmp_path)
    assert _who(brief, "not waiting for another flood") == ("Ingrid Solberg", "Mayor")


def test_a_capitalised_particle_surname_is_the_person_introduced_with_it(
    tmp_path: Path,
) -> None:
    brief = _brief(COUNCIL, tmp_path)
    assert _who(brief, "three weeks of trade")[0] == "Ruben de Haan"


def test_a_peerage_title_is_a_title_not_part_of_the_name(tmp_path: Path) -> None:
    brief = _brief(COUNCIL, tmp_path)
    assert _who(brief, "cheaper than rebuilding") == ("Judith Fenwick", "Baroness")


def _quotes_tab(brief: Brief) -> list[Item]:
    return [item for s in brief.sections if s.kind is SectionKind.QUOTES for item in s.items]


def test_wire_copy_without_section_labels_lists_its_quotes_under_quotes(tmp_path: Path) -> None:
    brief = _brief(WIRE, tmp_path)
    quotes = _quotes_tab(brief)
    assert [s.title for s in brief.sections if s.kind is SectionKind.QUOTES] == [
        GATHERED_QUOTES_TITLE
    ]
    assert all(item.kind is ItemKind.QUOTE for item in quotes)
    speakers = [item.speaker.name if item.speaker else None for item in quotes]
    assert speakers[:4] == ["Morwenna Tregear"] * 2 + ["Ivo Pellinen", "Ottilie Brandvik"]
    assert "Sunniva Rask" in speakers
    # the same words, the same speaker as in the Overview
    for item in quotes:
        body = _item_with(brief, item.text[:40])
        assert body.speaker == item.speaker


def test_gathered_quotes_leave_out_the_scene_setting_and_scare_quotes(tmp_path: Path) -> None:
    text = (
        "Toll bridge fares rise\n\n"
        "The so-called \u201cfair fare\u201d plan takes effect in June.\n\n"
        "Drivers queued for an hour on Friday. \u201cIt is daylight robbery,\u201d said "
        "Petra Lindgren, a courier who crosses the bridge four times a day.\n"
    )
    brief = _brief(text, tmp_path)
    quotes = _quotes_tab(brief)
    assert [item.text for item in quotes] == [
        "\u201cIt is daylight robbery,\u201d said Petra Lindgren, a courier who crosses the "
        "bridge four times a day."
    ]
    assert brief.warnings == [
        "no recognised sections; the article is in the Overview and its quotes under Quotes"
    ]


def test_a_brief_with_its_own_quotes_section_gets_no_gathered_one(tmp_path: Path) -> None:
    brief = _brief(SUMMARY, tmp_path)
    assert GATHERED_QUOTES_TITLE not in [section.title for section in brief.sections]


COURT = (FIXTURES / "wire-court-and-clinic.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("words", "name", "role"),
    [
        # a participle clause before "Title Name told her:"
        ("abused the trust", "Imogen Carraway-Lyle", "Recorder"),
        # an occupation no word list holds stays out of the name; the surname finds it
        ("second signature", "Tobiah Renwick-Saar", "Epidemiologist"),
        # "Prof" without a dot, then "of the University of …, the …" after the name
        ("kept the doors open", "Halvard Ekdahl",
         "Prof, University of Tromsø, clinic's chair of trustees"),
        # an adjective before an organisation is not its name
        ("will not charge rent", "Harrowgate Estates", "clinic's landlord"),
        # a clergy title is a title
        ("cried in the car park", "Oona Mackle", "Rev"),
    ],
)
def test_titles_clauses_and_adjectives_stay_out_of_names(
    tmp_path: Path, words: str, name: str, role: str
) -> None:
    assert _who(_brief(COURT, tmp_path), words) == (name, role)


def test_an_honorific_keeps_meaning_the_person_it_first_meant(tmp_path: Path) -> None:
    brief = _brief(COURT, tmp_path)
    # Bernadette is introduced, quoted as "Mrs Quigley", then her nephew Ciaran Quigley
    # appears; "Mrs Quigley is now …" and "she said" still mean Bernadette.
    assert _who(brief, "in agony for months")[0] == "Bernadette Quigley"
    assert _who(brief, "run properly")[0] == "Bernadette Quigley"


def test_a_second_speaker_countering_in_the_same_sentence_gets_their_quote(
    tmp_path: Path,
) -> None:
    quotes = _quotes_tab(_brief(COURT, tmp_path))
    by_words = {item.speaker.name: item.text for item in quotes if item.speaker}
    assert "repaid in instalments" in by_words["Ossian Pryce"]
    assert "not one pound" not in by_words["Ossian Pryce"]
    assert any(
        "not one pound" in item.text and item.speaker and item.speaker.name == "Aminata Sesay"
        for item in quotes
    )


def test_a_surname_subject_before_she_said_is_that_person(tmp_path: Path) -> None:
    assert _who(_brief(COURT, tmp_path), "confiscation order")[0] == "Aminata Sesay"


RAIL = (
    "Rail operator warns of winter cuts\n\n"
    "Vance Logistics said on Monday that it would run fewer freight trains until March.\n\n"
    "Ministry of Transport officials said the timetable would be reviewed.\n\n"
    "\u201cWe cannot staff the night shifts,\u201d the company said in a statement.\n\n"
    "The Train Drivers\u2019 Union said it had offered extra shifts. \u201cWe were ignored,\u201d "
    "a spokesman added.\n\n"
    "\u201cThe offer still stands,\u201d the union said on Tuesday."
)


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("cannot staff the night shifts", "Vance Logistics"),  # the business named before
        ("offer still stands", "Train Drivers\u2019 Union"),  # the one whose name says union
    ],
)
def test_the_company_or_the_union_means_the_organisation_named_before(
    tmp_path: Path, words: str, speaker: str
) -> None:
    assert _who(_brief(RAIL, tmp_path), words)[0] == speaker


def test_the_company_before_any_company_has_spoken_stays_as_written(tmp_path: Path) -> None:
    brief = _brief("Port delays\n\n\u201cWe regret the delays,\u201d the company said.\n\n"
                   "Harlan Electric Co. said it would help.", tmp_path)
    assert _who(brief, "regret the delays")[0] == "Company"


def test_a_title_of_a_place_before_a_name_stays_in_the_title(tmp_path: Path) -> None:
    """ "Mayor of Dunmere Bram Rahimi": the place belongs to the title, in the speaker named
    there and in the person a later surname means."""
    brief = _brief(
        "Ferry row\n\nMayor of Dunmere Bram Rahimi said the ferry would run all winter.\n\n"
        "The operator disagreed.\n\n\u201cWe will not leave the island cut off,\u201d "
        "Rahimi said.",
        tmp_path,
    )
    assert _who(brief, "cut off") == ("Bram Rahimi", "Mayor of Dunmere")


COURT_REPORT = (
    "Councillor jailed\n\n"
    "Sentencing him on Friday, Judge Helen Marsh said he had \u201cbetrayed the trust of "
    "every voter\u201d.\n\n"
    "Defending, Sarah Quist said her client was \u201cdeeply ashamed\u201d.\n\n"
    "Lowmoor Council said it had tightened its checks. \u201cWe have learned from this,\u201d "
    "a spokeswoman said.\n\n"
    "\u201cIt will not happen again,\u201d a spokesman said."
)


@pytest.mark.parametrize(
    ("words", "who"),
    [
        ("deeply ashamed", ("Sarah Quist", None)),  # "Defending," is what she did, not a name
        ("learned from this", ("Lowmoor Council", "spokeswoman")),  # the council's spokeswoman
        # (a paragraph on, with no organisation speaking in it, nobody is guessed)
        ("not happen again", ("a spokesman", None)),
    ],
)
def test_court_and_council_shapes_name_the_right_speaker(
    tmp_path: Path, words: str, who: tuple[str | None, str | None]
) -> None:
    assert _who(_brief(COURT_REPORT, tmp_path), words) == who
