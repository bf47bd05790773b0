"""Fixture-file tests: each article format in, the sections, items, speakers and links out.

The expectations are written by hand from reading each article, not recorded from output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.anchoring import selector_holds
from briefing_app.core.importer import import_path
from briefing_app.core.model import Brief, Item, LinkReason, SectionKind

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

LEDE, WHY, KNOW, QUOTES, NEXT, OTHER = (
    SectionKind.LEDE,
    SectionKind.WHY_IT_MATTERS,
    SectionKind.WHAT_TO_KNOW,
    SectionKind.QUOTES,
    SectionKind.NEXT_STEPS,
    SectionKind.OTHER,
)


def outline(brief: Brief) -> list[tuple[SectionKind, int]]:
    return [(section.kind, len(section.items)) for section in brief.sections]


def item_containing(brief: Brief, words: str) -> Item:
    matches = [item for item in brief.items() if words in item.text]
    assert len(matches) == 1, f"{len(matches)} items contain {words!r}"
    return matches[0]


def linked_texts(brief: Brief, item: Item) -> list[str]:
    return [link.selector.exact for link in item.links]


def assert_links_to(brief: Brief, item: Item, words: str, reason: LinkReason | None = None):
    hits = [link for link in item.links if words in link.selector.exact]
    assert hits, f"{item.id} does not link to {words!r}; links: {linked_texts(brief, item)}"
    if reason is not None:
        assert any(a.reason is reason for a in hits), [a.reason for a in hits]


def speakers(brief: Brief) -> list[tuple[str, str | None]]:
    return [
        (item.speaker.name, item.speaker.role)
        for section in brief.sections
        if section.kind is QUOTES
        for item in section.items
        if item.speaker is not None
    ]


def assert_invariants(brief: Brief) -> None:
    for item in brief.items():
        assert item.source is not None, item.id
        own = item.source
        assert brief.article.text[own.start : own.end] == item.text
        for anchor in item.spans():
            assert selector_holds(brief.article.text, anchor)
    assert len({item.id for item in brief.items()}) == len(brief.items())


# --- Format 1: plain text with heading lines ------------------------------------------


@pytest.fixture(scope="module")
def harbour() -> Brief:
    return import_path(SAMPLES / "harbour-strike.txt")


def test_heading_style_sections_and_metadata(harbour: Brief) -> None:
    assert harbour.title == "Why this dock strike could raise winter prices"
    assert harbour.source.author == "Helena Markley"
    assert harbour.source.publisher == "The Coastline Ledger"
    assert harbour.source.published == "2026-11-20"
    assert outline(harbour) == [(LEDE, 6), (WHY, 3), (KNOW, 5), (QUOTES, 8), (NEXT, 4)]
    assert [s.title for s in harbour.sections[1:]] == [
        "Why It Matters",
        "WHAT TO KNOW",
        "What People Are Saying",
        "What happens next",
    ]
    assert_invariants(harbour)


def test_headline_that_starts_like_a_heading_is_not_a_section(harbour: Brief) -> None:
    assert "Why this dock strike" not in harbour.article.text
    assert harbour.sections[1].kind is WHY
    assert harbour.sections[1].items[0].text.startswith("The Port of Carrowmore handles")


def test_reading_text_has_no_byline_and_keeps_headings(harbour: Brief) -> None:
    text = harbour.article.text
    assert text.startswith("Dockworkers at the Port of Carrowmore")
    assert "By Helena Markley" not in text
    assert "\n\nWhy It Matters\n\n" in text
    assert "\u2022 The 1,240 strikers" in text


def test_every_quote_shape_gets_name_and_role(harbour: Brief) -> None:
    assert speakers(harbour) == [
        ("Amara Okafor", "Port Director"),
        ("Desmond Achterberg", "secretary of the Dockworkers’ Union’s Carrowmore branch"),
        ("Grace Muldoon", None),
        ("Grace Muldoon", None),  # the unattributed continuation paragraph
        ("Tomasz Reilly", "owner of Reilly Fresh Wholesale in Dunmere"),
        ("Lucia Fenwright", "Transport Minister"),  # "Fenwright told reporters", resolved
        ("Priya Venkataraman", "freight economist at Halden University"),
        ("Dockworkers’ Union", None),
    ]
    assert all(item.kind == "quote" for item in harbour.sections[3].items)


def test_figures_link_restatements(harbour: Brief) -> None:
    bullet = item_containing(harbour, "The 1,240 strikers include")
    assert_links_to(harbour, bullet, "The strike involves 1,240 workers", LinkReason.FIGURE)
    assert_links_to(harbour, bullet, "Our 1,240 members", LinkReason.FIGURE)
    cost = item_containing(harbour, "The authority’s estimate of $38 million")
    assert_links_to(harbour, cost, "costing the regional economy $38 million a day")


def test_quotes_link_to_where_the_body_reports_them(harbour: Brief) -> None:
    okafor = item_containing(harbour, "Port Director Amara Okafor: “This offer")
    assert okafor.links[0].reason is LinkReason.QUOTED_WORDS  # strongest first
    strongest = okafor.links[0].selector.exact
    assert "Okafor said the offer was “as far as we can responsibly go”" in strongest
    achterberg = item_containing(harbour, "A 3.5% offer is unacceptable")
    assert_links_to(harbour, achterberg, "called the offer “unacceptable”", LinkReason.QUOTED_WORDS)
    fenwright = item_containing(harbour, "I will appoint an independent mediator")
    assert_links_to(harbour, fenwright, "Lucia Fenwright said on Thursday", LinkReason.SPEAKER)


def test_paraphrase_links_back_to_the_quote_card(harbour: Brief) -> None:
    lede = item_containing(harbour, "Transport Minister Lucia Fenwright said on Thursday")
    assert_links_to(harbour, lede, "I will appoint an independent mediator", LinkReason.SPEAKER)


def test_hedges_are_marked(harbour: Brief) -> None:
    lede = item_containing(harbour, "a figure that has not been independently confirmed")
    assert [(h.kind, h.text) for h in lede.hedges] == [
        ("unconfirmed", "has not been independently confirmed")
    ]
    why = item_containing(harbour, "estimates vary")
    assert [h.kind for h in why.hedges] == ["estimate"]
    calm = item_containing(harbour, "If the dispute runs past the 11 days")
    assert calm.hedges == []  # "the dispute" is a noun, not doubt


def test_no_links_on_common_words_alone(harbour: Brief) -> None:
    picket = item_containing(harbour, "By mid-afternoon, the picket line")
    assert picket.links == []


# --- Format 2: Smart Brevity inline labels, hard-wrapped ------------------------------


@pytest.fixture(scope="module")
def grid() -> Brief:
    return import_path(SAMPLES / "grid-upgrade.txt")


def test_inline_labels_map_onto_the_four_kinds(grid: Brief) -> None:
    assert [(s.kind, s.title) for s in grid.sections] == [
        (LEDE, ""),
        (WHY, "Why it matters"),
        (KNOW, "Driving the news"),
        (KNOW, "The big picture"),
        (OTHER, "Yes, but"),
        (QUOTES, "What they're saying"),
        (NEXT, "What's next"),
    ]
    assert_invariants(grid)


def test_hard_wrapped_lines_are_joined_and_bullets_kept(grid: Brief) -> None:
    lede = grid.sections[0].items[0]
    assert "\n" not in lede.text
    assert lede.text.startswith("The Kessler Valley Power Cooperative’s board on Tuesday night")
    bullets = [item.text for item in grid.sections[2].items]
    assert (
        "The plan replaces 480 miles of line, much of it strung in the 1970s on wooden poles."
        in bullets
    )
    # the label is in the reading text but not in the item
    why = grid.sections[1].items[0]
    assert why.text.startswith("Outages in the valley")
    assert "Why it matters: Outages" in grid.article.text


def test_inline_label_quotes(grid: Brief) -> None:
    assert speakers(grid) == [
        ("Walter Ingersoll", "cooperative’s chief executive"),
        ("Ruth Calder", "board member"),
        ("Marisol Dunleavy", "Board chair"),
        ("Joanna Fitch", "Pell Creek resident"),
        ("Aaron Maddox", "organiser of the Kessler Ratepayers Alliance"),
    ]
    ingersoll = item_containing(grid, "We expect to cut outage hours in half")
    assert_links_to(grid, ingersoll, "Chief executive Walter Ingersoll said the rebuild")


def test_wrapped_dash_line_is_not_an_attribution(grid: Brief) -> None:
    why = grid.sections[1].items[0]
    assert "— the first rate rise" in why.text
    assert why.speaker is None


# --- Format 3: Markdown ------------------------------------------------------------------


@pytest.fixture(scope="module")
def library() -> Brief:
    return import_path(SAMPLES / "library-budget.md")


def test_markdown_front_matter_and_sections(library: Brief) -> None:
    assert library.title == "Northgate votes to cut library hours as $4.2 million gap looms"
    assert library.source.publisher == "The Northgate Courier"
    assert library.source.author == "Imogen Tall"
    assert library.source.published == "2026-11-18"
    assert library.source.url == "https://example.org/news/2026/11/northgate-library-hours"
    assert [(s.kind, s.title, len(s.items)) for s in library.sections] == [
        (LEDE, "", 3),
        (WHY, "Why It Matters", 2),
        (KNOW, "What To Know", 5),  # a bold line on its own
        (QUOTES, "What People Are Saying", 5),  # an ### heading
        (NEXT, "What Happens Next", 2),
        (OTHER, "Background", 2),
    ]
    assert_invariants(library)


def test_markdown_reading_text_has_no_markup(library: Brief) -> None:
    text = library.article.text
    for markup in ("**", "](", "<span", "---", "title:", "# ", "> "):
        assert markup not in text, markup
    assert text.startswith("NORTHGATE — Public libraries")
    assert "city’s budget page" in text


def test_markdown_quote_shapes(library: Brief) -> None:
    assert speakers(library) == [
        ("Celia Marchetti", "library director"),
        ("Bram Osei", "chair of the finance committee"),
        ("Yusuf Adeyemi", "parent and volunteer at Linden Hill"),
        ("Hannah Brecht", "Councillor"),
        ("Northgate Library Workers’ Union", None),
    ]
    marchetti = item_containing(library, "We will do everything we can")
    assert_links_to(
        library, marchetti, "told councillors the system would", LinkReason.QUOTED_WORDS
    )
    osei = item_containing(library, "Nobody on this council wanted")
    assert_links_to(library, osei, "Osei said he would ask the finance office", LinkReason.SPEAKER)


def test_markdown_bold_figures_still_link(library: Brief) -> None:
    bullet = item_containing(library, "The council must close a $4.2 million gap")
    assert_links_to(library, bullet, "to close a $4.2 million hole", LinkReason.FIGURE)


# --- Fixtures: layouts and encodings ------------------------------------------------------


def test_one_paragraph_per_line_without_blank_lines() -> None:
    brief = import_path(FIXTURES / "one-per-line.txt")
    assert outline(brief) == [(LEDE, 2), (WHY, 1), (KNOW, 3), (QUOTES, 2), (NEXT, 1)]
    assert speakers(brief) == [
        ("Colin Barrow", "Operations manager"),
        ("Ailsa Dunne", "chair of the Tully Isles Community Council"),
    ]
    barrow = item_containing(brief, "run out of ways to stretch the budget")
    assert_links_to(brief, barrow, "Barrow said a third sailing could return", LinkReason.SPEAKER)
    assert_invariants(brief)


def test_crlf_straight_quotes_and_nbsp() -> None:
    brief = import_path(FIXTURES / "crlf-headings.txt")
    assert "\r" not in brief.article.text
    assert "\u00a0" in brief.article.text  # kept: it is part of the text, not a line end
    assert [kind for kind, _ in outline(brief)] == [LEDE, WHY, KNOW, QUOTES, NEXT]
    names = [name for name, _ in speakers(brief)]
    assert names == ["Shirley Adebayo", "Tom Hesketh"]
    assert_invariants(brief)


def test_windows_1252_curly_quotes_come_out_right() -> None:
    brief = import_path(FIXTURES / "cp1252.txt")
    assert brief.title.startswith("Café owners")
    assert "\u201c" in brief.article.text and "\u2014" in brief.article.text
    assert speakers(brief)[0] == ("Rosa Lindqvist", "owner of Café Lindqvist")


def test_utf16_with_bom() -> None:
    brief = import_path(FIXTURES / "utf16.txt")
    assert brief.title == "School bus routes redrawn after driver shortage"
    assert [kind for kind, _ in outline(brief)] == [LEDE, WHY, KNOW, QUOTES, NEXT]


def test_no_recognised_sections_goes_to_the_lede_with_a_warning() -> None:
    brief = import_path(FIXTURES / "no-sections.txt")
    assert [s.kind for s in brief.sections] == [LEDE, QUOTES]
    assert brief.warnings == [
        "no recognised sections; the article is in the Overview and its quotes under Quotes"
    ]
    assert [item.text.split(",")[0] for item in brief.sections[0].items] == [
        "A small bakery in the market town of Wrexley has been named the best in the county for "
        "the third year running",
        "Owner Marta Kowalczyk",
        "The judges",
    ]  # every paragraph kept, in order


def test_unknown_markdown_heading_becomes_other_section() -> None:
    brief = import_path(FIXTURES / "unknown-heading.md")
    assert [(s.kind, s.title) for s in brief.sections] == [
        (LEDE, ""),
        (WHY, "Why It Matters"),
        (OTHER, "Timeline"),
        (NEXT, "What's next"),
    ]
    timeline = brief.sections[2].items
    assert timeline[0].text == "March 2027: Park closes; site clearance begins."


# --- Format 4: brief JSON -----------------------------------------------------------------


def test_brief_json_sample_reimports_identically(harbour: Brief) -> None:
    stored = import_path(SAMPLES / "harbour-strike.brief.json")
    assert [i.id for i in stored.items()] == [i.id for i in harbour.items()]
    assert [i.spans() for i in stored.items()] == [i.spans() for i in harbour.items()]
    assert stored.id == harbour.id


def test_caps_headings_with_colons_numbered_lists_and_dash_attribution_lines() -> None:
    brief = import_path(FIXTURES / "caps-colon-headings.txt")
    assert brief.title == "WATER RATES TO RISE 9% IN APRIL"
    assert brief.source.published == "March 3, 2026"
    assert outline(brief) == [(LEDE, 2), (WHY, 1), (KNOW, 3), (QUOTES, 3), (NEXT, 1)]
    assert speakers(brief) == [
        ("Marcus Webb", "authority board chair"),
        ("Tanya Ruiz", "Elm County Tenants Union"),
        ("Alan Cho", "Board member"),  # "Cho said", resolved from earlier in the paragraph
    ]
    webb = brief.sections[3].items[0]
    assert webb.text.endswith("— Marcus Webb, authority board chair")
    assert_links_to(brief, webb, "Webb said the authority would publish", LinkReason.SPEAKER)
    assert_invariants(brief)


def test_byline_first_and_labels_alone_on_their_lines() -> None:
    brief = import_path(FIXTURES / "byline-first-labels-alone.txt")
    assert brief.source.author == "Jane Doe"
    # no headline line: the first sentence, not the byline and not the file name
    assert brief.title == "City approves new transit tax of 0.5% after long debate."
    assert brief.source.published == "Nov. 20, 2026"
    assert outline(brief) == [(LEDE, 1), (WHY, 2), (QUOTES, 2), (NEXT, 1)]
    assert speakers(brief) == [("Lisa Grant", "Mayor"), ("Taxpayers Association", None)]


def test_markdown_bold_inline_labels() -> None:
    brief = import_path(FIXTURES / "bold-inline-labels.md")
    assert brief.title == "Storm batters coast"
    assert [s.kind for s in brief.sections] == [WHY, KNOW, QUOTES, NEXT]
    assert "**" not in brief.article.text
    quotes = brief.sections[2].items
    assert [(q.speaker.name, q.speaker.role) for q in quotes] == [
        ("Ann Lee", "Gov."),
        ("Ann Lee", "Gov."),  # "she added" continues the previous speaker
    ]
    bullet = item_containing(brief, "More than 40,000 homes lost power.")
    assert_links_to(brief, bullet, "More than 40,000 homes lost power, and officials")


def test_markdown_export_shapes() -> None:
    brief = import_path(FIXTURES / "md-export-shapes.md")
    assert brief.title == "Ferry fares to rise 8% as fuel bill climbs"
    assert brief.source.author == "Ines Calder, Rob Ferris"  # a list of author objects
    assert brief.source.publisher == "Harbour Gazette"
    text = brief.article.text
    assert "Ferry at the pier" not in text  # image alt text is not article text
    assert "By Ines Calder" not in text
    assert "May, the operator said on Tuesday. It blamed" in text  # <br> is a space
    lede = [item.text for item in brief.sections[0].items]
    assert lede[0].startswith("The operator says the increase")  # the standfirst, not a section
    assert "“We held prices for as long as we could.”" in lede  # a pull quote, not a heading
    assert [s.kind for s in brief.sections] == [LEDE, WHY, KNOW, QUOTES, NEXT]
    assert [item.text for item in brief.sections[2].items] == [
        "Route · Adult return",
        "Kilbrae–Port Ellis · £14.20",
        "Kilbrae–Dunmore · £9.80",
    ]
    (quote,) = brief.sections[3].items
    assert quote.text.startswith("We looked at every other saving first.")
    assert (quote.speaker.name, quote.speaker.role) == ("Moira Dunn", "operations director")
    assert_invariants(brief)


def test_markdown_inline_script_text_and_plain_heading_lines() -> None:
    from briefing_app.core.importer import import_text

    brief = import_text(
        'Hello <script>alert("x")</script> world.\n\nWhy It Matters\n\nIt does.\n',
        name="s.md",
        fmt="markdown",
    )
    assert "alert" not in brief.article.text
    assert [s.kind for s in brief.sections] == [LEDE, WHY]


def test_decorated_headings_dash_labels_numbered_lists_and_two_speakers() -> None:
    brief = import_path(FIXTURES / "decorated-headings.txt")
    assert brief.source.publisher == "The Northern Review"  # the outlet comes last
    assert [s.kind for s in brief.sections] == [LEDE, WHY, KNOW, QUOTES, NEXT]
    why = brief.sections[1].items[0]
    assert why.text.startswith("The bridge carries 18,000 vehicles")  # label and dash not in it
    assert "1. Work starts on June 3.\n2. A shuttle bus" in brief.article.text
    quotes = brief.sections[3].items
    # the speaker is the one holding the quote, not the next sentence's subject
    assert [(q.speaker.name, q.speaker.role) for q in quotes] == [
        ("Rosalind Achebe", "Councillor"),
        ("Rosalind Achebe", "Councillor"),
    ]
    assert [h.kind for h in brief.sections[4].items[0].hedges] == ["estimate"]  # provisional
    for item in brief.items():  # no link lands on a section label
        assert all(not a.exact.startswith(("What's next:", "Why it matters")) for a in item.spans())
    assert_invariants(brief)
