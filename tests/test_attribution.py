"""Who said it: each attribution shape newsrooms use, with name and role kept apart."""

from __future__ import annotations

import pytest

from briefing_app.core.attribution import parse_attribution, speaker_from_phrase
from briefing_app.core.attribution.people import register_people
from briefing_app.core.importer import import_text
from briefing_app.core.model import Speaker
from briefing_app.core.text.quotes import quoted_spans


@pytest.mark.parametrize(
    ("paragraph", "name", "role"),
    [
        ("Ana Ruiz, the port’s director: “We will not move.”", "Ana Ruiz", "port’s director"),
        ("Health Minister Lena Park: “Hospitals are ready.”", "Lena Park", "Health Minister"),
        ("Ana Ruiz told Harbour Radio: “We will not move.”", "Ana Ruiz", None),
        ("“We will not move,” said Ana Ruiz, the port director.", "Ana Ruiz", "port director"),
        ("“We will not move,” Ana Ruiz said.", "Ana Ruiz", None),
        (
            "“We will not move,” Ana Ruiz, the port director, said on Friday.",
            "Ana Ruiz",
            "port director",
        ),
        ("“We will not move.” — Ana Ruiz, port director", "Ana Ruiz", "port director"),
        ("“We will not move.” \u2013 Ana Ruiz", "Ana Ruiz", None),
        ("Mayor Tom Hesketh said the plan was “unacceptable”.", "Tom Hesketh", "Mayor"),
        ("The Dockworkers’ Union: “Our members did not choose this.”", "Dockworkers’ Union", None),
        ("“Prices will rise,” the Finance Ministry said in a statement.", "Finance Ministry", None),
        ('"We will not move," said Ana Ruiz, port director.', "Ana Ruiz", "port director"),
        (
            "Councillor Hannah Brecht, who voted against it, said the city was “wrong”.",
            "Hannah Brecht",
            "Councillor",
        ),
        (
            "“It is a start,” said Jean-Luc de la Fontaine, an analyst.",
            "Jean-Luc de la Fontaine",
            "analyst",
        ),
    ],
)
def test_attribution_shapes(paragraph: str, name: str, role: str | None) -> None:
    attribution = parse_attribution(paragraph)
    assert attribution.speaker == Speaker(name=name, role=role)


def test_unattributed_opening_quote_continues_previous_speaker() -> None:
    assert parse_attribution("“And we will keep going until they listen.”").continues_previous
    assert parse_attribution("“And another thing, running on").continues_previous


def test_pronoun_is_not_a_name() -> None:
    attribution = parse_attribution("“We are ready,” she said.")
    assert attribution.speaker is None
    assert attribution.pronoun is True  # resolved later to the previous speaker


def test_quoted_spans_handle_curly_straight_and_unclosed() -> None:
    text = 'He said “yes” and "no" and “maybe'
    assert [text[s:e] for s, e in quoted_spans(text)] == ["“yes”", '"no"', "“maybe"]


def test_registry_resolves_surname_and_role() -> None:
    registry = register_people(
        "Transport Minister Lucia Fenwright spoke first. Priya Venkataraman, a freight "
        "economist, disagreed."
    )
    assert registry.resolve(Speaker(name="Fenwright")) == Speaker(
        name="Lucia Fenwright", role="Transport Minister"
    )
    assert registry.resolve(Speaker(name="Priya Venkataraman")).role == "freight economist"


def test_speaker_from_phrase_rejects_sentences() -> None:
    assert (
        speaker_from_phrase(
            "the plan that the board approved on a wet night in the hall after hours of debate"
        )
        is None
    )


ARTICLE = """Harbour talks stall

Port director Ana Ruiz said on Monday that the offer was final.

What People Are Saying

“We have nothing more to give,” Ruiz told reporters.

“Not one cent more.”

“They will come back,” she said.

Union chief Sam Ode: “We are ready to wait.”

“The port has money,” Ode added. “It just will not spend it.”
"""


def test_quotes_section_resolves_surnames_pronouns_and_continuations() -> None:
    brief = import_text(ARTICLE, name="talks.txt")
    quotes = brief.sections[1].items
    assert [(q.speaker.name, q.speaker.role) for q in quotes] == [
        ("Ana Ruiz", "Port director"),
        ("Ana Ruiz", "Port director"),
        ("Ana Ruiz", "Port director"),
        ("Sam Ode", "Union chief"),
        ("Sam Ode", "Union chief"),
    ]


def test_quote_alone_when_the_rest_only_names_the_speaker() -> None:
    from briefing_app.core.attribution import quote_without_attribution

    okafor = Speaker(name="Amara Okafor", role="Port Director")
    assert (
        quote_without_attribution("Port Director Amara Okafor: “We will not move.”", okafor)
        == "“We will not move.”"
    )
    split = "“Not now,” said Amara Okafor, Port Director. “Not ever.”"
    assert quote_without_attribution(split, okafor) == "“Not now” … “Not ever.”"
    partial = "Port Director Amara Okafor said the union’s plan for the port was “unacceptable”."
    assert quote_without_attribution(partial, okafor) is None  # the context matters


@pytest.mark.parametrize(
    ("paragraph", "name", "role"),
    [
        (
            "“We cannot wait,” said Dr. Isla Brannigan, a GP at the Lowmoor surgery.",
            "Isla Brannigan",
            "GP at the Lowmoor surgery",
        ),
        ("“No,” said Sen. Jane Roe.", "Jane Roe", "Sen."),
        (
            "Gov. Marcia Thibodeaux said in a statement that the plan was “dead”.",
            "Marcia Thibodeaux",
            "Gov.",
        ),
        (
            "Trust chief executive Dr. Naomi Achebe said the unit was “unsafe”.",
            "Naomi Achebe",
            "Trust chief executive",
        ),
        ("“It is wrong,” the ministry said in a statement.", "Ministry", None),
        ("“It helps,” said Dr Anika Bose, who led the work.", "Anika Bose", "who led the work"),
        ("Mayor of Dunmere Bram Rahimi said the port was “open for now”.",
         "Bram Rahimi", "Mayor of Dunmere"),
        ("Analysts at Fennick Capital Partners said the cut was “overdue”.",
         "Fennick Capital Partners", "Analysts"),
        ("“We are reviewing it,” a Zipli spokeswoman said.", "Zipli", "spokeswoman"),
        ("“No comment,” a spokesman for the mayor said.", "Mayor", "spokesman"),
        ("According to Jane Roe, the deal is “dead in the water”.", "Jane Roe", None),
        (
            "LONDON (Meridian Wire) — Finance Minister Carla Benn said the budget was “tight”.",
            "Carla Benn",
            "Finance Minister",
        ),
        (
            "“It is hard,” said Sarah Lind, 42, a nurse from Dunmere.",
            "Sarah Lind",
            "nurse from Dunmere",
        ),
        ("Asked whether she would resign, Roe said: “Not today.”", "Roe", None),
        ("Parent Josie Hartline: “We found out on Facebook.”", "Josie Hartline", "Parent"),
        (
            "Heat is the one thing we have plenty of. — Karin Holm, Sundvik Water",
            "Karin Holm",
            "Sundvik Water",
        ),
    ],
)
def test_newsroom_attribution_variants(paragraph: str, name: str, role: str | None) -> None:
    assert parse_attribution(paragraph).speaker == Speaker(name=name, role=role)


def test_generic_groups_are_not_speakers() -> None:
    assert parse_attribution("Residents called the plan “a disgrace”.").speaker is None


def test_registry_skips_sentence_ends_and_articles_in_names() -> None:
    registry = register_people(
        "Zipli will reply by Monday. Zipli has 30 days. A Tavish worker left."
    )
    assert "Monday. Zipli" not in registry.roles and "A Tavish" not in registry.roles


def test_first_name_alone_resolves_when_unique() -> None:
    brief = import_text(
        "Mill sale\n\nFinance director Declan Brannock said the mill would be sold.\n\n"
        "What People Are Saying\n\n“It will not close,” Declan said.\n",
        name="mill.txt",
    )
    (quote,) = brief.sections[1].items
    assert (quote.speaker.name, quote.speaker.role) == ("Declan Brannock", "Finance director")


@pytest.mark.parametrize(
    ("text", "quotations"),
    [
        (
            "‘We opened the housings,’ she told the Courier. ‘I have never seen it.’",
            ["‘We opened the housings,’", "‘I have never seen it.’"],
        ),
        ("He called it ‘the only responsible decision open to us’ and left.",
         ["‘the only responsible decision open to us’"]),
        ("‘The workers’ union is strong,’ he said.", ["‘The workers’ union is strong,’"]),
        (
            "‘The report called it “sound for a generation”, and we believed it,’ she said.",
            ["‘The report called it “sound for a generation”, and we believed it,’"],
        ),
        ("The workers’ union will ‘fight on’. Nobody doesn’t know it.", ["‘fight on’"]),
        ("It was the ‘90s and people’s rents were low.", []),
        ("‘And it runs on into the next paragraph", ["‘And it runs on into the next paragraph"]),
    ],
)
def test_british_single_quotes_quote_and_apostrophes_do_not(
    text: str, quotations: list[str]
) -> None:
    assert [text[start:end] for start, end in quoted_spans(text)] == quotations


def test_british_quote_is_attributed_like_a_double_one() -> None:
    attribution = parse_attribution("‘I know this will hurt,’ Sir Anthony Velloway said.")
    assert attribution.speaker == Speaker(name="Anthony Velloway", role="Sir")
